"""A row verb's run over its inputs: input files and their formats, headers and columns,
the output (standard output or a file written atomically), what is told on stderr."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, BinaryIO, NoReturn

from translit.errors import closest

from .chunks import OpenRecord, apply_verb, parse_table
from .formats import AtomicFile, Layout, Notes, line_end, sniff_delimiter, write_table
from .job import ChunkResult, Job
from .progress import Progress, say
from .records import INPUT_COLUMN, OUTPUT_FORMATS, Chunk, Chunker, InputError, decode, line_offset, split_lines
from .render import render
from .sources import Source, open_source
from .verbs import Settings
from .workers import Emit, Workers, run_file

_PLURAL = {"has": "have", "is": "are", "holds": "hold", "was": "were"}


@dataclass
class Tally:
    """What to tell on stderr once a file is done."""

    rows: int = 0
    affected: int = 0
    first_affected: int | None = None
    notes: Notes = field(default_factory=Notes)
    objects: int = 0
    with_field: int = 0
    fields_seen: tuple[str, ...] = ()

    def add(self, result: ChunkResult) -> None:
        self.rows += result.rows
        self.objects += result.objects
        self.with_field += result.with_field
        self.fields_seen = self.fields_seen or result.fields_seen
        self.affected += result.affected
        if self.first_affected is None:
            self.first_affected = result.first_affected
        self.notes.merge(result.notes)

    def report(self, file: str) -> None:
        if self.affected:
            rows = "row" if self.affected == 1 else "rows"
            say(f"{file}: {self.affected:,} {rows} had invalid bytes, written with U+FFFD "
                 f"(the first at line {self.first_affected})")
        for kind, (count, line) in self.notes.counts.items():
            if count == 1:
                say(f"{file}: 1 line {kind} (line {line})")
                continue
            verb, _, rest = kind.partition(" ")
            say(f"{file}: {count:,} lines {_PLURAL.get(verb, verb)} {rest} (the first: line {line})")


class Output:
    """Where output goes: standard output, or FILE written atomically (see AtomicFile)."""

    def __init__(self, stack: ExitStack, path: str | None) -> None:
        self.stream: BinaryIO | _TextBytes
        if path is None or path == "-":
            sys.stdout.flush()
            self.stream = getattr(sys.stdout, "buffer", None) or _TextBytes(sys.stdout)
        else:
            self.stream = stack.enter_context(AtomicFile(path))

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
               ".ndjson": "jsonl", ".json": "jsonl"}  # many tools write JSON Lines as .json
#: Output formats an -o file's extension asks for (when --format does not say).
_OUTPUT_EXTENSIONS = {**_EXTENSIONS, ".txt": "text", ".text": "text", ".json": "json"}
#: Extensions of formats translit does not write: an -o FILE with one is refused, never
#: filled with CSV.
_FOREIGN_EXTENSIONS = (".parquet", ".pq", ".xlsx", ".xls", ".ods", ".arrow", ".feather",
                       ".orc", ".avro", ".xml", ".html", ".gz", ".bz2", ".xz", ".zst", ".zip",
                       ".7z", ".sqlite", ".db")


def input_format(args: argparse.Namespace, path: str) -> str:
    """The format of input *path*: --input-format, else the file's extension, --field (JSON
    Lines), --column (CSV); else plain lines.  A column of JSON Lines or a field of a
    table is refused: the option was meant for the other format."""
    fmt = str(args.input_format)
    if fmt == "auto":
        by_name = _EXTENSIONS.get(Path(path).suffix.lower()) if path != "-" else None
        fmt = by_name or ("jsonl" if args.field is not None else
                          "csv" if args.column is not None else "lines")
    name = "<stdin>" if path == "-" else path
    if fmt == "jsonl" and args.column is not None:
        raise InputError(name, "is JSON Lines: its objects have keys, not columns; name the key "
                         "with --field")
    if fmt in ("csv", "tsv") and args.field is not None:
        raise InputError(name, f"is {fmt.upper()}: its records have columns, not keys; name the "
                         "column with --column")
    return fmt


def output_format(args: argparse.Namespace, default: str, choices: Sequence[str]) -> str:
    """--format, else what -o's extension says (out.tsv, out.jsonl …), else *default*."""
    if args.format:
        return str(args.format)
    if args.output and args.output != "-":
        suffix = Path(args.output).suffix.lower()
        by_name = _OUTPUT_EXTENSIONS.get(suffix)
        if by_name == "json" and "json" not in choices:
            raise InputError(args.output, "this verb writes JSON Lines, one object a line, not "
                             "one JSON document: name the file .jsonl, or say --format jsonl")
        if suffix in _FOREIGN_EXTENSIONS:
            listing = ", ".join(choices)
            raise InputError(args.output, f"translit writes {listing}, not {suffix[1:]}: name "
                             "the file for one of those, or say --format")
        if by_name is not None and by_name in choices:
            return by_name
    return default


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
    fmt = output_format(args, {"lines": "text"}.get(layout.format, layout.format),
                        OUTPUT_FORMATS)
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
    asked = bool(args.format) or (bool(args.output) and args.output != "-" and
                                  Path(args.output).suffix.lower() in _OUTPUT_EXTENSIONS)
    # a table is written in its own delimiter unless CSV is asked for (then a tab is a comma)
    delimiter = layout.delimiter if table_in and (layout.delimiter != "\t" or not asked) \
        else ","
    return Layout("csv", delimiter, layout.quotechar or '"', layout.terminator)


