"""Reverse romanization: the Cyrillic behind a Latin name, ranked, and the systems that wrote it.

candidates() reads each word of a Latin name in every language it may be (ru, uk, be) and
ranks the readings; identify() names the systems whose rules produce the Latin exactly.

How a word is read
==================

* **The channel.**  Every row of every table in tables/, read backwards, is a pair (Latin
  chunk, Cyrillic key) with the row's contexts.  A pair weighs the share of the language's
  systems that write it; the other two languages' systems count a little (people spell
  Ukrainian names the Russian way and back), and so does each spelling without its diacritics;
  _EXTRA adds a few spellings that no table writes but people do.  Contexts are honoured: a
  pair is used only where some table writes it, looking at the Cyrillic letters on both sides,
  and each pair knows which systems of the language write it there.  A new table is picked up
  with no code.
* **The letter model.**  A character 5-gram model of each language, trained on the lexicon's
  names, says how much a reading looks like a name of the language (Щербаков, not Шчербаков).
* **The lexicon** (translit.lexicon: given names, surnames, patronymics and places, with
  weights) is the prior: a known name beats an unknown one, a frequent name a rare one.
* **The searches.**  A beam search runs over the Latin word left to right, expanding each chunk
  that starts at the position into its Cyrillic keys and inserting the soft signs and
  apostrophes that the Latin leaves unwritten.  It runs twice: once kept to prefixes of the
  lexicon's names (so every known name the Latin can spell is found, by the channel alone),
  once free, scored by channel and letter model (names the lexicon lacks).  Each hypothesis
  carries the set of systems whose rows its path uses, so exactness is checked by romanizing a
  reading only with the few systems that could have written it.  The width is fixed: time is
  linear in the length of a word; words longer than MAX_WORD_LETTERS and inputs longer than
  MAX_INPUT_CHARS are read greedily, one reading per word.
* **The index.**  Every system's spelling of the lexicon's most frequent names (INDEXED_NAMES
  per language) is indexed, so that the first reading of a known name is one dict look-up.
* **The walk** (exact_names).  Which known names some system of the language writes exactly
  as the input (or but for its marks): a depth-first walk over the pairs the language's own
  systems write, in their contexts, kept to prefixes of the lexicon's names.  Unlike the beam
  it misses none, and it is cheap (a name takes a few dozen steps; it gives up after
  EXACT_NAME_STEPS); a letter no system writes ends it at once.

How readings are ranked
=======================

A known name that a system of its language writes exactly as the input comes first (its score
carries EXACT_KNOWN; MARKS_LEFT_OUT less when the system writes apostrophes or marks that the
input leaves out: Zelenskyy for Зеленський, Zelensʹkyy in BGN/PCGN 1965); among those, the
more frequent name first.  Every other reading scores how likely the Latin is as a spelling of
it (the channel) plus its prior: the lexicon weight for a known name, the letter model less
UNKNOWN_PENALTY for an unknown one, which gains EXACT_UNKNOWN when a system writes it exactly.
A name of several words is read in one language and scores the sum of its words.  Equal
scores (one name, known and exact in two languages) go to the language its letters suggest,
then to the likelier under the letter models.

candidates(limit=1) gives the full ranking's first without running it when it can: for one
word or of several, from the index and, when a name the index lacks could score as high (it
weighs less than every indexed name, so that is known from the scores), from the walk; for
several words, from the search kept to known names if the walk gives up.  Only a name with a
word that no language reads as a known name written so by one of its systems needs the full
search.
"""

from __future__ import annotations

import bisect
import gzip
import heapq
import itertools
import math
import operator
import threading
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex
from unidecode import unidecode

from .tables import APOSTROPHE, APOSTROPHES, LANGUAGES, Context

__all__ = ["Reading", "candidates", "identify"]

#: The letters of each language (ʼ is the apostrophe, a letter of Ukrainian and Belarusian).
ALPHABETS: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюяʼ",
}
_VOWELS = frozenset("аеёиоуыэюяіїє")
_SIGNS = frozenset("ьъʼ")
#: The letters the apostrophe (uk, be) and ъ (ru) stand before.
_AFTER_SEPARATOR = {"uk": frozenset("яюєї"), "be": frozenset("еёюяі"), "ru": frozenset("еёюя")}
_EDGE = ""  # no letter on that side: the word's start or end (as tables.Context stores it)
_OTHER = "?"  # a letter that is not Cyrillic (passed through)
_SEPARATOR_CHARS = " -"

#: Words longer than this many letters, and inputs longer than this many characters, are read
#: greedily (one reading per word), so that no input can take more than linear time.
MAX_WORD_LETTERS = 40
MAX_INPUT_CHARS = 1000
#: Hypotheses kept at each place of the free search, and of the search kept to known names.
BEAM_WIDTH = 10
KNOWN_BEAM_WIDTH = 20
#: Hypotheses more than this far (in nats) below the best at their place are dropped.
BEAM_DELTA = 12.0
#: Readings kept per word and language; combinations of words are enumerated best first.
WORD_READINGS = 16
#: How many unknown readings of a word are checked for an exact match.
EXACT_CHECKS = 6
#: The most frequent names of each language whose every spelling is indexed.
INDEXED_NAMES = 10000
#: Names of the lexicon each letter model is trained on (the most frequent).
MODEL_NAMES = 40000
#: limit=1 answers from the index alone for names of up to this many words (see _first_exact).
FAST_PATH_WORDS = 40
#: Choices of tied readings (one per word) that limit=1 compares as the full ranking would.
TIED_CHOICES = 64
#: exact_names() gives up after this many steps of its walk (a name takes a few dozen)
EXACT_NAME_STEPS = 2000

# Score weights (natural-log probabilities).  See the module docstring.
EXACT_KNOWN = 1000.0
EXACT_UNKNOWN = 10.0
#: A system writes the reading as the input but for apostrophes and marks the input leaves
#: out (Zelenskyy for Зеленський, Zelensʹkyy in BGN/PCGN 1965): this much below exact.
MARKS_LEFT_OUT = 3.0
UNKNOWN_PENALTY = 6.0
LETTER_MODEL_WEIGHT = 0.7
KEPT_APOSTROPHE = -4.0  # a trailing apostrophe read as punctuation, not as ь
PASS_THROUGH = -9.0  # a character no chunk reads, kept as it is
_CROSS_LANGUAGE = 0.15  # the other languages' systems, together
_WITHOUT_DIACRITICS = 0.25  # a system's spelling with its diacritics left off
_FLOOR_PRIOR = -16.0

#: Spellings no table writes but people do: (Latin, Cyrillic, languages, weight), the weight
#: being a share of one system's vote.
_EXTRA: tuple[tuple[str, str, str, float], ...] = (
    # German tz for ц; Polish ó and rz in historical names (Charków, Żytomierz)
    ("tz", "ц", "ru uk be", 0.5),
    ("ó", "о", "ru uk be", 0.3),
    ("rz", "р", "ru uk be", 0.2),
    # English: j and dj for дж (Jankoy), q and ck for к, ph for ф
    ("j", "дж", "ru uk be", 0.2),
    ("dj", "дж", "ru uk be", 0.3),
    ("q", "к", "ru uk be", 0.2),
    ("ck", "к", "ru uk be", 0.2),
    ("ph", "ф", "ru uk be", 0.2),
    # Russian written without the dieresis: ё read as е (Fyodor, Федор)
    ("yo", "е", "ru", 0.5),
    ("jo", "е", "ru", 0.3),
    ("io", "е", "ru", 0.3),
    ("ë", "е", "ru", 0.5),
    # -iy, -yi, -yy, -y, -i: the endings -ий, -ій, -ый as the press writes them
    ("iy", "ий", "ru uk", 0.5),
    ("yy", "ий", "uk", 0.5),
    ("yi", "ий", "uk", 0.5),
    ("y", "ий", "ru uk", 0.5),
    ("i", "ий", "ru uk", 0.3),
    ("iy", "ій", "uk be", 0.5),
    ("iy", "ый", "ru be", 0.3),
    # Ukrainian names spelled the Russian way: i for и (Mikolaiv)
    ("i", "и", "uk", 0.3),
    ("é", "е", "ru uk be", 0.2),
    ("è", "е", "ru uk be", 0.1),
)

_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")
_APOSTROPHE_LIKE = APOSTROPHES + "ʹ´’ʼ"
_QUOTE_LIKE = "\"”“„″ʺ"
_FOLD = str.maketrans({**{c: "'" for c in _APOSTROPHE_LIKE}, **{c: '"' for c in _QUOTE_LIKE}})
# A word: letters and marks, with apostrophes, quotes and middle dots between letters, and
# apostrophes at its end (Kazan’ is Казань).
_MARKS = regex.escape(_APOSTROPHE_LIKE + _QUOTE_LIKE + "·")
_TRAILING = regex.escape(_APOSTROPHE_LIKE)
_WORD = regex.compile(rf"[\p{{L}}\p{{M}}]+(?:[{_MARKS}]+[\p{{L}}\p{{M}}]+)*[{_TRAILING}]*")
_PARTS = regex.compile(r"[ \-]+")


