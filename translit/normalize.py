"""Grouping keys: one key for every spelling of a name, in any script, system or language form.

Two levels:

* ``key(name)``: the precise key, for joins and for storage (store KEY_VERSION beside it).
  Spellings of one name in every system and in its Russian, Ukrainian and Belarusian forms
  share it where the letters allow; a name of another derivation (Ivanov / Ivanova, Kozlov /
  Kozlovo) or with other vowels (Милове / Малеве) does not.
* ``block_keys(name)`` (translit.blocking): the few keys under which a name's variants may hide, one per plausible
  reading of its letters (other conventions, and a looser fold), for high-recall blocking;
  ``same_name(a, b)`` verifies a pair that shares one (see its docstring for the rule).

key() reads each word as a sequence of sounds and writes it with a small alphabet that folds
the differences that spellings of one name show, and keeps the others:

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
ь ъ and apostrophes         dropped: soft signs and ʼ are spelled, omitted or ' at will (ь ъ
                            before a vowel, and ' in Latin, are the glide й: see below)
a word's first vowel        keeps its class: а о е є э ё (a: Олександр / Александр, Олена /
                            Елена), и і ї ы (i), у ю (u): Алла ≠ Илья, Игорь ≠ Егор; of a
                            run, the first vowel (Aidar = Айдар; ya, ia, ю: the glide's vowel)
vowels inside a word        by class: а о (a: Belarusian akanne, Маладзечна / Молодечна),
                            е и і ы є э ё (e: Київ / Киев, Сергій / Сергей, Артём / Артем;
                            yo, io, ö, ьо are ё), у ю ou (u: Сумы ≠ Сімі); after ж ш ч щ ц,
                            о is е (Камышевая / Комишова)
  … in a closed syllable    о е і и one (e): Ukrainian і for о and е where a consonant
                            closes the syllable (Харків / Харьков, Рівне / Ровно, Іванів /
                            Іванов); а stays a.  A syllable is closed by a consonant and then
                            a consonant, the word's end, or an ending that starts with a glide
                            (Запорожье: жье; Запоріжжя: a doubled consonant before the ending)
  … two vowels              two signs, the first closed before й (Миколаїв / Николаев: ae;
                            Самойлово / Самійлове: e)
a word's ending             kept as its class: -ий -ый -ій -ой -и -і / -y -iy -yi -ij -yy -oi
                            (i); -о -е -ое -ее -ье / -o -e -oe -oye -ye (o); -а -я -ая -ия /
                            -a -ya -aya -ia (a); -у -ю (u); a consonant: none.  So Іванова ≠
                            Іванов ≠ Іваново, Зеленська ≠ Зеленський; Вишневе = Вишневое
шч / šč (šc)                Belarusian щ; с+ч, з+ч and sch, sč key as ш (see _CYRILLIC_GROUPS)
==========================  =================================================================

The key's own letters (b c d f g k l m n p r s š t v, a e u, and i o at a word's start or
end) hold no group that reads as something else, so a key is its own key.  Each word is read
in its spelling convention: "ch" is ч in English spellings (Chernihiv), х in German, Polish
and Czech ones (Charkiw), ш in French ones (Chevtchenko); German z is ц.  The convention is
told by letters only it uses (letters.latin_family).  The letters, groups and conventions
are tables (tables/key/: cyrillic.toml, latin.toml, one latin-*.toml per convention, and the
vowel classes in folds.toml); the contexts no row can say are the patterns below.  Given names
are one closed set: a word whose sounds (before the vowel fold) are those of a spelling of a
row of tables/names/given-names.toml keys as that row (Владимир = Володимир = Wolodymyr), and
two rows never meet through the fold; a given name the table does not list but the lexicon
knows keys by its own vowels where the fold would make it one with another name (Аліна ≠
Алена, Марина ≠ Маріанна: _lexicon_given); the words are sorted, so word order and "Surname,
Given" do not matter.

The key knows the official Russian forms of Ukraine's settlements (KOATUU 2019): a Russian
form's word that keys otherwise than its Ukrainian word keys as it (Николаев / Миколаїв,
Днепр / Дніпро), and so do all their spellings (_known_forms: the rules, and the law).

What a key cannot tell is left to block_keys(): forms of one word the known forms do not
list (other endings), Dainega / Deineha (a for е), Belarusian яканне (Зяленскі /
Зеленський), Zaporozhye (ye is ье in English-style spellings, е in BGN/PCGN's Belarusian),
ASCII spellings in another convention (Sevcenko, Tschernigow without its w).
"""

from __future__ import annotations

import gzip
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from unidecode import unidecode

from .batch import is_placeholder, names_of
from .engine import prepare
from .errors import TableError
from .letters import ALPHABETS, APOSTROPHES, CYRILLIC_RANGES, latin_family
from .memo import NAMES, WORD_KEYS, WORDS, Memo, register
from .systems import romanize, systems
from .tables import given_names, tables_dir

#: Bumped whenever a key changes for some input; store it beside stored keys.
KEY_VERSION = 8
#: The spelling conventions whose Latin the key reads as their own (its Latin readers, by
#: translit.letters.latin_family); other conventions' spellings are read as English.
KEY_CONVENTIONS = frozenset({"english", "scholarly", "lacinka", "german", "polish", "french",
                             "czech"})

#: similarity() at or above this is "probably the same name" (see similarity()).
SIMILARITY_THRESHOLD = 0.8

# The readings are tables (tables/key/: tables/README.md, "Key tables"): each script's letters
# and groups as key signs, each Latin convention's own groups, and the vowel classes.  Consonant
# signs are lowercase symbols; vowels are capitals, folded later by position.
_SIGNS = re.compile("[bcdfgklmnprsštvAEIOUJY]*")
#: The key table's file of each convention and script (tables/key/*.toml).
KEY_TABLES = "key"


@dataclass(frozen=True)
class Reading:
    """One key table: a script's letters, or a Latin convention's groups, as key signs."""

    name: str  # the file's name without .toml: cyrillic, latin, latin-german …
    script: str  # cyrillic or latin
    convention: str  # the Latin convention (latin_family's name); "" for a script's own table
    key: bool  # whether key() reads words in it (else block_keys only)
    markers: re.Pattern[str] | None  # block_keys reads a word in it when these match
    letters: dict[str, str]
    groups: dict[str, str]
    endings: dict[str, str]  # a word's last letters after a consonant → the letters they stand for


