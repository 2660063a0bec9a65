"""Linear time: romanize, key, detect, repair and candidates on 10^5 and 10^6 code points.

    python benchmarks/bench_linear.py              # writes its section of RESULTS.md
    python benchmarks/bench_linear.py --no-write --sizes 10000 100000

Each verb reads one long word and many words (2 to 10 letters, Title case, spaces between)
of random Ukrainian letters, as much as the size says; repair reads the same text with every
third о a Latin o (a homoglyph mix, so that it has words to mend); candidates reads the
text's uk-national romanization.  Each measurement is the best of --runs, each on a text of
its own (so that nothing memoized helps), in CPU seconds of a child process (so that other
work on the machine does not count) that is stopped after --timeout seconds.  Time
proportional to the length means the 10^6 / 10^5 ratio is about 10.  anyascii, unidecode and
ftfy, where installed, run on the same many-words text as anchors.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(HERE.parent))

import translit  # noqa: E402

UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
SHAPES = ("one word", "many words")
VERBS = ("romanize", "key", "detect", "repair", "candidates")
ANCHORS = ("anyascii", "unidecode", "ftfy")


def text(size: int, shape: str, seed: int) -> str:
    """*size* code points of random Ukrainian letters: one word, or many words."""
    rng = random.Random(seed)
    if shape == "one word":
        return "".join(rng.choices(UKRAINIAN, k=size))
    words: list[str] = []
    length = 0
    while length < size:
        w = "".join(rng.choices(UKRAINIAN, k=rng.randint(2, 10)))
        words.append(w[0].upper() + w[1:])
        length += len(w) + 1
    return " ".join(words)[:size]


def homoglyphs(cyrillic: str) -> str:
    """Every third Cyrillic о written as a Latin o."""
    parts = cyrillic.split("о")
    return "".join(p + ("" if i == len(parts) - 1 else "o" if i % 3 == 0 else "о")
                   for i, p in enumerate(parts))


def verb_input(verb: str, size: int, shape: str, seed: int) -> str:
    t = text(size, shape, seed)
    if verb == "repair":
        return homoglyphs(t)
    if verb == "candidates":
        return translit.romanize(t, "uk-national")
    return t


def function(verb: str) -> Callable[[str], Any] | None:
    if verb in VERBS:
        found: Callable[[str], Any] | None = getattr(translit, verb, None)
        return found or (_reverse_candidates() if verb == "candidates" else None)
    try:
        if verb == "anyascii":
            from anyascii import anyascii

            return anyascii
        if verb == "unidecode":
            from unidecode import unidecode

            return unidecode
        if verb == "ftfy":
            import ftfy

            fix_text: Callable[[str], Any] = ftfy.fix_text
            return fix_text
    except ImportError:
        return None
    return None


def _reverse_candidates() -> Callable[[str], Any] | None:
    """translit.reverse.candidates before translit exports it."""
    try:
        from translit.reverse import candidates
    except ImportError:
        return None
    return candidates


def _measure(verb: str, size: int, shape: str, runs: int, conn: Connection) -> None:
    f = function(verb)
    assert f is not None
    best = float("inf")
    detail = ""
    for run in range(runs):
        s = verb_input(verb, size, shape, seed=size * 10 + run)
        start = time.process_time()
        out = f(s)
        best = min(best, time.process_time() - start)
        if verb == "candidates":
            detail = f"{len(out)} readings"
            if not hasattr(translit, "candidates"):
                detail += " (translit.reverse.candidates: not exported yet)"
    conn.send((best, detail))


def measure(verb: str, size: int, shape: str, runs: int, timeout: float) -> tuple[float, str]:
    """Best seconds of *runs*, in a child process; inf if it took longer than *timeout*."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_measure, args=(verb, size, shape, runs, child))
    process.start()
    if parent.poll(timeout):
        result: tuple[float, str] = parent.recv()
    else:
        result = (float("inf"), f"stopped after {timeout:.0f} s")
    process.kill()
    process.join()
    return result


def warm_up() -> None:
    """Load tables and models before forking, so that no measurement pays for them."""
    for verb in (*VERBS, *ANCHORS):
        f = function(verb)
        if f is not None:
            f("Харків Kharkiv")


def fmt(seconds: float) -> str:
    if seconds == float("inf"):
        return "> timeout"
    return "–" if seconds != seconds else f"{seconds:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    small, large = args.sizes
    warm_up()
    rows = []
    for verb in VERBS:
        if function(verb) is None:
            rows.append(f"| {verb} | – | – | – | – | not in this version of translit |")
            continue
        for shape in SHAPES:
            a, _ = measure(verb, small, shape, args.runs, args.timeout)
            b, detail = measure(verb, large, shape, args.runs, args.timeout)
            ratio = b / a if a and b != float("inf") else float("nan")
            linear = "yes" if ratio <= 15 else "**no**"
            rows.append(f"| {verb} | {shape} | {fmt(a)} | {fmt(b)} | {ratio:.1f} | {linear}"
                        f"{'; ' + detail if detail else ''} |")
            print(rows[-1], flush=True)
    anchors = []
    for name in ANCHORS:
        if function(name) is None:
            anchors.append(f"{name} not installed")
            continue
        b, _ = measure(name, large, "many words", args.runs, args.timeout)
        anchors.append(f"{name} {fmt(b)} s")
        print(anchors[-1], flush=True)
    md = ["## Linear time on long inputs (`benchmarks/bench_linear.py`)", ""]
    md.append(
        f"CPU seconds for one call on {small:,} and {large:,} code points (best of {args.runs}, "
        "each on a text of its own), in one long word and in many words (2 to 10 random "
        "Ukrainian letters, Title case); repair reads the text with every third о a Latin o; "
        "candidates reads its uk-national romanization. Time proportional to the length gives "
        f"a ratio near {large // small}; 'linear' is a ratio of at most 15."
    )
    md += ["", f"| verb | input | {small:,} s | {large:,} s | ratio | linear |",
           "|---|---|---:|---:|---:|---|", *rows, ""]
    md.append(f"Anchors on the {large:,}-code-point many-words text, same machine and run: "
              + "; ".join(anchors) + " (the issue's figures at 10^6: anyascii 0.14 s, "
              "unidecode 0.25 s, ftfy 0.45 s).")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    md += ["", f"Measured on {machine()}; load average {load} at the end of the run."]
    text_md = "\n".join(md)
    print(text_md)
    if not args.no_write:
        sys.path.insert(0, str(HERE))
        from _results import write_section

        write_section("linear", text_md)
    return 0


def machine() -> str:
    sys.path.insert(0, str(HERE))
    from _results import machine as m

    return m()


if __name__ == "__main__":
    raise SystemExit(main())
