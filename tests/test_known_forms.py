"""The key's knowledge of ru/uk forms of one name (normalize._known_forms, issue 14 point 4).

The known forms come from a language-tagged source (KOATUU 2019's Ukrainian names and official
Russian forms, translit/data/places/koatuu-ru.tsv.gz).  What is tested: spellings nobody listed
(other systems' romanizations of either form) key as the known name; the pairs the rules say are
two names stay apart; and the laws: a word's key is the map applied to what its sounds alone
give, the map's values are fixed points (so a key is still its own key), and the shipped file
is today's.
"""

from __future__ import annotations

import gzip
import random
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.fuzz import ratio

import translit
from translit import normalize
from translit.places.official import russian_forms

from .strategies import hostile_text, name


@cache
def _known() -> dict[str, str]:
    return normalize._known_forms()


def _raw(word: str) -> tuple[str, bool]:
    return normalize._raw_sounds_key(normalize._word_sounds(word))


@pytest.mark.parametrize("spellings", [
    ["Миколаїв", "Николаев", "Mykolaiv", "Nikolayev", "Nikolaev", "Nikolajew", "Mikolajów"],
    ["Дніпро", "Днепр", "Dnipro", "Dnepr"],
    ["Біла Церква", "Белая Церковь", "Bila Tserkva", "Belaya Tserkov", "Bielaja Cerkov"],
    ["Кам'янець-Подільський", "Каменец-Подольский", "Kamianets-Podilskyi", "Kamenets-Podolskiy"],
])
def test_spellings_of_a_known_name_share_its_key(spellings: list[str]) -> None:
    keys = {s: translit.key(s) for s in spellings}
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize(("a", "b"), [
    ("Друга", "Вторая"),  # KOATUU's pair of a translation (Друга Іванівка / Вторая Ивановка)
    ("Червоне", "Красное"),  # likewise: another word
    ("Відрадне", "Відрадний"),  # another derivation: the ending's class differs
    ("Vidradnyi", "Vidradne"),
])
def test_what_the_rules_call_two_names_stays_apart(a: str, b: str) -> None:
    assert translit.key(a) != translit.key(b)


def test_the_source_pairs_that_differ_and_are_alike_are_mostly_taken() -> None:
    """Of KOATUU's word pairs whose keys differ only a little (the rules' alike), most become
    one key: the rules leave out the ambiguous, not the common case."""
    alike = taken = 0
    for form in russian_forms():
        uk, ru = form.uk.lower().split(), form.ru.lower().split()
        if len(uk) != 1 or len(ru) != 1:
            continue
        (ku, gu), (kr, gr) = _raw(uk[0]), _raw(ru[0])
        if ku == kr or gu or gr or len(ku) < 6 or ku[-1] != kr[-1]:
            continue
        if ratio(ku, kr) < 80:
            continue
        alike += 1
        taken += translit.key(form.uk) == translit.key(form.ru)
    assert alike > 100 and taken / alike > 0.8, (taken, alike)


def test_the_map_is_closed() -> None:
    """The map's values are fixed points and no Ukrainian word of the source is a map key:
    no chains, and a key stays its own key (key(key(x)) == key(x))."""
    known = _known()
    assert known and not set(known.values()) & set(known)
    for ru, uk in known.items():
        assert translit.key(uk) == uk and translit.key(ru) == uk, (ru, uk)


@given(st.one_of(name("uk"), name("ru"), name("be"), hostile_text))
def test_a_words_key_is_the_map_applied_to_its_sounds(text: str) -> None:
    for word in normalize._WORDS.findall(normalize._prepare(text)):
        word = word.strip(normalize.APOSTROPHES + "”\"·")
        raw, given_name = _raw(word)
        expected = raw if given_name else _known().get(raw, raw)
        assert normalize._word_key(word) == expected, word


def test_unknown_spellings_of_known_forms_key_as_the_ukrainian_name() -> None:
    """Every romanization (in every Russian system) of a known Russian form whose sounds give
    the Russian form's own key keys as the Ukrainian official name."""
    known = _known()
    pairs = [f for f in russian_forms()
             if len(f.ru.split()) == 1 and _raw(f.ru.lower())[0] in known]
    sample = random.Random(14).sample(pairs, 60)
    russian = [s.id for s in translit.systems() if s.language == "ru"]
    checked = 0
    for form in sample:
        target = translit.key(form.uk)
        own = _raw(form.ru.lower())[0]
        for system in russian:
            spelling = translit.romanize(form.ru, system)
            if _raw(normalize._prepare(spelling))[0] == own:
                assert translit.key(spelling) == target, (form.ru, system, spelling)
                checked += 1
    assert checked > 200


def test_the_shipped_known_forms_are_todays() -> None:
    shipped = normalize._read_prepared(normalize.PREPARED_KNOWN, normalize._known_digest())
    assert shipped is not None, "stale or missing: run python tools/build_places.py"
    assert shipped == normalize._work_out_known_forms()
    path = Path(normalize.__file__).parent / "data" / normalize.PREPARED_KNOWN
    assert gzip.decompress(path.read_bytes()) == gzip.decompress(normalize.prepared_known_text())