def _table_error(path: Path, row: str | None, problem: str) -> TableError:
    return TableError(f"tables/{KEY_TABLES}/{path.name}", row, problem)


def _signs(path: Path, section: str, raw: Any, single: bool) -> dict[str, str]:
    """A section's rows (spelling → key signs), checked."""
    if not isinstance(raw, dict):
        raise _table_error(path, f"[{section}]", "a section of rows (spelling = signs)")
    rows: dict[str, str] = {}
    for spelling, signs in raw.items():
        where = f"[{section}] {spelling!r}"
        if not isinstance(signs, str) or _SIGNS.fullmatch(signs) is None:
            raise _table_error(path, where, f"{signs!r} is not key signs "
                               "(b c d f g k l m n p r s š t v, A E I O U J Y)")
        if single and len(spelling) != 1:
            raise _table_error(path, where, "a letter row reads one character")
        if not spelling or spelling != spelling.lower():
            raise _table_error(path, where, "spellings are lowercase and not empty")
        rows[unicodedata.normalize("NFC", spelling)] = signs
    return rows


_READING_KEYS = {"script", "convention", "key", "markers"}


def _reading(path: Path) -> Reading:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _table_error(path, None, f"cannot read: {exc}") from None
    unknown = set(data) - {"reading", "letters", "groups", "endings"}
    if unknown:
        raise _table_error(path, f"[{sorted(unknown)[0]}]", "unknown section (known: reading, "
                           "letters, groups, endings)")
    endings = data.get("endings", {})
    if not isinstance(endings, dict) or not all(
            isinstance(k, str) and k and k == k.lower() and isinstance(v, str) and v == v.lower()
            for k, v in endings.items()):
        raise _table_error(path, "[endings]", "rows map a word's last letters to letters "
                           "(lowercase)")
    meta = data.get("reading")
    if not isinstance(meta, dict) or meta.get("script") not in ("cyrillic", "latin"):
        raise _table_error(path, "[reading]", "script = \"cyrillic\" or \"latin\" is required")
    if set(meta) - _READING_KEYS:
        raise _table_error(path, "[reading]", f"unknown field {sorted(set(meta) - _READING_KEYS)[0]!r}")
    markers = meta.get("markers", [])
    if not isinstance(markers, list) or not all(isinstance(m, str) and m for m in markers):
        raise _table_error(path, "[reading] markers", "a list of regular expressions")
    try:
        pattern = re.compile("|".join(markers)) if markers else None
    except re.error as exc:
        raise _table_error(path, "[reading] markers", f"not a regular expression: {exc}") from None
    convention = meta.get("convention", "")
    if not isinstance(convention, str) or not isinstance(meta.get("key", False), bool):
        raise _table_error(path, "[reading]", "convention is a name, key is true or false")
    return Reading(
        name=path.stem, script=meta["script"], convention=convention,
        key=meta.get("key", False), markers=pattern,
        letters=_signs(path, "letters", data.get("letters", {}), single=True),
        groups=_signs(path, "groups", data.get("groups", {}), single=False),
        endings={unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v)
                 for k, v in endings.items()},
    )


@cache
def key_tables() -> dict[str, Reading]:
    """Every key table of tables/key/ by file name (without .toml), in file-name order."""
    folder = tables_dir() / KEY_TABLES
    return {path.stem: _reading(path) for path in sorted(folder.glob("*.toml"))
            if path.stem != "folds"}


@cache
def _folds_table() -> tuple[Path, dict[str, Any]]:
    """tables/key/folds.toml, read once: its path and its rows."""
    path = tables_dir() / KEY_TABLES / "folds.toml"
    try:
        return path, tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _table_error(path, None, f"cannot read: {exc}") from None


@cache
def key_folds() -> dict[str, dict[str, str]]:
    """tables/key/folds.toml: the vowel classes by position (open, closed, initial, ending)
    and block_keys' looser consonant fold (loose)."""
    path, data = _folds_table()
    folds: dict[str, dict[str, str]] = {}
    for name in ("open", "closed", "initial", "ending"):
        rows = data.get("vowels", {}).get(name)
        if not isinstance(rows, dict) or not set(rows) <= set("AEIOU") or not all(
                isinstance(v, str) and v in ("a", "e", "i", "o", "u") for v in rows.values()):
            raise _table_error(path, f"[vowels.{name}]", "rows map a vowel sign (A E I O U) to "
                               "its class (a e i o u)")
        folds[name] = dict(rows)
    folds["loose"] = _signs(path, "loose", data.get("loose", {}), single=True)
    return folds


@cache
def plain_forms() -> dict[str, tuple[str, ...]]:
    """tables/key/folds.toml's [plain]: each hushing letter or digraph and the plain letters a
    spelling typed without marks writes for it (translit.blocking._latin_alike)."""
    path, data = _folds_table()
    raw = data.get("plain", {})
    if not isinstance(raw, dict):
        raise _table_error(path, "[plain]", "a section of rows (spelling = [plain forms])")
    rows: dict[str, tuple[str, ...]] = {}
    for spelling, forms in raw.items():
        if not spelling or spelling != spelling.lower() or not isinstance(forms, list) or not \
                forms or not all(isinstance(f, str) and f.isascii() and f.isalpha()
                                 and f == f.lower() for f in forms):
            raise _table_error(path, f"[plain] {spelling!r}", "a lowercase spelling and a list "
                               "of its plain forms in lowercase ASCII letters")
        rows[unicodedata.normalize("NFC", spelling)] = tuple(forms)
    return rows


def _conventions() -> dict[str, Reading]:
    """The Latin conventions' tables by convention name."""
    return {t.convention: t for t in key_tables().values() if t.script == "latin" and t.convention}


