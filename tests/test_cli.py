"""The command line through main(argv): verbs, formats, options, errors (no subprocess).

Expected results come from the library itself (translit.romanize and friends), so a table
edit never breaks these tests; what is tested here is what the CLI adds: rows, columns,
formats, messages and exit statuses.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import translit
import translit.cli.records
from translit.cli import EXIT_USAGE, VERBS, main
from translit.cli.group import SUMMARY_COLUMNS

DATA = Path(__file__).parent / "data" / "cli"
REVERSIBLE = [s.id for s in translit.systems() if s.reversible]


class Ran:
    def __init__(self, code: int, out: bytes, err: bytes) -> None:
        self.code = code
        self.out = out
        self.err = err.decode("utf-8")

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")

    def csv(self, **options: Any) -> list[list[str]]:
        return list(csv.reader(io.StringIO(self.text, newline=""), **options))

    def jsonl(self) -> list[Any]:
        lines = self.text.split("\n")
        return [json.loads(line) if line.strip() else None for line in lines[:-1]]


@pytest.fixture
def cli(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> Any:
    def run(*argv: str, stdin: bytes | None = None) -> Ran:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main(list(argv))
        out, err = capsysbinary.readouterr()
        return Ran(code, out, err)

    return run


def write(path: Path, data: bytes | str) -> str:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


# --- names as arguments ------------------------------------------------------------------


def test_romanize_names(cli: Any) -> None:
    ran = cli("romanize", "-s", "uk-national", "Київ", "Знам'янка", "")
    assert ran.code == 0, ran.err
    expected = [translit.romanize(n, "uk-national") for n in ("Київ", "Знам'янка", "")]
    assert ran.text == "\n".join(expected) + "\n"
    assert ran.text.startswith("Kyiv\n")


def test_romanize_without_system_guesses_the_language(cli: Any) -> None:
    ran = cli("romanize", "Київ", "Москва")
    assert ran.text.splitlines() == [translit.romanize("Київ"), translit.romanize("Москва")]


def test_alias_is_accepted(cli: Any) -> None:
    alias = translit.system("uk-national").aliases[0]
    assert cli("romanize", "-s", alias, "Київ").text == "Kyiv\n"


def test_unknown_system_names_the_closest(cli: Any) -> None:
    ran = cli("romanize", "-s", "uk-nationl", "Київ")
    assert ran.code == EXIT_USAGE
    assert "unknown system 'uk-nationl'" in ran.err and "uk-national" in ran.err
    assert ran.out == b""


@pytest.mark.parametrize("system_id", REVERSIBLE)
def test_cyrillize_reverses_a_reversible_system(cli: Any, system_id: str) -> None:
    language = translit.system(system_id).language
    word = {"uk": "Житомир", "ru": "Щукин", "be": "Магілёў"}[language]
    latin = translit.romanize(word, system_id)
    ran = cli("cyrillize", "-s", system_id, latin)
    assert ran.code == 0, ran.err
    assert ran.text == translit.cyrillize(latin, system_id) + "\n"


def test_cyrillize_refuses_a_lossy_system(cli: Any) -> None:
    ran = cli("cyrillize", "-s", "uk-national", "Kyiv")
    assert ran.code == EXIT_USAGE
    assert "not reversible" in ran.err
    reversible_uk = [s.id for s in translit.systems("uk") if s.reversible]
    for system_id in reversible_uk:
        assert system_id in ran.err


def test_cyrillize_needs_a_system(cli: Any) -> None:
    assert cli("cyrillize", "Kyiv").code == EXIT_USAGE


def test_names_and_input_files_together_are_refused(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "n.txt", "Київ\n")
    assert cli("romanize", "Київ", "-i", path).code == EXIT_USAGE


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl"])
def test_names_in_table_formats(cli: Any, fmt: str) -> None:
    ran = cli("romanize", "-s", "uk-national", "--format", fmt, "Київ", "Львів")
    if fmt == "jsonl":
        assert ran.jsonl() == [{"input": "Київ", "latin": "Kyiv"},
                               {"input": "Львів", "latin": translit.romanize("Львів",
                                                                              "uk-national")}]
    else:
        rows = ran.csv(delimiter="\t" if fmt == "tsv" else ",")
        assert rows[0] == ["input", "latin"]
        assert rows[1] == ["Київ", "Kyiv"]


# --- systems -------------------------------------------------------------------------------


def test_systems_lists_every_system(cli: Any) -> None:
    ran = cli("systems")
    assert ran.code == 0
    ids = [line.split()[0] for line in ran.text.splitlines()]
    assert ids == [s.id for s in translit.systems()]


def test_systems_of_one_language(cli: Any) -> None:
    ran = cli("systems", "--language", "uk", "--format", "jsonl")
    records = ran.jsonl()
    assert records and all(r["language"] == "uk" for r in records)
    assert {r["id"] for r in records} == {s.id for s in translit.systems("uk")}
    assert set(records[0]) >= {"id", "name", "language", "reversible", "aliases", "source"}


def test_systems_as_csv(cli: Any) -> None:
    rows = cli("systems", "--format", "csv").csv()
    assert rows[0][:3] == ["id", "language", "reversible"]
    assert len(rows) == len(translit.systems()) + 1


def test_systems_unknown_language_is_a_usage_error(cli: Any) -> None:
    assert cli("systems", "--language", "pl").code == EXIT_USAGE


# --- CSV --------------------------------------------------------------------------------------


PEOPLE = 'id,name,note\n1,Київ,"a, b"\n2,"Шевченко ""Кобзар""","two\nlines"\n3,Львів,\n'


