"""Name files for the command line: plain lines, CSV, TSV and JSON Lines, in and out.

A file is read as bytes, in chunks that end where a record ends, so that

* every position in a message is counted in the file: absolute byte offset, physical line
  (a line ends at LF, CRLF or CR, as the csv module counts them);
* memory stays the same however large the file is;
* chunks can be processed in parallel and written back in order.

Where a chunk ends is guessed from the parity of quote characters (a line break after an
even number of quotes ends a record).  The guess is checked, never trusted: the parser
reports a chunk whose last record leaves a quoted field open, and where its whole records
end; the caller takes those and reads on from there.  So a stray quote in an unquoted field
(``O"Brien``) costs time, never correctness.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from .errors import TranslitError

#: The longest field a CSV or TSV file may hold, in characters.  The csv module's default
#: (131,072) rejects real data; no limit at all lets a quote left open read the whole file.
FIELD_LIMIT = 1 << 26
#: How many bytes a chunk holds (it grows when one record is longer).
BLOCK = 1 << 18


def allow_long_fields() -> None:
    """Raise the csv module's field limit to FIELD_LIMIT (a setting of the whole process, so
    the command line sets it, not the import of this module)."""
    if csv.field_size_limit() != FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


FORMATS = ("lines", "csv", "tsv", "jsonl")
OUTPUT_FORMATS = ("text", "csv", "tsv", "jsonl")
#: The column that holds the input when it has no columns of its own (names, plain lines).
INPUT_COLUMN = "input"


class InputError(TranslitError):
    """Input that cannot be read as it says it is: names the file, line and byte offset."""

    def __init__(
        self, file: str, problem: str, line: int | None = None, offset: int | None = None
    ) -> None:
        self.file = file
        self.problem = problem
        self.line = line
        self.offset = offset
        where = [file]
        if line is not None:
            where.append(f"line {line}")
        if offset is not None:
            where.append(f"byte offset {offset}")
        super().__init__(f"{', '.join(where)}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:  # raised in worker processes, re-raised here
        return (type(self), (self.file, self.problem, self.line, self.offset))


# --- where records end --------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """Whole records of one file: their bytes, and where they start in the file."""

    data: bytes
    offset: int  # absolute byte offset of data[0]
    line: int  # physical line (1-based) of data[0]
    last: bool  # nothing follows in the file


def count_breaks(data: bytes, start: int = 0, end: int | None = None) -> int:
    """How many line breaks (LF, CRLF, CR) data[start:end] holds."""
    stop = len(data) if end is None else end
    crs = data.count(b"\r", start, stop)
    lfs = data.count(b"\n", start, stop)
    return lfs + crs - data.count(b"\r\n", start, stop) if crs else lfs


_BREAK = re.compile(rb"\r\n|\r|\n")


def line_offset(data: bytes, lines: int) -> int:
    """The index in *data* where its line number *lines* (0-based) starts."""
    if lines <= 0:
        return 0
    for n, match in enumerate(_BREAK.finditer(data), start=1):
        if n == lines:
            return match.end()
    return len(data)


def _find_cut(buf: bytes, limit: int, eof: bool, quote: int | None, floor: int = 0) -> int:
    """The end of the last record that ends in buf[floor + 1:limit] by the quote-parity guess,
    or 0 when no line ends there."""
    end = limit
    fallback = 0
    for _ in range(16):
        newline = buf.rfind(b"\n", floor, end)
        ret = buf.rfind(b"\r", floor, end)
        at = max(newline, ret)
        if at < 0:
            return fallback
        if at == ret:  # a CR: a break of its own unless an LF follows
            if at + 1 < len(buf):
                cut = at + 2 if buf[at + 1] == 0x0A else at + 1
            elif eof:
                cut = at + 1
            else:  # the LF that may follow is not read yet
                end = at
                continue
        else:
            cut = at + 1
        if quote is None or buf.count(quote, 0, cut) % 2 == 0:
            return cut
        fallback = fallback or cut  # checked by the parser all the same
        end = buf.rfind(quote, 0, cut)
    return fallback


class Chunker:
    """Cuts a byte stream into chunks of whole records (see the module's docstring)."""

    def __init__(
        self, stream: Any, *, offset: int = 0, quote: str | None = None, block: int | None = None
    ) -> None:
        self.stream = stream
        self.offset = offset
        self.line = 1
        self.block = block or BLOCK
        self.quote = quote
        self._buf = b""
        self._eof = False

    @property
    def quote(self) -> str | None:
        return None if self._quote is None else chr(self._quote)

    @quote.setter
    def quote(self, char: str | None) -> None:
        self._quote = ord(char) if char and ord(char) < 128 else None

    def _fill(self, size: int) -> None:
        parts = [self._buf]
        have = len(self._buf)
        while have < size and not self._eof:
            piece = self.stream.read(max(size - have, self.block))
            if not piece:
                self._eof = True
                break
            parts.append(piece)
            have += len(piece)
        self._buf = b"".join(parts)

    def next_chunk(self, beyond: int = 0, exact: int | None = None) -> Chunk | None:
        """The next chunk: longer than *beyond* bytes (the length of a chunk whose last record
        was not whole) when the file has them, or exactly *exact* bytes (where the caller
        knows that a record ends)."""
        size = max(self.block, 2 * beyond, exact or 0)
        self._fill(size)
        while True:
            buf = self._buf
            if not buf:
                return None
            if exact is not None:
                cut = min(exact, len(buf))
            elif self._eof and len(buf) <= size:
                cut = len(buf)
            else:
                cut = _find_cut(buf, size, self._eof, self._quote, beyond)
            if cut:
                break
            size *= 2  # one record is longer than a block
            self._fill(size)
        data = buf[:cut]
        self._buf = buf[cut:]
        chunk = Chunk(data, self.offset, self.line, self._eof and not self._buf)
        self.offset += cut
        self.line += count_breaks(data)
        return chunk

    def unread(self, chunk: Chunk) -> None:
        """Put *chunk* back: the next chunk starts where it started."""
        if chunk.data:
            self._buf = chunk.data + self._buf
            self.offset = chunk.offset
            self.line = chunk.line


# --- bytes to text --------------------------------------------------------------------------

_BAD: list[int] = []


def _remember(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _BAD.append(exc.start)
    return "\ufffd", exc.end


def _mark(exc: UnicodeError) -> tuple[str, int]:
    # A lone surrogate that encodes (surrogateescape) to the invalid UTF-8 byte 0xFF, so that
    # what a converted UTF-16 file could not decode is found and counted like bad UTF-8.
    assert isinstance(exc, UnicodeDecodeError)
    return "\udcff", exc.end


codecs.register_error("translit.remember", _remember)
codecs.register_error("translit.mark", _mark)


def _looks_like_cp1251(data: bytes, at: int) -> bool:
    """Many bad sequences around *at*, and Windows-1251 would read them as Cyrillic letters."""
    sample = data[max(0, at - 200) : at + 200]
    if sample.decode("utf-8", "replace").count("\ufffd") < 3:
        return False
    high = [b for b in sample if b >= 0x80]
    return sum(1 for b in high if b >= 0xC0 or b in (0xA8, 0xB8, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2,
                                                        0xB3, 0xA5, 0xB4, 0xA1, 0xA2)) * 10 \
        >= 9 * len(high)


def _utf8_error(file: str, chunk: Chunk, exc: UnicodeDecodeError) -> InputError:
    data = chunk.data
    bad = data[exc.start : exc.end]
    line = chunk.line + count_breaks(data, 0, exc.start)
    if exc.reason == "unexpected end of data":
        problem = f"invalid UTF-8: the file ends inside a character (bytes {bad.hex(' ')})"
    else:
        problem = f"invalid UTF-8: {exc.reason} (byte 0x{bad[0]:02X})"
    if _looks_like_cp1251(data, exc.start):
        problem += "; the file looks like Windows-1251: convert it with iconv -f cp1251 -t utf-8"
    problem += "; --errors replace substitutes U+FFFD"
    return InputError(file, problem, line, chunk.offset + exc.start)


def decode(chunk: Chunk, errors: str, file: str) -> tuple[str, list[int]]:
    """The chunk's text, and the lines (0-based, in the chunk) where bytes were replaced.

    errors='strict' raises InputError naming the physical line and absolute byte offset of
    the first invalid byte; errors='replace' substitutes U+FFFD for each bad sequence.
    """
    try:
        return chunk.data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if errors == "strict":
            raise _utf8_error(file, chunk, exc) from None
    _BAD.clear()
    text = chunk.data.decode("utf-8", "translit.remember")
    lines: list[int] = []
    line = last = 0
    for position in _BAD:
        line += count_breaks(chunk.data, last, position)
        last = position
        if not lines or lines[-1] != line:
            lines.append(line)
    _BAD.clear()
    return text, lines


#: What str.splitlines() breaks at besides LF, CRLF and CR; csv and files do not.
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _other_breaks(text: str) -> bool:
    return any(c in text for c in _OTHER_BREAKS)  # eight scans in C beat one regex
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of *text* with their ends, broken at LF, CRLF and CR only (as csv does)."""
    if not _other_breaks(text):
        return text.splitlines(True)
    return _LINE.findall(text)


def split_values(text: str) -> list[str]:
    """The lines of *text* without their ends, broken at LF, CRLF and CR only."""
    if not _other_breaks(text):
        return text.splitlines()
    values = _LINE_END.split(text)
    if values and values[-1] == "":
        values.pop()
    return values


# --- sources --------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 (little-endian)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 (big-endian)"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian)"),
)


class _Transcoder:
    """A UTF-16 or UTF-32 stream read as UTF-8 bytes; bad input named in the original file."""

    def __init__(
        self, raw: Any, encoding: str, label: str, start: int, file: str, errors: str
    ) -> None:
        self.raw = raw
        self.encoding = encoding
        self.label = label
        self.file = file
        self.decoder = codecs.getincrementaldecoder(encoding)(
            "strict" if errors == "strict" else "translit.mark"
        )
        self.fed = start
        self.lines = 0
        self.cr = False
        self.done = False

    def _count(self, text: str) -> None:
        self.lines += text.count("\n") + text.count("\r") - text.count("\r\n")
        if self.cr and text.startswith("\n"):
            self.lines -= 1
        if text:
            self.cr = text.endswith("\r")

    def read(self, size: int = -1) -> bytes:
        while not self.done:
            block = self.raw.read(max(size, BLOCK))
            final = not block
            pending = len(self.decoder.getstate()[0])
            try:
                text = self.decoder.decode(block, final)
            except UnicodeDecodeError as exc:
                before = bytes(exc.object[: exc.start]).decode(self.encoding, "replace")
                self._count(before)
                offset = self.fed - pending + exc.start
                raise InputError(
                    self.file,
                    f"invalid {self.label}: {exc.reason}; --errors replace substitutes U+FFFD",
                    self.lines + 1,
                    offset,
                ) from None
            self.fed += len(block)
            self.done = final
            self._count(text)
            out = text.encode("utf-8", "surrogateescape")
            if out:
                return out
        return b""

    def close(self) -> None:
        self.raw.close()


@dataclass
class Source:
    """An input file opened for reading: its bytes as UTF-8, and what was found on the way."""

    name: str
    stream: Any  # has read(size) -> bytes
    start: int  # where the data starts (after a byte order mark)
    size: int | None  # bytes in all, when known (for the progress bar's estimate)
    exact: bool  # byte offsets of the UTF-8 stream are offsets in the file
    note: str = ""  # what the user should be told (a converted encoding)
    owned: bool = True  # opened here, so closed here (standard input is not)

    def close(self) -> None:
        if self.owned:
            self.stream.close()


def open_source(path: str, errors: str) -> Source:
    """Open *path* ('-' is standard input); a byte order mark picks the encoding."""
    if path == "-":
        raw: Any = getattr(sys.stdin, "buffer", sys.stdin)
        name = "<stdin>"
    else:
        name = path
        try:
            raw = open(path, "rb")  # closed by Source.close
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror}") from None
    size: int | None = None
    try:
        status = os.fstat(raw.fileno())
        if stat.S_ISREG(status.st_mode):
            size = status.st_size
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        pass
    head = b""
    while len(head) < 4:
        piece = raw.read(4 - len(head))
        if not piece:
            break
        head += piece
    for bom, encoding, label in _BOMS:
        if head.startswith(bom):
            rest = _Prefixed(head[len(bom) :], raw)
            if encoding == "utf-8":
                return Source(name, rest, len(bom), size, exact=True, owned=path != "-")
            stream: Any = _Transcoder(rest, encoding, label, len(bom), name, errors)
            note = f"{name}: {label} with a byte order mark; converting it to UTF-8"
            return Source(name, stream, 0, size, exact=False, note=note, owned=path != "-")
    return Source(name, _Prefixed(head, raw), 0, size, exact=True, owned=path != "-")


class _Prefixed:
    """A stream with the bytes already read from it put back in front."""

    def __init__(self, head: bytes, raw: Any) -> None:
        self.head = head
        self.raw = raw

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            data: bytes = self.raw.read(size)
            return data
        head, self.head = self.head, b""
        if 0 <= size <= len(head):
            self.head = head[size:]
            return head[:size]
        rest: bytes = self.raw.read(-1 if size < 0 else size - len(head))
        return head + rest

    def close(self) -> None:
        self.raw.close()


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
        self.path = Path(path)
        self.temp: Path | None = None
        self.file: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        import tempfile

        directory = self.path.resolve().parent
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                        dir=directory)
        except OSError as exc:
            raise InputError(str(self.path), f"cannot write here: {exc.strerror}") from None
        self.temp = Path(name)
        self.file = os.fdopen(fd, "wb", buffering=1 << 20)
        return self.file

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self.file is not None and self.temp is not None
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