_CYRILLIC = key_tables()["cyrillic"].letters
_CYRILLIC_GROUPS = key_tables()["cyrillic"].groups
_LATIN = key_tables()["latin"].letters
# Groups read the same in every convention, longest first.
_LATIN_GROUPS = key_tables()["latin"].groups
# Where conventions differ: the reading of each group in each convention.
_FAMILY_GROUPS = {name: t.groups for name, t in _conventions().items()}
#: The conventions key() reads a Latin word in (the others only block_keys: translit.blocking).
KEY_FAMILIES = frozenset(name for name, t in _conventions().items() if t.key)
# Conventions that read j in a group of their own (French j, Swedish tj, Dutch sj): there, j
# before e is no soft sign (_LATIN_JE).
_J_GROUPS = frozenset(name for name, t in _conventions().items() if any("j" in g for g in t.groups))
# Word endings a convention adds or writes its own way (Lithuanian -as: Nesterovas).
_WORD_ENDINGS = {
    name: (re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžł])(?:"
                      + "|".join(re.escape(e) for e in sorted(t.endings, key=len, reverse=True))
                      + ")$"), t.endings)
    for name, t in _conventions().items() if t.endings}

# Contexts: where a letter reads otherwise than its row, by the letters around it.
_SILENT_CYRILLIC = str.maketrans("", "", "ьъʼ")
# ь and ъ before a vowel are the glide й (Запорожье: жье as жйе; Latin Zaporozhye), which closes
# the syllable before it
_SEPARATING_SIGN = re.compile("[ьъ](?=[аеёиіїоуэюяє])")
_LATIN_SEPARATING = re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžł])['’ʼʹʺ″]y?(?=[aeiouâêôûë])")
# A consonant letter with a softness mark before o is the consonant and ё (Belarusian Lacinka
# and national: Ĺoša, Nižńohirśkij), as ьо is in Cyrillic.
_SOFT_O = re.compile(r"(?<=[ĺńśźćľťď])o")
# French writes a final -ин as -ine (Rogatine: Рогатин); elsewhere -ine is -ине.
_FRENCH_INE = re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžł])ine$")
_LATIN_JE = re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžłĺńśźćľťď])j(?=e)")
_SILENT_LATIN = str.maketrans("", "", "ʹʺʼ'’‘`′″\"”·´")
# x before a consonant is х (scholarly Axtyrka, GOST 7.79 B Baxmut); before a vowel, кс (Maxim)
_X_KHA = re.compile(r"x(?=[bcdfghjklmnpqrstvwxzčšžćśźńłľĺ])")
# Belarusian ў after a vowel at the end of a word, written u (Rahachou, Mahiliou): a consonant
_FINAL_U = re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžł][aeo])u$")
# (only at the end: French ou and а+у inside a word, Karnaukhovka, stay vowels)
_FINAL_CYRILLIC_U = re.compile(r"(?<=[бвгґджзклмнпрстфхцчшщ][аое])у$")  # and so is a final -ау
# Ukrainian neuter nouns write a doubled consonant and я where Russian writes ье: Запоріжжя /
# Запорожье, Закарпаття / Закарпатье, Поділля / Подолье.  That я is keyed as the е.
_GEMINATE_YA = re.compile(r"([бвгґджзклмнпрстфхцчш])\1я$")
_GEMINATE_IA = re.compile(r"(sch|zh|sh|ch|kh|ts|[bcdfghklmnprstvzžšč])\1(?:[iyj]a|â|ǎ)$")
# j between consonants is a soft sign (DSTU 9112 A: Frankivsjk), not a vowel
_SOFT_J = re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžćśźńłľĺ])j(?=[bcdfghklmnpqrstvwxzčšžćśźńłľĺ]|$)")
# except, in a convention that writes a sound as a consonant and j (Dutch and Swedish zj ж, sj
# ш, Swedish tj ч), the j of such a group: Druzjba, Dutch for Дружба, is no Друзьба.
_GROUP_SOFT_J = {
    name: re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžćśźńłľĺ])(?<![" + "".join(sorted(before)) + "])j"
                     r"(?=[bcdfghklmnpqrstvwxzčšžćśźńłľĺ]|$)")
    for name, groups in _FAMILY_GROUPS.items()
    if (before := {g[-2] for g in groups if len(g) > 1 and g.endswith("j")})}

# Apostrophes and BGN's ” (for ъ and the apostrophe) belong to the word they stand in.
# (stdlib re throughout the hot path: several times faster than regex for these patterns)
_WORDS = re.compile(r"(?:[^\W_]|[" + re.escape(APOSTROPHES + "”\"·") + r"])+")
_DOUBLES = re.compile(r"(šc|dš|[a-zš])\1+")  # щщ, shchshch: one щ
_CYRILLIC_LETTERS = CYRILLIC_RANGES
_CYRILLIC_RUN = re.compile(f"[{_CYRILLIC_LETTERS}ʼ]+")


def _compile(groups: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]]:
    keys = sorted(groups, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), groups


@cache
def _latin_reader(family: str) -> tuple[re.Pattern[str], dict[str, str]]:
    groups = {**_LATIN_GROUPS, **_FAMILY_GROUPS[family]}
    return _compile(groups)


_CYRILLIC_READER = _compile(_CYRILLIC_GROUPS)
# Group readings are made of key signs, which the letter tables leave as they are, so a word
# is read with one regex pass for the groups and one translate for the letters.
_LATIN_TABLE = str.maketrans(_LATIN)
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)
_STRAY = re.compile(r"[^a-zšAEIOUJY0-9]")  # what neither table knows: other alphabets
# t before s or c is the ц the key writes c (ts tc tz, тс тз тц тч above); a t that reaches a
# sibilant by another road (т+тс, tś, t+ç …) joins it after the letters are read, so that t
# and s or c never meet in a key, which is what makes a key its own key.
_T_SIBILANT = re.compile("t+[sc]")


def _stray(match: re.Match[str]) -> str:
    """A letter no table knows, read through its unidecode spelling (Kazakh ә, Greek β …)."""
    return _stray_letter(match.group())


def _stray_letter(c: str) -> str:
    """_stray of one character (the compiled key calls it too)."""
    if not c.isalpha():
        return ""
    return "".join(_LATIN.get(d, "") for d in unidecode(c).lower())


