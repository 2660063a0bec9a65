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
import re
from dataclasses import dataclass
from typing import Any

from translit.errors import TranslitError

#: The longest field a CSV or TSV file may hold, in characters.  The csv module's default
#: (131,072) rejects real data; no limit at all lets a quote left open read the whole file.
FIELD_LIMIT = 1 << 26
#: How many bytes a chunk holds (it grows when one record is longer).  Small enough that a
#: chunk's text and output are made and freed in memory the process already has: at 256 KiB
#: they were mapped and faulted in anew for every chunk (140,000 page faults and 0.4 s of
#: system time on a 1M-row file).
BLOCK = 1 << 16


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
    if data.find(b"\r", start, stop) < 0:  # a search in C at memory speed, not a count
        return data.count(b"\n", start, stop)
    crs = data.count(b"\r", start, stop)
    lfs = data.count(b"\n", start, stop)
    return lfs + crs - data.count(b"\r\n", start, stop)


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


