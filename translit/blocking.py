"""Blocking: the few keys under which a name's variants may hide (block_keys), and the check
of a blocked pair (same_name).

key() is precise: for joins and storage.  Names whose spellings a key cannot join (Дніпро /
Днепр, Dainega / Deineha, spellings in a convention the key does not read) share a block key;
so do many different names.  Block on block_keys(), then verify each pair with same_name().
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import product
from typing import NamedTuple

from unidecode import unidecode

from .batch import is_placeholder
from .letters import APOSTROPHES, latin_family
from .memo import NAMES, WORDS, Memo
from .normalize import (
    _ANY_LATIN,
    _DOUBLES,
    _HUSHED_O,
    _INITIAL_CLASS,
    _RUNS,
    _VOWEL_SIGNS,
    _WORDS,
    _fold,
    _glide_ending,
    _known_forms,
    _prepare,
    _raw_sounds_key,
    _sounds_key,
    _vowels,
    _word_sounds,
    key,
    key_folds,
    key_tables,
    plain_forms,
    similarity,
)
from .tables import given_names

#: similarity() at or above which a pair that only the looser fold blocks together (Дніпро /
#: Днепр 0.91, Dainega / Deineha 0.92) is worth a person's look.  same_name() does not take
#: such pairs: measured, 78% of them were two names (benchmarks/RESULTS.md, section "key").
SAME_NAME_THRESHOLD = 0.9


# -- Block keys ------------------------------------------------------------------------------

# The conventions a Latin word may be written in, by the letters that mark them (beyond the
# one latin_family() tells): each is one reading of the word, and so one block key.  They are
# the key tables' conventions with markers (tables/key/latin-*.toml), in file-name order.
_READINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (t.convention, t.markers) for t in key_tables().values()
    if t.script == "latin" and t.convention and t.markers is not None)
# Belarusian ў written u after a vowel and before a consonant (Vaukavysk: Ваўкавыск)
_INNER_U = re.compile(r"(?<=[aeo])u(?=[bcdfghklmnpqrstvwxzčšžł])")
# y or i before e after a consonant: ье in English-style spellings (Zaporozhye), е in others
_LATIN_YE = re.compile(r"(?<=[bcdfghklmnpqrstvwxzčšžł])(?=[yi]e)")
# е after а о у (э ы ю я ё) is [je] in Russian, which Ukrainian writes є (Раеса / Раєса,
# Рафаель / Рафаєль) and BGN/PCGN ye (Rayesa, Rafayel), while ICAO and English press spellings
# write e (Raesa, Rafael): the key keeps the glide between two unlike vowels, so a Cyrillic е
# and a Latin e there are read also as є, ye
_VOWEL_E = re.compile("(?<=[аоуэыюяё])е")
_LATIN_VOWEL_E = re.compile(r"(?<=[aou])e")
# ss before a final -ia, -ya after a vowel: one с in French and in English press spellings
# (ru-french.toml: Lioussia; Vassia, Assia), where the key reads a doubled consonant + ia as
# Ukrainian -ʼя (Zaporizhzhia): read also with one s, as -сія, -ся
_SS_IA = re.compile(r"(?<=[aeiouy])ss(?=[iy]a$)")
# GOST 16876-71 (table 2) and its web descendants write э as eh (Ehlista, Strehlka): eh before
# a consonant, at the start of a word or after a consonant, read also as э
_LATIN_EH = re.compile(r"(?:^|(?<=[bcdfgklmnprstvz]))eh(?=[bcdfgjklmnprstvz])")
# Belarusian яканне: е before the stress is written я after a consonant (Зяленскі: Зеленский,
# Цярэшка: Терешко); цеканне: т before a front vowel is ц (Цімафей: Тимофей).  Read back for a
# block key (a Belarusian я inside a word before another syllable, ц before е і ё ю я ь).
_YAKANNE = re.compile("(?<=[бвгджзклмнпрстфхцчшў])я(?=[^аеёиіоуыэюяєї]+[аеёиіоуыэюяєї])")
_TSEKANNE = re.compile("ц(?=[еіёюяь])")
# a word in Belarusian letters: і or ў, and none of и щ ъ ї є ґ
_BELARUSIAN = re.compile("[іў]")
_NOT_BELARUSIAN = re.compile("[ищъїєґ]")
# A word in letters that only Belarusian writes together (and none of и щ ъ ї є ґ): ў; і with
# ы, э or ё (Ukrainian has no ы э ё, Russian no і); дз before a front vowel (дзеканне: Дзятлава);
# э after a consonant (Рэчыца: Russian writes е there); ы after ж ш ч (Russian and Ukrainian
# write жи ши чи).  Its аканне is read back for a block key (і alone is also Ukrainian, whose
# -на is not -но: Рівна / Рівне are two).
_BELARUSIAN_WORD = re.compile("ў|дз[еёюяіь]|[бвгджзклмнпрстфхцчш]э|[жшч]ы|і.*[ыэё]|[ыэё].*і")
# The same in a Latin word: ŭ, ў written u or w after a or e (Slaugarad, Mahileu, BGN/PCGN's
# Vawkavysk; ou is also French у, ow Polish ов), or the official romanization's c and dz
# before i (Viciebsk: Віцебск; Dziatlava: Дзятлава)
_LATIN_BELARUSIAN = re.compile(
    r"ŭ|(?<=[ae])[uw](?=[bcdfghklmnpqrstvwxzčšžł]|$)|(?<![sz])c(?=i)|dz(?=[ie])")
_LATIN_U = re.compile(r"(?<=[aeo])[uwŭ](?=[bcdfghklmnpqrstvwxzčšžł])")  # ў before a consonant
_LATIN_TSEKANNE = re.compile(r"(?<![sz])c(?=i)")
_LATIN_DZEKANNE = re.compile(r"dz(?=[ie])")
# The plural adjective's ending: Russian -ие -ые (Latin -iye -yye), which the key
# writes as a neuter's -ое (its last vowel an е), and Ukrainian -і, which it writes as -ий (Великі
# and Великий are one key already): a reading of the first as the second (Великие Луки /
# Великі Луки, Верхние Петровцы / Верхні Петрівці)
# (not -ье, a noun's: Подлесье; nor Latin -ye and -ie, which are also -ье and Polish -е)
# and Belarusian -ыя (Старыя Дарогі: Старые Дороги; Latin -yja)
_PLURAL_WORD = re.compile(
    "(?<=[бвгджзклмнпрстфхцчшщ])(?:[иы]е|ыя)$|(?<=[bcdfghklmnprstvzšžč])(?:[iy][iy]e|yja)$")
_PLURAL_ENDING = re.compile("(?<=[bcdfgklmnprsštv])[IY][IJY]?[EA]$")
# Belarusian ў for an л before a consonant (воўк: волк; Ваўкавыск: Волковыск)
_U_BEFORE_CONSONANT = re.compile("(?<=[аеёоуыэюяі])ў(?=[бвгджзйклмнпрстфхцчшщ])")
# a c that is neither ch, cz, ck nor cs, as no English-style spelling writes it: Czech, Slovak
# or Polish written without diacritics (Sevcenko, Cernihiv), where s and z may be š and ž
_BARE_C = re.compile(r"c(?![hzks])")
_BARE_S = re.compile(r"[sz](?![hz])")
# The looser fold: every vowel inside a word e (but u), the ending dropped, ш as с (Czech,
# Slovak and Polish written without diacritics: Sevcenko), ж as з.
_LOOSE_RUN = re.compile(r"[AEIOJY]*U[AEIOUJY]*|[AEIOJY]+")
_LOOSE_ENDING = re.compile(r"[AEIOUJY]+$")
_LOOSE_CONSONANTS = str.maketrans(key_folds()["loose"])


def _loose(sounds: str) -> str:
    """The looser vowel fold of a word's sounds (its first vowel keeps its class)."""
    head = ""
    if sounds[:1] in _VOWEL_SIGNS:
        run = _RUNS.match(sounds)
        assert run is not None
        if run.end() == len(sounds):
            return ""
        head, sounds = _INITIAL_CLASS[_vowels(run.group())[0]], sounds[run.end():]
    sounds = _LOOSE_ENDING.sub("", sounds)
    body = _LOOSE_RUN.sub(lambda m: "u" if "U" in m.group() else "e", sounds)
    return _DOUBLES.sub(r"\1", (head + body).translate(_LOOSE_CONSONANTS))


