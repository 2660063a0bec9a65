"""Distinct-name throughput of the pure-Python engine (issue 16, step 1), about 40 s:

    python benchmarks/bench_core_quick.py        # PYTHONPATH=/work/main for today's code
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import translit
from translit import key_many, romanize_many
from translit.memo import clear_all

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_core  # its names: one sample for both benchmarks

RNG = random.Random(5)


def data(language: str) -> dict[str, list[str]]:
    """The names of bench_core.py (one list of words, two-word names and places a language)."""
    sets = bench_core.data(language, RNG)
    return {"words": sets["words"], "two": sets["two words"], "places": sets["places"]}


def timed(label: str, run: Callable[[list[str]], object], names: list[str]) -> float:
    best = 1e9
    for _ in range(3):
        clear_all()
        start = time.process_time()
        run(names)
        best = min(best, time.process_time() - start)
    print(f"{label:30s} {len(names) / best:12,.0f}/s", flush=True)
    return len(names) / best


def main() -> None:
    sets = {"uk": data("uk"), "ru": data("ru")}
    for system_id, language in [("uk-national", "uk"), ("ru-bgn-pcgn", "ru")]:
        for kind, names in sets[language].items():
            timed(f"{system_id} {kind}", lambda n, s=system_id: romanize_many(n, s), names)
    latin = [n for n in romanize_many(sets["ru"]["two"], "ru-iso9") if n is not None]
    timed("cyrillize ru-iso9 two", lambda n: [translit.cyrillize(x, "ru-iso9") for x in n], latin)
    timed("key_many two ru", key_many, sets["ru"]["two"])


if __name__ == "__main__":
    main()
