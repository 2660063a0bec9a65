"""translit in pandas (and Dask): Series functions and the Series accessor .translit.

    import translit.pandas  # registers the accessor

    df["name_key"] = df["name"].translit.key()
    df["latin"] = df["name"].translit.romanize("uk-national")
    df["blocks"] = df["name"].translit.block_keys()   # lists: df.explode("blocks") to join

    # Dask: the module-level functions pickle as references, so workers import translit
    ddf["name_key"] = ddf["name"].map_partitions(translit.pandas.key_series, meta=("name_key", "str"))

Missing values (None, NaN, pd.NA) stay missing.  A string Series (str, "string",
string[pyarrow]) gives a Series of its own dtype, through Arrow (translit.arrow) when pyarrow
is installed; any other (object) gives object, with None where the input was missing, through
key_many / romanize_many.  Either way a name keys the same as in translit.key().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from .batch import is_missing
from .blocking import block_keys, same_name
from .normalize import key_many
from .systems import romanize_many
from .systems import system as _system

__all__ = ["TranslitAccessor", "block_keys_series", "key_series", "romanize_series",
           "same_name_series"]

try:
    import pyarrow as pa

    from .arrow import key_array, romanize_array
except ImportError:  # pandas without pyarrow: the list path only
    pa = None

_ARROW_STRINGS = {"string", "large_string", "string_view"}


def key_series(names: pd.Series) -> pd.Series:
    """The key of every name, on the same index."""
    if pa is not None and _is_string(names.dtype):
        return _from_arrow(names, key_array)
    return _from_list(names, key_many)


def romanize_series(names: pd.Series, system: str | None = None) -> pd.Series:
    """Every name romanized by *system* (None: each name's language's default), same index."""
    if pa is not None and _is_string(names.dtype):
        return _from_arrow(names, lambda values: romanize_array(values, system))
    return _from_list(names, lambda values: romanize_many(values, system))


def block_keys_series(names: pd.Series) -> pd.Series:
    """translit.blocking.block_keys() of every name as a sorted list, on the same index (None
    where the name is missing): ``df.explode(column)`` gives one row per block key."""
    values = names.to_numpy(dtype=object, na_value=None).tolist()
    return pd.Series([None if is_missing(n) else sorted(block_keys(str(n))) for n in values],
                     index=names.index, name=names.name, dtype=object)


def same_name_series(a: pd.Series, b: pd.Series) -> pd.Series:
    """translit.blocking.same_name(a[i], b[i]) row by row (by position; *a*'s index), as the
    nullable "boolean" dtype: missing where either name is missing."""
    if len(a) != len(b):
        raise ValueError(f"same_name_series: {len(a)} names against {len(b)}")
    left = a.to_numpy(dtype=object, na_value=None).tolist()
    right = b.to_numpy(dtype=object, na_value=None).tolist()
    return pd.Series(
        [None if is_missing(x) or is_missing(y) else same_name(str(x), str(y))
         for x, y in zip(left, right, strict=True)],
        index=a.index, name=a.name, dtype="boolean",
    )


def _is_string(dtype: Any) -> bool:
    if isinstance(dtype, pd.StringDtype):
        return True
    return isinstance(dtype, pd.ArrowDtype) and str(dtype.pyarrow_dtype) in _ARROW_STRINGS


def _from_arrow(names: pd.Series, convert: Callable[[Any], Any]) -> pd.Series:
    values = convert(pa.array(names.array))  # zero-copy for Arrow-backed strings
    out = names.dtype.__from_arrow__(values)  # pandas' own Arrow -> dtype conversion
    return pd.Series(out, index=names.index, name=names.name, copy=False)


def _from_list(names: pd.Series, convert: Callable[[list[Any]], list[str | None]]) -> pd.Series:
    values = names.to_numpy(dtype=object, na_value=None).tolist()
    return pd.Series(convert(values), index=names.index, name=names.name, dtype=object)


@pd.api.extensions.register_series_accessor("translit")
class TranslitAccessor:
    """series.translit.key(), .romanize(system), .block_keys() and .same_name(other)."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def key(self) -> pd.Series:
        return key_series(self._series)

    def romanize(self, system: str | None = None) -> pd.Series:
        if system is not None:
            _system(system)  # fail before reading, naming the closest ids
        return romanize_series(self._series, system)

    def block_keys(self) -> pd.Series:
        return block_keys_series(self._series)

    def same_name(self, other: pd.Series) -> pd.Series:
        return same_name_series(self._series, other)
