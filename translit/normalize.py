"""Grouping keys: one key for every spelling of a name, in any script, system or language form.

key() reads each word as a sequence of sounds and writes it with a small alphabet that folds
exactly the differences that spellings of one name show, and no others:

==========================  =================================================================
folded together (key sign)  why
==========================  =================================================================
г ґ х / g h kh gh x ch (g)  Ukrainian г is h, Russian г is g; х is kh, ch (de, pl, cs), x, h
ц ч тс / ts tz c cz č (c)   German z and ts; GOST 7.79 B's cz (ц) is Polish cz (ч); English
                            writes ц and т+с alike (Bratsk)
з с / z s ś ź (s)           German writes both as s (Selenskyj); ss between vowels
ж ш / zh sh ž ż sch rz (š)  German sch is both ш and ж (Schukow = Жуков)
дз / dz → д (d)             Belarusian дзеканне: Маладзечна = Молодечна
double letters → single     Запоріжжя / Запорожье, Savva / Sava
ь ъ and apostrophes         dropped: soft signs and ʼ are spelled, omitted or ' at will
vowels inside a word → e    Харків / Харьков (і ~ о), Київ / Киев, Маладзечна / Молодечна
  … but u stays u           у ю u ou: Сумы ≠ Сімі, Юлія ≠ Ілля
a word's last vowels        dropped (Дніпро / Днепр, Зеленський / Zelensky / Zelenskyy),
                            except a final а (not я): Іванова ≠ Іванов, Зеленська ≠ Зеленський
==========================  =================================================================

The key's own letters (b c d f g k l m n p r s š t v, e u a) hold no group that reads as
something else, so a key is its own key.  Each word is read in its spelling convention: "ch" is ч in English spellings (Chernihiv), х in
German, Polish and Czech ones (Charkiw), ш in French ones (Chevtchenko); German z is ц.  The
convention is told by letters only it uses (detect.latin_family).  Given names are then
written in one form across languages (tables/names/given-names.toml: Владимир = Володимир),
and the words are sorted, so word order and "Surname, Given" do not matter.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import regex
from unidecode import unidecode

from .detect import latin_family
from .engine import prepare
from .tables import APOSTROPHES, tables_dir

#: Bumped whenever a key changes for some input; store it beside stored keys.
KEY_VERSION = 1

#: similarity() at or above this is "probably the same name" (see similarity()).
SIMILARITY_THRESHOLD = 0.8

# Sounds: consonants are lowercase symbols; vowels are capitals, folded later by position.
_CYRILLIC: dict[str, str] = {
    "а": "A", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "E", "ё": "JO", "є": "JE",
    "ж": "š", "з": "s", "и": "I", "і": "I", "ї": "JI", "й": "J", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "O", "п": "p", "р": "r", "с": "s", "т": "t", "у": "U", "ў": "v", "ф": "f",
    "х": "g", "ц": "c", "ч": "c", "ш": "š", "щ": "šc", "ъ": "", "ы": "I", "ь": "", "э": "E",
    "ю": "JU", "я": "JA", "ʼ": "",
    # letters of neighbouring Cyrillic alphabets seen in these names
    "ѣ": "E", "ј": "J", "џ": "dš", "ђ": "d", "ћ": "c", "љ": "l", "њ": "n",
}
# т+с is written ts, as ц is, in every English-style system (Bratsk: Братск), so it keys as ц.
# So are т+з, т+ц and т+ч (tz, tts, tch), which keeps t and s from ever meeting in a key.
# (Soft signs and apostrophes are taken out first: тьс reads as тс.)
# с+ч is written sch, which German spelling reads as ш (and Russian speech as щ): it keys as ш.
_CYRILLIC_GROUPS = {
    "дз": "d", "дж": "dš", "тс": "c", "тз": "c", "тц": "c", "тч": "c", "сч": "š",
}
_SILENT_CYRILLIC = str.maketrans("", "", "ьъʼ")
_SILENT_LATIN = str.maketrans("", "", "ʹʺʼ'’‘`′″\"”·´")
# x before a consonant is х (scholarly Axtyrka, GOST 7.79 B Baxmut); before a vowel, кс (Maxim)
_X_KHA = regex.compile(r"x(?=[bcdfghjklmnpqrstvwxzčšžćśźńłľĺ])")
# j between consonants is a soft sign (DSTU 9112 A: Frankivsjk), not a vowel
_SOFT_J = regex.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžćśźńłľĺ])j(?=[bcdfghklmnpqrstvwxzčšžćśźńłľĺ]|$)")

_LATIN: dict[str, str] = {
    "a": "A", "b": "b", "c": "c", "d": "d", "e": "E", "f": "f", "g": "g", "h": "g", "i": "I",
    "j": "J", "k": "k", "l": "l", "m": "m", "n": "n", "o": "O", "p": "p", "q": "k", "r": "r",
    "s": "s", "t": "t", "u": "U", "v": "v", "w": "v", "x": "ks", "y": "I", "z": "s",
    "č": "c", "ć": "c", "ĉ": "c", "š": "š", "ŝ": "šc", "ž": "š", "ż": "š", "ź": "s",
    "ś": "s", "ł": "l", "ĺ": "l", "ľ": "l", "ń": "n", "ň": "n", "ŭ": "v", "ǵ": "g", "ģ": "g",
    "ë": "JO", "ï": "JI", "ê": "JE", "â": "JA", "û": "JU", "ǎ": "JA", "ǔ": "JU", "ó": "O",
    "ò": "O", "ô": "O", "ö": "O", "è": "E", "é": "E", "ě": "E", "ė": "E", "ę": "E", "ą": "O",
    "à": "A", "á": "A", "ä": "A", "ì": "I", "í": "I", "ý": "I", "ÿ": "I", "ü": "U", "ú": "U",
    "ù": "U", "ů": "U", "ř": "š", "đ": "d", "ß": "s", "ʹ": "", "ʺ": "", "ʼ": "", "'": "",
    "’": "", "‘": "", "`": "", "′": "", "″": "", "\"": "",
}
# Groups read the same in every convention, longest first.
_LATIN_GROUPS: dict[str, str] = {
    "schtsch": "šc", "shtsh": "šc", "shch": "šc", "szcz": "šc", "šč": "šc", "sch": "š",
    "tsch": "c", "tch": "c", "ts": "c", "tc": "c", "tz": "c", "cz": "c", "tzh": "tš",
    "tts": "c", "ttz": "c", "ttc": "c",  # т+ц, тт+с: a t before ts is part of the ц
    "tsh": "tš", "sč": "š", "kh": "g", "gh": "g", "zh": "š",  # sč: с+ч, as сч above
    "sh": "š", "dzh": "dš", "dž": "dš", "dz": "d", "dź": "d", "ph": "f", "ou": "U",
}
# Where conventions differ: the reading of each group in each convention.
_FAMILY_GROUPS: dict[str, dict[str, str]] = {
    "english": {"ch": "c"},
    "german": {"ch": "g", "z": "c"},
    "polish": {"ch": "g", "sz": "š", "rz": "š"},
    "czech": {"ch": "g", "x": "g"},
    "french": {"ch": "š", "j": "š", "gue": "gE", "gui": "gI"},
    "gost": {"ch": "c", "x": "g", "shh": "šc"},
}

# Apostrophes and BGN's ” (for ъ and the apostrophe) belong to the word they stand in.
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}" + regex.escape(APOSTROPHES + "”\"·") + r"]+")
_VOWELS = regex.compile(r"[AEIOUJ]+")
_DOUBLES = regex.compile(r"([a-zš])\1+")
_DOUBLE_LETTERS = regex.compile(r"(.)\1+")
_CYRILLIC_RUN = regex.compile(r"[\p{Script=Cyrillic}ʼ]+")


def _compile(groups: dict[str, str]) -> tuple[regex.Pattern[str], dict[str, str]]:
    keys = sorted(groups, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys)), groups


@cache
def _latin_reader(family: str) -> tuple[regex.Pattern[str], dict[str, str]]:
    groups = {**_LATIN_GROUPS, **_FAMILY_GROUPS[family]}
    return _compile(groups)


_CYRILLIC_READER = _compile(_CYRILLIC_GROUPS)


def _sounds_latin(run: str, family: str) -> str:
    pattern, groups = _latin_reader(family)
    run = _X_KHA.sub("h", _SOFT_J.sub("", run.translate(_SILENT_LATIN)))
    text = pattern.sub(lambda m: "\x00" + groups[m.group()] + "\x01", run)
    out = []
    inside = False
    for c in text:
        if c == "\x00":
            inside = True
        elif c == "\x01":
            inside = False
        elif inside:
            out.append(c)
        else:
            sound = _LATIN.get(c)
            if sound is None:
                sound = _LATIN.get(unidecode(c).lower(), "") if not c.isdigit() else c
            out.append(sound)
    return "".join(out)


def _sounds_cyrillic(run: str) -> str:
    pattern, groups = _CYRILLIC_READER
    run = _DOUBLE_LETTERS.sub(r"\1", run.translate(_SILENT_CYRILLIC))
    run = pattern.sub(lambda m: "\x00" + groups[m.group()] + "\x01", run)
    out = []
    inside = False
    for c in run:
        if c == "\x00":
            inside = True
        elif c == "\x01":
            inside = False
        elif inside:
            out.append(c)
        else:
            out.append(_CYRILLIC.get(c, ""))
    return "".join(out)


def _fold_vowels(sounds: str) -> str:
    end = len(sounds)

    def fold(match: regex.Match[str]) -> str:
        run = match.group()
        if match.end() == end:
            return "a" if run[0] == "A" else ""
        return "u" if "U" in run else "e"

    return _VOWELS.sub(fold, sounds)


@cache
def _word_key(word: str) -> str:
    """The key of one word (lowercase, NFC, apostrophes inside)."""
    parts = []
    family: str | None = None
    position = 0
    for match in _CYRILLIC_RUN.finditer(word):
        if match.start() > position:
            family = family or latin_family(word)
            parts.append(_sounds_latin(word[position : match.start()], family))
        parts.append(_sounds_cyrillic(match.group()))
        position = match.end()
    if position < len(word):
        family = family or latin_family(word)
        parts.append(_sounds_latin(word[position:], family))
    sounds = _DOUBLES.sub(r"\1", "".join(parts))
    return _fold_vowels(sounds)


@cache
def _given_names() -> dict[str, str]:
    """Word key of every form of a given name → the key of the name's first form."""
    from .systems import romanize, systems

    path = tables_dir() / "names" / "given-names.toml"
    rows = tomllib.loads(path.read_text("utf-8"))["names"]
    every = systems()
    mapping: dict[str, str] = {}
    clashes: set[str] = set()
    for first, others in rows.items():
        target = _word_key(_prepare(first))
        for form in [first, *others]:
            spellings = {form}
            if not form.isascii():
                spellings |= {romanize(form, s.id) for s in every}
            for spelling in spellings:
                word = _word_key(_prepare(spelling))
                if mapping.get(word, target) != target:
                    clashes.add(word)
                mapping[word] = target
    for word in clashes:  # a spelling two names share says nothing: keep it as it is
        del mapping[word]
    return mapping


