"""key() against published data (benchmarks/data/key_eval): the data loads and pairs up as
documented, and key() keeps its recall of listed spellings and its share of sampled
different-name pairs kept apart (1 - the false-merge rate per pair; not precision) on a fixed
part of it.

benchmarks/bench_key_pairs.py measures all of it against the peers (RESULTS.md, section
"key-pairs"; precision and recall over a whole collection are benchmarks/bench_key.py's);
this test only needs translit's own dependencies.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import translit
from tests.scripts import load_script

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_key_pairs.py"


bench = load_script("benchmarks/bench_key_pairs.py")

#: Recall of the core same-name pairs (the sources' own spellings, see the data README) that
#: same_name() must keep (key() or a block key and the verification), per source.  The
#: issue's target is 0.90; GeoNames' core pairs are below it, so theirs is a floor against
#: regressions, not the target.  KEY_VERSION 4: same_name() takes no pair that only the looser
#: fold joins (Дніпро / Днепр: 78% of such pairs were two names), which lowered these from
#: 0.90 / 0.74 and raised group(by="same_name")'s precision from 0.74 to 0.87
#: (benchmarks/bench_key.py).  Then same_name() took only pairs whose folded vowels and (in
#: Cyrillic) consonants differ as ru/uk/be forms of one name do (0.695 / 0.896 / 0.991 →
#: 0.689 / 0.889 / 0.989; its precision on the blocked pairs of bench_key.py 0.917 → 0.928),
#: and KEY_VERSION 6's known forms (normalize._known_forms) joined more: geonames 0.697,
#: spellingukraine 0.922, names-translator 0.989.
RECALL_FLOOR = {"spellingukraine": 0.89, "names-translator": 0.98, "geonames": 0.69}
#: key() alone, KEY_VERSION 3: it keeps a word's ending and its vowels' classes, for a
#: precision of 0.91 where version 2's 0.69 (benchmarks/bench_key.py), so it joins fewer of
#: these pairs than version 2 did (geonames 0.78, spellingukraine 0.90): floors against
#: regressions of version 3.
KEY_RECALL_FLOOR = {"spellingukraine": 0.88, "names-translator": 0.99, "geonames": 0.68}
#: Pairs sharing a block key: what a join on block_keys() finds before verification.
BLOCK_RECALL_FLOOR = {"spellingukraine": 0.94, "names-translator": 0.99, "geonames": 0.84}
#: Share of hard different-name pairs (same first letter and length) kept apart: the target.
KEPT_APART_FLOOR = 0.995


@pytest.fixture(scope="module")
def entities() -> list:
    return bench.load_all()


def test_every_source_loads(entities: list) -> None:
    count = {s: sum(e.source == s for e in entities) for s in bench.SOURCES}
    assert count == {"geonames": 1551, "spellingukraine": 497, "names-translator": 3600}
    for e in entities:
        assert len(bench.spellings(e)) >= 1, e
    kyiv = next(e for e in entities if e.source == "geonames" and e.names[0] == "Kyiv")
    assert {"Київ", "Киев", "Kiev", "Kijów"} <= set(kyiv.names)


def test_tiers_nest(entities: list) -> None:
    pairs = {t: {(p.a, p.b) for p in bench.positives(entities, t)} for t in bench.TIERS}
    assert pairs["core"] < pairs["filtered"] < pairs["raw"]
    assert len(pairs["core"]) > 5_000


@pytest.mark.parametrize(
    ("name", "clean"),
    [("Kyiv", True), ("Київ", True), ("Кіеў", True), ("li wo fu", False), ("IEV", False),
     ("Кијев", False), ("Киңәшмә", False), ("Сасово балһсн", False)],
)
def test_entries_that_are_no_spelling_are_left_out(name: str, clean: bool) -> None:
    assert bench.is_clean(name) is clean


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Kharkiv", "Charkow", True), ("Mykolaiv", "Nikolaev", True),
     ("Zelenskyy Volodymyr", "Volodymyr Zelensky", True), ("Dnipro", "Dnipropetrovsk", False),
     ("Lviv", "Lemberg", False), ("Kiev", "Kiev osh", False),
     ("Південна Пальміра", "Південна столиця", False)],
)
def test_different_words_are_told_without_any_key(a: str, b: str, same: bool) -> None:
    assert bench.same_word(a, b) is same


def test_key_keeps_its_recall_and_keeps_different_names_apart(entities: list) -> None:
    core = bench.positives(entities, "core")
    hard = bench.negatives(entities, 6_000, hard=True)
    names = {s for p in (*core, *hard) for s in (p.a, p.b)}
    keys = dict(zip(names, translit.key_many(list(names)), strict=True))
    recall = {s: bench.share([p for p in core if p.source == s], keys) for s in bench.SOURCES}
    kept_apart = 1 - bench.share(hard, keys)
    assert all(recall[s] >= floor for s, floor in KEY_RECALL_FLOOR.items()), recall
    assert kept_apart >= KEPT_APART_FLOOR, kept_apart


def test_block_keys_and_same_name_keep_their_recall(entities: list) -> None:
    core = bench.positives(entities, "core")
    hard = bench.negatives(entities, 6_000, hard=True)

    def share(pairs: list, joined: object) -> float:
        return sum(bool(joined(p.a, p.b)) for p in pairs) / len(pairs)  # type: ignore[operator]

    def blocked(a: str, b: str) -> bool:
        return bool(translit.block_keys(a) & translit.block_keys(b))

    by_source = {s: [p for p in core if p.source == s] for s in bench.SOURCES}
    block = {s: share(ps, blocked) for s, ps in by_source.items()}
    same = {s: share(ps, translit.same_name) for s, ps in by_source.items()}
    assert all(block[s] >= floor for s, floor in BLOCK_RECALL_FLOOR.items()), block
    assert all(same[s] >= floor for s, floor in RECALL_FLOOR.items()), same
    assert 1 - share(hard, translit.same_name) >= KEPT_APART_FLOOR
