"""The engine adapters (Arrow, Spark, DuckDB, polars, pandas, Dask) give translit.key(), row by row.

Every route keys the same 10,000 names (None, empty, Latin, mixed-script, apostrophes, ALL
CAPS, invisibles, emoji among them) and must equal [translit.key(x) for x in names], in order.
Locally a test skips when its engine is not installed; in CI (.ci/run sets TRANSLIT_CI=1) a
missing engine, or a missing Java for Spark, fails instead.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import pytest

import translit

IN_CI = os.environ.get("TRANSLIT_CI") == "1"
# PySpark 4.x warns about pandas 3 on every Arrow UDF; the tests check the results instead
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")
ROOT = Path(__file__).resolve().parent.parent


def _missing(what: str) -> NoReturn:
    if IN_CI:
        pytest.fail(f"{what}; CI (TRANSLIT_CI=1) runs every engine: see .ci/run")
    pytest.skip(what)


def engine(module: str) -> ModuleType:
    """Import an engine, or skip (locally) / fail (in CI) when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        _missing(f"{module} is not installed ({error})")


# --- the names ----------------------------------------------------------------------------

_SURNAMES = [
    "Шевченко", "Ковальчук", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник",
    "Зеленський", "Зеленська", "Порошенко", "Іванов", "Іванова", "Кузнецов", "Смирнова",
    "Пушилин", "Щербаков", "Дейнега", "Юрченко", "Гнатюк", "Ґудзь", "Лук'яненко", "Соловйов",
    "Знам'янський", "Подъячев", "Лукашэнка", "Караткевіч", "Багдановіч", "Ёлкін", "Жукаў",
    "Римський-Корсаков", "Хмельницький", "Чорновол", "Цой", "Яковлєв", "Шепетівська",
]
_GIVEN = [
    "Олександр", "Александр", "Аляксандр", "Володимир", "Владимир", "Уладзімір", "Сергій",
    "Сергей", "Юлія", "Юлия", "Наталія", "Ольга", "Андрій", "Андрэй", "Тарас", "Ілля", "Євген",
    "Ярослава", "Дар'я", "Ганна", "Анна", "Ігор", "Їжак",
]
_PATRONYMICS = ["Іванович", "Петрович", "Сергійович", "Олександрівна", "Андреевна", "Ільїч"]
_LATIN = [
    "Kharkiv", "KHARKIV", "Khar'kov", "Charkiw", "Charków", "Kyiv", "Kiev", "Kijów",
    "Zelenskyy", "Wolodymyr Selenskyj", "Volodymyr Zelenskyy", "Pushilin, Denis",
    "O'Neil", "D’Artagnan", "John Smith", "SHEVCHENKO, Taras", "Ščerbakov", "Szczerbakow",
    "Müller", "Zaporizhzhia", "Yoshkar-Ola", "Dnipro", "Maladziečna",
]
_ODD = [
    "", " ", "  \t ", "\n", "Київ\u00ad", "К\u200bиїв", "Андрии\u0306", "Знам'янка", "Знам’янка",
    "Знамʼянка", "Знам`янка", "Знам‘янка", "'Київ'", "Kиїв", "Шевchenko", "Покровsk", "Київ 2",
    "Київ 🇺🇦", "12345", "-", "Іван-Франкове", "ЗНАМ'ЯНКА", "ЛЬВІВ", "ÉCOLE", "İstanbul",
    "ΑΘΗΝΑ", "東京", "Київ" * 60, "a'b'c", "'''", "ʼ", "Ёлкі-палкі",
]


def _names(count: int = 10_000, seed: int = 20240601) -> list[str | None]:
    """Names as they come: Cyrillic and romanized full names in every case and order, with
    missing, empty, Latin, mixed-script and broken ones among them."""
    rng = random.Random(seed)
    ids = [s.id for s in translit.systems()]
    out: list[str | None] = [None, "", *_ODD, *_LATIN]
    while len(out) < count:
        draw = rng.random()
        if draw < 0.08:
            out.append(None)
            continue
        if draw < 0.15:
            out.append(rng.choice(_ODD + _LATIN))
            continue
        surname, given = rng.choice(_SURNAMES), rng.choice(_GIVEN)
        form = rng.randrange(4)
        if form == 0:
            name = f"{surname} {given}"
        elif form == 1:
            name = f"{given} {rng.choice(_PATRONYMICS)} {surname}"
        elif form == 2:
            name = f"{surname.upper()}, {given}"
        else:
            name = given
        if rng.random() < 0.4:
            name = translit.romanize(name, rng.choice(ids))
        if rng.random() < 0.1:
            name = name.upper() if rng.random() < 0.5 else name.lower()
        out.append(name)
    return out


