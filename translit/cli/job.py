"""What a worker needs to turn a chunk of input into a chunk of output, and what it gives
back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .formats import Layout, Notes
from .records import Chunk, InputError, line_offset
from .verbs import Settings


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to turn a chunk of input into a chunk of output."""

    verb: str  # a VERBS key, "group" (keys gathered), "group-rows" (groups looked up) or
    # "values" (the values and their lines gathered: check's name lists)
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
    ragged: str = "error"  # rows with more or fewer fields than the header: error, pad, keep


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
    keys: dict[str, list[Any]] | None = None  # group: key → [first row, counts, first rows]
    values: list[tuple[int, str]] | None = None  # values: (the record's line, its value)
    objects: int = 0  # JSON Lines: the lines that hold an object …
    with_field: int = 0  # … and of them, those that have the field
    fields_seen: tuple[str, ...] = ()  # the first object's fields


def error_at(job: Job, chunk: Chunk, line: int, problem: str, column: int = 0) -> InputError:
    """An InputError at the chunk's line *line* (0-based), *column* bytes into it."""
    offset = chunk.offset + line_offset(chunk.data, line) + column if job.exact else None
    return InputError(job.file, problem, chunk.line + line, offset)


