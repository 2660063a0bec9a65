"""Totality: every public function takes any str without raising and returns what it says.

Three kinds of input:

* hypothesis strategies rich in Cyrillic of the three languages, Latin with diacritics,
  apostrophe look-alikes, combining marks, zero-width and bidi controls, emoji and lone
  surrogates (tests/strategies.py); the ci profile draws about 2,000 examples a property,
  the fuzz profile (HYPOTHESIS_PROFILE=fuzz) 50,000;
* corpora nobody here wrote (tests/data/naughty/: the Big List of Naughty Strings,
  csv-spectrum) and the domain's traps (tests/data/traps.txt);
* a bounded run of benchmarks/sweep.py: 10^5 seeded random strings through every verb, and
  every code point alone and between Cyrillic letters through romanize, key and detect.

Functions are looked up by name on translit ("places.lookup"), as the sweep names them.
"""

from __future__ import annotations

import collections.abc
import csv
import dataclasses
import inspect
import json
import os
import random
import re
import time
import types
import typing
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import translit
from tests.scripts import load_script
from tests.strategies import ALPHABETS, hostile_text

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
IN_CI = bool(os.environ.get("CI") or os.environ.get("TRANSLIT_CI"))
LANGUAGES = ("ru", "uk", "be")
SYSTEMS = [s.id for s in translit.systems()]
REVERSIBLE = [s.id for s in translit.systems() if s.reversible]
IRREVERSIBLE = [s.id for s in translit.systems() if not s.reversible]


def _load_sweep() -> types.ModuleType:
    """benchmarks/sweep.py as a module (registered, so that its worker processes find it)."""
    return load_script("benchmarks/sweep.py", "translit_benchmarks_sweep")


sweep = _load_sweep()


# ----------------------------------------------------------------------------------------------
# Looking functions up, and checking what they return


def public(name: str) -> Callable[..., Any]:
    """translit.<name> ("key", "places.lookup"), which must exist."""
    function: Callable[..., Any] | None = sweep.lookup(name)
    assert function is not None, f"translit.{name} does not exist"
    return function


def takes(function: Callable[..., Any], parameter: str) -> bool:
    try:
        return parameter in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


def return_hint(function: Callable[..., Any]) -> Any:
    """The function's return annotation, resolved; Any when it has none or it cannot be."""
    try:
        return typing.get_type_hints(function).get("return", Any)
    except Exception:  # an unresolvable annotation checks nothing
        return Any


def conforms(value: Any, hint: Any, depth: int = 0) -> bool:
    """Whether *value* is what the annotation *hint* says (containers and dataclasses too)."""
    if depth > 6 or hint is Any or isinstance(hint, typing.TypeVar | str):
        return True
    if hint is None or hint is type(None):
        return value is None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, a, depth + 1) for a in args)
    if origin is typing.Literal:
        return value in args
    if origin is None:
        if hint is float:
            return isinstance(value, float | int) and not isinstance(value, bool)
        if not isinstance(hint, type):
            return True
        if not isinstance(value, hint):
            return False
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            try:
                fields = typing.get_type_hints(type(value))
            except Exception:
                return True
            return all(conforms(getattr(value, f.name), fields.get(f.name, Any), depth + 1)
                       for f in dataclasses.fields(value))
        return True
    if not isinstance(origin, type):
        return True
    return isinstance(value, origin) and _members_conform(value, origin, args, depth)


def _members_conform(value: Any, origin: type, args: tuple[Any, ...], depth: int) -> bool:
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return all(conforms(x, args[0], depth + 1) for x in value)
        return not args or (len(args) == len(value)
                            and all(conforms(x, a, depth + 1) for x, a in zip(value, args,
                                                                               strict=True)))
    if issubclass(origin, collections.abc.Mapping) and len(args) == 2:
        return all(conforms(k, args[0], depth + 1) and conforms(v, args[1], depth + 1)
                   for k, v in value.items())
    if issubclass(origin, collections.abc.Iterable) and args and not isinstance(value, str):
        if isinstance(value, collections.abc.Iterator):
            return True  # checking would use it up
        return all(conforms(x, args[0], depth + 1) for x in value)
    return True


def check_result(function: Callable[..., Any], result: Any) -> None:
    hint = return_hint(function)
    assert conforms(result, hint), f"returned {result!r}, which is not {hint}"