_INVISIBLE = regex.compile(r"\p{Cf}+")


def _prepare(text: str) -> str:
    """NFC, apostrophes inside Cyrillic words as ʼ (as romanize reads them), lowercase,
    invisible format characters (soft hyphen, zero-width joiners, bidi marks) taken out."""
    return prepare(_INVISIBLE.sub("", text), cyrillic_source=True).lower()


def key(name: str) -> str:
    """One key for every spelling of *name*: equal for its variants, different for other names.

    >>> key("Kharkiv") == key("Харьков") == key("Charkiw") == key("Khar'kov")
    True
    """
    if not isinstance(name, str):
        raise TypeError(f"key() takes a str, not {type(name).__name__}")
    done = _memo.get(name)
    if done is not None:
        return done
    given = _given_names()
    words = []
    for match in _WORDS.finditer(_prepare(name)):
        word = _word_key(match.group().strip(APOSTROPHES + "”\"·"))
        if word:
            words.append(given.get(word, word))
    done = " ".join(sorted(words))
    if len(_memo) >= 1 << 17:
        _memo.clear()
    _memo[name] = done
    return done


_memo: dict[str, str] = {}


def key_many(names: Iterable[str | None]) -> list[str | None]:
    """key() over a batch (lists, tuples, generators, pandas Series); None stays None."""
    return [None if n is None else key(n) for n in names]


