"""Every system is reachable from code written against the transliterate package."""

from __future__ import annotations

import pytest

import translit

transliterate = pytest.importorskip("transliterate") if not __import__("os").environ.get(
    "TRANSLIT_CI") else __import__("transliterate")


def test_every_system_is_registered_as_a_language_pack() -> None:
    from translit.compat import register_transliterate

    codes = register_transliterate()
    assert set(codes) == {s.id for s in translit.systems()}
    assert set(codes) <= set(transliterate.get_available_language_codes())


@pytest.mark.parametrize("system", ["uk-national", "ru-bgn-pcgn", "be-national", "ru-icao"])
def test_translit_through_transliterate_equals_romanize(system: str) -> None:
    from translit.compat import register_transliterate

    register_transliterate()
    for name in ["Харків", "ЩЕГЛОВА Юлія", "Знам'янка", "Йошкар-Ола", "Маладзечна"]:
        assert transliterate.translit(name, system, reversed=True) == translit.romanize(name, system)


def test_reversible_system_goes_back_through_transliterate() -> None:
    from translit.compat import register_transliterate

    register_transliterate()
    latin = translit.romanize("Чернігів", "uk-iso9")
    assert transliterate.translit(latin, "uk-iso9") == "Чернігів"


def test_transliterate_own_packs_keep_their_codes() -> None:
    from translit.compat import register_transliterate

    register_transliterate()
    assert transliterate.translit("Лорем", "ru", reversed=True) == "Lorem"
