"""translit in DuckDB: register(con) adds the SQL functions translit_key and translit_romanize.

    import duckdb
    import translit.duckdb

    con = duckdb.connect()
    translit.duckdb.register(con)
    con.sql("SELECT translit_key(name), translit_romanize(name, 'uk-national') FROM people")

Both are vectorized Arrow UDFs: DuckDB hands over a batch (2,048 rows) at a time, and
translit.arrow's key_array / romanize_array key it.  NULL stays NULL; a NULL system romanizes
by each name's language's default system.  Splink's DuckDB backend sends SQL to the
connection it is given, so registering that connection makes both usable in its rules.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

from .arrow import key_array, romanize_array
from .systems import romanize

__all__ = ["register"]

#: The SQL names register() gives the two functions.
SQL_KEY = "translit_key"
SQL_ROMANIZE = "translit_romanize"


def _key_batch(names: pa.ChunkedArray) -> pa.ChunkedArray:
    return key_array(names)


def _romanize_batch(names: pa.ChunkedArray, systems: pa.ChunkedArray) -> pa.ChunkedArray:
    distinct = systems.unique()
    if len(distinct) == 1:  # the usual case: a constant system
        return romanize_array(names, distinct[0].as_py())
    return pa.array(
        [
            None if n is None else romanize(n, s)
            for n, s in zip(names.to_pylist(), systems.to_pylist(), strict=True)
        ],
        type=pa.string(),
    )


def register(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Create translit_key(VARCHAR) and translit_romanize(VARCHAR, VARCHAR) on *con*.

    Returns *con*.  Calling it twice on one connection replaces the functions.
    """
    for name in (SQL_KEY, SQL_ROMANIZE):
        try:
            con.remove_function(name)
        except duckdb.InvalidInputException:  # not registered on this connection yet
            pass
    options: dict[str, Any] = {"type": "arrow", "null_handling": "special", "side_effects": False}
    con.create_function(SQL_KEY, _key_batch, ["VARCHAR"], "VARCHAR", **options)
    con.create_function(SQL_ROMANIZE, _romanize_batch, ["VARCHAR", "VARCHAR"], "VARCHAR", **options)
    return con
