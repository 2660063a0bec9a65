"""``translit check``: the spelling check over texts, or over name lists (--column, --field).

A file read as prose (plain text) is checked as one text; a CSV, TSV or JSON Lines file is a
list of names: the column's values are checked together (so that one name spelled two ways
is found), and each finding names the record's line in the file.  Output: the report for a
person (text), one record per finding (csv, tsv, jsonl), or one JSON document (json).
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from contextlib import ExitStack
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import translit

from .exits import EXIT_FOUND, EXIT_OK
from .formats import Layout, json_object, write_table
from .job import ChunkResult
from .progress import say
from .records import Chunk, InputError, decode
from .run import Output, input_format, output_format, run_source, running
from .sources import open_source
from .verbs import Settings

if TYPE_CHECKING:  # translit.check is imported when a check runs (the other verbs start faster)
    from translit.check import Finding

CHECK_FORMATS = ("text", "csv", "tsv", "jsonl", "json")
CHECK_EXAMPLE = (
    "translit check report.txt\n"
    "  translit check --target uk-german artikel.txt -f jsonl -o findings.jsonl\n"
    "  translit check people.csv --column name          (a list of names)\n"
    "  translit check Kharkov Kiev Zelensky             (names as arguments)"
)
#: The columns of one finding in csv, tsv and jsonl output.
COLUMNS = ("file", "line", "column", "start", "end", "text", "kind", "language", "problem",
           "description", "suggestion", "follows", "name", "explanation", "nearest")


@dataclass
class _Found:
    """A file's findings, with their positions in the file."""

    file: str
    findings: list[Finding]


def _read_text(path: str, errors: str) -> tuple[str, str]:
    """The whole text of a prose file (its name, its text); bad UTF-8 named by position."""
    source = open_source(path, errors)
    try:
        if source.note:
            say(source.note)
        data = source.stream.read()
    finally:
        source.close()
    text, bad = decode(Chunk(data, source.start, 1, True), errors, source.name)
    if bad:
        say(f"{source.name}: {len(bad):,} lines had invalid bytes, read as U+FFFD (the first: "
            f"line {bad[0] + 1})")
    return source.name, text


def _checked(name: str, text: str, target: str | None, values: int | None = None) -> list[Finding]:
    """The findings of one text, its language and norm told on stderr; *values*: the text is
    a column's list of that many values (names, not prose: its language is the names')."""
    from translit.check.norm import language_name, norm

    text_norm = norm(text, target)
    exonyms = ("" if text_norm.norm_language == "en"
               else f" and {language_name(text_norm.norm_language)} exonyms")
    if values is not None:
        how = "given by --target" if target else (
            f"the default for a list in {text_norm.language_name}; --target chooses another")
        say(f"{name}: a list of {values:,} values, checked as names; norm {text_norm.target}"
            f"{exonyms} ({how})")
    else:
        how = "" if target else " (guessed)"
        say(f"{name}: {text_norm.language_name} text{how}; norm {text_norm.target}{exonyms}")
    return translit.check(text, target)


def _check_list(args: argparse.Namespace, path: str, target: str | None) -> _Found:
    """The values of a CSV, TSV or JSON Lines file's column, checked as one list; each
    finding's line is its record's line in the file and its column counts in the value."""
    values: list[tuple[int, str]] = []

    def collect(result: ChunkResult) -> None:
        values.extend(result.values or ())

    with running(args, "values", Settings(), (), write=False) as run:
        run.gather = collect
        run_source(run, path)
    text = "\n".join(v for _, v in values)
    starts: list[int] = []
    at = 0
    for _, value in values:
        starts.append(at)
        at += len(value) + 1
    found = []
    for f in _checked("<stdin>" if path == "-" else path, text, target, len(values)):
        i = bisect_right(starts, f.start) - 1
        begin = starts[i]
        found.append(replace(f, line=values[i][0], column=f.start - begin + 1,
                             start=f.start - begin, end=f.end - begin))
    return _Found("<stdin>" if path == "-" else path, found)


def _records(found: list[_Found]) -> list[dict[str, Any]]:
    out = []
    for part in found:
        for f in part.findings:
            row = f.as_dict()
            row["file"] = part.file
            out.append({c: row[c] for c in COLUMNS})
    return out


def _write(args: argparse.Namespace, found: list[_Found]) -> None:
    fmt = output_format(args, "text", CHECK_FORMATS)
    if fmt == "text":
        from translit.check import report

        text = "".join(report(part.findings, "text", part.file) for part in found)
    elif fmt == "json":
        text = json.dumps(_records(found), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        text = "".join(json_object(list(r.items())) + "\n" for r in _records(found))
    else:
        layout = Layout(fmt, "\t" if fmt == "tsv" else ",", None if fmt == "tsv" else '"')
        table: list[list[Any]] = [list(COLUMNS)]
        for r in _records(found):
            r["follows"] = " ".join(r["follows"])
            r["nearest"] = "; ".join(r["nearest"])
            table.append(["" if r[c] is None else r[c] for c in COLUMNS])
        if args.no_header:
            table = table[1:]
        text = write_table(table, layout, "\r\n", lambda i: InputError(
            "output", "a finding holds a tab or a line break; use --format csv"))
    with ExitStack() as stack:
        out = Output(stack, args.output)
        out.write(text.encode("utf-8", "backslashreplace"))
        out.flush()


def run_check(args: argparse.Namespace) -> int:
    # UnknownSystemError names the closest ids
    target = translit.system(args.target).id if args.target else None
    found: list[_Found] = []
    if args.names:
        found.append(_Found("<arguments>", _checked("<arguments>", "\n".join(args.names), target)))
    for path in [] if args.names else (args.input or ["-"]):
        if input_format(args, path) == "lines":
            name, text = _read_text(path, args.errors)
            found.append(_Found(name, _checked(name, text, target)))
        else:
            found.append(_check_list(args, path, target))
    _write(args, found)
    return EXIT_FOUND if any(part.findings for part in found) else EXIT_OK
