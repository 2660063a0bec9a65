"""The counting of benchmarks/bench_key.py (precision and recall over key buckets) on small
collections made by hand, and against counting every pair one by one."""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from tests.scripts import load_script

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_key.py"


bench = load_script("benchmarks/bench_key.py")

# (text, identity, script, key): Харьков keyed apart from Харків (a miss); Kozlov and Kozlovo
# share a key (a false match); Leninskiy spells two identities (Ленинский, Ленинск): the pair of
# the two identical strings is no match; Charkiw has no key (it matches nothing).
HAND = [
    ("Kharkiv", "харків", "latin", "h"),
    ("Kharkov", "харків", "latin", "h"),
    ("Харків", "харків", "cyrillic", "h"),
    ("Харьков", "харків", "cyrillic", "x"),
    ("Charkiw", "харків", "latin", ""),
    ("Kozlov", "козлов", "latin", "k"),
    ("Kozlovo", "козлово", "latin", "k"),
    ("Козлово", "козлово", "cyrillic", "k"),
    ("Leninskiy", "ленинский", "latin", "l"),
    ("Leninskiy", "ленинск", "latin", "l"),
    ("Ленинск", "ленинск", "cyrillic", "l"),
    ("Ленинский", "ленинский", "cyrillic", "l2"),
]


def _collection(rows: list[tuple[str, str, str, str]]) -> tuple[list[Any], list[str]]:
    return [bench.Name(t, i, s) for t, i, s, _ in rows], [k for *_, k in rows]


def test_hand_made_collection_counts_as_worked_out_by_hand() -> None:
    names, keys = _collection(HAND)
    c = bench.count(names, keys)
    # pairs of one name: харків 3 Latin (Kharkiv, Kharkov, Charkiw) → 3 LL, 2 Cyrillic → 1 CC,
    # 3 × 2 = 6 across; козлово, ленинский, ленинск 1 across each
    assert c.same == {"latin": 3, "cyrillic": 1, "cross": 9}
    # buckets: h (3 pairs, all right), k (3 pairs, 1 right), l (3 pairs less the identical
    # Leninskiy pair = 2, 1 right)
    assert c.key_pairs == 8
    assert c.right == {"latin": 1, "cyrillic": 0, "cross": 4}
    assert (c.right_pairs, c.false_pairs) == (5, 3)
    assert c.precision == pytest.approx(5 / 8)
    assert c.recall() == pytest.approx(5 / 13)
    assert c.recall("latin") == pytest.approx(1 / 3)
    assert c.recall("cyrillic") == 0
    assert c.recall("cross") == pytest.approx(4 / 9)
    assert c.names == 12 and c.keyless == 1
    assert c.false_per_10k == pytest.approx(3 / 12 * 10_000)
    # 66 pairs, less 1 identical, less 13 of one name: 52 pairs of different names
    assert c.different == 52
    assert c.kept_apart == pytest.approx(1 - 3 / 52)


def test_false_matches_by_bucket_add_up_to_the_count() -> None:
    names, keys = _collection(HAND)
    ranked, classes = bench.merges(bench.buckets(names, keys))
    assert [(false, k) for false, k, _ in ranked] == [(2, "k"), (1, "l")]
    assert sum(classes.values()) == bench.count(names, keys).false_pairs


def test_misses_are_the_pairs_of_one_name_the_keys_split() -> None:
    names, keys = _collection(HAND)
    sample, classes = bench.misses(names, keys, n=100)
    c = bench.count(names, keys)
    assert sum(classes.values()) == sum(c.same.values()) - c.right_pairs == 8
    assert {(a.text, b.text) for a, b, _, _ in sample} >= {("Kharkiv", "Харьков"),
                                                           ("Kharkiv", "Charkiw")}


def _by_every_pair(names: list[Any], keys: list[str]) -> tuple[int, dict[str, int], dict[str, int]]:
    key_pairs = 0
    right = {"latin": 0, "cyrillic": 0, "cross": 0}
    same = {"latin": 0, "cyrillic": 0, "cross": 0}
    for (a, ka), (b, kb) in combinations(zip(names, keys, strict=True), 2):
        if a.form == b.form:
            continue
        kind = a.script if a.script == b.script else "cross"
        if a.identity == b.identity:
            same[kind] += 1
        if ka and ka == kb:
            key_pairs += 1
            if a.identity == b.identity:
                right[kind] += 1
    return key_pairs, right, same


