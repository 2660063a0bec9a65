"""Cyrillic text sets its own norm (issue 15, point 6): Ukrainian, Russian and Belarusian text
told apart, Russian forms of a place in the text of the place's language, former names
suggested in the text's language, common case endings read back (translit.check.cyrillic)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit.check.cyrillic import _koatuu, cyrillic_language
from translit.check.finding import APPROXIMATE_MIN_POPULATION
from translit.check.norm import norm
from translit.cli import main
from translit.places import load, lookup_form

DATA = Path(__file__).parent / "data" / "check"
CORRECT = sorted(p for p in DATA.glob("correct-*.txt") if p.stem.split("-")[1] in ("uk", "ru", "be"))


def _found(text: str, target: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.text, f.problem, f.suggestion) for f in translit.check(text, target)]


# --- the text's language ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language"), [
    ("Він поїхав у Харьков.", "uk"),
    ("Он поехал в Днепропетровск и Кировоград.", "ru"),
    ("Он поехал в Харків.", "ru"),  # a Ukrainian name does not make the sentence Ukrainian
    ("Яны паехалі ў Гродно і Витебск.", "be"),
    ("Дніпропетровськ\nКіровоград\nХарків\n", "uk"),  # a list of names: their letters
])
def test_the_language_of_cyrillic_text(text: str, language: str) -> None:
    assert cyrillic_language(text) == language
    assert norm(text).language == language
    assert norm(text, "uk-national").language == language  # --target sets the Latin norm only


def test_latin_text_keeps_its_language() -> None:
    assert cyrillic_language("Shelling hit Kharkiv (Харків) and Kyiv.") is None
    assert norm("Shelling hit Kharkiv (Харків, у Харкові) and Kyiv on Monday.").language == "en"
    assert norm("Die Stadt Charkiw (Харків) wurde in der Nacht beschossen.").language == "de"


def test_the_command_line_names_the_language(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "uk.txt"
    path.write_text("Він поїхав у Харьков.\n", "utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr()
    assert "Ukrainian text (guessed)" in out.err
    assert "Харьков" in out.out and "→ Харків" in out.out


# --- Russian forms in Ukrainian and Belarusian text ------------------------------------------


@pytest.mark.parametrize(("russian", "ukrainian"), [
    ("Харьков", "Харків"), ("Николаев", "Миколаїв"), ("Запорожье", "Запоріжжя"),
    ("Ровно", "Рівне"), ("Белая Церковь", "Біла Церква"),
])
def test_a_russian_form_in_ukrainian_text(russian: str, ukrainian: str) -> None:
    text = f"Він поїхав у {russian} і залишився там на тиждень."
    findings = translit.check(text)
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        (russian, "russian-form", ukrainian)]
    assert findings[0].explanation == (
        f"{russian} is the Russian form of {ukrainian}; in Ukrainian text write {ukrainian}")
    assert _found(f"Він поїхав у {ukrainian} і залишився там на тиждень.") == []


@pytest.mark.parametrize(("russian", "belarusian"), [
    ("Гродно", "Гродна"), ("Витебск", "Віцебск"), ("Молодечно", "Маладзечна"),
])
def test_a_russian_form_in_belarusian_text(russian: str, belarusian: str) -> None:
    text = f"Яны паехалі ў {russian} і засталіся там на тыдзень."
    assert _found(text) == [(russian, "russian-form", belarusian)]
    assert _found(f"Яны паехалі ў {belarusian} і засталіся там на тыдзень.") == []


def test_a_ukrainian_form_in_russian_text_is_not_an_error() -> None:
    assert _found("Он поехал в Харків, а потом в Запоріжжя и Миколаїв.") == []
    assert _found("Он поехал в Харьков, а потом в Запорожье и Николаев.") == []


def test_the_largest_places_of_ukraine_by_koatuu() -> None:
    """Every large place of Ukraine that was not renamed: its Ukrainian name is right in
    Ukrainian text, its official Russian name (KOATUU 2019) in Russian text, and that Russian
    name in Ukrainian text is a Russian form — unless it is also some settlement's own name."""
    places = sorted((p for p in load() if p.country == "UA" and p.name and not p.former
                     and p.population >= 100_000), key=lambda p: -p.population)
    assert len(places) > 30
    flagged = 0
    for place in places:
        assert _found(f"Він поїхав у {place.name} і там залишився.") == [], place.name
        rows = _koatuu(place)
        if not rows or lookup_form(rows[0].ru) == lookup_form(place.name):
            continue
        ru = rows[0].ru
        assert _found(f"Он поехал в {ru} и там остался.") == [], ru
        found = _found(f"Він поїхав у {ru} і там залишився.")
        if any(lookup_form(m.place.name) == lookup_form(ru) for m in load().lookup(ru)
               if m.via == "name"):
            continue  # Константиновка is also a place's own name
        assert found == [(ru, "russian-form", place.name)], ru
        flagged += 1
    assert flagged > 20