NAMES = _names()
EXPECTED = [None if n is None else translit.key(n) for n in NAMES]


def _plain(values: list[Any]) -> list[str | None]:
    """Engine output as a list of str / None (pandas writes a missing value as NaN or NA)."""
    return [v if isinstance(v, str) else None for v in values]


def test_the_names_hold_what_the_issue_lists() -> None:
    present = [n for n in NAMES if n is not None]
    assert len(NAMES) == 10_000 and None in NAMES and "" in NAMES
    assert any(n.isascii() and n.strip() for n in present)  # Latin
    assert any(n.isupper() and not n.isascii() for n in present)  # ALL CAPS
    assert any("'" in n or "’" in n for n in present)  # apostrophes
    assert "Kиїв" in present  # mixed script: a Latin K
    assert len(set(EXPECTED)) > 500


# --- process independence and laziness (no engine needed) ---------------------------------


_DIGEST = """
import hashlib, json, sys
import translit
names = json.load(open(sys.argv[1], encoding="utf-8"))
keys = translit.key_many(names) + translit.romanize_many(names) \\
    + translit.romanize_many(names, "uk-national")
print(hashlib.sha256(json.dumps(keys).encode()).hexdigest())
"""


def test_outputs_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Hash seed, set order and locale change nothing: workers anywhere give the same keys."""
    data = tmp_path / "names.json"
    data.write_text(json.dumps(NAMES), "utf-8")
    keys = translit.key_many(NAMES) + translit.romanize_many(NAMES) \
        + translit.romanize_many(NAMES, "uk-national")
    here = hashlib.sha256(json.dumps(keys).encode()).hexdigest()
    for seed, locale in [("0", "C"), ("12345", "tr_TR.UTF-8"), ("random", "C.UTF-8")]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "LC_ALL": locale, "LANG": locale}
        done = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(data)], env=env, cwd=ROOT,
            capture_output=True, text=True,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == here, (seed, locale)


_LAZY = """
import importlib, json
import translit
normalize = importlib.import_module("translit.normalize")
systems = importlib.import_module("translit.systems")
loaded = []
for name in ("translit.arrow", "translit.pandas", "translit.polars", "translit.duckdb",
             "translit.spark"):
    try:
        module = importlib.import_module(name)
    except ImportError:
        continue
    loaded.append(name)
    if name == "translit.spark":
        module._key_udf(), module._romanize_udf(), module._keys_appender("name", "key")
def tables():
    return normalize._given_names.cache_info().currsize + systems._forward.cache_info().currsize
