"""Findings as a report: text for a person (grouped by name), JSON or CSV.  The command
line's ``translit check`` (translit.cli.check) writes these and csv, tsv, jsonl records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .finding import Finding


def report(findings: Iterable[Finding], fmt: str = "text", source: str = "-") -> str:
    """Findings as text for a person (grouped by name), JSON or CSV."""
    findings = list(findings)
    if fmt == "json":
        return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        columns = ["line", "column", "start", "end", "text", "kind", "language", "problem",
                   "suggestion", "follows", "name", "explanation", "nearest"]
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for f in findings:
            row = f.as_dict()
            row["follows"] = " ".join(f.follows)
            row["nearest"] = "; ".join(f.nearest)
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
            # an unknown place with no known place near enough has nothing to write instead
            nothing = f.problem == "unknown-place" and f.suggestion == f.text
            to = " (no known place near it)" if nothing else f" → {f.suggestion}"
            out.append(f"  {source}:{f.line}:{f.column}  {f.text.ljust(width)}  "
                       f"{f.description}{to}")
            out.append(f"      {f.explanation}")
    names = len(groups)
    out.append(f"{len(findings)} finding{'s' * (len(findings) != 1)} for {names} "
               f"name{'s' * (names != 1)}")
    return "\n".join(out) + "\n"
