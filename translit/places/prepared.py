"""The gazetteer as load() leaves it, shipped ready: translit/data/places/places.bin.gz.

Reading places.tsv.gz and attaching the renamings takes about a second and 75 MB; the first
check() or lookup() of a process waited for it.  tools/build_places.py also writes the result
of that work (every place with its renamings attached, the index by key, the former names by
key) into this file, in the container of translit.reverse.packed: each place one JSON record in
one text, decoded when a lookup first returns it; the index a sorted text of keys searched by
bisection.  Loading it is a decompression and a few slices, and a process holds the text, not
36,000 objects it never asks for.

The file records a digest of what it is built from (the gazetteer's file, the renamings and
regions tables, KEY_VERSION, the code that attaches the renamings and this module): when any
of them has changed since, load() builds the gazetteer from its sources as before, so a stale
file makes the first lookup slower, never wrong.  tests check that the shipped file is the one
the build writes today and that it answers every lookup as the gazetteer built from sources.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from array import array
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, overload

from ..normalize import KEY_VERSION
from ..reverse.packed import PackedWords, dump, read_header, read_sections, unsigned
from ..tables import tables_dir
from .forms import _data_path
from .gazetteer import Gazetteer, Place, Renaming

FORMAT = 1
DATA_FILE = "places.bin.gz"
#: the code whose output the file holds: a change to it makes the file stale
_CODE = ("loading.py", "prepared.py", "forms.py", "gazetteer.py")
_SOURCES = ("renames.toml", "renames-codifiers.toml", "regions.toml")


def data_path() -> Any:
    return resources.files("translit") / "data" / "places" / DATA_FILE


def digest() -> str:
    """What the file is built from: its format, KEY_VERSION, the gazetteer's file, the
    renamings and regions tables, and the code that builds the gazetteer from them."""
    h = hashlib.sha256(f"{FORMAT} {KEY_VERSION}\n".encode())
    h.update(_data_path().read_bytes())
    for name in _SOURCES:
        h.update(f"{name}\n".encode())
        h.update((tables_dir() / "places" / name).read_bytes())
    package = resources.files("translit") / "places"
    for name in _CODE:
        h.update(f"{name}\n".encode())
        h.update((package / name).read_bytes())
    return h.hexdigest()


def _renaming_record(r: Renaming) -> list[object]:
    return [r.name, r.former, r.former_ru, r.date, r.act, r.source, r.region_keeps_name, r.kind,
            r.raion, r.katottg, r.derived]


def _renaming(record: list[Any]) -> Renaming:
    (name, former, former_ru, date, act, source, region_keeps_name, kind, raion, katottg,
     derived) = record
    return Renaming(name=name, former=former, former_ru=former_ru, date=date, act=act,
                    source=source, region_keeps_name=region_keeps_name, kind=kind, raion=raion,
                    katottg=katottg, derived=derived)


def _place_record(p: Place, renaming_number: dict[Renaming, int]) -> list[object]:
    return [p.id, p.name, p.language, p.country, p.region, p.population, p.latitude,
            p.longitude, p.geonames_name, list(p.names), [renaming_number[r] for r in p.former],
            p.katottg, p.category, p.raion, p.hromada, list(p._keys), p._masks]


def _record(value: Sequence[object]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _texts(records: list[str]) -> tuple[str, array[int]]:
    ends = unsigned("I")
    end = 0
    for record in records:
        end += len(record)
        ends.append(end)
    return "".join(records), ends


def build(gazetteer: Gazetteer) -> bytes:
    """The file's bytes for *gazetteer* (a gazetteer built from its sources); the same
    gazetteer gives the same bytes."""
    renamings: list[Renaming] = []
    renaming_number: dict[Renaming, int] = {}
    for place in gazetteer.places:
        for r in place.former:
            if r not in renaming_number:
                renaming_number[r] = len(renamings)
                renamings.append(r)
    places_text, places_ends = _texts(
        [_record(_place_record(p, renaming_number)) for p in gazetteer.places])
    renamings_text, renamings_ends = _texts([_record(_renaming_record(r)) for r in renamings])
    index = sorted(gazetteer._index.items())
    keys = PackedWords.of(k for k, _ in index)
    starts = unsigned("I", [0])
    entries = unsigned("I")
    for _, found in index:
        for number, position in found:
            entries.extend((number, position))
        starts.append(len(entries) // 2)
    former = [
        [k, [[number, renaming_number[r], form] for number, r, form in found]]
        for k, found in sorted(gazetteer._former.items())
    ]
    sections: dict[str, str | array[int]] = {
        "places.text": places_text, "places.ends": places_ends,
        "renamings.text": renamings_text, "renamings.ends": renamings_ends,
        "index.keys": keys.text, "index.lengths": keys.lengths("H"),
        "index.starts": starts, "index.entries": entries,
        "former": _record(former),
    }
    return dump({"format": FORMAT, "digest": digest(), "places": len(gazetteer.places)},
                sections)


class _Records(Sequence[Place]):
    """The places, each decoded from its record the first time it is asked for."""

    def __init__(self, text: str, ends: array[int], renamings: Sequence[Renaming]) -> None:
        self._text = text
        self._ends = ends
        self._renamings = renamings
        self._decoded: list[Place | None] = [None] * len(ends)

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Place: ...
    @overload
    def __getitem__(self, index: slice) -> list[Place]: ...
    def __getitem__(self, index: int | slice) -> Place | list[Place]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._ends)
        place = self._decoded[index]
        if place is None:
            start = self._ends[index - 1] if index else 0
            (id_, name, language, country, region, population, latitude, longitude,
             geonames_name, names, former, katottg, category, raion, hromada, keys,
             masks) = json.loads(self._text[start : self._ends[index]])
            place = self._decoded[index] = Place(
                id=id_, name=name, language=language, country=country, region=region,
                population=population, latitude=latitude, longitude=longitude,
                geonames_name=geonames_name, names=tuple(names),
                former=tuple(self._renamings[n] for n in former), katottg=katottg,
                category=category, raion=raion, hromada=hromada, _keys=tuple(keys),
                _masks=masks)
        return place

    def __iter__(self) -> Iterator[Place]:
        return (self[i] for i in range(len(self._ends)))


class _KeyIndex(Mapping[str, Sequence[tuple[int, int]]]):
    """key → [(place number, name position)], as Gazetteer._index, held as a sorted text."""

    def __init__(self, keys: PackedWords, starts: array[int], entries: array[int]) -> None:
        self._keys = keys
        self._starts = starts
        self._entries = entries

    def __getitem__(self, key: str) -> Sequence[tuple[int, int]]:
        i = self._keys.bisect_left(key)
        if i == len(self._keys) or self._keys.item(i) != key:
            raise KeyError(key)
        e = self._entries
        return [(e[2 * j], e[2 * j + 1]) for j in range(self._starts[i], self._starts[i + 1])]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def load() -> Gazetteer | None:
    """The shipped gazetteer, or None when the file is missing, damaged or built from other
    sources than today's."""
    try:
        with data_path().open("rb") as raw, gzip.GzipFile(fileobj=raw) as stream:
            header = read_header(stream)
            if header.get("format") != FORMAT or header.get("digest") != digest():
                return None
            sections = read_sections(stream, header)
        text = {k: v for k, v in sections.items() if isinstance(v, str)}
        numbers = {k: v for k, v in sections.items() if not isinstance(v, str)}
        renamings_text, renamings_ends = text["renamings.text"], numbers["renamings.ends"]
        renamings = []
        start = 0
        for end in renamings_ends:
            renamings.append(_renaming(json.loads(renamings_text[start:end])))
            start = end
        places = _Records(text["places.text"], numbers["places.ends"], renamings)
        index = _KeyIndex(PackedWords.from_lengths(text["index.keys"], numbers["index.lengths"]),
                          numbers["index.starts"], numbers["index.entries"])
        former: dict[str, list[tuple[int, Renaming, str]]] = {
            k: [(number, renamings[r], form) for number, r, form in found]
            for k, found in json.loads(text["former"])
        }
    except (OSError, ValueError, EOFError, KeyError, TypeError):
        return None
    if len(places) != header.get("places"):
        return None
    return Gazetteer.prepared(places, index, former)
