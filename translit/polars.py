"""translit in polars: the expression namespace pl.col(...).translit.

    import polars as pl
    import translit.polars  # registers the namespace

    df.with_columns(
        pl.col("name").translit.key().alias("name_key"),
        pl.col("name").translit.romanize("uk-national").alias("latin"),
    )

Both run on map_batches, marked elementwise so the streaming engine can run them batch by
batch; each batch goes through translit.arrow's key_array / romanize_array.  Nulls stay null.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import polars as pl

from .arrow import key_array, romanize_array
from .systems import system as _system

__all__ = ["TranslitNamespace", "key_series", "romanize_series"]


def key_series(names: pl.Series) -> pl.Series:
    """The key of every name of a String Series (nulls stay null)."""
    return _from_arrow(names, key_array(names.to_arrow()))


def romanize_series(names: pl.Series, system: str | None = None) -> pl.Series:
    """Every name of a String Series romanized by *system* (None: each name's default)."""
    return _from_arrow(names, romanize_array(names.to_arrow(), system))


def _from_arrow(names: pl.Series, values: Any) -> pl.Series:
    out = pl.Series(names.name, values)
    return out if out.dtype == pl.String else out.cast(pl.String)


@pl.api.register_expr_namespace("translit")
class TranslitNamespace:
    """pl.col("name").translit.key() and .romanize(system)."""

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
