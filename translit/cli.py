"""The command line: ``translit VERB``, a thin layer over the library's verbs.

Each row verb sends every row's value through one library function (the registry VERBS;
adding a verb is one entry there).  Input is names given as arguments, or files (``-`` is
standard input): plain lines, CSV or TSV with a header, JSON Lines.  Output keeps every input
row and column in order and appends the result columns.  Files are read in chunks of whole
records (translit.io), so memory stays flat, and ``--jobs`` sends chunks to worker processes
and writes their results in input order.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

import translit

from .errors import TranslitError, UnknownSystemError, closest
from .io import (
    FORMATS,
    INPUT_COLUMN,
    OUTPUT_FORMATS,
    AtomicFile,
    Chunk,
    Chunker,
    InputError,
    Layout,
    Notes,
    Source,
    allow_long_fields,
    append_to_object,
    decode,
    json_object,
    line_end,
    line_offset,
    open_quote,
    open_source,
    record_spans,
    rows_touching,
    sniff_delimiter,
    split_lines,
    split_values,
    write_table,
)

if TYPE_CHECKING:  # multiprocessing is imported when a pool is started
    from multiprocessing.pool import AsyncResult, Pool

#: Exit statuses (also in ``translit --help``).
EXIT_OK = 0
EXIT_BUG = 1
EXIT_USAGE = 2  # bad option, unknown system, missing column, unreadable or malformed input
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141  # like a program killed by SIGPIPE: `translit ... | head`

EXIT_CODES = """\
exit status:
  0    done
  1    an unexpected error (a bug: please report it with its traceback)
  2    usage or input error: a bad option, an unknown system, a missing column, input that is
       not what it says (invalid UTF-8, an unterminated quote, a malformed JSON line: the
       message names the file, the line and the byte offset)
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (| head): nothing more is written, nothing said
"""


# --- the verbs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """The options a verb's function takes (picklable: sent to worker processes)."""

    system: str | None = None
    language: str | None = None
    limit: int = 10


Batch = Callable[[list[str | None]], list[Any]]


def _each(function: Callable[[str], Any]) -> Batch:
    """A one-name function over a batch; None (no value in that row) stays None."""
    return lambda values: [None if v is None else function(v) for v in values]


def _each_pair(function: Callable[..., Any]) -> Batch:
    """A function of a name and, when a second column gives it, its other spelling."""
    def run(values: list[Any]) -> list[Any]:
        return [None if v is None else function(*v) if isinstance(v, tuple) else function(v)
                for v in values]

    return run


def _detection(d: translit.Detection) -> tuple[Any, ...]:
    return (d.script, d.language, d.evidence, d.family)


def _readings(readings: list[translit.Reading]) -> tuple[Any, ...] | None:
    """The best reading (Cyrillic, language, score, systems), and the others' Cyrillic."""
    if not readings:
        return None
    best = readings[0]
    return (best.cyrillic, best.language, best.score, tuple(best.systems),
            [r.cyrillic for r in readings[1:]])


@dataclass(frozen=True)
class Verb:
    """One subcommand: the library function it applies to each row's value."""

    function: str  # the translit function it calls; the verb is offered once that exists
    columns: tuple[str, ...]  # names of the columns it appends (--output-column renames them)
    summary: str
    example: str
    batch: Callable[[Settings], Batch]  # the function, made ready to run over a batch
    system: str = ""  # "required", "optional", or "" when the verb takes no system
    options: tuple[str, ...] = ()  # more options it takes: "language", "limit", "cyrillic"


VERBS: dict[str, Verb] = {
    "romanize": Verb(
        "romanize_many", ("latin",), "write Cyrillic names in Latin letters",
        "translit romanize -s uk-national Шевченко Київ\n"
        "  translit romanize -i people.csv --column name -o people-latin.csv",
        lambda s: partial(translit.romanize_many, system=s.system), system="optional",
    ),
    "cyrillize": Verb(
        "cyrillize", ("cyrillic",), "read Latin names back into Cyrillic (reversible systems)",
        "translit cyrillize -s ru-gost-7.79-b Shhukin\n"
        "  translit cyrillize -s uk-iso9 -i names.txt",
        lambda s: _each(partial(translit.cyrillize, system=s.system or "")), system="required",
    ),
    "key": Verb(
        "key_many", ("key",), "one grouping key for every spelling of a name",
        "translit key Kharkiv Харьков Charkiw\n"
        "  translit key -i people.csv --column name --jobs 0 -o keyed.csv",
        lambda s: translit.key_many,
    ),
    "detect": Verb(
        "detect", ("script", "language", "evidence", "family"),
        "script, language (with the letters that show it) and Latin spelling convention",
        "translit detect Харків Харьков Charkiw\n"
        "  translit detect -i records.jsonl --field city",
        lambda s: _each(lambda text: _detection(translit.detect(text))),
    ),
    "repair": Verb(
        "repair", ("repaired",), "make words typed in two scripts one-script (Kиїв → Київ)",
        "translit repair Kиїв Покровsk\n"
        "  translit repair -i addresses.csv --column city -o fixed.csv",
        lambda s: _each(translit.repair),
    ),
    "candidates": Verb(
        "candidates", ("cyrillic", "language", "score", "systems", "alternatives"),
        "ranked Cyrillic readings of Latin names: the best, and the others",
        "translit candidates Kharkov Shevchenko\n"
        "  translit candidates --language uk --limit 3 -i people.csv --column latin",
        lambda s: _each(lambda text: _readings(
            translit.candidates(text, language=s.language, limit=s.limit))),
        options=("language", "limit"),
    ),
    "identify": Verb(
        "identify", ("systems",),
        "the systems that write a Latin name so (given its Cyrillic, or read from the Latin)",
        "translit identify Kharkiv Kharkov Charkow\n"
        "  translit identify -i passports.csv --column latin --cyrillic name",
        lambda s: _each_pair(lambda *pair: tuple(translit.identify(*pair))),
        options=("cyrillic",),
    ),
}

