"""A chunk's results written after its records: text, CSV, TSV or JSON Lines, the input
kept byte for byte where it can be."""

from __future__ import annotations

import csv
import io
import json
from collections import deque
from dataclasses import dataclass
from typing import Any

from .formats import Layout, append_to_object, json_object, record_spans, write_table
from .job import Job, error_at
from .records import INPUT_COLUMN, Chunk, InputError, split_lines, split_values


def cell(value: Any) -> Any:
    """A result as a CSV cell: None empty; a tuple (letters, system ids) its items joined by
    spaces; a list (names, which hold spaces) its items joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


#: identify's text output for a name that no system writes as it is written.
NO_SYSTEM = "(no system writes this)"


@dataclass
class OneLineRecords:
    """A chunk's records when each is one line of the header's width: their lines, without
    their ends (each row's fields are not made: they are not needed)."""

    lines: list[str]

    def __len__(self) -> int:
        return len(self.lines)


def appends_to_lines(job: Job) -> bool:
    """The output is the input's records with one result appended: CSV or TSV, in the
    input's dialect."""
    return (len(job.columns) == 1 and job.layout.format in ("csv", "tsv")
            and job.output.format in ("csv", "tsv")
            and job.output.delimiter == job.layout.delimiter
            and job.output.quotechar == job.layout.quotechar)


def render(job: Job, chunk: Chunk, text: str, rows: list[Any] | OneLineRecords,
           results: list[Any], values: list[Any] | None = None) -> str:
    """The output records of one chunk (*rows*: OneLineRecords only when appends_to_lines;
    *values*: the names, which plain text of several columns writes first)."""
    wide = len(job.columns) > 1
    out_format = job.output.format
    fmt = job.layout.format
    if out_format == "text" and job.verb == "identify":  # for a reader: an empty line says less
        results = [NO_SYSTEM if r == () else r for r in results]
    if not wide and out_format != "jsonl" and not set(map(type, results)) <= {str, type(None)}:
        results = [cell(r) for r in results]  # identify: a tuple of system ids
    if out_format == "text":
        if wide:  # a table for a reader: each row's name first, then its result's columns
            blank = "\t" * (len(job.columns) - 1)
            cells = ["\t".join(str(cell(c)) for c in r) if r is not None else blank
                     for r in results]
            if values is not None:
                cells = [("" if v is None else str(v)) + "\t" + c
                         for v, c in zip(values, cells, strict=True)]
        else:
            cells = ["" if r is None else str(r) for r in results]
        return "\n".join(cells) + "\n" if cells else ""
    if isinstance(rows, OneLineRecords):
        appended = _append_to_lines(job, text, rows, results) if appends_to_lines(job) else None
        if appended is not None:
            return appended
        # a result needs quotes and holds a line break: the rows are made after all (each
        # record is one line, read as the fast reading checked it reads)
        rows = list(csv.reader(rows.lines, **job.layout.reader_options()))
    if out_format == "jsonl":
        return _render_jsonl(job, rows, results)
    # CSV or TSV
    if fmt == "lines":
        if wide:
            table = [[v, *(cell(c) for c in (r or ((None,) * len(job.columns))))]
                     for v, r in zip(rows, results, strict=True)]
        else:
            table = [[v, r] for v, r in zip(rows, results, strict=True)]
    else:
        if appends_to_lines(job):
            appended = _append_to_lines(job, text, rows, results)
            if appended is not None:
                return appended
        table = rows
        width = len(job.header)
        if not wide and set(map(len, table)) <= {width}:
            deque(map(list.append, table, results), maxlen=0)  # every row: append, in C
        else:
            _append_results(table, results, width if job.ragged == "pad" else 0,
                            len(job.columns))

    def where(i: int) -> InputError:
        if fmt != "lines":
            i = record_spans(text, job.layout.reader_options())[i][0]
        return error_at(job, chunk, i, "a field holds a tab or a line break, which TSV without "
                      "quotes cannot hold; use --format csv")

    return write_table(table, job.output, text, where)


def _append_to_lines(job: Job, text: str, rows: list[list[str]] | OneLineRecords,
                     results: list[Any]) -> str | None:
    """The input lines as they are, each with its result appended: when every record is one
    line and the output's dialect is the input's (else None).  Faster than writing the rows
    anew, and keeps each record byte for byte, quotes and all."""
    if isinstance(rows, OneLineRecords):
        lines = rows.lines
    else:
        lines = split_values(text)
        if len(lines) != len(rows):  # a record spans lines: each record on its own
            return _append_by_record(job, text, rows, results)
    delimiter = job.output.delimiter
    cells = _plain_cells(results, job.output)
    if cells is None:  # some result needs quotes: let csv write them
        out = io.StringIO()
        try:
            csv.writer(out, lineterminator="\n", **job.output.writer_options()).writerows(
                [["", r] for r in results]
            )
        except csv.Error:
            return None  # TSV without quotes, and a result holds a tab: said by write_table
        written = out.getvalue()
        cells = [cell[1:] for cell in written.split("\n")[:-1]]
        if len(cells) != len(rows) or "\r" in written:  # a result holds a line break
            return _append_by_record(job, text, rows, results)
    end = job.output.terminator
    width = len(job.header)

    def pad(row: list[str]) -> int:  # --ragged pad: the missing fields written empty
        return width - len(row) if job.ragged == "pad" and len(row) < width else 0

    if isinstance(rows, OneLineRecords) or set(map(len, rows)) <= {width}:
        return end.join(map(delimiter.join, zip(lines, cells, strict=True))) + end if rows else ""
    body = [
        "" if not row else line + delimiter * pad(row) + delimiter + cell
        for line, row, cell in zip(lines, rows, cells, strict=True)
    ]
    return end.join(body) + end


def _append_by_record(job: Job, text: str, rows: list[list[str]] | OneLineRecords,
                      results: list[Any]) -> str | None:
    """As _append_to_lines, one record at a time, for a chunk where some record spans lines
    or some result holds a line break: a record of one line whose result holds none is kept
    as it is, its result appended; any other is written anew by csv.  So a record is written
    the same whichever chunk it falls in (chunks are cut where the reading meets them, and
    differ with --jobs).  None when csv cannot write a result (said by write_table)."""
    reading = job.layout.reader_options()
    known = not isinstance(rows, OneLineRecords)
    if isinstance(rows, OneLineRecords):  # every record is one line; a result holds a break
        spans = [(i, i + 1) for i in range(len(rows))]
        table: list[list[str]] = [[""] * len(job.header)] * len(spans)  # read when needed
    else:
        spans = record_spans(text, reading)
        table = rows
    layout = job.output
    options = layout.writer_options()
    special = (layout.delimiter, "\r", "\n") + ((layout.quotechar,) if layout.quotechar else ())
    lines = split_values(text)
    ended = split_lines(text)
    end = layout.terminator
    width = len(job.header)
    out: list[str] = []
    for (start, stop), row, r in zip(spans, table, results, strict=True):
        if not row:
            out.append("")  # a blank line stays blank
            continue
        pad = width - len(row) if job.ragged == "pad" and row and len(row) < width else 0
        value = "" if r is None else str(r)
        cell_text = value
        if any(c in value for c in special):
            written = io.StringIO()
            try:
                csv.writer(written, lineterminator="\n", **options).writerow(["", r])
            except csv.Error:
                return None
            cell_text = written.getvalue()[1:-1]
        if stop - start == 1 and "\r" not in cell_text and "\n" not in cell_text:
            out.append(lines[start] + layout.delimiter * pad + layout.delimiter + cell_text)
            continue
        if not known:
            row = next(csv.reader([lines[start]], **reading))
        record = [*row, *[""] * pad]
        try:
            again = write_table([[*record, r]], layout, "".join(ended[start:stop]),
                                lambda i: InputError("", ""))
        except (csv.Error, InputError):
            return None
        out.append(again[: len(again) - len(end)])
    return end.join(out) + end if out else ""


def _plain_cells(results: list[Any], layout: Layout) -> list[str] | None:
    """The results as they are, when none needs quoting (checked in C); else None."""
    if None in results:
        results = ["" if r is None else r for r in results]
    try:
        joined = "\n".join(results)
    except TypeError:
        return None  # not all strings
    special = (layout.delimiter, "\r") + ((layout.quotechar,) if layout.quotechar else ())
    if any(c in joined for c in special) or joined.count("\n") != max(0, len(results) - 1):
        return None
    return results


def _append_results(table: list[list[Any]], results: list[Any], width: int, count: int) -> None:
    """Each row with its results appended: rows shorter than *width* padded first (--ragged
    pad: the results line up under their header), blank rows left blank."""
    wide = count > 1
    for row, r in zip(table, results, strict=True):
        if not row:
            continue  # a blank line stays blank
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        if wide:
            row.extend(cell(c) for c in (r or ((None,) * count)))
        else:
            row.append(r)


def _render_jsonl(job: Job, rows: list[Any], results: list[Any]) -> str:
    wide = len(job.columns) > 1
    fmt = job.layout.format
    out: list[str] = []

    def pairs(r: Any) -> list[tuple[str, Any]]:
        if wide:
            cells = r if r is not None else (None,) * len(job.columns)
            return list(zip(job.columns, cells, strict=True))
        return [(job.columns[0], r)]

    if fmt == "jsonl":
        for (line, obj), r in zip(rows, results, strict=True):
            body = line.rstrip("\r\n")
            end = line[len(body):] or "\n"
            if obj is None:  # a blank line, or a value that is not an object: kept as it is
                out.append(body + end)
            else:
                out.append(append_to_object(body, pairs(r)) + end)
        return "".join(out)
    if fmt == "lines":
        for value, r in zip(rows, results, strict=True):
            out.append(json_object([(INPUT_COLUMN, value), *pairs(r)]))
    else:
        header = job.header
        unique = len(set(header)) == len(header) and not set(header) & set(job.columns)
        width = len(header)
        for row, r in zip(rows, results, strict=True):
            if not row:
                out.append("")
                continue
            items: list[tuple[str, Any]] = list(zip(header, row, strict=False))
            items += [(h, None) for h in header[len(row):]]
            items += [(str(n), v) for n, v in enumerate(row[width:], start=width + 1)]
            items += pairs(r)
            if unique:
                out.append(json.dumps(dict(items), ensure_ascii=False))
            else:
                out.append(json_object(items))
    return "\n".join(out) + "\n" if out else ""


