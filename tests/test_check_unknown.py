"""translit.check: unknown places — words shaped or placed like an East Slavic place name that
no gazetteer knows, with the nearest known places; and the words that must stay silent."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest

from translit.check import PROBLEMS, check, report
from translit.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "check"
BENCH = ROOT / "benchmarks" / "data" / "check"
TARGETS = {"en": "uk-national", "de": "uk-german", "fr": "uk-french", "pl": "uk-polish",
           "uk": "uk-national", "ru": "ru-bgn-pcgn"}


def _unknown(text: str, target: str = "uk-national") -> list[str]:
    return [f.text for f in check(text, target) if f.problem == "unknown-place"]


def test_the_motivating_report_names_two_unknown_places() -> None:
    findings = check((DATA / "motivating-en.txt").read_text("utf-8"))
    unknown = [f for f in findings if f.problem == "unknown-place"]
    assert [f.text for f in unknown].count("Krasnorozhsk") == 4
    assert [f.text for f in unknown].count("Krasnohryshkov") == 3
    for f in unknown:
        assert f.kind == "place" and f.language is None and f.description == "unknown place"
        assert f.nearest and f.name == f"{f.text} (unknown place)"
    krasnorozhsk = next(f for f in unknown if f.text == "Krasnorozhsk")
    # a garbled Krasnoarmiisk: the former name first, with its current name, suggested
    assert krasnorozhsk.nearest[0].startswith("Krasnoarmiisk (now Pokrovsk")
    assert krasnorozhsk.suggestion == "Pokrovsk"
    assert "Krasnoarmiisk (now Pokrovsk" in krasnorozhsk.explanation
    # nothing is near Krasnohryshkov: nothing to write instead
    krasnohryshkov = next(f for f in unknown if f.text == "Krasnohryshkov")
    assert krasnohryshkov.suggestion == "Krasnohryshkov"
    # the known findings stay
    known = {(f.text, f.problem) for f in findings if f.problem != "unknown-place"}
    assert known == {("Krasnoarmeysk", "former-name"), ("Покровsk", "mixed-script"),
                     ("Mirnograd", "russian-based"), ("Dimitrov", "former-name"),
                     ("Kharkov", "russian-based"), ("Kiev", "russian-based"),
                     ("Vitaly Dainega", "russian-based")}


def test_unknown_place_is_a_problem() -> None:
    assert PROBLEMS["unknown-place"] == "unknown place"


@pytest.mark.parametrize(("text", "target", "word"), [
    ("Fighting continued near Slovianoarsk on Sunday.", "uk-national", "Slovianoarsk"),
    ("Ukrainian troops held Novohryshkivka overnight.", "uk-national", "Novohryshkivka"),
    ("The village of Starobeshkove lost power.", "uk-national", "Starobeshkove"),
    ("Kämpfe gab es bei Kostjanynowka am Sonntag.", "uk-german", "Kostjanynowka"),
    ("Les combats se poursuivent près de Krasnorojsk.", "uk-french", "Krasnorojsk"),
    ("Walki trwały w pobliżu Mariupolsk w niedzielę.", "uk-polish", "Mariupolsk"),
    ("Walki trwały w Krasnorożsku od rana.", "uk-polish", "Krasnorożsku"),
])
def test_shaped_words_no_gazetteer_knows(text: str, target: str, word: str) -> None:
    assert _unknown(text, target) == [word]


def test_a_medium_shape_needs_the_words_around_it() -> None:
    # -ove also ends English words: an unknown place only where the text places it
    assert _unknown("Shelling hit the village of Bahachkove.") == ["Bahachkove"]
    assert _unknown("Bahachkove was quiet, they said.") == []


def test_in_a_list_of_names_only_the_strong_shapes() -> None:
    names = "Kyiv\nKrasnorozhsk\nNovoselov\nIvan Krasnovsk\nBahachkove\nKramatorsk\n"
    assert _unknown(names) == ["Krasnorozhsk"]


def test_an_appositive_says_which_place_it_is() -> None:
    for text in ("Krasnorozhsk — known in Ukrainian as Pokrovsk — was shelled.",
                 "Shelling hit Krasnorozhsk (Ukrainian: Pokrovsk) overnight."):
        findings = check(text)
        first = findings[0]
        assert first.text == "Krasnorozhsk" and first.problem != "unknown-place"
        assert first.suggestion == "Pokrovsk" and first.name.startswith("Pokrovsk")


@pytest.mark.parametrize(("language", "text"), [
    # surnames, brands and English words of place-name shape
    ("en", "Donald Tusk met Elon Musk in Warsaw, and the Asterisk, the Obelisk and the Kiosk "
           "stayed shut."),
    ("en", "Physicist Konstantin Novoselov and Andre Geim shared the prize; Novoselov lives in "
           "Manchester."),
    ("en", "Traceback and Callback errors appeared in Bromsgrove, near Birmingham, on Friday."),
    ("en", "Novotel and Novocaine are brands; the Nynorsk and Bokmål standards are Norwegian."),
    ("en", "Mr. Krasnovsky said the Grove and the Alcove hotels in Kosovo were full."),
    ("en", "Oleksandr Krasnoshchekov and Iryna Novoselivska spoke in Kyiv."),
    # places outside the region, and a place put there by the words after it
    ("en", "The team flew from Belgrade to Gdansk and on to Innsbruck, then to Cupertino and "
           "Jamaica."),
    ("en", "Officials in Prešov, Přerov and Pruszków said so."),
    ("en", "Krasnorozhsk, Texas, is a small town of the Permian Basin."),
    ("en", "Prosecutors in Minsk, Pinsk and Vitebsk charged Sviatlana Tsikhanouskaya in absentia."),
    ("en", "Skovoroda wrote in Kharkiv; Tchaikovsky composed in Kamianka, and Dostoevsky lived "
           "in Omsk."),
    ("de", "Der Kanzler traf in Danzig und Breslau Vertreter aus Kattowitz und Stettin."),
    ("de", "Der Wirkungsgrad und der Breitengrad stehen im Archiv; Detektiv Müller ermittelt."),
    ("en", "Investors in Markets and Secrets of the Directive met in Massive halls."),
    # names of the region that are no settlement's
    ("en", "Moscow still speaks of Novorossiya; the Velykomostivska hromada met, and the "
           "Azovstal plant in Mariupol and RIA Novosti's office were hit."),
    ("en", "Drones hit Pechersk and Solomianka in Kyiv; in Kharkiv's Saltivka district and in "
           "Novobavarskyi district fires broke out, and Lukianivka and Pozniaky were hit."),
    ("de", "Die Stadt Charkiw und das Dorf Butscha liegen in der Ukraine; Lemberg heißt heute Lwiw."),
    ("fr", "Le président a visité Marseille et Strasbourg, puis Kharkiv et Odessa au printemps."),
    ("pl", "Premier Donald Tusk spotkał się w Gdańsku, Białymstoku i Przemyślu z mieszkańcami "
           "Rzeszowa."),
    ("pl", "W Pruszkowie i Żyrardowie, a także w Wejherowie i Legionowie, otwarto szkoły."),
    ("pl", "Donieck, założony jako Juzowka wokół huty Johna Hughesa, leży w Donbasie."),
    # known places in the Polish cases
    ("pl", "Walki trwały w Pokrowsku, Kramatorsku i Horliwce, a także w Kostiantyniwce."),
])
def test_no_false_alarms(language: str, text: str) -> None:
    assert _unknown(text, TARGETS[language]) == []


def test_no_unknown_places_in_the_correct_texts() -> None:
    expected = tomllib.loads((DATA / "expected.toml").read_text("utf-8"))["text"]
    targets = {row["file"]: row["target"] for row in expected}
    paths = sorted(DATA.glob("correct-*.txt")) + sorted(BENCH.glob("correct-*.txt"))
    assert len(paths) >= 10
    for path in paths:
        target = targets.get(path.name) or TARGETS[path.stem.split("-")[1]]
        assert _unknown(path.read_text("utf-8"), target) == [], path.name


def test_the_reports_carry_the_nearest_places(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = "Fighting continued near Krasnorozhsk and Krasnohryshkov.\n"
    findings = check(text)
    shown = report(findings, "text", "news.txt")
    assert "unknown place → Pokrovsk" in shown and "(no known place near it)" in shown
    assert json.loads(report(findings, "json"))[0]["nearest"] == list(findings[0].nearest)
    rows = list(csv.DictReader(io.StringIO(report(findings, "csv"))))
    assert rows[0]["problem"] == "unknown-place" and rows[0]["nearest"].startswith("Krasnoarmiisk")
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    assert cli_main(["check", str(path), "-f", "jsonl"]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["problem"] for r in records] == ["unknown-place", "unknown-place"]
    assert records[0]["nearest"][0].startswith("Krasnoarmiisk (now Pokrovsk")
    assert cli_main(["check", str(path), "-f", "csv"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[1]["text"] == "Krasnohryshkov" and rows[1]["nearest"]


# Cyrillic text ------------------------------------------------------------------------------

UK_FRONT = ("Російські війська обстріляли Краматорськ і Горлівку. У місті Красноріжськ "
            "пошкоджено школу, а бої тривають під Красноріжськом.")
RU_FRONT = ("Российские войска обстреляли Краматорск и Горловку. В городе Краснорожск "
            "повреждена школа, а под Краснорожском идут бои, сообщил Генштаб Украины.")


@pytest.mark.parametrize(("text", "found", "nearest", "suggestion"), [
    (UK_FRONT, ["Красноріжськ", "Красноріжськом"], "Красноармійськ (now Покровськ)", "Покровськ"),
    # in Russian text the Russian forms (KOATUU 2019's Russian column)
    (RU_FRONT, ["Краснорожск", "Краснорожском"], "Красноармейск (now Покровск)", "Покровск"),
])
def test_an_unknown_place_in_cyrillic_text(text: str, found: list[str], nearest: str,
                                           suggestion: str) -> None:
    findings = [f for f in check(text) if f.problem == "unknown-place"]
    assert [f.text for f in findings] == found
    for f in findings:
        assert f.nearest[0] == nearest and f.suggestion == suggestion


@pytest.mark.parametrize(("text", "found"), [
    # a medium shape (-ове) where "у селі", "в селе" places it
    ("Бої тривають біля Покровська, а у селі Новогришкове загинули двоє людей.",
     ["Новогришкове"]),
    ("Бои идут под Покровском, а в селе Новогрешково погибли двое.", []),  # -ово: not a shape
    # ... and not where nothing places it
    ("Бої тривають біля Покровська; Новогришкове та Краматорськ обстріляли.", []),
    # the first word of a sentence may be any noun; a known place in a case form is known
    ("Обстановка у Краматорську і Горлівці складна. Заготовка дров триває в Покровському "
     "районі.", []),
    # a known place's adjective (Грайворон) is no unknown place
    ("Обстріляли Покровськ і Краматорськ, а також околиці Грайворонського округу.", []),
    # a text about Russia's places: the gazetteer lacks its villages (Нехотеевка, Belgorod
    # Oblast, is real)
    ("Губернатор сообщил об обстреле села Нехотеевка и хутора Журавлёвка под Белгородом.", []),
])
def test_unknown_places_in_cyrillic_text_need_their_shape_and_place(
        text: str, found: list[str]) -> None:
    assert _unknown(text) == found