def fold(text: str) -> str:
    """Latin as it is compared: NFC, lowercase, apostrophe and quote look-alikes unified."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD)


_MARK_CHARS = str.maketrans("", "", "'\"·")


def _bare(folded: str) -> str:
    """Folded Latin without apostrophes, quotes and middle dots."""
    return folded.translate(_MARK_CHARS)


def _cyrillic_key(text: str) -> str:
    """Cyrillic as readings are written: NFC, lowercase, the apostrophe as ʼ."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(APOSTROPHE if c in _APOSTROPHE_LIKE else c for c in text)


@dataclass(frozen=True)
class Reading:
    """One Cyrillic reading of a Latin name.

    ``score`` is comparable within one call (higher is better).  ``systems`` are the ids of
    the systems of ``language`` that write ``cyrillic`` exactly as the input (up to letter
    case and apostrophe look-alikes), the language's default system first; empty when only a
    looser spelling explains it.
    """

    cyrillic: str
    language: str
    score: float
    systems: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# The channel: Latin chunks read back as Cyrillic keys, from every table.


class _Pair:
    """One (Latin chunk, Cyrillic key) pair of a language: its weight and where it applies."""

    __slots__ = ("after", "always", "cyrillic", "first", "latin", "logp", "masks", "own",
                 "variants", "weight")

    def __init__(self, latin: str, cyrillic: str) -> None:
        self.latin = latin
        self.cyrillic = cyrillic
        self.first = cyrillic[0]
        self.weight = 0.0
        self.logp = 0.0
        self.always = False  # some source writes it in every context
        self.variants: list[tuple[tuple[Context, ...], int]] = []  # (a row's contexts, which)
        self.own: list[tuple[int, tuple[Context, ...] | None, int]] = []  # (system bit, ...)
        # previous letter → the letters the pair may stand before (None: any; empty: none)
        self.after: dict[str, frozenset[str] | None] = {}
        # previous letter → the systems of the language that write the pair after it
        self.masks: dict[str, int] = {}


def _first_holding(contexts: Sequence[Context], prev: str, nxt: str) -> int:
    """The index of the row's context that applies between these letters, or -1."""
    for i, context in enumerate(contexts):
        if (context.after is None or prev in context.after) and (
            context.before is None or nxt in context.before
        ):
            return i
    return -1


#: A channel row: (Latin, Cyrillic, weight, (contexts, index) or None, system bit or 0).
_Row = tuple[str, str, float, "tuple[tuple[Context, ...], int] | None", int]


class _Channel:
    """The pairs of one language, with their contexts, and the checks the searches need."""

    def __init__(self, language: str, rows: Sequence[_Row]) -> None:
        self.language = language
        self.alphabet = frozenset(ALPHABETS[language])
        self.after_separator = _AFTER_SEPARATOR[language]
        pairs: dict[tuple[str, str], _Pair] = {}
        for latin, cyrillic, weight, how, bit in rows:
            pair = pairs.setdefault((latin, cyrillic), _Pair(latin, cyrillic))
            pair.weight += weight
            if how is None:
                pair.always = True
            else:
                pair.variants.append(how)
            if bit:
                pair.own.append((bit, None, 0) if how is None else (bit, how[0], how[1]))
        self.by_latin: dict[str, list[_Pair]] = {}
        self.silent: list[_Pair] = []  # letters some system leaves unwritten (ь, ʼ, ъ)
        for pair in pairs.values():
            pair.logp = math.log(pair.weight)
            if pair.always:
                pair.variants = []
            if pair.latin:
                self.by_latin.setdefault(pair.latin, []).append(pair)
            elif len(pair.cyrillic) == 1:
                self.silent.append(pair)
        for options in self.by_latin.values():
            options.sort(key=lambda p: -p.logp)
        self.max_chunk = max((len(k) for k in self.by_latin), default=1)
        # the pairs some system of the language writes (exact_names): by their Latin, and in
        # Latin without marks (what a spelling that leaves the marks out has); empty ones apart
        self.own_by_latin: dict[str, list[_Pair]] = {}
        self.own_by_bare: dict[str, list[_Pair]] = {}
        self.own_silent: list[_Pair] = []
        self.own_silent_bare: list[_Pair] = []
        for pair in pairs.values():
            if not pair.own:
                continue
            bare = _bare(pair.latin)
            if pair.latin:
                self.own_by_latin.setdefault(pair.latin, []).append(pair)
            else:
                self.own_silent.append(pair)
            if bare:
                self.own_by_bare.setdefault(bare, []).append(pair)
            else:
                self.own_silent_bare.append(pair)
        self.own_max_chunk = max((len(k) for k in self.own_by_latin), default=1)
        #: every character some system of the language writes
        self.own_chars = frozenset(_SEPARATOR_CHARS).union(
            c for latin in self.own_by_latin for c in latin
        )
        self.symbols = (*ALPHABETS[language], _EDGE, _OTHER)
        # Cyrillic letter → the systems of the language that write a mark for it somewhere
        self.marked: dict[str, int] = {}
        for latin, cyrillic, _weight, _how, bit in rows:
            if bit and _bare(latin) != latin:
                for letter in cyrillic:
                    self.marked[letter] = self.marked.get(letter, 0) | bit

    def chunks(self, text: str, start: int) -> Iterator[tuple[str, list[_Pair]]]:
        """The chunks of the channel that *text* has at *start*, longest first."""
        by_latin = self.by_latin
        for size in range(min(self.max_chunk, len(text) - start), 0, -1):
            options = by_latin.get(text[start : start + size])
            if options is not None:
                yield text[start : start + size], options

    def fits(self, prev: str, cyrillic: str, nxt: str) -> bool:
        """The spelling of the language: soft signs and the apostrophe only after a consonant,
        the apostrophe and ъ only before the letters they separate, no й after й."""
        first, last = cyrillic[0], cyrillic[-1]
        if first in _SIGNS and (prev == _EDGE or prev in _VOWELS or prev in _SIGNS):
            return False
        if first == "й" and prev == "й":
            return False
        if last in ("ʼ", "ъ") and nxt not in self.after_separator:
            return False
        if prev in ("ʼ", "ъ") and first not in self.after_separator:
            return False
        return not (last in _SIGNS and nxt in _SIGNS)

    def valid(self, pair: _Pair, prev: str, nxt: str) -> bool:
        """Whether some source writes *pair* between these letters, where the language may."""
        if not self.fits(prev, pair.cyrillic, nxt):
            return False
        return pair.always or any(
            _first_holding(contexts, prev, nxt) == index for contexts, index in pair.variants
        )

    def allowed_next(self, pair: _Pair, prev: str) -> frozenset[str] | None:
        """After *prev*, the letters *pair* may stand before: None for any, an empty set if
        the pair cannot follow *prev* at all."""
        try:
            return pair.after[prev]
        except KeyError:
            allowed = frozenset(s for s in self.symbols if self.valid(pair, prev, s))
            done = None if len(allowed) == len(self.symbols) else allowed
            pair.after[prev] = done
            return done

    def mask(self, pair: _Pair, prev: str) -> int:
        """The systems of the language that write *pair* after *prev* (before some letter)."""
        try:
            return pair.masks[prev]
        except KeyError:
            bits = 0
            for bit, contexts, index in pair.own:
                for s in self.symbols:
                    if self.fits(prev, pair.cyrillic, s) and (
                        contexts is None or _first_holding(contexts, prev, s) == index
                    ):
                        bits |= bit
                        break
            pair.masks[prev] = bits
            return bits


def _strip_diacritics(latin: str) -> str:
    return "".join(c if c in "'\"·" or c.isascii() else unidecode(c) for c in latin)


def _channel_rows(language: str, tables: Sequence[Any], bits: dict[str, int]) -> list[_Row]:
    """The rows of *language*'s channel from every table (*bits*: own system id → bit)."""
    alphabet = frozenset(ALPHABETS[language])
    own = [t for t in tables if t.language == language]
    other = [t for t in tables if t.language != language]
    rows: list[_Row] = []
    for group, share in ((own, 1.0 - _CROSS_LANGUAGE), (other, _CROSS_LANGUAGE)):
        if not group:
            continue
        weight = share / len(group)
        for table in group:
            bit = bits.get(table.id, 0)
            seen: set[tuple[str, str, int]] = set()
            for key, contexts in table.rules.items():
                if not set(key) <= alphabet:
                    continue
                plain = len(contexts) == 1 and contexts[0].unconditional
                for index, context in enumerate(contexts):
                    latin = fold(context.to)
                    how = None if plain else (contexts, index)
                    if (latin, key, index) not in seen:
                        seen.add((latin, key, index))
                        rows.append((latin, key, weight, how, bit))
                    bare = _strip_diacritics(latin)
                    if bare != latin and (bare, key, index) not in seen:
                        seen.add((bare, key, index))
                        rows.append((bare, key, weight * _WITHOUT_DIACRITICS, how, 0))
    per_system = (1.0 - _CROSS_LANGUAGE) / max(1, len(own))
    for latin, cyrillic, languages, share in _EXTRA:
        if language in languages.split() and set(cyrillic) <= alphabet:
            rows.append((fold(latin), cyrillic, share * per_system, None, 0))
    return rows


