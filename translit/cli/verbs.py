"""The row verbs: each is one entry of VERBS, the library function it applies to every
row's value (romanize, cyrillize, key, detect, repair, candidates, identify).  Adding a
verb is one entry here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import translit


@dataclass(frozen=True)
class Settings:
    """The options a verb's function takes (picklable: sent to worker processes)."""

    system: str | None = None
    language: str | None = None
    limit: int = 10


Batch = Callable[[list[str | None]], list[Any]]


def _each(function: Callable[[str], Any]) -> Batch:
    """A one-name function over a batch; None (no value in that row) stays None."""
    return lambda values: [None if v is None else function(v) for v in values]


def _each_pair(function: Callable[..., Any]) -> Batch:
    """A function of a name and, when a second column gives it, its other spelling."""
    def run(values: list[Any]) -> list[Any]:
        return [None if v is None else function(*v) if isinstance(v, tuple) else function(v)
                for v in values]

    return run


def _detection(d: translit.Detection) -> tuple[Any, ...]:
    return (d.script, d.language, d.evidence, d.family)


def _readings(readings: list[translit.Reading]) -> tuple[Any, ...] | None:
    """The best reading (Cyrillic, language, score, systems), and the others' Cyrillic."""
    if not readings:
        return None
    best = readings[0]
    return (best.cyrillic, best.language, best.score, tuple(best.systems),
            [r.cyrillic for r in readings[1:]])


@dataclass(frozen=True)
class Verb:
    """One subcommand: the library function it applies to each row's value."""

    function: str  # the translit function it calls; the verb is offered once that exists
    columns: tuple[str, ...]  # names of the columns it appends (--output-column renames them)
    summary: str
    example: str
    batch: Callable[[Settings], Batch]  # the function, made ready to run over a batch
    system: str = ""  # "required", "optional", or "" when the verb takes no system
    options: tuple[str, ...] = ()  # more options it takes: "language", "limit", "cyrillic"


VERBS: dict[str, Verb] = {
    "romanize": Verb(
        "romanize_many", ("latin",), "write Cyrillic names in Latin letters",
        "translit romanize -s uk-national Шевченко Київ\n"
        "  translit romanize people.csv --column name -o people-latin.csv",
        lambda s: partial(translit.romanize_many, system=s.system), system="optional",
    ),
    "cyrillize": Verb(
        "cyrillize", ("cyrillic",), "read Latin names back into Cyrillic (reversible systems)",
        "translit cyrillize -s ru-gost-7.79-b Shhukin\n"
        "  translit cyrillize -s uk-iso9 names.txt",
        lambda s: _each(partial(translit.cyrillize, system=s.system or "")), system="required",
    ),
    "key": Verb(
        "key_many", ("key",), "one grouping key for every spelling of a name",
        "translit key Kharkiv Харьков Charkiw\n"
        "  translit key people.csv --column name --jobs 0 -o keyed.csv",
        lambda s: translit.key_many,
    ),
    "detect": Verb(
        "detect", ("script", "language", "evidence", "family"),
        "script, language (with the letters that show it) and Latin spelling convention",
        "translit detect Харків Харьков Charkiw\n"
        "  translit detect records.jsonl --field city",
        lambda s: _each(lambda text: _detection(translit.detect(text))),
    ),
    "repair": Verb(
        "repair", ("repaired",), "make words typed in two scripts one-script (Kиїв → Київ)",
        "translit repair Kиїв Покровsk\n"
        "  translit repair addresses.csv --column city -o fixed.csv",
        lambda s: _each(translit.repair),
    ),
    "candidates": Verb(
        "candidates", ("cyrillic", "language", "score", "systems", "alternatives"),
        "ranked Cyrillic readings of Latin names: the best, and the others",
        "translit candidates Kharkov Shevchenko\n"
        "  translit candidates --language uk --limit 3 -i people.csv --column latin",
        lambda s: _each(lambda text: _readings(
            translit.candidates(text, language=s.language, limit=s.limit))),
        options=("language", "limit"),
    ),
    "identify": Verb(
        "identify", ("systems",),
        "the systems that write a Latin name so (given its Cyrillic, or read from the Latin)",
        "translit identify Kharkiv Kharkov Charkow\n"
        "  translit identify -i passports.csv --column latin --cyrillic name",
        lambda s: _each_pair(lambda *pair: tuple(translit.identify(*pair))),
        options=("cyrillic",),
    ),
}

def available_verbs() -> dict[str, Verb]:
    """The verbs whose library function exists in this version of translit."""
    return {name: verb for name, verb in VERBS.items() if hasattr(translit, verb.function)}


_BATCHES: dict[tuple[str, Settings], Batch] = {}


def batch_for(verb: str, settings: Settings) -> Batch:
    """The verb's batch function, built once per process."""
    done = _BATCHES.get((verb, settings))
    if done is None:
        done = _BATCHES[verb, settings] = VERBS[verb].batch(settings)
    return done


