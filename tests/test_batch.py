"""The batch contract (translit.batch): a bare str is refused, missing values of every data tool
come back as None, and a bad element is named by position and type."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import translit
from translit.batch import is_missing, names_of


def _missing_values() -> list[object]:
    values: list[object] = [None, float("nan"), math.nan]
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    values += [np.float64("nan"), np.datetime64("NaT"), pd.NA, pd.NaT, pa.scalar(None),
               pa.scalar(None, pa.string())]
    return values


@pytest.mark.parametrize("value", _missing_values(), ids=repr)
def test_every_tools_missing_value_is_missing(value: object) -> None:
    assert is_missing(value)
    assert translit.romanize_many(["Київ", value], "uk-national") == ["Kyiv", None]
    assert translit.romanize_many(["Київ", value]) == ["Kyiv", None]
    assert translit.key_many(["Київ", value]) == [translit.key("Київ"), None]
    assert [g.names for g in translit.group(["Київ", value, "Kyiv"])] == [("Київ", "Kyiv")]


@pytest.mark.parametrize("function", [translit.romanize_many, translit.key_many, translit.group])
def test_a_bare_str_is_refused(function: object) -> None:
    with pytest.raises(TypeError, match="one str"):
        function("Kyiv")  # type: ignore[operator]


def test_a_bad_element_is_named_by_position_and_type() -> None:
    with pytest.raises(TypeError, match=r"element 2 is of type int"):
        translit.romanize_many(["Київ", None, 5])
    with pytest.raises(TypeError, match=r"element 0 is of type bytes"):
        names_of([b"Kyiv"], "key_many")
    with pytest.raises(TypeError, match=r"key_many\(\): element 1 is of type int"):
        translit.key_many(["Kyiv", 3])
    with pytest.raises(TypeError, match=r"group\(\): element 0 is of type dict"):
        translit.group([{"name": "Kyiv"}])


PLACEHOLDERS = ["", " ", "\t", "-", "--", "?", "n/a", "N/A", "—", "–", "...", "…", "unknown",
                "н/д", "NULL", "#N/A", "none"]


@pytest.mark.parametrize("name", PLACEHOLDERS, ids=repr)
def test_a_placeholder_has_an_empty_key_and_is_no_one(name: str) -> None:
    assert translit.key(name) == ""
    assert translit.similarity(name, name) == 0.0
    assert translit.similarity(name, "-") == 0.0


def test_placeholders_are_never_grouped_with_each_other() -> None:
    groups = translit.group([*PLACEHOLDERS, "Kyiv", "Київ"])
    assert groups[0].names == ("Kyiv", "Київ")
    assert [g.names for g in groups[1:]] == [(p,) for p in PLACEHOLDERS]
    assert all(g.key == "" for g in groups[1:])


def test_names_near_placeholders_keep_their_keys() -> None:
    # Nil (Нил) and Nan are given names; Na and Nonna are names too
    for name in ("Nil", "Нил", "Nan", "Nonna", "Unknown River"):
        assert translit.key(name) != ""


@given(st.text(max_size=12))
def test_no_two_blank_keys_are_similar(name: str) -> None:
    if translit.key(name) == "":
        assert translit.similarity(name, name) == 0.0


def test_pandas_series_of_pandas_3_strings() -> None:
    import pandas as pd

    names = pd.DataFrame({"name": ["Харків", "Kharkiv", None]})["name"]  # NaN for None on pandas 3
    assert translit.romanize_many(names) == ["Kharkiv", "Kharkiv", None]


def test_arrow_arrays_iterate_as_names() -> None:
    import pyarrow as pa

    assert translit.romanize_many(pa.array(["Київ", None])) == ["Kyiv", None]


@given(st.lists(st.one_of(st.none(), st.text(max_size=20), st.just(float("nan")))))
def test_names_of_keeps_every_position(values: list[object]) -> None:
    out = names_of(values, "romanize_many")
    assert len(out) == len(values)
    assert all((o is None) == (not isinstance(v, str)) for o, v in zip(out, values, strict=True))
