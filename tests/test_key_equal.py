"""The compiled key (translit._key) and the pure-Python key (normalize.pure_key) are equal, as a law.

Compared on every word of the lexicon (as written and capitalized), every name of
benchmarks/bench_key.py's collection, every spelling of the given-name table in every
system, and generated strings: Cyrillic of the three alphabets, Latin with diacritics and
every convention's marker letters, apostrophes and look-alikes, words in two scripts, ALL
CAPS, combining marks, invisibles, lone surrogates, arbitrary code points, long strings and
placeholders.  Each word's sounds and its convention are compared too (the key's first
steps), so that a difference is found where it starts.  The tests skip, saying why, only where
the extension is not built (TRANSLIT_REQUIRE_CORE=1 makes that a failure).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import unicodedata
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit import core, lexicon, normalize
from translit.letters import latin_family
from translit.memo import WORD_KEYS, clear_all
from translit.systems import romanize, systems
from translit.tables import given_names

from .scripts import load_script
from .strategies import APOSTROPHES, COMBINING, CYRILLIC, LATIN_DIACRITICS, RICH, hostile_text, name, syllabic_name

REQUIRED = os.environ.get("TRANSLIT_REQUIRE_CORE", "") not in ("", "0")
pytestmark = pytest.mark.skipif(
    normalize._compiled is None and not (REQUIRED and not core.FORCED_PURE),
    reason="the compiled key (translit._key) is not built or TRANSLIT_PURE is set",
)

compiled = normalize._compiled

# The letters and groups that tell a convention (letters.latin_family) or that a convention's
# key table reads its own way, and the contexts of normalize.py's patterns.
MARKERS = ["sz", "cz", "rz", "rzh", "szcz", "sch", "tsch", "tch", "ou", "tsj", "cs", "zs", "tx",
           "ix", "tš", "õ", "ş", "ç", "ı", "w", "v", "kh", "zh", "sh", "shch", "ts", "tz", "dz",
           "dzh", "dž", "ph", "gh", "x", "j", "je", "ja", "ia", "ya", "yo", "io", "ye", "iu", "ju",
           "ine", "au", "eu", "ou", "as", "`", "'", "’", "ʹ", "ʺ", "″", "ʼ", "ĺo", "ńo", "śo", "ćo",
           "ľo", "ťo", "ďo", "â", "ê", "ô", "û", "ë", "ǎ", "ǔ", "ŝ", "ŭ", "ř", "ů", "ě", "ß", "ț",
           "ș", "ł", "ż", "ó", "ą", "ę", "ź", "ś", "ć", "ń", "čč", "šš", "ss", "tt", "ll", "nn"]
LATIN = "abcdefghijklmnopqrstuvwxyz"
latin_piece = st.one_of(st.sampled_from(MARKERS), st.sampled_from(list(LATIN + LATIN_DIACRITICS)),
                        st.sampled_from(list("aeiouy")))
latin_word = st.lists(latin_piece, min_size=1, max_size=8).map("".join)
cyrillic_word = st.text(alphabet=st.sampled_from(CYRILLIC + "ʼ'’"), min_size=1, max_size=10)
mixed_word = st.lists(st.one_of(latin_word, cyrillic_word), min_size=2, max_size=4).map("".join)
any_word = st.one_of(latin_word, cyrillic_word, mixed_word,
                     st.text(alphabet=st.sampled_from(RICH), min_size=1, max_size=12))
PLACEHOLDERS = ["", " ", "-", "—", "n/a", "N/A", " n/a ", "?", "...", "unknown", "Unknown",
                "н/д", "Н/Д", "нет данных", "невідомо", "null", "none", "#N/A", "tbd", "\t", "ʼ",
                "''", "- -"]


def casings(text: str) -> list[str]:
    return [text, text.upper(), text.capitalize(), text.title()]


def assert_equal(texts: list[str]) -> None:
    clear_all()
    bad = [(t, compiled.key(t), normalize.pure_key(t)) for t in texts
           if compiled.key(t) != normalize.pure_key(t)]
    assert not bad, bad[:20]
    assert normalize.key_many(texts) == [normalize.pure_key(t) for t in texts]


def test_the_key_runs_compiled() -> None:
    assert core.KEY_ENGINE == "compiled"
    assert normalize.key("Kharkiv") == normalize.pure_key("Kharkiv")
    assert normalize.key_many(["Харків", None]) == [normalize.pure_key("Харків"), None]


def test_every_word_of_the_lexicon() -> None:
    words = list(lexicon.load())
    assert len(words) > 100_000
    assert_equal(words)
    assert_equal([w[:1].upper() + w[1:] for w in words[::7]] + [w.upper() for w in words[::13]])


def test_every_name_of_the_benchmark_collection() -> None:
    bench = load_script("benchmarks/bench_key.py")
    texts = [n.text for n in bench.build().names]
    assert len(texts) > 10_000
    assert_equal(texts)


@cache
def given_spellings() -> list[str]:
    out = []
    every = systems()
    for first, others in given_names().items():
        for form in (first, *others):
            out.append(form)
            if not form.isascii():
                out += [romanize(form, s.id) for s in every]
    return out


def test_every_spelling_of_a_given_name() -> None:
    spellings = given_spellings()
    assert_equal(spellings + [f"{a} {b}" for a, b in itertools.pairwise(spellings)])


def test_placeholders_and_edges() -> None:
    texts = [*PLACEHOLDERS, "x" * 5000, "Ки́ев", "Київ\u0301", "İvan", "ǅ", "Ⅻ", "٣", "²", "ß",
             "Žitomir", "Pokrovsk Покровsk", "Запоріжжя-2", "ʼЯна", "Mar'iana", "Mar\u2019iana",
             "Мар'яна", "a\ud800b", "\ud800", "Σ", "ﬁlipp"]
    assert_equal(texts + [t.upper() for t in texts])


class Sub(str):
    pass


def test_a_str_subclass_and_a_non_str() -> None:
    assert normalize.key(Sub("Kharkiv")) == normalize.pure_key("Kharkiv")
    assert normalize.key_many([Sub("Харків")]) == [normalize.pure_key("Харків")]
    with pytest.raises(TypeError, match="takes a str"):
        normalize.key(b"Kharkiv")  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(st.lists(any_word, min_size=1, max_size=4))
def test_words_sound_alike(words: list[str]) -> None:
    for word in words:
        w = normalize._prepare(word)
        assert compiled.word_sounds_of(w) == normalize._word_sounds(w), w
        assert compiled.family(w) == latin_family(w), w
        assert compiled.word_key_of(w) == normalize._sounds_key(normalize._word_sounds(w))[0], w
    text = " ".join(words)
    assert_equal([*casings(text), "".join(words), ", ".join(reversed(words))])


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_hostile_text(text: str) -> None:
    assert_equal(casings(text))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["uk", "ru", "be"]).flatmap(lambda lang: st.one_of(name(lang), syllabic_name(lang))),
       st.sampled_from([s.id for s in systems()]))
def test_names_and_their_romanizations(text: str, system: str) -> None:
    assert_equal([*casings(text), romanize(text, system)])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(APOSTROPHES + COMBINING + "\"”·´ʺ″" + CYRILLIC[:40] + LATIN),
               max_size=30),
       st.text(max_size=300))
def test_apostrophes_marks_and_long_strings(text: str, long: str) -> None:
    assert_equal([text, unicodedata.normalize("NFD", text), long, long * 3])


def test_the_fast_preparation_is_prepare() -> None:
    """key() skips NFC and the apostrophe pass for names of ASCII and the basic Cyrillic
    letters: no such letter is changed by NFC or composes with another (no canonical pair's
    second character is one), so _prepare of such a name is its lowercase."""
    safe = [chr(c) for c in [*range(0x80), *range(0x400, 0x460), 0x490, 0x491]
            if chr(c) not in APOSTROPHES + "\"”·"]
    seconds = set()
    for c in range(0x110000):
        parts = unicodedata.decomposition(chr(c)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    for letter in safe:  # each decomposes to a starter that composes with nothing before it
        first = unicodedata.normalize("NFD", letter)[0]
        assert unicodedata.normalize("NFC", letter) == letter and letter not in seconds, letter
        assert unicodedata.combining(first) == 0 and first not in seconds, letter
    text = "".join(safe)
    assert normalize._prepare(text) == text.lower()
    assert_equal([text, text[::-1], " ".join(safe)])


def test_clear_all_empties_the_compiled_memos() -> None:
    normalize.key("Olena Ivanova")
    assert len(normalize._compiled_memo) and core.compiled_key.cached_words()
    clear_all()
    assert not len(normalize._compiled_memo) and not core.compiled_key.cached_words()


def test_the_word_cache_gives_each_word_its_own_key() -> None:
    """More words than the cache has slots, twice (evictions, and slots that another word of
    the same hash held): every word's key is pure_key's, and so is each name's."""
    words = sorted(lexicon.load())[: 4 * WORD_KEYS]
    assert len(words) == 4 * WORD_KEYS
    expected = [normalize._word_key(w) for w in words]
    for _ in range(2):
        assert [normalize._compiled.word_key_of(w) for w in words] == expected


def test_translit_pure_runs_the_python_key() -> None:
    code = ("from translit import core, normalize; "
            "print(core.KEY_ENGINE, normalize._compiled is None, normalize.key('Харків'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "TRANSLIT_PURE": "1"})
    assert done.stdout.split() == ["pure", "True", normalize.pure_key("Харків")]
