"""The letter model: a character 5-gram model of each language, trained on the lexicon's names,
says how much a reading looks like a name of the language (Щербаков, not Шчербаков).

Its counts are kept per order as sorted fixed-width texts with arrays of counts (read by
bisect), so that a model of a hundred thousand n-grams takes a few megabytes and loads from the
shipped file without training (see translit.reverse.prepared).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

from ..memo import bounded
from .packed import FixedWords, unsigned
from .settings import LETTER_MEMO

BOS = "\x02"
EOS = "\x03"
ORDER = 5
DISCOUNT = 0.75

#: per order: the n-grams seen (sorted) and their counts
Grams = tuple[FixedWords, "array[int]"]
#: per order: the histories seen (sorted), the count of the grams each begins, and their types
Histories = tuple[FixedWords, "array[int]", "array[int]"]


class LetterModel:
    """A character n-gram model with interpolated absolute discounting."""

    def __init__(
        self, grams: Sequence[Grams], histories: Sequence[Histories],
        order: int = ORDER, discount: float = DISCOUNT,
    ) -> None:
        self.order = order
        self.discount = discount
        self.start = BOS * (order - 1)
        self.grams = list(grams)  # index k - 1 holds the k-grams
        self.histories = list(histories)  # index k - 1 holds the histories of k letters
        self.unigrams = sum(self.grams[0][1]) if self.grams else 0
        self.vocabulary = (len(self.grams[0][0]) if self.grams else 0) + 1
        self._probability = bounded(LETTER_MEMO)(self._prob)
        # a history is asked once per letter that may follow it
        self._history_of = bounded(LETTER_MEMO)(self._history)
        #: log P(key[-1] | key[:-1]) for a key of *order* characters, memoized
        self.log_prob = bounded(LETTER_MEMO)(self._log_prob)

    def _count(self, gram: str) -> int:
        if not 0 < len(gram) <= len(self.grams):
            return 0
        words, counts = self.grams[len(gram) - 1]
        i = words.bisect_left(gram)
        return counts[i] if i < len(words) and words[i] == gram else 0

    def _history(self, history: str) -> tuple[int, int]:
        """(total count, types) of the grams that *history* begins; (0, 0) if none."""
        if not 0 < len(history) <= len(self.histories):
            return 0, 0
        words, totals, types = self.histories[len(history) - 1]
        i = words.bisect_left(history)
        if i < len(words) and words[i] == history:
            return totals[i], types[i]
        return 0, 0

    def _prob(self, key: str) -> float:
        """P(key[-1] | key[:-1]), memoized at every order (through self._probability)."""
        if len(key) == 1:
            return (self._count(key) + 1) / (self.unigrams + self.vocabulary)
        lower = self._probability(key[1:])
        total, types = self._history_of(key[:-1])
        if not total:
            return lower
        d = self.discount
        return (max(self._count(key) - d, 0.0) + d * types * lower) / total

    def _log_prob(self, key: str) -> float:
        return math.log(self._probability(key))

    def clear_memos(self) -> None:
        self._probability.cache_clear()
        self._history_of.cache_clear()
        self.log_prob.cache_clear()

    def logp(self, history: str, char: str) -> float:
        """log P(char | history), history being order-1 characters."""
        return self.log_prob(history + char)

    def score(self, word: str) -> float:
        history = self.start
        total = 0.0
        for c in word:
            total += self.log_prob(history + c)
            history = history[1:] + c
        return total + self.log_prob(history + EOS)


def train(words: Iterable[str], order: int = ORDER) -> LetterModel:
    """The model of *words*: every n-gram of each word padded with BOS and EOS counted."""
    start = BOS * (order - 1)
    padded = [start + w + EOS for w in words]
    # count the longest grams only; a shorter gram's count is the sum over its extensions
    level: Counter[str] = Counter(
        [s[i - order + 1 : i + 1] for s in padded for i in range(order - 1, len(s))]
    )
    counted: dict[str, int] = dict(level)
    for _ in range(order - 1):
        shorter: Counter[str] = Counter()
        for gram, count in level.items():
            shorter[gram[1:]] += count
        counted.update(shorter)
        level = shorter
    total: dict[str, int] = {}
    types: dict[str, int] = {}
    for gram, count in counted.items():
        if len(gram) > 1:
            history = gram[:-1]
            total[history] = total.get(history, 0) + count
            types[history] = types.get(history, 0) + 1
    grams: list[Grams] = []
    histories: list[Histories] = []
    for k in range(1, order + 1):
        seen = sorted(g for g in counted if len(g) == k)
        grams.append((FixedWords("".join(seen), k), unsigned("I", (counted[g] for g in seen))))
        if k < order:
            heads = sorted(h for h in total if len(h) == k)
            histories.append((FixedWords("".join(heads), k),
                              unsigned("I", (total[h] for h in heads)),
                              unsigned("I", (types[h] for h in heads))))
    return LetterModel(grams, histories, order)