def _column_index(header: Sequence[str], wanted: str | None, file: str) -> int:
    listing = ", ".join(f"{i} {h!r}" for i, h in enumerate(header, start=1)) or "none"
    if wanted is None:
        if len(header) == 1:
            return 0
        raise InputError(file, f"which column holds the names? say --column; the columns: "
                         f"{listing}", 1)
    exact = [i for i, h in enumerate(header) if h == wanted]
    folded = exact or [i for i, h in enumerate(header) if h.strip().casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    if folded:  # two columns of that name: the first would be a guess (exit 0, maybe wrong)
        numbers = " and ".join(str(i + 1) for i in folded)
        raise InputError(file, f"{len(folded)} columns are called {wanted!r} (columns {numbers}): "
                         f"name the one by its number (-c {folded[0] + 1}); the columns: {listing}", 1)
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
                parse_table(job, chunk, text, layout.reader_options())
            except OpenRecord:  # the header goes on past the chunk
                chunker.unread(chunk)
                beyond = len(chunk.data)
                continue
            raise
        if getattr(args, "no_header_row", False):  # the first row is data: columns by number, nothing read
            chunker.unread(chunk)
            terminator = line_end(lines[0]) if lines else "\n"
            return [str(i) for i in range(1, len(header) + 1)], replace(layout,
                                                                         terminator=terminator)
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


def run_source(run: Run, path: str) -> None:
    """Run the verb over one input file (``-``: standard input), writing or gathering its
    results chunk by chunk."""
    args = run.args
    fmt = input_format(args, path)
    if run.format is None:
        run.format = fmt
    elif fmt != run.format and {fmt, run.format} != {"csv", "tsv"}:
        raise InputError(path, f"is {fmt}, but the first input is {run.format}: give inputs of "
                         "one format (or --input-format)")
    if path == "-" and sys.stdin.isatty():
        say("reading names from standard input, one a line; end with Ctrl-D")
    source = open_source(path, args.errors)
    if source.note and run.report:
        say(source.note)
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
            found = _table_header(run, chunker, layout, source, tally)
            if found is None:  # an empty file: nothing to write
                return
            header, column, layout = found
        elif fmt == "jsonl":
            _refuse_a_document(chunker, source)
            if not args.field:
                _refuse_without_field(chunker, source)
        output = _start_output(run, layout, header, source.bom)
        second, second_field = _second_column(args, fmt, header, source.name)
        job = Job(
            verb=run.verb, settings=run.settings, file=source.name, layout=layout,
            output=output, columns=run.columns, header=header, column=column,
            field=args.field or "", second=second, second_field=second_field,
            errors=args.errors, exact=source.exact, ragged=getattr(args, "ragged", "error"),
        )
        run_file(job, chunker, run.workers, run.emit_for(tally))
        if fmt == "jsonl" and tally.objects and not tally.with_field:
            _refuse_a_missing_field(args.field, tally, source.name)
    finally:
        source.close()
        run.progress.file_done(source.size)
    if run.report:
        tally.report(source.name)


def _refuse_a_missing_field(name: str, tally: Tally, file: str) -> NoReturn:
    """--field that no object has is a mistyped name, not a file of missing values: an error
    (its output is not kept: -o FILE is left as it was), not a column of nulls with exit 0."""
    near = closest(name, tally.fields_seen)
    hint = f" (did you mean {', '.join(map(repr, near))}?)" if near else ""
    seen = ", ".join(map(repr, tally.fields_seen)) or "none"
    raise InputError(file, f"no object has a field {name!r}{hint}; the first object's fields: {seen}")


def _table_header(run: Run, chunker: Chunker, layout: Layout, source: Source,
                  tally: Tally) -> tuple[tuple[str, ...], int, Layout] | None:
    """A CSV or TSV input's header, the index of the names' column, the layout it shows."""
    found = _read_header(chunker, layout, run.args, source, tally)
    if found is None:
        return None
    names, layout = found
    header = tuple(names)
    column = _column_index(header, run.args.column, source.name)
    clash = [c for c in run.columns if c in header]
    if clash:
        raise InputError(source.name, f"the input already has a column {clash[0]!r}; "
                         "name the new one with --output-column", 1)
    if run.header is None:
        run.header = header
    elif header != run.header:
        raise InputError(source.name, f"its columns {list(header)} differ from those of "
                         f"the first input {list(run.header)}", 1)
    return header, column, layout


def _refuse_a_document(chunker: Chunker, source: Source) -> None:
    """JSON Lines that open with an array are a JSON document (a .json export): refused, for
    it has no line to give a result to (each line that is no object is kept as it is)."""
    chunk = chunker.next_chunk()
    if chunk is None:
        return
    chunker.unread(chunk)
    if chunk.data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        raise InputError(source.name, "is a JSON array, not JSON Lines (one object a line): "
                         "jq -c '.[]' FILE | translit …", 1)


def _refuse_without_field(chunker: Chunker, source: Source) -> None:
    """JSON Lines without --field: an error listing the keys of the first objects (which
    key holds the names cannot be guessed)."""
    chunk = chunker.next_chunk()
    if chunk is None:
        return
    chunker.unread(chunk)
    keys: dict[str, None] = {}
    text = chunk.data.decode("utf-8", "replace")
    for line in split_lines(text)[:1000]:
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            keys.update(dict.fromkeys(k for k, v in obj.items() if isinstance(v, str)))
    listing = ", ".join(repr(k) for k in keys) or "none that hold strings"
    raise InputError(source.name, f"which key holds the names? say --field; the keys seen: "
                     f"{listing}", 1)


def _start_output(run: Run, layout: Layout, header: tuple[str, ...], bom: bool) -> Layout:
    """The output's layout, fixed by the first input; its header (and the input's byte order
    mark, which Excel needs) held until the first rows are written."""
    if run.output is None:  # a gathering run writes nothing: its caller's -o is no concern here
        run.output = Layout("text") if run.gather is not None else _output_layout(run.args, layout)
    output = run.output
    if not run.started and run.gather is None:
        mark = "\ufeff".encode() if bom and output.format in ("csv", "tsv") else b""
        run.held = mark + _header_for(run, header, output)
    run.started = True
    return output


def _header_for(run: Run, header: tuple[str, ...], output: Layout) -> bytes:
    if output.format in ("csv", "tsv") and getattr(run.args, "no_header_row", False):
        return b""
    if output.format in ("csv", "tsv"):
        return header_line(header + run.columns, output)
    if output.format == "text" and len(run.columns) > 1 and not run.args.no_header:
        return ("\t".join((INPUT_COLUMN, *run.columns)) + "\n").encode("utf-8")
    return b""


def _second_column(args: argparse.Namespace, fmt: str, header: tuple[str, ...],
                   file: str) -> tuple[int, str]:
    """identify --cyrillic: the column (CSV, TSV) or key (JSON Lines) of the Cyrillic."""
    cyrillic = getattr(args, "cyrillic", None)
    if cyrillic is None:
        return -1, ""
    if fmt in ("csv", "tsv"):
        return _column_index(header, cyrillic, file), ""
    if fmt == "jsonl":
        return -1, cyrillic
    raise InputError("--cyrillic", "names a column or a key: it needs CSV, TSV or JSON Lines "
                     "input")


def header_line(columns: Sequence[str], layout: Layout) -> bytes:
    return write_table([list(columns)], layout, "\r\n", lambda i: InputError(
        "--output-column", "a column name holds a tab or a line break")).encode("utf-8")


def run_names(run: Run, names: list[str]) -> None:
    """Names given as arguments: one row each."""
    output = run.output = _output_layout(run.args, Layout("lines"))
    run.held = _header_for(run, (INPUT_COLUMN,), output)
    job = Job(verb=run.verb, settings=run.settings, file="<arguments>", layout=Layout("lines"),
              output=output, columns=run.columns, header=(INPUT_COLUMN,))
    values: list[str | None] = list(names)
    results = apply_verb(job, values)
    chunk = Chunk(b"", 0, 1, True)
    text = "\n".join(names)
    out = render(job, chunk, text, list(names), results, values)
    run.write(out.encode("utf-8", "backslashreplace"))


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
def running(args: argparse.Namespace, verb: str, settings: Settings,
            columns: tuple[str, ...], write: bool = True) -> Iterator[Run]:
    """A Run of the verb over the arguments' inputs; with write=False nothing is written (the
    caller gathers the results, and writes its output itself)."""
    jobs = _jobs(getattr(args, "jobs", 1))
    paths = args.input or ["-"]
    progress_option = getattr(args, "progress", False)
    show = sys.stderr.isatty() if progress_option is None else progress_option
    with ExitStack() as stack:
        workers = Workers(jobs)
        out = Output(stack, args.output if write else None)
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


def row_columns(args: argparse.Namespace, default: tuple[str, ...]) -> tuple[str, ...]:
    given = tuple(args.output_column or ())
    if not given:
        return default
    if len(given) != len(default):
        raise InputError("--output-column", f"this verb writes {len(default)} column(s) "
                         f"({', '.join(default)}): give as many names")
    if len(set(given)) != len(given):
        raise InputError("--output-column", "the names must differ")
    return given


