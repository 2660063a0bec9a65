"""translit in PySpark (>= 3.5): column functions, with_keys, and SQL functions.

    from translit.spark import key_col, romanize_col, with_keys, register

    df.select(key_col("name"), romanize_col("name", "uk-national"))
    with_keys(df, "name", out="name_key")       # every column kept, the key appended
    register(spark)                             # SQL: translit_key(name),
    spark.sql("SELECT translit_key(name) FROM people")   # translit_romanize(name, system)

    # blocking for a join: one row per block key, then verify the pairs the join finds
    blocks = with_block_keys(df, "name", out="block")
    pairs = blocks.alias("l").join(other_blocks.alias("r"), "block")
    pairs.where(same_name_col("l.name", "r.name"))

The column functions are Arrow UDFs (pyspark.sql.functions.arrow_udf, Spark >= 4.1; before
that, the Arrow-optimized @udf), never pandas UDFs; with_keys goes through mapInArrow.  Each
calls translit.arrow's key_array / romanize_array on a whole Arrow batch.

What Spark ships to the workers is a reference to a function of this module (a few hundred
bytes), never a table: each worker process imports translit once and loads the tables it uses
on first use, then keeps them for the tasks it runs after.  Keys depend on the input alone:
not on the process, its hash seed, its set order or its locale.  The workers need translit
installed, the driver's version: with_keys checks that on every worker and raises
WorkerVersionError naming both versions when they differ.  Store translit.KEY_VERSION beside
stored keys; a key computed under another KEY_VERSION is not comparable.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, cast

import pyarrow as pa
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, BooleanType, StringType, StructField, StructType

from . import __version__
from .arrow import block_keys_array, key_array, romanize_array, same_name_array
from .blocking import block_keys, same_name
from .errors import TranslitError
from .normalize import KEY_VERSION, key
from .systems import romanize
from .systems import system as _system

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

__all__ = [
    "KEY_VERSION",
    "WorkerVersionError",
    "block_keys_col",
    "key_col",
    "register",
    "romanize_col",
    "same_name_col",
    "with_block_keys",
    "with_keys",
]

#: The SQL names register() gives the two functions.
SQL_KEY = "translit_key"
SQL_ROMANIZE = "translit_romanize"
SQL_BLOCK_KEYS = "translit_block_keys"
SQL_SAME_NAME = "translit_same_name"
_BLOCKS = ArrayType(StringType(), containsNull=False)


class WorkerVersionError(TranslitError):
    """A Spark worker runs another translit (or key format) than the driver."""

    def __init__(self, driver: tuple[str, int], worker: tuple[str, int], where: str) -> None:
        self.driver = driver
        self.worker = worker
        super().__init__(
            f"translit version mismatch: the driver runs translit {driver[0]} (KEY_VERSION "
            f"{driver[1]}) but a Spark worker runs translit {worker[0]} (KEY_VERSION "
            f"{worker[1]}, from {where}); keys from different versions may differ. Install "
            f"translit=={driver[0]} on the workers (an image, %pip, or a packed venv passed "
            f"with --archives) or the workers' version on the driver."
        )


# --- what runs on the workers: module-level functions, so they pickle as references -------


def _key_batch(names: pa.Array) -> pa.Array:
    return key_array(names)


def _romanize_batch(names: pa.Array, systems: pa.Array) -> pa.Array:
    distinct = systems.unique()
    if len(distinct) == 1:  # the usual case: one system for the whole column
        return romanize_array(names, distinct[0].as_py())
    out = pa.array(
        [
            None if n is None else romanize(n, s)
            for n, s in zip(names.to_pylist(), systems.to_pylist(), strict=True)
        ],
        type=pa.string(),
    )
    return out.cast(names.type) if out.type != names.type else out


def _block_keys_batch(names: pa.Array) -> pa.Array:
    return block_keys_array(names)


def _same_name_batch(a: pa.Array, b: pa.Array) -> pa.Array:
    return same_name_array(a, b)


def _block_keys_row(name: str | None) -> list[str] | None:
    return None if name is None else sorted(block_keys(name))


def _same_name_row(a: str | None, b: str | None) -> bool | None:
    return None if a is None or b is None else same_name(a, b)


def _key_row(name: str | None) -> str | None:
    return None if name is None else key(name)


def _romanize_row(name: str | None, system: str | None) -> str | None:
    return None if name is None else romanize(name, system)


def _append_keys(
    batches: Iterator[pa.RecordBatch], column: str, out: str, driver: tuple[str, int]
) -> Iterator[pa.RecordBatch]:
    worker = (__version__, KEY_VERSION)
    if worker != driver:
        import translit

        raise WorkerVersionError(driver, worker, translit.__file__ or "?")
    for batch in batches:
        yield batch.append_column(out, key_array(batch.column(column)))


# --- the driver side ---------------------------------------------------------------------


def _arrow_udf() -> Any:
    """pyspark.sql.functions.arrow_udf (Spark >= 4.1), or None before it."""
    return getattr(F, "arrow_udf", None)


def _key_udf() -> Any:
    arrow_udf = _arrow_udf()
    if arrow_udf is not None:
        return arrow_udf(_key_batch, StringType())
    return F.udf(_key_row, StringType(), useArrow=True)


def _romanize_udf() -> Any:
    arrow_udf = _arrow_udf()
    if arrow_udf is not None:
        return arrow_udf(_romanize_batch, StringType())
    return F.udf(_romanize_row, StringType(), useArrow=True)


def _block_keys_udf() -> Any:
    arrow_udf = _arrow_udf()
    if arrow_udf is not None:
        return arrow_udf(_block_keys_batch, _BLOCKS)
    return F.udf(_block_keys_row, _BLOCKS, useArrow=True)


def _same_name_udf() -> Any:
    arrow_udf = _arrow_udf()
    if arrow_udf is not None:
        return arrow_udf(_same_name_batch, BooleanType())
    return F.udf(_same_name_row, BooleanType(), useArrow=True)


def block_keys_col(name: Column | str) -> Column:
    """The block keys of a string column (translit.blocking.block_keys), array<string>,
    sorted; null for a null name."""
    return cast("Column", _block_keys_udf()(name))


def same_name_col(a: Column | str, b: Column | str) -> Column:
    """Whether two string columns hold one name (translit.blocking.same_name), boolean; null
    where either is null.  For the pairs a join on block keys brings together."""
    return cast("Column", _same_name_udf()(a, b))


def with_block_keys(df: DataFrame, column: str, out: str = "block_key") -> DataFrame:
    """*df* with one row per block key of *column*, the key in *out* (every column kept).

    The rows to join on: ``with_block_keys(a, "name").join(with_block_keys(b, "name"),
    "block_key")`` finds every pair that shares a block key; verify them with same_name_col.
    A row whose name has no block key (null, blank, a placeholder) is kept once with a null
    *out*, so no row is lost (a null never joins).
    """
    _string_column(df, column, out)
    return df.withColumn(out, F.explode_outer(block_keys_col(column)))


def _string_column(df: DataFrame, column: str, out: str) -> StructField:
    """The field of *column*, checked to be a string column, with *out* free."""
    fields = df.schema.fields
    names = [f.name for f in fields]
    if column not in names:
        near = difflib.get_close_matches(column, names, n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise ValueError(f"no column {column!r} in the DataFrame{hint} (columns: {names})")
    source = fields[names.index(column)]
    if not isinstance(source.dataType, StringType):
        raise TypeError(f"column {column!r} is {source.dataType.simpleString()}, not string")
    if out in names:
        raise ValueError(f"the DataFrame already has a column {out!r}: pass another out=")
    return source


def key_col(name: Column | str) -> Column:
    """The key of a string column, as a Column: df.select(key_col("name"))."""
    return cast("Column", _key_udf()(name))


def romanize_col(name: Column | str, system: str | None = None) -> Column:
    """A string column romanized by *system* (None: each name's language's default system).

    An unknown system raises UnknownSystemError here, on the driver, naming the closest ids.
    """
    if system is not None:
        _system(system)
    return cast("Column", _romanize_udf()(name, F.lit(system).cast(StringType())))


def with_keys(df: DataFrame, column: str, out: str = "key") -> DataFrame:
    """*df* with the key of *column* appended as *out*, every other column kept, in order.

    Runs through mapInArrow; every worker first checks that it runs the driver's translit
    version and KEY_VERSION (WorkerVersionError otherwise).
    """
    _string_column(df, column, out)
    schema = StructType([*df.schema.fields, StructField(out, StringType(), nullable=True)])
    return df.mapInArrow(_keys_appender(column, out), schema)


def _keys_appender(column: str, out: str) -> partial[Iterator[pa.RecordBatch]]:
    """The function mapInArrow ships: a reference to _append_keys and four small values."""
    return partial(_append_keys, column=column, out=out, driver=(__version__, KEY_VERSION))


def register(spark: SparkSession) -> None:
    """Register the SQL functions translit_key(name), translit_romanize(name, system),
    translit_block_keys(name) (array<string>) and translit_same_name(a, b) (boolean).

    A NULL system romanizes by each name's language's default system.  The functions are
    then usable in spark.sql() and in anything that sends SQL to this session (Splink's
    blocking rules and comparisons, for one).
    """
    spark.udf.register(SQL_KEY, _key_udf())
    spark.udf.register(SQL_ROMANIZE, _romanize_udf())
    spark.udf.register(SQL_BLOCK_KEYS, _block_keys_udf())
    spark.udf.register(SQL_SAME_NAME, _same_name_udf())
