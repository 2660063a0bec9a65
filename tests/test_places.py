"""The gazetteer (translit.places): data, renamings, lookups, established spellings."""

from __future__ import annotations

import gzip
import tomllib
from pathlib import Path

import pytest

from translit import places
from translit.normalize import KEY_VERSION, key
from translit.places import lookup, lookup_form

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tables" / "places"
RENAMES = tomllib.loads((TABLES / "renames.toml").read_text("utf-8"))["rename"]
REGIONS = tomllib.loads((TABLES / "regions.toml").read_text("utf-8"))


def test_the_gazetteer_holds_the_three_countries() -> None:
    gazetteer = places.load()
    assert len(gazetteer) > 11000
    countries = {p.country for p in gazetteer}
    assert countries == {"UA", "RU", "BY"}
    with_name = sum(1 for p in gazetteer if p.name)
    assert with_name / len(gazetteer) > 0.98  # nearly every place has its Cyrillic name


def test_a_place_has_everything_the_issue_asks_for() -> None:
    kyiv = lookup("Kyiv")[0].place
    assert (kyiv.name, kyiv.latin, kyiv.language, kyiv.country) == ("Київ", "Kyiv", "uk", "UA")
    assert kyiv.region == "місто Київ"
    assert kyiv.population > 2_000_000
    assert kyiv.latitude == pytest.approx(50.45, abs=0.1)
    assert kyiv.longitude == pytest.approx(30.52, abs=0.1)
    assert kyiv.romanize("uk-german") == "Kyjiw"
    assert kyiv.forms()["ru"] == "Киев"
    assert "Kyiv (Київ" in str(kyiv)


@pytest.mark.parametrize("spelling", ["Kharkiv", "Харків", "Kharkov", "Харьков", "Charkiw",
                                      "Charków", "KHARKIV"])
def test_any_spelling_finds_the_place(spelling: str) -> None:
    match = lookup(spelling)[0]
    assert match.place.name == "Харків"
    assert match.via == "name"


def test_exact_spellings_and_population_rank_first() -> None:
    found = lookup("Pokrovsk")
    assert found[0].place.country == "UA" and found[0].place.name == "Покровськ"
    assert found[0].exact
    assert any(m.place.country == "RU" for m in found)  # Pokrovsk in Yakutia
    assert [m.place.country for m in lookup("Pokrovsk", country="RU")] == ["RU"] * len(
        lookup("Pokrovsk", country="RU"))


@pytest.mark.parametrize("row", RENAMES, ids=[r["former"] for r in RENAMES])
def test_every_renaming_is_found_through_its_former_name(row: dict[str, str]) -> None:
    if key(row["former"]) == key(row["name"]):  # Велятин → Велятино: one key, found by name
        assert lookup(row["former"], every=True)[0].place.region == row["region"]
        return
    for former in filter(None, (row["former"], row.get("former_ru"))):
        matches = [m for m in lookup(former, limit=20) if m.via == "former"]
        names = {lookup_form(m.place.name) for m in matches}
        assert lookup_form(row["name"].replace("'", "ʼ")) in names, (former, names)
        match = next(m for m in matches if lookup_form(m.place.name) == lookup_form(row["name"]))
        assert match.renaming is not None and match.renaming.date == row["date"]
        assert match.place.region == row["region"]


def test_the_issues_renamings() -> None:
    pairs = {"Krasnoarmiisk": "Pokrovsk", "Dymytrov": "Myrnohrad", "Artemivsk": "Bakhmut",
             "Dnipropetrovsk": "Dnipro", "Kirovohrad": "Kropyvnytskyi",
             "Leningrad": "Saint Petersburg"}
    for former, current in pairs.items():
        match = next(m for m in lookup(former) if m.via == "former")
        assert match.place.latin == current, former
        assert match.renaming is not None and match.renaming.source.startswith("http")


def test_renaming_rows_cite_an_act_and_a_source() -> None:
    regions = {row[0] for country, rows in REGIONS.items() if country != "source"
               for row in rows.values()}
    for row in RENAMES:
        assert row["act"] and row["source"].startswith("http"), row
        assert row["region"] in regions, row
        assert len(row["date"]) in (4, 10)


def test_places_geonames_still_lists_under_the_former_name_get_the_new_one() -> None:
    samar = next(m for m in lookup("Novomoskovsk") if m.via == "former").place
    assert samar.name == "Самар" and samar.latin == "Samar"
    assert "Новомосковськ" in samar.all_names() or "Новомосковск" in samar.all_names()


def test_exonyms_are_found_but_marked_alternate() -> None:
    match = lookup("Lemberg")[0]
    assert match.place.latin == "Lviv" and match.via == "alternate"


def test_regions() -> None:
    assert lookup("Minsk")[0].place.region == "горад Мінск"
    assert lookup("Kazan")[0].place.region == "Республика Татарстан"
    assert lookup("Pokrovsk")[0].place.region_latin == "Donetska oblast"


def test_lookup_rejects_non_strings_and_empty_names() -> None:
    with pytest.raises(TypeError):
        lookup(None)  # type: ignore[arg-type]
    assert lookup("") == [] and lookup("  ,") == []
    assert lookup("Monday") == [] and lookup("President") == []


def test_the_stored_keys_are_todays_keys() -> None:
    """places.tsv.gz stores key() of every name; rebuild it when key() changes."""
    path = ROOT / "translit" / "data" / "places" / "places.tsv.gz"
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    assert f"# key_version: {KEY_VERSION}" in [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    for row in rows[::97]:
        names, keys = row[6].split("|"), row[7].split("|")
        assert [key(n) for n in names] == keys, row[0]


def test_spellings_are_sourced() -> None:
    rows = places.spellings()
    assert len(rows) >= 500
    assert all(s.source for s in rows)
    assert all(s.language in ("uk", "ru", "be") for s in rows)
    zelenskyy = next(s for s in rows if s.name == "Володимир Зеленський")
    assert zelenskyy.spelling == "Volodymyr Zelenskyy" and "Volodymyr Zelensky" in zelenskyy.wrong
    licence = ROOT / "translit" / "data" / "places" / "spellingukraine" / "LICENSE.txt"
    assert "MIT License" in licence.read_text("utf-8")
