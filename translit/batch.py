"""What a batch of names is: layer 0, shared by every ``*_many`` function and ``group``.

A batch is any iterable of names (list, tuple, generator, pandas Series, Arrow array as a
list).  A bare ``str`` is refused: iterating it would treat each letter as a name
(``key_many("Kyiv")`` would key four letters).  Missing values are the ones data tools use:
None, a float NaN, ``pandas.NA`` / ``pandas.NaT`` and Arrow nulls; they come back as None.
Anything else that is not a str is a TypeError naming its position and type.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

__all__ = ["PLACEHOLDERS", "is_missing", "is_placeholder", "names_of"]

#: What data files write where a name is not known (compared case-folded, spaces stripped).
#: Words that are also names are left out (Nil and Нил are given names, Nan an English one).
PLACEHOLDERS = frozenset({
    "n/a", "n.a.", "#n/a", "null", "none", "unknown", "not known", "not available", "tbd",
    "н/д", "н/а", "нет", "нет данных", "неизвестно", "невідомо", "немає", "немає даних",
})


def is_placeholder(name: str) -> bool:
    """Whether *name* stands for no name: blank, only punctuation or symbols ("-", "?", "—",
    "..."), or one of PLACEHOLDERS ("n/a", "unknown", "н/д" …)."""
    folded = name.strip().casefold()
    return folded in PLACEHOLDERS or not any(c.isalnum() for c in folded)


def is_missing(value: Any) -> bool:
    """Whether *value* is a missing value of Python, NumPy, pandas or Arrow (never for a str)."""
    if value is None:
        return True
    if isinstance(value, str):
        return False
    if isinstance(value, float):
        return math.isnan(value)
    kind = type(value)
    module = kind.__module__
    if module.startswith("pandas"):
        # pandas.NA, pandas.NaT: their repr names them and they are not equal to themselves
        return kind.__name__ in {"NAType", "NaTType"}
    if module.startswith("pyarrow"):
        return getattr(value, "is_valid", True) is False
    if module.startswith("numpy"):
        try:
            return bool(value != value)  # NaN and NaT are the values not equal to themselves
        except (TypeError, ValueError):
            return False
    return False


def names_of(names: Iterable[Any], function: str) -> list[str | None]:
    """*names* as a list of str or None (for missing values); TypeError on a bare str or on an
    element that is neither a str nor missing, naming *function*, the position and the type."""
    if isinstance(names, str):
        raise TypeError(f"{function}() takes a batch of names (a list, a Series ...), not one str: "
                        f"use {function.removesuffix('_many')}() for one name, or wrap it: [name]")
    if type(names) is list and set(map(type, names)) <= {str}:
        return list(names)  # the common batch: plain strings, checked at C speed
    out: list[str | None] = []
    for position, value in enumerate(names):
        if isinstance(value, str):
            out.append(value)
        elif is_missing(value):
            out.append(None)
        elif isinstance(_arrow_str(value), str):
            out.append(_arrow_str(value))  # an Arrow string scalar (iterating a pyarrow array)
        else:
            raise TypeError(f"{function}(): element {position} is of type {type(value).__name__}, "
                            f"not a str or a missing value: {value!r:.60}")
    return out


def _arrow_str(value: Any) -> str | None:
    """The str inside a valid Arrow string scalar; None for anything else."""
    if not type(value).__module__.startswith("pyarrow"):
        return None
    inner = value.as_py() if hasattr(value, "as_py") else None
    return inner if isinstance(inner, str) else None
