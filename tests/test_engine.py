"""Engine semantics on tiny inline tables, so that a table edit never breaks these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import translit
from translit.engine import Converter, invert
from translit.errors import TableError
from translit.tables import parse

HEADER = '[system]\nname = "t"\nlanguage = "uk"\nsource = "test"\nconvention = "english"\n'


def table(tmp_path: Path, body: str, name: str = "t") -> Converter:
    path = tmp_path / f"{name}.toml"
    path.write_text(HEADER + body, "utf-8")
    return Converter(parse(path).rules, cyrillic_source=True)


def test_contexts_look_at_the_source_not_the_output(tmp_path: Path) -> None:
    # If contexts read output, "а" → "e" would make "е" see a vowel it does not have in the source
    convert = table(tmp_path, '[rules]\n"а" = "e"\n"б" = "b"\n'
                              '"е" = [{after = "е", to = "X"}, {to = "y"}]\n')
    assert convert("ае") == "ey"
    assert convert("ее") == "yX"


def test_longest_row_wins_and_contexts_are_tried_in_order(tmp_path: Path) -> None:
    convert = table(
        tmp_path,
        '[rules]\n"з" = "z"\n"г" = "h"\n"зг" = "zgh"\n"о" = "o"\n'
        '"я" = [{after = "word-start", to = "ya"}, {after = "vowel", to = "ja"}, {to = "ia"}]\n',
    )
    assert convert("зг") == "zgh"
    assert convert("з г") == "z h"
    assert convert("я оя зя") == "ya oja zia"


def test_word_end_and_rows_without_default(tmp_path: Path) -> None:
    convert = table(tmp_path, '[rules]\n"и" = "i"\n"й" = "j"\n"ий" = [{before = "word-end", to = "y"}]\n')
    assert convert("ий ийи") == "y iji"


def test_case_per_word(tmp_path: Path) -> None:
    convert = table(tmp_path, '[rules]\n"щ" = "shch"\n"у" = "u"\n"к" = "k"\n"а" = "a"\n"ю" = "yu"\n')
    assert convert("Щука") == "Shchuka"
    assert convert("ЩУКА") == "SHCHUKA"
    assert convert("ЩУКА Щука щука") == "SHCHUKA Shchuka shchuka"
    assert convert("ЩУКА Ю.") == "SHCHUKA YU."
    assert convert("Ю. ЩУКА") == "YU. SHCHUKA"
    assert convert("Щука Ю.") == "Shchuka Yu."


def test_apostrophes_inside_words_are_one_letter(tmp_path: Path) -> None:
    convert = table(tmp_path, '[rules]\n"м" = "m"\n"я" = [{after = "word-start", to = "ya"}, {to = "ia"}]\n"\'" = ""\n')
    for apostrophe in "'’ʼ‘`′ʹ":
        assert convert(f"м{apostrophe}я") == "mia"
    assert convert("'я'") == "'ya'"  # quotes around a word are not part of it


def test_uncovered_characters_pass_through_and_nfc_first(tmp_path: Path) -> None:
    convert = table(tmp_path, '[rules]\n"й" = "j"\n')
    assert convert("и\u0306") == "j"  # decomposed й
    assert convert("x 1 ж \ud800 😀") == "x 1 ж \ud800 😀"


def test_malformed_tables_name_file_row_and_problem(tmp_path: Path) -> None:
    cases = {
        '[rules]\n"а" = [{after = "vowle", to = "a"}]\n': "unknown context class 'vowle'",
        '[rules]\n"А" = "a"\n': "lowercase",
        '[rules]\n"а" = "a"\n"а" = "b"\n': "not valid TOML",
        '[rules]\n"а" = 3\n': "a row is a string",
        '[rules]\n"а" = [{to = "a"}, {after = "vowel", to = "b"}]\n': "never applies",
        '[rules]\n"а" = [{before = "word-start", to = "a"}]\n': "word-start can only be used in 'after'",
        '[rules]\n"а" = [{too = "a"}]\n': "unknown context field",
        '[rulez]\n"а" = "a"\n': "unknown section",
    }
    for body, problem in cases.items():
        path = tmp_path / "bad.toml"
        path.write_text(HEADER + body, "utf-8")
        with pytest.raises(TableError, match=problem) as info:
            parse(path)
        assert "bad.toml" in str(info.value)


def test_error_names_the_row_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(HEADER + '[rules]\n"б" = "b"\n"а" = [{after = "vowle", to = "a"}]\n', "utf-8")
    with pytest.raises(TableError, match=r"row 'а' \(line 8\)"):
        parse(path)


def test_invert_refuses_ambiguous_outputs(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(HEADER.replace('source = "test"', 'source = "t"\nreversible = true')
                    + '[rules]\n"и" = "i"\n"і" = "i"\n', "utf-8")
    with pytest.raises(TableError, match="not reversible"):
        invert(parse(path))


def test_reverse_converter_keeps_case(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(HEADER + '[rules]\n"ш" = "š"\n"щ" = "ŝ"\n"а" = "a"\n"ч" = "č"\n', "utf-8")
    back = Converter(invert(parse(path)), cyrillic_source=False)
    assert back("Šašŝa ŠAŠ") == "Шашща ШАШ"


# --- case inside a word, marks on Latin source, ´ as the apostrophe ---------------------------

def test_mixed_case_inside_a_row_is_kept_per_letter(tmp_path: Path) -> None:
    # a two-letter row whose letters differ in case: each letter's part takes its case
    convert = table(tmp_path, '[rules]\n"з" = "z"\n"г" = "h"\n"зг" = "zgh"\n"т" = "t"\n"с" = "s"\n'
                              '"тс" = "t·s"\n"и" = "y"\n"н" = "n"\n')
    assert convert("зГин") == "zGhyn"
    assert convert("тС") == "t·S"
    assert convert("Згин") == "Zghyn" and convert("ЗГИН") == "ZGHYN"


def test_mixed_case_in_shipped_tables() -> None:
    assert translit.romanize("зГин", "uk-national") == "zGhyn"
    assert translit.romanize("тС", "ru-bgn-pcgn-dots") == "t·S"


@pytest.mark.parametrize("system_id", ["uk-iso9", "ru-iso9", "ru-gost-7.79-b", "uk-dstu-9112-a"])
def test_cyrillize_keeps_a_stress_mark_as_a_mark(system_id: str) -> None:
    assert translit.cyrillize("Ablák", system_id) == "Абла\u0301к"
    assert translit.cyrillize("Abla\u0301k", system_id) == "Абла\u0301к"
    assert translit.cyrillize(translit.romanize("Абла\u0301к", system_id), system_id) == "Абла\u0301к"


def test_acute_accent_between_letters_is_the_apostrophe() -> None:
    assert translit.romanize("Знам´янка", "uk-national") == translit.romanize("Знамʼянка", "uk-national")
    assert translit.romanize("Знам´янка", "uk-national") == "Znamianka"

def test_a_tie_bar_joins_two_letters_into_one_capital(tmp_path: Path) -> None:
    convert = table(tmp_path, '[rules]\n"я" = "i\u0361a"\n"ц" = "t\u0361s"\n"к" = "k"\n')
    assert convert("Як") == "I\u0361Ak"
    assert convert("як") == "i\u0361ak"
    assert convert("ЯК") == "I\u0361AK"
    assert convert("Ця Кя") == "T\u0361Si\u0361a Ki\u0361a"  # only the word's first letter


def test_the_mrz_form(tmp_path: Path) -> None:
    from translit.engine import mrz_form
    from translit.systems import _Formed

    path = tmp_path / "m.toml"
    path.write_text(HEADER + 'form = "mrz"\n[rules]\n"ґ" = "g"\n"у" = "u"\n"д" = "d"\n"з" = "z"\n'
                    '"ь" = ""\n"\'" = ""\n', "utf-8")
    parsed = parse(path)
    assert parsed.form == "mrz"
    formed = _Formed(Converter(parsed.rules, cyrillic_source=True))
    assert formed("Ґудзь-Ґуд'зь Ґудзь") == "GUDZ<GUDZ<GUDZ"
    assert formed.many(["Ґудзь", "ґудзь  ґудзь"]) == ["GUDZ", "GUDZ<GUDZ"]
    assert formed("Ґудзь<<Ґудзь") == "GUDZ<<GUDZ"  # the caller's << between name parts stays
    assert mrz_form("O'Brien-Ünal, Jr.") == "OBRIEN<UNAL<JR"
    bad = tmp_path / "bad.toml"
    bad.write_text(HEADER + 'form = "caps"\n[rules]\n"а" = "a"\n', "utf-8")
    with pytest.raises(TableError, match="form must be one of mrz"):
        parse(bad)


def test_turkish_casing_capitalizes_i_as_dotted_capital(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(HEADER.replace('convention = "english"\n', 'convention = "turkish"\ncasing = "turkish"\n')
                    + '[rules]\n"и" = "i"\n"ы" = "ı"\n"л" = "l"\n"ч" = "ç"\n"щ" = "şç"\n"ь" = "y"\n', "utf-8")
    parsed = parse(path)
    assert parsed.casing == "turkish"
    convert = Converter(parsed.rules, cyrillic_source=True, casing=parsed.casing)
    assert convert("Ильич ИЛЬИЧ И. ылы ЫЛЫ") == "İlyiç İLYİÇ İ. ılı ILI"
    plain = Converter(parsed.rules, cyrillic_source=True)
    assert plain("Ильич ИЛЬИЧ") == "Ilyiç ILYIÇ"


def test_an_unknown_casing_is_a_table_error(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(HEADER + 'casing = "klingon"\n[rules]\n"а" = "a"\n', "utf-8")
    with pytest.raises(TableError, match="casing"):
        parse(path)


def test_many_equals_one_by_one_with_all_caps_and_apostrophe_capitals(tmp_path: Path) -> None:
    convert = table(tmp_path, '[rules]\n"я" = "ia"\n"б" = "b"\n"а" = "a"\n')
    names = ["Я‘Б Аба", "Аба", "АБА Б.", "Баба\nЯБ", "Ба", "ЯБЯ", "я"]
    assert convert.many(names) == [convert(n) for n in names]
