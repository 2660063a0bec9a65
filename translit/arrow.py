"""key() and romanize() over Arrow arrays: the batch primitive every engine adapter calls.

key_array and romanize_array take a pyarrow array of strings (string, large_string,
string_view, a dictionary of strings, or an all-null array) or a ChunkedArray of them, and
return one of the same shape and string type, nulls kept in place.  They run key_many and
romanize_many on the values, so a name keys the same here as in translit.key().

block_keys_array gives each name's translit.blocking.block_keys() as a list (sorted; a null
name a null list, a name without letters an empty one), for a join that explodes the lists;
same_name_array verifies the pairs such a join brings together, row by row.

Needs pyarrow: translit[arrow], or any engine extra (spark, duckdb, polars, pandas, dask).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

import pyarrow as pa

from .blocking import block_keys, same_name
from .normalize import key_many
from .systems import romanize_many
from .systems import system as _system

__all__ = ["block_keys_array", "key_array", "romanize_array", "same_name_array"]

ArrowStrings = TypeVar("ArrowStrings", pa.Array, pa.ChunkedArray)
_Convert = Callable[[Sequence[str | None]], list[str | None]]


def key_array(names: ArrowStrings) -> ArrowStrings:
    """translit.key() of every name; nulls stay null.

    >>> import pyarrow as pa
    >>> keys = key_array(pa.array(["Харків", None, "Kharkiv"])).to_pylist()
    >>> keys[0] == keys[2], keys[1]
    (True, None)
    """
    return _apply(names, key_many)


def romanize_array(names: ArrowStrings, system: str | None = None) -> ArrowStrings:
    """translit.romanize(name, system) of every name; nulls stay null.

    An unknown system raises UnknownSystemError before any name is read.
    """
    if system is not None:
        _system(system)  # fail early, naming the closest ids
    return _apply(names, partial(romanize_many, system=system))


def block_keys_array(names: ArrowStrings) -> pa.Array | pa.ChunkedArray:
    """translit.block_keys() of every name as a sorted list of strings; nulls stay null.

    >>> import pyarrow as pa
    >>> lists = block_keys_array(pa.array(["Dnipro", None, "Днепр"])).to_pylist()
    >>> bool(set(lists[0]) & set(lists[2])), lists[1]
    (True, None)
    """
    if isinstance(names, pa.ChunkedArray):
        _output_type(names.type)
        return pa.chunked_array([_block_keys_one(c) for c in names.chunks],
                                type=pa.list_(pa.string()))
    if isinstance(names, pa.Array):
        return _block_keys_one(names)
    raise TypeError(f"expected a pyarrow Array or ChunkedArray, not {type(names).__name__}")


def _block_keys_one(names: pa.Array) -> pa.Array:
    if pa.types.is_dictionary(names.type):
        return _block_keys_one(names.dictionary).take(names.indices)
    _output_type(names.type)
    return pa.array([None if n is None else sorted(block_keys(n)) for n in names.to_pylist()],
                    type=pa.list_(pa.string()))


def same_name_array(a: pa.Array | pa.ChunkedArray, b: pa.Array | pa.ChunkedArray) -> pa.Array:
    """translit.blocking.same_name(a[i], b[i]) for every row; null where either name is null."""
    if len(a) != len(b):
        raise ValueError(f"same_name_array: {len(a)} names against {len(b)}")
    for side in (a, b):
        if not isinstance(side, pa.Array | pa.ChunkedArray):
            raise TypeError(f"expected a pyarrow Array or ChunkedArray, not {type(side).__name__}")
        _output_type(side.type)
    return pa.array(
        [None if x is None or y is None else same_name(x, y)
         for x, y in zip(a.to_pylist(), b.to_pylist(), strict=True)],
        type=pa.bool_(),
    )


def _apply(names: ArrowStrings, convert: _Convert) -> ArrowStrings:
    if isinstance(names, pa.ChunkedArray):
        out_type = _output_type(names.type)
        return pa.chunked_array([_apply_one(c, convert) for c in names.chunks], type=out_type)
    if isinstance(names, pa.Array):
        return _apply_one(names, convert)
    raise TypeError(f"expected a pyarrow Array or ChunkedArray, not {type(names).__name__}")


def _apply_one(names: pa.Array, convert: _Convert) -> pa.Array:
    if pa.types.is_dictionary(names.type):
        # each distinct value once, then spread by the indices (nulls in either stay null)
        return _apply_one(names.dictionary, convert).take(names.indices)
    kind = _output_type(names.type)  # a TypeError before any work for a non-string array
    return pa.array(convert(names.to_pylist()), type=kind)


def _output_type(kind: pa.DataType) -> pa.DataType:
    if pa.types.is_dictionary(kind):
        return _output_type(kind.value_type)
    if pa.types.is_null(kind):
        return pa.string()
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or _is_string_view(kind):
        return kind
    raise TypeError(f"expected an array of strings, not of {kind}")


def _is_string_view(kind: pa.DataType) -> bool:
    check = getattr(pa.types, "is_string_view", None)  # pyarrow >= 16
    return bool(check(kind)) if check else False