GROUP_EXAMPLE = (
    "translit group Kharkiv Харків Харьков Charkiw Kyiv\n"
    "  translit group -i people.csv --column surname            (each row: group, representative)\n"
    "  translit group -i people.csv --column surname --summary  (one row per group, largest first)"
)
GROUP_COLUMNS = ("group", "representative")
SUMMARY_COLUMNS = ("group", "size", "representative", "key", "members", "counts")


def available_verbs() -> dict[str, Verb]:
    """The verbs whose library function exists in this version of translit."""
    return {name: verb for name, verb in VERBS.items() if hasattr(translit, verb.function)}


_BATCHES: dict[tuple[str, Settings], Batch] = {}


def _batch(verb: str, settings: Settings) -> Batch:
    """The verb's batch function, built once per process."""
    done = _BATCHES.get((verb, settings))
    if done is None:
        done = _BATCHES[verb, settings] = VERBS[verb].batch(settings)
    return done


# --- one chunk of one file (runs in worker processes too) ------------------------------------


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to turn a chunk of input into a chunk of output."""

    verb: str  # a VERBS key, or "group" (keys gathered) or "group-rows" (groups looked up)
    settings: Settings
    file: str
    layout: Layout  # the input's
    output: Layout  # format "text", "csv", "tsv" or "jsonl"
    columns: tuple[str, ...]  # names of the appended columns
    header: tuple[str, ...] = ()  # the input's columns (CSV, TSV; lines: INPUT_COLUMN)
    column: int = 0  # which of them holds the names
    field: str = ""  # JSON Lines: the key that holds the names
    second: int = -1  # identify --cyrillic: the column that holds the Cyrillic spelling
    second_field: str = ""  # the same, in JSON Lines
    errors: str = "strict"
    exact: bool = True  # byte offsets of the chunks are offsets in the file


@dataclass
class ChunkResult:
    """A chunk's output, or the news that its last record is not complete (open)."""

    data: bytes = b""
    rows: int = 0
    end: int = 0  # byte offset just after the chunk
    open: bool = False
    complete: int = 0  # when open: how many bytes of the chunk hold whole records
    affected: int = 0  # rows with bytes replaced (--errors replace)
    first_affected: int | None = None  # the first such row's line
    notes: Notes = field(default_factory=Notes)
    keys: dict[str, list[Any]] | None = None  # group: key → [first row, {spelling: count}]


class _Open(Exception):
    """The chunk ends inside a quoted field; its first *complete* bytes are whole records."""

    def __init__(self, complete: int) -> None:
        super().__init__(complete)
        self.complete = complete


_GROUPS: dict[str, tuple[int, str]] = {}  # group-rows: key → (group number, representative)


def _set_groups(groups: dict[str, tuple[int, str]]) -> None:
    global _GROUPS
    _GROUPS = groups


def _apply(job: Job, values: list[str | None]) -> list[Any]:
    if job.verb == "group":
        return translit.key_many(values)
    if job.verb == "group-rows":
        keys = translit.key_many(values)
        return [None if k is None else _GROUPS[k] for k in keys]
    return _batch(job.verb, job.settings)(values)


def run_chunk(job: Job, chunk: Chunk) -> ChunkResult:
    """Read the chunk's records, apply the verb to each value, write the output records."""
    allow_long_fields()
    text, bad = decode(chunk, job.errors, job.file)
    result = ChunkResult(end=chunk.offset + len(chunk.data))
    fmt = job.layout.format
    if fmt == "lines":
        values: list[Any] = list(split_values(text))
        rows: list[Any] = values
        result.affected = len(bad)
    elif fmt == "jsonl":
        lines = split_lines(text)
        rows, values = _parse_jsonl(job, chunk, lines, result.notes)
        result.affected = len(bad)
    else:
        options = job.layout.reader_options()
        try:
            table = _parse_table(job, chunk, text, options)
        except _Open as exc:
            result.open = True
            result.complete = exc.complete
            return result
        col = job.column
        if table and min(map(len, table)) > col:  # no blank or short row: all in C
            values = list(map(itemgetter(col), table))
        else:
            values = [r[col] if len(r) > col else None for r in table]
        if job.second >= 0:
            sec = job.second
            values = [None if v is None else (v, (r[sec] if len(r) > sec else "") or None)
                      for v, r in zip(values, table, strict=True)]
        rows = table
        if bad:
            result.affected = rows_touching(record_spans(text, options), bad)
    if bad:
        result.first_affected = chunk.line + bad[0]
    result.rows = len(values)
    if job.verb == "group":
        result.keys = _gather(values, translit.key_many(values))
        return result
    results = _apply(job, values)
    out = _render(job, chunk, text, rows, results)
    result.data = out.encode("utf-8", "backslashreplace")
    return result


def _parse_table(job: Job, chunk: Chunk, text: str, options: dict[str, Any]) -> list[list[str]]:
    # io.StringIO(newline="") breaks lines at LF, CRLF and CR only, as split_lines does.
    reader = csv.reader(io.StringIO(text, newline=""), **options)
    try:
        return list(reader)
    except csv.Error as exc:
        failed_at = reader.line_num
        message = str(exc)
    # Where did the failing record start?  Read again, one record at a time.
    lines = split_lines(text)
    reader = csv.reader(lines, **options)
    start = 0
    try:
        for _ in reader:
            start = reader.line_num
    except csv.Error:
        pass
    if message == "unexpected end of data":
        if not chunk.last:
            raise _Open(line_offset(chunk.data, start))
        quote = job.layout.quotechar or '"'
        line, column = open_quote("".join(lines[start:]), job.layout.delimiter, quote)
        raise _error(job, chunk, start + line, "a quoted field is never closed: its quote opens "
                     "here and runs to the end of the file", column)
    if message.startswith("field larger than field limit"):
        raise _error(job, chunk, start, f"a field in the record starting here is longer than "
                     f"{csv.field_size_limit():,} characters (a quote left open?)")
    raise _error(job, chunk, failed_at - 1, f"malformed CSV: {message} (a quoted field must "
                 "end at a delimiter or a line end; quotes inside it are doubled)")


