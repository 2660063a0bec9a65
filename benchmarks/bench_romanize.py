"""romanize_many against the peers, on 100k distinct real names per language, in one run.

    python benchmarks/bench_romanize.py            # writes its section of benchmarks/RESULTS.md

Names: real words from the shipped lexicon (translit/data/lexicon.tsv.gz: pymorphy3 / OpenCorpora,
russiannames, names-translator, shevchenko-py, GeoNames), per language:
* "people": 100,000 distinct "Surname Given" pairs of that language's surnames and given names
  (seeded); no name repeats, its words do, as in any register of people;
* "words": every name is a distinct single word (surnames and places), so no memo can help:
  the engine's cold path.
Every peer gets the same list once, after a warm-up on other names; translit's memos are emptied
before its run. Throughput is names per second of process CPU time, best of 3 runs.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _results import machine, write_section

import translit
from translit import lexicon
from translit.systems import _forward

SEED = 20261125
N = 100_000


def names(language: str) -> dict[str, list[str]]:
    lex = lexicon.load()
    surnames, given, words = [], [], []
    for word in lex:
        entry = lex.get(word)
        if entry is None or language not in entry.languages or " " in word:
            continue
        title = "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
        if "surname" in entry.kinds:
            surnames.append(title)
        if "given" in entry.kinds:
            given.append(title)
        if entry.kinds & {"surname", "place"}:
            words.append(title)
    rng = random.Random(SEED)
    people: set[str] = set()
    while len(people) < N:
        people.add(f"{rng.choice(surnames)} {rng.choice(given)}")
    rng.shuffle(words)
    return {"people": sorted(people, key=lambda _: rng.random()), "words": words[:N]}


def peers(language: str) -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {}
    try:
        import icu

        rule = {"uk": "Ukrainian-Latin/BGN", "ru": "Russian-Latin/BGN", "be": "Belarusian-Latin/BGN"}
        t = icu.Transliterator.createInstance(rule[language])
        out["PyICU " + rule[language]] = t.transliterate
    except ImportError:
        pass
    if language == "ru":
        try:
            import iuliia

            out["iuliia (BGN/PCGN)"] = lambda s: iuliia.translate(s, iuliia.BGN_PCGN)
        except ImportError:
            pass
    if language == "uk":
        try:
            import translitua

            out["translitua (KMU 2010)"] = translitua.translit
        except ImportError:
            pass
    try:
        import cyrtranslit

        code = {"uk": "ua", "ru": "ru", "be": "by"}[language]
        out[f"cyrtranslit ({code})"] = lambda s: cyrtranslit.to_latin(s, code)
    except ImportError:
        pass
    try:
        from transliterate import translit as tr

        if language in ("uk", "ru"):
            out[f"transliterate ({language})"] = lambda s: tr(s, language, reversed=True)
    except ImportError:
        pass
    from anyascii import anyascii
    from unidecode import unidecode

    out["unidecode"] = unidecode
    out["anyascii"] = anyascii
    return out


def cpu_rate(fn: Callable[[], object], n: int, runs: int = 3, before: Callable[[], None] | None = None) -> float:
    best = float("inf")
    for _ in range(runs):
        if before:
            before()
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return n / best


def forget(system: str) -> None:
    _forward(system)._memo.clear()


def main() -> None:
    rows = []
    defaults = {"uk": "uk-national", "ru": "ru-bgn-pcgn", "be": "be-national"}
    for language in ("uk", "ru"):
        data = names(language)
        system = defaults[language]
        translit.romanize_many(["Прогрів Ёж"] * 10, system)
        for kind, batch in data.items():
            ours = cpu_rate(lambda b=batch, s=system: translit.romanize_many(b, s), len(batch),
                            before=lambda s=system: forget(s))
            results = {f"translit romanize_many ({system})": ours}
            for label, fn in peers(language).items():
                fn("Прогрів Ёж")
                results[label] = cpu_rate(lambda fn=fn, b=batch: [fn(x) for x in b], len(batch))
            icu_rate = next((v for k, v in results.items() if k.startswith("PyICU")), float("nan"))
            for label, rate in results.items():
                rows.append(f"| {language} | {kind} | {label} | {rate:,.0f} | {ours / rate:.2f}× | "
                            f"{rate / icu_rate:.2f}× |")
            print(language, kind, {k: round(v) for k, v in results.items()}, flush=True)
    md = f"""## Romanize: names per second (`benchmarks/bench_romanize.py`)

{machine()}; {N:,} distinct names per list, process CPU time, best of 3. "people": distinct
"Surname Given" pairs of real lexicon words (words repeat, names never do); "words": distinct
single words (surnames and places), where no memo helps. translit's memos are emptied before
each run; every context rule of the national systems is on.

| language | list | implementation | names/s | translit ÷ this | this ÷ ICU |
|---|---|---|---:|---:|---:|
""" + "\n".join(rows) + """

Target (issue 2): `romanize_many` ≥ 1.5× ICU's throughput for the same language.
"""
    write_section("romanize", md)


if __name__ == "__main__":
    main()
