"""``translit systems``: the romanization systems, as text, CSV, TSV or JSON Lines."""

from __future__ import annotations

import argparse
import json
from contextlib import ExitStack

import translit

from .exits import EXIT_OK
from .formats import Layout, write_table
from .records import OUTPUT_FORMATS, InputError
from .run import Output, output_format


def run_systems(args: argparse.Namespace) -> int:
    found = translit.systems(args.language)
    fmt = output_format(args, "text", OUTPUT_FORMATS)  # -o systems.tsv writes TSV
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


