"""``translit group``: the spellings of one name grouped by key (or, with ``--by same_name``,
by block keys and same_name, by average linkage), largest group first; per row (each row's group
and representative) or as a summary (one row per group)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import translit
from translit.grouping import representative

from .chunks import gather_keys
from .exits import EXIT_OK
from .formats import Layout, json_object, write_table
from .job import ChunkResult
from .progress import Progress
from .records import InputError
from .run import Run, row_columns, run_names, run_source, running
from .verbs import Settings

GROUP_EXAMPLE = (
    "translit group Kharkiv Харків Харьков Charkiw Kyiv\n"
    "  translit group names.txt                              (each line: name, group, representative)\n"
    "  translit group people.csv --column surname            (each row: group, representative)\n"
    "  translit group people.csv --column surname --summary  (one row per group, largest first)\n"
    "  translit group people.csv --column surname --by same_name  (Dnipro with Днепр)"
)
GROUP_COLUMNS = ("group", "representative")
SUMMARY_COLUMNS = ("group", "size", "representative", "key", "members", "counts")


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
    key: str  # the key (--by same_name: the group's first spelling, which names it)
    first: int
    spellings: dict[str, int]
    firsts: dict[str, int] = field(default_factory=dict)  # each spelling's first row

    @property
    def size(self) -> int:
        return sum(self.spellings.values())


def run_group(args: argparse.Namespace) -> int:

    columns = row_columns(args, SUMMARY_COLUMNS if args.summary else GROUP_COLUMNS)
    if args.names and args.input:
        raise InputError("-i", "give names or input files, not both")
    with running(args, "group", Settings(), columns) as run:
        # First pass: every row's key, gathered as key -> first row and spelling counts, so
        # memory grows with the distinct names, not with the rows.
        groups: dict[str, _Grouped] = {}
        seen = 0

        def gather(result: ChunkResult) -> None:
            nonlocal seen
            for k, (first, spellings, firsts) in (result.keys or {}).items():
                entry = groups.get(k)
                if entry is None:
                    groups[k] = _Grouped(k, seen + first, spellings,
                                         {s: seen + f for s, f in firsts.items()})
                else:
                    for s, n in spellings.items():
                        entry.spellings[s] = entry.spellings.get(s, 0) + n
                        entry.firsts.setdefault(s, seen + firsts[s])
            seen += result.rows

        paths: list[str] = []
        if args.names:
            values: list[str | None] = list(args.names)
            gather(ChunkResult(rows=len(values), keys=gather_keys(values, translit.key_many(values))))
        else:
            paths = _spool_stdin(args, run)
            run.gather = gather
            for path in paths:
                run_source(run, path)
            run.gather = None
        by_spelling = getattr(args, "by", "key") == "same_name"
        spelling_groups: dict[str, str] = {}
        if by_spelling:
            groups, spelling_groups = _joined(groups)
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
        if by_spelling:  # rows by spelling: same_name keeps some key-equal spellings apart
            numbers = {s: numbers[named] for s, named in spelling_groups.items()}
        run.workers.use_groups(numbers, by_spelling)
        run.verb = "group-rows"
        run.header = run.output = run.format = None
        run.started = False
        run.report = False
        if args.names:
            run_names(run, args.names)
        else:
            run.progress.close()
            run.progress = Progress(run.progress.enabled, run.progress.total_bytes)
            for path in paths:
                run_source(run, path)
    return EXIT_OK


def _joined(groups: dict[str, _Grouped]) -> tuple[dict[str, _Grouped], dict[str, str]]:
    """The distinct spellings grouped as translit.group(by="same_name") groups them, which
    joins key groups and also parts key-equal spellings that same_name keeps apart
    (Makiyivka / Makivka); and each spelling's group (named by its first spelling)."""
    counts = {s: n for g in groups.values() for s, n in g.spellings.items()}
    firsts = {s: f for g in groups.values() for s, f in g.firsts.items()}
    spellings = sorted(counts, key=firsts.__getitem__)  # in order of first appearance
    named: dict[str, str] = {}
    joined: dict[str, _Grouped] = {}
    for component in translit.group(spellings, by="same_name"):
        first = min(component.names, key=firsts.__getitem__)
        members = sorted(component.names, key=firsts.__getitem__)
        joined[first] = _Grouped(first, firsts[first], {s: counts[s] for s in members},
                                 {s: firsts[s] for s in members})
        named.update((s, first) for s in members)
    return joined, named


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
        rows.append((n, g.size, chosen[g.key], translit.key(chosen[g.key]), [s for s, _ in spellings],
                     [c for _, c in spellings]))
    if fmt == "jsonl":
        text = "".join(json_object(list(zip(names, r, strict=True))) + "\n" for r in rows)
    elif fmt == "text":
        head = "" if run.args.no_header else "\t".join(names) + "\n"
        text = head + "".join("\t".join(str(_cell_join(c)) for c in r) + "\n" for r in rows)
    else:
        layout = Layout(fmt, "\t" if fmt == "tsv" else ",", None if fmt == "tsv" else '"')
        table = [list(names), *([_cell_join(c) for c in r] for r in rows)]
        text = write_table(table, layout, "\r\n", lambda i: InputError(
            "output", "a name holds a tab or a line break; use --format csv"))
    run.write(text.encode("utf-8", "backslashreplace"))


def _cell_join(value: Any) -> Any:
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value


