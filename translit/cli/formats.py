"""How records are written: layouts (format and dialect), the delimiter sniffed, atomic
output files, JSON text of values and objects, notes on odd records, tables written."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from .records import InputError

# --- layouts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How records are written: the format, and for CSV and TSV the dialect."""

    format: str  # lines, csv, tsv, jsonl
    delimiter: str = ","
    quotechar: str | None = '"'  # None: quotes are data (the usual TSV)
    terminator: str = "\n"  # the line end written

    def reader_options(self) -> dict[str, Any]:
        if self.quotechar is None:
            return {"delimiter": self.delimiter, "quoting": csv.QUOTE_NONE, "quotechar": None,
                    "strict": True}
        return {"delimiter": self.delimiter, "quotechar": self.quotechar, "strict": True,
                "doublequote": True, "quoting": csv.QUOTE_MINIMAL}

    writer_options = reader_options


_DELIMITERS = (",", "\t", ";", "|")


def sniff_delimiter(line: str, default: str = ",") -> str:
    """The delimiter of a header line: the commonest of , TAB ; | outside quotes."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = [(outside.count(d), -i, d) for i, d in enumerate(_DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else default


def line_end(line: str) -> str:
    for end in ("\r\n", "\n", "\r"):
        if line.endswith(end):
            return end
    return "\n"


# --- output ---------------------------------------------------------------------------------


class AtomicFile:
    """``-o FILE``: written beside it under a temporary name, renamed over it when complete.

    An interrupted or failing run leaves FILE as it was (or absent) and no temporary file.
    """

    def __init__(self, path: str) -> None:
        self.given = Path(path)
        # A symbolic link is written through: its target is replaced, the link stays.
        self.path = Path(path).resolve() if Path(path).is_symlink() else Path(path)
        self.temp: Path | None = None
        self.file: BinaryIO | None = None
        self.direct = False

    def __enter__(self) -> BinaryIO:
        if _is_special(self.given):
            # /dev/null, /dev/stdout, a FIFO, a terminal: written into, never replaced (a
            # rename over /dev/null, as root, made it a regular file)
            self.direct = True
            try:
                self.file = open(self.given, "wb", buffering=1 << 20)
            except OSError as exc:
                raise InputError(str(self.given), f"cannot write here: {exc.strerror}") from None
            return self.file
        directory = self.path.resolve().parent
        # the name is known before the file exists, so that a signal (Terminated) arriving
        # between its creation and the with-block's start removes it too (an __enter__ that
        # raises gets no __exit__: a .part file was left when SIGHUP came in that moment)
        self.temp = directory / f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}.part"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.temp, flags, 0o600)
        except OSError as exc:  # nothing was created (O_EXCL: never another's file)
            raise InputError(str(self.path), f"cannot write here: {exc.strerror}") from None
        except BaseException:
            self.temp.unlink(missing_ok=True)
            raise
        try:
            self.file = os.fdopen(fd, "wb", buffering=1 << 20)
        except BaseException:
            os.close(fd)
            self.temp.unlink(missing_ok=True)
            raise
        return self.file

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self.file is not None
        if self.direct:
            self.file.close()
            return
        assert self.temp is not None
        if kind is None:
            try:
                self.file.flush()
                os.fsync(self.file.fileno())
                self.file.close()
                os.chmod(self.temp, _mode_for(self.path))
                os.replace(self.temp, self.path)
                return
            except BaseException:
                self.temp.unlink(missing_ok=True)
                raise
        try:
            self.file.close()
        finally:
            self.temp.unlink(missing_ok=True)


def _is_special(path: Path) -> bool:
    """An existing file that is not a regular one (after links): a device, FIFO or socket."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# --- records in, records out ---------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def json_value(value: Any) -> str:
    """*value* as JSON text; a string with a lone surrogate keeps it as a \\u escape."""
    text = json.dumps(value, ensure_ascii=False)
    if not text.isascii() and _SURROGATE.search(text):
        return json.dumps(value)
    return text


def append_to_object(line: str, pairs: Sequence[tuple[str, Any]]) -> str:
    """A JSON object's text with *pairs* added at its end; everything else kept byte for byte."""
    body = line.rstrip(" \t\r\n")
    inner = body[:-1].rstrip(" \t\r\n")
    added = ", ".join(f"{json_value(k)}: {json_value(v)}" for k, v in pairs)
    return f"{inner}{'' if inner.endswith('{') else ', '}{added}}}"


