"""group(): the names of a list grouped as one name, by key or by block keys and same_name.

Two ways to group, as translit.normalize and translit.blocking describe the two levels:

* ``by="key"`` (the default): names with one key are one group.  Precise (for joins and
  storage); Дніпро and Днепр, Dainega and Deineha stay apart.
* ``by="same_name"``: names that share a block key and that same_name() takes are joined, two
  groups at a time, where same_name() takes at least half the pairs of their spellings
  (LINKAGE: average linkage, not connected components, so that one weak pair does not bridge
  two names).  More spellings of one name come together than by the key, and more different
  names too (benchmarks/RESULTS.md, section "key", measures both on 91,000 labelled names).
  Equal keys do not always join here: same_name() keeps apart key-equal names whose vowels
  differ beyond the Russian, Ukrainian and Belarusian alternations (Макіївка / Мокіївка).

Every group says why its members are in it: ``Group.merges`` is a spanning tree of the
group, one Merge per member but the first, each naming the pair it joined and the reason
(``"key"``: equal keys; ``"reading"``: one key under a convention's reading of each;
``"marks"``: two Latin spellings, one without the other's marks: Mežova / Mezova).
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .batch import names_of
from .blocking import _latin_alike, _name_blocks, _plain_blocks, same_name
from .normalize import _WORDS, _prepare, key
from .systems import romanize

__all__ = ["Group", "Merge", "group", "representative"]

#: The ways group() groups.
BY = ("key", "same_name")


@dataclass(frozen=True)
class Merge:
    """Why two names of a group are in it: the input positions of the pair, and the reason."""

    first: int
    second: int
    reason: str  # "key", "reading" or "marks"


@dataclass(frozen=True)
class Group:
    """Names grouped as one name, in input order, with the spelling that represents them.

    ``key`` is the key the members share (by="key"), or the representative's key (by="same_name",
    where members may have other keys).  ``merges`` joins every member to the group (a spanning
    tree, one Merge per member after the first; empty for a group of one).
    """

    key: str
    representative: str
    names: tuple[str, ...]
    indices: tuple[int, ...]
    merges: tuple[Merge, ...] = ()

    @property
    def size(self) -> int:
        return len(self.names)


def group(names: Iterable[Any], *, by: Literal["key", "same_name"] = "key") -> list[Group]:
    """The input names grouped: nothing dropped, input order kept inside each group.

    *by* is "key" (names with equal keys) or "same_name" (names that share a block key and
    that same_name() takes, joined by average linkage): see the module's docstring.

    Blank and placeholder names ("", "-", "n/a" …: key "") each form a group of their own:
    two unknowns are not one name.  Missing values (None, NaN, pandas.NA, Arrow nulls) are in
    no group; a bare str is a TypeError (it is one name, not a batch).

    Groups come largest first (ties: in order of first appearance).  The representative is the
    most frequent spelling; among equally frequent ones, a spelling in Latin letters that the
    key's language's default system writes (the standard spelling), else the first seen.
    """
    if by not in BY:
        raise ValueError(f"group(by={by!r}): by is one of {', '.join(map(repr, BY))}")
    items = names_of(names, "group")
    keys: dict[str, str] = {}  # each distinct spelling's key, computed once
    members: dict[str, list[int]] = {}  # key -> input positions
    alone: list[Group] = []
    for index, name in enumerate(items):
        if name is None:
            continue  # a missing value is no name: in no group
        k = keys.get(name)
        if k is None:
            k = keys[name] = key(name)
        if k:
            members.setdefault(k, []).append(index)
        else:  # blank or a placeholder: never grouped with another
            alone.append(Group("", name, (name,), (index,)))
    if by == "key":
        parts = [(idx, _key_merges(idx)) for idx in members.values()]
    else:
        parts = _same_name_parts(items, keys, members)
    groups = []
    for idx, merges in parts:
        spellings = [items[i] or "" for i in idx]
        chosen = representative(spellings)
        groups.append(Group(keys[chosen], chosen, tuple(spellings), tuple(idx), tuple(merges)))
    groups += alone
    groups.sort(key=lambda g: (-g.size, g.indices[0]))
    return groups


def _key_merges(idx: Sequence[int]) -> list[Merge]:
    """A key group's tree: every member joined to the first by the key."""
    return [Merge(idx[0], i, "key") for i in idx[1:]]


#: by="same_name" joins two groups when same_name() takes at least this share of the pairs of
#: their spellings (average linkage).  Connected components (any one pair joins two groups)
#: let one weak pair bridge two names and then every spelling of both: measured on the
#: labelled collection of benchmarks/bench_key.py, components gave precision 0.881 at recall
#: 0.794, this rule 0.928 at 0.757, as precise as same_name's pairs themselves (section "key").
LINKAGE = 0.5