# ---------------------------------------------------------------------------------------------
# The letter model.

_BOS = "\x02"
_EOS = "\x03"


class _LetterModel:
    """A character n-gram model with interpolated absolute discounting."""

    def __init__(self, words: Iterable[str], order: int = 5, discount: float = 0.75) -> None:
        self.order = order
        self.discount = discount
        self.start = _BOS * (order - 1)
        padded = [self.start + w + _EOS for w in words]
        # count the longest grams only; a shorter gram's count is the sum over its extensions
        level: Counter[str] = Counter(
            [s[i - order + 1 : i + 1] for s in padded for i in range(order - 1, len(s))]
        )
        self.grams: dict[str, int] = dict(level)
        for _ in range(order - 1):
            shorter: Counter[str] = Counter()
            for gram, count in level.items():
                shorter[gram[1:]] += count
            self.grams.update(shorter)
            level = shorter
        self.total: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.unigrams = 0
        for gram, count in self.grams.items():
            if len(gram) == 1:
                self.unigrams += count
                continue
            context = gram[:-1]
            self.total[context] = self.total.get(context, 0) + count
            self.types[context] = self.types.get(context, 0) + 1
        self.vocabulary = sum(1 for g in self.grams if len(g) == 1) + 1
        self.memo: dict[str, float] = {}
        self.probabilities: dict[str, float] = {}

    def _prob(self, key: str) -> float:
        """P(key[-1] | key[:-1]), memoized at every order."""
        done = self.probabilities.get(key)
        if done is not None:
            return done
        if len(key) == 1:
            done = (self.grams.get(key, 0) + 1) / (self.unigrams + self.vocabulary)
        else:
            lower = self._prob(key[1:])
            history = key[:-1]
            total = self.total.get(history)
            if not total:
                done = lower
            else:
                d = self.discount
                count = self.grams.get(key, 0)
                done = (max(count - d, 0.0) + d * self.types[history] * lower) / total
        if len(self.probabilities) > 1 << 19:
            self.probabilities.clear()
        self.probabilities[key] = done
        return done

    def compute(self, key: str) -> float:
        """log P(key[-1] | key[:-1]) for a key of *order* characters, memoized."""
        done = math.log(self._prob(key))
        if len(self.memo) > 1 << 19:
            self.memo.clear()
        self.memo[key] = done
        return done

    def logp(self, history: str, char: str) -> float:
        """log P(char | history), history being order-1 characters."""
        key = history + char
        done = self.memo.get(key)
        return self.compute(key) if done is None else done

    def score(self, word: str) -> float:
        history = self.start
        total = 0.0
        for c in word:
            total += self.logp(history, c)
            history = history[1:] + c
        return total + self.logp(history, _EOS)


# ---------------------------------------------------------------------------------------------
# The lexicon as the searches need it.


class _Names:
    """The lexicon's names: each language's names sorted (for prefix searches) with weights."""

    def __init__(self, rows: Iterable[tuple[str, int, Iterable[str]]]) -> None:
        per: dict[str, list[tuple[str, int]]] = {language: [] for language in LANGUAGES}
        total = 0
        for word, weight, languages in rows:
            if weight <= 0:
                continue
            total += weight
            for language in languages:
                if language in per:
                    per[language].append((word, weight))
        self.total = max(total, 1)
        self.sorted: dict[str, list[str]] = {}
        self.weights: dict[str, array[int]] = {}
        for language, pairs in per.items():
            pairs.sort()
            self.sorted[language] = [w for w, _ in pairs]
            self.weights[language] = array("q", [weight for _, weight in pairs])

    def weight(self, word: str, language: str) -> int:
        """The word's weight if it is a name of the language, else 0."""
        words = self.sorted[language]
        i = bisect.bisect_left(words, word)
        return self.weights[language][i] if i < len(words) and words[i] == word else 0

    def prior(self, word: str, language: str) -> float | None:
        """log of the word's share of the lexicon's weight; None if not a name of the language."""
        weight = self.weight(word, language)
        return max(_FLOOR_PRIOR, math.log(weight / self.total)) if weight else None

    def by_weight(self, language: str) -> list[str]:
        """The language's names, most frequent first (ties in alphabetical order)."""
        weights = self.weights[language]
        order = sorted(range(len(weights)), key=lambda i: -weights[i])
        words = self.sorted[language]
        return [words[i] for i in order]


def _packaged_rows() -> Iterator[tuple[str, int, list[str]]]:
    """The rows of the packaged lexicon (translit/data/lexicon.tsv.gz, in the format
    translit.lexicon documents), read in bulk: (word, weight, languages)."""
    path = resources.files("translit") / "data" / "lexicon.tsv.gz"
    try:
        data = gzip.decompress(path.read_bytes()).decode("utf-8")
    except OSError:  # pragma: no cover - a package without its data file
        return
    for line in data.split("\n"):
        if line and line[0] != "#":
            word, languages, _kinds, weight = line.split("\t")
            yield word, int(weight), languages.split(",")


def _lexicon_rows(lexicon: Any) -> Iterator[tuple[str, int, Iterable[str]]]:
    """(word, weight, languages) of a translit.lexicon.Lexicon, one lookup per word."""
    for word in lexicon:
        entry = lexicon.get(word)
        if entry is not None:
            yield entry.word, int(entry.weight), entry.languages


def _is_prefix(words: list[str], text: str) -> bool:
    i = bisect.bisect_left(words, text)
    return i < len(words) and words[i].startswith(text)


def _is_word(words: list[str], text: str) -> bool:
    i = bisect.bisect_left(words, text)
    return i < len(words) and words[i] == text


# ---------------------------------------------------------------------------------------------
# One language's reader.

_first = operator.itemgetter(0)
# a hypothesis: (score, channel score, Cyrillic, last letter, letters allowed next,
# letter-model history, whether its last letter was inserted, systems its path allows)
_Hyp = tuple[float, float, str, str, "frozenset[str] | None", str, bool, int]
#: A found reading: (score, channel score, Cyrillic, systems its path allows).
_Found = tuple[float, float, str, int]


