"""The command line's fast reading of CSV and TSV chunks, against the csv module's reading.

A chunk whose records are one line each is read without making its rows (translit.cli.chunks
._one_line_records): the law is that whenever it reads a chunk, it gives what the csv module
gives, and that through the command line (one job or two, chunks of any size) every row is
kept, in order, with the key of its name, as a per-row reading by the csv module says.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import translit
import translit.cli.records
from translit.cli import main
from translit.cli.chunks import _one_line_records
from translit.cli.formats import Layout
from translit.cli.job import Job
from translit.cli.verbs import Settings

HEADER = ("id", "name", "city")
#: Field text with everything that makes CSV hard: delimiters, quotes, CR and LF, a tab,
#: Cyrillic, an apostrophe; empty fields too.
FIELD_TEXT = st.text(alphabet='ab ,"\r\n\tїЖ\'', max_size=6)
ENDS = st.sampled_from(["\n", "\r\n", "\r"])


def _job(layout: Layout) -> Job:
    output = Layout("csv" if layout.quotechar else "tsv", layout.delimiter, layout.quotechar)
    return Job("key", Settings(), "t.csv", layout, output, ("key",), header=HEADER, column=1)


def _csv_field(text: str, how: str) -> str:
    """A field quoted when it must be; else as *how* says: plain, with a stray quote inside
    (csv reads it as data, as in O"Brien), or quoted all the same."""
    if any(c in text for c in ',\r\n') or text.startswith('"') or how == "quoted":
        return '"' + text.replace('"', '""') + '"'
    return f'O"{text}' if how == "stray" else text


HOW = st.sampled_from(["plain", "stray", "quoted"])


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    rows = draw(st.lists(st.tuples(st.lists(FIELD_TEXT, min_size=1, max_size=4),
                                   HOW), max_size=25))
    end: str = draw(ENDS)
    lines = []
    for fields, how in rows:
        lines.append(",".join(_csv_field(f, how) for f in fields))
    blank: bool = draw(st.booleans())
    if rows and blank:
        lines.insert(draw(st.integers(0, len(lines))), "")  # a blank line
    text = end.join(lines)
    ended: bool = draw(st.booleans())
    return text + end if ended else text


@settings(max_examples=600, deadline=None)
@given(text=csv_texts())
def test_one_line_records_read_what_csv_reads(text: str) -> None:
    layout = Layout("csv", ",", '"')
    fast = _one_line_records(_job(layout), text)
    if fast is None:
        return  # left to the csv module
    records, values = fast
    rows = list(csv.reader(io.StringIO(text, newline=""), **layout.reader_options()))
    assert len(records) == len(rows) == len(values)
    assert all(len(row) == len(HEADER) for row in rows)
    assert values == [row[1] for row in rows]
    # each record is its line: read alone, the line gives the row
    assert [next(csv.reader([line], **layout.reader_options())) for line in records.lines] \
        == rows


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(st.text(alphabet='ab "\'їЖ,', max_size=6), min_size=1,
                              max_size=4), max_size=25), end=ENDS)
def test_one_line_records_read_tsv_without_quotes(rows: list[list[str]], end: str) -> None:
    layout = Layout("tsv", "\t", None)
    text = "".join("\t".join(r) + end for r in rows)
    fast = _one_line_records(_job(layout), text)
    expected = list(csv.reader(io.StringIO(text, newline=""), **layout.reader_options()))
    if all(len(r) == len(HEADER) for r in expected) and expected:
        assert fast is not None  # quotes are data here: every such chunk is read fast
    if fast is not None:
        assert fast[1] == [r[1] for r in expected]


def test_the_fast_reading_is_taken_and_refused_where_it_must_be() -> None:
    job = _job(Layout("csv", ",", '"'))
    plain = '1,Київ,"Київ, Україна"\n2,O"Brien,x\n'
    found = _one_line_records(job, plain)
    assert found is not None and found[1] == ["Київ", 'O"Brien']
    assert _one_line_records(job, '1,"Київ\nЛьвів",x\n') is None  # a record over two lines
    assert _one_line_records(job, "1,a,b\n\n2,c,d\n") is None  # a blank line: no fields
    assert _one_line_records(job, "1,a,b\n2,c\n") is None  # ragged: csv's reading tells it
    assert _one_line_records(job, '1,"a"b,c\n') is None  # malformed: csv's reading tells it