def test_csv_keeps_every_row_and_column_and_appends(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    ran = cli("romanize", "-s", "uk-national", "-i", path, "--column", "name")
    assert ran.code == 0, ran.err
    rows = ran.csv()
    source = list(csv.reader(io.StringIO(PEOPLE, newline="")))
    assert rows[0] == [*source[0], "latin"]
    for got, row in zip(rows[1:], source[1:], strict=True):
        assert got == [*row, translit.romanize(row[1], "uk-national")]


def test_column_by_number_and_by_case(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    by_name = cli("key", "-i", path, "--column", "name").out
    assert cli("key", "-i", path, "--column", "2").out == by_name
    assert cli("key", "-i", path, "--column", "NAME").out == by_name


def test_missing_column_lists_the_columns(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    ran = cli("romanize", "-i", path, "--column", "nmae")
    assert ran.code == EXIT_USAGE
    assert "no column 'nmae'" in ran.err
    assert "'id'" in ran.err and "'name'" in ran.err and "'note'" in ran.err
    assert "did you mean 'name'" in ran.err
    assert ran.out == b""


def test_a_table_needs_a_column_unless_it_has_one(cli: Any, tmp_path: Path) -> None:
    many = write(tmp_path / "people.csv", PEOPLE)
    ran = cli("romanize", "-i", many)
    assert ran.code == EXIT_USAGE and "--column" in ran.err
    one = write(tmp_path / "one.csv", "name\nКиїв\n")
    assert cli("romanize", "-s", "uk-national", "-i", one).csv() == [["name", "latin"],
                                                                      ["Київ", "Kyiv"]]


def test_output_column_names_and_clashes(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    ran = cli("romanize", "-i", path, "-c", "name", "--output-column", "name_en")
    assert ran.csv()[0] == ["id", "name", "note", "name_en"]
    clash = cli("romanize", "-i", path, "-c", "name", "--output-column", "note")
    assert clash.code == EXIT_USAGE and "already has a column 'note'" in clash.err
    wrong = cli("detect", "-i", path, "-c", "name", "--output-column", "only-one")
    assert wrong.code == EXIT_USAGE


def test_delimiter_is_sniffed_and_kept(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "semi.csv", "id;name\n1;Київ\n2;\"a;b\"\n")
    ran = cli("romanize", "-s", "uk-national", "-i", path, "-c", "name")
    assert ran.text == 'id;name;latin\n1;Київ;Kyiv\n2;"a;b";"a;b"\n'


def test_delimiter_given(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "pipe.txt", "id|name,x\n1|Київ,y\n")
    ran = cli("romanize", "-s", "uk-national", "-i", path, "-c", "name,x", "--delimiter", "|")
    assert ran.text == "id|name,x|latin\n1|Київ,y|Kyiv,y\n"


def test_records_are_kept_byte_for_byte(cli: Any, tmp_path: Path) -> None:
    text = 'id,name,note\n"1",Київ, spaced \n2,"Львів",""\n3,"a ""b""",x\n'
    path = write(tmp_path / "q.csv", text)
    ran = cli("key", "-i", path, "-c", "name")
    lines = ran.text.split("\n")
    assert lines[1] == f'"1",Київ, spaced ,{translit.key("Київ")}'
    assert lines[2] == f'2,"Львів","",{translit.key("Львів")}'
    assert lines[3] == f'3,"a ""b""",x,{translit.key(chr(97) + " " + chr(34) + "b" + chr(34))}'
    quoted = cli("romanize", "-i", path, "-c", "name")
    assert quoted.csv()[3][3] == translit.romanize('a "b"')
    assert quoted.text.split("\n")[3].endswith('"a ""b"""')


def test_crlf_is_kept(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.csv", 'id,name\r\n1,"Ки\r\nїв"\r\n2,Львів\r\n')
    ran = cli("romanize", "-i", path, "-c", "name")
    assert ran.out.startswith(b'id,name,latin\r\n1,"\xd0\x9a\xd0\xb8\r\n')
    assert ran.out.count(b"\r\n") == 5 and b"\n" not in ran.out.replace(b"\r\n", b"")


def test_lone_cr_in_a_field_is_quoted_with_lf_line_ends(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "cr.csv", 'id,name\n1,"Ки\rїв"\n')
    rows = cli("key", "-i", path, "-c", "name").csv()
    assert rows[1][1] == "Ки\rїв"


def test_a_ragged_row_is_an_error_naming_its_line(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "ragged.csv", "id,name,x\n1,Київ,a\n\n2,Львів\n3,Lviv,b\n")
    ran = cli("romanize", "-s", "uk-national", path, "-c", "name")
    assert ran.code == 2 and ran.out == b""
    assert f"{path}, line 4, byte offset 24: this row has 2 fields, the header 3" in ran.err
    assert "--ragged pad" in ran.err


def test_ragged_pad_and_keep(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "ragged.csv", "id,name,x\n1,Київ\n\n2,Львів,a,extra\n")
    lviv = translit.romanize("Львів", "uk-national")
    kept = cli("romanize", "-s", "uk-national", path, "-c", "name", "--ragged", "keep")
    assert kept.code == 0, kept.err
    assert kept.text == f"id,name,x,latin\n1,Київ,Kyiv\n\n2,Львів,a,extra,{lviv}\n"
    padded = cli("romanize", "-s", "uk-national", path, "-c", "name", "--ragged", "pad")
    assert padded.code == 2 and "line 4" in padded.err  # a long row has no place
    short = write(tmp_path / "short.csv", "id,name,x\n1,Київ\n\n2,Львів,a\n")
    padded = cli("romanize", "-s", "uk-national", short, "-c", "name", "--ragged", "pad")
    assert padded.text == f"id,name,x,latin\n1,Київ,,Kyiv\n\n2,Львів,a,{lviv}\n"
    records = cli("romanize", "-s", "uk-national", path, "-c", "name", "-f", "jsonl",
                  "--ragged", "keep")
    assert records.jsonl() == [
        {"id": "1", "name": "Київ", "x": None, "latin": "Kyiv"},
        None,
        {"id": "2", "name": "Львів", "x": "a", "4": "extra", "latin": lviv},
    ]


def test_row_without_the_column_gets_an_empty_result(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "short.csv", "id,x,name\n1\n")
    assert cli("key", "-i", path, "-c", "name").code == 2
    assert cli("key", "-i", path, "-c", "name", "--ragged", "pad").text == "id,x,name,key\n1,,,\n"


def test_empty_and_header_only_files(cli: Any, tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.csv", b"")
    ran = cli("romanize", "-i", empty, "-c", "name")
    assert (ran.code, ran.out) == (0, b"")
    header = write(tmp_path / "header.csv", "id,name\n")
    assert cli("romanize", "-i", header, "-c", "name").text == "id,name,latin\n"
    assert cli("romanize", "-i", empty, "-i", header, "-c", "name").text == "id,name,latin\n"


def test_tsv_quotes_are_data(cli: Any, tmp_path: Path) -> None:
    text = 'id\tname\n1\t"Київ" місто\n2\tO"Київ\n'
    path = write(tmp_path / "q.tsv", text)
    ran = cli("key", "-i", path, "-c", "name")
    lines = ran.text.splitlines()
    assert lines[1].startswith('1\t"Київ" місто\t')
    assert lines[2].startswith('2\tO"Київ\t')
    as_csv = cli("key", "-i", path, "-c", "name", "-f", "csv").csv()
    assert as_csv[1][1] == '"Київ" місто'


def test_tab_delimited_csv_is_read_as_tsv(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", 'id\tname\n1\t"Київ"\n')
    assert cli("key", "-i", path, "-c", "name").text.splitlines()[1].startswith('1\t"Київ"\t')


def test_tsv_output_refuses_a_tab_inside_a_field(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", 'id,name\n1,"Ки\tїв"\n2,"Ки\nїв"\n')
    ran = cli("key", "-i", path, "-c", "name", "-f", "tsv")
    assert ran.code == EXIT_USAGE
    assert "line 2" in ran.err and "--format csv" in ran.err


def test_quoted_tsv_when_asked(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "q.tsv", 'id\tname\n1\t"Ки\tїв"\n')
    ran = cli("key", "-i", path, "-c", "name", "--quotechar", '"')
    assert ran.csv(delimiter="\t")[1][1] == "Ки\tїв"


def test_inputs_must_share_their_columns(cli: Any, tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", "id,name\n1,Київ\n")
    b = write(tmp_path / "b.csv", "name,id\nЛьвів,2\n")
    ran = cli("key", "-i", a, "-i", b, "-c", "name")
    assert ran.code == EXIT_USAGE and "differ" in ran.err


def test_several_inputs_make_one_output(cli: Any, tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", "id,name\n1,Київ\n")
    b = write(tmp_path / "b.csv", "id,name\r\n2,Львів\r\n")
    rows = cli("key", "-i", a, "-i", b, "-c", "name").csv()
    assert [r[0] for r in rows] == ["id", "1", "2"]


def test_unterminated_quote_names_the_line_it_opens(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "open.csv", 'id,name\n1,Київ\n2,"Львів\n3,Харків\n4,Одеса\n')
    ran = cli("key", "-i", path, "-c", "name")
    assert ran.code == EXIT_USAGE
    assert "open.csv, line 3, byte offset 21" in ran.err, ran.err
    assert "never closed" in ran.err
    assert ran.out == b""


def test_text_after_a_closing_quote_is_an_error(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", 'id,name\n1,"Київ"x\n')
    ran = cli("key", "-i", path, "-c", "name")
    assert ran.code == EXIT_USAGE and "bad.csv, line 2" in ran.err


def test_text_format_gives_only_the_results(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    ran = cli("romanize", "-s", "uk-national", "-i", path, "-c", "name", "-f", "text")
    names = [row[1] for row in csv.reader(io.StringIO(PEOPLE, newline=""))][1:]
    assert ran.text == "".join(translit.romanize(n, "uk-national") + "\n" for n in names)


def test_csv_to_jsonl(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    records = cli("key", "-i", path, "-c", "name", "-f", "jsonl").jsonl()
    assert records[1] == {"id": "2", "name": 'Шевченко "Кобзар"', "note": "two\nlines",
                          "key": translit.key('Шевченко "Кобзар"')}


# --- plain lines and standard input ---------------------------------------------------------


def test_lines_from_stdin(cli: Any) -> None:
    ran = cli("romanize", "-s", "uk-national", stdin="Київ\r\n\nЛьвів".encode())
    lviv = translit.romanize("Львів", "uk-national")
    assert ran.text == f"Kyiv\n\n{lviv}\n"


def test_lines_from_stdin_as_dash(cli: Any) -> None:
    ran = cli("key", "-i", "-", stdin="Kharkiv\nХарків\n".encode())
    assert ran.text == f"{translit.key('Kharkiv')}\n{translit.key('Харків')}\n"


def test_csv_from_stdin(cli: Any) -> None:
    ran = cli("key", "--column", "name", stdin=PEOPLE.encode())
    assert ran.csv()[0] == ["id", "name", "note", "key"]


def test_lines_keep_unicode_line_separators_inside_a_line(cli: Any) -> None:
    ran = cli("key", "-f", "jsonl", stdin="a\u2028b\x0cc\nd\n".encode())
    assert [r["input"] for r in ran.jsonl()] == ["a\u2028b\x0cc", "d"]


def test_a_bom_is_read_and_kept_on_table_output(cli: Any) -> None:
    ran = cli("key", "-c", "name", stdin=b"\xef\xbb\xbfname\nKyiv\n")
    assert ran.out.startswith(b"\xef\xbb\xbfname,key\n")  # Excel reads UTF-8 by its BOM
    assert ran.csv()[0] == ["\ufeffname", "key"]
    assert cli("key", "-c", "name", "-f", "jsonl", stdin=b"\xef\xbb\xbfname\nKyiv\n").jsonl() \
        == [{"name": "Kyiv", "key": translit.key("Kyiv")}]


def test_utf16_is_converted_and_said(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "u16.csv", "id,name\r\n1,Київ\r\n".encode("utf-16"))
    ran = cli("romanize", "-s", "uk-national", "-i", path, "-c", "name")
    assert ran.code == 0, ran.err
    assert ran.text == "\ufeffid,name,latin\r\n1,Київ,Kyiv\r\n"  # a BOM, now UTF-8's (Excel)
    assert "UTF-16" in ran.err and "converting" in ran.err


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_appends_and_keeps_the_line_byte_for_byte(cli: Any, tmp_path: Path) -> None:
    text = (
        '{"id":1,  "name":"\\u041a\\u0438\\u0457\\u0432", "n": 1.50, "deep": {"a": [1, 2]}}\n'
        '{}\n'
        '\n'
        '[1, 2]\n'
        '{"name": null}\r\n'
        '{"name": 7}\n'
    )
    path = write(tmp_path / "r.jsonl", text)
    ran = cli("romanize", "-s", "uk-national", "-i", path, "--field", "name")
    assert ran.code == 0, ran.err
    assert ran.text == (
        '{"id":1,  "name":"\\u041a\\u0438\\u0457\\u0432", "n": 1.50, "deep": {"a": [1, 2]}, '
        '"latin": "Kyiv"}\n'
        '{"latin": null}\n'
        '\n'
        '[1, 2]\n'
        '{"name": null, "latin": null}\r\n'
        '{"name": 7, "latin": null}\n'
    )
    assert "1 line is not a JSON object" in ran.err and "line 4" in ran.err
    assert "has no field 'name'" in ran.err and "line 2" in ran.err
    assert "not a string" in ran.err


def test_jsonl_lone_surrogates_are_written_back_losslessly(cli: Any, tmp_path: Path) -> None:
    line = '{"name": "\\ud800\\u041a\\u0438\\u0457\\u0432\\udfff"}'
    path = write(tmp_path / "s.jsonl", line + "\n")
    ran = cli("romanize", "-s", "uk-national", "-i", path, "--field", "name")
    assert ran.code == 0, ran.err
    out = ran.text.rstrip("\n")
    assert out.startswith(line[:-1])
    record = json.loads(out)
    assert record["name"] == "\ud800Київ\udfff"
    assert record["latin"] == translit.romanize("\ud800Київ\udfff", "uk-national")


def test_jsonl_malformed_line_is_named(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.jsonl", '{"name": "Київ"}\n{"name": "Льв\n')
    ran = cli("key", "-i", path, "--field", "name")
    assert ran.code == EXIT_USAGE
    assert "bad.jsonl, line 2" in ran.err and "not valid JSON" in ran.err


def test_jsonl_output_field_clash(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", '{"name": "Київ", "key": 1}\n')
    ran = cli("key", "-i", path, "--field", "name")
    assert ran.code == EXIT_USAGE and "already has a field 'key'" in ran.err


def test_jsonl_to_text_and_not_to_csv(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", '{"name": "Київ"}\n')
    assert cli("romanize", "-s", "uk-national", "-i", path, "--field", "name",
               "-f", "text").text == "Kyiv\n"
    assert cli("romanize", "-i", path, "--field", "name", "-f", "csv").code == EXIT_USAGE


def test_multi_column_verb_in_jsonl(cli: Any) -> None:
    record = cli("detect", "-f", "jsonl", "Харків").jsonl()[0]
    found = translit.detect("Харків")
    assert record == {"input": "Харків", "script": found.script, "language": found.language,
                      "evidence": list(found.evidence), "family": found.family}


# --- invalid UTF-8 ----------------------------------------------------------------------------


def test_invalid_utf8_stops_with_the_position(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", b'id,name\n1,"a\nb"\n2,\xd0\x9a\xff\n')
    ran = cli("key", "-i", path, "-c", "name")
    assert ran.code == EXIT_USAGE
    assert "bad.csv, line 4, byte offset 20: invalid UTF-8" in ran.err
    assert "--errors replace" in ran.err


def test_errors_replace_counts_the_rows(cli: Any, tmp_path: Path) -> None:
    data = b'id,name\n1,"\xff\n\xfe"\n2,ok\n3,\xc0\xaf\n'
    path = write(tmp_path / "bad.csv", data)
    ran = cli("key", "-i", path, "-c", "name", "--errors", "replace")
    assert ran.code == 0
    rows = ran.csv()
    assert rows[1][1] == "\ufffd\n\ufffd" and rows[3][1] == "\ufffd\ufffd"
    assert "2 rows had invalid bytes" in ran.err and "line 2" in ran.err


# --- the other verbs --------------------------------------------------------------------------


def test_key_detect_repair(cli: Any) -> None:
    names = ["Kharkiv", "Харьков", "Kиїв"]
    assert cli("key", *names).text.splitlines() == [translit.key(n) for n in names]
    assert cli("repair", *names).text.splitlines() == [translit.repair(n) for n in names]
    head, line = cli("detect", "Харків").text.splitlines()
    # several columns: a header, and each row's name first
    assert head.split("\t") == ["input", *VERBS["detect"].columns]
    name, *detected = line.split("\t")
    assert name == "Харків"
    assert cli("detect", "--no-header", "Харків").text == line + "\n"
    found = translit.detect("Харків")
    assert detected == [found.script, found.language or "", " ".join(found.evidence),
                        found.family or ""]


GROUP_NAMES = ["Kharkiv", "Харків", "Kyiv", "Харьков", "Charkiw", "Київ", "Kharkiv", "Lviv",
               "Kiev", "Kyiv"]


def test_group_per_row_matches_the_library(cli: Any) -> None:
    ran = cli("group", "-f", "jsonl", *GROUP_NAMES)
    assert ran.code == 0, ran.err
    groups = translit.group(GROUP_NAMES)
    expected: dict[int, tuple[int, str]] = {}
    for number, g in enumerate(groups, start=1):
        for index in g.indices:
            expected[index] = (number, g.representative)
    got = ran.jsonl()
    assert [(r["group"], r["representative"]) for r in got] == [
        expected[i] for i in range(len(GROUP_NAMES))
    ]


def test_group_summary_matches_the_library(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "names.txt", "\n".join(GROUP_NAMES) + "\n")
    ran = cli("group", "--summary", "-i", path, "-f", "jsonl")
    groups = translit.group(GROUP_NAMES)
    got = ran.jsonl()
    assert [r["size"] for r in got] == [g.size for g in groups]
    assert [r["representative"] for r in got] == [g.representative for g in groups]
    assert [r["key"] for r in got] == [g.key for g in groups]
    assert [sorted(r["members"]) for r in got] == [sorted(set(g.names)) for g in groups]
    assert [sum(r["counts"]) for r in got] == [g.size for g in groups]
    assert [r["group"] for r in got] == list(range(1, len(groups) + 1))


SAME_NAME_NAMES = [*GROUP_NAMES, "Dnipro", "Днепр", "Дніпро", "Dainega", "Deineha", "Ivanov",
                   "Ivanova", "-", "Dnipro", "Zaporozhye", "Запорожье", "Jarkov", "Makiyivka",
                   "Makivka", "Makiyivka"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_group_by_same_name_matches_the_library(cli: Any, tmp_path: Path, jobs: str) -> None:
    groups = translit.group(SAME_NAME_NAMES, by="same_name")
    assert len(groups) < len(translit.group(SAME_NAME_NAMES))  # the test joins something
    keys = [g.key for g in groups if g.key]  # and parts key-equal spellings: Makiyivka, Makivka
    assert len(keys) > len(set(keys))
    expected: dict[int, tuple[int, str]] = {}  # the CLI numbers the groups of names only
    for number, g in enumerate((g for g in groups if g.key), start=1):  # ("-": in no group)
        for index in g.indices:
            expected[index] = (number, g.representative)
    path = write(tmp_path / "n.csv", "name\n" + "\n".join(SAME_NAME_NAMES) + "\n")
    rows = cli("group", "--by", "same_name", "-c", "name", path, "-f", "jsonl", "--jobs", jobs).jsonl()
    assert [(r["group"], r["representative"]) for r in rows] == [
        expected.get(i, (None, None)) for i in range(len(SAME_NAME_NAMES))]
    summary = cli("group", "--by", "same_name", "--summary", "-c", "name", path,
                  "-f", "jsonl").jsonl()
    named = [g for g in groups if g.key]
    assert [(r["size"], r["representative"], r["key"]) for r in summary] == [
        (g.size, g.representative, g.key) for g in named]
    assert [sorted(r["members"]) for r in summary] == [sorted(set(g.names)) for g in named]
    wrong = cli("group", "--by", "block", "Kyiv")
    assert wrong.code == 2 and "same_name" in wrong.err


def test_group_csv_per_row_and_summary(cli: Any, tmp_path: Path) -> None:
    text = "id,city\n" + "".join(f"{i},{n}\n" for i, n in enumerate(GROUP_NAMES))
    path = write(tmp_path / "c.csv", text)
    rows = cli("group", "-i", path, "-c", "city").csv()
    assert rows[0] == ["id", "city", "group", "representative"]
    assert len(rows) == len(GROUP_NAMES) + 1
    summary = cli("group", "-i", path, "-c", "city", "--summary", "-f", "csv").csv()
    assert summary[0] == ["group", "size", "representative", "key", "members", "counts"]
    assert int(summary[1][1]) == translit.group(GROUP_NAMES)[0].size


def test_group_puts_blank_and_placeholder_rows_in_no_group(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "name\nKyiv\n-\nn/a\nКиїв\n\n?\n")
    assert cli("group", "-c", "name", path).csv() == [
        ["name", "group", "representative"], ["Kyiv", "1", "Kyiv"], ["-", "", ""],
        ["n/a", "", ""], ["Київ", "1", "Kyiv"], [], ["?", "", ""]]
    summary = cli("group", "-c", "name", path, "--summary", "-f", "text").text.splitlines()
    assert summary == ["\t".join(SUMMARY_COLUMNS), f"1\t2\tKyiv\t{translit.key('Kyiv')}\tKyiv; "
                       "Київ\t1; 1"]


def test_group_from_stdin_reads_it_twice(cli: Any) -> None:
    data = ("\n".join(GROUP_NAMES) + "\n").encode()
    ran = cli("group", stdin=data)
    head, *lines = ran.text.splitlines()
    assert head.split("\t") == ["input", "group", "representative"]
    assert len(lines) == len(GROUP_NAMES)
    assert lines[0].split("\t") == [GROUP_NAMES[0], "1", translit.group(GROUP_NAMES)[0].representative]


def test_plain_text_of_several_columns_names_each_row(cli: Any, tmp_path: Path) -> None:
    """A reader of the plain-text table sees which row is which: each line begins with its
    name (a blank or placeholder row keeps its line), in one process or two, from a file, from
    standard input and from arguments; the other formats are unchanged."""
    names = ["Харків", "Kharkov", "", "-", "Київ", "Kyiv"]
    path = write(tmp_path / "names.txt", "\n".join(names) + "\n")
    groups = {g_name: n for n, g in enumerate(translit.group(names), 1) if g.key
              for g_name in g.names}  # blanks and placeholders: no group
    for ran in (cli("group", path), cli("group", path, "--jobs", "2"),
                cli("group", stdin=("\n".join(names) + "\n").encode())):
        head, *lines = ran.text.splitlines()
        assert head == "input\tgroup\trepresentative"
        assert [line.split("\t")[0] for line in lines] == names
        for line in lines:
            name, number, _ = line.split("\t")
            assert number == (str(groups[name]) if name in groups else ""), line
    detected = cli("detect", "Kharkov", "Харків").text.splitlines()
    assert [line.split("\t")[0] for line in detected] == ["input", "Kharkov", "Харків"]
    assert cli("detect", "--no-header", "Kharkov").text.startswith("Kharkov\tlatin\t")
    assert cli("group", "-f", "csv", path).csv()[0] == ["input", "group", "representative"]


# --- output file, progress, help -----------------------------------------------------------


def test_output_file_is_written_whole(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    out = tmp_path / "out.csv"
    ran = cli("key", "-i", path, "-c", "name", "-o", str(out))
    assert (ran.code, ran.out) == (0, b"")
    assert out.read_text("utf-8").startswith("id,name,note,key\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "people.csv"]


def test_failing_run_leaves_the_output_file_alone(cli: Any, tmp_path: Path) -> None:
    good = "\n".join(f"{i},Київ" for i in range(5000))
    path = write(tmp_path / "bad.csv", ("id,name\n" + good + "\n9,\xff\n").encode("utf-8")
                 .replace(b"\xc3\xbf", b"\xff"))
    out = tmp_path / "out.csv"
    out.write_bytes(b"precious")
    ran = cli("key", "-i", path, "-c", "name", "-o", str(out))
    assert ran.code == EXIT_USAGE
    assert out.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "out.csv"]


def test_output_file_mode_is_kept(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_bytes(b"")
    out.chmod(0o640)
    assert cli("key", "Kyiv", "-o", str(out)).code == 0
    assert out.stat().st_mode & 0o777 == 0o640


def test_progress_bar_is_forced_or_silent(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "n.txt", "Київ\n" * 100)
    quiet = cli("key", "-i", path)
    assert quiet.err == ""
    shown = cli("key", "-i", path, "--progress")
    assert "rows" in shown.err
    assert shown.out == quiet.out


def test_help_has_an_example_per_verb(cli: Any) -> None:
    for verb in [*VERBS, "group", "systems"]:
        ran = cli(verb, "--help")
        assert ran.code == 0
        assert "example" in ran.text and f"translit {verb}" in ran.text
    top = cli("--help")
    assert "exit status" in top.text and "141" in top.text


def test_version(cli: Any) -> None:
    ran = cli("--version")
    assert (ran.code, ran.text.strip()) == (
        0, f"translit {translit.__version__} (key version {translit.KEY_VERSION}; "
           f"{translit.core.describe()})")


def test_usage_error_is_2(cli: Any) -> None:
    assert cli("romanize", "--no-such-option").code == EXIT_USAGE
    assert cli().code == EXIT_USAGE
    assert cli("romanize", "--jobs", "-1", "x").code == EXIT_USAGE


def test_every_available_verb_is_in_the_registry() -> None:
    for name, verb in VERBS.items():
        assert hasattr(translit, verb.function), name
        assert verb.example.startswith(f"translit {name}")


# --- jobs --------------------------------------------------------------------------------------


def _mixed_csv(rows: int) -> str:
    """Rows with quoted fields over several lines and a stray quote in an unquoted field,
    which makes the quote-parity guess of where a chunk may end wrong."""
    out = ["id,name,note\n"]
    for i in range(rows):
        if i == 3:
            out.append(f'{i},O"Київ,stray\n')
        elif i % 7 == 0:
            out.append(f'{i},"Шевченко, Тарас","a\nb\r\nc ""q"""\n')
        else:
            out.append(f"{i},Львів {i},plain\n")
    return "".join(out)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "text"])
def test_jobs_give_the_same_output(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   fmt: str) -> None:
    monkeypatch.setattr(translit.cli.records, "BLOCK", 256)  # many chunks, some guessed wrong
    path = write(tmp_path / "m.csv", _mixed_csv(400))
    one = cli("romanize", "-i", path, "-c", "name", "-f", fmt, "--jobs", "1")
    two = cli("romanize", "-i", path, "-c", "name", "-f", fmt, "--jobs", "2")
    assert one.code == two.code == 0, one.err + two.err
    assert one.out == two.out
    rows = one.csv() if fmt == "csv" else None
    if rows is not None:
        assert len(rows) == 401
        assert rows[8][2] == 'a\nb\r\nc "q"'


def test_jobs_report_the_same_error(cli: Any, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translit.cli.records, "BLOCK", 256)
    data = _mixed_csv(300).encode() + b"999,\xff\n"
    path = write(tmp_path / "m.csv", data)
    one = cli("key", "-i", path, "-c", "name", "--jobs", "1")
    two = cli("key", "-i", path, "-c", "name", "--jobs", "0")
    assert one.code == two.code == EXIT_USAGE
    assert one.err == two.err and "line 388, byte offset 8387" in one.err


def test_jobs_with_group(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translit.cli.records, "BLOCK", 128)
    path = write(tmp_path / "n.txt", "\n".join(GROUP_NAMES * 30) + "\n")
    one = cli("group", "-i", path, "--jobs", "1")
    two = cli("group", "-i", path, "--jobs", "2")
    assert one.code == two.code == 0
    assert one.out == two.out


# --- chunking, as a property -------------------------------------------------------------------

FIELD_TEXT = st.text(alphabet='ab ,"\r\nїЖ\'', max_size=8)


def _field(text: str) -> str:
    """A CSV field as a person or a program might write it: quoted when it must be, and
    sometimes with a stray quote left inside an unquoted field (csv reads it as data)."""
    if any(c in text for c in ',\r\n') or text.startswith('"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _check_chunked(cli: Any, tmp_path: Path, rows: list[list[str]], end: str,
                   jobs: str) -> None:
    data = "id,name" + end + "".join(",".join(map(_field, r)) + end for r in rows)
    expected = list(csv.reader(io.StringIO(data, newline=""), strict=True))
    path = write(tmp_path / "p.csv", data)
    ran = cli("key", "-i", path, "-c", "name", "-f", "jsonl", "--jobs", jobs)
    assert ran.code == 0, ran.err
    got = ran.jsonl()
    assert len(got) == len(expected) - 1
    for record, row in zip(got, expected[1:], strict=True):
        if not row:
            assert record is None
            continue
        assert [record["id"], record["name"]] == row
        assert record["key"] == translit.key(row[1])


ROWS = st.lists(st.lists(FIELD_TEXT, min_size=2, max_size=2), max_size=30)
ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS, block=st.integers(min_value=1, max_value=64), end=ENDS)
def test_chunked_reading_equals_reading_whole(cli: Any, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              rows: list[list[str]], block: int,
                                              end: str) -> None:
    monkeypatch.setattr(translit.cli.records, "BLOCK", block)
    _check_chunked(cli, tmp_path, rows, end, "1")


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS, block=st.integers(min_value=1, max_value=64), end=ENDS)
def test_chunked_reading_in_parallel_equals_reading_whole(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[list[str]],
    block: int, end: str
) -> None:
    monkeypatch.setattr(translit.cli.records, "BLOCK", block)
    _check_chunked(cli, tmp_path, rows, end, "2")


def test_group_jsonl_tells_once(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "g.jsonl", '{"name": "Kyiv"}\n{"id": 2}\n{"name": "Київ"}\n')
    ran = cli("group", "-i", path, "--field", "name")
    assert ran.code == 0, ran.err
    records = ran.jsonl()
    assert records[0]["group"] == records[2]["group"] == 1
    assert records[1] == {"id": 2, "group": None, "representative": None}
    assert ran.err.count("no field 'name'") == 1


# --- candidates and identify ------------------------------------------------------------------


def test_candidates_match_the_library(cli: Any) -> None:
    ran = cli("candidates", "-f", "jsonl", "--limit", "3", "-l", "uk", "Kharkiv", "", "123")
    assert ran.code == 0, ran.err
    readings = translit.candidates("Kharkiv", language="uk", limit=3)
    first, empty, digits = ran.jsonl()
    assert first == {
        "input": "Kharkiv", "cyrillic": readings[0].cyrillic, "language": "uk",
        "score": readings[0].score, "systems": list(readings[0].systems),
        "alternatives": [r.cyrillic for r in readings[1:]],
    }
    assert empty["cyrillic"] is None and digits["alternatives"] is None


def test_candidates_as_text_and_csv(cli: Any) -> None:
    readings = translit.candidates("Kharkov", limit=4)
    head, text = cli("candidates", "--limit", "4", "Kharkov").text.splitlines()
    assert head.split("\t") == ["input", *VERBS["candidates"].columns]
    name, *line = text.split("\t")
    assert name == "Kharkov"
    assert line[0] == readings[0].cyrillic
    assert line[3] == " ".join(readings[0].systems)
    assert line[4] == "; ".join(r.cyrillic for r in readings[1:])
    rows = cli("candidates", "--limit", "4", "-f", "csv", "Kharkov").csv()
    assert rows[0] == ["input", "cyrillic", "language", "score", "systems", "alternatives"]
    assert rows[1][1] == readings[0].cyrillic


def test_candidates_limit_must_be_positive(cli: Any) -> None:
    assert cli("candidates", "--limit", "0", "Kyiv").code == EXIT_USAGE


def test_identify_from_the_latin(cli: Any) -> None:
    ran = cli("identify", "Kharkiv", "Kharkov")
    assert ran.text.splitlines() == [" ".join(translit.identify(n)) for n in ("Kharkiv",
                                                                              "Kharkov")]


def test_identify_with_a_cyrillic_column(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "latin,name\nKharkiv,Харків\nKharkov,Харьков\nLviv,\n")
    rows = cli("identify", "-i", path, "-c", "latin", "--cyrillic", "name").csv()
    assert rows[0] == ["latin", "name", "systems"]
    assert rows[1][2] == " ".join(translit.identify("Kharkiv", "Харків"))
    assert rows[2][2] == " ".join(translit.identify("Kharkov", "Харьков"))
    assert rows[3][2] == " ".join(translit.identify("Lviv"))  # no Cyrillic: read from the Latin
    records = write(tmp_path / "p.jsonl", '{"latin": "Kharkiv", "name": "Харків"}\n')
    got = cli("identify", "-i", records, "--field", "latin", "--cyrillic", "name").jsonl()
    assert got[0]["systems"] == translit.identify("Kharkiv", "Харків")
    missing = cli("identify", "-i", path, "-c", "latin", "--cyrillic", "nmae")
    assert missing.code == EXIT_USAGE and "'name'" in missing.err
    lines = write(tmp_path / "n.txt", "Kharkiv\n")
    assert cli("identify", "-i", lines, "--cyrillic", "name").code == EXIT_USAGE
