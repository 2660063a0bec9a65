"""Bounded memos: layer 0, the one helper every module memoizes with, and every size in one place.

Names repeat in real lists (given names, surnames, place names), so the verbs remember what they
computed.  Input is unbounded, so every memo is bounded.  A :class:`Memo` keeps two generations:
a lookup that misses the young one but hits the old one promotes the entry, and when the young
generation is full it becomes the old one (the previous old one is dropped).  So the entries in
use survive a flush, memory stays at most two generations, and a stream of distinct names costs
one dict store each: no thrashing, no per-hit bookkeeping as an LRU list would need.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

__all__ = [
    "CHUNKS", "EXACT", "GREEDY", "INDEX", "LETTERS", "NAMES", "READINGS", "SEARCH", "SPELLINGS",
    "SYSTEM_SETS", "WALK", "WORDS", "Memo", "bounded", "clear_all", "memoize", "share",
]

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")

#: Space-separated chunks a romanization converter remembers (per system).
CHUNKS = 1 << 17
#: Words the key remembers (each word's key, before given-name folding).
WORDS = 1 << 17
#: Whole names the key and the readers remember.
NAMES = 1 << 16
#: Cyrillic names whose every system spelling is remembered (gazetteer lookups).
SPELLINGS = 1 << 14

# The reverse readings (translit.reverse):
#: the compiled key's word cache (translit/_key.pyx: a direct-mapped table, a power of two)
WORD_KEYS = 1 << 15
#: a word's ranked readings per language (Model.read_word, Model.known)
READINGS = 1 << 16
#: the walk's unindexed exact names per (Latin, language)
WALK = 1 << 12
#: which systems write a reading so (Reader.exact, Reader.near)
EXACT = 1 << 17
#: greedy readings of long words
GREEDY = 1 << 14
#: the letter model's probabilities per n-gram (each order, and their logs)
LETTERS = 1 << 19
#: searches of each store of sorted names (translit.reverse.packed.PackedWords)
SEARCH = 1 << 16
#: the index's entries per folded Latin (asked once per language in turn)
INDEX = 1 << 10
#: sets of system ids: per bit mask, and in the order readings list them
SYSTEM_SETS = 1 << 12


# Every memo made here, so that clear_all() can empty them (weakly held: a memo goes with its
# owner, a converter or a reading model).
_MEMOS: weakref.WeakSet[Any] = weakref.WeakSet()


def clear_all() -> None:
    """Empty every memo of the package (benchmarks measure names never seen before).  Data
    read once per process (tables, the lexicon, the gazetteer) is not a memo and stays."""
    for memo in list(_MEMOS):
        if isinstance(memo, Memo):
            memo.clear()
        else:
            memo.cache_clear()


def share(parts: int) -> None:
    """Make every Memo hold 1/*parts* of its entries (never fewer than 1,024): a worker of
    *parts* processes keeps its share, so that all of them together hold what one does."""
    for memo in list(_MEMOS):
        if isinstance(memo, Memo):
            memo.size = max(1024, memo.size // max(1, parts))


class Memo(Generic[K, V]):
    """A bounded two-generation memo; ``memo.get(k)`` is None on a miss (store no None values)."""

    __slots__ = ("__weakref__", "_old", "_young", "size")

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a memo holds at least one entry")
        self.size = size
        self._young: dict[K, V] = {}
        self._old: dict[K, V] = {}
        _MEMOS.add(self)

    def get(self, key: K) -> V | None:
        value = self._young.get(key)
        if value is None:
            value = self._old.get(key)
            if value is not None:
                self[key] = value
        return value

    def __setitem__(self, key: K, value: V) -> None:
        young = self._young
        if len(young) >= self.size:
            self._old = young
            self._young = young = {}
        young[key] = value

    def __len__(self) -> int:
        return len(self._young) + len(self._old)

    def clear(self) -> None:
        self._young = {}
        self._old = {}


def memoize(size: int) -> Callable[[Callable[[K], V]], Callable[[K], V]]:
    """A one-argument function memoized in a Memo of *size* (its ``memo`` attribute)."""

    def wrap(function: Callable[[K], V]) -> Callable[[K], V]:
        memo: Memo[K, V] = Memo(size)

        def memoized(key: K) -> V:
            value = memo.get(key)
            if value is None:
                value = function(key)
                memo[key] = value
            return value

        memoized.memo = memo  # type: ignore[attr-defined]
        memoized.__doc__ = function.__doc__
        memoized.__name__ = function.__name__
        memoized.__qualname__ = function.__qualname__
        memoized.__wrapped__ = function  # type: ignore[attr-defined]
        return memoized

    return wrap


def register(cache: Any) -> None:
    """A cache kept outside Python's objects (the compiled key's, in C memory) that clear_all()
    empties through its cache_clear(); its size is set here too (WORD_KEYS)."""
    _MEMOS.add(cache)


def bounded(size: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """A memo of a function of several (hashable) arguments, or of a bound method, that forgets
    its least recently used entries beyond *size*: functools.lru_cache, named here so that every
    memo of the package is made, and sized, in this module."""
    make = lru_cache(maxsize=size)

    def wrap(function: Callable[..., T]) -> _lru_cache_wrapper[T]:
        memo = make(function)
        _MEMOS.add(memo)
        return memo

    return wrap
