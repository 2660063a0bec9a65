"""Every verb on a million random strings, and every code point through romanize, key, detect.

    python benchmarks/sweep.py                       # 10^6 strings + code points; RESULTS.md
    python benchmarks/sweep.py --strings 100000 --no-write

Two parts, both counting calls, exceptions and the slowest call:

* **Random strings**: a plain seeded generator (not hypothesis, which is about 100x slower per
  example) makes names and soups of Cyrillic of the three languages, Latin with diacritics,
  apostrophe look-alikes, combining marks, zero-width and bidi controls, emoji, lone surrogates
  and arbitrary code points; each string goes through every verb translit has (batches of
  them through the batch verbs).  The verbs that read Latin into Cyrillic (candidates,
  identify) cost milliseconds a call, so they take every EXPENSIVE_EVERY-th string.
* **Code points** (unidecode's exhaustive test): every chr(0) ... chr(0x10FFFF) alone and
  between Cyrillic letters ("Щ" + c + "я") through romanize, key and detect, and between
  lowercase letters through romanize in each system in turn.

Prints `N calls, 0 exceptions, slowest X ms (input)` per part; exits 1 if any call raised or
returned the wrong type.  tests/test_totality.py runs a bounded copy of this in CI.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import multiprocessing
import os
import random
import resource
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(HERE.parent))

import translit  # noqa: E402

SEED = 20240611
#: Strings per task: the generator of a task is seeded with (seed, task number), so the
#: strings are the same whatever the number of processes.
TASK_SIZE = 10_000
#: Code points per task.
POINTS_PER_TASK = 0x8000
#: Strings per batch for romanize_many, key_many and group.
BATCH = 50
#: candidates and identify read Latin into Cyrillic with a letter model (milliseconds a call):
#: they take one string in this many (tests/test_totality.py takes fewer).
EXPENSIVE_EVERY = 100
EXPENSIVE = ("candidates", "identify")
MAX_FAILURES = 50
LANGUAGES = (None, "ru", "uk", "be")

# ----------------------------------------------------------------------------------------------
# The generator

CYRILLIC = {
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
}
APOSTROPHES = "'’ʼ‘`′ʹʺ\u00b4\uff07"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIACRITICS = "áàâäãåāăąćčĉçďđéèêëēėęěğģĝĥíìîïīįıĵķĺľłńňñóòôöõøōőŕřśšŝşșťțúùûüūůűųŵýÿŷźžżßþðæœİŉẞǅ"
COMBINING = "\u0300\u0301\u0304\u0306\u0308\u030f\u0311\u0327\u0328\u034f\u0483\u2de0"
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\u180e\ufe0f\U000e0041"
)
SPACES = " \t\n\r\u00a0\u2009\u3000\u2028\u2029\x85\x0b\x0c\x1c"
PUNCTUATION = "-.,;:!?\"()[]/\\«»„“”‐–—_|#@&*+=<>0123456789²½٣"
EMOJI = "😀🇺🇦👍🏽\u20e3"
SURROGATES = "\ud800\udbff\udc00\udfff\ud83d"
OTHER = "\x00\x1b\x7f\ufffd\uffff\ufffe\U0010ffff\ue000\u0378ΚΟαοꙮᲀԁѣѳѵђћџљњјѕⰀكקＫ𝐊Ⅻﬁ"
ALL_CYRILLIC = "".join(CYRILLIC.values())
POOLS: tuple[tuple[int, str], ...] = (
    (30, ALL_CYRILLIC), (10, ALL_CYRILLIC.upper()), (12, LATIN), (6, DIACRITICS),
    (6, APOSTROPHES), (5, COMBINING), (5, INVISIBLE), (8, SPACES), (6, PUNCTUATION),
    (3, EMOJI), (2, SURROGATES), (3, OTHER),
)
#: Every pool spread to its weight over one string, so one choices() call draws a string.
SOUP = "".join(chars * (weight * 2520 // len(chars) + 1) for weight, chars in POOLS)
HOSTILE = APOSTROPHES + COMBINING + INVISIBLE + SURROGATES + EMOJI + "KaopcxyiІіХ"


def _length(rng: random.Random) -> int:
    return min(int(rng.expovariate(1 / 12)), 400)


def _word(rng: random.Random, letters: str) -> str:
    w = "".join(rng.choices(letters, k=rng.randint(1, 12)))
    if len(w) > 2 and rng.random() < 0.15:
        at = rng.randrange(1, len(w))
        w = w[:at] + rng.choice(APOSTROPHES) + w[at:]
    case = rng.random()
    return w.upper() if case < 0.2 else w if case < 0.4 else w[:1].upper() + w[1:]


def _name(rng: random.Random) -> str:
    letters = CYRILLIC[rng.choice(("uk", "ru", "be"))]
    if rng.random() < 0.2:
        letters = LATIN[:26] + "'"  # a romanized name, for the Latin-reading verbs
    text = ""
    for n in range(rng.randint(1, 4)):
        if n:
            text += rng.choice((" ", " ", " ", "-", ", ", ". ", "\t"))
        text += _word(rng, letters)
    for _ in range(rng.choice((0, 0, 0, 1, 2))):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(HOSTILE) + text[at:]
    if rng.random() < 0.1:
        text = unicodedata.normalize("NFD", text)
    return text


def random_strings(seed: int, count: int) -> Iterator[str]:
    """*count* strings, the same ones for the same seed: names, soups, arbitrary code points."""
    rng = random.Random(seed)
    for _ in range(count):
        shape = rng.random()
        if shape < 0.45:
            yield _name(rng)
        elif shape < 0.85:
            yield "".join(rng.choices(SOUP, k=_length(rng)))
        else:
            yield "".join(
                chr(rng.randrange(0x110000)) if rng.random() < 0.5 else rng.choice(SOUP)
                for _ in range(_length(rng) // 2)
            )


# ----------------------------------------------------------------------------------------------
# The verbs


def lookup(dotted: str) -> Callable[..., Any] | None:
    """translit.<dotted> (e.g. "key", "places.lookup"), or None when this version lacks it."""
    module, _, name = dotted.rpartition(".")
    owner: Any = translit
    if module:
        try:
            owner = importlib.import_module(f"translit.{module}")
        except ModuleNotFoundError as exc:
            if exc.name in (f"translit.{module}", "translit"):
                return None
            raise
    function = getattr(owner, name, None)
    return function if callable(function) else None


def _takes(function: Callable[..., Any], parameter: str) -> bool:
    try:
        return parameter in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


@dataclass
class VerbTally:
    calls: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    slowest_input: str = ""
    function: str = ""  # the translit function (dotted) the verb calls
    slowest_args: tuple[Any, ...] = ()
    slowest_kwargs: dict[str, Any] = field(default_factory=dict)
    retimed: float = float("nan")  # the slowest call again, in a fresh process (best of 3)


@dataclass
class Failure:
    call: str  # verb(args) as Python source
    problem: str  # exception type and message, or what was wrong with the result
    trace: str


@dataclass
class Tally:
    """What one part of the sweep found."""

    calls: int = 0
    failures: int = 0
    examples: list[Failure] = field(default_factory=list)
    verbs: dict[str, VerbTally] = field(default_factory=dict)
    seconds: float = 0.0
    peak_rss_mib: float = 0.0

    def add(self, other: Tally) -> None:
        self.calls += other.calls
        self.failures += other.failures
        self.examples.extend(other.examples[: MAX_FAILURES - len(self.examples)])
        for verb, t in other.verbs.items():
            mine = self.verbs.setdefault(verb, VerbTally())
            mine.calls += t.calls
            mine.seconds += t.seconds
            if t.slowest > mine.slowest:
                mine.slowest, mine.slowest_input = t.slowest, t.slowest_input
                mine.slowest_args, mine.slowest_kwargs = t.slowest_args, t.slowest_kwargs
                mine.function = t.function
        self.peak_rss_mib = max(self.peak_rss_mib, other.peak_rss_mib)

    @property
    def slowest(self) -> tuple[float, str]:
        if not self.verbs:
            return 0.0, ""
        t = max(self.verbs.values(), key=lambda v: v.slowest)
        return t.slowest, t.slowest_input

    def line(self) -> str:
        seconds, call = self.slowest
        return (f"{self.calls:,} calls, {self.failures:,} exceptions, "
                f"slowest {seconds * 1000:.1f} ms ({call})")


def shown(args: Sequence[Any], kwargs: dict[str, Any] | None = None, width: int = 120) -> str:
    """Arguments as Python source, long strings cut (with their length)."""
    parts = []
    for a in args:
        text = repr(a)
        if len(text) > width:
            text = f"{text[:width]}… ({len(a)} items)" if not isinstance(a, str) else \
                f"{text[:width]}… ({len(a):,} code points)"
        parts.append(text)
    parts += [f"{k}={v!r}" for k, v in (kwargs or {}).items()]
    return ", ".join(parts)


Check = Callable[[Any], bool]


def _is_str(x: Any) -> bool:
    return isinstance(x, str)


def _is_list(x: Any) -> bool:
    return isinstance(x, list)


def _is_unit(x: Any) -> bool:
    return isinstance(x, float) and 0.0 <= x <= 1.0


class Sweeper:
    """Calls verbs, timing each call and keeping what raised."""

    def __init__(self) -> None:
        self.tally = Tally()
        self.systems = [s.id for s in translit.systems()]
        self.reversible = [s.id for s in translit.systems() if s.reversible]
        self.functions = {name: lookup(name) for name in (
            "romanize", "romanize_many", "cyrillize", "key", "key_many", "group", "similarity",
            "detect", "repair", "candidates", "identify", "check", "places.lookup",
        )}
        candidates = self.functions["candidates"]
        self.candidates_language = candidates is not None and _takes(candidates, "language")

    def call(self, verb: str, function: Callable[..., Any], *args: Any,
             check: Check | None = None, **kwargs: Any) -> None:
        t = self.tally
        start = time.process_time()
        try:
            result = function(*args, **kwargs)
        except Exception as exc:  # counting them is the point
            elapsed = time.process_time() - start
            self._fail(verb, args, kwargs, f"{type(exc).__name__}: {exc}",
                       traceback.format_exc())
        else:
            elapsed = time.process_time() - start
            if check is not None and not check(result):
                problem = f"returned {type(result).__name__}: {result!r}"
                self._fail(verb, args, kwargs, problem[:300], "")
        t.calls += 1
        v = t.verbs.get(verb)
        if v is None:
            v = t.verbs[verb] = VerbTally()
        v.calls += 1
        v.seconds += elapsed
        if elapsed > v.slowest:
            v.slowest, v.slowest_input = elapsed, f"{verb}({shown(args, kwargs, 60)})"
            v.slowest_args, v.slowest_kwargs = args, kwargs
            v.function = getattr(function, "__name__", "")
            module = getattr(function, "__module__", "") or ""
            if v.function and module.startswith("translit.") and v.function != verb.split("[")[0]:
                v.function = f"{module.removeprefix('translit.')}.{v.function}"

    def _fail(self, verb: str, args: Sequence[Any], kwargs: dict[str, Any], problem: str,
              trace: str) -> None:
        self.tally.failures += 1
        if len(self.tally.examples) < MAX_FAILURES:
            call = f"{verb}({shown(args, kwargs, 400)})"
            self.tally.examples.append(Failure(call, problem, trace))

    def strings(self, texts: Iterator[str], start: int = 0, every: int = EXPENSIVE_EVERY) -> None:
        """Every string through every verb (candidates and identify: one in *every*);
        batches through the batch verbs."""
        f = self.functions
        call = self.call
        systems, reversible = self.systems, self.reversible
        batch: list[str | None] = []
        previous = ""
        for i, text in enumerate(texts, start):
            call("romanize", f["romanize"], text, check=_is_str)  # type: ignore[arg-type]
            call("romanize[system]", f["romanize"], text, systems[i % len(systems)],  # type: ignore[arg-type]
                 check=_is_str)
            if f["cyrillize"] and reversible:
                call("cyrillize", f["cyrillize"], text, reversible[i % len(reversible)],
                     check=_is_str)
            for verb, check in (("key", _is_str), ("detect", None), ("repair", _is_str),
                                ("check", None), ("places.lookup", None)):
                function = f[verb]
                if function is not None:
                    call(verb, function, text, check=check)
            if f["similarity"]:
                call("similarity", f["similarity"], text, previous, check=_is_unit)
            if i % every == 0:
                if f["candidates"]:
                    if self.candidates_language:
                        call("candidates", f["candidates"], text,
                             language=LANGUAGES[i // every % 4], check=_is_list)
                    else:
                        call("candidates", f["candidates"], text, check=_is_list)
                if f["identify"]:
                    call("identify", f["identify"], text)
            previous = text
            batch.append(text)
            if len(batch) == BATCH:
                batch.append(None)
                if f["romanize_many"]:
                    call("romanize_many", f["romanize_many"], batch, systems[i % len(systems)],
                         check=_is_list)
                if f["key_many"]:
                    call("key_many", f["key_many"], batch, check=_is_list)
                if f["group"]:
                    call("group", f["group"], batch[:-1], check=_is_list)
                batch = []

    def code_points(self, start: int, stop: int) -> None:
        """Each code point alone and between Cyrillic letters through romanize, key, detect."""
        romanize, key, detect = translit.romanize, translit.key, translit.detect
        call = self.call
        systems = self.systems
        for cp in range(start, stop):
            c = chr(cp)
            between = "Щ" + c + "я"
            call("romanize", romanize, c, check=_is_str)
            call("romanize", romanize, between, check=_is_str)
            call("romanize[system]", romanize, "щ" + c + "я", systems[cp % len(systems)],
                 check=_is_str)
            call("key", key, c, check=_is_str)
            call("key", key, between, check=_is_str)
            call("detect", detect, c)
            call("detect", detect, between)

    def warm_up(self) -> None:
        """Load every table and model once, so that no call below pays for it."""
        for s in self.systems:
            translit.romanize("Щука", s)
        for s in self.reversible:
            translit.cyrillize("Shhuka", s)
        translit.similarity("Kharkiv", "Kyiv")  # keys differ: imports rapidfuzz
        for verb, function in self.functions.items():
            if function is None or verb in ("romanize_many", "key_many", "group", "cyrillize",
                                            "similarity"):
                continue
            # Latin, Cyrillic, both, and a half-romanized word (repair reads it with candidates):
            # models of either direction load on their first use
            for text in ("Kharkiv", "Харків Шевченко", "Kharkiv Харків", "Покровsk Київ"):
                try:
                    function(text)
                except Exception:  # the sweep itself reports it
                    pass


# ----------------------------------------------------------------------------------------------
# Running it, in several processes


_SWEEPER: Sweeper | None = None


def _worker() -> Sweeper:
    global _SWEEPER
    if _SWEEPER is None:
        _SWEEPER = Sweeper()
        _SWEEPER.warm_up()
    return _SWEEPER


Task = tuple[str, int, int, int, int]  # kind, seed, first, last or count, every


def _task(task: Task) -> Tally:
    kind, seed, a, b, every = task
    sweeper = _worker()
    sweeper.tally = Tally()
    start = time.perf_counter()
    if kind == "strings":
        sweeper.strings(random_strings(seed * 1_000_003 + a, b), a * TASK_SIZE, every)
    else:
        sweeper.code_points(a, b)
    tally = sweeper.tally
    tally.seconds = time.perf_counter() - start
    tally.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return tally


def string_tasks(count: int, seed: int = SEED, every: int = EXPENSIVE_EVERY) -> list[Task]:
    """*count* random strings, in tasks of TASK_SIZE."""
    return [("strings", seed, n, min(TASK_SIZE, count - first), every)
            for n, first in enumerate(range(0, count, TASK_SIZE))]


def point_tasks(start: int = 0, stop: int = 0x110000) -> list[Task]:
    """The code points start ... stop - 1, in tasks of POINTS_PER_TASK."""
    return [("points", 0, a, min(a + POINTS_PER_TASK, stop), 0)
            for a in range(start, stop, POINTS_PER_TASK)]


def run(tasks: list[Task], jobs: int = 0) -> Tally:
    """The tasks' tallies added up; *jobs* processes (0: one per core; 1: this process)."""
    jobs = jobs or os.cpu_count() or 1
    total = Tally()
    start = time.perf_counter()
    if jobs == 1:
        for task in tasks:
            total.add(_task(task))
    else:
        # fork: the workers need this module, which tests load from its path
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            for tally in pool.map(_task, tasks):
                total.add(tally)
    total.seconds = time.perf_counter() - start
    return total