# --- through the command line -----------------------------------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[bytes]) -> tuple[int, bytes, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err.decode("utf-8")


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    rows = draw(st.lists(st.tuples(st.lists(FIELD_TEXT, min_size=3, max_size=3),
                                   HOW), max_size=40))
    end: str = draw(ENDS)
    lines = [",".join(_csv_field(f, how) for f in fields) for fields, how in rows]
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), "")  # blank lines are kept blank
    return end.join([",".join(HEADER), *lines]) + (end if draw(st.booleans()) else "")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=csv_files(), block=st.integers(min_value=1, max_value=200))
def test_every_row_is_kept_in_order_with_one_job_and_two(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, data: str, block: int
) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(data.encode("utf-8"))
    whole = _run(["key", "-i", str(path), "-c", "name", "--jobs", "1"], capsysbinary)
    monkeypatch.setattr(translit.cli.records, "BLOCK", block)  # many chunks, of every kind
    one = _run(["key", "-i", str(path), "-c", "name", "--jobs", "1"], capsysbinary)
    two = _run(["key", "-i", str(path), "-c", "name", "--jobs", "2"], capsysbinary)
    assert one[0] == 0, one[2]
    # the same bytes, the same messages, however the file is cut into chunks
    assert one == two == whole
    rows = list(csv.reader(io.StringIO(data, newline=""), strict=True))
    got = list(csv.reader(io.StringIO(one[1].decode("utf-8"), newline=""), strict=True))
    assert got[0] == [*HEADER, "key"]
    expected = [[*row, translit.key(row[1]) or ""] if row else [] for row in rows[1:]]
    assert got[1:] == expected


def test_a_record_is_written_the_same_in_any_chunk(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Found by the law above: a one-line record with a stray quote was kept as it is in a
    chunk of one-line records, but written anew (quoted) in a chunk that also held a record
    over two lines, so --jobs 2, which cuts chunks elsewhere, wrote other bytes."""
    path = tmp_path / "p.csv"
    path.write_bytes('id,name,city\n"aaaaЖ\r",O",O"aaЖ\n,aaa,aaaa"Ж'.encode())
    outputs = set()
    for block in (1, 4, 16, 64, 1 << 16):
        monkeypatch.setattr(translit.cli.records, "BLOCK", block)
        for jobs in ("1", "2"):
            code, out, err = _run(["key", "-i", str(path), "-c", "name", "--jobs", jobs],
                                  capsysbinary)
            assert code == 0, err
            outputs.add(out)
    assert len(outputs) == 1
    last = outputs.pop().decode("utf-8").split("\n")[-2]
    assert last == f',aaa,aaaa"Ж,{translit.key("aaa")}'  # kept as it is, its key appended


def test_a_quoted_line_break_among_one_line_records(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    """The one chunk that holds a record over two lines is read by the csv module; the
    output keeps the other records byte for byte."""
    lines = [f'{i},Шевченко {i},"Київ, Україна"' for i in range(50)]
    lines[20] = '20,"Олена\r\nПетрівна",Львів'
    path = tmp_path / "p.csv"
    path.write_bytes(("id,name,city\n" + "\n".join(lines) + "\n").encode("utf-8"))
    code, out, err = _run(["key", "-i", str(path), "-c", "name"], capsysbinary)
    assert code == 0, err
    got = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    assert len(got) == 51
    assert got[21][:2] == ["20", "Олена\r\nПетрівна"]
    assert got[21][3] == translit.key("Олена\r\nПетрівна")
    assert out.decode("utf-8").splitlines()[1] == f'{lines[0]},{translit.key("Шевченко 0")}'


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
