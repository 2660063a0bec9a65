"""Places, renamings and matches, and the gazetteer that searches them by key."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..letters import has_cyrillic
from ..lexicon import load as load_lexicon
from ..memo import SPELLINGS, Memo
from ..normalize import key
from ..systems import DEFAULT_SYSTEM, System, romanize, systems
from .forms import lookup_form
from .spellings import _established_place

COUNTRY_LANGUAGE = {"UA": "uk", "RU": "ru", "BY": "be"}
LANGUAGE_COUNTRY = {language: country for country, language in COUNTRY_LANGUAGE.items()}
# Letters only one of the three alphabets has, and letters the other two have but it lacks.
_ONLY = {"ru": frozenset("ыэъё"), "uk": frozenset("іїєґʼ"), "be": frozenset("ўі")}
_NOT_RUSSIAN = re.compile("[кгхжшчщ]ы|[жшчщ]я|[жшчщ]ю")
_OTHERS_ONLY = {"ru": frozenset("іїєґўʼ"), "uk": frozenset("ыэъёў"), "be": frozenset("иїєґщъ")}
_LANGUAGE_BITS = {"ru": 1, "uk": 2, "be": 4}


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

    places: Sequence[Place]
    _index: Mapping[str, Sequence[tuple[int, int]]]  # key → [(place number, name position)]
    _former: dict[str, list[tuple[int, Renaming, str]]]

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        index: dict[str, list[tuple[int, int]]] = {}
        self._former = {}
        for number, place in enumerate(places):
            for position, name_key in enumerate(place._keys):
                entries = index.setdefault(name_key, [])
                if not entries or entries[-1][0] != number:
                    entries.append((number, position))
            for renaming in place.former:
                for form in filter(None, (renaming.former, renaming.former_ru)):
                    self._former.setdefault(key(form), []).append((number, renaming, form))
        self._index = index

    @classmethod
    def prepared(cls, places: Sequence[Place], index: Mapping[str, Sequence[tuple[int, int]]],
                 former: dict[str, list[tuple[int, Renaming, str]]]) -> Gazetteer:
        """A gazetteer of parts built before (translit.places.prepared)."""
        gazetteer = cls.__new__(cls)
        gazetteer.places, gazetteer._index, gazetteer._former = places, index, former
        return gazetteer

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
        folded = lookup_form(name)
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
                former = {lookup_form(f) for r in place.former for f in (r.former, r.former_ru) if f}
                if any(lookup_form(n) in former for n in matching):
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
    if lookup_form(name) == folded:
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
        spelling = lookup_form(s.romanize(name))
        if spelling == folded:
            return True
        found.add(spelling)
    _spellings_memo[name] = frozenset(found)
    return False


def _system_spellings(name: str) -> frozenset[str]:
    """Every system's spelling of a Cyrillic name, folded ({} for a Latin name)."""
    done = _spellings_memo.get(name)
    if done is None:
        done = frozenset(lookup_form(s.romanize(name)) for s in systems()) if has_cyrillic(
            name) else frozenset()
        _spellings_memo[name] = done
    return done


_spellings_memo: Memo[str, frozenset[str]] = Memo(SPELLINGS)  # bounded: names from any input


@cache
def _systems_defaults_first() -> tuple[System, ...]:
    defaults = set(DEFAULT_SYSTEM.values())
    return tuple(sorted(systems(), key=lambda s: s.id not in defaults))
