"""Findings as a report (text, csv, tsv, jsonl, json), and the glue of the ``translit check``
command.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable

from .core import check
from .finding import Finding


def report(findings: Iterable[Finding], fmt: str = "text", source: str = "-") -> str:
    """Findings as text for a person (grouped by name), JSON or CSV."""
    findings = list(findings)
    if fmt == "json":
        return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        columns = ["line", "column", "start", "end", "text", "kind", "language", "problem",
                   "suggestion", "follows", "name", "explanation"]
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for f in findings:
            row = f.as_dict()
            row["follows"] = " ".join(f.follows)
            writer.writerow([row[c] if row[c] is not None else "" for c in columns])
        return buffer.getvalue()
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r}: use text, json or csv")
    if not findings:
        return f"{source}: no problems found\n"
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.name, []).append(f)
    out = []
    for name, group in groups.items():
        kind = group[0].kind + (f", {group[0].language}" if group[0].language else "")
        out.append(f"{name} [{kind}]")
        width = max(len(f.text) for f in group)
        for f in group:
            out.append(f"  {source}:{f.line}:{f.column}  {f.text.ljust(width)}  "
                       f"{f.description} → {f.suggestion}")
            out.append(f"      {f.explanation}")
    names = len(groups)
    out.append(f"{len(findings)} finding{'s' * (len(findings) != 1)} for {names} "
               f"name{'s' * (names != 1)}")
    return "\n".join(out) + "\n"


CLI_DESCRIPTION = (
    "Check the spelling of Ukrainian, Russian and Belarusian names in a text or a list of "
    "names: Russian-based spellings, former names, mixed scripts, non-standard "
    "romanizations, inconsistent spellings, unknown names.  Exit status: 0 nothing found, "
    "1 something found, 2 usage or input error."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``translit check`` (for a CLI that builds its own subparser)."""
    parser.add_argument("file", metavar="FILE", help="a text or a list of names; - for stdin")
    parser.add_argument("-t", "--target", default="uk-national",
                        help="the system names are to be written in (default: uk-national)")
    parser.add_argument("-f", "--format", choices=("text", "json", "csv"), default="text")


def run(args: argparse.Namespace) -> int:
    """Run ``translit check`` with parsed arguments: print the report, return the exit code."""
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as fh:
                text = fh.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"translit check: {args.file}: {error}", file=sys.stderr)
        return 2
    try:
        findings = check(text, args.target)
    except ValueError as error:  # an unknown system names the closest ids
        print(f"translit check: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(report(findings, args.format, "<stdin>" if args.file == "-" else args.file))
    return 1 if findings else 0
