"""Reading the gazetteer's file: places parsed, renamings attached (curated and derived),
keys checked; load() and lookup()."""

from __future__ import annotations

import gzip
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from ..normalize import KEY_VERSION, key
from ..tables import tables_dir
from . import prepared
from .forms import _data_path, _nfc, lookup_form
from .gazetteer import _LANGUAGE_BITS, COUNTRY_LANGUAGE, Gazetteer, Match, Place, Renaming

# --- loading ---------------------------------------------------------------------------------


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
        curated.setdefault((region, lookup_form(r.former), lookup_form(r.name)), []).append(number)
    path = tables_dir() / "places" / "renames-codifiers.toml"
    table = tomllib.loads(path.read_text("utf-8"))
    acts = table.get("act", {})
    for number, row in enumerate(table["rename"], 1):
        try:
            region, former, name = _nfc(row["region"]), _nfc(row["former"]), _nfc(row["name"])
            same = [n for n in curated.get((region, lookup_form(former), lookup_form(name)), ())
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
    return not curated or lookup_form(curated.replace(" район", "")) == lookup_form(derived.replace(" район", ""))


def _replace_renaming(renaming: Renaming, *, katottg: str, raion: str) -> Renaming:
    return replace(renaming, katottg=katottg, raion=raion)


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


_Index = dict[tuple[str, str], list[int]]


def _name_indexes(places: list[Place], wanted: set[str]) -> tuple[_Index, _Index]:
    """The places of the regions *wanted*, by (region, folded name) and by (region, key)."""
    by_name: _Index = {}
    by_key: _Index = {}
    folded: dict[str, str] = {}  # a third of the names are another place's too
    for number, place in enumerate(places):
        region = place.region
        if region not in wanted:
            continue
        for name, name_key in zip(place.all_names(), place._keys, strict=False):
            name_folded = folded.get(name)
            if name_folded is None:
                name_folded = folded[name] = lookup_form(name)
            # places come in order: a place already listed under a name is the last one
            entries = by_name.setdefault((region, name_folded), [])
            if not entries or entries[-1] != number:
                entries.append(number)
            entries = by_key.setdefault((region, name_key), [])
            if not entries or entries[-1] != number:
                entries.append(number)
    return by_name, by_key


def _candidates(places: list[Place], region: str, renaming: Renaming, by_code: dict[str, int],
                by_name: _Index, by_key: _Index) -> tuple[list[int] | None, bool]:
    """The places a renaming may be of, and whether they bear its former name (outdated);
    None when a derived renaming cannot tell which of several places it is."""
    if renaming.katottg and renaming.katottg in by_code:
        return [by_code[renaming.katottg]], False
    # the place that bears the new name, else the former one: letter for letter first, then
    # by key (one key may hold two names: Кальміуське, Кальміуський)
    outdated = False
    candidates = by_name.get((region, lookup_form(renaming.name)), [])
    if not candidates:
        candidates = by_name.get((region, lookup_form(renaming.former)), [])
        outdated = bool(candidates)
    if not candidates:
        candidates = by_key.get((region, key(renaming.name)), [])
    if not candidates:
        candidates = by_key.get((region, key(renaming.former)), [])
        outdated = True
    if renaming.derived and len(candidates) > 1:
        candidates = _in_raion(places, candidates, renaming.raion)
        if len(candidates) != 1:
            return None, outdated
    elif len(candidates) > 1 and renaming.raion:
        candidates = _in_raion(places, candidates, renaming.raion) or candidates
    return candidates, outdated


def _apply_renamings(places: list[Place]) -> list[Place]:
    """Attach each renaming to its place: the one its KATOTTH code names, else the one that
    bears the new name in its region (letter for letter, then by key), else the former one;
    a place GeoNames lists under its former name gets the new name; a place no source has is
    added with what the renaming tells.  A derived renaming whose new name several places of
    the region bear (and the raion does not tell apart) is left out."""
    country_of = {r: c for (c, _), r in _regions().items()}
    renamings = _renamings()
    by_code = {p.katottg: n for n, p in enumerate(places) if p.katottg}
    by_name, by_key = _name_indexes(places, {region for region, _ in renamings})
    for region, renaming in renamings:
        if region not in country_of:
            raise ValueError(f"renames: unknown region {region!r} (see regions.toml)")
        derived = renaming.derived
        candidates, outdated = _candidates(places, region, renaming, by_code, by_name, by_key)
        if candidates is None:
            continue
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
    stem = lookup_form(raion.replace(" район", ""))
    stem = stem[: max(3, len(stem) - 3)]
    return [n for n in candidates
            if lookup_form(places[n].raion).startswith(stem) or lookup_form(places[n].hromada).startswith(stem)]


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


def _keys_current(places: Sequence[Place], sample: int = 101) -> bool:
    """Whether the stored keys are what key() gives today (checked on a spread sample)."""
    step = max(1, len(places) // sample)
    return all(
        key(name) == stored
        for number in range(0, len(places), step)
        for name, stored in zip(places[number].all_names(), places[number]._keys, strict=False)
    )


def _rekeyed(places: list[Place]) -> list[Place]:
    return [replace(p, _keys=tuple(key(n) for n in p.all_names())) for p in places]


def build() -> Gazetteer:
    """The gazetteer built from its sources: the gazetteer's file, parsed, and the renamings
    attached (about a second; load() reads the prepared file instead when it is current)."""
    with gzip.open(_data_path(), "rt", encoding="utf-8") as fh:
        places = _parse(iter(fh), _regions())
    if not _keys_current(places):
        places = _rekeyed(places)
    return Gazetteer(_apply_renamings(places))


@cache
def load() -> Gazetteer:
    """The packaged gazetteer with the renamings applied, read on the first call.

    It is read from the prepared file (translit.places.prepared) when that was built from
    today's sources, else built from them.  The file stores each name's key(); when key() has
    changed since the file was built (a sample disagrees), the gazetteer is built and the keys
    computed afresh, which is slower: rebuild the files with tools/build_places.py.
    """
    gazetteer = prepared.load()
    if gazetteer is not None and _keys_current(gazetteer.places):
        return gazetteer
    return build()


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