def _word_readings(word: str) -> tuple[str, ...]:
    """The sounds of one word under every plausible reading (its own convention's first)."""
    readings: list[str] = [_word_sounds(word)]
    if _ANY_LATIN.search(word) is not None:
        own = latin_family(word)
        for family, marker in _READINGS:
            if family != own and marker.search(word):
                readings.append(_word_sounds(word, family))
        if "u" in word and _INNER_U.search(word):
            readings.append(_word_sounds(_INNER_U.sub("v", word)))
        if "e" in word and _LATIN_YE.search(word):  # ye, ie after a consonant as ье
            readings.append(_word_sounds(_LATIN_YE.sub("'", word)))
        if "e" in word and _LATIN_VOWEL_E.search(word):  # ae oe ue as aye oye uye
            readings.append(_word_sounds(_LATIN_VOWEL_E.sub("ye", word)))
        if "ss" in word and _SS_IA.search(word):  # French ss for с: Lioussia
            readings.append(_word_sounds(_SS_IA.sub("s", word)))
        if "eh" in word and _LATIN_EH.search(word):  # GOST 16876's eh for э
            readings.append(_word_sounds(_LATIN_EH.sub("e", word)))
        if "c" in word and _BARE_C.search(word):  # Czech or Polish without diacritics
            readings.append(_word_sounds(_BARE_S.sub("š", word), "czech"))
        if _LATIN_BELARUSIAN.search(word):  # ў, цеканне, дзеканне and аканне read back
            back = _LATIN_DZEKANNE.sub("d", _LATIN_TSEKANNE.sub("t", word))
            readings.extend(_akanne_back(_word_sounds(_INNER_U.sub("v", back))))
            if _LATIN_U.search(back):  # ў for л: Vaukavysk, Vawkavysk
                readings.append(_akanne_all(_word_sounds(_LATIN_U.sub("l", back))))
    else:
        if "е" in word and _VOWEL_E.search(word):  # Раеса as Раєса
            readings.append(_word_sounds(_VOWEL_E.sub("є", word)))
        if _belarusian_letters(word):
            # Belarusian яканне and цеканне, read back
            belarusian = _TSEKANNE.sub("т", _YAKANNE.sub("е", word))
            if belarusian != word:
                readings.append(_word_sounds(belarusian))
            if _BELARUSIAN_WORD.search(word) is not None:  # and дзеканне and аканне
                for spelling in dict.fromkeys((word, belarusian)):
                    readings.extend(_akanne_back(_word_sounds(_DZEKANNE.sub("д", spelling))))
                if "ў" in word and _U_BEFORE_CONSONANT.search(belarusian):  # ў for л: Ваўкавыск
                    readings.append(_akanne_all(_word_sounds(_U_BEFORE_CONSONANT.sub("л", belarusian))))
    if _PLURAL_WORD.search(word) is not None:  # Russian -ие -ые for Ukrainian -і: Великие / Великі
        plural = _PLURAL_ENDING.search(readings[0])
        if plural is not None:
            readings.append(readings[0][:plural.start()] + "I")
    return tuple(dict.fromkeys(readings))


def _belarusian_letters(word: str) -> bool:
    """Whether a Cyrillic word may be Belarusian by its letters: і or ў or a sign of
    _BELARUSIAN_WORD, and none of и щ ъ ї є ґ."""
    return (_BELARUSIAN.search(word) is not None or _BELARUSIAN_WORD.search(word) is not None) \
        and _NOT_BELARUSIAN.search(word) is None


def _akanne_all(sounds: str) -> str:
    """A Belarusian word's sounds with every а after its first syllable read as о (Ваўкавыск,
    read with л for ў: Волковыск)."""
    runs = list(_RUNS.finditer(sounds))
    chars = list(sounds)
    for run in runs:
        if run.group() == "A" and run.start() > 0:
            chars[run.start()] = "O"
    return "".join(chars)


def _akanne_back(sounds: str) -> list[str]:
    """The sounds of a word in letters only Belarusian writes together (_BELARUSIAN_WORD) with
    аканне read back, as the Russian or Ukrainian form writes the vowels: the а of the last
    syllable as о (Петрыкаў / Петриков, Маладзечна / Молодечно: a neuter's -о), or every а but
    a word-initial one (Паставы / Поставы, Гарбавічы / Горбовичи; a stressed а is а, Слаўгарад /
    Славгород: two readings), each also with an а after the consonants Belarusian hardens (р ж
    ш ч ц дж) as е (Бешанковічы / Бешенковичи), as is the word itself (Чарнаўчыцы /
    Чернавчицы).  Not for a word with
    і alone, which is also Ukrainian, whose а is not о (Мальці / Мильці, Рівна / Рівне)."""
    runs = [r for r in _RUNS.finditer(sounds) if r.start() > 0 and r.group() == "A"]
    if not runs:
        return [sounds]
    end = len(sounds)
    out = []
    for chosen in ([], [runs[-1]], runs):  # no а, the last syllable's, or every а as о
        chars = list(sounds)
        for run in chosen:
            chars[run.start()] = "O"
        out.append("".join(chars))
        for run in runs:
            if sounds[run.start() - 1] in "ršc" and run.end() < end:
                chars[run.start()] = "E"
        out.append("".join(chars))
    return out