def _retime_child(function: str, args: tuple[Any, ...], kwargs: dict[str, Any],
                  conn: Any) -> None:
    f = lookup(function)
    assert f is not None
    start = time.process_time()
    try:
        f(*args, **kwargs)
    finally:
        conn.send(time.process_time() - start)


def retime(tally: Tally, runs: int = 3, timeout: float = 60.0) -> None:
    """Each verb's slowest call again, in fresh processes forked from a warmed-up one (so that
    nothing the sweep memoized helps): the best of *runs* tells a slow input from a pause."""
    _worker()
    context = multiprocessing.get_context("fork")
    for v in tally.verbs.values():
        if not v.function or lookup(v.function) is None:
            continue
        best = float("inf")
        for _ in range(runs):
            parent, child = context.Pipe()
            process = context.Process(target=_retime_child,
                                      args=(v.function, v.slowest_args, v.slowest_kwargs, child))
            process.start()
            if parent.poll(timeout):
                best = min(best, parent.recv())
            process.kill()
            process.join()
        v.retimed = best


# ----------------------------------------------------------------------------------------------
# Report


def code(text: str) -> str:
    """*text* as a Markdown code span that may hold backticks, inside a table cell too."""
    return "`` " + text.replace("|", "\\|") + " ``"


def report(parts: dict[str, Tally], jobs: int, every: int = EXPENSIVE_EVERY) -> str:
    md = ["## Sweep: every verb on random strings and on every code point "
          "(`benchmarks/sweep.py`)", ""]
    md.append(
        "Random strings from a seeded generator (names of the three languages, romanized names, "
        "and soups of Cyrillic, Latin with diacritics, apostrophe look-alikes, combining marks, "
        "zero-width and bidi controls, emoji, lone surrogates and arbitrary code points), each "
        "through every verb translit has; romanize_many, key_many and group take them "
        f"{BATCH} at a time; candidates and identify, which cost milliseconds a call, take one "
        f"string in {every}. Code points: every chr(0) … chr(0x10FFFF) alone and "
        "as Щ + c + я through romanize (no system), key and detect, and as щ + c + я through "
        "romanize in each system in turn (unidecode's exhaustive test). A call fails when it "
        "raises or returns the wrong type. A call's time is the CPU time of its process (so "
        "that other work on the machine does not count); each verb's slowest call is made again "
        "afterwards in a fresh process (best of 3), which tells a slow input from a pause (a "
        "garbage collection, a page fault)."
    )
    for label, t in parts.items():
        md += ["", f"**{label}**: {code(t.line())}; {t.seconds:,.0f} s in {jobs} processes, "
               f"peak memory of a process {t.peak_rss_mib:,.0f} MiB.", "",
               "| verb | calls | exceptions | mean µs | slowest ms | slowest call | that call "
               "again, ms |",
               "|---|---:|---:|---:|---:|---|---:|"]
        failed: dict[str, int] = {}
        for f in t.examples:
            verb = f.call.split("(", 1)[0]
            failed[verb] = failed.get(verb, 0) + 1
        for verb, v in sorted(t.verbs.items()):
            md.append(f"| {verb} | {v.calls:,} | {failed.get(verb, 0)} | "
                      f"{v.seconds / v.calls * 1e6:,.1f} | {v.slowest * 1000:,.1f} | "
                      f"{code(v.slowest_input)} | {v.retimed * 1000:,.1f} |")
    missing = [n for n in ("candidates", "identify", "check", "places.lookup") if lookup(n) is None]
    if missing:
        md += ["", f"Not in this version of translit, so not swept: {', '.join(missing)}."]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    md += ["", f"Measured on {machine()}; load average {load} at the end of the run (the "
           "run's seconds are wall-clock, so other work on the machine inflates them)."]
    return "\n".join(md)