before = tables()
translit.key_many(["Київ", None])
translit.romanize_many(["Київ"], "uk-national")
once = tables()
translit.key_many(["Харків"])
translit.romanize_many(["Харків"], "uk-national")
print(json.dumps([loaded, before, once, tables()]))
"""


def test_adapters_load_tables_lazily_and_once_per_process() -> None:
    done = subprocess.run([sys.executable, "-c", _LAZY], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded, before, once, after = json.loads(done.stdout)
    assert "translit.arrow" in loaded or not IN_CI
    assert before == 0, "importing an adapter (or building a column) loaded a table"
    assert once == after > 0, "tables are loaded on first use, and only then"


# --- Arrow --------------------------------------------------------------------------------


def test_key_array_equals_key_row_by_row() -> None:
    pa = engine("pyarrow")
    from translit.arrow import key_array

    assert key_array(pa.array(NAMES, type=pa.string())).to_pylist() == EXPECTED


def test_key_array_keeps_chunks_and_string_types() -> None:
    pa = engine("pyarrow")
    from translit.arrow import key_array

    chunks = [NAMES[i : i + 999] for i in range(0, len(NAMES), 999)] + [[]]
    for kind in (pa.string(), pa.large_string(), pa.string_view()):
        chunked = pa.chunked_array(chunks, type=kind)
        out = key_array(chunked)
        assert isinstance(out, pa.ChunkedArray) and out.type == kind
        assert [len(c) for c in out.chunks] == [len(c) for c in chunked.chunks]
        assert out.to_pylist() == EXPECTED
    assert key_array(pa.array(NAMES).dictionary_encode()).to_pylist() == EXPECTED
    assert key_array(pa.array([None, None])).to_pylist() == [None, None]
    assert key_array(pa.chunked_array([], type=pa.string())).to_pylist() == []
    with pytest.raises(TypeError, match="strings"):
        key_array(pa.array([1, 2]))


def test_romanize_array_equals_romanize_many() -> None:
    pa = engine("pyarrow")
    from translit.arrow import romanize_array

    for system in ("uk-national", "ru-iso9", None):
        expected = translit.romanize_many(NAMES, system)
        assert romanize_array(pa.array(NAMES), system).to_pylist() == expected
    with pytest.raises(translit.UnknownSystemError, match="uk-national"):
        romanize_array(pa.array([], type=pa.string()), "uk-natinal")


# --- Spark --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """local[2] on 127.0.0.1, UI off, Arrow batches of 1,000 rows: several batches, two workers."""
    engine("pyspark")
    engine("pyarrow")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        _missing("Java is not installed (Spark needs a JRE 17: apt-get install openjdk-17-jre-headless)")
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as patch:
        # the workers must run this interpreter (this venv), not whatever python3 is on PATH
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        patch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        session = (
            SparkSession.builder.master("local[2]")
            .appName("translit-tests")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


@pytest.fixture(scope="session")
def people(spark: Any) -> Any:
    rows = [(i, name, f"city{i % 7}", i % 3) for i, name in enumerate(NAMES)]
    return spark.createDataFrame(rows, "i long, name string, city string, n int")


def test_spark_runs_several_batches_on_both_workers(people: Any) -> None:
    import pyarrow as pa

    def probe(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import os

        for batch in batches:
            yield pa.RecordBatch.from_pydict({"pid": [os.getpid()], "rows": [batch.num_rows]})

    seen = people.mapInArrow(probe, "pid long, rows long").collect()
    assert len({r.pid for r in seen}) >= 2
    assert len(seen) >= 10 and max(r.rows for r in seen) <= 1000
    assert sum(r.rows for r in seen) == len(NAMES)


def test_spark_key_col_equals_key_row_by_row(people: Any) -> None:
    from translit.spark import key_col

    rows = people.select("i", key_col("name").alias("key")).collect()
    assert [r.i for r in rows] == list(range(len(NAMES)))
    assert [r.key for r in rows] == EXPECTED


def test_spark_romanize_col_equals_romanize_many(people: Any) -> None:
    from translit.spark import romanize_col

    rows = people.select(
        romanize_col("name", "uk-national").alias("uk"), romanize_col(people.name).alias("any")
    ).collect()
    assert [r.uk for r in rows] == translit.romanize_many(NAMES, "uk-national")
    assert [r["any"] for r in rows] == translit.romanize_many(NAMES)
    with pytest.raises(translit.UnknownSystemError, match="uk-national"):
        romanize_col("name", "uk-natinal")


def test_spark_arrow_optimized_udf_fallback_equals_key(
    people: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spark 3.5 / 4.0 have no arrow_udf: the column functions use the Arrow-optimized @udf."""
    from pyspark.rdd import PythonEvalType

    import translit.spark as ts

    monkeypatch.setattr(ts, "_arrow_udf", lambda: None)
    assert ts._key_udf().evalType == PythonEvalType.SQL_ARROW_BATCHED_UDF
    rows = people.select(ts.key_col("name").alias("k"), ts.romanize_col("name").alias("r"))
    got = rows.collect()
    assert [r.k for r in got] == EXPECTED
    assert [r.r for r in got] == translit.romanize_many(NAMES)


def test_spark_column_functions_use_the_arrow_udf_path() -> None:
    engine("pyspark")
    from pyspark.rdd import PythonEvalType

    import translit.spark as ts

    if ts._arrow_udf() is not None:
        assert ts._key_udf().evalType == PythonEvalType.SQL_SCALAR_ARROW_UDF
        assert ts._romanize_udf().evalType == PythonEvalType.SQL_SCALAR_ARROW_UDF
    else:
        assert ts._key_udf().evalType == PythonEvalType.SQL_ARROW_BATCHED_UDF


