"""The channel: every row of every table, read backwards, as (Latin chunk, Cyrillic key) pairs.

A pair weighs the share of the language's systems that write it; the other two languages'
systems count a little (people spell Ukrainian names the Russian way and back), and so does
each spelling without its diacritics; _EXTRA adds a few spellings that no table writes but
people do.  Contexts are honoured: a pair is used only where some table writes it, looking at
the Cyrillic letters on both sides, and each pair knows which systems of the language write it
there.  A new table is picked up with no code.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

from unidecode import unidecode

from ..tables import Context
from .settings import CROSS_LANGUAGE, WITHOUT_DIACRITICS
from .spelling import (
    AFTER_SEPARATOR,
    ALPHABETS,
    EDGE,
    OTHER,
    SEPARATOR_CHARS,
    SIGNS,
    VOWELS,
    bare,
    reading_form,
)

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




class Pair:
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
Row = tuple[str, str, float, "tuple[tuple[Context, ...], int] | None", int]


class Channel:
    """The pairs of one language, with their contexts, and the checks the searches need."""

    def __init__(self, language: str, rows: Sequence[Row]) -> None:
        self.language = language
        self.alphabet = frozenset(ALPHABETS[language])
        self.after_separator = AFTER_SEPARATOR[language]
        pairs: dict[tuple[str, str], Pair] = {}
        for latin, cyrillic, weight, how, bit in rows:
            pair = pairs.setdefault((latin, cyrillic), Pair(latin, cyrillic))
            pair.weight += weight
            if how is None:
                pair.always = True
            else:
                pair.variants.append(how)
            if bit:
                pair.own.append((bit, None, 0) if how is None else (bit, how[0], how[1]))
        self.by_latin: dict[str, list[Pair]] = {}
        self.silent: list[Pair] = []  # letters some system leaves unwritten (ь, ʼ, ъ)
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
        self.own_by_latin: dict[str, list[Pair]] = {}
        self.own_by_bare: dict[str, list[Pair]] = {}
        self.own_silent: list[Pair] = []
        self.own_silent_bare: list[Pair] = []
        for pair in pairs.values():
            if not pair.own:
                continue
            unmarked = bare(pair.latin)
            if pair.latin:
                self.own_by_latin.setdefault(pair.latin, []).append(pair)
            else:
                self.own_silent.append(pair)
            if unmarked:
                self.own_by_bare.setdefault(unmarked, []).append(pair)
            else:
                self.own_silent_bare.append(pair)
        self.own_max_chunk = max((len(k) for k in self.own_by_latin), default=1)
        #: every character some system of the language writes
        self.own_chars = frozenset(SEPARATOR_CHARS).union(
            c for latin in self.own_by_latin for c in latin
        )
        self.symbols = (*ALPHABETS[language], EDGE, OTHER)
        # Cyrillic letter → the systems of the language that write a mark for it somewhere
        self.marked: dict[str, int] = {}
        for latin, cyrillic, _weight, _how, bit in rows:
            if bit and bare(latin) != latin:
                for letter in cyrillic:
                    self.marked[letter] = self.marked.get(letter, 0) | bit

    def chunks(self, text: str, start: int) -> Iterator[tuple[str, list[Pair]]]:
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
        if first in SIGNS and (prev == EDGE or prev in VOWELS or prev in SIGNS):
            return False
        if first == "й" and prev == "й":
            return False
        if last in ("ʼ", "ъ") and nxt not in self.after_separator:
            return False
        if prev in ("ʼ", "ъ") and first not in self.after_separator:
            return False
        return not (last in SIGNS and nxt in SIGNS)

    def valid(self, pair: Pair, prev: str, nxt: str) -> bool:
        """Whether some source writes *pair* between these letters, where the language may."""
        if not self.fits(prev, pair.cyrillic, nxt):
            return False
        return pair.always or any(
            _first_holding(contexts, prev, nxt) == index for contexts, index in pair.variants
        )

    def allowed_next(self, pair: Pair, prev: str) -> frozenset[str] | None:
        """After *prev*, the letters *pair* may stand before: None for any, an empty set if
        the pair cannot follow *prev* at all."""
        try:
            return pair.after[prev]
        except KeyError:
            allowed = frozenset(s for s in self.symbols if self.valid(pair, prev, s))
            done = None if len(allowed) == len(self.symbols) else allowed
            pair.after[prev] = done
            return done

    def mask(self, pair: Pair, prev: str) -> int:
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


def channel_rows(language: str, tables: Sequence[Any], bits: dict[str, int]) -> list[Row]:
    """The rows of *language*'s channel from every table (*bits*: own system id → bit)."""
    alphabet = frozenset(ALPHABETS[language])
    own = [t for t in tables if t.language == language]
    other = [t for t in tables if t.language != language]
    rows: list[Row] = []
    for group, share in ((own, 1.0 - CROSS_LANGUAGE), (other, CROSS_LANGUAGE)):
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
                    latin = reading_form(context.to)
                    how = None if plain else (contexts, index)
                    if (latin, key, index) not in seen:
                        seen.add((latin, key, index))
                        rows.append((latin, key, weight, how, bit))
                    stripped = _strip_diacritics(latin)
                    if stripped != latin and (stripped, key, index) not in seen:
                        seen.add((stripped, key, index))
                        rows.append((stripped, key, weight * WITHOUT_DIACRITICS, how, 0))
    per_system = (1.0 - CROSS_LANGUAGE) / max(1, len(own))
    for latin, cyrillic, languages, share in _EXTRA:
        if language in languages.split() and set(cyrillic) <= alphabet:
            rows.append((reading_form(latin), cyrillic, share * per_system, None, 0))
    return rows

