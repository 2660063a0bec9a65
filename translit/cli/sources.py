"""Input files opened for reading: standard input or a path, a byte order mark read, UTF-16
and UTF-32 converted to UTF-8 with positions counted in the original file."""

from __future__ import annotations

import codecs
import io
import os
import stat
import sys
from dataclasses import dataclass
from typing import Any

from . import records
from .records import InputError

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
            block = self.raw.read(max(size, records.BLOCK))
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
    bom: bool = False  # it began with a byte order mark (kept on CSV and TSV output)

    def close(self) -> None:
        if self.owned:
            self.stream.close()


def open_source(path: str, errors: str) -> Source:
    """Open *path* ('-' is standard input); a byte order mark picks the encoding."""
    if path == "-":
        raw: Any = getattr(sys.stdin, "buffer", None) or _Encoded(sys.stdin)
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
    while len(head) < _HEAD:
        piece = raw.read(_HEAD - len(head))
        if not piece:
            break
        head += piece
    owned = path != "-"
    for bom, encoding, label in _BOMS:
        if head.startswith(bom):
            rest = _Prefixed(head[len(bom) :], raw)
            if encoding == "utf-8":
                return Source(name, rest, len(bom), size, exact=True, owned=owned, bom=True)
            stream: Any = _Transcoder(rest, encoding, label, len(bom), name, errors)
            note = f"{name}: {label} with a byte order mark; converting it to UTF-8"
            return Source(name, stream, 0, size, exact=False, note=note, owned=owned, bom=True)
    kind = binary_kind(head)
    if kind:
        if owned:
            raw.close()
        raise InputError(name, kind)
    return Source(name, _Prefixed(head, raw), 0, size, exact=True, owned=owned)


#: How many bytes are looked at for a byte order mark or a binary file's signature.
_HEAD = 4096
#: Signatures of the binary files that are given where text is meant, and what to do.
_SIGNATURES = (
    (b"\x1f\x8b", "a gzip file", "decompress it: zcat FILE | translit ..."),
    (b"BZh", "a bzip2 file", "decompress it: bzcat FILE | translit ..."),
    (b"\xfd7zXZ\x00", "an xz file", "decompress it: xzcat FILE | translit ..."),
    (b"PK\x03\x04", "a ZIP archive (an .xlsx or .ods workbook?)",
     "save the sheet as CSV (UTF-8) and read that"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.xls?)", "save the sheet as CSV (UTF-8)"),
    (b"%PDF", "a PDF document", "extract its text first (pdftotext)"),
    (b"PAR1", "a Parquet file", "read it with translit's DuckDB, polars or Arrow functions"),
    (b"SQLite format 3\x00", "an SQLite database", "export the table as CSV"),
    (b"\x89PNG", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"\x7fELF", "a program (ELF)", ""),
)


#: Bytes that text holds: everything but the C0 controls other than TAB, LF, VT, FF, CR.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\x0b\x0c\r")


def binary_kind(head: bytes) -> str:
    """What is wrong with a file that begins with *head*, when it is not text: a known
    binary format, UTF-16 or UTF-32 without a byte order mark, or NUL bytes throughout."""
    for signature, kind, advice in _SIGNATURES:
        if head.startswith(signature):
            return f"is {kind}, not text" + (f": {advice}" if advice else "")
    controls = head.translate(None, _TEXT_BYTES)  # NUL and the other C0 controls but TAB, LF,
    if len(head) >= 8 and len(controls) * 4 >= len(head):  # VT, FF, CR (UTF-16's high bytes)
        even = len(head[0::2].translate(None, _TEXT_BYTES))
        odd = len(head[1::2].translate(None, _TEXT_BYTES))
        quarter = len(head) // 4
        if all(head[i::4].count(0) * 10 >= quarter * 9 for i in (2, 3)):
            guess = "UTF-32LE"
        elif all(head[i::4].count(0) * 10 >= quarter * 9 for i in (0, 1)):
            guess = "UTF-32BE"
        elif odd > 3 * even:
            guess = "UTF-16LE"
        elif even > 3 * odd:
            guess = "UTF-16BE"
        else:
            return "is a binary file, not text (control bytes throughout its start)"
        return (f"looks like {guess} without a byte order mark: convert it to UTF-8 (iconv -f "
                f"{guess.lower()} -t utf-8 FILE)")
    return ""


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




class _Encoded:
    """A text stream without .buffer (a replaced sys.stdin) read as UTF-8 bytes."""

    def __init__(self, text: Any) -> None:
        self.text = text

    def read(self, size: int = -1) -> bytes:
        data: str = self.text.read(size)
        return data.encode("utf-8", "surrogateescape")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")

    def close(self) -> None:
        self.text.close()