def _sounds_latin(run: str, family: str) -> str:
    pattern, groups = _latin_reader(family)
    if "'" in run or "’" in run or "ʹ" in run or "ʺ" in run:  # a separating sign: the glide
        run = _LATIN_SEPARATING.sub("ʲ", run)
    run = run.translate(_SILENT_LATIN)
    if family in _WORD_ENDINGS:
        ending, endings = _WORD_ENDINGS[family]
        run = ending.sub(lambda m: endings[m.group()], run)
    if "je" in run and family not in _J_GROUPS:  # German, Polish, Czech je after a consonant:
        run = _LATIN_JE.sub("ʲ", run)  # ье
    if "o" in run and not run.isascii():
        run = _SOFT_O.sub("ʲo", run)
    if family == "french" and run.endswith("e"):
        run = _FRENCH_INE.sub("in", run)
    if "u" in run:
        run = _FINAL_U.sub("v", run)
    if "j" in run:
        run = _GROUP_SOFT_J.get(family, _SOFT_J).sub("", run)
    if "x" in run:
        run = _X_KHA.sub("g", run)  # the key sign itself: an h would join an s (Asxtor)
    if run.endswith(("a", "â", "ǎ")):
        run = _GEMINATE_IA.sub(r"\1\1e", run)
    run = pattern.sub(lambda m: groups[m.group()], run).translate(_LATIN_TABLE)
    return _read_signs(run)


def _sounds_cyrillic(run: str) -> str:
    pattern, groups = _CYRILLIC_READER
    if "ь" in run or "ъ" in run:
        run = _SEPARATING_SIGN.sub("ʲ", run)
    run = run.translate(_SILENT_CYRILLIC)
    if run.endswith("у"):
        run = _FINAL_CYRILLIC_U.sub("ў", run)
    if run.endswith("я"):
        run = _GEMINATE_YA.sub(r"\1\1е", run)

    run = pattern.sub(lambda m: groups[m.group()], run).translate(_CYRILLIC_TABLE)
    return _read_signs(run)


def _read_signs(run: str) -> str:
    """A read run's last steps: stray letters through unidecode, a t and a sibilant as one c."""
    if _STRAY.search(run):
        run = _STRAY.sub(_stray, run)
    if "t" in run:
        run = _T_SIBILANT.sub("c", run)
    return run


# Vowels are folded by position, in one pass over the word's vowel runs (see the module's
# table).  A run is a stretch of vowel signs; J, Y and I before another vowel are glides (я =
# JA, ya = IA), and an O after a glide is ё, which is е's class (Fyodor / Fedor, Артём /
# Артем).  Y is the й a separating sign writes before a vowel (ь ъ ʼ: Запорожье, Мар'ївка)
# and English-style ye after a consonant (Zaporozhye; Polish and Czech ie is е: Jerofiej).
_RUNS = re.compile(r"[AEIOUJY]+")
# After ж ш ч щ ц Russian writes е or ё where Ukrainian writes о (Камышевая / Комишова,
# Лисичево / Lysychovo): an O there is an E.
_HUSHED_O = re.compile(r"(?<=[šc])O")
# A doubled consonant before the ending is Ukrainian and Belarusian for Russian ь + vowel
# (Запоріжжя / Запорожье, Краснаполле / Краснополье): a consonant and the glide.  Not before
# a vowel and й (-ай -ей -ой -уй, whose Latin y reads I: Боббай / Bobbay, Коллай / Kollay are
# a doubled consonant, as Cyrillic й, J, never lets the lookahead see).
_GEMINATE_ENDING = re.compile(r"([b-zš])\1(?=[AEIOU]+$)(?![AEIOU]*[AEOU]I$)")
_OPEN_CLASS = key_folds()["open"]
_CLOSED_CLASS = key_folds()["closed"]
_INITIAL_CLASS = key_folds()["initial"]
_ENDING_CLASS = key_folds()["ending"]


def _vowels(run: str, yo: str = "E") -> list[str]:
    """The vowels of a run without its glides, ё (a glide + O) as *yo* (E: its class), a last
    J or Y as I."""
    out = []
    glide = False
    last = len(run) - 1
    for i, c in enumerate(run):
        if c in "IJY" and i < last:
            glide = True
            continue
        out.append("I" if c in "JY" else yo if c == "O" and glide else c)
        glide = False
    return out


def _glide_ending(sounds: str, start: int) -> bool:
    """Whether the run at *start* is the word's ending and begins with a glide (-я -ю -ё -ья
    -ия -ье -ia -iu -'ye; not -ий -ии -ие -є -ie, where ie is also Polish е and є is uk-national's
    ie)."""
    run = _RUNS.match(sounds, start)
    if run is None or run.end() != len(sounds):
        return False
    text = run.group()
    return text[0] == "Y" or (text[0] in "IJ" and any(c in "AOU" for c in text[1:]))


def _inner_class(run_closed: tuple[str, bool]) -> str:
    run, closed = run_closed
    if "U" in run:
        return "u"
    vowels = _vowels(run)
    last = (_CLOSED_CLASS if closed else _OPEN_CLASS)[vowels[-1]]
    if len(vowels) == 1:
        return last
    # two syllables (Миколаїв, Николаев: a, e); before й (or Latin i) the first is closed:
    # Самойлово / Самійлове / Samoilove
    return (_CLOSED_CLASS if vowels[-1] == "I" else _OPEN_CLASS)[vowels[0]] + last


