"""The model: a reader per language, the lexicon, and the index of its frequent names.

* **The index.**  Every system's spelling of the lexicon's most frequent names (INDEXED_NAMES
  per language) is indexed, so that the first reading of a known name is one dict look-up.
* A word's readings per language: the known names the searches and the walk find, exact ones
  first (see the package docstring), then the free search's readings.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from ..memo import bounded
from ..systems import system as system_by_id
from ..tables import LANGUAGES, load_table, system_ids
from . import prepared
from .channel import Channel, channel_rows
from .names import lexicon_rows, packaged_rows
from .prepared import Parts
from .reader import Reader
from .reading import Candidate
from .settings import (
    BEAM_WIDTH,
    EXACT_CHECKS,
    EXACT_KNOWN,
    EXACT_UNKNOWN,
    FLOOR_PRIOR,
    INDEX_MEMO,
    KEPT_APOSTROPHE,
    KNOWN_BEAM_WIDTH,
    LETTER_MODEL_WEIGHT,
    MARKS_LEFT_OUT,
    MAX_WORD_LETTERS,
    READINGS_MEMO,
    SYSTEM_SETS_MEMO,
    UNKNOWN_PENALTY,
    WALK_MEMO,
    WORD_READINGS,
)
from .spelling import PARTS, cyrillic_key, mixes_scripts


class Model:
    """Readers for the three languages, the lexicon, and the index of its frequent names."""

    def __init__(self, tables: Sequence[Any], systems: Sequence[Any], parts: Parts) -> None:
        self.names = parts.names
        self.readers: dict[str, Reader] = {}
        self.indexed_floor = parts.floors
        #: the most an unindexed name of the language can score (see first_exact)
        self.unindexed_bound: dict[str, float] = {}
        self._index = parts.index
        self._index_bare = parts.index_bare
        #: the index's entries of a folded Latin, and of it without marks (one search for the
        #: three languages, asked in turn)
        self._entries = bounded(INDEX_MEMO)(self._entries_of)
        for language in LANGUAGES:
            own = [s for s in systems if s.language == language]
            bits = {s.id: 1 << i for i, s in enumerate(own)}
            channel = Channel(language, channel_rows(language, tables, bits))
            reader = Reader(language, channel, parts.letter_models[language], own)
            self.readers[language] = reader
            floor = self.indexed_floor[language]
            self.unindexed_bound[language] = (
                EXACT_KNOWN + max(FLOOR_PRIOR, math.log((floor - 1) / self.names.total))
                if floor > 1 else -math.inf
            )
        #: the ranked readings of one folded Latin word in one language (see _read_word)
        self.read_word = bounded(READINGS_MEMO)(self._read_word)
        #: the known names of a language that a folded Latin spells (see _search_known)
        self._known = bounded(READINGS_MEMO)(self._search_known)
        #: the ids of a language's systems whose bits are set
        self.systems_of = bounded(SYSTEM_SETS_MEMO)(self._systems_of)
        #: the names the index lacks that a system writes so (see _unindexed_exact)
        self.unindexed_exact = bounded(WALK_MEMO)(self._unindexed_exact)

    def clear_memos(self) -> None:
        """Forget every reading remembered (benchmarks measure a first reading)."""
        for memo in (self.read_word, self._known, self.unindexed_exact):
            memo.cache_clear()
        for reader in self.readers.values():
            reader.clear_memos()

    def _systems_of(self, language: str, bits: int) -> frozenset[str]:
        systems = self.readers[language].systems
        return frozenset(s.id for i, s in enumerate(systems) if bits >> i & 1)

    def _unindexed_exact(
        self, latin: str, language: str
    ) -> list[tuple[str, float, frozenset[str]]] | None:
        """The names of *language* below the index's floor that a system of the language writes
        as folded *latin*, exactly or but for marks, as (name, tier-A score, systems); None if
        exact_names() gave up."""
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
                prior = max(FLOOR_PRIOR, math.log(weight / self.names.total))
                systems = reader.exact(latin, cyr, mask)
                if systems:
                    out.append((cyr, EXACT_KNOWN + prior, systems))
                elif reader.near(latin, cyr):
                    out.append((cyr, EXACT_KNOWN - MARKS_LEFT_OUT + prior, frozenset()))
        return out

    def walk_readings(self, latin: str, language: str) -> list[Candidate] | None:
        """The tier-A readings of folded *latin* that the index lacks, from exact_names(), and,
        as exact_readings() has them, of *latin* without its trailing marks (kept as
        punctuation); None if a walk gave up."""
        found = self.unindexed_exact(latin, language)
        if found is None:
            return None
        out = [Candidate(cyr, score, systems, True) for cyr, score, systems in found]
        core = latin.rstrip("'")
        if core != latin and core:
            trimmed = self.unindexed_exact(core, language)
            if trimmed is None:
                return None
            out += [Candidate(cyr + latin[len(core) :], score + KEPT_APOSTROPHE, systems, True)
                    for cyr, score, systems in trimmed]
        return out

    def _entries_of(
        self, latin: str
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
        return self._index.get(latin), self._index_bare.get(latin)

    def indexed(self, latin: str, language: str) -> list[tuple[str, float, frozenset[str]]]:
        """The indexed names of *language* that a system of the language writes as *latin*,
        exactly or but for marks, as (name, tier-A score, systems), in no order."""
        number = LANGUAGES.index(language)
        exact, unmarked = self._entries(latin)
        if not exact and not unmarked:
            return []
        words = self.names.sorted[language]
        weights = self.names.weights[language]
        total = self.names.total
        out: list[tuple[str, float, frozenset[str]]] = []
        seen: set[str] = set()
        for lang, place, bits in exact:
            if lang != number:
                continue
            word = words.item(place)
            seen.add(word)
            prior = max(FLOOR_PRIOR, math.log(weights[place] / total))
            out.append((word, EXACT_KNOWN + prior, self.systems_of(language, bits)))
        for lang, place, _bits in unmarked:
            if lang != number:
                continue
            word = words.item(place)
            if word not in seen:
                prior = max(FLOOR_PRIOR, math.log(weights[place] / total))
                out.append((word, EXACT_KNOWN - MARKS_LEFT_OUT + prior, frozenset()))
        return out

    def exact_known(self, latin: str, language: str) -> list[Candidate]:
        """Indexed names of *language* that a system of the language writes as *latin*,
        most frequent first."""
        return ordered_candidates(
            [Candidate(word, score, systems, True)
             for word, score, systems in self.indexed(latin, language)],
            self.readers[language],
        )

    def exact_readings(self, latin: str, language: str, search: bool) -> list[Candidate]:
        """A word's readings as known names that a system writes so (tier A), best first, as
        read_word() ranks them: from the index alone, or with the search kept to known names
        (then every such reading)."""
        source = self._known if search else self.exact_known
        found = [c for c in source(latin, language) if tier_a(c)]
        core = latin.rstrip("'")
        if core != latin and core:
            found += [
                Candidate(c.cyrillic + latin[len(core) :], c.score + KEPT_APOSTROPHE,
                           c.systems, c.known, c.fit)
                for c in source(core, language) if tier_a(c)
            ]
        return best_of(found, self.readers[language])

    def _read_word(self, latin: str, language: str) -> list[Candidate]:
        """The ranked readings of one folded Latin word in one language."""
        core = latin.rstrip("'")
        if core != latin and core:
            # a trailing apostrophe is ь/ъ (Kazan’), or punctuation kept as it is
            kept = [
                Candidate(c.cyrillic + latin[len(core) :], c.score + KEPT_APOSTROPHE,
                           c.systems, c.known, c.fit)
                for c in self.read_word(core, language)
            ]
            done = best_of([*self._read(latin, language), *kept], self.readers[language])
        else:
            done = self._read(latin, language)
        return done

    def read_whole(self, latin: str, language: str, parts: int) -> list[Candidate]:
        """Known names of several words (Йошкар-Ола, Кривий Ріг) read as a whole: *latin* is
        the folded span, words joined by single spaces and hyphens."""
        return [c for c in self._known(latin, language) if len(PARTS.split(c.cyrillic)) == parts]

    def _search_known(self, latin: str, language: str) -> list[Candidate]:
        """The known names of *language* that *latin* spells: exact ones from the index and by
        the search kept to known names (checked against the systems their path allows)."""
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
                out[cyr] = Candidate(cyr, EXACT_KNOWN + prior, systems, True)
            elif not indexed and reader.near(latin, cyr):
                out[cyr] = Candidate(cyr, EXACT_KNOWN - MARKS_LEFT_OUT + prior, systems, True)
            else:
                out[cyr] = Candidate(cyr, chan + prior, frozenset(), True)
        # the names the beam may have missed that a system writes so (the walk misses none)
        for cyr, score, systems in self.unindexed_exact(latin, language) or ():
            old = out.get(cyr)
            if old is None or old.score < score:
                out[cyr] = Candidate(cyr, score, systems, True)
        return ordered_candidates(out.values(), reader)

    def _read(self, latin: str, language: str) -> list[Candidate]:
        reader = self.readers[language]
        letters = sum(1 for c in latin if c.isalpha())
        if letters > MAX_WORD_LETTERS:
            text = reader.greedy(latin)
            if mixes_scripts(text):
                return []
            return [Candidate(text, -UNKNOWN_PENALTY - 10.0 * letters, frozenset(), False)]
        out = {c.cyrillic: c for c in self._known(latin, language)}
        unknown: list[tuple[Candidate, int]] = []
        for _score, chan, cyr, mask in reader.search(latin, BEAM_WIDTH):
            if cyr in out:
                continue
            prior = self.names.prior(cyr, language)
            if prior is not None:  # a known name the lexicon search missed
                out[cyr] = Candidate(cyr, chan + prior, frozenset(), True)
                continue
            fit = reader.fit(cyr)
            score = chan + fit * LETTER_MODEL_WEIGHT - UNKNOWN_PENALTY
            unknown.append((Candidate(cyr, score, frozenset(), False, fit), mask))
        for system in reader.reversible:
            cyr = cyrillic_key(system.cyrillize(latin))
            if mixes_scripts(cyr):  # a letter the system does not read, kept as it is
                continue
            if cyr and cyr not in out and all(cyr != c.cyrillic for c, _ in unknown):
                chan = reader.align(latin, cyr)
                prior = self.names.prior(cyr, language)
                if prior is not None and chan > -math.inf:
                    out[cyr] = Candidate(cyr, chan + prior, frozenset(), True)
                elif chan > -math.inf:
                    fit = reader.fit(cyr)
                    score = chan + fit * LETTER_MODEL_WEIGHT - UNKNOWN_PENALTY
                    unknown.append((Candidate(cyr, score, frozenset(), False, fit), reader.every))
        # only the likelier unknown readings can climb by being some system's exact spelling
        unknown.sort(key=lambda u: -u[0].score)
        for candidate, mask in unknown[:EXACT_CHECKS]:
            if mask:
                candidate.systems = reader.exact(latin, candidate.cyrillic, mask)
            if candidate.systems:
                candidate.score += EXACT_UNKNOWN
            elif reader.near(latin, candidate.cyrillic):
                candidate.score += EXACT_UNKNOWN - MARKS_LEFT_OUT
        return best_of([*out.values(), *(c for c, _ in unknown)], reader)


def tier_a(c: Candidate) -> bool:
    """A known name that a system writes as the input, exactly or but for marks."""
    return c.known and c.score > EXACT_KNOWN / 2


def best_of(found: Iterable[Candidate], reader: Reader) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for c in found:
        old = best.get(c.cyrillic)
        if old is None or old.score < c.score:
            best[c.cyrillic] = c
    return ordered_candidates(best.values(), reader)[:WORD_READINGS]


def ordered_candidates(found: Iterable[Candidate], reader: Reader) -> list[Candidate]:
    """Best score first; among equal scores, the reading the letter model finds likelier."""

    def fit(c: Candidate) -> tuple[float, str]:
        if c.fit is None:
            c.fit = reader.fit(c.cyrillic)
        return (-c.fit, c.cyrillic)

    return tie_sorted(list(found), lambda c: c.score, fit)


def tie_sorted(items: list[Any], score: Any, tie: Any) -> list[Any]:
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


_model: Model | None = None
_model_lock = threading.Lock()


def lexicon_of(lexicon: Any) -> Iterable[tuple[str, int, Iterable[str]]]:
    """(word, weight, languages) rows of *lexicon* as build_model() takes it."""
    if lexicon is True:
        return packaged_rows()
    if lexicon is None:
        return ()
    if hasattr(lexicon, "get"):
        return lexicon_rows(lexicon)
    return lexicon  # type: ignore[no-any-return]


def reader_ids() -> list[str]:
    """The systems read back: every table but those with an output form (the MRZ), which
    read as their base does (a form is not a spelling of running text).  The shipped model
    is built from, and its digest taken over, exactly these."""
    return [i for i in system_ids() if load_table(i).form is None]


def build_model(lexicon: Any = True) -> Model:
    """The model from the tables in tables/ and *lexicon*: True for the packaged lexicon (its
    parts loaded from the shipped file when it is up to date, see translit.reverse.prepared),
    a translit.lexicon.Lexicon, (word, weight, languages) rows, or None for no lexicon (the
    letter models are then trained on the tables' examples)."""
    ids = reader_ids()
    tables = [load_table(i) for i in ids]
    systems = [system_by_id(i) for i in ids]
    parts = prepared.load(prepared.digest(ids)) if lexicon is True else None
    if parts is None:
        parts = prepared.build(tables, systems, lexicon_of(lexicon))
    return Model(tables, systems, parts)


def get_model() -> Model:
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = build_model()
    return _model
