"""The command line as a real process on real files: every reading trap, streaming, memory.

Each test runs ``python -m translit`` on files in tests/data/cli or made in the test's temp
dir, and checks bytes, exit statuses and messages (file, physical line, absolute byte offset).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import translit

ROOT = Path(translit.__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "cli"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
COMMAND = [sys.executable, "-m", "translit"]
csv.field_size_limit(1 << 26)  # for reading the outputs back: fields of 200,000 characters


def translit_run(*args: str | Path, stdin: bytes | None = None, timeout: float = 120,
                 cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *map(str, args)], input=stdin, capture_output=True,
                          env=ENV, timeout=timeout, check=False, cwd=cwd)


_MEASURE = """
import os, subprocess, sys, time
started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = process.stderr.read()
_, status, usage = os.wait4(process.pid, 0)
sys.stderr.buffer.write(err)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - started, usage.ru_maxrss)
"""


def run_measured(*args: str | Path) -> tuple[int, float, int, bytes]:
    """Exit status, seconds, peak resident memory (bytes) and stderr of one run.

    Measured from a small parent process: on Linux a child's peak includes the memory of the
    process it was forked from, and this test process may be large.
    """
    ran = subprocess.run([sys.executable, "-c", _MEASURE, *COMMAND, *map(str, args)],
                         capture_output=True, env=ENV, check=True, timeout=300)
    code, seconds, peak = ran.stdout.split()
    scale = 1 if sys.platform == "darwin" else 1024
    return int(code), float(seconds), int(peak) * scale, ran.stderr


def parse_csv(data: bytes, **options: Any) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), **options))


# --- the fixture files ----------------------------------------------------------------------


FORMS = {  # how users type the file: positionally (csvkit, xsv) or with -i; stdout or -o
    "positional": lambda path: [path],
    "-i": lambda path: ["-i", path],
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "-o"])
def test_a_ragged_fixture_is_refused_naming_its_line(tmp_path: Path, form: str,
                                                     to_file: bool) -> None:
    out = tmp_path / "out.csv"
    ran = translit_run("key", "--column", "name", *FORMS[form](DATA / "people.csv"),
                       *(["-o", out] if to_file else []))
    assert ran.returncode == 2 and ran.stdout == b""
    assert f"{DATA / 'people.csv'}, line 8, byte offset " in ran.stderr.decode()
    assert "this row has 2 fields, the header 3" in ran.stderr.decode()
    assert not out.exists() and not list(tmp_path.iterdir())  # no file, no temporary


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "-o"])
def test_quoted_fields_bom_crlf_blank_lines_nul_ragged(tmp_path: Path, form: str,
                                                       to_file: bool) -> None:
    out_file = tmp_path / "out.csv"
    ran = translit_run("romanize", "-s", "uk-national", *FORMS[form](DATA / "people.csv"),
                       "-c", "name", "--ragged", "keep", *(["-o", out_file] if to_file else []))
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr == b""
    out = out_file.read_bytes() if to_file else ran.stdout
    assert out.startswith(b"\xef\xbb\xbf")  # the input's byte order mark kept (Excel)
    source = parse_csv((DATA / "people.csv").read_bytes())
    rows = parse_csv(out)
    assert rows[0] == [*source[0], "latin"]
    for got, row in zip(rows[1:], source[1:], strict=True):
        if not row:
            assert got == []  # the blank line stays blank
            continue
        assert got == [*row, translit.romanize(row[1], "uk-national")]  # kept as it is
    # Fields are byte for byte what they were: CRLF and LF inside quotes, NUL, doubled quotes.
    assert b'"line one\r\nline two"' in out
    assert b'"multi\nline with LF"' in out
    assert "Ки\x00їв".encode() in out
    assert b'"\xd0\xa8\xd0\xb5\xd0\xb2\xd1\x87\xd0\xb5\xd0\xbd\xd0\xba\xd0\xbe ""' in out
    # Record ends are the input's CRLF.
    assert out.split(b"\r\n")[0] == b"\xef\xbb\xbfid,name,note,latin"
    assert b"\r\n\r\n" in out


def test_tsv_whose_quotes_are_data() -> None:
    ran = translit_run("key", "-i", DATA / "people.tsv", "-c", "name")
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.decode().split("\n")
    assert lines[0] == "id\tname\tnote\tkey"
    name = '"Київ" (capital)'
    assert lines[1] == f"1\t{name}\tquotes are data\t{translit.key(name)}"
    assert lines[2].startswith('2\tO"Львів\tstray " quote\t')
    assert lines[3] == ""


def test_jsonl_fixture() -> None:
    ran = translit_run("romanize", "-s", "uk-national", "-i", DATA / "people.jsonl",
                       "--field", "name")
    assert ran.returncode == 0, ran.stderr
    source = (DATA / "people.jsonl").read_bytes().decode().split("\n")
    out = ran.stdout.decode().split("\n")
    assert len(out) == len(source)
    assert out[0] == source[0][:-1] + ', "latin": "Kyiv"}'
    assert out[1].startswith(source[1][:-2]) and out[1].endswith("}\r")  # CRLF kept
    assert out[2] == "" and out[3] == source[3]
    assert out[4] == '{"id": 3, "latin": null}'
    record = json.loads(out[5])
    assert record["name"] == "\U0001f600 \ud800Львів"
    assert record["latin"] == translit.romanize("\U0001f600 \ud800Львів", "uk-national")
    assert out[5].startswith(source[5][:-1])  # the escapes are written back as they were
    err = ran.stderr.decode()
    assert "line 4" in err and "not a JSON object" in err
    assert "line 5" in err and "no field 'name'" in err


def test_plain_lines_fixture() -> None:
    ran = translit_run("romanize", "-s", "uk-national", "-i", DATA / "names.txt")
    expected = [translit.romanize(n, "uk-national")
                for n in ("Київ", "Знам'янка", "", "Львів", "Харків")]
    assert ran.stdout.decode() == "\n".join(expected) + "\n"


def test_stdin_and_python_dash_m() -> None:
    ran = translit_run("key", "-c", "name", "--ragged", "keep",
                       stdin=(DATA / "people.csv").read_bytes())
    assert ran.returncode == 0
    assert parse_csv(ran.stdout)[0] == ["id", "name", "note", "key"]
    dash = translit_run("key", "-c", "name", "--ragged", "keep", "-",
                        stdin=(DATA / "people.csv").read_bytes())
    assert dash.stdout == ran.stdout  # a positional - is standard input, not a name


# --- sizes -------------------------------------------------------------------------------------


def test_zero_byte_and_header_only(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    ran = translit_run("romanize", "-i", empty, "-c", "name")
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, b"", b"")
    header = tmp_path / "header.csv"
    header.write_bytes(b"id,name\r\n")
    ran = translit_run("romanize", "-i", header, "-c", "name")
    assert (ran.returncode, ran.stdout) == (0, b"id,name,latin\r\n")


def test_a_200000_character_field(tmp_path: Path) -> None:
    big = "Київ " * 40_000  # 200,000 characters
    note = "x" * 200_000
    path = tmp_path / "big.csv"
    path.write_text(f'id,name,note\n1,"{big}","{note}"\n2,Львів,short\n', "utf-8")
    ran = translit_run("romanize", "-s", "uk-national", "-i", path, "-c", "name")
    assert ran.returncode == 0, ran.stderr
    rows = parse_csv(ran.stdout)
    assert rows[1][:3] == ["1", big, note]
    assert rows[1][3] == translit.romanize(big, "uk-national")
    assert rows[2][0] == "2"


# --- errors -----------------------------------------------------------------------------------


def _quoted_records(n: int) -> bytes:
    return b"".join(b'%d,"multi\r\nline, %d",x\n' % (i, i) for i in range(n))


HEADER = b"id,name,note\n"
MIB = 1 << 20
LONG = b"".join(b"%d,Kyiv,x\n" % i for i in range(200_000))  # past the first MiB
assert len(LONG) > MIB

INVALID = {
    "stray 0xFF": HEADER + b"1,Ky\xffiv,x\n",
    "truncated at the end": HEADER + b"1,Kyiv,x\n2,\xd0\x9a\xd0",
    "overlong": HEADER + b"1,\xc0\xafKyiv,x\n",
    "CESU-8 surrogate": HEADER + b"1,\xed\xa0\xbd\xed\xb8\x80,x\n",
    "Windows-1251": "id,name,note\n1,Київ,x\n2,Львів,y\n".encode("cp1251"),
    "past the first MiB": HEADER + LONG + b"9,\xfeKyiv,x\n",
    "after quoted multi-line records": HEADER + _quoted_records(50) + b'7,"a\r\n\x80",x\n',
}


def _position(data: bytes) -> tuple[int, int]:
    """Line and offset of the first invalid byte, counted independently of translit."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1, exc.start
    raise AssertionError("valid")


