"""translit in DuckDB: register(con) adds the SQL functions translit_key, translit_romanize,
translit_block_keys and translit_same_name.

    import duckdb
    import translit.duckdb

    con = duckdb.connect()
    translit.duckdb.register(con)
    con.sql("SELECT translit_key(name), translit_romanize(name, 'uk-national') FROM people")

Both are vectorized Arrow UDFs: DuckDB hands over a batch (2,048 rows) at a time, and
translit.arrow's key_array / romanize_array key it.  NULL stays NULL; a NULL system romanizes
by each name's language's default system.  Splink's DuckDB backend sends SQL to the
connection it is given, so registering that connection makes both usable in its rules.

translit_block_keys(name) is the VARCHAR[] of translit.blocking.block_keys(name), for a join
that unnests it; translit_same_name(a, b) verifies the pairs such a join finds:

    WITH l AS (SELECT id, unnest(translit_block_keys(name)) AS b FROM left_names),
         r AS (SELECT id, unnest(translit_block_keys(name)) AS b FROM right_names)
    SELECT DISTINCT l.id, r.id FROM l JOIN r USING (b) ...  -- then translit_same_name
"""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

from .arrow import block_keys_array, key_array, romanize_array, same_name_array
from .systems import romanize

__all__ = ["register"]

#: The SQL names register() gives the two functions.
SQL_KEY = "translit_key"
SQL_ROMANIZE = "translit_romanize"
SQL_BLOCK_KEYS = "translit_block_keys"
SQL_SAME_NAME = "translit_same_name"


def _key_batch(names: pa.ChunkedArray) -> pa.ChunkedArray:
    return key_array(names)


def _block_keys_batch(names: pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    return block_keys_array(names)


def _same_name_batch(a: pa.ChunkedArray, b: pa.ChunkedArray) -> pa.Array:
    return same_name_array(a, b)


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
    """Create translit_key(VARCHAR), translit_romanize(VARCHAR, VARCHAR),
    translit_block_keys(VARCHAR) -> VARCHAR[] and translit_same_name(VARCHAR, VARCHAR) ->
    BOOLEAN on *con*.

    Returns *con*.  Calling it twice on one connection replaces the functions.
    """
    for name in (SQL_KEY, SQL_ROMANIZE, SQL_BLOCK_KEYS, SQL_SAME_NAME):
        try:
            con.remove_function(name)
        except duckdb.InvalidInputException:  # not registered on this connection yet
            pass
    options: dict[str, Any] = {"type": "arrow", "null_handling": "special", "side_effects": False}
    con.create_function(SQL_KEY, _key_batch, ["VARCHAR"], "VARCHAR", **options)
    con.create_function(SQL_ROMANIZE, _romanize_batch, ["VARCHAR", "VARCHAR"], "VARCHAR", **options)
    con.create_function(SQL_BLOCK_KEYS, _block_keys_batch, ["VARCHAR"], "VARCHAR[]", **options)
    con.create_function(SQL_SAME_NAME, _same_name_batch, ["VARCHAR", "VARCHAR"], "BOOLEAN",
                        **options)
    return con
