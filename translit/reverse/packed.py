"""Compact stores for the model's large parts, and the container file that ships them.

A language's names (hundreds of thousands) as Python strings in a list would take some 40 MB;
here they are one string with an array of offsets, read by bisect through a sequence view.
The container (translit/data/reverse-model.bin.gz, written by tools/build_reverse.py) is a
gzip'd JSON header line followed by the named sections it lists: UTF-8 text or little-endian
arrays of unsigned integers.
"""

from __future__ import annotations

import bisect
import gzip
import io
import itertools
import json
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from ..memo import bounded
from .settings import SEARCH_MEMO

#: the array type codes a section may have (sizes checked where an array is made)
_TYPECODES = {"B": 1, "H": 2, "I": 4, "Q": 8}


def unsigned(typecode: str, values: Iterable[int] = ()) -> array[int]:
    """An array of unsigned integers of the width the container stores for *typecode*."""
    out = array(typecode, values)
    if out.itemsize != _TYPECODES[typecode]:  # pragma: no cover - an unusual C compiler
        raise RuntimeError(f"array({typecode!r}) is {out.itemsize} bytes here")
    return out


#: every this many items, one is kept as a str for the first, C-speed step of a search
_STRIDE = 16


class _Offsets:
    """Item i of a PackedWords, with no checks: what bisect reads (it asks only valid places)."""

    __slots__ = ("offsets", "text")

    def __init__(self, text: str, offsets: array[int]) -> None:
        self.text = text
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> str:
        offsets = self.offsets
        return self.text[offsets[i] : offsets[i + 1]]


class _Widths:
    """Item i of a FixedWords, with no checks (as _Offsets)."""

    __slots__ = ("text", "width")

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = width

    def __len__(self) -> int:
        return len(self.text) // self.width if self.width else 0

    def __getitem__(self, i: int) -> str:
        width = self.width
        return self.text[i * width : i * width + width]


class _SortedText(Sequence[str]):
    """A sorted sequence of strings held in one text; bisect_left() searches it in two steps:
    bisect over every _STRIDE-th item (a list), then within the stride."""

    __slots__ = ("_heads", "_items", "bisect_left")
    _heads: list[str]
    _items: _Offsets | _Widths
    #: the first place whose item is not less than a text (as bisect.bisect_left)
    bisect_left: Callable[[str], int]

    def _index_heads(self, memo: int = 0) -> None:
        """Keep every _STRIDE-th item; with *memo*, remember that many searches (the walk and
        the searches ask for the same prefixes name after name)."""
        self._heads = [self._items[i] for i in range(0, len(self), _STRIDE)]
        self.bisect_left = bounded(memo)(self._search) if memo else self._search

    def _search(self, text: str) -> int:
        b = bisect.bisect_left(self._heads, text)
        lo = (b - 1) * _STRIDE if b else 0
        hi = min(b * _STRIDE, len(self))
        return bisect.bisect_left(self._items, text, lo, hi)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        raise NotImplementedError  # pragma: no cover - defined by each store


class PackedWords(_SortedText):
    """Sorted strings kept as one text and their end offsets."""

    __slots__ = ("_offsets", "_text")

    def __init__(self, text: str, offsets: array[int]) -> None:
        self._text = text
        self._offsets = offsets  # offsets[i]:offsets[i+1] is item i; offsets[0] == 0
        self._items = _Offsets(text, offsets)
        self._index_heads(SEARCH_MEMO)

    @classmethod
    def of(cls, words: Iterable[str]) -> PackedWords:
        words = list(words)
        return cls("".join(words), unsigned("I", itertools.accumulate(map(len, words), initial=0)))

    @classmethod
    def from_lengths(cls, text: str, lengths: array[int]) -> PackedWords:
        return cls(text, unsigned("I", itertools.accumulate(lengths, initial=0)))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        offsets = self._offsets
        if index < 0:
            index += len(offsets) - 1
        if not 0 <= index < len(offsets) - 1:
            raise IndexError(index)
        return self._text[offsets[index] : offsets[index + 1]]

    def item(self, index: int) -> str:
        """Item *index*, 0 <= index < len(self), unchecked."""
        offsets = self._offsets
        return self._text[offsets[index] : offsets[index + 1]]

    def __iter__(self) -> Iterator[str]:
        text = self._text
        for start, end in itertools.pairwise(self._offsets):
            yield text[start:end]

    @property
    def text(self) -> str:
        return self._text

    def lengths(self, typecode: str) -> array[int]:
        offsets = self._offsets
        return unsigned(typecode, (offsets[i + 1] - offsets[i] for i in range(len(self))))


class FixedWords(_SortedText):
    """Sorted strings of one length kept as one text."""

    __slots__ = ("_count", "_text", "_width")

    def __init__(self, text: str, width: int) -> None:
        self._text = text
        self._width = width
        self._count = len(text) // width if width else 0
        self._items = _Widths(text, width)
        self._index_heads()

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        width = self._width
        return self._text[index * width : index * width + width]

    @property
    def text(self) -> str:
        return self._text


def dump(header: Mapping[str, Any], sections: Mapping[str, str | array[int]]) -> bytes:
    """The container: *header* (JSON-able) and the sections, gzip'd reproducibly (mtime 0)."""
    listed = []
    blobs = []
    for name, value in sections.items():
        if isinstance(value, str):
            blob, kind = value.encode("utf-8"), "str"
        else:
            little = array(value.typecode, value)
            if sys.byteorder == "big":  # pragma: no cover - the container is little-endian
                little.byteswap()
            blob, kind = little.tobytes(), value.typecode
        listed.append([name, kind, len(blob)])
        blobs.append(blob)
    head = json.dumps({**header, "sections": listed}, ensure_ascii=False, sort_keys=True)
    return gzip.compress(b"".join([head.encode("utf-8"), b"\n", *blobs]), 9, mtime=0)


def load(data: bytes) -> tuple[dict[str, Any], dict[str, str | array[int]]]:
    """The header and sections of a container that dump() wrote."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        header = read_header(stream)
        return header, read_sections(stream, header)


def read_header(stream: io.BufferedIOBase) -> dict[str, Any]:
    """The header of a container (a gzip stream), read first so that a caller can stop there."""
    header: dict[str, Any] = json.loads(stream.readline())
    return header


def read_sections(stream: io.BufferedIOBase, header: dict[str, Any]) -> dict[str, str | array[int]]:
    """The sections that follow *header*, read one at a time (the whole file never is)."""
    sections: dict[str, str | array[int]] = {}
    for name, kind, size in header.pop("sections"):
        blob = stream.read(size)
        if len(blob) != size:
            raise ValueError(f"section {name!r} is cut short")
        if kind == "str":
            sections[name] = str(blob, "utf-8")
        else:
            values = unsigned(kind)
            values.frombytes(blob)
            if sys.byteorder == "big":  # pragma: no cover
                values.byteswap()
            sections[name] = values
    return sections
