"""The lexicon as the searches need it: each language's names sorted, with their weights.

The lexicon (translit.lexicon: given names, surnames, patronymics and places, with weights)
is the prior: a known name beats an unknown one, a frequent name a rare one.
"""

from __future__ import annotations

import gzip
import math
from array import array
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from ..tables import LANGUAGES
from .packed import PackedWords, unsigned
from .settings import FLOOR_PRIOR


class Names:
    """The lexicon's names: each language's names sorted (for prefix searches) with weights."""

    def __init__(
        self, sorted_names: dict[str, PackedWords], weights: dict[str, array[int]], total: int
    ) -> None:
        self.sorted = sorted_names
        self.weights = weights
        self.total = total

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int, Iterable[str]]]) -> Names:
        """From (word, weight, languages) rows; rows of no weight are left out."""
        per: dict[str, list[tuple[str, int]]] = {language: [] for language in LANGUAGES}
        total = 0
        for word, weight, languages in rows:
            if weight <= 0:
                continue
            total += weight
            for language in languages:
                if language in per:
                    per[language].append((word, weight))
        sorted_names: dict[str, PackedWords] = {}
        weights: dict[str, array[int]] = {}
        for language, pairs in per.items():
            pairs.sort()
            sorted_names[language] = PackedWords.of(w for w, _ in pairs)
            weights[language] = unsigned("I", (weight for _, weight in pairs))
        return cls(sorted_names, weights, max(total, 1))

    def weight(self, word: str, language: str) -> int:
        """The word's weight if it is a name of the language, else 0."""
        words = self.sorted[language]
        i = words.bisect_left(word)
        return self.weights[language][i] if i < len(words) and words[i] == word else 0

    def prior(self, word: str, language: str) -> float | None:
        """log of the word's share of the lexicon's weight; None if not a name of the language."""
        weight = self.weight(word, language)
        return max(FLOOR_PRIOR, math.log(weight / self.total)) if weight else None

    def by_weight(self, language: str) -> list[str]:
        """The language's names, most frequent first (ties in alphabetical order)."""
        weights = self.weights[language]
        order = sorted(range(len(weights)), key=lambda i: -weights[i])
        words = self.sorted[language]
        return [words[i] for i in order]


def packaged_rows() -> Iterator[tuple[str, int, list[str]]]:
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


def lexicon_rows(lexicon: Any) -> Iterator[tuple[str, int, Iterable[str]]]:
    """(word, weight, languages) of a translit.lexicon.Lexicon, one lookup per word."""
    for word in lexicon:
        entry = lexicon.get(word)
        if entry is not None:
            yield entry.word, int(entry.weight), entry.languages


def is_prefix(words: PackedWords, text: str) -> bool:
    i = words.bisect_left(text)
    return i < len(words) and words[i].startswith(text)


def is_word(words: PackedWords, text: str) -> bool:
    i = words.bisect_left(text)
    return i < len(words) and words[i] == text