# ----------------------------------------------------------------------------------------------
# Properties: the verbs that exist now


@given(hostile_text)
def test_romanize_in_every_system(text: str) -> None:
    out = translit.romanize(text)
    assert isinstance(out, str)
    check_result(translit.romanize, out)
    for system in SYSTEMS:
        assert isinstance(translit.romanize(text, system), str), system


@given(st.lists(st.one_of(st.none(), hostile_text), max_size=8), st.sampled_from(SYSTEMS))
def test_romanize_many(names: list[str | None], system: str) -> None:
    for out in (translit.romanize_many(names, system), translit.romanize_many(names)):
        assert isinstance(out, list) and len(out) == len(names)
        assert all((o is None) == (n is None) and (n is None or isinstance(o, str))
                   for n, o in zip(names, out, strict=True))


@given(hostile_text)
def test_cyrillize_in_every_reversible_system(text: str) -> None:
    for system in REVERSIBLE:
        assert isinstance(translit.cyrillize(text, system), str), system


@pytest.mark.parametrize("system", IRREVERSIBLE[:3])
def test_cyrillize_refuses_a_lossy_system_with_its_error(system: str) -> None:
    with pytest.raises(translit.IrreversibleSystemError):
        translit.cyrillize("Kharkiv", system)


@given(hostile_text)
def test_unknown_system_name_raises_only_unknown_system_error(name: str) -> None:
    try:
        found = translit.system(name)
    except translit.UnknownSystemError as error:
        assert isinstance(error, ValueError)
        with pytest.raises(translit.UnknownSystemError):
            translit.romanize("Київ", name)
    else:
        assert isinstance(found, translit.System)


@given(hostile_text)
def test_key(text: str) -> None:
    out = translit.key(text)
    assert isinstance(out, str)
    check_result(translit.key, out)
    assert translit.key(text) == out


@given(st.lists(st.one_of(st.none(), hostile_text), max_size=8))
def test_key_many(names: list[str | None]) -> None:
    out = translit.key_many(names)
    assert isinstance(out, list) and len(out) == len(names)
    assert out == [None if n is None else translit.key(n) for n in names]


@given(st.lists(hostile_text, max_size=8))
def test_group_keeps_every_name(names: list[str]) -> None:
    groups = translit.group(names)
    assert isinstance(groups, list) and all(isinstance(g, translit.Group) for g in groups)
    check_result(translit.group, groups)
    indices = sorted(i for g in groups for i in g.indices)
    assert indices == list(range(len(names)))
    for g in groups:
        assert isinstance(g.key, str) and g.representative in g.names
        assert g.names == tuple(names[i] for i in g.indices)


@given(hostile_text, hostile_text)
def test_similarity(a: str, b: str) -> None:
    s = translit.similarity(a, b)
    assert isinstance(s, float) and 0.0 <= s <= 1.0
    assert translit.similarity(b, a) == s
    # a name is wholly like itself; a text with no name in it (blank, "-", "n/a") like nothing
    assert translit.similarity(a, a) == (1.0 if translit.key(a) else 0.0)


SCRIPTS = {"cyrillic", "latin", "mixed", "other", "none"}


@given(hostile_text)
def test_detect(text: str) -> None:
    d = translit.detect(text)
    assert isinstance(d, translit.Detection)
    check_result(translit.detect, d)
    assert d.script in SCRIPTS and d.language in (None, *LANGUAGES)


@given(hostile_text)
def test_repair(text: str) -> None:
    out = translit.repair(text)
    assert isinstance(out, str)
    check_result(translit.repair, out)


# ----------------------------------------------------------------------------------------------
# Properties of the reading, checking and gazetteer verbs


def test_candidates() -> None:
    candidates = public("candidates")
    with_language = takes(candidates, "language")
    limit = inspect.signature(candidates).parameters.get("limit")
    cap = limit.default if limit is not None and isinstance(limit.default, int) else None

    @given(hostile_text, st.sampled_from((None, *LANGUAGES)))
    def prop(text: str, language: str | None) -> None:
        out = candidates(text, language=language) if with_language else candidates(text)
        assert isinstance(out, list)
        check_result(candidates, out)
        if cap is not None:
            assert len(out) <= cap, f"{len(out)} readings, over the default limit {cap}"
        for reading in out:
            assert isinstance(getattr(reading, "cyrillic", ""), str)

    prop()