def machine() -> str:
    sys.path.insert(0, str(HERE))
    from _results import machine as m

    return m()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strings", type=int, default=1_000_000, help="random strings (10^6)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--every", type=int, default=EXPENSIVE_EVERY,
                        help="candidates and identify take one string in this many")
    parser.add_argument("--no-points", action="store_true", help="skip the code-point scan")
    parser.add_argument("--jobs", type=int, default=0, help="processes (0: one per core)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    jobs = args.jobs or os.cpu_count() or 1
    parts: dict[str, Tally] = {}
    if args.strings:
        tasks = string_tasks(args.strings, args.seed, args.every)
        parts[f"{args.strings:,} random strings"] = run(tasks, jobs)
    if not args.no_points:
        parts["1,114,112 code points"] = run(point_tasks(), jobs)
    for t in parts.values():
        retime(t)
    failures = 0
    for label, t in parts.items():
        print(f"{label}: {t.line()}  [{t.seconds:,.1f} s]")
        failures += t.failures
        for f in t.examples[:10]:
            print(f"  {f.call}\n    {f.problem}")
    total = Tally()
    for t in parts.values():
        total.add(t)
    print(total.line())
    if not args.no_write:
        sys.path.insert(0, str(HERE))
        from _results import write_section

        write_section("sweep", report(parts, jobs, args.every))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
