"""Distinct-name throughput of the pure-Python engine (issue 16, step 1), about 40 s:

    python benchmarks/bench_core_quick.py        # PYTHONPATH=/work/main for today's code
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import translit
from translit import key_many, lexicon, romanize_many
from translit.memo import clear_all

LEX = lexicon.load()
RNG = random.Random(5)
N = 40_000


def pool(language: str, kinds: set[str]) -> list[str]:
    out = []
    for word in LEX:
        entry = LEX.get(word)
        if entry is not None and language in entry.languages and entry.kinds & kinds and " " not in word:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return out


def data(language: str) -> dict[str, list[str]]:
    words = pool(language, {"surname", "place"})
    RNG.shuffle(words)
    given = pool(language, {"given"})
    places = pool(language, {"place"})
    RNG.shuffle(places)
    two: set[str] = set()
    while len(two) < N:
        two.add(f"{RNG.choice(words)} {RNG.choice(given)}")
    return {"words": words[:N], "two": list(two), "places": places[:N]}


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