def test_identify() -> None:
    identify = public("identify")
    params = list(inspect.signature(identify).parameters.values())
    pair = len(params) > 1 and params[1].kind in (params[1].POSITIONAL_ONLY,
                                                  params[1].POSITIONAL_OR_KEYWORD)

    @given(hostile_text, hostile_text)
    def prop(latin: str, cyrillic: str) -> None:
        check_result(identify, identify(latin))
        if pair:
            check_result(identify, identify(latin, cyrillic))

    prop()


def test_check() -> None:
    check = public("check")
    option = next((p for p in ("target", "system") if takes(check, p)), None)

    @given(hostile_text, st.sampled_from(SYSTEMS))
    def prop(text: str, system: str) -> None:
        check_result(check, check(text))
        if option:
            check_result(check, check(text, **{option: system}))

    prop()


def test_places_lookup() -> None:
    lookup = public("places.lookup")
    with_country = takes(lookup, "country")

    @given(hostile_text, st.sampled_from((None, "UA", "RU", "BY")))
    def prop(text: str, country: str | None) -> None:
        check_result(lookup, lookup(text))
        if with_country:
            check_result(lookup, lookup(text, country=country))

    prop()


# ----------------------------------------------------------------------------------------------
# Corpora: every string through every verb that exists


def calls(text: str, other: str = "Харків") -> Iterator[tuple[str, Callable[[], Any], Any]]:
    """(call as source, the call, what it must return) for every verb on *text*."""
    r = repr(text)
    yield f"romanize({r})", lambda: translit.romanize(text), str
    for s in SYSTEMS:
        yield f"romanize({r}, {s!r})", partial(translit.romanize, text, s), str
    for s in REVERSIBLE:
        yield f"cyrillize({r}, {s!r})", partial(translit.cyrillize, text, s), str
    yield f"romanize_many([{r}, None])", lambda: translit.romanize_many([text, None]), list
    yield f"key({r})", lambda: translit.key(text), str
    yield f"key_many([{r}, None])", lambda: translit.key_many([text, None]), list
    yield f"group([{r}, {other!r}])", lambda: translit.group([text, other]), list
    yield f"similarity({r}, {other!r})", lambda: translit.similarity(text, other), float
    yield f"detect({r})", lambda: translit.detect(text), translit.Detection
    yield f"repair({r})", lambda: translit.repair(text), str
    for name in ("candidates", "identify", "check", "places.lookup"):
        function = sweep.lookup(name)
        if function is not None:
            yield f"{name}({r})", partial(function, text), return_hint(function)


def run_corpus(strings: list[str]) -> list[str]:
    """What went wrong, one line per failed call."""
    failures = []
    for text in strings:
        for source, call, expected in calls(text):
            try:
                result = call()
            except Exception as exc:  # collecting them is the point
                failures.append(f"{source}: {type(exc).__name__}: {exc}")
                continue
            if not conforms(result, expected):
                failures.append(f"{source}: returned {result!r}, not {expected}")
    return failures


_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[nrt\\])")
_NAMED = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}


def unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _NAMED.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)


def traps() -> list[str]:
    """tests/data/traps.txt: one trap a line, escapes decoded, TAB starts a note."""
    out = []
    for line in (DATA / "traps.txt").read_text("utf-8").split("\n"):
        if line.startswith("#") or not line.strip("\t"):
            continue
        out.append(unescape(line.split("\t", 1)[0]))
    return out


def blns() -> list[str]:
    strings: list[str] = json.loads((DATA / "naughty" / "blns" / "blns.json").read_text("utf-8"))
    return strings


def csv_spectrum() -> list[str]:
    """Every CSV file of csv-spectrum whole, each of its lines, and each of its cells."""
    out = []
    for path in sorted((DATA / "naughty" / "csv-spectrum").glob("*.csv")):
        text = path.read_bytes().decode("utf-8")
        out.append(text)
        out += text.splitlines()
        out += [cell for row in csv.reader(text.splitlines(keepends=True)) for cell in row]
    return list(dict.fromkeys(out))


CORPORA: dict[str, Callable[[], list[str]]] = {
    "traps": traps, "blns": blns, "csv-spectrum": csv_spectrum,
}


