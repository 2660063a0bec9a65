"""The letter model: a character 5-gram model of each language, trained on the lexicon's names,
says how much a reading looks like a name of the language (Щербаков, not Шчербаков)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .settings import LETTER_MEMO

BOS = "\x02"
EOS = "\x03"


class LetterModel:
    """A character n-gram model with interpolated absolute discounting."""

    def __init__(self, words: Iterable[str], order: int = 5, discount: float = 0.75) -> None:
        self.order = order
        self.discount = discount
        self.start = BOS * (order - 1)
        padded = [self.start + w + EOS for w in words]
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
        self._probability = lru_cache(maxsize=LETTER_MEMO)(self._prob)
        #: log P(key[-1] | key[:-1]) for a key of *order* characters, memoized
        self.log_prob = lru_cache(maxsize=LETTER_MEMO)(self._log_prob)

    def _prob(self, key: str) -> float:
        """P(key[-1] | key[:-1]), memoized at every order (through self._probability)."""
        if len(key) == 1:
            return (self.grams.get(key, 0) + 1) / (self.unigrams + self.vocabulary)
        lower = self._probability(key[1:])
        history = key[:-1]
        total = self.total.get(history)
        if not total:
            return lower
        d = self.discount
        count = self.grams.get(key, 0)
        return (max(count - d, 0.0) + d * self.types[history] * lower) / total

    def _log_prob(self, key: str) -> float:
        return math.log(self._probability(key))

    def clear_memos(self) -> None:
        self._probability.cache_clear()
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