def _same_name_parts(
    items: Sequence[str | None], keys: dict[str, str], members: dict[str, list[int]]
) -> list[tuple[list[int], list[Merge]]]:
    """The groups of the distinct spellings by the pairs that share a block key and that
    same_name() takes (average linkage): starting from one group per spelling, the two groups
    with the largest share of their spellings' pairs linked are joined, while that share is at
    least LINKAGE.  Ties go to the pair whose first link comes first (equal keys before
    readings, then the spellings in sorted order: the groups do not depend on the input's
    order).  Each join's first link is a Merge of the group's spanning tree."""
    positions: dict[str, list[int]] = defaultdict(list)  # spelling -> its input positions
    for idx in members.values():
        for i in idx:
            positions[items[i] or ""].append(i)
    # Spellings with one key and the same words (case, word order and punctuation aside:
    # KOVAL, Ivan / Ivan Koval) are one name for same_name (its rules read words, in any
    # order): one class, compared once, its pairs all linked.
    classes: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for spelling in sorted(positions):
        classes[keys[spelling], _words_of(spelling)].append(spelling)
    alike = list(classes.values())  # each class's spellings, sorted; classes by their first
    spellings = [a[0] for a in alike]  # (so in sorted order too)
    by_block: dict[str, list[int]] = defaultdict(list)
    for n, spelling in enumerate(spellings):
        for block in _name_blocks(spelling)[0]:  # same_name takes no looser fold
            by_block[block].append(n)
        for block in _plain_blocks(spelling):  # and block_keys' ~ keys of Latin spellings
            by_block[block].append(n)  # without marks (_latin_alike)
    candidates: set[tuple[int, int]] = set()
    for block_members in by_block.values():
        for x_at, x in enumerate(block_members):
            candidates.update((x, y) for y in block_members[x_at + 1:])
    # equal keys first, then the readings' pairs
    links = sorted((p for p in candidates if same_name(spellings[p[0]], spellings[p[1]])),
                   key=lambda p: (keys[spellings[p[0]]] != keys[spellings[p[1]]], p))

    parent = list(range(len(spellings)))  # each class's group, as a tree
    size = [len(a) for a in alike]  # a group's spellings
    version = [0] * len(spellings)  # a group's, bumped at each join (older heap entries stale)
    # group -> group -> [links between them, the first such link (its rank in links)]
    between: list[dict[int, list[int]]] = [{} for _ in spellings]
    heap: list[tuple[float, int, int, int, int, int]] = []
    for rank, (x, y) in enumerate(links):  # every pair of the two classes' spellings linked
        count = size[x] * size[y]
        between[x][y], between[y][x] = [count, rank], [count, rank]
        heap.append((-1.0, rank, x, y, 0, 0))
    heapq.heapify(heap)
    joins: list[tuple[int, int]] = []
    while heap:  # the two groups with the largest share of linked pairs first
        share, rank, gx, gy, vx, vy = heapq.heappop(heap)
        if -share < LINKAGE:
            break
        if version[gx] != vx or version[gy] != vy or parent[gx] != gx or parent[gy] != gy:
            continue
        if len(between[gx]) < len(between[gy]):
            gx, gy = gy, gx
        parent[gy] = gx
        size[gx] += size[gy]
        version[gx] += 1
        version[gy] += 1
        joins.append(links[rank])
        for other, (count, first) in between[gy].items():
            if other == gx:
                continue
            entry = between[gx].setdefault(other, [0, first])
            entry[0] += count
            entry[1] = min(entry[1], first)
            del between[other][gy]
            between[other][gx] = [entry[0], entry[1]]
        between[gx].pop(gy, None)
        between[gy] = {}
        for other, (count, first) in between[gx].items():
            heapq.heappush(heap, (-count / (size[gx] * size[other]), first, gx, other,
                                  version[gx], version[other]))

    def find(n: int) -> int:
        while parent[n] != n:
            n = parent[n]
        return n

    components: dict[int, list[int]] = defaultdict(list)
    trees: dict[int, list[Merge]] = defaultdict(list)
    for n, spelling in enumerate(spellings):
        root = find(n)
        for member in alike[n]:
            idx = positions[member]
            components[root].extend(idx)
            trees[root].extend(_key_merges(idx))  # a spelling's repeats: one name, one key
            if member != spelling:  # the class's other spellings: one key, the same words
                trees[root].append(Merge(positions[spelling][0], idx[0], "key"))
    for x, y in joins:
        a, b = spellings[x], spellings[y]
        trees[find(x)].append(Merge(positions[a][0], positions[b][0], _reason(a, b, keys)))
    return [(sorted(idx), trees[root]) for root, idx in components.items()]


def _words_of(spelling: str) -> tuple[str, ...]:
    """A spelling's words as same_name reads them (lowercase, NFC), in sorted order."""
    return tuple(sorted(_WORDS.findall(_prepare(spelling))))


def _reason(a: str, b: str, keys: dict[str, str]) -> str:
    """Why same_name() took the pair: the key, a convention's reading of each, or the marks."""
    if keys[a] == keys[b]:
        return "key"
    return "marks" if _latin_alike(a, b) else "reading"


def representative(spellings: Sequence[str]) -> str:
    """The most frequent spelling; ties go to the standard one, then to the first seen."""
    counts = Counter(spellings)
    best = max(counts.values())
    tied = [s for s in dict.fromkeys(spellings) if counts[s] == best]
    if len(tied) > 1:
        standard = {romanize(s) for s in tied if not s.isascii()}
        for s in tied:
            if s in standard:
                return s
    return tied[0]
