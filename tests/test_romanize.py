"""The laws romanize() keeps for every system and every string."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import translit
from tests.strategies import ALPHABETS, APOSTROPHES, hostile_text, word
from translit.engine import upper_of
from translit.tables import load_table, system_ids

SYSTEMS = st.sampled_from(system_ids())
# Tables with an output form (form = "mrz") write capitals and fillers by definition, so the
# case and word laws below are stated for the others; the form's own laws follow.
FORMED = [i for i in system_ids() if translit.system(i).table.form]
UNFORMED = st.sampled_from([i for i in system_ids() if i not in FORMED])
TIE_BAR = "\u0361"
NON_CYRILLIC = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)).filter(
        lambda c: not ("\u0400" <= c <= "\u052f" or "\u1c80" <= c <= "\u1c8f"
                       or "\u2de0" <= c <= "\u2dff" or "\ua640" <= c <= "\ua69f")
    )
)


@given(hostile_text, SYSTEMS)
def test_never_raises_and_returns_str(text: str, system: str) -> None:
    assert isinstance(translit.romanize(text, system), str)
    assert isinstance(translit.romanize(text), str)


@given(NON_CYRILLIC, SYSTEMS)
def test_text_without_cyrillic_passes_through(text: str, system: str) -> None:
    assert translit.romanize(text, system) == text


def _language_word(system: str) -> st.SearchStrategy[str]:
    return word(translit.system(system).language, 2, 10)


@st.composite
def system_and_word(draw: st.DrawFn) -> tuple[str, str]:
    system = draw(UNFORMED)
    return system, draw(_language_word(system))


@given(system_and_word())
def test_all_caps_word_romanizes_to_all_caps(case: tuple[str, str]) -> None:
    system, w = case
    # in the table's own casing: Turkish writes the capital of i as İ (ru-turkish)
    upper = upper_of(load_table(system).casing)
    assert translit.romanize(w.upper(), system) == upper(translit.romanize(w, system))


@given(system_and_word())
def test_title_word_romanizes_to_title(case: tuple[str, str]) -> None:
    system, w = case
    lower = translit.romanize(w, system)
    title = translit.romanize(w[0].upper() + w[1:], system)
    # the first letter's output is capitalized, the rest is the lowercase romanization; two
    # letters joined by a tie-bar (ALA-LC's i͡a) are one letter
    first = 3 if lower[1:2] == TIE_BAR else 1
    # in the system's casing: Turkish ı (ru-turkish's ы) capitalizes as I, and i as İ (Иа: İa)
    upper = upper_of(load_table(system).casing)
    if lower[:1].isalpha():
        assert title == upper(lower[:first]) + lower[first:]
    else:
        assert title.lower() == lower.lower()


@given(UNFORMED, st.lists(st.sampled_from(["lower", "title", "upper"]), min_size=1, max_size=4),
       st.data())
def test_words_romanize_independently(system: str, cases: list[str], data: st.DataObject) -> None:
    words = []
    for case in cases:
        w = data.draw(_language_word(system))
        words.append({"lower": w, "title": w[0].upper() + w[1:], "upper": w.upper()}[case])
    line = " ".join(words)
    assert translit.romanize(line, system) == " ".join(translit.romanize(w, system) for w in words)


@given(system_and_word(), st.sampled_from(APOSTROPHES), st.integers(min_value=1, max_value=9))
def test_apostrophe_variants_are_interchangeable(
    case: tuple[str, str], apostrophe: str, at: int
) -> None:
    system, w = case
    at = min(at, len(w) - 1)
    canonical = w[:at] + "ʼ" + w[at:]
    assert translit.romanize(w[:at] + apostrophe + w[at:], system) == translit.romanize(
        canonical, system
    )


@given(system_and_word())
def test_decomposed_letters_read_as_composed(case: tuple[str, str]) -> None:
    system, w = case
    assert translit.romanize(unicodedata.normalize("NFD", w), system) == translit.romanize(w, system)


def test_no_cyrillic_left_in_the_output_of_any_table() -> None:
    every = "".join(ALPHABETS.values()) + "ʼ"
    for system in system_ids():
        out = translit.romanize(every + " " + every.upper(), system)
        left = [c for c in out if "\u0400" <= c <= "\u04ff"]
        assert not left, f"{system} leaves {''.join(sorted(set(left)))} in Cyrillic"


def test_romanize_without_system_uses_the_language_default() -> None:
    assert translit.romanize("Харків") == translit.romanize("Харків", "uk-national") == "Kharkiv"
    assert translit.romanize("Plain Latin") == "Plain Latin"


def test_romanize_many_keeps_none_and_order() -> None:
    names = ["Київ", None, "Львів", ""]
    assert translit.romanize_many(names, "uk-national") == ["Kyiv", None, "Lviv", ""]


def test_the_issues_cases() -> None:
    assert translit.romanize("ЩУКА", "uk-national") == "SHCHUKA"
    assert translit.romanize("Знам'янка", "uk-national") == "Znamianka"
    assert translit.romanize("Згурський", "uk-national") == "Zghurskyi"
    assert translit.romanize("и\u0306", "uk-national") == "y"


# --- the language of a name written only in letters the three alphabets share ----------------

@pytest.mark.parametrize(("name", "expected"), [
    ("Донецьк", "Donetsk"),  # uk-national; ru-bgn-pcgn would write Donets'k
    ("Луганськ", "Luhansk"),  # ru-bgn-pcgn: Lugans'k
    ("Зеленський", "Zelenskyi"),  # ru-bgn-pcgn: Zelenskiy
    ("Микола", "Mykola"),  # ru-bgn-pcgn: Mikola
    ("Олександр", "Oleksandr"),  # a given-name form only Ukrainian writes
    ("Суми", "Sumy"),  # a place the lexicon knows in Ukrainian only
    ("Одеська", "Odeska"),
    ("Микола Гоголь", "Mykola Hohol"),
])
def test_ukrainian_without_ukrainian_letters(name: str, expected: str) -> None:
    assert translit.romanize(name) == expected
    assert translit.romanize_many([name]) == [expected]
    found = translit.detect(name)
    assert found.language == "uk" and found.evidence, found


@pytest.mark.parametrize(("name", "expected"), [
    ("Москва", "Moskva"), ("Васька", "Vas’ka"), ("Маруська", "Marus’ka"), ("Николай Гоголь", "Nikolay Gogol’"),
    ("Донецк", "Donetsk"), ("Александр", "Aleksandr"),
])
def test_russian_stays_russian(name: str, expected: str) -> None:
    assert translit.romanize(name) == expected
    assert translit.detect(name).language == "ru"

@given(st.sampled_from(FORMED), st.lists(st.sampled_from(["lower", "title", "upper"]), min_size=1,
                                         max_size=4), st.sampled_from([" ", "-", " - "]), st.data())
def test_the_mrz_form_is_the_visual_zone_in_capitals_with_fillers(
    system: str, cases: list[str], separator: str, data: st.DataObject
) -> None:
    visual = translit.system(system).table.base
    assert visual is not None
    words = []
    for case in cases:
        w = data.draw(word(translit.system(system).language, 2, 10))
        words.append({"lower": w, "title": w[0].upper() + w[1:], "upper": w.upper()}[case])
    out = translit.romanize(separator.join(words), system)
    assert out == "<".join(
        unicodedata.normalize("NFKD", translit.romanize(w, visual)).upper() for w in words
    ).replace("'", "")
    assert set(out) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")


def test_a_systems_converter_is_compiled_once() -> None:
    """romanize() compiles a table's rows once per process, not once per call (a lost cache
    made the gazetteer's first load 9 s)."""
    import importlib

    module = importlib.import_module("translit.systems")  # translit.systems is also a function
    assert module._forward("uk-national") is module._forward("uk-national")
    assert module._backward("uk-iso9") is module._backward("uk-iso9")
