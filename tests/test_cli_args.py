"""The command line typed as csvkit, xsv and ripgrep users type it, as real processes on real
files: files given positionally, globs, standard input as ``-``; what can only have been meant
as a file is an error, never a name converted with exit status 0; check as a verb like the
others; one table of exit statuses; output formats from -o; signals.
"""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

import translit
from tests.test_cli_files import COMMAND, ENV, translit_run
from translit.cli import main, verbs
from translit.cli.render import NO_SYSTEM

PEOPLE = [("1", "Шевченко Тарас", "Kyiv"), ("2", "Kharkov", "x"), ("3", "Дейнега", "y"),
          ("4", "Mykolaiv", "z")]


@pytest.fixture
def people(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("id", "name", "note"), *PEOPLE])
    return path


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def keyed(path: Path) -> list[list[str]]:
    """What `key --column name` must write for *path*: every row and its name's key."""
    source = rows(path.read_bytes())
    return [[*source[0], "key"], *([*r, translit.key(r[1])] for r in source[1:])]


# --- files typed positionally -------------------------------------------------------------------


@pytest.mark.parametrize("order", ["column first", "file first"])
def test_a_positional_file_is_read_not_keyed_as_a_name(people: Path, order: str) -> None:
    argv = ["--column", "name", people] if order == "column first" else [people, "-c", "name"]
    ran = translit_run("key", *argv, cwd=people.parent)
    assert ran.returncode == 0, ran.stderr
    assert rows(ran.stdout) == keyed(people)
    # and relative to the working directory, as a user types it
    ran = translit_run("key", "--column", "name", "people.csv", cwd=people.parent)
    assert rows(ran.stdout) == keyed(people)