def _word_blocks(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys of one word under every plausible reading (the precise key first), and the
    same readings with the looser fold."""
    done = _block_memo.get(word)
    if done is not None:
        return done
    readings = _word_readings(word)
    strict: dict[str, None] = {}
    loose: dict[str, None] = {}
    for sounds in readings:
        k, name = _sounds_key(sounds)  # a given name: its row's key at both levels
        if k:
            strict.setdefault(k, None)
        k = k if name else _loose(sounds)
        if k:
            loose.setdefault(k, None)
    done = (tuple(strict), tuple(loose))
    _block_memo[word] = done
    return done


_block_memo: Memo[str, tuple[tuple[str, ...], tuple[str, ...]]] = Memo(WORDS)
#: At most this many block keys per name: past it, a name's words are read in one reading each.
MAX_BLOCK_KEYS = 16


def block_keys(name: str) -> frozenset[str]:
    """The keys under which *name*'s variants may hide: one per plausible reading of it.

    key(name) is one of them (unless it is empty: a name without letters has no block key).
    The others read the name's Latin words in every convention their letters allow (each a
    table of tables/key/ with its marker letters: Polish sz cz rz w, German sch z w, French ou
    ch j, Dutch tsj sj zj oe, Hungarian cs sz zs, Czech ch, Spanish j, Finnish and Estonian tš
    õ, Lithuanian -as, Catalan tx ix sx x-, Turkish ş ç ı, Swedish tj sj zj, Romanian ș ț ă î ea ce
    ci, Esperanto-style ŝ; GOST 16876's eh for э; Belarusian ў written u), Belarusian words
    with яканне, цеканне, дзеканне, аканне and ў for л read back (_akanne_back: Маладзечна /
    Молодечно, Ваўкавыск / Волковыск, Viciebsk / Vitebsk), a Russian plural adjective's -ие
    -ые read as Ukrainian -і (Великие Луки / Великі Луки), and every reading
    also with the looser fold (every vowel inside a word e but u, no ending, ш as с).  Names
    whose spellings a key cannot join (Дніпро / Днепр, Dainega / Deineha) share a block key;
    so do many different names: block on these keys, then verify each pair with same_name().
    A Latin name has a block key more, "~" and its letters without their marks (~mezova for
    Mežova and Mezova), and one for each form with its hushing letters as plain ones (~suja
    for Shuja and Suja: _latin_alike), which only another Latin spelling shares.

    >>> bool(block_keys("Dnipro") & block_keys("Днепр"))
    True
    """
    if not isinstance(name, str):
        raise TypeError(f"block_keys() takes a str, not {type(name).__name__}")
    strict, loose = _name_blocks(name)
    return (strict | loose | _plain_blocks(name)) if strict else strict | loose


def _plain_blocks(name: str) -> frozenset[str]:
    """block_keys() of a Latin name's forms without marks: "~" + each (_latin_forms)."""
    forms = _latin_forms(name)
    if forms is None:
        return frozenset()
    return frozenset({"~" + forms[0], *("~" + f for f in forms[2])})


def _name_blocks(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """block_keys() in two parts: the readings' precise keys, and their looser keys."""
    done = _name_block_memo.get(name)
    if done is not None:
        return done
    if is_placeholder(name):  # no name: no block (as its key is empty)
        return frozenset(), frozenset()
    words = []
    for match in _WORDS.finditer(_prepare(name)):
        blocks = _word_blocks(match.group().strip(APOSTROPHES + "”\"·"))
        if blocks[0]:
            words.append(blocks)
    if not words:
        return frozenset(), frozenset()
    parts = []
    for level in (0, 1):
        alternatives = [w[level] for w in words]
        out: set[str] = set()
        combinations = 1
        for w in alternatives:
            combinations *= len(w)
        if combinations <= MAX_BLOCK_KEYS:
            out.update(" ".join(sorted(choice)) for choice in product(*alternatives))
        else:  # one reading at a time for every word at once
            for i in range(max(len(w) for w in alternatives)):
                out.add(" ".join(sorted(w[min(i, len(w) - 1)] for w in alternatives)))
        parts.append(frozenset(out))
    done = (parts[0], parts[1])
    _name_block_memo[name] = done
    return done


_name_block_memo: Memo[str, tuple[frozenset[str], frozenset[str]]] = Memo(NAMES)


def same_name(a: str, b: str) -> bool:
    """Whether *a* and *b* are one name, for a pair that block_keys() brought together.

    Five conditions, all needed:

    1. the keys are equal, or one reading of each (block_keys' conventions, not the looser
       fold) gives the same key: Selenskyj read as German, Jarkov as Spanish.  A pair that
       only the looser fold blocks together (Дніпро / Днепр, Dainega / Deineha) is not taken:
       of such pairs in a labelled collection, 78% were two names (Ровное / Ревне, Ivanov /
       Ivanova); compare them yourself, e.g. similarity() ≥ SAME_NAME_THRESHOLD, where a person
       checks the matches;
    2. the vowels the key folds into one class differ, word by word, only as the Russian,
       Ukrainian and Belarusian forms of one name differ (_ALTERNATIONS): so equal keys are
       not always one name (Ровное / Ревне: о and е in a closed syllable; Совки / Сивки: a
       Cyrillic и there, which no Ukrainian і is; Ялове / Елово: я and е word-initially;
       Терней / Терни: an ending -ей is no -ий, _endings_agree; Громівка / Грамівка: two
       Ukrainian spellings, no аканне).
       Measured on the labelled
       collection of benchmarks/bench_key.py (section "key"): precision on the blocked pairs
       0.917 → 0.924 at recall 0.764 → 0.759;
    3. two Cyrillic spellings write the consonants the key reads alike (г х, з с, ж ш, ц ч:
       Latin spellings cannot tell them apart) as one name's Russian, Ukrainian and Belarusian
       forms do (_consonants_agree): Галій / Халій, Головин / Халявин, Горошине / Горожене are
       two names.  Measured: precision 0.924 → 0.928 at the same recall;
    4. a Latin and a Cyrillic spelling write г and х as spellings of one name can (_velars_agree:
       kh is х, g is г, ch is ч or х): Chirkej / Гірки, Khytsi / Гейці are two names.
       Measured: 334 pairs of two names fewer, 57 of one name (precision 0.929 → 0.930);
    5. two Cyrillic spellings write a glide (й, ї, the glide of я ю є ё) where one name's forms
       do, a Latin spelling's j or y between vowels is a Cyrillic glide, and a Latin or
       Cyrillic diphthong (oy, ой) no single letter, and between two Latin spellings a glide
       written y or ï no single letter (_glides_agree): Юрівка / Юр'ївка, Михівка / Михіївка,
       Makiyivka / Маківка, Makiyivka / Makivka, Bykovka / Бойківка are two names, Юрьевка /
       Юр'ївка, Васильевка / Василівка, Yurivka / Юрʼївка one.

    Two Latin spellings that are one without their marks, apostrophes and case are one name
    whatever their keys (_latin_alike: Mezova / Mežova, Šabo / Sabo).  So key-equal names are
    not always same_name (the law is: equal keys and the rules of 2 to 5), but for names the
    key's known forms make one (translit.normalize._known_forms:
    Николаев / Миколаїв, Днепр / Дніпро, whose letters differ beyond the rules): a source
    that names both forms of one place is surer than letters.  Symmetric; a name is the same
    name as itself; false for names without a key.
    """
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False  # blank or a placeholder ("-", "n/a"): no name to be the same
    if _latin_alike(a, b):
        return True  # one Latin spelling is the other without its marks (Mezova / Mežova)
    if ka != kb and not _name_blocks(a)[0] & _name_blocks(b)[0]:
        return False
    if ka == kb and _known_words(ka) and _raw_key(a) != _raw_key(b):
        return True  # equal only by the known forms
    return a == b or (_vowels_agree(a, b) and _consonants_agree(a, b) and _velars_agree(a, b)
                      and _glides_agree(a, b))


def _latin_alike(a: str, b: str) -> bool:
    """Whether two Latin spellings are one once their marks, apostrophes and case are dropped,
    in any word order (Mežova / Mezova, Šabo / Şabo / Sabo, Koshel'ovo / Koshelovo, Vtoryye
    Ponyri / Ponyri Vtoryye: before, the letters were compared in their order, spaces
    dropped; on the blocked pairs of benchmarks/bench_key.py's collection the words gain 19
    pairs of one name and lose none; of bench_persons.py's, 6 pairs of one person were alike
    only by their spacing, Lakomyj Emilʹjan / Lakomy Jemiljan), or one is plain
    ASCII (no marks, no sh zh ch sz cz rz) and the other's hushing letters written as plain
    ones give it (Shuja / Suja, Kandalakscha / Kandalaksa, Volzhskiy / Volzskiy: ш ж ч typed
    as the s z c of a mark-less Czech or Polish spelling): a spelling typed without a
    convention's marks.  Keys differ there (z is з, ž ж).  Measured on the labelled collection
    of benchmarks/bench_key.py, of the blocked Latin pairs same_name did not take without
    this: 698 pairs alike but for marks, all of one name; then 540 plain against hushing
    letters, of one name, and 10 of two (Zhashkiv / Zaskiv, Shamary / Samary)."""
    fa, fb = _latin_forms(a), _latin_forms(b)
    if fa is None or fb is None:
        return False
    return fa[0] == fb[0] or (fa[1] and fa[0] in fb[2]) or (fb[1] and fb[0] in fa[2])


def _ascii_form(name: str) -> str | None:
    """A Latin name in lowercase ASCII letters and digits (unidecode), its words sorted; None
    for a name with a Cyrillic letter or no Latin letter."""
    forms = _latin_forms(name)
    return None if forms is None else forms[0]


def _latin_forms(name: str) -> tuple[str, bool, frozenset[str]] | None:
    """A Latin name's ASCII form (_ascii_form: its words' in sorted order, joined by a space),
    whether that is plain (the name is ASCII without a hushing digraph), and its forms with
    the hushing letters as plain ones (sh, š as s; zh, ž, rz as z; ch, cz, č as c; shch, szcz
    as sc; German sch as s or z); None for a name with a Cyrillic letter or no Latin letter."""
    done = _latin_forms_memo.get(name)
    if done is None:
        done = _latin_forms_memo[name] = (_work_out_latin_forms(name),)
    return done[0]


def _work_out_latin_forms(name: str) -> tuple[str, bool, frozenset[str]] | None:
    text = _prepare(name)
    if _ANY_CYRILLIC.search(text):
        return None
    # each word's letters (no surrogates, marks or apostrophes), the words in sorted order
    # (any word order is one name: Leninskiye Gorki / Gorki-Leninskiye)
    words = [w for w in ("".join(c for c in m.group() if c.isalnum())
                         for m in _WORDS.finditer(text)) if w]
    asciis = [_NOT_ASCII_ALNUM.sub("", unidecode(w).lower()) for w in words]
    if not any(_ASCII_LETTER.search(a) for a in asciis):
        return None
    ascii_form = " ".join(sorted(a for a in asciis if a))
    plain = all(w.isascii() and not _PLAIN_DIGRAPHS.search(a) for w, a in zip(words, asciis, strict=True))
    found = [h for w in words for h in _HUSHING.findall(w)]
    stripped: set[str] = set()
    if found and len(found) <= _HUSHING_MAX:
        split = [_HUSHING.split(w) for w in words]  # each word around its hushing letters
        for choice in product(*(_HUSHING_PLAIN[h] for h in found)):
            chosen = iter(choice)
            forms = (parts[0] + "".join(next(chosen) + p for p in parts[1:]) for parts in split)
            stripped.add(" ".join(sorted(f for f in (_NOT_ASCII_ALNUM.sub(
                "", unidecode(form).lower()) for form in forms) if f)))
    return ascii_form, plain, frozenset(stripped)


_latin_forms_memo: Memo[str, tuple[tuple[str, bool, frozenset[str]] | None]] = Memo(NAMES)
_NOT_ASCII_ALNUM = re.compile("[^a-z0-9]+")
_ASCII_LETTER = re.compile("[a-z]")
_HUSHING_PLAIN = plain_forms()  # tables/key/folds.toml, [plain]
_HUSHING = re.compile("|".join(map(re.escape, sorted(_HUSHING_PLAIN, key=len, reverse=True))))
_PLAIN_DIGRAPHS = re.compile("|".join(sorted((re.escape(h) for h in _HUSHING_PLAIN
                                               if h.isascii()), key=len, reverse=True)))
_HUSHING_MAX = 4  # hushing letters a name may have for its plain forms (at most 2 ** 4)


def _known_words(k: str) -> bool:
    """Whether a key holds a word the known forms write (a Ukrainian form's key): only then can
    the known forms have made two keys one (the letters' raw key is worked out only then)."""
    return not _known_targets().isdisjoint(k.split())


@cache
def _known_targets() -> frozenset[str]:
    return frozenset(_known_forms().values())


def _raw_key(name: str) -> str:
    """key() without the known forms (normalize._raw_sounds_key): what the letters alone say."""
    done = _raw_memo.get(name)
    if done is None:
        words = (_raw_sounds_key(_word_sounds(m.group().strip(APOSTROPHES + "”\"·")))[0]
                 for m in _WORDS.finditer(_prepare(name)))
        done = _raw_memo[name] = " ".join(sorted(w for w in words if w))
    return done


_raw_memo: Memo[str, str] = Memo(NAMES)


# -- Verification: the vowels a key folds, compared -----------------------------------------

# The runs of a word's vowel signs, each by its place: a word's first ("initial"), its ending
# (the last, after a consonant), and the others in an open or a closed syllable (as the key
# tells them: a consonant and then a consonant, the word's end or a glide ending).
_INITIAL, _ENDING, _OPEN, _CLOSED = "initial", "ending", "open", "closed"
_Runs = tuple[tuple[str, tuple[str, ...]], ...]  # a word's vowel runs: (place, vowels)
_Readings = tuple[tuple[str, bool, _Runs], ...]  # a word's readings: (key, given name?, runs)


def _run_vowels(run: str) -> tuple[str, ...]:
    """The vowels of a run without its glides; a glide + O (ё, yo, io, jo) as Ë."""
    return tuple(_vowels(run, "Ë"))


def _word_runs(sounds: str) -> _Runs:
    """A word's vowel runs, each with its place (as translit.normalize folds them)."""
    sounds = _HUSHED_O.sub("E", sounds)  # о after ж ш ч щ ц is Russian е or ё: one sound
    out = []
    end = len(sounds)
    for match in _RUNS.finditer(sounds):
        start, stop = match.span()
        if stop == end and start > 0:
            place = _ENDING
        elif start == 0:
            place = _INITIAL
        else:
            after = stop + 1
            closed = after >= end or sounds[after] not in _VOWEL_SIGNS or (
                sounds[after] in "IJY" and _glide_ending(sounds, after))
            place = _CLOSED if closed else _OPEN
        out.append((place, _run_vowels(match.group())))
    return tuple(out)


# The vowel pairs one name's Russian, Ukrainian and Belarusian forms show, by place (every
# other pair of different vowels is two names):
# * anywhere, ё (Ë) for е or о: Russian writes ё as е (Королёв / Королев), and Ukrainian has
#   о or е for it (Озёрная / Озерна, Шилёвка / Шиловка);
# * in a closed syllable, Ukrainian і for о and е (Харків / Харьков, Рівне / Ровно, Іванів):
#   о and е are not one (Ровное / Ревне); і and Russian ё, an е or о, are (Грачёвка /
#   Грачівка, Золотарёвка / Zolotarivka);
# * in an open syllable, е and и / і (Біла / Белая: Ukrainian і for ѣ; Chichelnik: unstressed
#   е written и), and а and о: Belarusian аканне (Клімавічы / Климовичи), Russian а for an
#   unstressed о (Козак / Казак, Кропивна / Крапивна, Словʼянськ / Славянск) and Ukrainian а
#   for Russian о (Багате / Богатое) in KOATUU's official pairs.  (Only in Belarusian names,
#   as a rule, it kept 1.3% more different names apart and lost 2.3% of one name's pairs:
#   measured, and false by those official pairs);
# * word-initially, а and о (Олександр / Александр, Орша / Ворша's Аршанскі); е beside а or о
#   only where the given-names table says so (Олена / Елена: the table's rows decide, and a
#   given name is compared by its row, not by its vowels);
# * the ending as the key's classes (-о -е -ое one, -ий -ый -ій one …).
# * Cyrillic и and ы (Ы) are і (I) anywhere (Милове / Мілове), but never о or е in a closed
#   syllable: the Ukrainian vowel that stands for о and е there is written і (Харків, Рівне),
#   and и there is a vowel of its own (Совки / Сивки, Скорська / Скирська), but after ж ч ш щ,
#   where Ukrainian writes и for Russian е (Ладижинка / Ладыженка, Щиглі / Щеглы, Нічепорук /
#   Нечипорук).  Nor, between two Cyrillic spellings, е in an open syllable (Лысин / Лесин,
#   Симиренки / Семиренки; Біла / Белая is і).  A Latin y (Ÿ) is Ukrainian и or Russian ы in
#   every system (Skyrska): against a Cyrillic word it is no о or е of a closed syllable
#   either; between two Latin words it is any I (Kharkyv / Kharkiv: the letters are not the
#   writer's own, ы and і both i in some systems).  Measured on the blocked pairs of
#   benchmarks/bench_key.py's collection that same_name took without them: Cyrillic и ы in a
#   closed syllable, 722 pairs of two names fewer and 456 of one name, most of those Ukrainian
#   names typed in Russian letters, и for і (Глухив / Gluchow, Иванивка / Ivanovka); a Latin y
#   against Cyrillic, 77 and 18 more (Barvynkove / Барвенково, Chernyvtsi / Черновцы: і typed
#   y); и ы against е in an open syllable, 361 and 54 more (Билозерка / Белозерка); on
#   bench_persons.py's people, 534, 117 and 180 pairs of two people fewer, and 9 of one person
#   (Клементович / Климентович).  (Measured and not taken: и ы and y against е in an open
#   syllable across scripts too, 285 more of two names and 110 of one, Glebokie / Глибоке,
#   Yasynivka / Ясенівка; a Latin y against Latin o or e, 124 and 187, Chernovcy /
#   Chernyvtsi.)
_ANYWHERE = (frozenset("ËE"), frozenset("ËO"), frozenset("IЫ"), frozenset("IŸ"), frozenset("ЫŸ"))
_ALTERNATIONS = {  # between two words of one script
    _CLOSED: frozenset({frozenset("IO"), frozenset("IE"), frozenset("IË"), frozenset("ŸO"),
                        frozenset("ŸE"), frozenset("ŸË"), *_ANYWHERE}),
    _OPEN: frozenset({frozenset("EI"), frozenset("EŸ"), frozenset("AO"), *_ANYWHERE}),
    _INITIAL: frozenset({frozenset("AO"), *_ANYWHERE}),
}
_ALTERNATIONS_ACROSS = {  # between a Cyrillic word and a Latin one
    _CLOSED: frozenset({frozenset("IO"), frozenset("IE"), frozenset("IË"), *_ANYWHERE}),
    _OPEN: _ALTERNATIONS[_OPEN] | {frozenset("EЫ")},
    _INITIAL: _ALTERNATIONS[_INITIAL],
}
# Between two words of Ukrainian letters, а and о of an open syllable are two names (Громівка /
# Грамівка, Сазонівка / Созонівка): Ukrainian has no аканне and writes an unstressed о as о;
# the alternation is Belarusian and Russian spelling's (Клімавічы / Климовичи, Кропивна /
# Крапивна).  Measured on the blocked pairs of benchmarks/bench_key.py's collection: 48 pairs
# of two names fewer, 10 of one name (Belarusian names in Ukrainian letters: Златапіль /
# Златопіль); of bench_persons.py's people, 18 of two fewer, none of one.
_ALTERNATIONS_UKRAINIAN = {**_ALTERNATIONS,
                           _OPEN: _ALTERNATIONS[_OPEN] - {frozenset("AO")}}
_CYRILLIC_VOWEL_RUN = re.compile("[аеёиіїоуыэюяєй]+")
_LATIN_VOWEL_RUN = re.compile("[aeiouyjäëïöüáéíóúýàèìòùâêîôûăąęėīįūų]+")
_LATIN_HUSHING_BEFORE = re.compile("(?:[zcs]h|[cs]z|rz|[žčšżść])$")


def _hard_i_letters(word: str) -> tuple[list[str], tuple[str, ...], str] | None:
    """A word's vowel runs as letters (a run after ж ч ш щ, or after a Latin hushing letter,
    as ""), the letters that are hard (и ы, or y), and their mark (Ы, or Ÿ); None for a word
    with neither."""
    if _ALL_CYRILLIC.fullmatch(word) is not None:
        letters = [("" if m.start() and word[m.start() - 1] in "жчшщ" else m.group()
                    ).replace("й", "") for m in _CYRILLIC_VOWEL_RUN.finditer(word)]
        hard: tuple[str, ...] = ("и", "ы")
        mark = "Ы"
    elif "y" in word and _ANY_CYRILLIC.search(word) is None:
        letters = [m.group() if not _LATIN_HUSHING_BEFORE.search(word, 0, m.start()) else ""
                   for m in _LATIN_VOWEL_RUN.finditer(word)]
        hard, mark = ("y",), "Ÿ"  # (a Latin word with y only)
    else:
        return None
    return (letters, hard, mark) if any(x in hard for x in letters) else None


def _marked(runs: _Runs, letters: list[str], hard: tuple[str, ...], mark: str) -> _Runs:
    """A word's runs with a single hard letter (_hard_i_letters) as its mark, where the vowel
    runs of its letters line up with the runs of its sounds."""
    if len(letters) != len(runs):
        return runs
    return tuple((place, (mark,)) if vowels == ("I",) and x in hard else (place, vowels)
                 for (place, vowels), x in zip(runs, letters, strict=True))


def _runs_agree(x: _Runs, y: _Runs, cross: bool = False, ukrainian: bool = False) -> bool:
    """Whether two words' vowel runs differ only by the alternations above (*cross*: one word
    Cyrillic, the other not).  Runs that do not line up (another number of runs) are left to
    the key: it said one name.  A run in another place (a syllable closed by a doubled or soft
    consonant in one spelling only: Одеса / Одесса, Мана / Маня) takes the alternations of
    either place; a run of one vowel against a run of two (Андреевка / Андрівка: ее, і) agrees
    where its vowel agrees with one of the two (Kireevsk / Kirovsk: ее against о, two names).
    Both were left to the key before; measured on the blocked pairs of benchmarks/bench_key.py's
    collection: 156 pairs of two names fewer, 9 of one name (Razdolye / Роздолля); on
    bench_persons.py's people, none either way."""
    if len(x) != len(y):
        return True
    table = _ALTERNATIONS_ACROSS if cross else _ALTERNATIONS_UKRAINIAN if ukrainian else _ALTERNATIONS
    for (px, vx), (py, vy) in zip(x, y, strict=True):
        if vx == vy:
            continue
        if px == _ENDING or py == _ENDING:
            if px == py and not _endings_agree(vx, vy):
                return False
            continue
        places = (px,) if px == py else (px, py)
        if len(vx) != len(vy):
            short, long_ = (vx, vy) if len(vx) < len(vy) else (vy, vx)
            if len(short) == 1 and not any(_vowel_agrees(places, short[0], v, table)
                                           for v in long_):
                return False
            continue
        for p, q in zip(vx, vy, strict=True):
            if p != q and not _vowel_agrees(places, p, q, table):
                return False
    return True


# A word's ending is compared as the key's class (-о -е -ое one, -ий -ый -ій -ой one …), but
# that -ей and -уй (Latin -ei -ey -ej, -ui -uy -uj) are no adjective's -ий -ый (Latin -y:
# Терней / Терни, Буди / Будеї, Кадуй / Кадый): -ей is only Ukrainian -ій (Сергей / Сергій,
# Терней / Тернії).  (Not -ай: Lithuanian writes the Russian plural -ы -и as -ai, Čerkasai /
# Черкаси; nor -ой, the Russian adjective's stressed -ий, Крутой / Крутий.)
_DIPHTHONG_ENDINGS = {"E": frozenset("ЫŸ"), "U": frozenset("IЫŸ")}  # and what each is not


def _endings_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two words' endings (their vowels, a glide as I) agree by the rule above."""
    if len(y) == 2:
        x, y = y, x
    return not (len(x) == 2 and x[1] == "I" and len(y) == 1
                and y[0] in _DIPHTHONG_ENDINGS.get(x[0], ()))


def _vowel_agrees(places: tuple[str, ...], p: str, q: str,
                  table: dict[str, frozenset[frozenset[str]]]) -> bool:
    """Whether vowels *p* and *q* are one name's in one of *places*."""
    return p == q or any(frozenset((p, q)) in table[place] for place in places)


def _word_readings_compared(word: str) -> _Readings:
    """Each reading of a word: its key, whether it is a given name's, and its vowel runs."""
    done = _compared_memo.get(word)
    if done is None:
        found = _hard_i_letters(word)  # the word's letters, read once for all its readings
        done = tuple((*_sounds_key(sounds), _word_runs(sounds) if found is None
                      else _marked(_word_runs(sounds), *found))
                     for sounds in _word_readings(word))
        _compared_memo[word] = done
    return done


_compared_memo: Memo[str, _Readings] = Memo(WORDS)


def _words_compared(name: str) -> tuple[tuple[str, _Readings], ...]:
    """Each word of a name with a key: its letters (_letters_kind), and its readings as
    _word_readings_compared gives them."""
    done = _words_memo.get(name)
    if done is None:
        out = []
        for match in _WORDS.finditer(_prepare(name)):
            word = match.group().strip(APOSTROPHES + "”\"·")
            readings = _word_readings_compared(word)
            if readings and readings[0][0]:
                out.append((_letters_kind(word), readings))
        done = _words_memo[name] = tuple(out)
    return done


_words_memo: Memo[str, tuple[tuple[str, _Readings], ...]] = Memo(NAMES)
# Ukrainian letters (і ї є ґ, an apostrophe inside), and none of Russian or Belarusian (ы э ё ъ
# ў, дз, a final -ск -цк that Ukrainian writes -ськ -цьк: Салігорск, Святагірск are Belarusian)
_UKRAINIAN_LETTERS = re.compile("[іїєґ]|[а-яіїєґ][ʼ'’][а-яіїєґ]")
_NOT_UKRAINIAN_LETTERS = re.compile("[ыэёъў]|дз|[сц]к$")


def _letters_kind(word: str) -> str:
    """"latin" for a word not all Cyrillic; "ukrainian" for a Cyrillic word of Ukrainian
    letters (_UKRAINIAN_LETTERS), else "cyrillic"."""
    if _ALL_CYRILLIC.fullmatch(word) is None:
        return "latin"
    if _UKRAINIAN_LETTERS.search(word) and not _NOT_UKRAINIAN_LETTERS.search(word):
        return "ukrainian"
    return "cyrillic"


def _vowels_agree(a: str, b: str) -> bool:
    """Whether the words of *a* and *b* pair up (a matching: any word order) so that in each
    pair one reading of each gives the same key and their vowels differ only by the
    alternations of _ALTERNATIONS.  A given name's word agrees with a word of the same row
    whatever its vowels: the given-names table decides (Олена / Елена / Алена)."""
    wa, wb = _words_compared(a), _words_compared(b)
    if len(wa) != len(wb):
        return True  # words that do not pair up: the key decided

    def agree(x: int, y: int) -> bool:
        (letters_a, readings_a), (letters_b, readings_b) = wa[x], wb[y]
        cross = (letters_a == "latin") != (letters_b == "latin")
        ukrainian = letters_a == letters_b == "ukrainian"
        return any(ka == kb and ((given_a and given_b) or _runs_agree(ra, rb, cross, ukrainian))
                   for ka, given_a, ra in readings_a for kb, given_b, rb in readings_b)

    keyed = [[y for y in range(len(wb)) if any(r[0] == s[0] for r in wa[x][1] for s in wb[y][1])]
             for x in range(len(wa))]
    if not all(keyed):
        return True  # no reading pairs the words up: the key decided
    edges = [[y for y in keyed[x] if agree(x, y)] for x in range(len(wa))]
    return _pair_up(edges)


def _pair_up(edges: list[list[int]]) -> bool:
    """Whether every word x of one name pairs with its own word of the other among edges[x]
    (a perfect matching, by augmenting paths: Kuhn's algorithm)."""
    matched: dict[int, int] = {}  # word of b -> word of a

    def augment(x: int, seen: set[int]) -> bool:
        for y in edges[x]:
            if y not in seen:
                seen.add(y)
                if y not in matched or augment(matched[y], seen):
                    matched[y] = x
                    return True
        return False

    return all(augment(x, set()) for x in range(len(edges)))


# -- Verification: the consonants a key folds, for two Cyrillic spellings -------------------

# The key reads г and х, з and с, ж and ш, ц and ч … alike, because Latin spellings do (h is
# Ukrainian г and Czech х; German s is з).  Cyrillic writes them apart, and one name's Russian,
# Ukrainian and Belarusian forms keep them apart but for these (each a rule of the spelling,
# not of a name):
# * ґ is г; щ is шч (Belarusian writes шч: Шчучын / Щучин), and so are сч, зч (Песчаное);
#   тч is ч (Вятчеслав / Вячеслав); signs and apostrophes are no consonant, and a doubled
#   consonant is one (Ukrainian Запоріжжя / Russian Запорожье);
# * тс and дс are ц (Ukrainian Братськ / Russian Брацк, -тськ / -цк);
# * з before a consonant is с: the prefixes з- / с-, роз- / рос-, без- / бес- (Збірне /
#   Сборное, Безкровне / Бескровное, Розтока / Ростока);
# * Belarusian цеканне and дзеканне: ц and дз before е і ё ю я ь are т and д (Віцебск /
#   Витебск), and ў before a consonant may be л (Ваўкавыск / Волковыск), in a word of
#   Belarusian letters (_belarusian_letters), read back where the other spelling needs it;
# * в, ў, й and the vowels are left to the vowel rules (Ukrainian в / у: Вкраїна / Україна).
_KEPT_CONSONANTS = frozenset("бгджзклмнпрстфхцчш")
_ALL_CYRILLIC = re.compile("[а-яёіїєґўʼ'’]+")
_ANY_CYRILLIC = re.compile("[а-яёіїєґў]")
_SHCH = re.compile("щ|[сз]ч")
_SIGNS = re.compile("[ьъʼ'’]")
_DOUBLED = re.compile(r"(.)\1+")
_TS = re.compile("[тд]с")
_Z_BEFORE_CONSONANT = re.compile("з(?=[бвгджзклмнпрстфхцчшщ])")
_DZEKANNE = re.compile("дз(?=[вмнл]?[еіёюяь])")
_TSEKANNE_SOFT = re.compile("ц(?=[еіёюяь])")


def _cyrillic_consonants(word: str, read_back: int) -> str:
    """The consonants of a Cyrillic word as the rules above compare them; *read_back* 1: with
    Belarusian цеканне and дзеканне read back (in a word of Belarusian letters), 2: and ў
    before a consonant as л."""
    word = _SHCH.sub("шч", word.replace("ґ", "г").replace("тч", "ч"))
    if read_back and _belarusian_letters(word):
        word = _TSEKANNE_SOFT.sub("т", _DZEKANNE.sub("д", word))
        if read_back == 2 and "ў" in word:
            word = _U_BEFORE_CONSONANT.sub("л", word)
    word = _DOUBLED.sub(r"\1", _SIGNS.sub("", word))
    word = _Z_BEFORE_CONSONANT.sub("с", _TS.sub("ц", word))
    return _DOUBLED.sub(r"\1", "".join(c for c in word if c in _KEPT_CONSONANTS))


def _name_consonants(name: str, read_back: int) -> tuple[str, ...] | None:
    """The consonants of each word of a Cyrillic name, sorted, but of its given names (the
    given-names table decides those: Иосиф / Йосип); None for a name with a word in another
    script."""
    done = _consonants_memo.get((name, read_back))
    if done is None:
        done = _consonants_memo[name, read_back] = (_work_out_consonants(name, read_back),)
    return done[0]


def _work_out_consonants(name: str, read_back: int) -> tuple[str, ...] | None:
    out = []
    for match in _WORDS.finditer(_prepare(name)):
        word = match.group().strip(APOSTROPHES + "”\"·")
        readings = _word_readings_compared(word)
        if not readings or not readings[0][0]:
            continue
        if _ALL_CYRILLIC.fullmatch(word) is None:
            return None
        if not readings[0][1]:
            out.append(_cyrillic_consonants(word, read_back))
    return tuple(sorted(out))


_consonants_memo: Memo[tuple[str, int], tuple[tuple[str, ...] | None]] = Memo(NAMES)


# -- Verification: the glides and diphthongs a key drops -----------------------------------

# The key drops й and the glide of я ю є ї ё (Мозоліївка and Мозолівка: one key).  Cyrillic
# writes the glide, and one name's Russian, Ukrainian and Belarusian forms keep it (Юр'ївка /
# Юрьевка, Андріївка / Андреевка, Марʼїне / Марьино, Воробйове / Воробьёво) or not (Юрівка /
# Юровка), but for these (each a rule of the spellings, not of a name), so a glide against
# none is two names (Юрівка / Юр'ївка, Михівка / Михіївка, Мозолівка / Мозоліївка).  A vowel run
# inside a word (the first run of a word and its ending are the key's; _GLIDE_RUN) is:
# * "G", a glide: a run with й (Воробйове), a sign or apostrophe and ё и і ї є (Марʼїне,
#   Марьино, Воробьёво), a vowel and я ю є ї ё (Чорнобаївка, Ширяєве), і or и and a front
#   vowel (Андріївка, Мариинск, Belarusian Андрыіўка);
# * "E", Russian ье, ие, ее (and Belarusian іе): a glide, or, where Ukrainian and Belarusian
#   write і и е є ы, none (Юрьевка / Юр'ївка, Андреевка / Андріївка, but Васильевка /
#   Василівка, Дмитриевка / Дмитрівка / Дмытрыўка, Григорьевка / Григоревка, Збигньевна /
#   Збігнєвна);
# * "S", a sign and о: Ukrainian ьо for Russian ё, е or ье (Корольов / Королёв, Анатольович /
#   Анатольевич): no glide, or E;
# * "W", either: a doubled consonant before the run (Ukrainian Іллінка for Russian Ильинка,
#   Ганнівка / Ганновка), а о у after и or і (Russian Миас and Мияс, Станционное / Станційне),
#   и і е э after a vowel (Троицкое / Троїцьке; Belarusian Чарнабаіўка; Ukrainian hiatus
#   Новоекатеринівка; Сімеїз / Сімэіз), and a vowel before а о у (Заозёрный / Заазёрны);
# * "N", none: a single vowel after a consonant (я ю after a sign too: Ульяновка / Улянівка).
# Runs that do not line up (another number of runs) are left to the key, as the vowel rules
# leave them.  And a word that begins with a glide and a vowel (я ю ё йо; Latin ja ya ia ju
# yu iu jo yo io) is no word that begins with а о у (a o u): Юшково / Ушково, Ясенівка /
# Осинівка, Yasnyi / Осни, Юлянівка / Ulianivka - no Russian, Ukrainian or Belarusian form of
# a name writes one for the other, but the Ukrainian prothesis of a few given names, which the
# given-names table's rows show (Йосип / Осип, Яким / Аким: _prothetic_stems), and the words
# made of them (Якимівка / Акимовка, Yosypivka / Osipovka); е and э, і and ї, и and й do
# alternate there (Эгор / Єгор, Ижицкое / Їжицьке).  Measured on all the blocked pairs of
# benchmarks/bench_key.py's collection that same_name took with only ю / у apart: 297 pairs of
# two names fewer, 17 of one name (Iordanovka / Орданівка, Явдотівка / Авдотьевка: prothesis
# in names the table does not list; Urkivka / Юрківка); on bench_persons.py's people, none
# either way.  Nor is an ending -ия / -ія an -а or -я after a consonant (Тула /
# Тулия, Вила / Вилия; Russian -ья is Ukrainian -ія, -ʼя or a doubled consonant + я, and is
# neither: Ефросинья / Єфросінія).  Measured on the blocked Cyrillic pairs of
# benchmarks/bench_key.py's collection that same_name takes without this check: 577 pairs of
# two names fewer, 16 of one name (most are the sources' own: Бистрівка / Бистріївка,
# Пантелимонович / Пантелеймонович, Зоря / Зорія).
_GLIDE_VOWELS = "аеёиіоуыэюяєї"
_GLIDE_RUN = re.compile(f"[{_GLIDE_VOWELS}й]+")
_GLIDE_SIGNS = "ьъʼ'’"
_GLIDES_MATCH = frozenset({frozenset("EG"), frozenset("ES"), frozenset("SN")})
_E_NONE = frozenset("іиеєы")  # the runs without a glide that an E may stand for


def _glide_kind(word: str, start: int, stop: int) -> str:
    """The kind of the vowel run word[start:stop] (inside the word) by the rules above."""
    run, before = word[start:stop], word[start - 1]
    if start >= 2 and word[start - 2] == before and before not in _GLIDE_VOWELS:
        return "W"
    if "й" in run:
        return "G"
    if before in _GLIDE_SIGNS:
        if run[0] == "е":
            return "E"
        if run[0] == "о":
            return "S"
        if run[0] in "ёиіїє" or len(run) > 1:
            return "G"
        return "N"
    if len(run) == 1:
        return "N"
    if run in ("ие", "ее", "іе"):
        return "E"
    if run[0] in "иі":
        return "G" if run[1] in "яюєїёиі" else "W"
    return "G" if any(c in "яюєїё" for c in run[1:]) else "W"


_IA_ENDING = re.compile("[иі]я$")
_A_ENDING = re.compile(f"[^{_GLIDE_VOWELS}йьъʼ'’][ая]$")
_LATIN_CONSONANT = "bcdfghklmnprstvwzšžčłćśźż"
_LATIN_IA_ENDING = re.compile(f"(?<=[{_LATIN_CONSONANT}])(?:i[yji]a|ïa|iâ)$")
# (not after kh ch sh zh: Spanish -ija is -иха, Belokurija / Belokurikha)
_LATIN_A_ENDING = re.compile(f"(?:(?<=[{_LATIN_CONSONANT.replace('h', '')}])|(?<=[^kzcs]h))a$")


def _ending_glide(word: str) -> str:
    """A word's ending -ия / -ія ("ія"), or -а / -я after a consonant ("а"), or neither ("")."""
    return "ія" if _IA_ENDING.search(word) else "а" if _A_ENDING.search(word) else ""


def _latin_ending_glide(word: str) -> str:
    """A Latin word's ending -iya -ija -iia -ïa after a consonant ("ія"), or -a after a
    consonant ("а"), or neither ("")."""
    return "ія" if _LATIN_IA_ENDING.search(word) else "а" if _LATIN_A_ENDING.search(word) else ""


def _glides_match(a: _GlideWord, b: _GlideWord) -> bool:
    """Whether two Cyrillic words' glides agree run by run (runs that do not line up: the
    key's; their onsets and endings: _words_glides_match)."""
    x, y = a.runs, b.runs
    if len(x) != len(y):
        return True
    for (p, run_p), (q, run_q) in zip(x, y, strict=True):
        if p == q or "W" in (p, q) or frozenset((p, q)) in _GLIDES_MATCH:
            continue
        if (p, q) == ("E", "N") and run_q in _E_NONE:
            continue
        if (p, q) == ("N", "E") and run_p in _E_NONE:
            continue
        return False
    return True


# A Latin spelling writes a glide where it writes j or y between vowels (Makijivka,
# Mozoliyivka, Kyyiv; y, j or i + e after a vowel: Andreyevka, Andrejevka, as E) or ï after a
# vowel (French Andriïvka); that is "G" against a Cyrillic run without one ("N"): Makiyivka is
# no Маківка, Cherniyiv no Чернів.  Anything else it writes is no evidence: the Ukrainian
# national system writes Юрʼївка as Yurivka, and ii is Ukrainian ії as well as a Finnish
# long i (Viiritsa, Apatiitti).  Two Latin spellings are not compared for glides.  Measured
# on the same collection: 172 pairs of two names fewer, 3 of one name (Miyory / Мёры).  Its
# ending -iya, -ija, -iia, -ïa (-ия, -ія after a consonant) is no -а after a consonant, Latin or
# Cyrillic, as a Cyrillic one is none (Livadija / Лівада, Tuliya / Tula, Bazaliya / Бочала);
# -ia is also я (Vinnytsia) and -yja French -ыжа (Ryja), and neither counts.  Measured
# on all the blocked pairs of bench_key.py's collection: 87 pairs of two names fewer, 6 of one
# (Spanish j for х: Belokurija / Белокуриха); of bench_persons.py's people, 2 of one person.
#
# And the diphthongs: a Cyrillic vowel + й before a consonant (ай ей ой уй …, not ий ый ій,
# which spellings write i or y: Bisk for Бийск, Novorossisk) is two Latin letters in every
# convention (ai ay aj oi oy oj …), and a Latin a e o u + y before a consonant is a Cyrillic
# vowel + й (j is French and Romanian ж: Ujgorod, Radujny): so one letter against such a
# run is two names (Bykovka / Бойківка, Sumy / Суймы, Teykovo / Теково, Asha / Айша).  Every
# run of a word but its ending counts, its first too.  Measured: 122 pairs of two names
# fewer, 3 of one name (Bunichi / Буйничи, Буйнічы; Semchan / Сеймчан).  So is a e o u + i or
# ï before a consonant: Cyrillic vowel + й, ї, и or і (Leinart is Лейнарт, no Ленарт; Teikowo
# no Теково), but French and Spanish gui (Eguine: Егіне) and Catalan aix (Karabaix: Карабаш).
# Measured with the y rule's: 78 pairs of two names fewer, 11 of one name (Seimchan /
# Semchan, Chervonoivanovka / Червоніванівка); of bench_persons.py's people, 72 of two
# people fewer (Leinart / Ленарт, Zeinura / Зенура), none of one.
#
# Between two Latin spellings, a glide written y or ï between vowels (Makiyivka, Teïkovo,
# Mayak) against a run of one letter (Makivka, Tekovo, Mak) is two names too: no convention
# writes a glide as one letter between vowels (j is ж in French and Romanian: Snejinsk /
# Sněžinsk; ii, Ukrainian ії, is no single letter either).  Measured on the labelled
# collection of benchmarks/bench_key.py, of the blocked Latin pairs same_name took without
# it: 82 pairs of two names fewer (Kireyevsk / Kirovsk, Kochubeyivka / Kozubivka, Krasnyy
# Mayak / Krasnyi Mak), 27 of one name (Amvrosivka, Vradivka: ії typed as one i; Dmitrivka
# for Dmitriyevka); of people's names (bench_persons.py), 52 of two people fewer, 12 of one.
_LATIN_GLIDE_RUN = re.compile("[aeiouyjïëéáóúíàèìòùâêîôûäöü]+")
_LATIN_Y_GLIDE = re.compile("[aeiouyï]y(?=[aeiouï])|[aeiouy]ï")
_LATIN_GLIDE = re.compile("[aeiouyï][yj](?=[aeiouï])|[aeiouy]ï")
_LATIN_GLIDE_E = re.compile("[aeiouy][yji]e$")
_LATIN_DIPHTHONG = re.compile("[aeouáéóú]y$")
_CYRILLIC_DIPHTHONG = re.compile("[аеоуёэяює]й$")
_Glides = tuple[tuple[str, str], ...]  # a word's inner vowel runs: (kind, run)


_GLIDE_ONSET = re.compile("[яюё]|йо|[jy][aouáóúàòù]|i[aouáóúàòù]")
_VOWEL_ONSET = re.compile("[аоу]|[aouáóúàòù](?![iyjï])")  # (ISO 9 â û: я ю)


def _onset(word: str) -> str:
    """A word's onset for the glide check: "G" a glide and a vowel (я ю ё йо; Latin ja ya ia
    ju yu iu jo yo io), "V" а о у (a o u but a diphthong's), else ""; and "" for a word on the
    stem of a given name whose forms differ so (_prothetic_stems: Якимівка / Акимовка)."""
    onset = _onset_letters(word)
    if onset and _fold(_word_sounds(word)).startswith(_prothetic_stems()):
        return ""
    return onset


@cache
def _prothetic_stems() -> tuple[str, ...]:
    """The keys of the given names whose Ukrainian form has a glide before the vowel that begins
    the Russian one (Ukrainian prothesis: Йосип / Осип, Яким / Аким), from the given-names
    table's rows, as the stems of the words made of them (Йосипівка / Осиповка)."""
    stems: set[str] = set()
    for first, others in given_names().items():
        forms = [f.lower() for f in (first, *others) if _ANY_CYRILLIC.search(f)]
        if {_onset_letters(f) for f in forms} >= {"G", "V"}:
            stems.update(_fold(_word_sounds(f)) for f in forms if _onset_letters(f))
    return tuple(sorted(stems))


def _onset_letters(word: str) -> str:
    return "G" if _GLIDE_ONSET.match(word) else "V" if _VOWEL_ONSET.match(word) else ""


class _GlideWord(NamedTuple):
    """What a word of a name writes of the glides and diphthongs the key drops."""

    cyrillic: bool
    onset: str  # "G" a word-initial glide + vowel (_GLIDE_ONSET), "V" а о у, else ""
    ending: str  # "ія", "а" or "" (_ending_glide, _latin_ending_glide)
    runs: _Glides  # its inner vowel runs, each with its kind
    diphthongs: str  # for each run but the ending: "D" a diphthong, "1" one letter, "?" else
    y_glides: str  # for each inner run (Latin words): "Y" a glide written y or ï, "1" one letter


def _cyrillic_glide_word(word: str) -> _GlideWord:
    runs = [m for m in _GLIDE_RUN.finditer(word) if m.end() < len(word)]
    return _GlideWord(
        True, _onset(word), _ending_glide(word),
        tuple((_glide_kind(word, m.start(), m.end()), m.group()) for m in runs if m.start()),
        "".join("D" if _CYRILLIC_DIPHTHONG.search(m.group()) else
                "1" if len(m.group()) == 1 and m.group() != "й" else "?" for m in runs), "")


def _latin_glide_word(word: str) -> _GlideWord:
    runs = [m for m in _LATIN_GLIDE_RUN.finditer(word) if m.end() < len(word)]
    return _GlideWord(
        False, _onset(word), _latin_ending_glide(word),
        tuple(("E" if _LATIN_GLIDE_E.search(m.group()) else
               "G" if _LATIN_GLIDE.search(m.group()) else "?", m.group())
              for m in runs if m.start()),
        "".join("D" if _latin_diphthong(word, m.start(), m.end()) else
                "1" if len(m.group()) == 1 else "?" for m in runs),
        "".join("Y" if _LATIN_Y_GLIDE.search(m.group()) else
                "1" if len(m.group()) == 1 else "?" for m in runs if m.start()))


def _latin_diphthong(word: str, start: int, stop: int) -> bool:
    """Whether the vowel run word[start:stop] ends in a diphthong: a e o u + y, i or ï; not
    French and Spanish gui (г + i: Eguine, Maguilov), nor Catalan aix eix (аш еш: Karabaix)."""
    run = word[start:stop]
    if _LATIN_DIPHTHONG.search(run):
        return True
    return (len(run) >= 2 and run[-1] in "iï" and run[-2] in "aeouáéóú" and word[stop:stop + 1] != "x"
            and not (run[-2] == "u" and stop - 2 == start and word[start - 1:start] in ("g", "q")))


def _latin_glides_match(latin: _GlideWord, cyrillic: _GlideWord) -> bool:
    """Whether a Latin word's glides and diphthongs can be a Cyrillic word's (runs that do not
    line up: the key's): a Latin glide is no Cyrillic run without one, an E none but і и е є
    ы, and a diphthong is no single letter of the other."""
    if not _diphthongs_match(latin, cyrillic):
        return False
    if len(latin.runs) != len(cyrillic.runs):
        return True
    return not any(q == "N" and (p == "G" or (p == "E" and run_q not in _E_NONE))
                   for (p, _), (q, run_q) in zip(latin.runs, cyrillic.runs, strict=True))


def _name_glides(name: str) -> tuple[_GlideWord | None, ...]:
    """Each word of a name as _GlideWord, but its given names (the table decides those:
    Данило / Даниил); None for a word that mixes scripts (Покровsk)."""
    done = _glides_memo.get(name)
    if done is None:
        done = _glides_memo[name] = _work_out_glides(name)
    return done


def _work_out_glides(name: str) -> tuple[_GlideWord | None, ...]:
    return tuple(_cyrillic_glide_word(word) if script == "cyrillic" else
                 _latin_glide_word(word) if script == "latin" else None
                 for word, script in _checked_words(name))


_glides_memo: Memo[str, tuple[_GlideWord | None, ...]] = Memo(NAMES)


def _words_glides_match(x: _GlideWord | None, y: _GlideWord | None) -> bool:
    if x is None or y is None:
        return True  # a word of mixed scripts: no evidence
    if {x.onset, y.onset} == {"G", "V"}:
        return False  # Ясенівка / Осинівка, Юлянівка / Ulianivka
    if {x.ending, y.ending} == {"ія", "а"}:
        return False  # Тула / Тулия, Livadija / Лівада
    if not (x.cyrillic or y.cyrillic):  # two Latin words: diphthongs, glides written y or ï
        return _diphthongs_match(x, y) and _latin_y_glides_match(x, y)
    if x.cyrillic and y.cyrillic:
        return _glides_match(x, y)
    return _latin_glides_match(y, x) if x.cyrillic else _latin_glides_match(x, y)


def _latin_y_glides_match(x: _GlideWord, y: _GlideWord) -> bool:
    """Whether no inner run of one Latin word is a glide written y or ï where the other's is
    one letter (runs that do not line up: the key's)."""
    return len(x.y_glides) != len(y.y_glides) or not any(
        {p, q} == {"Y", "1"} for p, q in zip(x.y_glides, y.y_glides, strict=True))


def _diphthongs_match(x: _GlideWord, y: _GlideWord) -> bool:
    """Whether no run of one word is a diphthong where the other's is one letter (runs that do
    not line up: the key's).  Between two Latin words (Deymanovka / Demianivka, Voytove /
    Vitove: two names), measured: 37 pairs of two names fewer, 5 of one name (Seymchan /
    Semchan, Buynichy / Bunichi)."""
    return len(x.diphthongs) != len(y.diphthongs) or not any(
        {p, q} == {"D", "1"} for p, q in zip(x.diphthongs, y.diphthongs, strict=True))


def _glides_agree(a: str, b: str) -> bool:
    """Whether two names' words pair up (any word order) so that their glides agree by the
    rules above (true where the words do not pair up: the key decided)."""
    ga, gb = _name_glides(a), _name_glides(b)
    if len(ga) != len(gb) or ga == gb:
        return True
    return _pair_up([[y for y, q in enumerate(gb) if _words_glides_match(p, q)] for p in ga])


# -- Verification: г and х as a Latin spelling writes them ----------------------------------

# The key reads г and х alike (one sign g), and so does a convention's reading: Czech and German
# ch is х, English ch ч.  A Latin spelling still tells them apart where it writes them so: kh
# is х in every convention (or, inside a word, к + г), g is г (never х); x and j are х or no г
# at all (кс, й); h (hh: Estonian х, Ukrainian гг) is Ukrainian and Belarusian г, Czech, Polish
# and German х, or nothing (Estonian eh for э); a doubled letter is one.  A Cyrillic word's г
# and х are its letters, but where a Ukrainian and a Russian form of one word differ in them
# (хрест / крест, Бузьке / Бугское).  So two words agree where the г and х each can stand
# for, in order, can be one sequence: Chirkej (ч) is no Гірки, Khytsi (х) no Гейці, while
# Chernihiv is Чернигов (ch ч, h г) and Charkiw Харків.  Only a Latin word against a Cyrillic
# one: between two Latin words the check cost as many pairs of one name as it saved of two
# (Kremenchug / Kremenchuk, Italian Giaroslavl: 142 / 154, measured).
_VELAR_LETTERS = re.compile("kh|hh|[szcp]h|gh|хр|з(?=ь?к)|[ghxjĥğǵģгґх]")
_VELAR_CHOICES: dict[str, tuple[str, ...]] = {
    "kh-": ("X",), "kh": ("X", "G"), "ĥ": ("X",), "х": ("X",),
    "g": ("G",), "ǵ": ("G",), "ģ": ("G",), "г": ("G",), "ґ": ("G",),
    "h": ("", "G", "X"), "hh": ("", "G", "X", "GX", "XG"), "ğ": ("G", "X"),
    "ch-": ("", "X"), "ch": ("", "X", "G"), "x": ("", "X"), "j": ("", "X"),
    # a consonant + h is a digraph or the consonant and г or х (ALA-LC's zh for зг, ISO 9's gh
    # for гх, ph for пг), but for a word's first kh and ch (kh-, ch-): no word begins with кг,
    # кх, цг or цх
    "sh": ("", "G", "X"), "zh": ("", "G", "X"), "ph": ("", "G", "X"), "gh": ("G", "GX"),
    # and the Cyrillic letters where Ukrainian and Russian forms differ: Ukrainian хрест for
    # Russian крест (Хрестівка / Krestovka), з for г before -ьк- (Бузьке / Bugskoe)
    "хр": ("X", ""), "з": ("", "G")}
_VELAR_MAX = 64  # a word with more choices agrees with anything (1 of the 86,089 words of
# benchmarks/bench_key.py's collection: Shchehbehtouka)


def _velar_profiles(word: str) -> frozenset[str] | None:
    """The sequences of г (G) and х (X) a lowercase word can write; None: too many to list."""
    choices = [_VELAR_CHOICES[m.group() if m.start() else m.group() + "-"]
               if m.group() in ("kh", "ch") else _VELAR_CHOICES[m.group()]
               for m in _VELAR_LETTERS.finditer(word)]
    size = 1
    for c in choices:
        size *= len(c)
    if size > _VELAR_MAX:
        return None
    return frozenset(_DOUBLED.sub(r"\1", "".join(p)) for p in product(*choices))  # гг: г


def _velar_words(name: str) -> tuple[tuple[bool, frozenset[str] | None], ...]:
    """Whether each word of a name is Cyrillic, and its velar profiles, but of its given names
    (the table decides those); words that mix scripts (Покровsk) are left to the key (None)."""
    done = _velars_memo.get(name)
    if done is None:
        done = _velars_memo[name] = _work_out_velars(name)
    return done


def _work_out_velars(name: str) -> tuple[tuple[bool, frozenset[str] | None], ...]:
    return tuple((script == "cyrillic", None if script == "mixed" else _velar_profiles(word))
                 for word, script in _checked_words(name))


def _checked_words(name: str) -> Iterator[tuple[str, str]]:
    """Each word of a name with a key, but its given names (the given-names table decides
    those), with its script: "cyrillic", "latin", or "mixed" (Покровsk: left to the key)."""
    for match in _WORDS.finditer(_prepare(name)):
        word = match.group().strip(APOSTROPHES + "”\"·")
        readings = _word_readings_compared(word)
        if not readings or not readings[0][0] or readings[0][1]:
            continue
        if _ALL_CYRILLIC.fullmatch(word) is not None:
            yield word, "cyrillic"
        else:
            yield word, "latin" if _ANY_CYRILLIC.search(word) is None else "mixed"


_velars_memo: Memo[str, tuple[tuple[bool, frozenset[str] | None], ...]] = Memo(NAMES)


def _velars_agree(a: str, b: str) -> bool:
    """Whether two names' words pair up (any word order) so that the г and х of a Latin word
    and of the Cyrillic word it pairs with can be one sequence; true where the words do not
    pair up (the key decided).  Two Latin words are not compared: either may write г or х as
    the other's letters do (Kremenchug / Kremenchuk, Italian Giaroslavl), and between two
    Cyrillic words _consonants_agree decides."""
    wa, wb = _velar_words(a), _velar_words(b)
    if len(wa) != len(wb):
        return True
    edges = [[y for y, (cq, q) in enumerate(wb)
              if cp == cq or p is None or q is None or not p.isdisjoint(q)]
             for cp, p in wa]
    return _pair_up(edges)


def _consonants_agree(a: str, b: str) -> bool:
    """Whether two Cyrillic names' consonants agree by the rules above (true for a pair with a
    Latin spelling, or whose words do not pair up: the key decided those)."""
    ca, cb = _name_consonants(a, 0), _name_consonants(b, 0)
    if ca is None or cb is None or len(ca) != len(cb) or ca == cb:
        return True
    return any(_name_consonants(a, level) == cb or ca == _name_consonants(b, level)
               for level in (1, 2))


def close_spelling(a: str, b: str) -> bool:
    """A pair with equal keys or one key under a reading of each (same_name()'s first
    condition, without its vowel and consonant rules: Ревне / Ровное are close spellings, not
    one name), or a pair that only the looser fold blocks together and whose similarity() is
    at least SAME_NAME_THRESHOLD (Dainega / Deineha 0.92, Дніпро / Днепр 0.91; Ivanov /
    Ivanova 0.77 stay apart).  Not one name for a join (78% of such pairs in a labelled
    collection were two names): a misspelling's candidates where something else decides, as
    the surnames table does by frequency (Dainega, a surname of 2 holders, read as Дейнега, of
    68) and a person checks.  Every pair same_name() takes is a close spelling."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka == kb or _latin_alike(a, b):
        return True
    strict_a, loose_a = _name_blocks(a)
    strict_b, loose_b = _name_blocks(b)
    if strict_a & strict_b:
        return True
    return bool(loose_a & loose_b) and similarity(a, b) >= SAME_NAME_THRESHOLD