class _Reader:
    """Everything needed to read Latin as one language."""

    def __init__(
        self, language: str, channel: _Channel, model: _LetterModel, systems: Sequence[Any]
    ) -> None:
        self.language = language
        self.channel = channel
        self.model = model
        self.systems = list(systems)  # bit i is self.systems[i]
        self.every = (1 << len(self.systems)) - 1
        self.reversible = [s for s in self.systems if s.reversible]
        self._exact: dict[tuple[str, str], frozenset[str]] = {}
        self._greedy: dict[str, str] = {}
        self._near: dict[tuple[str, str], bool] = {}

    def clear_memos(self) -> None:
        for memo in (self._exact, self._greedy, self._near):
            memo.clear()

    def search(self, text: str, width: int, known: list[str] | None = None) -> list[_Found]:
        """The likeliest readings of folded Latin *text*, best first.  With *known* (sorted
        names), only prefixes of those names are kept, only whole names come out, and the
        channel alone scores; otherwise the letter model scores too."""
        channel = self.channel
        model = self.model
        memo = model.memo
        compute = model.compute
        allowed_next = channel.allowed_next
        mask_of = channel.mask
        weight = 0.0 if known is not None else LETTER_MODEL_WEIGHT
        prefixes: dict[str, bool] = {}
        size = len(text)
        agenda: list[dict[str, _Hyp]] = [{} for _ in range(size + 1)]
        agenda[0][""] = (0.0, 0.0, "", _EDGE, None, model.start, False, self.every)
        best = [-math.inf] * (size + 1)
        best[0] = 0.0

        def keep(target: dict[str, _Hyp], end: int, hyp: _Hyp) -> None:
            text_ = hyp[2]
            if known is not None:
                ok = prefixes.get(text_)
                if ok is None:
                    ok = prefixes[text_] = _is_prefix(known, text_)
                if not ok:
                    return
            old = target.get(text_)
            if old is None:
                target[text_] = hyp
            elif old[0] < hyp[0]:
                target[text_] = (*hyp[:7], hyp[7] | old[7])
            else:
                target[text_] = (*old[:7], hyp[7] | old[7])
            if hyp[0] > best[end]:
                best[end] = hyp[0]

        for position in range(size + 1):
            floor = best[position] - BEAM_DELTA
            hyps = [h for h in agenda[position].values() if h[0] >= floor]
            hyps.sort(key=_first, reverse=True)
            del hyps[width:]
            agenda[position] = {}
            # letters the Latin leaves unwritten (ь, ʼ, ъ): inserted, never two in a row
            extra: dict[str, _Hyp] = {}
            for score, chan, cyr, prev, allowed, history, inserted, mask in hyps:
                if inserted or prev == _EDGE or prev == _OTHER:
                    continue
                if position == size and len(cyr) == 1:  # an initial: В., not Вь.
                    continue
                for pair in channel.silent:
                    letter = pair.cyrillic
                    if allowed is not None and letter not in allowed:
                        continue
                    following = allowed_next(pair, prev)
                    if following is not None and not following:
                        continue
                    key = history + letter
                    if weight:
                        lm = memo.get(key)
                        new = score + pair.logp + (compute(key) if lm is None else lm) * weight
                    else:
                        new = score + pair.logp
                    if new >= floor:
                        bits = mask & mask_of(pair, prev)
                        keep(extra, position, (new, chan + pair.logp, cyr + letter, letter,
                                               following, key[1:], True, bits))
            if extra:
                hyps = sorted([*hyps, *extra.values()], key=_first, reverse=True)[:width]
            if position == size:
                finals: dict[str, _Found] = {}
                for score, chan, cyr, _prev, allowed, history, _, mask in hyps:
                    if allowed is not None and _EDGE not in allowed:
                        continue
                    if known is not None:
                        if not _is_word(known, cyr):
                            continue
                        total = score
                    else:
                        total = score + model.logp(history, _EOS) * weight
                    old = finals.get(cyr)
                    if old is None or old[0] < total:
                        finals[cyr] = (total, chan, cyr, mask | (old[3] if old else 0))
                    else:
                        finals[cyr] = (*old[:3], mask | old[3])
                return sorted(finals.values(), key=_first, reverse=True)
            char = text[position]
            if char in _SEPARATOR_CHARS:
                # a space or hyphen between the words of a name: each word ends here
                target = agenda[position + 1]
                for score, chan, cyr, _prev, allowed, history, _, mask in hyps:
                    if allowed is not None and _EDGE not in allowed:
                        continue
                    new = score + (model.logp(history, _EOS) * weight if weight else 0.0)
                    keep(target, position + 1,
                         (new, chan, cyr + char, _EDGE, None, model.start, False, mask))
                continue
            expanded = False
            for latin, pairs in channel.chunks(text, position):
                end = position + len(latin)
                target = agenda[end]
                for pair in pairs:
                    cyrillic = pair.cyrillic
                    first = pair.first
                    logp = pair.logp
                    for score, chan, cyr, prev, allowed, history, _, mask in hyps:
                        bound = score + logp
                        if bound < best[end] - BEAM_DELTA:
                            break
                        if allowed is not None and first not in allowed:
                            continue
                        following = allowed_next(pair, prev)
                        if following is not None and not following:
                            continue
                        h = history
                        if weight:
                            lm = 0.0
                            for c in cyrillic:
                                key = h + c
                                value = memo.get(key)
                                lm += compute(key) if value is None else value
                                h = key[1:]
                            new = bound + lm * weight
                        else:
                            new = bound
                            h = (h + cyrillic)[-len(h):]
                        keep(target, end, (new, chan + logp, cyr + cyrillic, cyrillic[-1],
                                           following, h, False, mask & mask_of(pair, prev)))
                        expanded = True
            if not expanded:
                # a character no chunk reads is kept as it is, and every system keeps it
                target = agenda[position + 1]
                cyrillic_letter = char in channel.alphabet
                for score, chan, cyr, _prev, _allowed, history, _, mask in hyps:
                    if cyrillic_letter:
                        new = score + model.logp(history, char) * weight
                        h = (history + char)[1:]
                    else:
                        new, h = score + PASS_THROUGH, history
                    symbol = char if cyrillic_letter else _OTHER
                    keep(target, position + 1,
                         (new, chan, cyr + char, symbol, None, h, False, mask))
        return []  # pragma: no cover - the loop returns at the last position

    def exact_names(self, latin: str, known: list[str]) -> dict[str, int] | None:
        """Every name in *known* (sorted) that a system of the language may write as folded
        *latin*, exactly or (when *latin* has no marks) but for marks, with the systems its
        path allows: a depth-first walk over the systems' own pairs, kept to prefixes of known
        names.  The walk is complete, so a name it misses is no system's spelling of *latin*;
        None when it gives up (more than EXACT_NAME_STEPS steps), and nothing can be said.
        What it returns is a superset: exact() and near() tell which names really are."""
        channel = self.channel
        if not channel.own_chars.issuperset(latin):
            return {}  # a letter none of the systems writes
        near = not any(c in "'\"·" for c in latin)
        by_latin = channel.own_by_bare if near else channel.own_by_latin
        silent = channel.own_silent_bare if near else channel.own_silent
        allowed_next = channel.allowed_next
        mask_of = channel.mask
        longest = channel.own_max_chunk
        bisect_left = bisect.bisect_left
        count = len(known)
        size = len(latin)
        found: dict[str, int] = {}
        stack: list[tuple[int, str, str, frozenset[str] | None, int, bool]] = [
            (0, "", _EDGE, None, self.every, False)
        ]
        steps = 0
        while stack:
            position, cyr, prev, allowed, mask, inserted = stack.pop()
            steps += 1
            if steps > EXACT_NAME_STEPS:
                return None
            if position == size:
                if cyr and (allowed is None or _EDGE in allowed):
                    i = bisect_left(known, cyr)
                    if i < count and known[i] == cyr:
                        found[cyr] = found.get(cyr, 0) | mask
            if position < size and latin[position] in _SEPARATOR_CHARS:
                # a space or hyphen between the words of a name (кривий ріг, йошкар-ола)
                if cyr and (allowed is None or _EDGE in allowed):
                    text = cyr + latin[position]
                    i = bisect_left(known, text)
                    if i < count and known[i].startswith(text):
                        stack.append((position + 1, text, _EDGE, None, mask, False))
            options: list[tuple[int, _Pair]] = []
            if not inserted and prev != _EDGE:
                options.extend((0, pair) for pair in silent)
            for length in range(min(longest, size - position), 0, -1):
                pairs = by_latin.get(latin[position : position + length])
                if pairs:
                    options.extend((length, pair) for pair in pairs)
            for length, pair in options:
                if allowed is not None and pair.first not in allowed:
                    continue
                bits = pair.masks.get(prev)
                if bits is None:
                    bits = mask_of(pair, prev)
                bits &= mask
                if not bits:
                    continue
                if prev in pair.after:
                    following = pair.after[prev]
                else:
                    following = allowed_next(pair, prev)
                if following is not None and not following:
                    continue
                text = cyr + pair.cyrillic
                i = bisect_left(known, text)
                if i < count and known[i].startswith(text):
                    stack.append((position + length, text, pair.cyrillic[-1], following, bits,
                                  length == 0))
        return found

    def greedy(self, word: str) -> str:
        """One reading in linear time with no search: the likeliest pair at each place."""
        done = self._greedy.get(word)
        if done is None:
            done = self._greedy_read(word)
            if len(self._greedy) > 1 << 14:
                self._greedy.clear()
            self._greedy[word] = done
        return done

    def _greedy_read(self, word: str) -> str:
        channel = self.channel
        by_latin = channel.by_latin
        allowed_next = channel.allowed_next
        out: list[str] = []
        position = 0
        size = len(word)
        prev = _EDGE
        while position < size:
            chosen: _Pair | None = None
            for length in range(min(channel.max_chunk, size - position), 0, -1):
                for pair in by_latin.get(word[position : position + length], ()):
                    following = allowed_next(pair, prev)
                    if following is None or following:
                        chosen = pair
                        break
                if chosen is not None:
                    break
            if chosen is None:
                out.append(word[position])
                prev = word[position] if word[position] in channel.alphabet else _OTHER
                position += 1
            else:
                out.append(chosen.cyrillic)
                prev = chosen.cyrillic[-1]
                position += len(chosen.latin)
        return "".join(out)

    def align(self, latin: str, cyrillic: str) -> float:
        """log P(latin | cyrillic) along the best path through the channel; -inf if none."""
        channel = self.channel
        n, m = len(latin), len(cyrillic)
        best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        silent = {p.cyrillic: p for p in channel.silent}
        for i in range(n + 1):
            row = best[i]
            for j in range(m + 1):
                here = row[j]
                if here == -math.inf:
                    continue
                prev = cyrillic[j - 1] if j else _EDGE
                if j < m:
                    letter = cyrillic[j]
                    pair = silent.get(letter)
                    nxt = cyrillic[j + 1] if j + 1 < m else _EDGE
                    if pair is not None and channel.valid(pair, prev, nxt):
                        row[j + 1] = max(row[j + 1], here + pair.logp)
                    if i < n and latin[i] == letter:
                        best[i + 1][j + 1] = max(best[i + 1][j + 1], here)
                if i == n:
                    continue
                for chunk, pairs in channel.chunks(latin, i):
                    target = best[i + len(chunk)]
                    for pair in pairs:
                        if not cyrillic.startswith(pair.cyrillic, j):
                            continue
                        end = j + len(pair.cyrillic)
                        nxt = cyrillic[end] if end < m else _EDGE
                        if channel.valid(pair, prev, nxt):
                            target[end] = max(target[end], here + pair.logp)
        return best[n][m]

    def fit(self, cyrillic: str) -> float:
        """The letter model's log-likelihood of a reading (of its words, if several)."""
        return sum(self.model.score(w) for w in _PARTS.split(cyrillic) if w)

    def near(self, latin: str, cyrillic: str) -> bool:
        """Whether a system writes *cyrillic* as *latin* (folded) but for marks that *latin*
        leaves out (apostrophes, quotes, middle dots: see _bare)."""
        key = (latin, cyrillic)
        done = self._near.get(key)
        if done is None:
            marked = self.channel.marked
            bits = 0
            for letter in set(cyrillic):
                bits |= marked.get(letter, 0)
            done = any(
                _bare(fold(s.romanize(cyrillic))) == latin
                for i, s in enumerate(self.systems) if bits >> i & 1
            )
            if len(self._near) > 1 << 17:
                self._near.clear()
            self._near[key] = done
        return done

    def exact(self, latin: str, cyrillic: str, mask: int) -> frozenset[str]:
        """The systems among *mask* that write *cyrillic* as *latin* (folded)."""
        key = (latin, cyrillic)
        done = self._exact.get(key)
        if done is None:
            done = frozenset(
                s.id for i, s in enumerate(self.systems)
                if mask >> i & 1 and fold(s.romanize(cyrillic)) == latin
            )
            if len(self._exact) > 1 << 17:
                self._exact.clear()
            self._exact[key] = done
        return done


