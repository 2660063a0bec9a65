"""The shipped parts of the reverse-reading model (translit/data/reverse-model.bin.gz) and the
compact stores that hold them."""

from __future__ import annotations

import bisect
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.scripts import load_script
from translit.reverse import model as reverse_model
from translit.reverse import packed, prepared
from translit.reverse.model import build_model, reader_ids
from translit.reverse.names import packaged_rows
from translit.systems import System, system
from translit.tables import LANGUAGES, Table, load_table

ROOT = Path(__file__).resolve().parent.parent


def _build_tool() -> object:
    return load_script("tools/build_reverse.py")


def test_shipped_file_is_what_the_build_writes_today() -> None:
    """Built again from the tables and the lexicon, the file has the same bytes (else run
    tools/build_reverse.py); and the model loads it rather than building its parts."""
    tool = _build_tool()
    shipped = (ROOT / "translit" / "data" / prepared.DATA_FILE).read_bytes()
    assert tool.build() == shipped, "run tools/build_reverse.py"  # type: ignore[attr-defined]
    assert tool.main(["--check"]) == 0  # type: ignore[attr-defined]
    assert prepared.load(prepared.digest(reader_ids())) is not None


def test_the_model_loads_the_shipped_file_and_builds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the reader uses at run time is the shipped file: the model is made without
    building its parts (a digest taken over other systems than the build's would rebuild
    them, seconds, on every start)."""
    def no_build(*args: object) -> None:
        raise AssertionError("the parts were built at run time: the shipped file was not used")

    monkeypatch.setattr(prepared, "build", no_build)
    assert build_model().names.total > 0


def test_a_file_from_other_sources_is_not_used() -> None:
    assert prepared.load("0" * 64) is None


def test_loaded_parts_read_as_the_parts_built_at_run_time() -> None:
    """The parts loaded from the file and those built from the lexicon give the same
    model: same names and weights, letter-model scores, and index entries."""
    ids = reader_ids()
    loaded = prepared.load(prepared.digest(ids))
    assert loaded is not None
    model = reverse_model.get_model()
    built = prepared.build(_tables(), _systems(), _rows())
    for language in LANGUAGES:
        assert list(loaded.names.sorted[language]) == list(built.names.sorted[language])
        assert loaded.names.weights[language] == built.names.weights[language]
        for word in list(built.names.sorted[language])[::997]:
            a = loaded.letter_models[language].score(word)
            assert a == built.letter_models[language].score(word)
            assert a == model.readers[language].model.score(word)
    for kind in ("index", "index_bare"):
        a_index, b_index = getattr(loaded, kind), getattr(built, kind)
        assert list(a_index.keys) == list(b_index.keys)
        assert a_index.languages == b_index.languages
        assert a_index.names == b_index.names and a_index.bits == b_index.bits
    assert loaded.floors == built.floors and loaded.names.total == built.names.total


def _tables() -> list[Table]:
    return [load_table(i) for i in reader_ids()]


def _systems() -> list[System]:
    return [system(i) for i in reader_ids()]


def _rows() -> list[tuple[str, int, list[str]]]:
    return list(packaged_rows())


words = st.lists(st.text(st.sampled_from("абвгґʼ- ёяzé\x02"), max_size=6), max_size=60)


@settings(max_examples=200)
@given(words, st.text(st.sampled_from("абвгґʼ- ёяzé\x02"), max_size=7))
def test_packed_words_search_as_a_sorted_list(items: list[str], probe: str) -> None:
    items = sorted(items)
    store = packed.PackedWords.of(items)
    assert list(store) == items and len(store) == len(items)
    assert store.bisect_left(probe) == bisect.bisect_left(items, probe)
    assert [store[i] for i in range(-len(items), len(items))] == items + items
    assert store[1:4] == items[1:4]
    again = packed.PackedWords.from_lengths(store.text, store.lengths("B"))
    assert list(again) == items


@settings(max_examples=100)
@given(st.integers(1, 5), st.data())
def test_fixed_words_search_as_a_sorted_list(width: int, data: st.DataObject) -> None:
    letters = st.text(st.sampled_from("абвʼ\x02\x03"), min_size=width, max_size=width)
    items = sorted(set(data.draw(st.lists(letters, max_size=80))))
    store = packed.FixedWords("".join(items), width)
    probe = data.draw(st.text(st.sampled_from("абвʼ\x02\x03"), max_size=width + 1))
    assert list(store) == items
    assert store.bisect_left(probe) == bisect.bisect_left(items, probe)


@given(st.dictionaries(st.text(max_size=5), st.one_of(
    st.text(), st.lists(st.integers(0, 255)).map(lambda v: packed.unsigned("B", v)),
    st.lists(st.integers(0, 2**32 - 1)).map(lambda v: packed.unsigned("I", v)),
), max_size=5))
def test_container_round_trip(sections: dict[str, str | array[int]]) -> None:
    data = packed.dump({"format": 1}, sections)
    assert data == packed.dump({"format": 1}, sections)  # reproducible
    header, back = packed.load(data)
    assert header == {"format": 1} and back == sections
