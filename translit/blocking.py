"""Blocking: the few keys under which a name's variants may hide (block_keys), and the check
of a blocked pair (same_name).

key() is precise: for joins and storage.  Names whose spellings a key cannot join (Дніпро /
Днепр, Dainega / Deineha, spellings in a convention the key does not read) share a block key;
so do many different names.  Block on block_keys(), then verify each pair with same_name().
"""

from __future__ import annotations

import re
from itertools import product

from .batch import is_placeholder
from .letters import APOSTROPHES, latin_family
from .memo import NAMES, WORDS, Memo
from .normalize import (
    _ANY_LATIN,
    _DOUBLES,
    _INITIAL_CLASS,
    _RUNS,
    _VOWEL_SIGNS,
    _WORDS,
    _prepare,
    _sounds_key,
    _vowels,
    _word_sounds,
    key,
    key_folds,
    key_tables,
    similarity,
)

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
# Belarusian яканне: е before the stress is written я after a consonant (Зяленскі: Зеленский,
# Цярэшка: Терешко); цеканне: т before a front vowel is ц (Цімафей: Тимофей).  Read back for a
# block key (a Belarusian я inside a word before another syllable, ц before е і ё ю я ь).
_YAKANNE = re.compile("(?<=[бвгджзклмнпрстфхцчшў])я(?=[^аеёиіоуыэюяєї]+[аеёиіоуыэюяєї])")
_TSEKANNE = re.compile("ц(?=[еіёюяь])")
# a word in Belarusian letters: і or ў, and none of и щ ъ ї є ґ
_BELARUSIAN = re.compile("[іў]")
_NOT_BELARUSIAN = re.compile("[ищъїєґ]")
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


def _word_blocks(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys of one word under every plausible reading (the precise key first), and the
    same readings with the looser fold."""
    done = _block_memo.get(word)
    if done is not None:
        return done
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
        if "c" in word and _BARE_C.search(word):  # Czech or Polish without diacritics
            readings.append(_word_sounds(_BARE_S.sub("š", word), "czech"))
    elif ("я" in word or "ц" in word) and _BELARUSIAN.search(word) and not _NOT_BELARUSIAN.search(word):
        # Belarusian яканне and цеканне, read back
        belarusian = _TSEKANNE.sub("т", _YAKANNE.sub("е", word))
        if belarusian != word:
            readings.append(_word_sounds(belarusian))
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
    õ, Lithuanian -as, Catalan tx ix, Turkish ş ç ı, Swedish tj sj zj; Belarusian ў written u),
    Belarusian words with яканне and цеканне read back, and every reading also with the looser
    fold (every vowel
    inside a word e but u, no ending, ш as с).  Names whose spellings a key cannot join
    (Дніпро / Днепр, Dainega / Deineha) share a block key; so do many different names: block
    on these keys, then verify each pair with same_name().

    >>> bool(block_keys("Dnipro") & block_keys("Днепр"))
    True
    """
    if not isinstance(name, str):
        raise TypeError(f"block_keys() takes a str, not {type(name).__name__}")
    strict, loose = _name_blocks(name)
    return strict | loose


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

    True when the keys are equal, or when one reading of each (block_keys' conventions, not
    the looser fold) gives the same key: Selenskyj read as German, Jarkov as Spanish.  A pair
    that only the looser fold blocks together (Дніпро / Днепр, Dainega / Deineha) is not
    taken: of such pairs in a labelled collection, 78% were two names (Ровное / Ревне, Ivanov /
    Ivanova); compare them yourself, e.g. similarity() ≥ SAME_NAME_THRESHOLD, where a person
    checks the matches.  False for names without a key.
    """
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False  # blank or a placeholder ("-", "n/a"): no name to be the same
    if ka == kb:
        return True
    return bool(_name_blocks(a)[0] & _name_blocks(b)[0])


def close_spelling(a: str, b: str) -> bool:
    """same_name(), or a pair that only the looser fold blocks together and whose similarity()
    is at least SAME_NAME_THRESHOLD (Dainega / Deineha 0.92, Дніпро / Днепр 0.91; Ivanov /
    Ivanova 0.77 stay apart).  Not one name for a join (78% of such pairs in a labelled
    collection were two names): a misspelling's candidates where something else decides, as
    the surnames table does by frequency (Dainega, a surname of 2 holders, read as Дейнега, of
    68) and a person checks."""
    if same_name(a, b):
        return True
    loose_a, loose_b = _name_blocks(a)[1], _name_blocks(b)[1]
    return bool(loose_a & loose_b) and similarity(a, b) >= SAME_NAME_THRESHOLD