def test_positional_files_with_o_and_as_i_agree(people: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert translit_run("key", "--column", "name", people, "-o", out).returncode == 0
    assert rows(out.read_bytes()) == keyed(people)
    assert translit_run("key", "--column", "name", "-i", people).stdout == out.read_bytes()


def test_several_files_and_an_unexpanded_glob(people: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.csv").write_bytes(people.read_bytes())
    (data / "b.csv").write_bytes(people.read_bytes())
    expected = keyed(people)
    both = [*expected, *expected[1:]]
    assert rows(translit_run("key", "-c", "name", data / "a.csv", data / "b.csv").stdout) == both
    ran = translit_run("key", "-c", "name", str(data / "*.csv"))  # quoted: the shell left it
    assert ran.returncode == 0, ran.stderr
    assert rows(ran.stdout) == both


def test_a_positional_dash_is_standard_input(people: Path) -> None:
    ran = translit_run("key", "-c", "name", "-", stdin=people.read_bytes())
    assert rows(ran.stdout) == keyed(people)
    lines = translit_run("romanize", "-s", "uk-national", "-", stdin="Київ\nЛьвів\n".encode())
    assert lines.stdout.decode() == "Kyiv\nLviv\n"


@pytest.mark.parametrize("argv", [
    ["--column", "name", "nosuch.csv"],
    ["-c", "name", "Kyiv"],  # --column reads files: a name is no file
    ["--field", "name", "records.jsonl"],
    ["nosuch.csv"],  # looks like a file
    ["data/people.csv"],
    ["*.tsv"],  # a glob that matches nothing
])
def test_what_can_only_be_a_file_is_an_error_not_a_name(tmp_path: Path, argv: list[str]) -> None:
    ran = translit_run("key", *argv, cwd=tmp_path)
    assert ran.returncode == 2 and ran.stdout == b""
    err = ran.stderr.decode()
    assert "no such file" in err or "matches no file" in err
    assert "-n NAME" in err  # and how to say it is a name


def test_names_stay_names_and_can_be_forced(people: Path) -> None:
    ran = translit_run("key", "Kharkiv", "Харків")
    assert ran.stdout.decode().splitlines() == [translit.key("Kharkiv"), translit.key("Харків")]
    # a name that is also a file's name: after -- (-n with it is refused: xsv's -n is -H)
    forced = translit_run("key", "--", "people.csv", cwd=people.parent)
    assert forced.stdout.decode() == translit.key("people.csv") + "\n"
    assert translit_run("key", "-n", "people.csv", cwd=people.parent).returncode == 2


def test_names_and_files_together_are_refused(people: Path) -> None:
    ran = translit_run("key", "Kyiv", people)
    assert ran.returncode == 2 and ran.stdout == b""
    assert "give files or names, not both" in ran.stderr.decode()


@pytest.mark.parametrize("verb", ["candidates", "identify"])
def test_candidates_and_identify_read_a_file_as_every_verb_does(tmp_path: Path,
                                                                verb: str) -> None:
    """`translit candidates names.txt` read the string "names.txt" (п.цсв) with exit 0."""
    names = tmp_path / "names.txt"
    names.write_text("Kharkov\nShevchenko\n", "utf-8")
    ran = translit_run(verb, "names.txt", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == translit_run(verb, "-i", "names.txt", cwd=tmp_path).stdout
    assert ran.stdout == translit_run(verb, "-n", "Kharkov", "-n", "Shevchenko",
                                      cwd=tmp_path).stdout
    assert ran.stdout != translit_run(verb, "--", "names.txt", cwd=tmp_path).stdout
    # a file that is not there is an error
    ran = translit_run(verb, "people.csv", cwd=tmp_path)
    assert ran.returncode == 2 and "no such file" in ran.stderr.decode()


def test_a_directory_and_binary_files_are_said_to_be_so(tmp_path: Path) -> None:
    import gzip

    ran = translit_run("key", tmp_path)
    assert ran.returncode == 2 and "directory" in ran.stderr.decode().lower()
    packed = tmp_path / "names.csv.gz"
    packed.write_bytes(gzip.compress(b"name\nKyiv\n"))
    ran = translit_run("key", "-c", "name", packed)
    assert ran.returncode == 2 and "is a gzip file, not text: decompress it" in ran.stderr.decode()
    utf16 = tmp_path / "names.txt"
    utf16.write_bytes("Київ\nХарків\nОдеса\n".encode("utf-16-le"))
    ran = translit_run("key", utf16)
    assert ran.returncode == 2 and "UTF-16LE without a byte order mark" in ran.stderr.decode()


# --- input read right or refused --------------------------------------------------------------


def test_jsonl_without_field_lists_the_keys(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": 1, "city": "Kyiv", "n": 3}\n{"id": 2, "region": "Lviv"}\n', "utf-8")
    ran = translit_run("key", path)
    assert ran.returncode == 2 and ran.stdout == b""
    assert "say --field; the keys seen: 'city', 'region'" in ran.stderr.decode()
    ran = translit_run("key", "--column", "city", path)
    assert ran.returncode == 2 and "name the key with --field" in ran.stderr.decode()
    ran = translit_run("key", "--field", "city", path)
    assert ran.returncode == 0
    assert [json.loads(line).get("key") for line in ran.stdout.decode().splitlines()] == \
        [translit.key("Kyiv"), None]


def test_a_json_document_is_refused_not_kept_unkeyed(tmp_path: Path) -> None:
    """A JSON array (a .json document) has no line to key: it was kept as it was with exit
    status 0, every name without its key."""
    doc = tmp_path / "cities.json"
    doc.write_text('[{"city": "Kyiv"}, {"city": "Kharkov"}]\n', "utf-8")
    for argv in (["--field", "city", doc], [doc]):
        ran = translit_run("key", *argv)
        assert ran.returncode == 2 and ran.stdout == b"", argv
        assert "JSON array" in ran.stderr.decode() and "jq -c '.[]'" in ran.stderr.decode()
    # JSON Lines named .json, as many tools write it, is read as JSON Lines
    named = tmp_path / "export.json"
    named.write_text('{"city": "Kharkov"}\n', "utf-8")
    ran = translit_run("key", "--field", "city", named)
    assert ran.returncode == 0 and json.loads(ran.stdout)["key"] == translit.key("Kharkov")


def test_a_headerless_table_as_csvkit_and_xsv_users_type_it(tmp_path: Path) -> None:
    """-H / --no-header-row (csvkit) and --no-headers (xsv): the first row is data; -d and -t
    (csvkit, xsv) say the delimiter."""
    plain = tmp_path / "plain.csv"
    plain.write_text("1,Kharkov\n2,Харків\n", "utf-8")
    want = [["1", "Kharkov", translit.key("Kharkov")], ["2", "Харків", translit.key("Харків")]]
    for flag in ("-H", "--no-header-row", "--no-headers"):
        ran = translit_run("key", flag, "-c", "2", plain)
        assert ran.returncode == 0, ran.stderr
        assert rows(ran.stdout) == want
    # without it the first row is the header, as in csvkit: one row fewer, never a silent mix
    assert rows(translit_run("key", "-c", "2", plain).stdout) == [["1", "Kharkov", "key"],
                                                                  want[1]]
    semi = tmp_path / "semi.txt"
    semi.write_text("id;name\n1;Kharkov\n", "utf-8")
    ran = translit_run("key", "-d", ";", "-c", "name", "--input-format", "csv", semi)
    assert ran.returncode == 0  # written in the input's own delimiter
    assert ran.stdout.decode().splitlines() == ["id;name;key", f"1;Kharkov;{translit.key('Kharkov')}"]
    tabbed = tmp_path / "tabbed.txt"
    tabbed.write_text("id\tname\n1\tKharkov, city\n", "utf-8")
    ran = translit_run("key", "-t", "-c", "name", "--input-format", "csv", tabbed)
    assert ran.returncode == 0
    assert ran.stdout.decode().splitlines()[1].split("\t")[-1] == translit.key("Kharkov, city")


def test_a_field_of_a_csv_is_refused(people: Path) -> None:
    ran = translit_run("key", "--field", "name", people)
    assert ran.returncode == 2 and "name the column with --column" in ran.stderr.decode()


# --- output --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "first"), [
    (".tsv", "id\tname\tnote\tkey"), (".jsonl", '{"id": "1"'), (".csv", "id,name,note,key")])
def test_o_sets_the_format_by_its_extension(people: Path, tmp_path: Path, suffix: str,
                                            first: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert translit_run("key", "-c", "name", people, "-o", out).returncode == 0
    assert out.read_text("utf-8").startswith(first)
    # --format says otherwise
    assert translit_run("key", "-c", "name", people, "-o", out, "-f", "csv").returncode == 0
    assert out.read_text("utf-8").startswith("id,name,note,key")


@pytest.mark.parametrize("name", ["out.json", "out.parquet", "out.xlsx", "out.csv.gz"])
def test_o_naming_a_format_not_written_is_refused(people: Path, tmp_path: Path,
                                                  name: str) -> None:
    """-o out.parquet (or .json for a verb that writes JSON Lines) was filled with CSV, exit 0."""
    out = tmp_path / name
    ran = translit_run("key", "-c", "name", people, "-o", out)
    assert ran.returncode == 2 and not out.exists()
    assert f"{out}: " in ran.stderr.decode() and "--format" in ran.stderr.decode()
    # --format says what to write, whatever the name
    assert translit_run("key", "-c", "name", people, "-o", out, "-f", "jsonl").returncode == 0
    assert json.loads(out.read_text("utf-8").splitlines()[0])["key"] == translit.key(PEOPLE[0][1])
    # check writes one JSON document, and .json asks for it, also for a list of names
    found = tmp_path / "found.json"
    ran = translit_run("check", "-c", "name", people, "-o", found)
    assert ran.returncode == 1 and json.loads(found.read_text("utf-8"))[0]["file"] == str(people)


def test_o_onto_a_symlink_writes_through_it(people: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n", "utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert translit_run("key", "-c", "name", people, "-o", link).returncode == 0
    assert link.is_symlink()
    assert rows(target.read_bytes()) == keyed(people)


def test_identify_says_when_no_system_writes_a_spelling() -> None:
    ran = translit_run("identify", "Xyzzyq")
    assert ran.returncode == 0
    assert ran.stdout.decode() == NO_SYSTEM + "\n"
    assert translit.identify("Xyzzyq") == []
    found = translit_run("identify", "Kharkiv")
    assert found.stdout.decode().split() == translit.identify("Kharkiv")


def test_a_wrong_option_prints_the_verbs_usage() -> None:
    ran = translit_run("key", "--bogus")
    assert ran.returncode == 2
    err = ran.stderr.decode()
    assert err.startswith("usage: translit key") and "unrecognized arguments: --bogus" in err


def test_version_names_the_key_version() -> None:
    ran = translit_run("--version")
    assert ran.stdout.decode().strip() == \
        f"translit {translit.__version__} (key version {translit.KEY_VERSION}; {translit.core.describe()})"


# --- check, a verb like the others ----------------------------------------------------------


def test_check_reads_several_files_and_standard_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Fighting near Kharkov and in Kiev.\n", "utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Fighting near Kharkiv and in Kyiv.\n", "utf-8")
    ran = translit_run("check", "-f", "jsonl", good, bad)
    assert ran.returncode == 1, ran.stderr
    found = [json.loads(line) for line in ran.stdout.decode().splitlines()]
    assert {(f["file"], f["text"], f["suggestion"]) for f in found} == {
        (str(bad), "Kharkov", "Kharkiv"), (str(bad), "Kiev", "Kyiv")}
    assert translit_run("check", good).returncode == 0
    piped = translit_run("check", "-f", "jsonl", stdin=bad.read_bytes())
    assert [json.loads(line)["file"] for line in piped.stdout.decode().splitlines()] == \
        ["<stdin>", "<stdin>"]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "text"])
def test_check_formats_and_atomic_o(tmp_path: Path, fmt: str) -> None:
    text = tmp_path / "report.txt"
    text.write_text("Officials in Kiev said.\n", "utf-8")
    out = tmp_path / f"findings.{fmt}"
    ran = translit_run("check", text, "-f", fmt, "-o", out)
    assert ran.returncode == 1 and ran.stdout == b""
    written = out.read_text("utf-8")
    if fmt == "json":
        assert [f["suggestion"] for f in json.loads(written)] == ["Kyiv"]
    elif fmt == "text":
        assert "Kiev" in written and "→ Kyiv" in written
    else:
        table = list(csv.reader(io.StringIO(written), delimiter="\t" if fmt == "tsv" else ","))
        head = table[0]
        assert head[:3] == ["file", "line", "column"]
        assert [dict(zip(head, r, strict=True))["suggestion"] for r in table[1:]] == ["Kyiv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([text.name, out.name])


def test_check_reads_a_csv_column_as_a_name_list(tmp_path: Path) -> None:
    path = tmp_path / "cities.csv"
    path.write_text('id,city,comment\n1,Kyiv,"Kiev, the capital"\n2,Kharkov,ok\n3,Odesa,\n',
                    "utf-8")
    ran = translit_run("check", path, "--column", "city", "-f", "jsonl")
    assert ran.returncode == 1, ran.stderr
    found = [json.loads(line) for line in ran.stdout.decode().splitlines()]
    # only the column is read (the comment's "Kiev" is not), each finding at its record's line
    assert [(f["text"], f["line"], f["column"]) for f in found] == [("Kharkov", 3, 1)]
    prose = translit_run("check", path, "--column", "comment", "-f", "jsonl")
    assert [json.loads(line)["text"] for line in prose.stdout.decode().splitlines()] == ["Kiev"]


def test_check_input_errors_name_the_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Kyiv\nKh\xffarkiv\n")
    ran = translit_run("check", path)
    assert ran.returncode == 2
    assert f"{path}, line 2, byte offset 7: invalid UTF-8" in ran.stderr.decode()
    assert translit_run("check", path, "--errors", "replace").returncode in (0, 1)
    ran = translit_run("check", tmp_path)  # a directory: its text files, read the same way
    assert ran.returncode == 2 and f"{path}, line 2, byte offset 7: invalid UTF-8" in ran.stderr.decode()


# --- one table of exit statuses ---------------------------------------------------------------


def test_an_internal_error_exits_70_with_a_hint(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    def broken(values: Any) -> list[str]:
        raise RuntimeError("a planted bug")

    monkeypatch.setattr(translit, "key_many", broken)
    monkeypatch.setattr(verbs, "_BATCHES", {})  # no batch function made before the plant
    assert main(["key", "Kyiv"]) == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: a planted bug" in err and "please report" in err
    assert len(err.splitlines()) == 2  # no traceback unless TRANSLIT_DEBUG is set


def test_no_verb_but_check_exits_1(tmp_path: Path, people: Path) -> None:
    statuses = {
        "key": translit_run("key", "-c", "name", people).returncode,
        "usage": translit_run("key", "--jobs", "x").returncode,
        "missing": translit_run("key", "-c", "name", tmp_path / "no.csv").returncode,
        "found": translit_run("check", "-n", "Kiev").returncode,
        "clean": translit_run("check", "-n", "Kyiv").returncode,
    }
    assert statuses == {"key": 0, "usage": 2, "missing": 2, "found": 1, "clean": 0}


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_leaves_no_temporary_file(tmp_path: Path, number: int) -> None:
    big = tmp_path / "big.txt"
    # (1.2 million names: with the compiled key, 400,000 ran in about 0.3 s, and a fresh CI run
    # once finished them between the poll that saw the .part file and the signal: exit 0)
    big.write_text("".join(f"Шевченко{i} Київ{i}\n" for i in range(1_200_000)), "utf-8")
    out = tmp_path / "out.txt"
    process = subprocess.Popen([*COMMAND, "key", str(big), "-o", str(out)], env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(number)
    assert process.wait(timeout=60) == 128 + number
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]
    assert process.stderr is not None and process.stderr.read() == b""


def test_a_worker_stops_on_sigterm_as_a_process_does() -> None:
    """The parent raises on SIGTERM (to clean up its output); a worker must not inherit that:
    the pool stops its workers with SIGTERM, and a worker that raised while holding the task
    queue's lock left the other waiting for ever (a --jobs 2 run that failed then hung)."""
    code = (
        "import signal, sys\n"
        "from translit.cli import workers\n"
        "signal.signal(signal.SIGTERM, lambda *a: None)\n"
        "workers._start_worker(2, None)\n"
        "sys.exit(0 if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL else 1)\n"
    )
    import sys

    assert subprocess.run([sys.executable, "-c", code], env=ENV, timeout=60).returncode == 0


@pytest.mark.parametrize("run", range(3))
def test_a_failing_parallel_run_ends(tmp_path: Path, run: int) -> None:
    rows = "".join(f"{i},Kyiv{i},x\n" for i in range(60_000))
    path = tmp_path / "bad.csv"
    path.write_text("id,name,note\n" + rows + '1,"Lviv,x\n' + rows, "utf-8")
    ran = translit_run("key", path, "-c", "name", "--jobs", "2", timeout=120)
    assert ran.returncode == 2 and "a quoted field is never closed" in ran.stderr.decode()


@pytest.mark.parametrize(("typed", "first"), [("uk", "uk-national"), ("BE", "be-national"),
                                              ("ukr-national", "uk-national")])
def test_a_language_code_for_a_system_suggests_its_default(typed: str, first: str) -> None:
    """-s uk suggested uk-sv, uk-pl, uk-no (nearest by letters); a language asks for its own."""
    ran = translit_run("romanize", "-s", typed, "Київ")
    assert ran.returncode == 2 and ran.stdout == b""
    assert f"did you mean {first}," in ran.stderr.decode()


def test_systems_writes_the_format_its_o_names(tmp_path: Path) -> None:
    """`systems -o systems.tsv` wrote the text listing into a .tsv file, exit 0."""
    out = tmp_path / "systems.tsv"
    assert translit_run("systems", "-o", out).returncode == 0
    table = list(csv.reader(io.StringIO(out.read_text("utf-8")), delimiter="\t"))
    assert table[0][:2] == ["id", "language"]
    assert sorted(r[0] for r in table[1:]) == sorted(s.id for s in translit.systems())
    ran = translit_run("systems", "-o", tmp_path / "systems.parquet")
    assert ran.returncode == 2 and not (tmp_path / "systems.parquet").exists()


@pytest.mark.parametrize("argv", [
    ["key", "-c", "name", "-c", "city"],
    ["key", "--column", "name", "-c", "2"],
    ["romanize", "-s", "uk-national", "-s", "ru-bgn-pcgn", "-c", "name"],
    ["key", "-c", "name", "-o", "a.csv", "-o", "b.csv"],
    ["key", "-c", "name", "-f", "csv", "--format", "tsv"],
    ["check", "-t", "uk-national", "--target", "ru-bgn-pcgn", "-c", "name"],
])
def test_a_single_valued_option_given_twice_is_an_error(people: Path, tmp_path: Path,
                                                        argv: list[str]) -> None:
    """`-c name -c city` keyed only the city, exit 0 (the last value won silently)."""
    ran = translit_run(*argv, people, cwd=tmp_path)
    assert ran.returncode == 2
    assert b"given twice" in ran.stderr
    assert ran.stdout == b""
    assert not (tmp_path / "a.csv").exists() and not (tmp_path / "b.csv").exists()


def test_the_same_value_twice_is_harmless(people: Path) -> None:
    once = translit_run("key", "-c", "name", people)
    twice = translit_run("key", "-c", "name", "--column", "name", people)
    assert once.returncode == twice.returncode == 0
    assert once.stdout == twice.stdout


def test_a_field_no_object_has_is_an_error(tmp_path: Path) -> None:
    """--field nam (for name) gave a column of nulls and exit 0; now an error naming the
    fields, and -o FILE is not written.  A field some objects lack stays a note."""
    source = tmp_path / "people.jsonl"
    source.write_text('{"name": "Київ"}\n{"name": "Харків", "x": 1}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    ran = translit_run("key", "--field", "nam", source, "-o", out)
    assert ran.returncode == 2
    assert b"no object has a field 'nam' (did you mean 'name'?)" in ran.stderr
    assert not out.exists()
    source.write_text('{"name": "Київ"}\n{"x": 1}\n', encoding="utf-8")
    ran = translit_run("key", "--field", "name", source)
    assert ran.returncode == 0
    assert [json.loads(x)["key"] for x in ran.stdout.decode().splitlines()] == [translit.key("Київ"), None]
    assert b"1 line has no field 'name'" in ran.stderr


def test_n_with_an_existing_data_file_is_refused(tmp_path: Path) -> None:
    """xsv's -n is --no-headers: `translit key -n nohdr.csv` keyed the string 'nohdr.csv' with
    exit 0.  -n with a file is refused; -- still converts the string; -n Kharkiv a name."""
    table = tmp_path / "nohdr.csv"
    table.write_text("Шевченко,Київ\n", encoding="utf-8")
    ran = translit_run("key", "-n", "nohdr.csv", cwd=tmp_path)
    assert ran.returncode == 2 and b"-H/--no-headers" in ran.stderr and ran.stdout == b""
    ran = translit_run("key", "--", "nohdr.csv", cwd=tmp_path)
    assert ran.returncode == 0 and ran.stdout.decode().strip() == translit.key("nohdr.csv")
    ran = translit_run("key", "-n", "Kharkiv", cwd=tmp_path)
    assert ran.returncode == 0 and ran.stdout.decode().strip() == translit.key("Kharkiv")


@pytest.mark.parametrize("verb", ["key", "romanize", "check"])
def test_a_column_name_two_columns_share_is_an_error(tmp_path: Path, verb: str) -> None:
    """`-c name` on a header `name,city,name` took the first, exit 0; now the numbers."""
    table = tmp_path / "dup.csv"
    table.write_text("name,city,name\nКиїв,x,Харьков\n", encoding="utf-8")
    ran = translit_run(verb, "-c", "name", table)
    assert ran.returncode == 2 and b"(columns 1 and 3)" in ran.stderr and ran.stdout == b""
    ran = translit_run("key", "-c", "3", table)
    assert ran.returncode == 0 and ran.stdout.decode().splitlines()[1].endswith(translit.key("Харьков"))


def test_check_reads_a_directory_as_ripgrep_does(tmp_path: Path) -> None:
    """`translit check docs/` was 'cannot read: Is a directory'; now its text files in name
    order, hidden ones left out, the tables with --column; none is an error."""
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".git").mkdir()
    (docs / "a.txt").write_text("Kyiv is the capital.\n", encoding="utf-8")
    (docs / "sub" / "b.md").write_text("Kiev is the capital.\n", encoding="utf-8")
    (docs / ".git" / "c.txt").write_text("Kharkov\n", encoding="utf-8")
    (docs / "people.csv").write_text("name\nKharkov\n", encoding="utf-8")
    ran = translit_run("check", "-f", "jsonl", docs)
    assert ran.returncode == 1, ran.stderr
    found = [json.loads(line) for line in ran.stdout.decode().splitlines()]
    assert [(Path(f["file"]).name, f["text"]) for f in found] == [("b.md", "Kiev")]
    ran = translit_run("check", "-f", "jsonl", "-c", "name", docs)
    assert [(Path(f["file"]).name, f["text"]) for f in map(json.loads, ran.stdout.decode().splitlines())] \
        == [("people.csv", "Kharkov")]
    (docs / "empty").mkdir()
    ran = translit_run("check", docs / "empty")
    assert ran.returncode == 2 and b"no text files" in ran.stderr
    assert translit_run("key", docs).returncode == 2  # the other verbs read files, not trees


def test_romanize_tells_names_a_system_was_not_made_for(tmp_path: Path) -> None:
    """`romanize -s ru-bgn-pcgn` on Київ writes Kiyiv (Russian rules on a Ukrainian name) and
    said nothing: now stderr counts such rows, with the first line; the output is unchanged."""
    table = tmp_path / "n.csv"
    table.write_text("name\nМосква\nКиїв\nЇжакевич\n", encoding="utf-8")
    ran = translit_run("romanize", "-s", "ru-bgn-pcgn", "-c", "name", table)
    assert ran.returncode == 0
    assert [r["latin"] for r in csv.DictReader(io.StringIO(ran.stdout.decode()))] == [
        translit.romanize(n, "ru-bgn-pcgn") for n in ("Москва", "Київ", "Їжакевич")]
    err = ran.stderr.decode()
    assert "2 lines hold letters Russian does not write" in err and "(the first: line 3)" in err
    ran = translit_run("romanize", "-s", "uk-national", "-c", "name", table)
    assert b"does not write" not in ran.stderr  # Москва: letters Ukrainian has
    ran = translit_run("romanize", "-c", "name", table)  # no system: each name's own
    assert b"does not write" not in ran.stderr