def _error(job: Job, chunk: Chunk, line: int, problem: str, column: int = 0) -> InputError:
    """An InputError at the chunk's line *line* (0-based), *column* bytes into it."""
    offset = chunk.offset + line_offset(chunk.data, line) + column if job.exact else None
    return InputError(job.file, problem, chunk.line + line, offset)


def _parse_jsonl(
    job: Job, chunk: Chunk, lines: list[str], notes: Notes
) -> tuple[list[Any], list[Any]]:
    """Each line: (its text, its object or None); and the values of the field (with identify
    --cyrillic: pairs)."""
    rows: list[Any] = []
    values: list[Any] = []
    name = job.field
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if not body.strip(" \t"):
            rows.append((line, None))
            values.append(None)
            continue
        try:
            obj = json.loads(body)
        except ValueError as exc:
            pos = getattr(exc, "pos", 0)
            msg = getattr(exc, "msg", str(exc))
            column = len(body[:pos].encode("utf-8", "surrogatepass"))
            raise _error(job, chunk, i, f"not valid JSON: {msg} (character {pos + 1})",
                         column) from None
        if not isinstance(obj, dict):
            notes.add("is not a JSON object: kept as it is", chunk.line + i)
            rows.append((line, None))
            values.append(None)
            continue
        for column_name in job.columns:
            if column_name in obj:
                raise _error(job, chunk, i, f"the object already has a field {column_name!r}; "
                             "name the new one with --output-column")
        rows.append((line, obj))
        value = obj.get(name)
        if isinstance(value, str):
            if job.second_field:
                other = obj.get(job.second_field)
                values.append((value, other if isinstance(other, str) and other else None))
            else:
                values.append(value)
            continue
        if name not in obj:
            notes.add(f"has no field {name!r}: its result is null", chunk.line + i)
        elif value is not None:
            notes.add(f"has a field {name!r} that is not a string: its result is null",
                      chunk.line + i)
        values.append(None)
    return rows, values


def _cell(value: Any) -> Any:
    """A result as a CSV cell: None empty; a tuple (letters, system ids) its items joined by
    spaces; a list (names, which hold spaces) its items joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def _render(job: Job, chunk: Chunk, text: str, rows: list[Any], results: list[Any]) -> str:
    """The output records of one chunk."""
    wide = len(job.columns) > 1
    out_format = job.output.format
    fmt = job.layout.format
    if not wide and out_format != "jsonl" and not set(map(type, results)) <= {str, type(None)}:
        results = [_cell(r) for r in results]  # identify: a tuple of system ids
    if out_format == "text":
        if wide:
            cells = ["\t".join(str(_cell(c)) for c in r) if r is not None else "" for r in results]
        else:
            cells = ["" if r is None else str(r) for r in results]
        return "\n".join(cells) + "\n" if cells else ""
    if out_format == "jsonl":
        return _render_jsonl(job, rows, results)
    # CSV or TSV
    if fmt == "lines":
        if wide:
            table = [[v, *(_cell(c) for c in (r or ((None,) * len(job.columns))))]
                     for v, r in zip(rows, results, strict=True)]
        else:
            table = [[v, r] for v, r in zip(rows, results, strict=True)]
    else:
        if not wide and job.output.delimiter == job.layout.delimiter and \
                job.output.quotechar == job.layout.quotechar:
            appended = _append_to_lines(job, text, rows, results)
            if appended is not None:
                return appended
        table = rows
        width = len(job.header)
        if not wide and set(map(len, table)) <= {width}:
            deque(map(list.append, table, results), maxlen=0)  # every row: append, in C
        else:
            _append_results(table, results, width, len(job.columns))

    def where(i: int) -> InputError:
        if fmt != "lines":
            i = record_spans(text, job.layout.reader_options())[i][0]
        return _error(job, chunk, i, "a field holds a tab or a line break, which TSV without "
                      "quotes cannot hold; use --format csv")

    return write_table(table, job.output, text, where)


def _append_to_lines(job: Job, text: str, rows: list[list[str]], results: list[Any]) -> str | None:
    """The input lines as they are, each with its result appended: when every record is one
    line and the output's dialect is the input's (else None).  Faster than writing the rows
    anew, and keeps each record byte for byte, quotes and all."""
    lines = split_values(text)
    if len(lines) != len(rows):
        return None  # a record spans lines
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
        if len(cells) != len(rows) or "\r" in written:
            return None  # a result holds a line break
    end = job.output.terminator
    width = len(job.header)
    if set(map(len, rows)) <= {width}:
        return end.join(map(delimiter.join, zip(lines, cells, strict=True))) + end if rows else ""
    body = [
        "" if not row else line + delimiter * max(0, width - len(row)) + delimiter + cell
        for line, row, cell in zip(lines, rows, cells, strict=True)
    ]
    return end.join(body) + end


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
    """Each row with its results appended: short rows padded to the header's width first (so
    that the results line up), blank rows left blank."""
    wide = count > 1
    for row, r in zip(table, results, strict=True):
        if len(row) != width:
            if not row:
                continue  # a blank line stays blank
            if len(row) < width:
                row.extend([""] * (width - len(row)))
        if wide:
            row.extend(_cell(c) for c in (r or ((None,) * count)))
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


def _gather(values: list[str | None], keys: list[str | None]) -> dict[str, list[Any]]:
    """group, first pass: key → [first row (in the chunk), {spelling: count}]."""
    found: dict[str, list[Any]] = {}
    for i, (value, k) in enumerate(zip(values, keys, strict=True)):
        if k is None or value is None:
            continue
        entry = found.get(k)
        if entry is None:
            found[k] = [i, {value: 1}]
        else:
            spellings = entry[1]
            spellings[value] = spellings.get(value, 0) + 1
    return found


# --- running chunks in order, here or in worker processes ------------------------------------


class Workers:
    """A pool of worker processes, started when a file needs it (--jobs N > 1)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: Pool | None = None
        self.groups: dict[str, tuple[int, str]] | None = None

    def get(self, job: Job) -> Pool:
        if self.pool is None:
            import multiprocessing

            if sys.platform.startswith("linux"):
                # Fork: the workers start at once with translit imported and the verb's data
                # loaded (warmed here, once).  Safe: this process runs no other thread (the
                # progress bar's monitor thread is off) when the pool is made.
                ctx = multiprocessing.get_context("fork")
                _apply(replace(job, verb="group" if job.verb == "group-rows" else job.verb),
                       ["Київ Kharkiv"])
            else:  # spawn: each worker imports translit itself
                ctx = multiprocessing.get_context("spawn")
            if self.groups is not None:
                self.pool = ctx.Pool(self.jobs, initializer=_set_groups, initargs=(self.groups,))
            else:
                self.pool = ctx.Pool(self.jobs)
        return self.pool

    def use_groups(self, groups: dict[str, tuple[int, str]]) -> None:
        """group: the mapping that the second pass looks rows up in, here and in workers."""
        self.close()
        _set_groups(groups)
        self.groups = groups

    def close(self, failed: bool = False) -> None:
        if self.pool is not None:
            if failed:
                self.pool.terminate()
            else:
                self.pool.close()
            self.pool.join()
            self.pool = None


