"""key() against published data (benchmarks/data/key_eval): the data loads and pairs up as
documented, and key() keeps its recall of listed spellings and its share of sampled
different-name pairs kept apart (1 - the false-merge rate per pair; not precision) on a fixed
part of it.

benchmarks/bench_key_pairs.py measures all of it against the peers (RESULTS.md, section
"key-pairs"; precision and recall over a whole collection are benchmarks/bench_key.py's);
this test only needs translit's own dependencies.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import translit

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_key_pairs.py"


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_key_pairs", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_key_pairs"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


bench = _load_bench()

#: Recall of the core same-name pairs (the sources' own spellings, see the data README) that
#: key() must keep, per source.  The issue's target is 0.90; GeoNames' core pairs are below it
#: (0.78 when written down), so theirs is a floor against regressions, not the target.
RECALL_FLOOR = {"spellingukraine": 0.90, "names-translator": 0.98, "geonames": 0.76}
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
    assert all(recall[s] >= floor for s, floor in RECALL_FLOOR.items()), recall
    assert kept_apart >= KEPT_APART_FLOOR, kept_apart
