"""Every table loads, cites its source, and passes its own published examples."""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path

import pytest

import translit
from translit.tables import system_ids

IDS = system_ids()


@pytest.mark.parametrize("system_id", IDS)
def test_table_has_metadata_and_examples(system_id: str) -> None:
    s = translit.system(system_id)
    assert s.name and s.source and s.language in ("ru", "uk", "be")
    assert len(s.table.examples) >= 5, "every table carries its standard's examples"


EXAMPLES = [
    (system_id, source, expected)
    for system_id in IDS
    for source, expected in translit.system(system_id).table.examples.items()
]


@pytest.mark.parametrize(("system_id", "source", "expected"), EXAMPLES)
def test_published_example(system_id: str, source: str, expected: str) -> None:
    assert translit.romanize(source, system_id) == expected


REVERSE_EXAMPLES = [
    (system_id, latin, cyrillic)
    for system_id in IDS
    for latin, cyrillic in translit.system(system_id).table.reverse_examples.items()
]


@pytest.mark.parametrize(("system_id", "latin", "cyrillic"), REVERSE_EXAMPLES)
def test_published_reverse_example(system_id: str, latin: str, cyrillic: str) -> None:
    assert translit.cyrillize(latin, system_id) == cyrillic


@pytest.mark.parametrize("system_id", IDS)
def test_aliases_resolve_to_their_table(system_id: str) -> None:
    for alias in translit.system(system_id).aliases:
        assert translit.system(alias).id == system_id


def test_unknown_system_names_the_closest() -> None:
    with pytest.raises(translit.UnknownSystemError, match="uk-national") as info:
        translit.romanize("Київ", "uk-nationl")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("system_id", system_ids())
def test_shipped_table_declares_its_convention(system_id: str) -> None:
    # inline tables may leave convention out (english); a shipped table states it, since the
    # key, check and candidates read it as policy
    import tomllib

    from translit.tables import CONVENTIONS, tables_dir

    meta = tomllib.loads((tables_dir() / f"{system_id}.toml").read_text("utf-8"))["system"]
    assert meta.get("convention") in CONVENTIONS


def test_one_default_system_per_language() -> None:
    from translit.tables import LANGUAGES, load_table

    defaults = sorted((load_table(i).language, i) for i in system_ids() if load_table(i).default)
    assert [language for language, _ in defaults] == sorted(LANGUAGES), defaults


INTERSCRIPT = tomllib.loads(
    (Path(__file__).resolve().parent / "data" / "interscript_vectors.toml").read_text("utf-8")
)
INTERSCRIPT_VECTORS = [
    (system_id, source, expected)
    for system_id, maps in INTERSCRIPT.items()
    for vectors in maps.values()
    for source, expected in vectors.items()
]


@pytest.mark.parametrize(("system_id", "source", "expected"), INTERSCRIPT_VECTORS)
def test_interscript_vector(system_id: str, source: str, expected: str) -> None:
    assert translit.romanize(source, system_id) == unicodedata.normalize("NFC", expected)

def test_tables_load_from_many_threads_at_once() -> None:
    # a server's first requests load tables in several threads at once: that is no base cycle
    from concurrent.futures import ThreadPoolExecutor

    from translit.tables import load_table, system_ids

    ids = system_ids()
    load_table.cache_clear()
    try:
        with ThreadPoolExecutor(8) as pool:
            loaded = list(pool.map(load_table, ids * 4))
    finally:
        load_table.cache_clear()
    assert [t.id for t in loaded] == ids * 4


@pytest.mark.parametrize(("target", "language", "expected"), [
    ("uk-national", "uk", "uk-national"),      # the target itself
    ("uk-national", "ru", "ru-bgn-pcgn"),      # no Russian table of its family: the default
    ("uk-national", "be", "be-national"),
    ("uk-iso9", "ru", "ru-iso9"),              # the same standard (family iso-9)
    ("ru-ala-lc-strict", "be", "be-ala-lc-strict"),
    ("uk-icao-mrz", "ru", "ru-icao-mrz"),      # family and form
    ("ru-bgn-pcgn", "be", "be-bgn-pcgn"),
    ("uk-german", "ru", "ru-german"),          # the one table of the same press convention
    ("uk-czech", "ru", "ru-czech"),
    ("ru-estonian", "uk", "uk-national"),      # no Ukrainian Estonian table: the default
    ("uk-dstu-9112-a", "ru", "ru-bgn-pcgn"),   # scholarly, but no family: the default
])
def test_a_systems_counterpart_in_another_language(target: str, language: str,
                                                   expected: str) -> None:
    from translit.systems import counterpart

    assert counterpart(translit.system(target), language).id == expected


def test_a_family_names_one_table_per_language() -> None:
    seen: dict[tuple[str, str, str | None], str] = {}
    for s in translit.systems():
        if s.table.family:
            where = (s.table.family, s.language, s.table.form)
            assert where not in seen, f"{s.id} and {seen[where]} are both {where}"
            seen[where] = s.id
    assert len({f for f, _, _ in seen}) >= 7


def test_the_checks_cue_words_are_read() -> None:
    from translit.tables import check_cues

    cues = check_cues()
    assert set(cues) == {"nationality", "former", "region", "river", "locative", "country"}
    assert {"UA", "RU", "BY", "elsewhere", "between"} == set(cues["country"])
    assert all(words for lists in cues.values() for words in lists.values())
    assert "ehemalige[nmrs]?" in cues["former"]["before"]