Emit = Callable[[ChunkResult], None]


def run_file(job: Job, chunker: Chunker, workers: Workers, emit: Emit) -> None:
    """Run every chunk of the file in order: here with one job, else in the pool."""
    if workers.jobs <= 1:
        _serial(job, chunker, emit)
        return
    first = chunker.next_chunk()
    if first is None:
        return
    chunker.unread(first)
    if first.last:  # one chunk: not worth a process
        _serial(job, chunker, emit)
        return
    _parallel(job, chunker, workers.get(job), emit, window=2 * workers.jobs)


def _serial(job: Job, chunker: Chunker, emit: Emit, once: bool = False) -> None:
    beyond, exact = 0, None
    while (chunk := chunker.next_chunk(beyond, exact)) is not None:
        result = run_chunk(job, chunk)
        if result.open:  # a quoted field goes on past the guessed end of the chunk
            chunker.unread(chunk)
            if result.complete:  # take the whole records before it
                beyond, exact = 0, result.complete
            else:  # the record is longer than the chunk: read on
                beyond, exact = len(chunk.data), None
            continue
        emit(result)
        if once:
            return
        beyond, exact = 0, None


def _parallel(job: Job, chunker: Chunker, pool: Pool, emit: Emit, window: int) -> None:
    pending: deque[tuple[Chunk, AsyncResult[ChunkResult]]] = deque()
    while True:
        while len(pending) < window and (chunk := chunker.next_chunk()) is not None:
            pending.append((chunk, pool.apply_async(run_chunk, (job, chunk))))
        if not pending:
            return
        chunk, future = pending.popleft()
        result = future.get()
        if not result.open:
            emit(result)
            continue
        # The guessed end of this chunk fell inside a quoted field, so the chunks after it
        # started in the wrong place: take them all back, and go on from here in order.
        taken = [chunk, *(c for c, _ in pending)]
        pending.clear()
        chunker.unread(Chunk(b"".join(c.data for c in taken), chunk.offset, chunk.line, False))
        _serial(job, chunker, emit, once=True)


# --- progress --------------------------------------------------------------------------------


class Progress:
    """Rows done, rows/s and the time left (estimated from the bytes read), on stderr."""

    def __init__(self, enabled: bool, total_bytes: int | None) -> None:
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.done_bytes = 0  # in files already finished
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm(
                unit=" rows", unit_scale=True, file=sys.stderr, dynamic_ncols=True,
                mininterval=0.25, smoothing=0.1, leave=False,
            )
            _BARS.append(self.bar)

    def advance(self, rows: int, offset: int) -> None:
        if self.bar is None:
            return
        done = self.done_bytes + offset
        if self.total_bytes and done:
            self.bar.total = max(self.bar.n + rows, round((self.bar.n + rows) *
                                                          self.total_bytes / done))
        self.bar.update(rows)

    def file_done(self, size: int | None) -> None:
        self.done_bytes += size or 0

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            _BARS.remove(self.bar)
            self.bar = None


_BARS: list[Any] = []  # the progress bar on show, which messages must not overwrite


# --- the row verbs ---------------------------------------------------------------------------


@dataclass
class Tally:
    """What to tell on stderr once a file is done."""

    rows: int = 0
    affected: int = 0
    first_affected: int | None = None
    notes: Notes = field(default_factory=Notes)

    def add(self, result: ChunkResult) -> None:
        self.rows += result.rows
        self.affected += result.affected
        if self.first_affected is None:
            self.first_affected = result.first_affected
        self.notes.merge(result.notes)

    def report(self, file: str) -> None:
        if self.affected:
            rows = "row" if self.affected == 1 else "rows"
            _say(f"{file}: {self.affected:,} {rows} had invalid bytes, written with U+FFFD "
                 f"(the first at line {self.first_affected})")
        for kind, (count, line) in self.notes.counts.items():
            what = "line" if count == 1 else "lines"
            _say(f"{file}: {count:,} {what} {kind} (the first: line {line})")


def _say(message: str) -> None:
    for bar in _BARS:
        bar.clear()
    print(f"translit: {message}", file=sys.stderr)
    for bar in _BARS:
        bar.refresh()


class Output:
    """Where output goes: standard output, or FILE written atomically (see AtomicFile)."""

    def __init__(self, stack: ExitStack, path: str | None) -> None:
        self.stream: BinaryIO | _TextBytes
        if path is None or path == "-":
            sys.stdout.flush()
            self.stream = getattr(sys.stdout, "buffer", None) or _TextBytes(sys.stdout)
            self.is_stdout = True
        else:
            self.stream = stack.enter_context(AtomicFile(path))
            self.is_stdout = False

    def write(self, data: bytes) -> None:
        if data:
            self.stream.write(data)

    def flush(self) -> None:
        self.stream.flush()