# ---------------------------------------------------------------------------------------------
# The model: readers for the three languages, the lexicon and its index.


@dataclass
class _Candidate:
    """A reading of one word (or of a name of several words) in one language."""

    cyrillic: str  # lowercase
    score: float
    systems: frozenset[str]
    known: bool
    fit: float | None = None  # the letter model's log-likelihood, once a tie needs it


class _Model:
    def __init__(self, tables: Sequence[Any], systems: Sequence[Any], lexicon: Any) -> None:
        if lexicon is True:
            rows: Iterable[tuple[str, int, Iterable[str]]] = _packaged_rows()
        elif lexicon is None:
            rows = ()
        elif hasattr(lexicon, "get"):
            rows = _lexicon_rows(lexicon)
        else:
            rows = lexicon
        self.names = _Names(rows)
        self.readers: dict[str, _Reader] = {}
        self.indexed_floor: dict[str, int] = {}
        self.unindexed_bound: dict[str, float] = {}
        #: the indexed names' priors (names.prior() without its search)
        self.indexed_prior: dict[str, dict[str, float]] = {}
        #: folded Latin → (name, language, bits of the systems that write it so)
        self.index: dict[str, list[tuple[str, str, int]]] = {}
        #: the same without marks (see _bare), for spellings that leave them out
        self.index_bare: dict[str, list[tuple[str, str, int]]] = {}
        for language in LANGUAGES:
            own = [s for s in systems if s.language == language]
            bits = {s.id: 1 << i for i, s in enumerate(own)}
            channel = _Channel(language, _channel_rows(language, tables, bits))
            frequent = self.names.by_weight(language)
            training = [p for w in frequent[:MODEL_NAMES] for p in _PARTS.split(w) if p]
            if not training:  # no lexicon: the tables' own examples
                training = [
                    p for t in tables if t.language == language for k in t.examples
                    for p in regex.split(r"[^\p{L}ʼ]+", _cyrillic_key(k)) if p
                ]
            reader = _Reader(language, channel, _LetterModel(training), own)
            self.readers[language] = reader
            self._index(reader, frequent)
        self._memo: dict[tuple[str, str], list[_Candidate]] = {}
        self._known_memo: dict[tuple[str, str], list[_Candidate]] = {}
        self._systems_of: dict[tuple[str, int], frozenset[str]] = {}
        self._unindexed_memo: dict[
            tuple[str, str], list[tuple[str, float, frozenset[str]]] | None
        ] = {}

    def _index(self, reader: _Reader, frequent: list[str]) -> None:
        """Index every system's spelling of the language's most frequent names: all names
        weighing at least the floor (so that an unindexed name weighs less than any)."""
        language = reader.language
        names = self.names
        if len(frequent) > INDEXED_NAMES:
            floor = names.weight(frequent[INDEXED_NAMES], language) + 1
            frequent = [w for w in frequent[:INDEXED_NAMES] if names.weight(w, language) >= floor]
        else:
            floor = 1
        self.indexed_floor[language] = floor
        # the most an unindexed name of the language can score (see _first_exact)
        self.unindexed_bound[language] = (
            EXACT_KNOWN + max(_FLOOR_PRIOR, math.log((floor - 1) / names.total))
            if floor > 1 else -math.inf
        )
        self.indexed_prior[language] = priors = {}
        for word in frequent:
            prior = names.prior(word, language)
            if prior is not None:
                priors[word] = prior
        masks: dict[tuple[str, str], int] = {}
        for i, system in enumerate(reader.systems):
            for start in range(0, len(frequent), 4096):
                batch = frequent[start : start + 4096]
                outputs = fold(system.romanize("\n".join(batch))).split("\n")
                if len(outputs) != len(batch):  # pragma: no cover - a row writing a newline
                    outputs = [fold(system.romanize(w)) for w in batch]
                for word, out in zip(batch, outputs, strict=True):
                    key = (out, word)
                    masks[key] = masks.get(key, 0) | 1 << i
        for (latin, word), bits in masks.items():
            self.index.setdefault(latin, []).append((word, language, bits))
            bare = _bare(latin)
            if bare != latin:
                self.index_bare.setdefault(bare, []).append((word, language, bits))

    def clear_memos(self) -> None:
        """Forget every reading remembered (benchmarks measure a first reading)."""
        for memo in (self._memo, self._known_memo, self._unindexed_memo):
            memo.clear()
        for reader in self.readers.values():
            reader.clear_memos()

    def systems_of(self, language: str, bits: int) -> frozenset[str]:
        """The ids of the language's systems whose bits are set."""
        key = (language, bits)
        done = self._systems_of.get(key)
        if done is None:
            systems = self.readers[language].systems
            done = self._systems_of[key] = frozenset(
                s.id for i, s in enumerate(systems) if bits >> i & 1
            )
        return done

    def unindexed_exact(
        self, latin: str, language: str
    ) -> list[tuple[str, float, frozenset[str]]] | None:
        """The names of *language* below the index's floor that a system of the language writes
        as folded *latin*, exactly or but for marks, as (name, tier-A score, systems); None if
        exact_names() gave up.  Memoized (the last few thousand)."""
        key = (latin, language)
        if key in self._unindexed_memo:
            return self._unindexed_memo[key]
        reader = self.readers[language]
        found = reader.exact_names(latin, self.names.sorted[language])
        out: list[tuple[str, float, frozenset[str]]] | None = None
        if found is not None:
            out = []
            floor = self.indexed_floor[language]
            for cyr, mask in found.items():
                weight = self.names.weight(cyr, language)
                if not weight or weight >= floor:  # the index knows the indexed ones
                    continue
                prior = max(_FLOOR_PRIOR, math.log(weight / self.names.total))
                systems = reader.exact(latin, cyr, mask)
                if systems:
                    out.append((cyr, EXACT_KNOWN + prior, systems))
                elif reader.near(latin, cyr):
                    out.append((cyr, EXACT_KNOWN - MARKS_LEFT_OUT + prior, frozenset()))
        if len(self._unindexed_memo) > 1 << 12:
            self._unindexed_memo.clear()
        self._unindexed_memo[key] = out
        return out

    def walk_readings(self, latin: str, language: str) -> list[_Candidate] | None:
        """The tier-A readings of folded *latin* that the index lacks, from exact_names(), and,
        as exact_readings() has them, of *latin* without its trailing marks (kept as
        punctuation); None if a walk gave up."""
        found = self.unindexed_exact(latin, language)
        if found is None:
            return None
        out = [_Candidate(cyr, score, systems, True) for cyr, score, systems in found]
        core = latin.rstrip("'")
        if core != latin and core:
            trimmed = self.unindexed_exact(core, language)
            if trimmed is None:
                return None
            out += [_Candidate(cyr + latin[len(core) :], score + KEPT_APOSTROPHE, systems, True)
                    for cyr, score, systems in trimmed]
        return out

    def indexed(self, latin: str, language: str) -> list[tuple[str, float, frozenset[str]]]:
        """The indexed names of *language* that a system of the language writes as *latin*,
        exactly or but for marks, as (name, tier-A score, systems), in no order."""
        priors = self.indexed_prior[language]
        out: list[tuple[str, float, frozenset[str]]] = []
        seen: set[str] = set()
        for word, lang, bits in self.index.get(latin, ()):
            if lang == language:
                seen.add(word)
                out.append((word, EXACT_KNOWN + priors[word], self.systems_of(language, bits)))
        for word, lang, _bits in self.index_bare.get(latin, ()):
            if lang == language and word not in seen:
                out.append((word, EXACT_KNOWN - MARKS_LEFT_OUT + priors[word], frozenset()))
        return out

    def exact_known(self, latin: str, language: str) -> list[_Candidate]:
        """Indexed names of *language* that a system of the language writes as *latin*,
        most frequent first."""
        return _ordered_candidates(
            [_Candidate(word, score, systems, True)
             for word, score, systems in self.indexed(latin, language)],
            self.readers[language],
        )

    def exact_readings(self, latin: str, language: str, search: bool) -> list[_Candidate]:
        """A word's readings as known names that a system writes so (tier A), best first, as
        read_word() ranks them: from the index alone, or with the search kept to known names
        (then every such reading)."""
        source = self._known if search else self.exact_known
        found = [c for c in source(latin, language) if _tier_a(c)]
        core = latin.rstrip("'")
        if core != latin and core:
            found += [
                _Candidate(c.cyrillic + latin[len(core) :], c.score + KEPT_APOSTROPHE,
                           c.systems, c.known, c.fit)
                for c in source(core, language) if _tier_a(c)
            ]
        return _best_of(found, self.readers[language])

    def read_word(self, latin: str, language: str) -> list[_Candidate]:
        """The ranked readings of one folded Latin word in one language (memoized)."""
        memo_key = (latin, language)
        done = self._memo.get(memo_key)
        if done is not None:
            return done
        core = latin.rstrip("'")
        if core != latin and core:
            # a trailing apostrophe is ь/ъ (Kazan’), or punctuation kept as it is
            kept = [
                _Candidate(c.cyrillic + latin[len(core) :], c.score + KEPT_APOSTROPHE,
                           c.systems, c.known, c.fit)
                for c in self.read_word(core, language)
            ]
            done = _best_of([*self._read(latin, language), *kept], self.readers[language])
        else:
            done = self._read(latin, language)
        if len(self._memo) > 1 << 16:
            self._memo.clear()
        self._memo[memo_key] = done
        return done

    def read_whole(self, latin: str, language: str, parts: int) -> list[_Candidate]:
        """Known names of several words (Йошкар-Ола, Кривий Ріг) read as a whole: *latin* is
        the folded span, words joined by single spaces and hyphens."""
        return [c for c in self._known(latin, language) if len(_PARTS.split(c.cyrillic)) == parts]

    def _known(self, latin: str, language: str) -> list[_Candidate]:
        """The known names of *language* that *latin* spells: exact ones from the index and by
        the search kept to known names (checked against the systems their path allows)."""
        done = self._known_memo.get((latin, language))
        if done is None:
            done = self._search_known(latin, language)
            if len(self._known_memo) > 1 << 16:
                self._known_memo.clear()
            self._known_memo[(latin, language)] = done
        return done

    def _search_known(self, latin: str, language: str) -> list[_Candidate]:
        reader = self.readers[language]
        out = {c.cyrillic: c for c in self.exact_known(latin, language)}
        floor = self.indexed_floor[language]
        known = self.names.sorted[language]
        for _score, chan, cyr, mask in reader.search(latin, KNOWN_BEAM_WIDTH, known):
            if cyr in out:
                continue
            prior = self.names.prior(cyr, language)
            if prior is None:  # pragma: no cover - the search only returns known names
                continue
            # an indexed name is exact (or exact but for marks) only if the index says so
            systems: frozenset[str] = frozenset()
            indexed = self.names.weight(cyr, language) >= floor
            if mask and not indexed:
                systems = reader.exact(latin, cyr, mask)
            if systems:
                out[cyr] = _Candidate(cyr, EXACT_KNOWN + prior, systems, True)
            elif not indexed and reader.near(latin, cyr):
                out[cyr] = _Candidate(cyr, EXACT_KNOWN - MARKS_LEFT_OUT + prior, systems, True)
            else:
                out[cyr] = _Candidate(cyr, chan + prior, frozenset(), True)
        # the names the beam may have missed that a system writes so (the walk misses none)
        for cyr, score, systems in self.unindexed_exact(latin, language) or ():
            old = out.get(cyr)
            if old is None or old.score < score:
                out[cyr] = _Candidate(cyr, score, systems, True)
        return _ordered_candidates(out.values(), reader)

    def _read(self, latin: str, language: str) -> list[_Candidate]:
        reader = self.readers[language]
        letters = sum(1 for c in latin if c.isalpha())
        if letters > MAX_WORD_LETTERS:
            text = reader.greedy(latin)
            return [_Candidate(text, -UNKNOWN_PENALTY - 10.0 * letters, frozenset(), False)]
        out = {c.cyrillic: c for c in self._known(latin, language)}
        unknown: list[tuple[_Candidate, int]] = []
        for _score, chan, cyr, mask in reader.search(latin, BEAM_WIDTH):
            if cyr in out:
                continue
            prior = self.names.prior(cyr, language)
            if prior is not None:  # a known name the lexicon search missed
                out[cyr] = _Candidate(cyr, chan + prior, frozenset(), True)
                continue
            fit = reader.fit(cyr)
            score = chan + fit * LETTER_MODEL_WEIGHT - UNKNOWN_PENALTY
            unknown.append((_Candidate(cyr, score, frozenset(), False, fit), mask))
        for system in reader.reversible:
            cyr = _cyrillic_key(system.cyrillize(latin))
            if cyr and cyr not in out and all(cyr != c.cyrillic for c, _ in unknown):
                chan = reader.align(latin, cyr)
                prior = self.names.prior(cyr, language)
                if prior is not None and chan > -math.inf:
                    out[cyr] = _Candidate(cyr, chan + prior, frozenset(), True)
                elif chan > -math.inf:
                    fit = reader.fit(cyr)
                    score = chan + fit * LETTER_MODEL_WEIGHT - UNKNOWN_PENALTY
                    unknown.append((_Candidate(cyr, score, frozenset(), False, fit), reader.every))
        # only the likelier unknown readings can climb by being some system's exact spelling
        unknown.sort(key=lambda u: -u[0].score)
        for candidate, mask in unknown[:EXACT_CHECKS]:
            if mask:
                candidate.systems = reader.exact(latin, candidate.cyrillic, mask)
            if candidate.systems:
                candidate.score += EXACT_UNKNOWN
            elif reader.near(latin, candidate.cyrillic):
                candidate.score += EXACT_UNKNOWN - MARKS_LEFT_OUT
        return _best_of([*out.values(), *(c for c, _ in unknown)], reader)