@dataclass(frozen=True)
class Group:
    """Names that share a key, in input order, with the spelling that represents them."""

    key: str
    representative: str
    names: tuple[str, ...]
    indices: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.names)


def group(names: Sequence[str] | Iterable[str]) -> list[Group]:
    """The input names grouped by key: nothing dropped, input order kept inside each group.

    Groups come largest first (ties: in order of first appearance).  The representative is the
    most frequent spelling; among equally frequent ones, a spelling in Latin letters that the
    key's language's default system writes (the standard spelling), else the first seen.
    """
    members: dict[str, list[int]] = {}
    items = list(names)
    for index, name in enumerate(items):
        members.setdefault(key(name), []).append(index)
    groups = [
        Group(k, representative([items[i] for i in idx]), tuple(items[i] for i in idx),
              tuple(idx))
        for k, idx in members.items()
    ]
    groups.sort(key=lambda g: (-g.size, g.indices[0]))
    return groups


def representative(spellings: Sequence[str]) -> str:
    """The most frequent spelling; ties go to the standard one, then to the first seen."""
    counts = Counter(spellings)
    best = max(counts.values())
    tied = [s for s in dict.fromkeys(spellings) if counts[s] == best]
    if len(tied) > 1:
        from .systems import romanize

        standard = {romanize(s) for s in tied if not s.isascii()}
        for s in tied:
            if s in standard:
                return s
    return tied[0]


def similarity(a: str, b: str) -> float:
    """How alike two names are, in [0, 1], after everything key() folds.

    1.0 when the keys are equal; otherwise the normalized Indel similarity (rapidfuzz) of the
    keys, whose words are already sorted.  At or above SIMILARITY_THRESHOLD (0.8) the names are
    probably one name misspelled (Deineha / Deyneka: one sound apart in six); below it, treat
    them as different (Shevchenko / Shevchuk 0.77, Ivanov / Ivanenko 0.77).
    """
    ka, kb = key(a), key(b)
    if ka == kb:
        return 1.0 if ka or (a.strip() == b.strip()) else 0.0
    from rapidfuzz import fuzz

    return float(fuzz.ratio(ka, kb)) / 100.0