class _TextBytes:
    """Bytes written to a text stream that has no .buffer (an unusual sys.stdout)."""

    def __init__(self, text: IO[str]) -> None:
        self.text = text

    def write(self, data: bytes) -> int:
        return self.text.write(data.decode("utf-8", "surrogateescape"))

    def flush(self) -> None:
        self.text.flush()


_EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl",
               ".ndjson": "jsonl"}


def _input_format(args: argparse.Namespace, path: str) -> str:
    if args.input_format != "auto":
        return str(args.input_format)
    if args.field is not None:
        return "jsonl"
    by_name = _EXTENSIONS.get(Path(path).suffix.lower()) if path != "-" else None
    if by_name:
        return by_name
    if args.column is not None:
        return "csv"
    return "lines"


def _delimiter_option(value: str | None) -> str | None:
    if value is None:
        return None
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    value = named.get(value.lower(), value)
    if len(value) != 1 or value in "\r\n\"":
        raise InputError("--delimiter", "a delimiter is one character (or tab)")
    return value


@dataclass
class Run:
    """A row verb's run over its inputs: what the options say, and what was found so far."""

    args: argparse.Namespace
    verb: str
    settings: Settings
    columns: tuple[str, ...]
    workers: Workers
    out: Output
    progress: Progress
    header: tuple[str, ...] | None = None  # the first table's, which every file must share
    output: Layout | None = None
    started: bool = False  # output header written
    format: str | None = None
    gather: Emit | None = None  # group's first pass: takes each chunk's keys (writes nothing)
    cleanup: list[str] = field(default_factory=list)  # temporary files to remove at the end
    held: bytes = b""  # the output's header: written with the first rows, so that input that
    # fails at once leaves standard output empty
    report: bool = True  # tell what the input held (not again when group reads it twice)

    def write(self, data: bytes) -> None:
        if self.held:
            self.out.write(self.held)
            self.held = b""
        self.out.write(data)

    def emit_for(self, tally: Tally) -> Emit:
        def emit(result: ChunkResult) -> None:
            tally.add(result)
            if self.gather is not None:
                self.gather(result)
            else:
                self.write(result.data)
            self.progress.advance(result.rows, result.end)

        return emit


def _output_layout(args: argparse.Namespace, layout: Layout) -> Layout:
    fmt = args.format or {"lines": "text"}.get(layout.format, layout.format)
    if fmt == "text":
        return Layout("text")
    if fmt == "jsonl":
        return Layout("jsonl")
    if layout.format == "jsonl":
        raise InputError("--format", "JSON Lines input is written as jsonl or text: objects "
                         "need not share their fields, so they make no table")
    table_in = layout.format in ("csv", "tsv")
    if fmt == "tsv":
        quote = layout.quotechar if table_in and layout.delimiter == "\t" else None
        return Layout("tsv", "\t", quote, layout.terminator)
    delimiter = layout.delimiter if table_in and layout.delimiter != "\t" else ","
    return Layout("csv", delimiter, layout.quotechar or '"', layout.terminator)


