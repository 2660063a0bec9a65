"""group(): the names of a list grouped as one name, by key or by block keys and same_name.

Two ways to group, as translit.normalize and translit.blocking describe the two levels:

* ``by="key"`` (the default): names with one key are one group.  Precise (for joins and
  storage); Дніпро and Днепр, Dainega and Deineha stay apart.
* ``by="same_name"``: names that share a block key and that same_name() takes are joined, and
  the groups are the connected components of those pairs (transitively: a = b and b = c put
  a, b and c in one group).  More spellings of one name come together, and more different
  names too (benchmarks/RESULTS.md, section "key", measures both on 91,000 labelled names).

Every group says why its members are in it: ``Group.merges`` is a spanning tree of the
group, one Merge per member but the first, each naming the pair it joined and the reason
(``"key"``: equal keys; ``"reading"``: one key under a convention's reading of each).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .batch import names_of
from .blocking import _name_blocks, same_name
from .normalize import key
from .systems import romanize

__all__ = ["Group", "Merge", "group", "representative"]

#: The ways group() groups.
BY = ("key", "same_name")


@dataclass(frozen=True)
class Merge:
    """Why two names of a group are in it: the input positions of the pair, and the reason."""

    first: int
    second: int
    reason: str  # "key" or "reading"


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
    that same_name() takes, joined transitively): see the module's docstring.

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


def _same_name_parts(
    items: Sequence[str | None], keys: dict[str, str], members: dict[str, list[int]]
) -> list[tuple[list[int], list[Merge]]]:
    """The connected components of the pairs that share a block key and that same_name()
    takes, each with its spanning tree.  The key's groups are joined first (equal keys are
    one name); then each block key's distinct spellings are verified pair by pair, skipping
    pairs already in one component."""
    parent: dict[str, str] = {}  # union-find over the groups' keys

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            parent[k] = parent.get(parent[k], parent[k])
            k = parent[k]
        return k

    # one spelling per (key, spelling), and the position of its first use
    first_use: dict[str, int] = {}
    for idx in members.values():
        for i in idx:
            first_use.setdefault(items[i] or "", i)
    by_block: dict[str, list[str]] = defaultdict(list)
    for spelling in first_use:
        for block in sorted(_name_blocks(spelling)[0]):  # same_name takes no looser fold
            by_block[block].append(spelling)
    joins: list[tuple[str, str, str]] = []  # (spelling a, spelling b, reason)
    for block in sorted(by_block):
        spellings = by_block[block]
        for x_at, x in enumerate(spellings):
            for y in spellings[x_at + 1:]:
                rx, ry = find(keys[x]), find(keys[y])
                if rx == ry or not same_name(x, y):
                    continue
                parent[max(rx, ry)] = min(rx, ry)
                joins.append((x, y, _reason(x, y, keys)))
    components: dict[str, list[int]] = defaultdict(list)
    trees: dict[str, list[Merge]] = defaultdict(list)
    for k, idx in members.items():
        root = find(k)
        components[root].extend(idx)
        trees[root].extend(_key_merges(idx))
    for x, y, reason in joins:
        trees[find(keys[x])].append(Merge(first_use[x], first_use[y], reason))
    return [(sorted(idx), trees[root]) for root, idx in components.items()]


def _reason(a: str, b: str, keys: dict[str, str]) -> str:
    """Why same_name() took the pair: the key, or a convention's reading of each."""
    return "key" if keys[a] == keys[b] else "reading"


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
