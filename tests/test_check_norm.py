"""The text's language sets the norm: its convention's target and its exonyms (tables/places/exonyms.toml)."""

from __future__ import annotations

import pytest

import translit
from translit import check
from translit.check.norm import norm

GERMAN = ("Russische Raketen haben in der Nacht Kiew, Charkiw und Odessa getroffen. Nach Angaben "
          "der Luftwaffe wurden auch Ziele bei Lemberg angegriffen. In Kharkov fiel der Strom aus.")
POLISH = ("Rosyjskie rakiety uderzyły w nocy w Kijów, Charków i Lwów. Eksplozje słyszano także "
          "w Kijowie i w Charkowie, a w Odessie ogłoszono alarm.")
FRENCH = ("Des explosions ont été entendues à Kiev et à Kharkiv dans la nuit, selon l'armée de "
          "l'air ukrainienne. Le président a dénoncé une attaque contre les infrastructures.")
SPANISH = ("Las explosiones sacudieron Kiev y Járkov durante la noche, según las autoridades "
           "ucranianas, que también informaron de ataques contra Odesa.")


def _found(text: str, target: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.text, f.problem, f.suggestion) for f in translit.check(text, target)]


def test_german_text_takes_german_norm_and_exonyms() -> None:
    assert norm(GERMAN) .language == "de" and norm(GERMAN).target == "uk-german"
    assert _found(GERMAN) == [("Kharkov", "russian-based", "Charkiw")]


def test_polish_exonyms_are_fine_inflected_too() -> None:
    assert norm(POLISH).target == "uk-polish"
    assert _found(POLISH) == []


def test_french_kiev_per_the_commission_nationale_de_toponymie() -> None:
    assert norm(FRENCH).target == "uk-french"
    assert _found(FRENCH) == []


def test_spanish_kiev_and_jarkov_per_fundeu() -> None:
    assert norm(SPANISH).language == "es"
    assert _found(SPANISH) == []


def test_a_dated_exonym_is_an_exonym_never_russian_based() -> None:
    found = translit.check("Die Stadt Charkow wurde in der Nacht von Raketen getroffen.")
    assert [(f.problem, f.suggestion) for f in found] == [("exonym", "Charkiw")]
    assert "exonym" in found[0].explanation


def test_another_languages_exonym_suggests_the_texts_own_form() -> None:
    found = translit.check("Die Raketen trafen in der Nacht auch Charków und die Stadt Kijów.")
    assert [(f.text, f.problem) for f in found] == [("Charków", "exonym"), ("Kijów", "exonym")]
    assert found[1].suggestion == "Kiew"
    assert "Polish exonym" in found[1].explanation


def test_target_overrides_the_guessed_language() -> None:
    assert norm(GERMAN, "uk-national").target == "uk-national"
    assert not norm(GERMAN, "uk-national").guessed
    assert ("Charkiw", "non-standard", "Kharkiv") in _found(GERMAN, "uk-national")


def test_english_keeps_its_norm() -> None:
    assert norm("Shelling hit Kharkov and Kyiv.").target == "uk-national"
    assert _found("Shelling hit Kharkov and Kyiv.") == [("Kharkov", "russian-based", "Kharkiv")]


def test_cli_tells_the_language_and_norm(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from translit.cli import main

    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN, "utf-8")
    main(["check", str(path)])
    err = capsys.readouterr().err
    assert "German text (guessed); norm uk-german and German exonyms" in err


def test_web_shows_the_language_and_norm() -> None:
    from translit.web import _check

    result = _check(POLISH, None)
    assert (result["text_language_name"], result["target"]) == ("Polish", "uk-polish")
    assert result["findings"] == []


def test_the_texts_own_exonym_judges_a_name_its_target_does_not() -> None:
    """Spanish text has no Ukrainian table (its target is ru-spanish, which judges no spelling
    of a Ukrainian name), so Kharkov in it was silent; FundéuRAE's Járkov is the norm."""
    text = "Las explosiones sacudieron Kiev y Kharkov durante la noche, según las autoridades."
    found = translit.check(text)
    assert [(f.text, f.problem, f.suggestion) for f in found] == [("Kharkov", "exonym", "Járkov")]
    assert "FundéuRAE" in found[0].explanation
    # the exonyms themselves, and a name without one (Odesa), stay correct
    assert _found(SPANISH) == []


def test_a_language_without_a_convention_table_takes_its_default() -> None:
    from translit.check.norm import target_for
    from translit.tables import default_systems

    for language in ("uk", "ru", "be"):  # ru-national does not exist: the table's default
        assert target_for("en", language) == default_systems()[language]


@pytest.mark.parametrize(("text", "suggestion"), [
    ("Der Krieg erreichte Kyiv. In Kiew tagte die Regierung, sagte der Bürgermeister von Kiew.",
     "Kiew"),
    ("Wojna dotarła do Kyiv. W Kijowie obradował rząd, a Kijów się bronił.", "Kijów"),
    ("La guerre a atteint Kyiv. À Kiev, le gouvernement a siégé, et Kiev résiste.", "Kiev"),
])
def test_an_english_established_spelling_is_an_exonym_in_another_languages_text(
        text: str, suggestion: str) -> None:
    # Kyiv is established in English (SpellingUkraine, the government's English pages); in
    # German, Polish, French text it is the English form, and the text's own exonym beside it
    # is not "inconsistent" with it
    findings = check(text)
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Kyiv", "exonym", suggestion)]
    assert "English" in findings[0].explanation