def json_object(pairs: Sequence[tuple[str, Any]]) -> str:
    return "{" + ", ".join(f"{json_value(k)}: {json_value(v)}" for k, v in pairs) + "}"


@dataclass
class Notes:
    """What a chunk met that is kept but worth telling: kind → (count, first line)."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, kind: str, line: int) -> None:
        entry = self.counts.get(kind)
        if entry is None:
            self.counts[kind] = [1, line]
        else:
            entry[0] += 1

    def merge(self, other: Notes) -> None:
        for kind, (count, line) in other.counts.items():
            entry = self.counts.get(kind)
            if entry is None:
                self.counts[kind] = [count, line]
            else:
                entry[0] += count


def open_quote(text: str, delimiter: str, quote: str) -> tuple[int, int]:
    """Where the quoted field that *text* leaves open begins: (line, byte in that line), both
    counted from 0."""
    unquoted = re.compile(f"[{re.escape(delimiter)}\r\n]")
    pos, n = 0, len(text)
    at_field_start = True
    opened = 0
    while pos < n:
        if at_field_start and text[pos] == quote:
            opened = pos
            search = pos + 1
            while True:
                close = text.find(quote, search)
                if close < 0:
                    return _position(text, opened)
                if text.startswith(quote, close + 1):
                    search = close + 2
                    continue
                pos = close + 1
                break
            at_field_start = False
            continue
        found = unquoted.search(text, pos)
        if found is None:
            break
        pos = found.end() + (found.group() == "\r" and text.startswith("\n", found.end()))
        at_field_start = True
    return _position(text, opened)


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return _breaks_in(before), len(before[start:].encode("utf-8", "surrogatepass"))


def _breaks_in(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def record_spans(text: str, options: dict[str, Any]) -> list[tuple[int, int]]:
    """For each record of *text*, the range of lines (0-based, end excluded) it covers."""
    reader = csv.reader(io.StringIO(text, newline=""), **options)
    spans = []
    before = 0
    for _ in reader:
        spans.append((before, reader.line_num))
        before = reader.line_num
    return spans


def rows_touching(spans: Sequence[tuple[int, int]], lines: Sequence[int]) -> int:
    """How many of the spans hold at least one of *lines* (both sorted)."""
    count = 0
    i = 0
    for start, end in spans:
        while i < len(lines) and lines[i] < start:
            i += 1
        if i < len(lines) and lines[i] < end:
            count += 1
    return count


#: What the csv writer ends records with when a field may hold a CR or LF that the real line
#: end lacks.  The writer quotes every field that holds a character of its line end, and
#: looks for no other CR or LF, so with an LF line end a field holding a bare CR would be
#: written unquoted and read back as two records.  So the records are written ending with
#: both, and the ends replaced afterwards: LF CR when it occurs nowhere else in the output
#: (counted), else a string holding U+D800, a lone surrogate that no UTF-8 input decodes to.
_ENDS = ("\n\r", "\r\ud800\n")


def write_table(
    rows: list[list[Any]], layout: Layout, text: str, where: Callable[[int], InputError]
) -> str:
    """CSV or TSV text of *rows*, every record ended by layout.terminator.

    *text* is what the rows were read from (to see whether a field may hold a CR or LF that
    the line end lacks).  TSV without quotes cannot hold a tab or a line break in a field:
    where(i) is raised for the first row i that holds one.
    """
    options = layout.writer_options()
    end = layout.terminator
    stray = ("\r" not in end and "\r" in text) or ("\n" not in end and "\n" in text)
    for sentinel in _ENDS if stray else (end,):
        out = io.StringIO()
        try:
            csv.writer(out, lineterminator=sentinel, **options).writerows(rows)
        except csv.Error:
            for i, row in enumerate(rows):
                try:
                    csv.writer(io.StringIO(), lineterminator=sentinel, **options).writerow(row)
                except csv.Error:
                    raise where(i) from None
            raise
        written = out.getvalue()
        if sentinel == end:
            return written
        if sentinel != _ENDS[0] or written.count(sentinel) == len(rows):
            return written.replace(sentinel, end)
    raise AssertionError("unreachable")

