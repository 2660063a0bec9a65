"""CPU per name of keying names through each engine route, as overhead over the plain loop.

Run from the repository root, in a venv with the engines and Java 17 for Spark:

    pip install -e '.[spark,duckdb,polars,pandas,dask]'
    python benchmarks/bench_engines.py              # 1M names, 3 rounds; writes RESULTS.md "engines"
    python benchmarks/bench_engines.py --names 200000 --rounds 1 --no-write   # a quick look

What is measured.  One million distinct full names (surname, given name, patronymic from the
names_translator sample in benchmarks/data/key_eval/, in Cyrillic or romanized by a random
system of their language, in several orders and cases).  For every route, CPU seconds (user +
system) of every process involved: this process alone for the in-process routes (all its
threads: DuckDB's and polars' included); this process and all its descendants (the Spark JVM,
its Python workers, the Dask scheduler, nannies and workers) for Spark and Dask, read from
/proc.  Wall time is reported beside it.  A route's overhead is its CPU minus the CPU of the
plain loop, key_many(list), over the same names: for the in-process routes the two alternate
slice by slice (ten slices) and are summed; for Spark and Dask the plain loop runs just before.

key() memoizes whole names (a bounded dict) and words (unbounded): a name seen before costs a
dict lookup.  So every measurement keys names that the process keying them has never seen:
each (route, round) gets its own copy of the million names, made distinct by a whitespace
suffix that key() ignores (it changes no word, so the work is the same).  Word caches are
warm everywhere (a first pass over the names in each engine), as they are in any long job.

On a machine shared with other jobs, the CPU of the same 1M keys varies by 10-40% from run to
run, more than the overheads measured.  So each route is also measured "hot": 1M rows of 100k
names that every process involved has already keyed (so key() costs one dict lookup; the plain
loop gets new str objects, as an engine hands them over); the difference with the hot plain
loop is then the route's own cost, with little noise.  The headline figures are the distinct
ones; the hot ones say how much of them is the route.  Baselines run each engine without
translit: Spark's scan and its Arrow transport to Python (an identity mapInArrow), DuckDB's
CREATE TABLE, Dask's read.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NAMES_FILE = HERE / "data" / "key_eval" / "names-translator-uk-ru.tsv"
SEED = 20240601
SPARK_TARGET = 1.6  # µs/name, with_keys overhead
LOCAL_TARGET = 0.5  # µs/name, one-machine routes

import translit  # noqa: E402
from translit.normalize import _memo  # noqa: E402  (cleared between in-process routes)

# ---------------------------------------------------------------------------------------------
# Names


def make_names(count: int, seed: int = SEED) -> list[str]:
    """*count* distinct full names, Cyrillic or romanized, in several orders and cases."""
    rows = [line.rstrip("\n").split("\t") for line in NAMES_FILE.open(encoding="utf-8")][1:]
    parts: dict[str, list[list[str]]] = {}
    for category, uk, *ru in rows:
        parts.setdefault(category, []).append([uk, *ru])
    systems = {lang: [s.id for s in translit.systems(lang)] for lang in ("uk", "ru")}
    rng = random.Random(seed)
    names: dict[str, None] = {}
    while len(names) < count:
        language = rng.choice(("uk", "ru"))
        pick = 0 if language == "uk" else -1  # the Ukrainian form, or a Russian one
        surname = rng.choice(parts["last"])[pick]
        given = rng.choice(parts["first"])[pick]
        patronymic = rng.choice(parts["patronymic"])[pick]
        form = rng.random()
        if form < 0.4:
            name = f"{surname} {given} {patronymic}"
        elif form < 0.7:
            name = f"{given} {patronymic} {surname}"
        elif form < 0.85:
            name = f"{surname.upper()}, {given}"
        else:
            name = f"{given} {surname}"
        if rng.random() < 0.5:
            name = translit.romanize(name, rng.choice(systems[language]))
        names[name] = None
    return list(names)


def variant(names: list[str], k: int) -> list[str]:
    """The names, made new to every cache by a whitespace suffix (k = 0: as they are)."""
    if k == 0:
        return names
    suffix = " " + bin(k)[2:].replace("0", " ").replace("1", "\t")
    return [n + suffix for n in names]


# ---------------------------------------------------------------------------------------------
# CPU accounting


def tree_cpu(root: int | None = None) -> float:
    """CPU seconds (user + system, own and reaped children's) of *root* and its descendants."""
    root = os.getpid() if root is None else root
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    cpu: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        cpu[pid] = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    total = 0
    for pid, ticks in cpu.items():
        node = pid
        while node and node != root:
            node = parent.get(node, 0)
        if node == root:
            total += ticks
    return total / tick


@dataclass
class Timing:
    cpu: float
    wall: float


@contextmanager
def measure(out: list[Timing], tree: bool) -> Iterator[None]:
    gc.collect()
    clock = tree_cpu if tree else time.process_time
    cpu, wall = clock(), time.perf_counter()
    yield
    out.append(Timing(clock() - cpu, time.perf_counter() - wall))


# ---------------------------------------------------------------------------------------------
# Routes: each takes the names (a list, or a parquet directory for Spark and Dask) and keys them


@dataclass
class Route:
    name: str
    engine: str
    target: float | None
    tree: bool  # count descendants' CPU (Spark, Dask)
    prepare: Callable[[list[str], Path], Any]  # untimed: the data in the engine's form
    run: Callable[[Any], Any]  # timed
    distinct: list[Timing] = field(default_factory=list)
    plain: list[Timing] = field(default_factory=list)
    hot: list[Timing] = field(default_factory=list)
    hot_plain: list[Timing] = field(default_factory=list)
    baseline: bool = False  # the engine without translit: CPU only, no overhead


def plain_loop(names: list[str]) -> Any:
    return translit.key_many(names)


def write_parquet(names: list[str], scratch: Path, files: int = 8) -> Path:
    """The names as *files* parquet files in a new directory (the previous one is removed:
    every prepared data set is run before the next is prepared)."""
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    for old in scratch.glob("parquet-*"):
        shutil.rmtree(old)
    directory = scratch / f"parquet-{next(_DIRECTORIES)}"
    directory.mkdir(parents=True)
    step = -(-len(names) // files)
    for i in range(files):
        part = pa.table({"name": pa.array(names[i * step : (i + 1) * step], pa.string())})
        # no dictionary pages: repeated names (the hot runs) must cost what distinct ones do
        pq.write_table(part, directory / f"part-{i}.parquet", use_dictionary=False)
    return directory


_DIRECTORIES = iter(range(1 << 30))


def local_routes() -> list[Route]:
    routes = [Route("plain loop: key_many(list)", "python", None, False, lambda n, _: n,
                    plain_loop)]
    try:
        import pyarrow as pa

        from translit.arrow import key_array

        routes.append(Route("Arrow: key_array", "pyarrow", None, False,
                            lambda n, _: pa.array(n, pa.string()), key_array))
    except ImportError:
        pass
    try:
        import duckdb
        import pyarrow as pa

        import translit.duckdb

        con = duckdb.connect()
        translit.duckdb.register(con)

        def duck_prepare(names: list[str], _: Path) -> Any:
            con.register("incoming", pa.table({"name": pa.array(names, pa.string())}))
            con.execute("CREATE OR REPLACE TABLE people AS SELECT name FROM incoming")
            con.unregister("incoming")
            return con

        routes.append(Route(
            "DuckDB: the same CREATE TABLE with name AS key (the engine alone)", "duckdb", None,
            False, duck_prepare,
            lambda c: c.execute(
                "CREATE OR REPLACE TABLE keyed AS SELECT name, name AS key FROM people"
            ),
            baseline=True,
        ))
        routes.append(Route(
            "DuckDB: CREATE TABLE … AS SELECT translit_key(name)", "duckdb", LOCAL_TARGET, False,
            duck_prepare,
            lambda c: c.execute(
                "CREATE OR REPLACE TABLE keyed AS SELECT name, translit_key(name) AS key FROM people"
            ),
        ))
    except ImportError:
        pass
    try:
        import polars as pl

        import translit.polars

        routes.append(Route(
            "polars: .translit.key() (eager)", "polars", LOCAL_TARGET, False,
            lambda n, _: pl.DataFrame({"name": n}, schema={"name": pl.String}),
            lambda df: df.with_columns(pl.col("name").translit.key().alias("key")),
        ))
        routes.append(Route(
            "polars: .translit.key() (streaming)", "polars", LOCAL_TARGET, False,
            lambda n, _: pl.DataFrame({"name": n}, schema={"name": pl.String}).lazy(),
            lambda lf: lf.with_columns(pl.col("name").translit.key().alias("key"))
            .collect(engine="streaming"),
        ))
    except ImportError:
        pass
    try:
        import pandas as pd

        import translit.pandas

        routes.append(Route(
            "pandas: Series.translit.key()", "pandas", LOCAL_TARGET, False,
            lambda n, _: pd.Series(n, name="name", dtype="str"),
            lambda s: s.translit.key(),
        ))
    except ImportError:
        pass
    return routes


def spark_routes() -> tuple[list[Route], Any]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    import warnings

    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    from pyspark.sql import SparkSession

    from translit.spark import key_col, register, with_keys

    spark = (
        SparkSession.builder.master("local[2]").appName("bench_engines")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.files.maxPartitionBytes", str(8 << 20))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    register(spark)

    def load(names: list[str], scratch: Path) -> Any:
        return spark.read.parquet(str(write_parquet(names, scratch)))

    def noop(df: Any) -> None:
        df.write.format("noop").mode("overwrite").save()

    def identity(batches: Iterator[Any]) -> Iterator[Any]:
        yield from batches

    def sql(df: Any) -> None:
        df.createOrReplaceTempView("people")
        noop(spark.sql("SELECT name, translit_key(name) AS key FROM people"))

    routes = [
        Route("Spark: scan + noop write, no key (the engine alone)", "spark", None, True, load,
              lambda df: noop(df.select("name")), baseline=True),
        Route("Spark: mapInArrow(identity), no key (the engine and its Python transport)",
              "spark", None, True, load, lambda df: noop(df.mapInArrow(identity, df.schema)),
              baseline=True),
        Route("Spark: key_col (arrow_udf)", "spark", None, True, load,
              lambda df: noop(df.select("name", key_col("name").alias("key")))),
        Route("Spark: with_keys (mapInArrow)", "spark", SPARK_TARGET, True, load,
              lambda df: noop(with_keys(df, "name", out="key"))),
        Route("Spark: SQL translit_key(name)", "spark", None, True, load, sql),
    ]
    return routes, spark


def dask_routes() -> tuple[list[Route], Any]:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import translit.pandas

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0")
    client = Client(cluster)
    client.wait_for_workers(2)

    def load(names: list[str], scratch: Path) -> Any:
        return str(write_parquet(names, scratch))

    def count_rows(path: str) -> int:
        return int(dd.read_parquet(path)["name"].map_partitions(len).sum().compute())

    def count_keys(path: str) -> int:
        names = dd.read_parquet(path)["name"]
        keys = names.map_partitions(translit.pandas.key_series, meta=("name", names.dtype))
        return int(keys.map_partitions(len).sum().compute())

    routes = [
        Route("Dask: read_parquet, no key (the engine alone)", "dask", None, True, load,
              count_rows, baseline=True),
        Route("Dask: map_partitions(key_series), 2 worker processes", "dask", None, True, load,
              count_keys),
    ]
    return routes, (client, cluster)


# ---------------------------------------------------------------------------------------------
# Running


def run_route(route: Route, names: list[str], hot_names: list[str], rounds: int,
              next_k: Iterator[int], scratch: Path) -> None:
    print(f"-- {route.name}", flush=True)
    compare = not route.baseline and route.engine != "python"
    # warm up the engine's code paths and every process's word caches on names of no later
    # measurement (k = 0); then key the hot names twice, so that every process memoizes them
    route.run(route.prepare(names, scratch))
    if compare:
        _memo.clear()
        translit.key_many(hot_names)
        for _ in range(2):
            route.run(route.prepare(hot_names, scratch))
        for _ in range(rounds):
            hot = route.prepare(hot_names, scratch)
            # new str objects, as an engine hands them over (no cached hash, not the memo's own)
            copies = [s.encode().decode() for s in hot_names]
            with measure(route.hot_plain, tree=False):
                plain_loop(copies)
            del copies
            with measure(route.hot, route.tree):
                route.run(hot)
    for _ in range(rounds):
        fresh = variant(names, next(next_k))
        if compare and not route.tree:
            interleaved(route, fresh, scratch)
        else:
            data = route.prepare(fresh, scratch)
            if compare:
                _memo.clear()
                with measure(route.plain, tree=False):
                    plain_loop(fresh)
            _memo.clear()
            with measure(route.distinct, route.tree):
                route.run(data)
        plain = f"plain {route.plain[-1].cpu:.2f}s, " if compare else ""
        print(f"   {plain}route {route.distinct[-1].cpu:.2f}s CPU "
              f"({route.distinct[-1].wall:.2f}s wall)", flush=True)


def interleaved(route: Route, names: list[str], scratch: Path, slices: int = 10) -> None:
    """An in-process route and the plain loop, slice by slice in alternating order, summed:
    both meet the same load on a shared machine, which whole runs seconds apart do not."""
    plain, run = Timing(0.0, 0.0), Timing(0.0, 0.0)
    step = -(-len(names) // slices)
    for i in range(slices):
        part = names[i * step : (i + 1) * step]
        data = route.prepare(part, scratch)
        for which in ((0, 1) if i % 2 == 0 else (1, 0)):
            out: list[Timing] = []
            _memo.clear()
            with measure(out, tree=False):
                if which:
                    route.run(data)
                else:
                    plain_loop(part)
            total = run if which else plain
            total.cpu += out[0].cpu
            total.wall += out[0].wall
    route.plain.append(plain)
    route.distinct.append(run)


def per_name(seconds: float, count: int) -> float:
    return seconds / count * 1e6


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarize(route: Route, count: int) -> dict[str, Any]:
    cpu = [per_name(t.cpu, count) for t in route.distinct]
    wall = [per_name(t.wall, count) for t in route.distinct]
    plain = [per_name(t.cpu, count) for t in route.plain]
    over = [c - p for c, p in zip(cpu, plain, strict=True)] if plain else []
    hot = [per_name(t.cpu, count) for t in route.hot]
    hot_plain = [per_name(t.cpu, count) for t in route.hot_plain]
    hot_over = [h - p for h, p in zip(hot, hot_plain, strict=True)]
    return {
        "route": route.name, "engine": route.engine, "target": route.target,
        "baseline": route.baseline, "cpu": median(cpu), "wall": median(wall),
        "plain": median(plain), "overhead": median(over),
        "overhead_min": min(over, default=float("nan")),
        "overhead_max": max(over, default=float("nan")),
        "hot_overhead": median(hot_over), "rounds": len(cpu),
        "raw": {"cpu": cpu, "wall": wall, "plain": plain, "hot": hot, "hot_plain": hot_plain},
    }


def join_back(spark: Any, names: list[str], k: int, scratch: Path,
              repeat: int = 10) -> dict[str, Any]:
    """The 'key the distinct names, then join back' pattern, on rows that repeat each name."""
    from translit.spark import with_keys

    def rows_of(variant_k: int) -> list[str]:
        distinct = variant(names[: len(names) // repeat], variant_k)
        rows = [n for n in distinct for _ in range(repeat)]
        random.Random(SEED).shuffle(rows)
        return rows

    def pattern(path: Path) -> None:
        df = spark.read.parquet(str(path))
        keys = with_keys(df.select("name").distinct(), "name", out="key")
        df.join(keys, "name", "left").write.format("noop").mode("overwrite").save()

    print("-- Spark: distinct, with_keys, join back", flush=True)
    pattern(write_parquet(rows_of(k + 1), scratch))  # warm-up, on other names
    rows = rows_of(k)
    path = write_parquet(rows, scratch)
    out: list[Timing] = []
    with measure(out, tree=True):
        pattern(path)
    return {"rows": len(rows), "distinct": len(rows) // repeat, "cpu": out[0].cpu,
            "wall": out[0].wall}


def markdown(results: list[dict[str, Any]], count: int, hot_count: int, rounds: int,
             versions: dict[str, str], join: dict[str, Any] | None, cold: float) -> str:
    from _results import machine

    plain = next(r for r in results if r["engine"] == "python")
    # the plain loop ran beside every route: its figure is the median of all those runs
    pooled = [x for r in results for x in r["raw"]["plain"]] + plain["raw"]["cpu"]
    plain["cpu"] = median(pooled)
    engines = ", ".join(f"{k} {v}" for k, v in versions.items())
    lines = [
        "## engines: keying names through Spark, DuckDB, polars, pandas, Dask "
        "(`benchmarks/bench_engines.py`)",
        "",
        f"{count:,} distinct full names (surname, given name and patronymic from the "
        "names_translator sample, in Cyrillic or romanized by a random system of their "
        f"language, in several orders and cases). {machine()}, 2 cores, shared with other "
        f"jobs; {engines}. Median of {rounds} rounds (the plain loop: of all {len(pooled)} of "
        "its runs).",
        "",
        "* **CPU**: user + system seconds per name of every process involved: for Spark and "
        "Dask, this process and all its descendants (the JVM, the Python workers, the Dask "
        "scheduler, nannies and workers), read from /proc.",
        "* **overhead**: a route's CPU minus the plain loop's over the same names (range over the "
        "rounds in brackets): for the in-process routes, the two alternate over ten slices of "
        "the names and are summed, so that both meet the same load; for Spark and Dask, the "
        "plain loop runs just before the route. Every run keys names that no process involved "
        "has seen (the per-name memo gives nothing); word caches are warm, as in any long job.",
        f"* **hot overhead**: the same difference on {count:,} rows of {hot_count:,} names that "
        "every process involved has already keyed, so that key() is one dict lookup: the "
        "route's own cost, without the ±10% run-to-run noise of the key work itself on this "
        "shared machine.",
        "",
        "| route | CPU µs/name | wall µs/name | overhead µs/name (range) | hot overhead µs/name "
        "| target | met |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for r in results:
        if r["engine"] == "python" or r["baseline"]:
            over = "—" if r["engine"] == "python" else "(no key: baseline)"
            hot = "—"
        else:
            over = f"{r['overhead']:+.2f} ({r['overhead_min']:+.2f} … {r['overhead_max']:+.2f})"
            hot = f"{r['hot_overhead']:+.2f}"
        target = f"≤ {r['target']}" if r["target"] is not None else ""
        if r["target"] is None:
            met = ""
        else:
            met = "yes" if r["overhead"] <= r["target"] else "no"
            met += " (hot: " + ("yes" if r["hot_overhead"] <= r["target"] else "no") + ")"
        lines.append(f"| {r['route']} | {r['cpu']:.2f} | {r['wall']:.2f} | {over} | {hot} | "
                     f"{target} | {met} |")
    lines += ["", f"The first pass over the names in a fresh process (word caches cold, tables "
              f"loading) costs {cold:.2f} µs/name; the plain loop above is the steady state."]
    lines += ["", *reading_targets(results)]
    spark_wk = next((r for r in results if r["route"].startswith("Spark: with_keys")), None)
    if spark_wk:
        lines += ["", *estimate(plain["cpu"], spark_wk, join)]
    return "\n".join(lines)


def reading_targets(results: list[dict[str, Any]]) -> list[str]:
    """What the target column says, and what lies under the Spark routes."""
    targets = [r for r in results if r["target"] is not None]
    if not targets:
        return []
    hot_met = [r["route"] for r in targets if r["hot_overhead"] <= r["target"]]
    text = (
        "**Reading the targets.** A route's overhead on distinct names is its own cost plus "
        "whatever makes the same key() calls dearer inside the engine than in a plain loop "
        "(other threads or processes sharing the two cores and their caches, the engine's "
        "memory); the hot overhead is the route's own cost alone. "
        f"{len(hot_met)} of the {len(targets)} routes with a target meet it hot"
        + (f" ({'; '.join(hot_met)})" if hot_met else "") + "."
    )

    def find(prefix: str) -> dict[str, Any] | None:
        return next((r for r in results if r["route"].startswith(prefix)), None)

    identity, scan = find("Spark: mapInArrow(identity)"), find("Spark: scan")
    with_keys, arrow = find("Spark: with_keys"), find("Arrow: key_array")
    if identity and scan and with_keys:
        text += (
            " Under every Spark route lies Spark itself: reading the names and handing them to "
            "a Python worker and back through Arrow, with no translit at all (mapInArrow of the "
            f"identity), costs {identity['cpu']:.2f} µs/name here ({scan['cpu']:.2f} of it the "
            "scan), where the plain loop has its names in memory already. with_keys' hot "
            f"overhead, {with_keys['hot_overhead']:+.2f} µs/name, differs from that floor by "
            f"{with_keys['hot_overhead'] - identity['cpu']:+.2f}: translit's own part (turning "
            "Arrow strings into Python ones and back, as every engine does"
            + (f"; {arrow['hot_overhead']:+.2f} hot in one process" if arrow else "")
            + ") is within the noise of Spark's. "
            + (f"A target of {with_keys['target']} µs/name over the plain loop is then below "
               "what any Spark route can reach on this machine."
               if identity["cpu"] > with_keys["target"] else
               f"Its overhead on distinct names, {with_keys['overhead']:+.2f} µs/name, "
               + ("meets" if with_keys["overhead"] <= with_keys["target"] else "misses")
               + f" the target of {with_keys['target']} µs/name over the plain loop.")
        )
    return [text]


def estimate(plain_cpu: float, with_keys: dict[str, Any], join: dict[str, Any] | None) -> list[str]:
    per_name_cpu = plain_cpu + max(with_keys["overhead"], 0.0)
    rate = 1e6 / per_name_cpu
    core_hours = 1e9 * per_name_cpu / 1e6 / 3600
    lines = [
        "### Estimate: keying 10⁹ names",
        "",
        f"Measured per core, through Spark with_keys: {plain_cpu:.1f} µs (key) + "
        f"{max(with_keys['overhead'], 0):.1f} µs (route) ≈ **{per_name_cpu:.1f} µs/name**, "
        f"≈ {rate:,.0f} names per second per core. 10⁹ distinct names ≈ "
        f"{1e9 * per_name_cpu / 1e6:,.0f} CPU seconds ≈ **{core_hours:,.1f} core-hours**: "
        f"≈ {core_hours / 64 * 60:.0f} min on 64 cores, ≈ {core_hours / 256 * 60:.0f} min on 256 "
        "(add the cluster's start-up and the read and write of the data; the keying itself "
        "scales with cores, no shuffle).",
    ]
    if join:
        rows, distinct = join["rows"], join["distinct"]
        key_cpu = distinct * per_name_cpu / 1e6
        join_per_row = max(join["cpu"] - key_cpu, 0.0) / rows * 1e6
        lines += [
            "",
            "**Key the distinct names, then join back.** Real columns repeat names (a person per "
            "row, a city per address). Keying only `df.select(\"name\").distinct()` with "
            "with_keys and joining the keys back on `name` trades key work for a shuffle. "
            f"Measured here on {rows:,} rows of {distinct:,} names (each 10 times): "
            f"{join['cpu']:.1f} s CPU in all, of which ≈ {key_cpu:.1f} s keying the distinct "
            f"names, leaving ≈ **{join_per_row:.1f} µs per row** for distinct + join (two "
            "shuffles).",
            "",
            "| 10⁹ rows with | key every row | distinct, key, join back |",
            "|---|---:|---:|",
        ]
        for share in (1.0, 0.3, 0.1, 0.01):
            d = 1e9 * share
            every = 1e9 * per_name_cpu / 1e6 / 3600
            pattern = (d * per_name_cpu + 1e9 * join_per_row) / 1e6 / 3600
            lines.append(f"| {d:,.0f} distinct names | {every:,.1f} core-h | "
                         f"{pattern:,.1f} core-h |")
        lines += [
            "",
            "The pattern pays when the join's per-row cost is below the key's per-name cost times "
            "the share of repeats, and when the table is shuffled on `name` anyway. Within one "
            "worker, key() already memoizes the last ~130k distinct names, so heavily repeated "
            "values that arrive close together cost little even without the pattern.",
        ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--hot", type=int, default=100_000, help="distinct names of the hot runs")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engines", default="python,pyarrow,duckdb,polars,pandas,spark,dask",
                        help="the routes to run (the plain loop always runs)")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--render", type=Path, metavar="JSON",
                        help="write the section from an earlier run's --json, running nothing")
    args = parser.parse_args(argv)
    if args.render:
        return rerender(args.render, write=not args.no_write)
    wanted = set(args.engines.split(",")) | {"python"}  # the plain loop: every ratio's base

    started = time.process_time()
    names = make_names(args.names)
    print(f"{len(names):,} names made in {time.process_time() - started:.0f}s", flush=True)
    _memo.clear()
    cpu0 = time.process_time()
    translit.key_many(names)  # warms this process's word caches (k = 0)
    cold = per_name(time.process_time() - cpu0, len(names))
    hot_names = variant(names[: args.hot], 1) * (len(names) // args.hot)
    counter = iter(range(2, 1 << 16))
    versions: dict[str, str] = {"translit": translit.__version__}

    results: list[dict[str, Any]] = []
    join = None
    with tempfile.TemporaryDirectory(prefix="bench_engines_") as tmp:
        scratch = Path(tmp)
        for route in local_routes():
            if route.engine not in wanted:
                continue
            run_route(route, names, hot_names, args.rounds, counter, scratch)
            results.append(summarize(route, len(names)))
        if "spark" in wanted:
            import pyspark

            versions["PySpark"] = pyspark.__version__
            routes, spark = spark_routes()
            for route in routes:
                run_route(route, names, hot_names, args.rounds, counter, scratch)
                results.append(summarize(route, len(names)))
            join = join_back(spark, names, next(counter), scratch)
            next(counter)  # join_back's warm-up used k + 1
            spark.stop()
        if "dask" in wanted:
            import dask

            versions["Dask"] = dask.__version__
            routes, (client, cluster) = dask_routes()
            for route in routes:
                run_route(route, names, hot_names, args.rounds, counter, scratch)
                results.append(summarize(route, len(names)))
            client.close()
            cluster.close()
    for module in ("duckdb", "polars", "pandas", "pyarrow"):
        if module in wanted:
            try:
                versions[module] = __import__(module).__version__
            except ImportError:
                pass

    if args.json:
        args.json.write_text(json.dumps({
            "results": results, "join": join, "cold": cold, "count": len(names), "hot": args.hot,
            "rounds": args.rounds, "versions": versions,
        }, indent=1))
    return render(results, len(names), args.hot, args.rounds, versions, join, cold,
                  write=not args.no_write)


def render(results: list[dict[str, Any]], count: int, hot: int, rounds: int,
           versions: dict[str, str], join: dict[str, Any] | None, cold: float,
           write: bool) -> int:
    md = markdown(results, count, hot, rounds, versions, join, cold)
    print(md)
    if write:
        sys.path.insert(0, str(HERE))
        from _results import write_section

        write_section("engines", md)
    return 0


def rerender(path: Path, write: bool) -> int:
    """The section again from a run's --json file (after a change to the text alone)."""
    d = json.loads(path.read_text())
    return render(d["results"], d["count"], d["hot"], d["rounds"], d["versions"], d["join"],
                  d["cold"], write)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