class _Classes(dict):  # type: ignore[type-arg]
    """A vowel run's class by its function, computed once per distinct run."""

    def __init__(self, function: Callable[..., str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, run: object) -> str:
        done = self[run] = self.function(run)
        return done


_ENDINGS = _Classes(lambda run: "i" if run[-1] in "JY" else _ENDING_CLASS[_vowels(run)[-1]])
_INITIALS = _Classes(lambda run: _INITIAL_CLASS[_vowels(run)[0]])
_INNER = _Classes(_inner_class)


def _fold_vowels(sounds: str) -> str:
    """Each vowel run as its class: the first run by the word's first vowel, the last (after
    a consonant) by the ending's class, the others by their vowels, in closed syllables (a
    consonant and then a consonant, the word's end or a glide ending) with о, е, і one."""
    if "O" in sounds:
        sounds = _HUSHED_O.sub("E", sounds)
    out = []
    position = 0
    end = len(sounds)
    for match in _RUNS.finditer(sounds):
        start, stop = match.span()
        out.append(sounds[position:start])
        position = stop
        if stop == end:  # the ending
            out.append(_ENDINGS[match.group()])
        elif start == 0:
            out.append(_INITIALS[match.group()])
        else:
            after = stop + 1
            if after >= end:
                closed = True
            else:
                c = sounds[after]
                closed = c not in _VOWEL_SIGNS or (c in "IJY" and _glide_ending(sounds, after))
            out.append(_INNER[match.group(), closed])
    out.append(sounds[position:])
    return "".join(out)


_VOWEL_SIGNS = frozenset("AEIOUJY")


def _word_sounds(word: str, family: str | None = None) -> str:
    """The sounds of one word, single (no doubled sign), its Latin runs read in *family* (by
    default the convention the word's letters tell)."""
    if _ANY_CYRILLIC.search(word) is None:
        sounds = _sounds_latin(word, family or latin_family(word))
    elif _ANY_LATIN.search(word) is None:
        sounds = _sounds_cyrillic(word)
    else:  # a word in two scripts (Покровsk): each run read in its own
        parts = []
        family = family or latin_family(word)
        position = 0
        for match in _CYRILLIC_RUN.finditer(word):
            if match.start() > position:
                parts.append(_sounds_latin(word[position : match.start()], family))
            parts.append(_sounds_cyrillic(match.group()))
            position = match.end()
        if position < len(word):
            parts.append(_sounds_latin(word[position:], family))
        sounds = _T_SIBILANT.sub("c", "".join(parts))  # Bratск: the t and с meet here
    single = sounds
    if _GEMINATE_ENDING.search(sounds):
        single = _GEMINATE_ENDING.sub(r"\1J", sounds)
    # (and then single: spellings drop doubled letters at will, Tolyatti / Toliati)
    single = _DOUBLES.sub(r"\1", single)
    while single != sounds:  # ш+щ+ш: š šc š → one pass leaves šc šc
        sounds, single = single, _DOUBLES.sub(r"\1", single)
    return single


def _word_key(word: str) -> str:
    """The key of one word (lowercase, NFC, apostrophes inside): a given name's row key
    (_given_names), else its sounds with the vowels folded; memoized, bounded."""
    done = _word_memo.get(word)
    if done is not None:
        return done
    done = _sounds_key(_word_sounds(word))[0]
    _word_memo[word] = done
    return done


def _sounds_key(sounds: str) -> tuple[str, bool]:
    """The key of a word's sounds, and whether it is a given name's of the table
    (tables/names; block_keys gives such a name no looser key): _raw_sounds_key's, with a
    known Russian form's key written as its Ukrainian form's (_known_forms)."""
    done, given = _raw_sounds_key(sounds)
    if given:
        return done, True
    return _known_forms().get(done, done), False


def _raw_sounds_key(sounds: str) -> tuple[str, bool]:
    """_sounds_key() without the known forms: what the sounds alone say."""
    done = _fold(sounds)
    given, folds = _given_names()
    if done not in folds:  # (the sounds of a name's spelling fold to a key in folds)
        return done, False
    exact = _name_sounds(sounds)
    name = given.get(exact)
    if name is None:
        unlisted = _lexicon_given().get(exact)  # a name the table does not list: its vowels
        if unlisted is not None:
            return unlisted, False
        # a key that spells a given name (Александр's aleksandr) is that name, so that a key
        # is its own key
        name = given.get(done.translate(_SPELLED))
    return (done, False) if name is None else (name, True)


_SPELLED = str.maketrans("aeiou", "AEIOU")  # a key's letters as the sounds they spell


def _fold(sounds: str) -> str:
    """A word's key from its sounds, the vowels folded by position."""
    return _DOUBLES.sub(r"\1", _fold_vowels(sounds))


_word_memo: Memo[str, str] = Memo(WORDS)
_ANY_CYRILLIC = re.compile(f"[{_CYRILLIC_LETTERS}]")
_ANY_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


# A given name is one of a closed set: two names are one only where tables/names/given-names.toml
# says so, never because their vowels share a class (Юліана ≠ Улана, Таїса ≠ Таєса).  So a word
# is looked up by its sounds before the vowel fold of its stem (the glides й, ь+vowel, y or i
# before a vowel written one way: Ilia / Илья, Yelena / Елена; the ending as the key's class),
# and a name's key is the sounds of its row's first form, in lowercase.  A folded key that
# spells a listed name is that name (Александр's key aleksandr), so that a key is its own key.
_GLIDES = re.compile("[IJY]+(?=[AEOU])")
_SOFT_VOWEL = re.compile("(?<=[bcdfgklmnprsštv])J(?=[AEOU])")
_SOFT_E = re.compile("(?<=[bcdfgklmnprsštv])J(?=E)")
_VOWEL_GLIDE = re.compile("(?<=[AEOU])[IJY]+(?![AEOU])")


def _name_sounds(sounds: str) -> str:
    """A word's sounds as given names are looked up: glides one way, the ending as its class
    (as the key writes it: Andriï / Андрій, Serguey / Сергей), single signs."""
    ending = _LAST_RUN.search(sounds)
    if ending is not None and ending.start() > 0:
        sounds = sounds[: ending.start()] + _ENDINGS[ending.group()].upper()
    if "I" in sounds or "J" in sounds or "Y" in sounds:
        sounds = _GLIDES.sub("J", sounds)
        if sounds.startswith("JE"):  # Russian е at a word's start is [je]: Evgeny, Yevhen, Євген
            sounds = sounds[1:]
        if "J" in sounds:  # е after a consonant is written є, ie, je too (Ангєліна, Pietrow)
            sounds = _SOFT_E.sub("", sounds)
        # й after a vowel, and ї there, written и, i, y, j alike: Майна / Mayna / Maina,
        # Аїда / Аида
        sounds = _VOWEL_GLIDE.sub("I", sounds)
    return _DOUBLES.sub(r"\1", sounds)


_LAST_RUN = re.compile("[AEIOUJY]+$")


@cache
def _given_names() -> tuple[dict[str, str], frozenset[str]]:
    """The table's names (_given_names_table) and the folded keys of every given name's
    spelling, the lexicon's too (a word whose key is none of them is no given name)."""
    mapping, folds = _given_names_table()
    return mapping, folds | {_fold(_word_sounds(name)) for name in _lexicon_given().values()}


@cache
def _given_names_table() -> tuple[dict[str, str], frozenset[str]]:
    """_work_out_given_names_table(), from the shipped file where it is today's (its work
    romanizes every row in every system: a third of a second at the first key())."""
    rows = _read_prepared_rows(PREPARED_TABLE, _given_digest())
    if rows is None:
        return _work_out_given_names_table()
    return ({row[0]: row[1] for row in rows if len(row) == 2},
            frozenset(row[1] for row in rows if len(row) == 3))


#: _given_names_table() as shipped (tools/build_places.py): rows "sounds<TAB>name", and each
#: fold as a row "<TAB>fold<TAB>" (three columns, the first and last empty).
PREPARED_TABLE = "given-table.tsv.gz"


def prepared_table_text() -> bytes:
    """The shipped given-names file's bytes for today's sources (tools/build_places.py)."""
    mapping, folds = _work_out_given_names_table()
    lines = ["# translit: the given-names table's spellings as the key reads them (normalize.py)",
             f"# digest: {_given_digest()}"]
    lines += [f"{sounds}\t{name}" for sounds, name in sorted(mapping.items())]
    lines += [f"\t{fold}\t" for fold in sorted(folds)]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


def _work_out_given_names_table() -> tuple[dict[str, str], frozenset[str]]:
    """The sounds (_name_sounds) of every spelling of a given name → its row's key; and the
    folded keys of those spellings (a word whose key is none of them is no given name)."""
    rows = given_names()
    # every system's spellings: the sounds are looked up as they are (not folded), so a
    # convention the key reads otherwise (Dutch oe, Spanish j for х) ties the name to no other
    # word; where one does, the clash leaves the spelling out
    every = systems()
    mapping: dict[str, str] = {}
    folds: set[str] = set()
    clashes: set[str] = set()
    for first, others in rows.items():
        target = _name_sounds(_word_sounds(_prepare(first))).lower()
        spellings = {target}  # the key is a spelling of the name too (a key is its own key)
        for form in [first, *others]:
            spellings.add(form)
            if not form.isascii():  # in the systems of the form's language (a Ukrainian
                # system writes Belarusian Дзмітрый as Dzmitrywj, the key of Dmitriev)
                letters = {c for c in form.lower() if c.isalpha()}
                spellings |= {romanize(form, s.id) for s in every
                              if letters <= set(ALPHABETS.get(s.language, letters))}
        row: set[str] = set()
        for spelling in spellings:
            for word in _WORDS.findall(_prepare(spelling)):
                read = _word_sounds(word.strip(APOSTROPHES + "”\"·"))
                folds.add(_fold(read))
                row.add(_name_sounds(read))
        # the first vowels the row's forms alternate (Олександр / Александр: о а; Олена /
        # Елена / Алена) alternate in its other spellings too (Olexander = Alexander), and
        # only there (Єна ≠ Анна, whose forms all begin with а)
        firsts = {sounds[0] for sounds in row if sounds[:1] in ("A", "O", "E")}
        if len(firsts) > 1:
            row |= {v + sounds[1:] for sounds in row if sounds[:1] in firsts for v in firsts}
        for sounds in row:
            if mapping.get(sounds, target) != target:
                clashes.add(sounds)
            mapping[sounds] = target
    for sounds in clashes:  # a spelling two names share says nothing: keep it as it is
        del mapping[sounds]
    return mapping, frozenset(folds)


# a lexicon row (word, languages, kinds, weight) whose kinds name a given name or a place
_GIVEN_OR_PLACE = re.compile(rb"^([^\t\n]+)\t[^\t\n]*\t([^\t\n]*(?:given|place)[^\t\n]*)\t",
                             re.MULTILINE)


#: _lexicon_given() as shipped (written by tools/build_places.py): a second's work at the
#: first key() otherwise.  Its digest names what it is made from; a stale or damaged file is
#: not read (the dict is worked out, the same answer).
PREPARED_GIVEN = "given-unlisted.tsv.gz"


@cache
def _given_digest() -> str:
    """What _lexicon_given() is made from: this module, the key and given-names tables, every
    system's table (the table's spellings), the lexicon, KEY_VERSION."""
    import hashlib

    digest = hashlib.sha256(KEY_VERSION.to_bytes(4, "big"))
    folder = tables_dir()
    files = [Path(__file__), *sorted(folder.glob("*.toml")), *sorted((folder / "key").glob("*.toml")),
             *sorted((folder / "names").glob("*.toml"))]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update((resources.files("translit") / "data" / "lexicon.tsv.gz").read_bytes())
    return digest.hexdigest()


def prepared_given_text() -> bytes:
    """The shipped file's bytes for today's sources (tools/build_places.py writes them)."""
    lines = ["# translit: the lexicon's given names that key by their own vowels (normalize.py)",
             f"# digest: {_given_digest()}"]
    lines += [f"{sounds}\t{name}" for sounds, name in sorted(_work_out_lexicon_given().items())]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


def _read_prepared_rows(name: str, digest: str) -> list[list[str]] | None:
    """The rows (tab-separated) of a shipped file of translit/data, or None where it is stale
    or damaged."""
    try:
        data = gzip.decompress((resources.files("translit") / "data" / name).read_bytes())
        text = data.decode("utf-8")
    except (OSError, EOFError, ValueError):
        return None
    lines = text.split("\n")
    if len(lines) < 2 or lines[1] != f"# digest: {digest}":
        return None
    return [line.split("\t") for line in lines[2:] if line]


def _read_prepared(name: str, digest: str) -> dict[str, str] | None:
    """A shipped two-column file of translit/data as a dict, or None (stale or damaged)."""
    rows = _read_prepared_rows(name, digest)
    return None if rows is None else {row[0]: row[1] for row in rows if len(row) == 2}


@cache
def _lexicon_given() -> dict[str, str]:
    """_work_out_lexicon_given(), from the shipped file where it is today's."""
    prepared = _read_prepared(PREPARED_GIVEN, _given_digest())
    return prepared if prepared is not None else _work_out_lexicon_given()


def _work_out_lexicon_given() -> dict[str, str]:
    """The lexicon's given names that no row of the table spells, by their sounds
    (_name_sounds) → their key: those sounds in lowercase, every vowel as it is spelled.

    A given name is a word of a closed set, and its vowels are part of which name it is (Яна ≠
    Анна, Аліна ≠ Алена, Марина ≠ Маріанна): the place-name vowel fold, made for the ru/uk/be
    forms of one place, would make them one.  So a word the table does not list but the
    lexicon knows as a given name (translit/data/lexicon.tsv.gz, kind "given") keys as its
    unfolded sounds, in every script (Аліна, Алина, Alina: alina), where the fold would make
    it one with another name: its fold is a listed name's, or another given name's of the
    lexicon (a name alone in its fold keeps it, with the Latin spellings the fold unites).
    The sounds of a place of the lexicon keep the place fold (Поляна, Ліс / Лес: the ru/uk/be
    forms of a place), unless that fold is a listed name's (Яна, a river, ≠ Анна).  Names
    whose key does not read back as the same sounds, and sounds a row of the table spells,
    are left out (the table's forms win)."""
    rows, table_folds = _given_names_table()
    data = gzip.decompress((resources.files("translit") / "data" / "lexicon.tsv.gz").read_bytes())
    mapping: dict[str, str] = {}
    other: set[str] = set()  # the sounds of a given name that is also a place (or surname)
    for row in _GIVEN_OR_PLACE.finditer(data):  # (only these rows become strings)
        kinds = row[2].decode("ascii").split(",")
        given = "given" in kinds
        for word in _WORDS.findall(_prepare(row[1].decode("utf-8"))):
            read = _word_sounds(word)
            sounds = _name_sounds(read)
            if "place" in kinds:  # and as Latin writes it without a consonant's softness
                other.update((sounds, _SOFT_VOWEL.sub("", sounds)))  # (Poľana, Polana)
            name = sounds.lower()  # (the first vowel as its class, as the fold writes it)
            if not given or sounds in rows or _name_sounds(_word_sounds(name)) != sounds:
                continue
            mapping[sounds] = name
    for sounds in other:  # a place's forms keep the place fold (Поляна, Ліс / Лес), unless
        if _fold(sounds) not in table_folds:  # it would fold into a listed name (Яна, Анна)
            mapping.pop(sounds, None)
    # only where the fold would make two names one: a name alone in its fold keeps it, and
    # with it the spellings the fold unites (Latin ones without the glide or the vowel)
    folded = {sounds: _fold(sounds) for sounds in mapping}
    names = Counter(folded.values())
    return {sounds: name for sounds, name in mapping.items()
            if names[folded[sounds]] > 1 or folded[sounds] in table_folds}


# The project's knowledge: the official Russian forms of Ukraine's settlements (KOATUU of 2019,
# columns NU and NR: translit/data/places/koatuu-ru.tsv.gz), a source tagged by language.  Where
# a Russian form's word keys otherwise than the Ukrainian word it stands for (Николаев /
# Миколаїв: nekalaev / mekalaev; Днепр / Дніпро; Церковь / Церква), the Russian word's key is
# written as the Ukrainian one's, so that every spelling of either (Nikolayev, Mykolaiv,
# Nikolajew) gets one key.  The law: a word's key is _known_forms() applied to the key its
# sounds alone give, so an unknown spelling of a known name keys as the name
# (tests/test_known_forms.py).  Taken only where the pair says one name:
# * the two names have as many words (paired in order);
# * the keys are alike (Indel similarity ≥ KNOWN_SIMILARITY: вторая / друга, a translation, is
#   not) and of at least KNOWN_LETTERS signs (a short word's key is many words' key);
# * they do not end in different vowel classes (Видрадный / Відрадне, Иванка / Іванки: another
#   derivation, which the key keeps apart); a consonant against a vowel (Днепр / Дніпро) is
#   the same word;
# * the Russian key is no Ukrainian word's key of the list (else it is a name of its own), and
#   at least KNOWN_SHARE of that Russian key's words stand for this one Ukrainian key;
# * neither word is a given name (the given-names table decides those).
# GeoNames' alternate names carry no language and mix former, German and Crimean Tatar names:
# not used (in a prototype they tripled the false merges).
KNOWN_SIMILARITY = 60
KNOWN_SHARE = 0.9
KNOWN_LETTERS = 5
#: _work_out_known_forms() as shipped (written by tools/build_places.py), with its digest.
PREPARED_KNOWN = "known-forms.tsv.gz"
_KNOWN_SOURCE = "places/koatuu-ru.tsv.gz"
_ENDING_CLASSES = frozenset("aeiou")


@cache
def _known_forms() -> dict[str, str]:
    """A known Russian form's key → its Ukrainian form's (the shipped file where it is
    today's, else worked out: the same answer)."""
    prepared = _read_prepared(PREPARED_KNOWN, _known_digest())
    return prepared if prepared is not None else _work_out_known_forms()


def _known_digest() -> str:
    import hashlib

    source = (resources.files("translit") / "data" / _KNOWN_SOURCE).read_bytes()
    return hashlib.sha256((_given_digest() + f" {KNOWN_SIMILARITY} {KNOWN_SHARE} {KNOWN_LETTERS}\n").encode()
                          + source).hexdigest()


def _work_out_known_forms() -> dict[str, str]:
    from collections import defaultdict

    from rapidfuzz.fuzz import ratio

    data = gzip.decompress((resources.files("translit") / "data" / _KNOWN_SOURCE).read_bytes())
    ukrainian: set[str] = set()
    stands_for: defaultdict[str, Counter[str]] = defaultdict(Counter)
    skipped: set[str] = set()  # Russian keys of a given name's word

    def keys(name: str) -> list[tuple[str, bool]]:
        return [_raw_sounds_key(_word_sounds(w.strip(APOSTROPHES + "”\"·")))
                for w in _WORDS.findall(_prepare(name))]

    for line in data.decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        uk, ru = line.split("\t")[:2]
        uk_keys, ru_keys = keys(uk), keys(ru)
        ukrainian.update(k for k, _ in uk_keys)
        if len(uk_keys) != len(ru_keys):
            continue
        for (ku, given_u), (kr, given_r) in zip(uk_keys, ru_keys, strict=True):
            if given_u or given_r:
                skipped.add(kr)
            stands_for[kr][ku] += 1
    out: dict[str, str] = {}
    for kr, counts in stands_for.items():
        ku, n = counts.most_common(1)[0]
        if (ku == kr or kr in ukrainian or kr in skipped or not ku or not kr
                or n < KNOWN_SHARE * sum(counts.values())
                or min(len(ku), len(kr)) < KNOWN_LETTERS or ratio(ku, kr) < KNOWN_SIMILARITY
                or (ku[-1] in _ENDING_CLASSES and kr[-1] in _ENDING_CLASSES and ku[-1] != kr[-1])):
            continue
        out[kr] = ku
    return out


def prepared_known_text() -> bytes:
    """The shipped known-forms file's bytes for today's sources (tools/build_places.py)."""
    lines = ["# translit: known Russian forms' keys → their Ukrainian forms' (normalize.py, "
             "_known_forms; KOATUU 2019 via translit/data/places/koatuu-ru.tsv.gz)",
             f"# digest: {_known_digest()}"]
    lines += [f"{ru}\t{uk}" for ru, uk in sorted(_work_out_known_forms().items())]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


# Invisible format characters (soft hyphen, zero-width and bidi marks) and the combining marks
# NFC leaves (stress marks: Ки́ев): neither is part of how a name is spelled.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)


def _prepare(text: str) -> str:
    """NFC, apostrophes inside Cyrillic words as ʼ (as romanize reads them), lowercase; no
    invisible format characters or combining marks left over."""
    if text.isascii():
        return text.lower()
    text = prepare(unicodedata.normalize("NFC", text), cyrillic_source=True)
    # lowercase first: İ lowercases to i + a combining dot, which goes with the marks
    return _INVISIBLE.sub("", text.lower())


def key(name: str) -> str:
    """One key for every spelling of *name*: equal for its variants, different for other names.

    >>> key("Kharkiv") == key("Харьков") == key("Charkiw") == key("Khar'kov")
    True
    """
    if _compiled is not None:
        return _compiled.key(name)  # type: ignore[no-any-return]
    return pure_key(name)


def pure_key(name: str) -> str:
    """key() in Python: the reference the compiled key (translit._key) is equal to."""
    if not isinstance(name, str):
        raise TypeError(f"key() takes a str, not {type(name).__name__}")
    done = _memo.get(name)
    if done is not None:
        return done
    if is_placeholder(name):  # "", "-", "n/a" …: no name, so no key to share
        _memo[name] = ""
        return ""
    words = []
    for match in _WORDS.finditer(_prepare(name)):
        word = _word_key(match.group().strip(APOSTROPHES + "”\"·"))
        if word:
            words.append(word)
    done = " ".join(sorted(words))
    _memo[name] = done
    return done


_memo: Memo[str, str] = Memo(NAMES)


def key_many(names: Iterable[Any]) -> list[str | None]:
    """key() over a batch (lists, tuples, generators, pandas Series, Arrow arrays): missing
    values (None, NaN, pandas.NA, Arrow nulls) give None; a bare str is a TypeError, as is an
    element that is neither a str nor missing (its position and type named)."""
    batch = names_of(names, "key_many")
    if _compiled is not None:
        return _compiled.key_many(batch)  # type: ignore[no-any-return]
    return [None if n is None else pure_key(n) for n in batch]


def _load_compiled() -> Any:
    """translit._key with normalize's tables, helpers and memos, or None (not built, or
    TRANSLIT_PURE: translit.core.KEY_ENGINE)."""
    from . import core

    module = core.compiled_key if core.KEY_ENGINE == "compiled" else None
    if module is None:
        return None
    from .batch import PLACEHOLDERS
    from .engine import _ANY_APOSTROPHE

    module.init(
        cyrillic=_CYRILLIC, cyrillic_groups=_CYRILLIC_GROUPS, latin=_LATIN,
        latin_groups=_LATIN_GROUPS, family_groups=_FAMILY_GROUPS, j_groups=_J_GROUPS,
        word_endings={name: endings for name, (_, endings) in _WORD_ENDINGS.items()},
        folds=key_folds(), cyrillic_ranges=CYRILLIC_RANGES, apostrophes=APOSTROPHES,
        prepare=_prepare, placeholder=is_placeholder, placeholders=PLACEHOLDERS,
        stray=_stray_letter, given_names=_given_names, lexicon_given=_lexicon_given,
        name_memo=_compiled_memo, invisible=_INVISIBLE,
        any_apostrophe=_ANY_APOSTROPHE, latin_family=latin_family, known_forms=_known_forms,
        word_slots=WORD_KEYS)
    _WORD_CACHE.cache_clear = module.clear_word_cache
    register(_WORD_CACHE)
    return module


class _WordCache:
    """The compiled key's cache of word keys (C memory: WORD_KEYS slots of 112 bytes, 3.7 MB),
    which translit.memo's clear_all() empties through cache_clear."""

    cache_clear: Callable[[], None] = staticmethod(lambda: None)


_WORD_CACHE = _WordCache()


# the compiled key's own memo of names (so that it and pure_key can be compared; clear_all
# empties both)
_compiled_memo: Memo[str, str] = Memo(NAMES)
#: The compiled key (translit._key), or None: key() and key_many() run pure_key.
_compiled = _load_compiled()


def similarity(a: str, b: str) -> float:
    """How alike two names are, in [0, 1], after everything key() folds.

    1.0 when the keys are equal; otherwise the normalized Indel similarity (rapidfuzz) of the
    keys, whose words are already sorted.  At or above SIMILARITY_THRESHOLD (0.8) the names are
    probably one name misspelled (Deineha / Deyneka: one sound apart in six); below it, treat
    them as different (Shevchenko / Shevchuk 0.77, Ivanov / Ivanenko 0.77).
    """
    ka, kb = key(a), key(b)
    if ka == kb:
        return 1.0 if ka else 0.0  # two blanks or placeholders are not one name
    from rapidfuzz import fuzz

    return float(fuzz.ratio(ka, kb)) / 100.0