def test_spark_with_keys_keeps_every_column_and_the_order(people: Any) -> None:
    from translit.spark import with_keys

    keyed = with_keys(people, "name", out="name_key")
    assert keyed.columns == ["i", "name", "city", "n", "name_key"]
    rows = [tuple(r) for r in keyed.collect()]
    assert rows == [
        (i, name, f"city{i % 7}", i % 3, k)
        for i, (name, k) in enumerate(zip(NAMES, EXPECTED, strict=True))
    ]


def test_spark_with_keys_names_the_problem(people: Any) -> None:
    from translit.spark import with_keys

    with pytest.raises(ValueError, match="did you mean name"):
        with_keys(people, "nmae")
    with pytest.raises(TypeError, match="not string"):
        with_keys(people, "n")
    with pytest.raises(ValueError, match="already has a column 'city'"):
        with_keys(people, "name", out="city")


def test_spark_with_keys_says_when_workers_run_another_version(
    people: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import translit.spark as ts

    monkeypatch.setattr(ts, "__version__", "9.9.9")  # the driver claims another version
    with pytest.raises(Exception, match=r"(?s)translit version mismatch.*9\.9\.9"):
        ts.with_keys(people, "name").collect()
    with pytest.raises(ts.WorkerVersionError, match="KEY_VERSION"):
        next(ts._append_keys(iter([]), "name", "key", ("0.1.0", translit.KEY_VERSION + 1)))


def test_spark_sql_functions_equal_key_row_by_row(spark: Any, people: Any) -> None:
    from translit.spark import register

    register(spark)
    people.createOrReplaceTempView("people")
    rows = spark.sql(
        "SELECT i, translit_key(name) AS k, translit_romanize(name, 'ru-iso9') AS r, "
        "translit_romanize(name, NULL) AS r0 FROM people"
    ).collect()
    assert [r.i for r in rows] == list(range(len(NAMES)))
    assert [r.k for r in rows] == EXPECTED
    assert [r.r for r in rows] == translit.romanize_many(NAMES, "ru-iso9")
    assert [r.r0 for r in rows] == translit.romanize_many(NAMES)
    mixed = spark.sql(
        "SELECT translit_romanize(n, s) AS r FROM VALUES ('Київ', 'uk-national'), "
        "('Киев', 'ru-iso9'), (NULL, 'ru-iso9'), ('Київ', NULL) AS t(n, s)"
    ).collect()
    assert [r.r for r in mixed] == [
        translit.romanize("Київ", "uk-national"), translit.romanize("Киев", "ru-iso9"), None,
        translit.romanize("Київ"),
    ]


def test_spark_ships_references_not_tables() -> None:
    """What Spark pickles for the workers is a reference to translit.spark: small, no table."""
    engine("pyspark")
    from pyspark.serializers import CloudPickleSerializer

    import translit.spark as ts

    pickle = CloudPickleSerializer()
    shipped = [
        pickle.dumps((ts._key_udf().func, ts._key_udf().returnType)),
        pickle.dumps((ts._romanize_udf().func, ts._romanize_udf().returnType)),
        pickle.dumps(ts._keys_appender("name", "name_key")),
    ]
    for payload in shipped:
        assert len(payload) < 1000, len(payload)
        assert b"translit.spark" in payload
        assert "Олександр".encode() not in payload and b"given-names" not in payload


# --- DuckDB -------------------------------------------------------------------------------


def test_duckdb_sql_functions_equal_key_row_by_row() -> None:
    duckdb = engine("duckdb")
    pa = engine("pyarrow")
    import translit.duckdb

    con = duckdb.connect()
    translit.duckdb.register(con)
    translit.duckdb.register(con)  # twice is harmless
    people = pa.table({"i": list(range(len(NAMES))), "name": pa.array(NAMES, pa.string())})
    con.register("people", people)
    rows = con.sql(
        "SELECT i, translit_key(name), translit_romanize(name, 'uk-national'), "
        "translit_romanize(name, NULL) FROM people ORDER BY i"
    ).fetchall()
    assert [r[0] for r in rows] == list(range(len(NAMES)))
    assert [r[1] for r in rows] == EXPECTED
    assert [r[2] for r in rows] == translit.romanize_many(NAMES, "uk-national")
    assert [r[3] for r in rows] == translit.romanize_many(NAMES)
    mixed = con.sql(
        "SELECT translit_romanize(n, s) FROM (VALUES ('Київ', 'uk-national'), ('Киев', 'ru-iso9'),"
        " (NULL, 'ru-iso9'), ('Київ', NULL)) t(n, s)"
    ).fetchall()
    assert [r[0] for r in mixed] == [
        translit.romanize("Київ", "uk-national"), translit.romanize("Киев", "ru-iso9"), None,
        translit.romanize("Київ"),
    ]
    with pytest.raises(duckdb.Error, match="uk-national"):
        con.sql("SELECT translit_romanize('Київ', 'uk-natinal')").fetchall()


# --- polars -------------------------------------------------------------------------------


def test_polars_namespace_equals_key_row_by_row() -> None:
    pl = engine("polars")
    import translit.polars

    parts = [pl.DataFrame({"name": NAMES[i : i + 1500]}, schema={"name": pl.String})
             for i in range(0, len(NAMES), 1500)]
    people = pl.concat(parts, rechunk=False).with_row_index("i")
    assert people["name"].n_chunks() > 1
    out = people.with_columns(
        pl.col("name").translit.key().alias("key"),
        pl.col("name").translit.romanize("uk-national").alias("uk"),
        pl.col("name").translit.romanize().alias("any"),
    )
    assert out.columns == ["i", "name", "key", "uk", "any"]
    assert out["key"].to_list() == EXPECTED
    assert out["uk"].to_list() == translit.romanize_many(NAMES, "uk-national")
    assert out["any"].to_list() == translit.romanize_many(NAMES)
    streamed = (
        people.lazy().select("i", pl.col("name").translit.key().alias("key"))
        .collect(engine="streaming")
    )
    assert streamed["i"].to_list() == list(range(len(NAMES)))
    assert streamed["key"].to_list() == EXPECTED
    with pytest.raises(translit.UnknownSystemError):
        pl.col("name").translit.romanize("uk-natinal")


# --- pandas and Dask ----------------------------------------------------------------------


def test_pandas_accessor_equals_key_row_by_row() -> None:
    pd = engine("pandas")
    import translit.pandas

    index = pd.RangeIndex(len(NAMES)) * 3 + 7
    for dtype in (object, "string", "str"):
        names = pd.Series(NAMES, index=index, name="name", dtype=dtype)
        keys = names.translit.key()
        assert keys.index.equals(index) and keys.name == "name"
        assert _plain(keys.tolist()) == EXPECTED
        uk = names.translit.romanize("uk-national")
        assert _plain(uk.tolist()) == translit.romanize_many(NAMES, "uk-national")
    assert _plain(translit.pandas.key_series(pd.Series(["Київ", float("nan"), pd.NA])).tolist()) \
        == [translit.key("Київ"), None, None]


def test_dask_two_process_cluster_equals_key_row_by_row() -> None:
    pd = engine("pandas")
    dd = engine("dask.dataframe")
    distributed = engine("distributed")
    import translit.pandas

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.wait_for_workers(2)
        people = dd.from_pandas(pd.DataFrame({"i": range(len(NAMES)), "name": NAMES}),
                                npartitions=8)
        keys = people["name"].map_partitions(
            translit.pandas.key_series, meta=("key", people["name"].dtype)
        )
        out = people.assign(key=keys).compute()
        assert out["i"].tolist() == list(range(len(NAMES)))
        assert _plain(out["key"].tolist()) == EXPECTED
        pids = people["name"].map_partitions(
            lambda part: pd.Series([os.getpid()] * len(part), dtype="int64"), meta=("pid", "int64")
        ).compute()
        assert pids.nunique() == 2


# --- the documented recipes run -----------------------------------------------------------


def _recipes() -> list[str]:
    """The python blocks of the README's "Beyond one machine" section, but Ray's and Spark
    Connect's, which need what CI has not."""
    readme = (ROOT / "README.md").read_text("utf-8")
    found = re.search(r"^## Beyond one machine\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert found, "README.md has no 'Beyond one machine' section"
    text = found.group(1)
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    return [b for b in blocks if "import ray" not in b and "addArtifacts" not in b]


RECIPES = _recipes()


def _needs(block: str) -> None:
    for module in ("pyspark", "duckdb", "polars", "pandas", "dask", "pyarrow"):
        if re.search(rf"^\s*(import|from) {module}\b", block, re.M):
            engine(module)


@pytest.mark.parametrize("block", [b for b in RECIPES if "spark." not in b],
                         ids=lambda b: b.split("\n")[0][:40])
def test_the_documented_recipes_run(block: str) -> None:
    _needs(block)
    exec(compile(block, "README: Beyond one machine", "exec"), {})


def test_the_documented_spark_recipe_runs(spark: Any) -> None:
    blocks = [b for b in RECIPES if "spark.createDataFrame" in b]
    assert blocks or not RECIPES, "the Spark recipe is gone from the docs"
    for block in blocks:
        namespace: dict[str, Any] = {"spark": spark}
        exec(compile(block, "README: Beyond one machine", "exec"), namespace)
        rows = namespace["keyed"].collect()
        assert [r.name_key for r in rows] == [translit.key("Харків"), translit.key("Kharkiv"), None]
        assert {r.key_version for r in rows} == {translit.KEY_VERSION}
        assert sorted(tuple(r) for r in namespace["matches"].collect()) == [(1, 10), (2, 10)]
        assert spark.sql("SELECT translit_key('Kharkiv') AS k").first().k == translit.key("Kharkiv")


# --- block keys and same_name: the two-level join, in every engine --------------------------

BLOCK_NAMES = NAMES[:2000]
BLOCKS = [None if n is None else sorted(translit.block_keys(n)) for n in BLOCK_NAMES]
# each name against another of the list and against its own romanization: pairs both ways
_OTHER = [BLOCK_NAMES[(i * 7 + 3) % len(BLOCK_NAMES)] for i in range(len(BLOCK_NAMES))]
PAIRS = [(a, b if i % 2 else (None if a is None else translit.romanize(a)))
         for i, (a, b) in enumerate(zip(BLOCK_NAMES, _OTHER, strict=True))]
SAME = [None if a is None or b is None else translit.same_name(a, b) for a, b in PAIRS]


def _lists(values: list[Any]) -> list[list[str] | None]:
    return [None if v is None else list(v) for v in values]


def test_the_pairs_hold_both_answers() -> None:
    assert SAME.count(True) > 500 and SAME.count(False) > 500 and None in SAME
    assert [] in BLOCKS and None in BLOCKS  # names without a block key, and missing ones


def test_block_keys_array_and_same_name_array_equal_the_library() -> None:
    pa = engine("pyarrow")
    from translit.arrow import block_keys_array, same_name_array

    assert block_keys_array(pa.array(BLOCK_NAMES, pa.string())).to_pylist() == BLOCKS
    chunked = pa.chunked_array([pa.array(BLOCK_NAMES[:700], pa.large_string()),
                                pa.array(BLOCK_NAMES[700:], pa.large_string())])
    assert block_keys_array(chunked).to_pylist() == BLOCKS
    encoded = pa.array(BLOCK_NAMES, pa.string()).dictionary_encode()
    assert block_keys_array(encoded).to_pylist() == BLOCKS
    a, b = (pa.array(list(side), pa.string()) for side in zip(*PAIRS, strict=True))
    assert same_name_array(a, b).to_pylist() == SAME
    with pytest.raises(ValueError, match="2 names against 1"):
        same_name_array(pa.array(["a", "b"]), pa.array(["a"]))
    with pytest.raises(TypeError, match="strings"):
        block_keys_array(pa.array([1, 2]))


def test_duckdb_block_keys_join_equals_a_join_in_python() -> None:
    duckdb = engine("duckdb")
    pa = engine("pyarrow")
    import translit.duckdb

    con = duckdb.connect()
    translit.duckdb.register(con)
    a, b = (pa.array(list(side), pa.string()) for side in zip(*PAIRS, strict=True))
    con.register("pairs", pa.table({"i": list(range(len(PAIRS))), "a": a, "b": b}))
    rows = con.sql("SELECT translit_block_keys(a), translit_same_name(a, b) FROM pairs "
                   "ORDER BY i").fetchall()
    assert _lists([r[0] for r in rows]) == BLOCKS
    assert [r[1] for r in rows] == SAME
    # the join a user writes: unnest both sides' block keys, join, verify
    left, right = BLOCK_NAMES[:600], [n for n in _OTHER[:600]]
    right += [translit.romanize(n) for n in left[:300] if n is not None]
    con.register("l", pa.table({"id": list(range(len(left))), "name": pa.array(left, pa.string())}))
    con.register("r", pa.table({"id": list(range(len(right))), "name": pa.array(right, pa.string())}))
    joined = con.sql(
        "WITH lb AS (SELECT id, name, unnest(translit_block_keys(name)) AS bk FROM l), "
        "rb AS (SELECT id, name, unnest(translit_block_keys(name)) AS bk FROM r), "
        "p AS (SELECT DISTINCT lb.id AS li, lb.name AS ln, rb.id AS ri, rb.name AS rn "
        "FROM lb JOIN rb USING (bk)) "
        "SELECT li, ri FROM p WHERE translit_same_name(ln, rn)"
    ).fetchall()
    expected = {
        (i, j) for i, x in enumerate(left) for j, y in enumerate(right)
        if x is not None and y is not None
        and translit.block_keys(x) & translit.block_keys(y) and translit.same_name(x, y)
    }
    assert set(joined) == expected and len(expected) > 300


def test_polars_and_pandas_block_keys_and_same_name_equal_the_library() -> None:
    pl = engine("polars")
    pd = engine("pandas")
    import translit.pandas
    import translit.polars  # noqa: F401  (registers the .translit namespace)

    frame = pl.DataFrame({"a": [a for a, _ in PAIRS], "b": [b for _, b in PAIRS]},
                         schema={"a": pl.String, "b": pl.String})
    out = frame.select(pl.col("a").translit.block_keys().alias("blocks"),
                       pl.col("a").translit.same_name("b").alias("same"),
                       pl.col("a").translit.same_name(pl.col("b")).alias("same2"))
    assert out["blocks"].dtype == pl.List(pl.String)
    assert _lists(out["blocks"].to_list()) == BLOCKS
    assert out["same"].to_list() == SAME == out["same2"].to_list()
    exploded = frame.select(pl.col("a"), pl.col("a").translit.block_keys().alias("k")) \
        .explode("k", empty_as_null=True)  # (polars drops a row with no key unless told)
    assert exploded.height == sum(max(1, len(k or [])) for k in BLOCKS)
    for dtype in (object, "string"):
        a = pd.Series([a for a, _ in PAIRS], dtype=dtype, index=pd.RangeIndex(len(PAIRS)) + 5)
        b = pd.Series([b for _, b in PAIRS], dtype=dtype)
        assert _lists(a.translit.block_keys().tolist()) == BLOCKS
        same = a.translit.same_name(b)
        assert same.index.equals(a.index) and str(same.dtype) == "boolean"
        assert [None if v is pd.NA else bool(v) for v in same.tolist()] == SAME


def test_spark_block_keys_same_name_and_exploded_rows(spark: Any) -> None:
    from translit.spark import block_keys_col, register, same_name_col, with_block_keys

    df = spark.createDataFrame([(i, a, b) for i, (a, b) in enumerate(PAIRS)],
                               "i long, a string, b string")
    rows = df.select("i", block_keys_col("a").alias("k"), same_name_col("a", "b").alias("s")) \
        .orderBy("i").collect()
    assert _lists([r.k for r in rows]) == BLOCKS
    assert [r.s for r in rows] == SAME
    exploded = with_block_keys(df, "a", out="bk").collect()
    assert len(exploded) == sum(max(1, len(k or [])) for k in BLOCKS)  # no row lost
    assert {r.i for r in exploded} == set(range(len(PAIRS)))
    by_row: dict[int, set[str]] = {}
    for r in exploded:
        if r.bk is not None:
            by_row.setdefault(r.i, set()).add(r.bk)
    assert all(by_row.get(i, set()) == set(k or []) for i, k in enumerate(BLOCKS))
    with pytest.raises(ValueError, match="already has a column"):
        with_block_keys(df, "a", out="b")
    register(spark)
    sql = spark.sql("SELECT translit_block_keys('Dnipro') AS k, "
                    "translit_same_name('Zaporozhye', 'Запорожье') AS s").first()
    assert list(sql.k) == sorted(translit.block_keys("Dnipro")) and sql.s is True