# --- former names in the text's language -----------------------------------------------------


def test_a_former_name_in_russian_text_suggests_the_russian_form() -> None:
    findings = translit.check("Он поехал в Днепропетровск и Кировоград.")
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Днепропетровск", "former-name", "Днепр"),
        ("Кировоград", "former-name", "Кропивницкий")]
    assert "renamed Днепр (Дніпро) on 2016-05-19" in findings[0].explanation
    assert "official Russian name (KOATUU 2019)" in findings[0].explanation


def test_renamed_after_koatuu_2019() -> None:
    """KOATUU's last Russian names are of 2019: Червоноград (Шептицький since 2024) takes the
    Russian form the gazetteer gives; Новомосковськ (Самар since 2024) the official name,
    which Russian writes as it stands."""
    findings = translit.check("Он переехал в Червоноград, затем в Новомосковск.")
    assert [(f.text, f.suggestion) for f in findings] == [
        ("Червоноград", "Шептицкий"), ("Новомосковск", "Самар")]
    assert "the Russian form the gazetteer gives" in findings[0].explanation
    assert "gives no Russian name for Самар" in findings[1].explanation


def test_a_former_name_in_ukrainian_text() -> None:
    assert _found("Він поїхав у Дніпропетровськ.") == [
        ("Дніпропетровськ", "former-name", "Дніпро")]


def test_a_former_name_marked_or_in_its_time_is_not_reported() -> None:
    assert _found("В 1980 году он жил в Днепропетровске.") == []
    assert _found("Он родился в бывшем Днепропетровске.") == []
    assert _found("Він народився в колишньому Дніпропетровську.") == []
    assert _found("Кировоград (ныне Кропивницкий) стоит на Ингуле.") == []
    assert _found("Он учился в Ленинграде в 1970-х годах.") == []
    assert _found("Он учился в Ленинграде.") == [
        ("Ленинграде", "former-name", "Санкт-Петербург")]


# --- inflected names ------------------------------------------------------------------------


def test_inflected_current_names_are_right() -> None:
    text = ("Він поїхав до Харкова, жив у Харкові, потім у Львові й до Львова, а звідти до "
            "Миколаєва, Києва і Полтави. Ми були в Умані й Рівному.")
    assert _found(text) == []
    assert _found("Он жил в Харькове, потом во Львове и в Николаеве, а затем в Полтаве.") == []


def test_inflected_russian_forms_and_former_names() -> None:
    assert _found("Він жив у Харькові.") == [("Харькові", "russian-form", "Харків")]
    findings = translit.check("Он жил в Днепропетровске, а потом в Кировограде.")
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Днепропетровске", "former-name", "Днепр"), ("Кировограде", "former-name", "Кропивницкий")]
    assert "(read as Днепропетровск)" in findings[0].explanation
    assert _found("Він поїхав до Кіровограда.") == [
        ("Кіровограда", "former-name", "Кропивницький")]


def test_an_inflected_word_is_read_only_after_a_preposition() -> None:
    # "Кіровограда" as a sentence's first word is not read back to a nominative
    assert _found("Кіровограда жителі не бачили.") == []


# --- no false alarms ------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORRECT, ids=lambda p: p.name)
def test_correct_cyrillic_texts(path: Path) -> None:
    text = path.read_text("utf-8")
    assert norm(text).language == path.stem.split("-")[1]
    assert _found(text) == []
    assert _found(text, "uk-national") == []
    assert text.count("\n\n") >= 2  # a few paragraphs


def test_every_language_has_a_correct_text() -> None:
    assert {p.stem.split("-")[1] for p in CORRECT} == {"uk", "ru", "be"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="абвгдеєжзиіїйклмнопрстуўфхцчшщьюяыэъё АБВГДЕЄЖЗИІЇКЛМНОПРСТУХЦ.,'’\n"))
def test_any_cyrillic_text(text: str) -> None:
    found = translit.check(text)
    assert all(text[f.start:f.end] == f.text for f in found)
    assert cyrillic_language(text) in (None, "uk", "ru", "be")


def test_small_places_are_not_judged_by_russian_form() -> None:
    """A Russian form judged is of a place of at least APPROXIMATE_MIN_POPULATION people."""
    assert APPROXIMATE_MIN_POPULATION >= 10_000
    assert _found("Він поїхав у Новоалексеевка.") == []
