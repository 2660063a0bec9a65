"""The shipped prepared gazetteer (translit/data/places/places.bin.gz, translit.places.prepared)
is the gazetteer built from its sources, and answers every lookup as that one does."""

from __future__ import annotations

import gzip
from dataclasses import astuple
from functools import cache

import pytest

from translit.places import loading, prepared
from translit.places.gazetteer import Gazetteer, Place


@cache
def _built() -> Gazetteer:
    return loading.build()


@cache
def _shipped() -> Gazetteer:
    gazetteer = prepared.load()
    assert gazetteer is not None, (
        "places.bin.gz is missing or stale: run python tools/build_places.py")
    return gazetteer


def _fields(place: Place) -> tuple[object, ...]:
    return (*astuple(place), place._keys, place._masks)  # keys and masks are compare=False


def test_the_shipped_file_is_the_one_the_build_writes_today() -> None:
    data = prepared.data_path().read_bytes()
    assert gzip.decompress(data) == gzip.decompress(prepared.build(_built()))


def test_load_reads_the_prepared_file() -> None:
    assert isinstance(loading.load().places, type(_shipped().places))
    assert not isinstance(loading.load().places, list)


def test_every_place_is_the_built_one() -> None:
    built, shipped = _built(), _shipped()
    assert len(shipped) == len(built) > 30_000
    for number in range(len(built)):
        assert _fields(shipped.places[number]) == _fields(built.places[number]), number
    assert [_fields(p) for p in shipped] == [_fields(p) for p in built]
    # each place is decoded once: a lookup's place is the same object the next time
    assert shipped.places[7] is shipped.places[7]
    assert shipped.places[-1] is shipped.places[len(shipped) - 1]


def test_the_indexes_are_the_built_ones() -> None:
    built, shipped = _built(), _shipped()
    assert dict(shipped._index.items()) == {k: list(v) for k, v in built._index.items()}
    assert shipped._former == built._former
    assert "no such key" not in shipped._index and shipped._index.get("no such key", ()) == ()
    assert len(shipped._index) == len(built._index)


def _names() -> list[str]:
    """Names of every 37th place (all its names, both scripts), former names, and names that
    are no place's."""
    built = _built()
    names = [n for p in built.places[::37] for n in p.all_names()]
    names += [form for forms in list(built._former.values())[::5] for _, _, form in forms]
    return [*names, "Kharkov", "Artemovsk", "Dnepropetrovsk", "Покровsk", "Monday", "", "Xyzzy"]


@pytest.mark.parametrize("every", [False, True])
def test_every_lookup_answers_as_the_built_gazetteer(every: bool) -> None:
    built, shipped = _built(), _shipped()
    names = _names()
    assert len(names) > 3_000
    for name in names:
        for country in (None, "UA"):
            expected = built.lookup(name, country=country, every=every)
            found = shipped.lookup(name, country=country, every=every)
            assert [(_fields(m.place), m.name, m.via, m.exact, m.renaming) for m in found] == [
                (_fields(m.place), m.name, m.via, m.exact, m.renaming) for m in expected], name


def test_a_stale_or_damaged_file_is_not_read(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(prepared, "digest", lambda: "another source")
    assert prepared.load() is None
    monkeypatch.undo()
    damaged = tmp_path / "places.bin.gz"
    damaged.write_bytes(prepared.data_path().read_bytes()[:5000])
    monkeypatch.setattr(prepared, "data_path", lambda: damaged)
    assert prepared.load() is None
    # and load() then builds the gazetteer from its sources: the same places
    loading.load.cache_clear()
    try:
        gazetteer = loading.load()
        assert isinstance(gazetteer.places, list) and len(gazetteer) == len(_built())
    finally:
        loading.load.cache_clear()


def test_check_finds_the_same_with_either_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    from pathlib import Path

    import translit
    from translit import memo

    text = (Path(__file__).parent / "data" / "check" / "motivating-en.txt").read_text("utf-8")

    def findings() -> list[tuple[object, ...]]:
        memo.clear_all()
        return [(f.start, f.text, f.problem, f.suggestion, f.explanation)
                for f in translit.check(text)]

    shipped = findings()
    built = _built()
    for module in ("translit.check.data", "translit.check.resolve", "translit.check.unknown"):
        monkeypatch.setattr(sys.modules[module], "load_gazetteer", lambda: built)
    assert findings() == shipped and len(shipped) >= 5
    memo.clear_all()