def test_corpora_are_there_with_their_licences() -> None:
    assert len(traps()) >= 150
    assert len(blns()) >= 500
    assert len(csv_spectrum()) >= 30
    for folder in ("blns", "csv-spectrum"):
        licence = (DATA / "naughty" / folder / "LICENSE").read_text("utf-8")
        assert "Permission" in licence or "Redistribution" in licence
    assert any("\ud800" in t for t in traps()) and any("\u202e" in t for t in traps())
    assert (DATA / "naughty" / "csv-spectrum" / "simple_crlf.csv").read_bytes().endswith(b"\r\n")


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_through_every_verb(corpus: str) -> None:
    failures = run_corpus(CORPORA[corpus]())
    assert not failures, f"{len(failures)} failed calls:\n" + "\n".join(failures[:40])


# ----------------------------------------------------------------------------------------------
# The sweep, bounded for CI (benchmarks/sweep.py runs the full 10^6 and writes the figures)


def _assert_clean(tally: Any) -> None:
    print(tally.line())
    shown = "\n".join(f"{f.call}\n  {f.problem}\n{f.trace}" for f in tally.examples[:10])
    assert tally.failures == 0, f"{tally.line()}\n{shown}"


def test_sweep_random_strings() -> None:
    count = 100_000 if IN_CI else 20_000
    # candidates and identify on one string in 500: 200 calls each, not seconds-long
    tally = sweep.run(sweep.string_tasks(count, every=500), jobs=os.cpu_count() or 1)
    assert tally.calls > 0
    _assert_clean(tally)


def test_sweep_every_code_point() -> None:
    """unidecode's exhaustive test: chr(0) ... chr(0x10FFFF), alone and between letters."""
    tasks = sweep.point_tasks()
    if not IN_CI:  # locally U+0000 ... U+7FFF only (Latin, Cyrillic, marks, punctuation)
        tasks = tasks[:1]
    tally = sweep.run(tasks, jobs=os.cpu_count() or 1)
    assert tally.calls >= 7 * sum(b - a for _, _, a, b, _ in tasks)
    _assert_clean(tally)


# ----------------------------------------------------------------------------------------------
# Long inputs: time proportional to the length (benchmarks/bench_linear.py measures 10^6)


def _long(n: int, words: bool, seed: int) -> str:
    rng = random.Random(seed)
    letters = ALPHABETS["uk"] + "ʼ"
    if not words:
        return "".join(rng.choices(ALPHABETS["uk"], k=n))
    out: list[str] = []
    size = 0
    while size < n:
        w = "".join(rng.choices(letters, k=rng.randint(2, 10)))
        out.append(w.capitalize())
        size += len(w) + 1
    return " ".join(out)[:n]


def _latin(text: str) -> str:
    return translit.romanize(text, "uk-national")


def _mixed(text: str) -> str:
    # every third Cyrillic о a Latin o: words for repair() to mend
    return text.replace("о", "o", text.count("о") // 3 or 1)


LONG_INPUTS: dict[str, Callable[[str], str]] = {
    "romanize": lambda s: s, "key": lambda s: s, "detect": lambda s: s,
    "repair": _mixed, "candidates": _latin,
}


def _timed(verb: str, text: str) -> float:
    function = public(verb)
    start = time.process_time()  # CPU time: other work on the machine does not count
    out = function(text)
    seconds = time.process_time() - start
    if verb == "candidates":
        assert isinstance(out, list) and len(out) <= 10, "candidates must cap its readings"
    return seconds


@pytest.mark.parametrize("words", [False, True], ids=["one word", "many words"])
@pytest.mark.parametrize("verb", LONG_INPUTS)
def test_long_input_takes_time_proportional_to_its_length(verb: str, words: bool) -> None:
    small, large = 10_000, 100_000
    make = LONG_INPUTS[verb]
    # best of two distinct inputs each (distinct: nothing memoized helps)
    t_small = min(_timed(verb, make(_long(small, words, seed))) for seed in (1, 2))
    t_large = min(_timed(verb, make(_long(large, words, seed))) for seed in (3, 4))
    assert t_large < 2.0 * 10 * t_small + 0.25, (
        f"{verb}: {t_small:.3f} s at {small:,} code points, {t_large:.3f} s at {large:,}: "
        "worse than linear"
    )
