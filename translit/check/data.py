"""The data a check reads: given names, established spellings, people, surnames, and the names made
from places and spellings.
"""

from __future__ import annotations

import gzip
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..letters import guess_language
from ..normalize import KEY_VERSION, key
from ..places import LANGUAGE_COUNTRY, Place, Spelling, lookup_form, spellings
from ..places import load as load_gazetteer
from ..systems import systems
from ..tables import tables_dir
from .text import _CYRILLIC, _Name


@dataclass(frozen=True)
class _GivenName:
    forms: dict[str, str]  # language → Cyrillic form


@cache
def _given_names() -> tuple[dict[str, list[int]], list[_GivenName]]:
    """Latin spellings of given names (folded) → rows: tables/names/given-names.toml, every
    system's spelling of each form, and the SpellingUkraine given names."""
    rows = tomllib.loads((tables_dir() / "names" / "given-names.toml").read_text("utf-8"))["names"]
    names: list[_GivenName] = []
    index: dict[str, list[int]] = {}
    every = systems()

    def add(spelling: str, row: int) -> None:
        entries = index.setdefault(lookup_form(spelling), [])
        if row not in entries:
            entries.append(row)

    for first, others in rows.items():
        forms: dict[str, str] = {"uk": unicodedata.normalize("NFC", first)}
        cyrillic = [unicodedata.normalize("NFC", o) for o in others if _CYRILLIC.search(o)]
        if cyrillic:
            forms["ru"] = cyrillic[0]
        if len(cyrillic) > 1:
            forms["be"] = cyrillic[1]
        row = len(names)
        names.append(_GivenName(forms))
        for form in {first, *others}:
            if _CYRILLIC.search(form):
                language = guess_language(form)
                for s in every:
                    if s.language == language or language == "ru":
                        add(s.romanize(form), row)
            else:
                add(form, row)
    for entry in spellings():
        if entry.kind != "given":
            continue
        rows_found = index.get(lookup_form(entry.spelling)) or []
        if not rows_found:
            row = len(names)
            names.append(_GivenName({"uk": entry.name}))
            rows_found = [row]
        latin = [r for r in entry.related if not _CYRILLIC.search(r)]
        for spelling in (entry.spelling, *entry.wrong, *latin):
            for row in rows_found:
                add(spelling, row)
    return index, names


@cache
def _spelling_index() -> dict[str, list[tuple[Spelling, str]]]:
    """Folded Latin spelling → (established spelling, role): correct, also, wrong, related."""
    index: dict[str, list[tuple[Spelling, str]]] = {}
    for s in spellings():
        if s.kind == "given":
            continue
        for role, values in (("correct", (s.spelling,)), ("also", s.also), ("wrong", s.wrong),
                             ("related", s.related)):
            for value in values:
                if value and not _CYRILLIC.search(value):
                    index.setdefault(lookup_form(value), []).append((s, role))
    return index


@cache
def _person_index() -> dict[str, list[Spelling]]:
    """key of an established person's full name and of its surname → the spellings."""
    index: dict[str, list[Spelling]] = {}
    for s in spellings():
        if s.kind != "person":
            continue
        for form in (s.name, s.spelling, *s.also, *s.wrong):
            index.setdefault(key(form), []).append(s)
            index.setdefault("~" + key(form.split()[-1]), []).append(s)
    return index


@cache
def _wrong_by_name() -> dict[str, frozenset[str]]:
    """A place's Cyrillic name (folded) → the folded spellings SpellingUkraine calls wrong."""
    out: dict[str, set[str]] = {}
    for s in spellings():
        if s.kind == "place":
            out.setdefault(lookup_form(s.name), set()).update(lookup_form(w) for w in s.wrong)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _surname_index() -> dict[str, tuple[str, int]]:
    """key → the most frequent surname of that key, from translit/data/places/surnames.tsv.gz
    (empty when the file is missing or was built with another KEY_VERSION)."""
    path = resources.files("translit") / "data" / "places" / "surnames.tsv.gz"
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        return {}
    out: dict[str, tuple[str, int]] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            if line.startswith("# key_version:") and line.split(":")[1].strip() != str(KEY_VERSION):
                return {}
            continue
        name_key, word, weight = line.split("\t")
        out[name_key] = (word, int(weight))
    return out


@cache
def _spelling_by_name() -> dict[tuple[str, str], Spelling]:
    """(kind, a Cyrillic name folded) → the first established spelling of that kind for it
    (place and given names: the first in spellings() order wins)."""
    index: dict[tuple[str, str], Spelling] = {}
    for s in spellings():
        if s.kind in ("place", "given"):
            index.setdefault((s.kind, lookup_form(s.name)), s)
    return index


def _place_name(place: Place) -> _Name:
    forms = place.forms()
    spelling = _spelling_by_name().get(("place", lookup_form(place.name))) if place.name else None
    if spelling is not None and "ru" not in forms and place.language != "ru":
        forms.update(_russian_form(spelling, place))
    also = frozenset(lookup_form(a) for a in spelling.also) if spelling else frozenset()
    return _Name(
        id=f"place:{place.id or place.name}", kind="place", language=place.language,
        cyrillic=place.name, forms=forms, established=spelling.spelling if spelling else "",
        scope=spelling.scope if spelling else "en", also=also,
        wrong=_wrong_by_name().get(lookup_form(place.name), frozenset()), latin=place.geonames_name,
        place=place,
    )


def _russian_form(spelling: Spelling, place: Place) -> dict[str, str]:
    """The Russian form SpellingUkraine lists among a place's related spellings (Николаев for
    Миколаїв), unless it is a former name (Артёмовск for Бахмут)."""
    former = {key(f) for r in place.former for f in (r.former, r.former_ru) if f}
    for related in spelling.related:
        if (_CYRILLIC.search(related) and guess_language(related) == "ru"
                and key(related) not in former):
            return {"ru": unicodedata.normalize("NFC", related)}
    return {}


def _spelling_name(s: Spelling, place: Place | None) -> _Name:
    if place is not None:
        name = _place_name(place)
        name.established = name.established or s.spelling
        name.also = name.also | {lookup_form(a) for a in s.also}
        name.wrong = name.wrong | {lookup_form(w) for w in s.wrong}
        return name
    forms = {s.language: s.name}
    for related in s.related:
        if _CYRILLIC.search(related) and key(related) == key(s.name):
            forms.setdefault(guess_language(related) or "ru", unicodedata.normalize("NFC", related))
    kind = s.kind if s.kind in ("place", "person") else "name"
    return _Name(
        id=f"spelling:{s.name}:{s.kind}", kind=kind, language=s.language, cyrillic=s.name,
        forms=forms, established=s.spelling, scope=s.scope,
        also=frozenset(lookup_form(a) for a in s.also), wrong=frozenset(lookup_form(w) for w in s.wrong),
    )


def _place_of(s: Spelling) -> Place | None:
    """The gazetteer's place an established place spelling is about (its largest namesake)."""
    if s.kind != "place":
        return None
    country = LANGUAGE_COUNTRY[s.language]
    for match in load_gazetteer().lookup(s.name, country=country, limit=5):
        if match.via == "name" and match.place.name and lookup_form(match.place.name) == lookup_form(s.name):
            return match.place
    return None