def _column_index(header: Sequence[str], wanted: str | None, file: str) -> int:
    listing = ", ".join(f"{i} {h!r}" for i, h in enumerate(header, start=1)) or "none"
    if wanted is None:
        if len(header) == 1:
            return 0
        raise InputError(file, f"which column holds the names? say --column; the columns: "
                         f"{listing}", 1)
    if wanted in header:
        return list(header).index(wanted)
    folded = [i for i, h in enumerate(header) if h.strip().casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    if wanted.isdigit() and 1 <= int(wanted) <= len(header):
        return int(wanted) - 1
    near = closest(wanted, header)
    hint = f" (did you mean {', '.join(repr(n) for n in near)}?)" if near else ""
    raise InputError(file, f"no column {wanted!r}{hint}; the columns: {listing}", 1)


def _read_header(
    chunker: Chunker, layout: Layout, args: argparse.Namespace, source: Source, tally: Tally
) -> tuple[list[str], Layout] | None:
    """The header record of a CSV or TSV file (the chunker goes on after it), and the layout
    it shows: delimiter sniffed unless given, line end.  None for an empty file."""
    beyond = 0
    while True:
        chunk = chunker.next_chunk(beyond)
        if chunk is None:
            return None
        text = chunk.data.decode("utf-8", "replace")
        lines = split_lines(text)
        if args.delimiter is None and layout.format == "csv":
            delimiter = sniff_delimiter(lines[0] if lines else "")
            if delimiter == "\t":
                layout = replace(layout, format="tsv")
            layout = replace(layout, delimiter=delimiter)
        if args.quotechar is None:
            layout = replace(layout, quotechar=None if layout.delimiter == "\t" else '"')
        chunker.quote = layout.quotechar
        job = Job("", Settings(), source.name, layout, Layout("text"), (),
                  exact=source.exact)
        reader = csv.reader(lines, **layout.reader_options())
        try:
            header = next(reader, [])
        except csv.Error:
            try:
                _parse_table(job, chunk, text, layout.reader_options())
            except _Open:  # the header goes on past the chunk
                chunker.unread(chunk)
                beyond = len(chunk.data)
                continue
            raise
        count = reader.line_num
        end = line_offset(chunk.data, count)
        head = Chunk(chunk.data[:end], chunk.offset, chunk.line, False)
        _, bad = decode(head, args.errors, source.name)
        if bad:
            tally.affected += 1
            tally.first_affected = tally.first_affected or chunk.line
        chunker.unread(Chunk(chunk.data[end:], chunk.offset + end, chunk.line + count,
                             chunk.last))
        terminator = line_end(lines[count - 1]) if count else "\n"
        return header, replace(layout, terminator=terminator)


def _run_source(run: Run, path: str) -> None:
    args = run.args
    fmt = _input_format(args, path)
    if run.format is None:
        run.format = fmt
    elif fmt != run.format and {fmt, run.format} != {"csv", "tsv"}:
        raise InputError(path, f"is {fmt}, but the first input is {run.format}: give inputs of "
                         "one format (or --input-format)")
    if path == "-" and sys.stdin.isatty():
        _say("reading names from standard input, one a line; end with Ctrl-D")
    source = open_source(path, args.errors)
    if source.note and run.report:
        _say(source.note)
    tally = Tally()
    try:
        delimiter = _delimiter_option(args.delimiter)
        layout = Layout(fmt)
        if fmt in ("csv", "tsv"):
            layout = Layout(fmt, delimiter or ("\t" if fmt == "tsv" else ","),
                            args.quotechar or None)
        chunker = Chunker(source.stream, offset=source.start, quote=layout.quotechar)
        header: tuple[str, ...] = (INPUT_COLUMN,)
        column = 0
        if fmt in ("csv", "tsv"):
            found = _read_header(chunker, layout, args, source, tally)
            if found is None:  # an empty file: nothing to write
                return
            names, layout = found
            header = tuple(names)
            column = _column_index(header, args.column, source.name)
            clash = [c for c in run.columns if c in header]
            if clash:
                raise InputError(source.name, f"the input already has a column {clash[0]!r}; "
                                 "name the new one with --output-column", 1)
            if run.header is None:
                run.header = header
            elif header != run.header:
                raise InputError(source.name, f"its columns {list(header)} differ from those of "
                                 f"the first input {list(run.header)}", 1)
        if run.output is None:
            run.output = _output_layout(args, layout)
        output = run.output
        if not run.started and output.format in ("csv", "tsv") and run.gather is None:
            run.held = _header_line(header + run.columns, output)
        run.started = True
        second, second_field = -1, ""
        cyrillic = getattr(args, "cyrillic", None)
        if cyrillic is not None:
            if fmt in ("csv", "tsv"):
                second = _column_index(header, cyrillic, source.name)
            elif fmt == "jsonl":
                second_field = cyrillic
            else:
                raise InputError("--cyrillic", "names a column or a key: it needs CSV, TSV or "
                                 "JSON Lines input")
        job = Job(
            verb=run.verb, settings=run.settings, file=source.name, layout=layout,
            output=output, columns=run.columns, header=header, column=column,
            field=args.field or "", second=second, second_field=second_field,
            errors=args.errors, exact=source.exact,
        )
        run_file(job, chunker, run.workers, run.emit_for(tally))
    finally:
        source.close()
        run.progress.file_done(source.size)
    if run.report:
        tally.report(source.name)


def _header_line(columns: Sequence[str], layout: Layout) -> bytes:
    return write_table([list(columns)], layout, "\r\n", lambda i: InputError(
        "--output-column", "a column name holds a tab or a line break")).encode("utf-8")


def _run_names(run: Run, names: list[str]) -> None:
    """Names given as arguments: one row each."""
    output = run.output = _output_layout(run.args, Layout("lines"))
    if output.format in ("csv", "tsv"):
        run.held = _header_line((INPUT_COLUMN, *run.columns), output)
    job = Job(verb=run.verb, settings=run.settings, file="<arguments>", layout=Layout("lines"),
              output=output, columns=run.columns, header=(INPUT_COLUMN,))
    values: list[str | None] = list(names)
    results = _apply(job, values)
    chunk = Chunk(b"", 0, 1, True)
    text = "\n".join(names)
    out = _render(job, chunk, text, list(names), results)
    run.write(out.encode("utf-8", "backslashreplace"))


def _settings(args: argparse.Namespace, verb: Verb) -> Settings:
    limit = getattr(args, "limit", 10)
    if limit < 1:
        raise InputError("--limit", "give 1 or more")
    settings = Settings(language=getattr(args, "language", None), limit=limit)
    name = getattr(args, "system", None)
    if name is None:
        return settings
    found = translit.system(name)  # UnknownSystemError names the closest ids
    if verb.function == "cyrillize" and not found.reversible:
        reversible = [s.id for s in translit.systems(found.language) if s.reversible]
        also = f"; reversible {found.language} systems: {', '.join(reversible)}" if reversible \
            else ""
        raise InputError("-s", f"{found.id} is not reversible: several Cyrillic spellings give "
                         f"the same Latin{also}")
    return replace(settings, system=found.id)


def _jobs(value: int) -> int:
    if value < 0:
        raise InputError("--jobs", "give a number of processes, or 0 for one per core")
    if value == 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:
            return os.cpu_count() or 1
    return value


def _total_size(paths: list[str]) -> int | None:
    total = 0
    for path in paths:
        try:
            if path == "-":
                return None
            total += os.path.getsize(path)
        except OSError:
            return None
    return total


@contextmanager
def _running(args: argparse.Namespace, verb: str, settings: Settings,
             columns: tuple[str, ...]) -> Iterator[Run]:
    jobs = _jobs(args.jobs)
    paths = args.input or ["-"]
    show = sys.stderr.isatty() if args.progress is None else args.progress
    with ExitStack() as stack:
        workers = Workers(jobs)
        out = Output(stack, args.output)
        progress = Progress(bool(show) and not args.names, _total_size(paths))
        run = Run(args, verb, settings, columns, workers, out, progress)
        failed = True
        try:
            yield run
            run.write(b"")
            failed = False
        finally:
            run.progress.close()
            workers.close(failed)
            for name in run.cleanup:
                Path(name).unlink(missing_ok=True)
            if not failed:
                out.flush()


def _row_columns(args: argparse.Namespace, default: tuple[str, ...]) -> tuple[str, ...]:
    given = tuple(args.output_column or ())
    if not given:
        return default
    if len(given) != len(default):
        raise InputError("--output-column", f"this verb writes {len(default)} column(s) "
                         f"({', '.join(default)}): give as many names")
    if len(set(given)) != len(given):
        raise InputError("--output-column", "the names must differ")
    return given


def _cmd_verb(args: argparse.Namespace) -> int:
    verb = VERBS[args.command]
    settings = _settings(args, verb)
    columns = _row_columns(args, verb.columns)
    with _running(args, args.command, settings, columns) as run:
        if args.names:
            if args.input:
                raise InputError("-i", "give names or input files, not both")
            _run_names(run, args.names)
        else:
            for path in args.input or ["-"]:
                _run_source(run, path)
    return EXIT_OK


# --- group -----------------------------------------------------------------------------------


class _Spellings(Sequence[str]):
    """Spellings with their counts, read as the list with repeats that representative() takes,
    without making that list (it would grow with the rows, not with the names)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.total = sum(counts.values())

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[str]:
        for spelling, count in self.counts.items():
            for _ in range(count):
                yield spelling

    def __getitem__(self, index: Any) -> Any:
        raise TypeError("read in order only")


@dataclass
class _Grouped:
    key: str
    first: int
    spellings: dict[str, int]

    @property
    def size(self) -> int:
        return sum(self.spellings.values())


def _cmd_group(args: argparse.Namespace) -> int:
    from .normalize import representative

    columns = _row_columns(args, SUMMARY_COLUMNS if args.summary else GROUP_COLUMNS)
    if args.names and args.input:
        raise InputError("-i", "give names or input files, not both")
    with _running(args, "group", Settings(), columns) as run:
        # First pass: every row's key, gathered as key -> first row and spelling counts, so
        # memory grows with the distinct names, not with the rows.
        groups: dict[str, _Grouped] = {}
        seen = 0

        def gather(result: ChunkResult) -> None:
            nonlocal seen
            for k, (first, spellings) in (result.keys or {}).items():
                entry = groups.get(k)
                if entry is None:
                    groups[k] = _Grouped(k, seen + first, spellings)
                else:
                    for s, n in spellings.items():
                        entry.spellings[s] = entry.spellings.get(s, 0) + n
            seen += result.rows

        paths: list[str] = []
        if args.names:
            values: list[str | None] = list(args.names)
            gather(ChunkResult(rows=len(values), keys=_gather(values, translit.key_many(values))))
        else:
            paths = _spool_stdin(args, run)
            run.gather = gather
            for path in paths:
                _run_source(run, path)
            run.gather = None
        # The order and the representatives of translit.group(): largest first, ties in order
        # of first appearance; the most frequent spelling (ties: the standard one, the first).
        ordered = sorted(groups.values(), key=lambda g: (-g.size, g.first))
        chosen = {
            g.key: next(iter(g.spellings)) if len(g.spellings) == 1
            else representative(_Spellings(g.spellings))
            for g in ordered
        }
        if args.summary:
            _write_summary(run, ordered, chosen)
            return EXIT_OK
        # Second pass: each row looked up by its key.
        numbers = {g.key: (n, chosen[g.key]) for n, g in enumerate(ordered, start=1)}
        run.workers.use_groups(numbers)
        run.verb = "group-rows"
        run.header = run.output = run.format = None
        run.started = False
        run.report = False
        if args.names:
            _run_names(run, args.names)
        else:
            run.progress.close()
            run.progress = Progress(run.progress.enabled, run.progress.total_bytes)
            for path in paths:
                _run_source(run, path)
    return EXIT_OK


def _spool_stdin(args: argparse.Namespace, run: Run) -> list[str]:
    """group per row reads its input twice: standard input is kept in a temporary file."""
    paths = list(args.input or ["-"])
    if "-" not in paths or args.summary:
        return paths
    import tempfile

    stdin: BinaryIO = sys.stdin.buffer
    with tempfile.NamedTemporaryFile(prefix="translit-stdin-", delete=False) as spool:
        run.cleanup.append(spool.name)
        while block := stdin.read(1 << 20):
            spool.write(block)
    return [spool.name if p == "-" else p for p in paths]


def _write_summary(run: Run, ordered: list[_Grouped], chosen: dict[str, str]) -> None:
    fmt = run.args.format or "text"
    names = run.columns
    rows = []
    for n, g in enumerate(ordered, start=1):
        spellings = sorted(g.spellings.items(), key=lambda item: -item[1])
        rows.append((n, g.size, chosen[g.key], g.key, [s for s, _ in spellings],
                     [c for _, c in spellings]))
    if fmt == "jsonl":
        text = "".join(json_object(list(zip(names, r, strict=True))) + "\n" for r in rows)
    elif fmt == "text":
        text = "".join("\t".join(str(_cell_join(c)) for c in r) + "\n" for r in rows)
    else:
        layout = Layout(fmt, "\t" if fmt == "tsv" else ",", None if fmt == "tsv" else '"')
        table = [list(names), *([_cell_join(c) for c in r] for r in rows)]
        text = write_table(table, layout, "\r\n", lambda i: InputError(
            "output", "a name holds a tab or a line break; use --format csv"))
    run.write(text.encode("utf-8", "backslashreplace"))


def _cell_join(value: Any) -> Any:
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value


# --- systems ---------------------------------------------------------------------------------


def _cmd_systems(args: argparse.Namespace) -> int:
    found = translit.systems(args.language)
    fmt = args.format or "text"
    fields = ("id", "language", "reversible", "name", "aliases", "source")
    records = [s.as_dict() for s in found]
    with ExitStack() as stack:
        out = Output(stack, args.output)
        if fmt == "jsonl":
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        elif fmt == "text":
            width = max((len(s.id) for s in found), default=0)
            text = "".join(
                f"{s.id:<{width}}  {s.language}  {'reversible' if s.reversible else 'one-way   '}"
                f"  {s.name}\n" for s in found
            )
        else:
            layout = Layout(fmt, "\t" if fmt == "tsv" else ",", None if fmt == "tsv" else '"')
            table = [list(fields)] + [
                [r["id"], r["language"], str(r["reversible"]).lower(), r["name"],
                 " ".join(r["aliases"]), r["source"]] for r in records
            ]
            text = write_table(table, layout, "\r\n", lambda i: InputError("systems", "tab"))
        out.write(text.encode("utf-8"))
        out.flush()
    return EXIT_OK


# --- the parser ------------------------------------------------------------------------------


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def _add_io(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="names to convert; with none, the input files are read")
    inputs = parser.add_argument_group("input")
    inputs.add_argument("-i", "--input", action="append", metavar="FILE",
                        help="a file to read (repeatable; '-' is standard input, the default)")
    inputs.add_argument("--input-format", choices=("auto", *FORMATS),
                        default="auto", help="auto (the default): from --column/--field and the "
                        "file name (.csv .tsv .jsonl), else plain lines")
    inputs.add_argument("-c", "--column", metavar="NAME",
                        help="CSV/TSV: the column that holds the names (a header name, or a "
                        "number from 1)")
    inputs.add_argument("--field", metavar="KEY", help="JSON Lines: the key that holds the names")
    inputs.add_argument("--delimiter", metavar="CHAR",
                        help="CSV: the delimiter (default: sniffed from the header among , TAB "
                        "; |)")
    inputs.add_argument("--quotechar", metavar="CHAR",
                        help="CSV: the quote character (default \"; TSV: none, quotes are data; "
                        "'' for none)")
    inputs.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with its position (strict, the default), or "
                        "write U+FFFD and count the rows affected (replace)")
    outputs = parser.add_argument_group("output")
    outputs.add_argument("-o", "--output", metavar="FILE",
                         help="write here (atomically: FILE appears only when complete); "
                         "default standard output")
    outputs.add_argument("-f", "--format", choices=OUTPUT_FORMATS,
                         help="text (only the results), csv, tsv or jsonl (every input column "
                         "and the results); default: the input's format, text for plain lines")
    outputs.add_argument("--output-column", action="append", metavar="NAME",
                         help="name of an appended column (repeat for each)")
    running = parser.add_argument_group("running")
    running.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                         help="worker processes (default 1; 0: one per core); the output is "
                         "the same whatever N")
    running.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="a progress bar on stderr (default: when stderr is a terminal)")


def build_parser() -> argparse.ArgumentParser:
    verbs = available_verbs()
    parser = argparse.ArgumentParser(
        prog="translit", formatter_class=_Formatter,
        description="Romanization of Russian, Ukrainian and Belarusian names.",
        epilog="examples:\n" + "\n".join(
            f"  {v.example.splitlines()[0]}" for v in verbs.values()
        ) + "\n  translit systems --language uk\n\n" + EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"translit {translit.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    systems = sub.add_parser(
        "systems", help="list the romanization systems", formatter_class=_Formatter,
        description="List the romanization systems: id, language, reversible, name.",
        epilog="example:\n  translit systems --language uk\n  translit systems --format jsonl",
    )
    systems.add_argument("--language", choices=("ru", "uk", "be"))
    systems.add_argument("-f", "--format", choices=OUTPUT_FORMATS)
    systems.add_argument("-o", "--output", metavar="FILE")
    systems.set_defaults(handler=_cmd_systems)

    for name, verb in verbs.items():
        p = sub.add_parser(name, help=verb.summary, formatter_class=_Formatter,
                           description=verb.summary[:1].upper() + verb.summary[1:] + ".",
                           epilog=f"examples:\n  {verb.example}\n\n{EXIT_CODES}")
        if verb.system:
            p.add_argument("-s", "--system", required=verb.system == "required",
                           help="system id or alias (translit systems lists them)" +
                           ("" if verb.system == "required" else
                            "; default: each language's national system, by the letters"))
        if "language" in verb.options:
            p.add_argument("-l", "--language", choices=("ru", "uk", "be"),
                           help="readings of this language only (default: every language)")
        if "limit" in verb.options:
            p.add_argument("--limit", type=int, default=10, metavar="N",
                           help="how many readings to find: the best and N-1 alternatives "
                           "(default 10)")
        if "cyrillic" in verb.options:
            p.add_argument("--cyrillic", metavar="NAME",
                           help="CSV/TSV column or JSON Lines key that holds each name's "
                           "Cyrillic spelling (default: read from the Latin)")
        _add_io(p)
        p.set_defaults(handler=_cmd_verb)

    if hasattr(translit, "group") and hasattr(translit, "key_many"):
        p = sub.add_parser(
            "group", formatter_class=_Formatter,
            help="group the spellings of one name (by key), largest group first",
            description="Group names whose keys are equal.  Per row (the default): each row "
                        "gets its group's number (1 = the largest) and representative spelling. "
                        "--summary: one row per group, largest first.",
            epilog=f"examples:\n  {GROUP_EXAMPLE}\n\n{EXIT_CODES}",
        )
        p.add_argument("--summary", action="store_true",
                       help="one row per group: group, size, representative, key, members, "
                       "counts")
        _add_io(p)
        p.set_defaults(handler=_cmd_group)

    if hasattr(translit, "check"):
        from .check import CLI_DESCRIPTION, add_arguments
        from .check import run as run_check

        p = sub.add_parser(
            "check", formatter_class=_Formatter, description=CLI_DESCRIPTION,
            help="check the spelling of names in a text or list (exit 1 when something is found)",
            epilog="examples:\n  translit check --target uk-national report.txt\n"
                   "  translit check --format json - < names.txt\n\n"
                   "exit status:\n  0    no problems found\n  1    problems found (like a linter)\n"
                   "  2    usage or input error",
        )
        add_arguments(p)
        p.set_defaults(handler=run_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (see EXIT_CODES)."""
    allow_long_fields()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    try:
        return int(args.handler(args))
    except UnknownSystemError as exc:
        hint = f"; did you mean {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        _say(f"unknown system {exc.name!r}{hint} ('translit systems' lists them all)")
        return EXIT_USAGE
    except TranslitError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PIPE_CLOSED
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED


def _quiet_stdout() -> None:
    """The reader went away: point stdout at /dev/null so that the exit flush is silent."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