@pytest.mark.parametrize("kind", list(INVALID))
def test_invalid_utf8_names_file_line_and_offset(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(INVALID[kind])
    line, offset = _position(INVALID[kind])
    out = tmp_path / "out.csv"
    ran = translit_run("key", "-i", path, "-c", "name", "-o", out)
    assert ran.returncode == 2
    err = ran.stderr.decode()
    assert f"{path}, line {line}, byte offset {offset}: invalid UTF-8" in err, err
    assert "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [path]
    if kind == "Windows-1251":
        assert "cp1251" in err


@pytest.mark.parametrize("kind", list(INVALID))
def test_invalid_utf8_replaced_and_counted(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(INVALID[kind])
    ran = translit_run("key", "-i", path, "-c", "name", "--errors", "replace", "--ragged", "pad")
    assert ran.returncode == 0, ran.stderr
    rows = parse_csv(ran.stdout)
    expected = parse_csv(INVALID[kind].decode("utf-8", "replace").encode())
    assert [r[:3] for r in rows] == [[*r, "", ""][:3] for r in expected]
    affected = sum(1 for r in expected if any("\ufffd" in f for f in r))
    rows_word = "rows" if affected > 1 else "row"
    assert f"{affected:,} {rows_word} had invalid bytes" in ran.stderr.decode()


def test_unterminated_quote_over_many_chunks(tmp_path: Path) -> None:
    rows = b"".join(b"%d,Kyiv,x\n" % i for i in range(150_000))
    data = HEADER + b'1,Kyiv,x\n2,"Lviv,x\n' + rows
    path = tmp_path / "open.csv"
    path.write_bytes(data)
    # Output to a pipe, run thrice: Pool.terminate() hung about every other run here, with a
    # worker blocked writing a result the pool had stopped reading (see Workers.close).
    for _ in range(3):
        ran = translit_run("key", "-i", path, "-c", "name", "--jobs", "2", timeout=60)
        assert ran.returncode == 2
    offset = data.index(b'"Lviv')
    assert f"line 3, byte offset {offset}: a quoted field is never closed" in ran.stderr.decode()
    # csv with default settings reads this file "fine": one long field and rows lost.
    assert len(parse_csv(data)) == 3


@pytest.mark.parametrize(("encoding", "label"), [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"),
                                                 ("utf-32", "UTF-32")])
def test_utf16_and_utf32_with_a_bom(tmp_path: Path, encoding: str, label: str) -> None:
    text = "id,name\r\n1,Київ\r\n2,\"Льв\r\nів\"\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "u.csv"
    path.write_bytes(data)
    ran = translit_run("key", "-i", path, "-c", "name")
    assert ran.returncode == 0, ran.stderr
    assert label in ran.stderr.decode() and "converting" in ran.stderr.decode()
    assert parse_csv(ran.stdout)[2][1] == "Льв\r\nів"


def test_utf16_with_a_lone_surrogate(tmp_path: Path) -> None:
    data = "id,name\n1,Київ\n".encode("utf-16-le") + b"2\x00,\x00\x00\xd8\n\x00"
    path = tmp_path / "u.csv"
    path.write_bytes(b"\xff\xfe" + data)
    ran = translit_run("key", "-i", path, "-c", "name")
    assert ran.returncode == 2
    assert "line 3, byte offset 36: invalid UTF-16" in ran.stderr.decode()


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"name": "Kyiv"}\n{"name": "Lviv",}\n')
    ran = translit_run("key", "-i", path, "--field", "name")
    assert ran.returncode == 2
    assert f"{path}, line 2, byte offset 33: not valid JSON" in ran.stderr.decode()


def test_failing_run_keeps_the_old_output_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(INVALID["past the first MiB"])
    out = tmp_path / "out.csv"
    out.write_bytes(b"the old output\n")
    ran = translit_run("key", "-i", path, "-c", "name", "-o", out, "--jobs", "2")
    assert ran.returncode == 2
    assert out.read_bytes() == b"the old output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "out.csv"]


def test_interrupted_run_leaves_no_half_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("Київ Харків\n".encode() * 400_000)
    out = tmp_path / "out.txt"
    process = subprocess.Popen([*COMMAND, "romanize", "-i", str(path), "-o", str(out)], env=ENV,
                               stderr=subprocess.PIPE)
    # interrupt once the run is writing (its temporary file is there), not after a fixed time:
    # on a loaded machine a second can end inside the import, before the run has begun
    deadline = time.monotonic() + 60
    while (process.poll() is None and time.monotonic() < deadline
           and not [p for p in tmp_path.iterdir() if p.name != "big.txt"]):
        time.sleep(0.01)
    process.send_signal(2)  # SIGINT, as Ctrl-C
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:  # finished before the signal: nothing to check
        return
    assert process.returncode == 130, err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


def test_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("Київ\n".encode() * 300_000)
    process = subprocess.Popen([*COMMAND, "romanize", "-i", str(path)], env=ENV,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"Kyiv\n"
    process.stdout.close()  # like `| head -1`
    err = process.stderr.read()
    process.wait(timeout=60)
    assert err == b""
    assert process.returncode == 141


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("Київ\n".encode() * 1000)
    assert translit_run("key", "-i", path).stderr == b""
    assert b"rows" in translit_run("key", "-i", path, "--progress").stderr


# --- jobs, streaming, memory --------------------------------------------------------------------


def _names_csv(path: Path, rows: int) -> None:
    surnames = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
                "Знам'янський", "Щербак", "Юрченко", "Яковенко", "Гнатюк", "Зінченко"]
    given = ["Олександр", "Марія", "Євген", "Юлія", "Ярослав", "Ірина", "Їжак", "Андрій"]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("id,name,city\n")
        step = 10_000
        for start in range(0, rows, step):
            f.write("".join(
                f'{i},{surnames[i % 12]} {given[i % 7]},"Київ, {i % 97}"\n'
                if i % 5 else f'{i},"{surnames[i % 11]} ""{given[i % 8]}""","a\r\nb"\n'
                for i in range(start, min(rows, start + step))
            ))


def test_jobs_output_is_identical(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    _names_csv(path, 60_000)  # several chunks
    one = translit_run("romanize", "-i", path, "-c", "name", "--jobs", "1")
    two = translit_run("romanize", "-i", path, "-c", "name", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(parse_csv(one.stdout)) == 60_001


def test_a_million_rows_in_constant_memory(tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    big = tmp_path / "big.csv"
    _names_csv(small, 10_000)
    _names_csv(big, 1_000_000)
    out = tmp_path / "out.csv"
    code, _, small_peak, err = run_measured("romanize", "-i", small, "-c", "name", "-o", out)
    assert code == 0, err
    code, seconds, big_peak, err = run_measured("romanize", "-i", big, "-c", "name", "-o", out)
    assert code == 0, err
    print(f"1,000,000 rows: {seconds:.1f} s, peak {big_peak / MIB:.0f} MiB")
    assert big_peak < 100 * MIB
    assert big_peak < small_peak + 30 * MIB, (small_peak, big_peak)  # flat, not growing with rows
    with out.open("rb") as f:
        lines = sum(1 for _ in f)
    assert lines == 1 + 1_000_000 + 200_000  # every fifth row's note holds a line break
    assert big.stat().st_size < out.stat().st_size


def test_group_memory_grows_with_names_not_rows(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    _names_csv(big, 300_000)
    code, _, peak, err = run_measured("group", "-i", big, "-c", "name", "--summary")
    assert code == 0, err
    assert peak < 100 * MIB


def test_output_into_a_fifo_writes_into_it_and_keeps_it(tmp_path: Path) -> None:
    """-o into a FIFO (and so /dev/null, /dev/stdout, a terminal): written into, never renamed
    over.  The atomic rename made /dev/null a regular file when run as root."""
    import stat
    import threading

    source = tmp_path / "people.csv"
    source.write_text("id,name\n1,Харків\n2,Kharkov\n", encoding="utf-8")
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = translit_run("key", "-c", "name", source, "-o", fifo)
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    lines = got[0].decode().splitlines()
    assert lines[0] == "id,name,key" and len(lines) == 3
    assert lines[1].split(",")[2] == lines[2].split(",")[2] == translit.key("Харків")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_output_to_dev_stdout_through_a_pipe(tmp_path: Path) -> None:
    """-o /dev/stdout with standard output a pipe: /dev/stdout is a link to a pipe that has
    no directory to write a temporary file in; it was 'cannot write here'."""
    source = tmp_path / "people.csv"
    source.write_text("id,name\n1,Харків\n", encoding="utf-8")
    done = translit_run("key", "-c", "name", source, "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == ["id,name,key", f"1,Харків,{translit.key('Харків')}"]