def _best_of(found: Iterable[_Candidate], reader: _Reader) -> list[_Candidate]:
    best: dict[str, _Candidate] = {}
    for c in found:
        old = best.get(c.cyrillic)
        if old is None or old.score < c.score:
            best[c.cyrillic] = c
    return _ordered_candidates(best.values(), reader)[:WORD_READINGS]


def _ordered_candidates(found: Iterable[_Candidate], reader: _Reader) -> list[_Candidate]:
    """Best score first; among equal scores, the reading the letter model finds likelier."""

    def fit(c: _Candidate) -> tuple[float, str]:
        if c.fit is None:
            c.fit = reader.fit(c.cyrillic)
        return (-c.fit, c.cyrillic)

    return _tie_sorted(list(found), lambda c: c.score, fit)


def _tie_sorted(items: list[Any], score: Any, tie: Any) -> list[Any]:
    """*items* by descending score(item), runs of equal scores ordered by tie(item)."""
    items.sort(key=lambda x: -score(x))
    i = 0
    while i < len(items):
        j = i + 1
        while j < len(items) and score(items[j]) == score(items[i]):
            j += 1
        if j - i > 1:
            items[i:j] = sorted(items[i:j], key=tie)
        i = j
    return items


_model: _Model | None = None
_model_lock = threading.Lock()


def _build_model(lexicon: Any = True) -> _Model:
    """The model from the tables in tables/ and *lexicon*: True for the packaged lexicon, a
    translit.lexicon.Lexicon, (word, weight, languages) rows, or None for no lexicon (the
    letter models are then trained on the tables' examples)."""
    from .systems import system
    from .tables import load_table, system_ids

    # a table with an output form (the MRZ) reads as its base does; its form is not a
    # spelling of running text, so it is no reader of its own
    ids = [i for i in system_ids() if load_table(i).form is None]
    return _Model(
        [load_table(i) for i in ids],
        [system(i) for i in ids],
        lexicon,
    )


def _get_model() -> _Model:
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = _build_model()
    return _model


# ---------------------------------------------------------------------------------------------
# Whole names.


@dataclass
class _Word:
    start: int
    end: int
    folded: str
    case: str  # lower, title, upper


def _case_of(word: str) -> str:
    if word.islower():
        return "lower"
    if word[:1].isupper() and (len(word) == 1 or word[1:].islower()):
        return "title"
    return _mixed_case_of(word)