def test_an_english_established_spelling_suggests_the_texts_norm() -> None:
    # Kharkiv has no current German exonym (Charkow is dated): the Duden transcription
    findings = check("Die Front bei Kharkiv hielt, sagte der Sprecher in Berlin.")
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Kharkiv", "exonym", "Charkiw")]
    assert findings[0].explanation.count("(") == findings[0].explanation.count(")")


def test_established_spellings_count_where_they_are_established() -> None:
    assert check("The war reached Kyiv, Kharkiv and Lviv.") == []
    # --target still overrides: an English-style target accepts the English spelling
    assert check("Der Krieg erreichte Kyiv und Kharkiv.", "uk-national") == []
    # a place of another language with no exonym of the text's language stays accepted, as do
    # a country's names (German Ukraine, Moskau)
    assert check("Die Ukraine und Moskau verhandelten in Berlin.") == []
    assert check("Die Ukraine verhandelte in Moscow.") == []
    # a person's own spelling everywhere (scope "all")
    assert check("Der Bürgermeister Vitali Klitschko sprach in der Stadt.") == []


def test_a_persons_english_spelling_in_german_text_is_the_english_one() -> None:
    # people.toml: Andriy Sadovyi is his English spelling (scope "en"); German text writes the
    # German transcription (uk-german)
    findings = check("Der Bürgermeister Andriy Sadovyi sagte, dass die Stadt Lwiw nicht aufgibt "
                     "und die Bürger bleiben.")
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Andriy Sadovyi", "non-standard", "Andrij Sadowyj")]
    assert "established English spelling" in findings[0].explanation


def test_polish_exonyms_of_donbas_towns_are_correct_in_polish_text() -> None:
    # Polish print writes Donieck, Pokrowsk, Ługańsk (exonyms.toml, pl-press); KSNG's
    # transcriptions Donećk, Pokrowśk stay correct beside them
    text = ("Rosjanie są coraz bliżej Pokrowska. Po zajęciu Doniecka w 2014 roku uczelnia "
            "przeniosła się do Pokrowska, a Ługańsk i Donieck są pod okupacją. Pokrowśk leży "
            "w obwodzie donieckim.")
    assert check(text) == []
    findings = check("Wojsko broni miasta Pokrovsk w obwodzie donieckim, a nie Donetsk.")
    # Pokrovsk is also the Russian Покровск romanized; Donetsk is the English spelling
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Pokrovsk", "russian-based", "Pokrowsk"), ("Donetsk", "exonym", "Donieck")]


def test_lithuanian_text_takes_both_forms_vlkk_made_equal() -> None:
    # VLKK (March 2022): Kyjivas and Kijevas equal, Lvivas and Lvovas; Charkivas preferred,
    # Charkovas correct
    text = ("Rusijos raketos pataikė į Kijevas ir Charkovas apylinkes, taip pat į Lvovas, "
            "pranešė meras, kad buvo sužeisti žmonės.")
    assert check(text) == []
    findings = check("Rusijos raketos pataikė į Kiev ir Kharkiv, pranešė meras, kad buvo "
                     "sužeisti žmonės.")
    assert [(f.text, f.suggestion) for f in findings] == [
        ("Kiev", "Kyjivas"), ("Kharkiv", "Charkivas")]


def test_dutch_text_takes_kiev_kyjiv_and_kyiv() -> None:
    # Onze Taal: Kiev, Kyjiv and Kyiv are all usual in Dutch; the Taalunie lists Charkiv
    for kyiv in ("Kiev", "Kyjiv", "Kyiv"):
        assert check(f"De Russische raketten troffen {kyiv} en Charkiv, zei de burgemeester "
                     "van de stad.") == []
    findings = check("De Russische raketten troffen Kharkov, zei de burgemeester van de stad.")
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Kharkov", "exonym", "Charkiv")]


def test_hungarian_text_takes_kijev_and_kijiv() -> None:
    # Osiris Helyesírás: Kijev, in Ukrainian Kijiv; Lviv, Lvov, Lemberg; the press writes Harkiv
    assert check("Az orosz rakéták eltalálták Kijevet és Harkivot, közölte a város "
                 "polgármestere, és a Lviv melletti falvak is.") == []
    findings = check("Az orosz rakéták eltalálták Kiev és Kharkov városát, közölte a város "
                     "polgármestere.")
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Kiev", "exonym", "Kijev"), ("Kharkov", "exonym", "Harkiv")]


def test_consistency_never_suggests_another_languages_form() -> None:
    # Kyiv three times, Kiew once, in German text: each Kyiv is the English form, and Kiew is
    # not "inconsistent" with it (it was, with Kyiv suggested)
    findings = check("Der Krieg erreichte Kyiv. In Kyiv tagte die Regierung, und in Kyiv sagte "
                     "der Bürgermeister von Kiew, dass die Stadt hält.")
    assert [(f.text, f.problem, f.suggestion) for f in findings] == [
        ("Kyiv", "exonym", "Kiew")] * 3


def test_a_column_is_told_as_a_list_of_names_not_as_prose(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`check -c name people.csv` reads a list of names: stderr says so and how many, and
    where its norm comes from (no 'English text (guessed)' for a list that is no text)."""
    from translit.cli import main

    people = tmp_path / "people.csv"
    people.write_text("name\nTaras Shevchenko\nKharkov\nMirnograd\n", encoding="utf-8")
    main(["check", "-c", "name", str(people)])
    err = capsys.readouterr().err
    assert "a list of 3 values, checked as names; norm uk-national" in err
    assert "(guessed)" not in err and " text" not in err
    main(["check", "-c", "name", "--target", "uk-german", str(people)])
    err = capsys.readouterr().err
    assert "norm uk-german and German exonyms (given by --target)" in err
