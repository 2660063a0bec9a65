"""Established spellings: public people's own, the curated rows, the SpellingUkraine vocabulary."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ..tables import tables_dir
from .forms import _nfc, lookup_form

if TYPE_CHECKING:
    from .gazetteer import Place


# --- established spellings --------------------------------------------------------------------


@dataclass(frozen=True)
class Spelling:
    """An established Latin spelling of a name, and the spellings in use that are wrong for it."""

    name: str  # the name in Cyrillic
    language: str  # uk, ru, be
    kind: str  # person, given, place, river, region, country, phrase, organization
    spelling: str  # the established spelling
    also: tuple[str, ...] = ()  # other spellings in established use, not reported
    wrong: tuple[str, ...] = ()  # spellings in use that are wrong for the name
    related: tuple[str, ...] = ()  # other forms: Russian forms, former names, exonyms
    scope: str = "en"  # en: English-style targets; all: every target
    source: str = ""


_KINDS = {
    "City": "place", "Settlement": "place", "Village": "place", "Town": "place",
    "Person": "person", "Personal name": "given", "Region": "region", "Country": "country",
    "Phrase": "phrase", "Company": "organization",
}


def _curated(file: str) -> list[Spelling]:
    """The rows of tables/places/*file* (spellings.toml, people.toml)."""
    out: list[Spelling] = []
    path = tables_dir() / "places" / file
    for number, row in enumerate(tomllib.loads(path.read_text("utf-8"))["spelling"], 1):
        try:
            out.append(Spelling(
                name=_nfc(row["name"]), language=row["language"], kind=row["kind"],
                spelling=row["spelling"], also=tuple(row.get("also", ())),
                wrong=tuple(row.get("wrong", ())), scope=row.get("scope", "en"),
                source=row["source"],
            ))
        except KeyError as error:
            raise ValueError(f"{path}: spelling {number} lacks {error}") from None
    return out


@cache
def people() -> tuple[Spelling, ...]:
    """Public people's own established Latin spellings (tables/places/people.toml), each with
    the source that establishes it."""
    return tuple(_curated("people.toml"))


@cache
def spellings() -> tuple[Spelling, ...]:
    """Every established spelling: tables/places/people.toml, tables/places/spellings.toml,
    then SpellingUkraine (whose person entries take the scope people.toml gives the person)."""
    out: list[Spelling] = [*people(), *_curated("spellings.toml")]
    scope_of = {lookup_form(s.name): s.scope for s in people()}
    data = resources.files("translit") / "data" / "places" / "spellingukraine" / "vocabulary.jsonl"
    for line in data.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        kind = _KINDS.get(row["category"], "name")
        name = _nfc(row["sourceSpelling"])
        out.append(Spelling(
            name=name, language="uk", kind=kind,
            spelling=row["correctSpelling"], wrong=tuple(row["incorrectSpellings"]),
            related=tuple(row["relatedSpellings"]),
            scope=scope_of.get(lookup_form(name), "en") if kind == "person" else "en",
            source="SpellingUkraine (github.com/Tyrrrz/SpellingUkraine), " + row["file"],
        ))
    return tuple(out)


@cache
def _place_spellings() -> dict[str, str]:
    """A place's Cyrillic name (folded) → its established English spelling."""
    out: dict[str, str] = {}
    for s in spellings():
        if s.kind == "place":
            out.setdefault(lookup_form(s.name), s.spelling)
    return out


def _established_place(place: Place) -> str:
    """The established English spelling of the place's name (SpellingUkraine lists a name,
    not a place: one name, several places share it)."""
    return _place_spellings().get(lookup_form(place.name), "") if place.name else ""
