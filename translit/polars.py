"""translit in polars: the expression namespace pl.col(...).translit.

    import polars as pl
    import translit.polars  # registers the namespace

    df.with_columns(
        pl.col("name").translit.key().alias("name_key"),
        pl.col("name").translit.romanize("uk-national").alias("latin"),
        pl.col("name").translit.block_keys().alias("blocks"),   # List(String): .explode() to join
    )
    pairs.filter(pl.col("name").translit.same_name("name_right"))   # verify the joined pairs

Both run on map_batches, marked elementwise so the streaming engine can run them batch by
batch; each batch goes through translit.arrow's key_array / romanize_array.  Nulls stay null.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import polars as pl

from .arrow import block_keys_array, key_array, romanize_array, same_name_array
from .systems import system as _system

__all__ = ["TranslitNamespace", "block_keys_series", "key_series", "romanize_series",
           "same_name_series"]


def key_series(names: pl.Series) -> pl.Series:
    """The key of every name of a String Series (nulls stay null)."""
    return _from_arrow(names, key_array(names.to_arrow()))


def romanize_series(names: pl.Series, system: str | None = None) -> pl.Series:
    """Every name of a String Series romanized by *system* (None: each name's default)."""
    return _from_arrow(names, romanize_array(names.to_arrow(), system))


def block_keys_series(names: pl.Series) -> pl.Series:
    """translit.blocking.block_keys() of every name, a List(String) Series (nulls stay null)."""
    return pl.Series(names.name, block_keys_array(names.to_arrow()), dtype=pl.List(pl.String))


def same_name_series(a: pl.Series, b: pl.Series) -> pl.Series:
    """translit.blocking.same_name(a[i], b[i]) row by row, Boolean (null where either is)."""
    return pl.Series(a.name, same_name_array(a.to_arrow(), b.to_arrow()), dtype=pl.Boolean)


def _same_name_struct(pairs: pl.Series) -> pl.Series:
    fields = pairs.struct.unnest()
    return same_name_series(fields[:, 0], fields[:, 1])


def _from_arrow(names: pl.Series, values: Any) -> pl.Series:
    out = pl.Series(names.name, values)
    return out if out.dtype == pl.String else out.cast(pl.String)


@pl.api.register_expr_namespace("translit")
class TranslitNamespace:
    """pl.col("name").translit.key(), .romanize(system), .block_keys() and .same_name(other)."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def key(self) -> pl.Expr:
        """The key of each name (translit.key)."""
        return self._expr.map_batches(key_series, return_dtype=pl.String, is_elementwise=True)

    def romanize(self, system: str | None = None) -> pl.Expr:
        """Each name romanized by *system*; an unknown system raises here, naming the closest."""
        if system is not None:
            _system(system)
        return self._expr.map_batches(
            partial(romanize_series, system=system), return_dtype=pl.String, is_elementwise=True
        )

    def block_keys(self) -> pl.Expr:
        """Each name's block keys (translit.blocking.block_keys), a sorted List(String)."""
        return self._expr.map_batches(block_keys_series, return_dtype=pl.List(pl.String),
                                      is_elementwise=True)

    def same_name(self, other: pl.Expr | str) -> pl.Expr:
        """Whether each name and *other*'s (a column name or an expression) are one name."""
        right = pl.col(other) if isinstance(other, str) else other
        return pl.struct(self._expr.alias("a"), right.alias("b")).map_batches(
            _same_name_struct, return_dtype=pl.Boolean, is_elementwise=True
        )