@pytest.mark.parametrize("seed", range(40))
def test_bucket_counts_equal_counting_every_pair(seed: int) -> None:
    rng = random.Random(seed)
    texts = ["Kyiv", "KYIV", "Kiev", "Київ", "Киев", "Sumy", "Суми", "Сумы", "Lviv", "Львів"]
    names, keys = [], []
    for _ in range(rng.randrange(2, 30)):
        text = rng.choice(texts)
        names.append(bench.Name(text, rng.choice("abc"), bench.script(text)))
    for name in names:  # a key is a function of the string, as every method's is
        keys.append(_key_of(name.text, seed))
    c = bench.count(names, keys)
    key_pairs, right, same = _by_every_pair(names, keys)
    assert (c.key_pairs, c.right, c.same) == (key_pairs, right, same)


def _key_of(text: str, seed: int) -> str:
    return random.Random(f"{seed}:{text.casefold()}").choice(["", "p", "q", "r"])


@pytest.mark.parametrize("seed", range(20))
def test_blocked_pairs_and_their_counts_equal_counting_every_pair(seed: int) -> None:
    """A name's block keys as a set: the pairs sharing one are counted as key-equal pairs are
    (one key per name is the special case that must give count()'s figures)."""
    rng = random.Random(seed)
    texts = ["Kyiv", "KYIV", "Kiev", "Київ", "Киев", "Sumy", "Суми", "Сумы", "Lviv", "Львів"]
    names = []
    for _ in range(rng.randrange(2, 30)):
        text = rng.choice(texts)
        names.append(bench.Name(text, rng.choice("abc"), bench.script(text)))
    keys = [_key_of(n.text, seed) for n in names]
    single = [frozenset({k}) if k else frozenset() for k in keys]
    c = bench.count(names, keys)
    p = bench.pair_counts(names, bench.blocked_pairs(single))
    assert (p.key_pairs, p.right, p.same, p.different) == (c.key_pairs, c.right, c.same,
                                                           c.different)
    blocks = [frozenset(_key_of(f"{n.text}{i}", seed) for i in range(3)) - {""} for n in names]
    shared = {(i, j) for i, j in combinations(range(len(names)), 2) if blocks[i] & blocks[j]}
    assert bench.blocked_pairs(blocks) == {i * len(names) + j for i, j in shared}
    groups = bench._components(len(names), bench.blocked_pairs(blocks))
    for i, j in shared:
        assert groups[i] == groups[j]


def test_a_group_numbered_0_is_a_group() -> None:
    """Labels from _components are numbers: the component of the first name is 0, which is a
    key like any other (it was once dropped as falsy, and the first name's group with it)."""
    names = [bench.Name(t, "a", bench.script(t)) for t in ("Kyiv", "Kiev", "Sumy")]
    labels = bench._components(3, {0 * 3 + 1})
    assert labels[0] == 0
    assert bench._partition(labels) == {frozenset({0, 1})}
    assert bench.count(names, labels).key_pairs == 1
    assert bench.count(names, [None, "", ()]).key_pairs == 0


persons = load_script("benchmarks/bench_persons.py")


def test_people_merged_and_sharing_a_spelling_as_worked_out_by_hand() -> None:
    """Ilhar spells Ільгар and Ілгар (the national system): the two people share a spelling,
    and a label that puts Ilhar with another spelling of either merges them; a label that
    leaves Ilhar alone does not.  Two people whose spellings meet only by one string (the
    same string, one label) are not merged: a string cannot tell them apart."""
    rows = [("Ілгар Коваль", "p1", "cyrillic"), ("Ilhar Koval", "p1", "latin"),
            ("Ільгар Коваль", "p2", "cyrillic"), ("Ilhar Koval", "p2", "latin"),
            ("Ivan Koval", "p3", "latin"), ("Іван Коваль", "p3", "cyrillic")]
    names = [bench.Name(t, i, s) for t, i, s in rows]
    assert bench.sharing_a_spelling(names) == {("p1", "p2")}
    together = ["a", "a", "a", "a", "b", "b"]  # Ilhar with both Cyrillic forms: merged
    merged, shown = persons.merged_people(names, together)
    assert merged == {("p1", "p2")} and [len(texts) for _, texts in shown] == [2]
    alone = ["a", "x", "b", "x", "c", "c"]  # Ilhar by itself: only the one string meets
    assert persons.merged_people(names, alone)[0] == set()
    wrong = ["a", "a", "b", "b", "a", "a"]  # p1 and p3 share a label through Іван Коваль
    assert persons.merged_people(names, wrong)[0] == {("p1", "p3")}