def _mixed_case_of(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    uppers = sum(1 for c in letters if c.isupper())
    if uppers == 0:
        return "lower"
    if uppers == len(letters):
        return "upper" if uppers > 1 else "title"
    return "title" if letters[0].isupper() else "lower"


def _apply_case(text: str, case: str) -> str:
    if case == "upper":
        return text.upper()
    if case == "title":
        return text[:1].upper() + text[1:]
    return text


def _words(text: str) -> list[_Word]:
    """The words of *text* that hold a Latin letter; one-letter capitals (initials) follow
    the case of the nearest longer word."""
    words = [
        _Word(m.start(), m.end(), fold(m.group()), _case_of(m.group()))
        for m in _WORD.finditer(text)
        if _LATIN_LETTER.search(m.group())
    ]
    longer = [w.case for w in words if sum(1 for c in w.folded if c.isalpha()) > 1]
    if longer and all(c == "upper" for c in longer):
        for w in words:
            if w.case == "title":
                w.case = "upper"
    return words


def _combine(
    per_word: Sequence[Sequence[_Candidate]], limit: int
) -> list[tuple[float, tuple[int, ...]]]:
    """The *limit* best choices of one reading per word, by summed score, best first."""
    if any(not options for options in per_word):
        return []
    start = tuple(0 for _ in per_word)
    heap = [(-sum(options[0].score for options in per_word), start)]
    seen = {start}
    out: list[tuple[float, tuple[int, ...]]] = []
    while heap and len(out) < limit:
        negative, choice = heapq.heappop(heap)
        out.append((-negative, choice))
        for k, options in enumerate(per_word):
            if choice[k] + 1 < len(options):
                nxt = (*choice[:k], choice[k] + 1, *choice[k + 1 :])
                if nxt not in seen:
                    seen.add(nxt)
                    delta = options[choice[k] + 1].score - options[choice[k]].score
                    heapq.heappush(heap, (negative - delta, nxt))
    return out


def _assemble(text: str, words: Sequence[_Word], readings: Sequence[str]) -> str:
    out = []
    position = 0
    for word, reading in zip(words, readings, strict=True):
        out.append(text[position : word.start])
        out.append(_apply_case(reading, word.case))
        position = word.end
    out.append(text[position:])
    return "".join(out)


def _whole(text: str, words: Sequence[_Word]) -> str | None:
    """The folded span of a name of several words joined by spaces or hyphens, as the lexicon
    writes it (кривий ріг, йошкар-ола); None for one word or other separators."""
    if len(words) < 2 or len(words) > 4:
        return None
    for before, after in itertools.pairwise(words):
        if not regex.fullmatch(r"\s*-\s*|\s+", text[before.end : after.start]):
            return None
    span = fold(text[words[0].start : words[-1].end])
    return str(regex.sub(r"\s*-\s*", "-", regex.sub(r"\s+", " ", span)))


def _whole_options(
    readings: Iterable[_Candidate], words: int
) -> Iterator[tuple[float, list[_Candidate]]]:
    """A known name of several words as a choice of one reading per word; an exact one counts
    as exact for every word (so that it outranks combinations of known words)."""
    for c in readings:
        score = c.score + (words - 1) * EXACT_KNOWN if _tier_a(c) else c.score
        yield score, [_Candidate(part, 0.0, c.systems, True) for part in _PARTS.split(c.cyrillic)]


def _reading(
    text: str, words: Sequence[_Word], language: str, score: float, chosen: Sequence[_Candidate]
) -> Reading:
    systems = frozenset.intersection(*(c.systems for c in chosen))
    cyrillic = _assemble(text, words, [c.cyrillic for c in chosen])
    return Reading(cyrillic, language, round(score, 6), _ordered(systems, language))


def _tier_a(c: _Candidate) -> bool:
    """A known name that a system writes as the input, exactly or but for marks."""
    return c.known and c.score > EXACT_KNOWN / 2


def _first_exact(
    model: _Model, text: str, words: Sequence[_Word], whole: str | None,
    languages: Sequence[str], search: bool,
) -> Reading | None:
    """The first reading of the full ranking when some language reads every word as a known
    name that one of its systems writes so (tier A), else None.  Every such reading scores above
    any reading with a word that is not (for up to FAST_PATH_WORDS words).

    With *search*, the searches kept to known names say which names those are.  Without it,
    the index does, and the answer is _UNSURE unless that is sure: an unindexed name weighs
    less than the floor, so the best an unindexed word can score is known (the language's
    ceiling); a language whose ceiling reaches the index's best asks exact_names() (complete)
    for the words and the whole name the index cannot vouch for."""
    if search:
        best: Reading | None = None
        for lang in languages:
            found = _options(model, words, whole, lang, "search")
            assert found is not None  # only the walk gives up
            best = _best_reading(model, text, words, lang, found[0], best)
        return best
    per: dict[str, tuple[list[tuple[float, list[_Candidate]]], float]] = {}
    for lang in languages:
        found = _options(model, words, whole, lang, "index")
        assert found is not None
        per[lang] = found
    best = None
    for lang, (options, _ceiling) in per.items():
        best = _best_reading(model, text, words, lang, options, best)
    unsure = [lang for lang, (_o, ceiling) in per.items()
              if ceiling > (best.score if best else -math.inf) - 1e-6]  # (scores: 6 places)
    if not unsure:
        return best
    for lang in unsure:
        found = _options(model, words, whole, lang, "walk")
        if found is None:
            return _UNSURE
        best = _best_reading(model, text, words, lang, found[0], best)
    return best


def _options(
    model: _Model, words: Sequence[_Word], whole: str | None, lang: str, how: str
) -> tuple[list[tuple[float, list[_Candidate]]], float] | None:
    """A language's tier-A choices of one reading per word (and of the whole name as one
    known name), with the most a choice the index lacks could score (-inf when none can):
    *how* is "search" (the searches kept to known names), "index", or "walk" (the index, and
    exact_names() where the index cannot vouch; None if it gives up)."""
    search = how == "search"
    bound = -math.inf if search else model.unindexed_bound[lang]
    walk = how == "walk"
    n = len(words)
    options: list[tuple[float, list[_Candidate]]] = []
    ceiling = -math.inf
    if whole is not None:
        found = model.read_whole(whole, lang, n) if search else model.exact_known(whole, lang)
        exact = [c for c in found if _tier_a(c) and len(_PARTS.split(c.cyrillic)) == n]
        whole_bound = bound
        if walk and (not exact or exact[0].score <= bound):
            extra = model.walk_readings(whole, lang)
            if extra is None:
                return None
            exact = _best_of([*exact, *(c for c in extra if len(_PARTS.split(c.cyrillic)) == n)],
                             model.readers[lang])
            whole_bound = -math.inf
        options.extend(_whole_options(_tied(exact), n))
        top_whole = exact[0].score if exact else -math.inf
        ceiling = (n - 1) * EXACT_KNOWN + max(top_whole, whole_bound)
    firsts: list[list[_Candidate]] = []  # each word's best readings (several when tied)
    total = 0.0
    for w in words:
        readings = model.exact_readings(w.folded, lang, search)
        word_bound = bound
        if walk and (not readings or readings[0].score <= bound):
            extra = model.walk_readings(w.folded, lang)
            if extra is None:
                return None
            readings = _best_of([*readings, *extra], model.readers[lang])
            word_bound = -math.inf
        top = readings[0] if readings else None
        if top is not None and top.score > word_bound:
            firsts.append(_tied(readings))
        total += max(top.score if top else -math.inf, word_bound)
    if len(firsts) == n:
        # equal scores are left to the full ranking's tie-break over whole readings (_better)
        score = sum(f[0].score for f in firsts)
        for chosen in itertools.islice(itertools.product(*firsts), TIED_CHOICES):
            options.append((score, list(chosen)))
    actual = max((score for score, _ in options), default=-math.inf)
    ceiling = max(ceiling, total)
    return options, (ceiling if ceiling > actual + 1e-9 else -math.inf)


def _tied(readings: Sequence[_Candidate]) -> list[_Candidate]:
    """The readings that share the first one's score."""
    return [c for c in readings if c.score == readings[0].score] if readings else []


def _best_reading(
    model: _Model, text: str, words: Sequence[_Word], lang: str,
    options: Sequence[tuple[float, list[_Candidate]]], best: Reading | None,
) -> Reading | None:
    for score, chosen in options:
        reading = _reading(text, words, lang, score, chosen)
        if best is None or _better(model, reading, best):
            best = reading
    return best


_SIMPLE_WORD = regex.compile(
    rf"[\p{{Latin}}&&\p{{L}}]+(?:[{_MARKS}]+[\p{{Latin}}&&\p{{L}}]+)*[{_TRAILING}]*", regex.V1
)
#: _first_word() cannot tell from the index and exact_names(): the full search must.
_UNSURE = Reading("", "", 0.0)


def _first_word(model: _Model, text: str, languages: Sequence[str]) -> Reading | None:
    """The first reading of the full ranking for one word (letters, with marks between them
    or after them), when some language reads it as a known name that one of its systems writes
    so (tier A); None when no language does; _UNSURE when that cannot be told cheaply (a long
    walk).  As exact_readings() does, a word with trailing marks (Kazan') is also read without
    them, the marks kept as punctuation.

    The index gives each language's best indexed name; a language whose unindexed names could
    reach the best so far (see _Model._index) asks exact_names(), which misses none."""
    folded = fold(text)
    core = folded.rstrip("'")
    spans = [(folded, 0.0, "")]
    if core != folded and core:
        spans.append((core, KEPT_APOSTROPHE, folded[len(core) :]))
    tops: dict[str, tuple[float, list[tuple[str, frozenset[str]]]]] = {}

    def consider(lang: str, word: str, score: float, systems: frozenset[str]) -> None:
        top, words = tops.get(lang, (-math.inf, []))
        if score > top:
            tops[lang] = (score, [(word, systems)])
        elif score == top:
            words.append((word, systems))

    for latin, offset, kept in spans:
        for lang in languages:
            for word, score, systems in model.indexed(latin, lang):
                consider(lang, word + kept, score + offset, systems)
    best_score = max((top for top, _ in tops.values()), default=-math.inf)
    for latin, offset, kept in spans:
        for lang in languages:
            if model.unindexed_bound[lang] + offset > best_score - 1e-6:
                # a name the index lacks might do as well: ask the walk
                unindexed = model.unindexed_exact(latin, lang)
                if unindexed is None:
                    return _UNSURE
                for word, score, systems in unindexed:
                    consider(lang, word + kept, score + offset, systems)
    best_score = max((top for top, _ in tops.values()), default=-math.inf)
    case = _case_of(text)
    best: Reading | None = None
    for lang, (top, words) in tops.items():
        if top < best_score - 1e-6:
            continue
        for word, systems in words:  # equal scores: as the full ranking breaks its ties
            reading = Reading(_apply_case(word, case), lang, round(top, 6),
                              _ordered(systems, lang))
            if best is None or _better(model, reading, best):
                best = reading
    return best


def _fit(model: _Model, reading: Reading) -> tuple[bool, float, str, str]:
    """How a tie between equal scores is broken (one name, known and exact in two languages:
    Харьков): the language its letters suggest (detect.guess_language) first, then the one
    whose letter model finds the reading likelier."""
    from .detect import guess_language

    text = _cyrillic_key(reading.cyrillic)
    fit = model.readers[reading.language].fit(text)
    return (guess_language(text) != reading.language, -fit, reading.language, reading.cyrillic)


def _better(model: _Model, a: Reading, b: Reading) -> bool:
    if a.score != b.score:
        return a.score > b.score
    from .detect import guess_language

    # _fit(a) < _fit(b), the letter models asked only when the guessed languages leave a tie
    a_off = guess_language(_cyrillic_key(a.cyrillic)) != a.language
    b_off = guess_language(_cyrillic_key(b.cyrillic)) != b.language
    if a_off != b_off:
        return b_off
    return _fit(model, a) < _fit(model, b)


def _ordered(ids: Iterable[str], language: str) -> tuple[str, ...]:
    """System ids, the language's default system first, then by id."""
    if isinstance(ids, frozenset):
        done = _ORDERED.get((ids, language))
        if done is None:
            done = _ORDERED[(ids, language)] = _sorted_ids(ids, language)
        return done
    return _sorted_ids(ids, language)


_ORDERED: dict[tuple[frozenset[str], str], tuple[str, ...]] = {}  # a few hundred sets


def _sorted_ids(ids: Iterable[str], language: str) -> tuple[str, ...]:
    from .systems import DEFAULT_SYSTEM

    default = DEFAULT_SYSTEM.get(language)
    return tuple(sorted(ids, key=lambda i: (i != default, i)))


def candidates(latin: str, language: str | None = None, limit: int = 10) -> list[Reading]:
    """Ranked Cyrillic readings of a Latin name, best first.

    *language* ('ru', 'uk', 'be') keeps the readings of one language; with None every language
    is tried and each reading says its own.  Any str is accepted: each word keeps its case
    pattern (Title, ALL CAPS, lowercase), and spaces, hyphens, digits, punctuation and words
    without Latin letters stay in place.  A Reading has ``cyrillic``, ``language``, ``score``
    (higher is better, comparable within one call) and ``systems`` (the systems of the language
    that write the reading exactly as *latin*).

    >>> [r.cyrillic for r in candidates("Kharkov", limit=1)]
    ['Харьков']
    """
    if not isinstance(latin, str):
        raise TypeError(f"candidates() takes a str, not {type(latin).__name__}")
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError(f"limit must be an int >= 0, not {limit!r}")
    if limit == 0 or not _LATIN_LETTER.search(latin):
        return []
    text = unicodedata.normalize("NFC", latin)
    model = _get_model()
    languages = (language,) if language else LANGUAGES
    if limit == 1 and _SIMPLE_WORD.fullmatch(text):
        # one word: the index and exact_names() answer, without the search, when they can
        first = _first_word(model, text, languages)
        if first is not _UNSURE:
            return [first] if first is not None else _full(model, text, _words(text), None,
                                                           languages, 1)
    words = _words(text)
    if not words:
        return []
    found: dict[str, Reading] = {}
    if len(text) > MAX_INPUT_CHARS:
        # one greedy reading per language, scored by the letter model on a bounded sample
        for lang in languages:
            reader = model.readers[lang]
            readings = [reader.greedy(w.folded) for w in words]
            sample = list(dict.fromkeys(readings))[:100]
            score = sum(reader.fit(r[:100]) for r in sample) * LETTER_MODEL_WEIGHT
            _keep(model, found, Reading(_assemble(text, words, readings), lang,
                                        round(score, 6), ()))
        return _ranked(model, found, limit)
    whole = _whole(text, words)
    if limit == 1 and len(words) <= FAST_PATH_WORDS:
        # the index and the walk, then the search kept to known names
        first = _first_exact(model, text, words, whole, languages, search=False)
        if first is _UNSURE:
            first = _first_exact(model, text, words, whole, languages, search=True)
        if first is not None:
            return [first]
    return _full(model, text, words, whole, languages, limit)


def _full(
    model: _Model, text: str, words: Sequence[_Word], whole: str | None,
    languages: Sequence[str], limit: int,
) -> list[Reading]:
    """The full ranking: every language's readings of each word, combined best first."""
    found: dict[str, Reading] = {}
    for lang in languages:
        options: list[tuple[float, list[_Candidate]]] = []
        if whole is not None:
            options.extend(_whole_options(model.read_whole(whole, lang, len(words)), len(words)))
        per_word = [model.read_word(w.folded, lang) for w in words]
        for score, choice in _combine(per_word, limit):
            options.append((score, [per_word[k][i] for k, i in enumerate(choice)]))
        for score, chosen in options:
            _keep(model, found, _reading(text, words, lang, score, chosen))
    return _ranked(model, found, limit)


def _keep(model: _Model, found: dict[str, Reading], reading: Reading) -> None:
    old = found.get(reading.cyrillic)
    if old is None or _better(model, reading, old):
        found[reading.cyrillic] = reading


def _ranked(model: _Model, found: dict[str, Reading], limit: int) -> list[Reading]:
    return _tie_sorted(list(found.values()), lambda r: r.score, lambda r: _fit(model, r))[:limit]


def identify(latin: str, cyrillic: str | None = None) -> list[str]:
    """The ids of the systems whose rules write *cyrillic* exactly as *latin* (up to letter
    case and apostrophe look-alikes), of the languages whose alphabet holds *cyrillic*: the
    language its letters suggest first, each language's default system first.  With no
    *cyrillic*, the systems of the best reading of *latin* (see candidates()).

    >>> identify("Kharkiv", "Харків")[:1]
    ['uk-national']
    """
    if not isinstance(latin, str):
        raise TypeError(f"identify() takes a str, not {type(latin).__name__}")
    if cyrillic is None:
        readings = candidates(latin, limit=1)
        return list(readings[0].systems) if readings else []
    if not isinstance(cyrillic, str):
        raise TypeError(f"identify() takes a str, not {type(cyrillic).__name__}")
    from .detect import guess_language
    from .systems import systems

    target = fold(latin)
    letters = {c for c in _cyrillic_key(cyrillic) if "\u0400" <= c <= "\u04ff" or c == APOSTROPHE}
    guessed = guess_language(cyrillic)
    languages = sorted(
        (lang for lang in LANGUAGES if letters <= set(ALPHABETS[lang])),
        key=lambda lang: lang != guessed,
    ) or [guessed or "ru"]
    found = [
        s for s in systems() if s.language in languages and fold(s.romanize(cyrillic)) == target
    ]
    return [
        i for lang in languages for i in _ordered((s.id for s in found if s.language == lang), lang)
    ]
