"""One chunk of one file, read, sent through the verb and written (in worker processes
too): CSV and TSV records parsed with the position of any error, JSON Lines objects read."""

from __future__ import annotations

import csv
import json
import re
from itertools import compress, repeat
from operator import contains, itemgetter
from typing import Any

import translit
from translit.letters import ALPHABETS

from .formats import open_quote, record_spans, rows_touching
from .job import ChunkResult, Job, error_at
from .records import Chunk, allow_long_fields, decode, line_offset, split_lines, split_values
from .render import OneLineRecords, appends_to_lines, render
from .verbs import batch_for


class OpenRecord(Exception):
    """The chunk ends inside a quoted field; its first *complete* bytes are whole records."""

    def __init__(self, complete: int) -> None:
        super().__init__(complete)
        self.complete = complete


# group-rows: key → (group number, representative); with --by same_name, spelling → (…): there
# same_name may keep key-equal spellings apart (Makiyivka / Makivka), so rows go by spelling
GROUPS: dict[str, tuple[int, str]] = {}
BY_SPELLING = False


def set_groups(groups: dict[str, tuple[int, str]], by_spelling: bool = False) -> None:
    global GROUPS, BY_SPELLING
    GROUPS, BY_SPELLING = groups, by_spelling


def apply_verb(job: Job, values: list[str | None]) -> list[Any]:
    if job.verb == "group":
        return translit.key_many(values)
    if job.verb == "group-rows":
        keys = translit.key_many(values)
        if BY_SPELLING:
            return [GROUPS[v] if k and v is not None else None
                    for v, k in zip(values, keys, strict=True)]
        return [GROUPS[k] if k else None for k in keys]  # blank, placeholder: in no group
    return batch_for(job.verb, job.settings)(values)


def run_chunk(job: Job, chunk: Chunk) -> ChunkResult:
    """Read the chunk's records, apply the verb to each value, write the output records."""
    allow_long_fields()
    text, bad = decode(chunk, job.errors, job.file)
    result = ChunkResult(end=chunk.offset + len(chunk.data))
    fmt = job.layout.format
    if fmt == "lines":
        values: list[Any] = list(split_values(text))
        rows: list[Any] | OneLineRecords = values
        result.affected = len(bad)
    elif fmt == "jsonl":
        rows, values = _parse_jsonl(job, chunk, split_lines(text), result)
        result.affected = len(bad)
    else:
        try:
            fast = _one_line_records(job, text) if _rows_not_needed(job) else None
            rows, values = fast or _read_table(job, chunk, text)
        except OpenRecord as exc:
            result.open = True
            result.complete = exc.complete
            return result
        if bad:
            result.affected = rows_touching(record_spans(text, job.layout.reader_options()), bad)
    if bad:
        result.first_affected = chunk.line + bad[0]
    result.rows = len(values)
    if job.verb == "group":
        result.keys = gather_keys(values, translit.key_many(values))
    elif job.verb == "values":
        result.values = _with_lines(job, chunk, text, values)
    else:
        out = render(job, chunk, text, rows, apply_verb(job, values), values)
        result.data = out.encode("utf-8", "backslashreplace")
        if job.verb == "romanize" and job.settings.system:
            _note_other_languages(job, chunk, text, values, result)
    return result


#: Letters a language's alphabet lacks and a neighbour's has: a Ukrainian name given to a
#: Russian system (Київ → Kiyiv by ru-bgn-pcgn) is romanized, by rules not made for it.
_NOT_IN_LETTERS = {
    language: "".join(sorted(set().union(*(ALPHABETS[o] for o in ALPHABETS if o != language))
                             - set(ALPHABETS[language]) - {"ʼ"}))
    for language in ("ru", "uk", "be")
}
_NOT_IN = {language: re.compile(f"[{letters}{letters.upper()}]")
           for language, letters in _NOT_IN_LETTERS.items()}
_LANGUAGE_NAMES = {"ru": "Russian", "uk": "Ukrainian", "be": "Belarusian"}


def _note_other_languages(job: Job, chunk: Chunk, text: str, values: list[Any],
                          result: ChunkResult) -> None:
    """romanize -s SYSTEM: the rows whose names hold letters SYSTEM's language does not have
    (told on stderr with the first line; the output is what SYSTEM writes)."""
    system = translit.system(str(job.settings.system))
    pattern = _NOT_IN.get(system.language)
    if pattern is None or not pattern.search(text):
        return
    language = _LANGUAGE_NAMES[system.language]
    letters = " ".join(_NOT_IN_LETTERS[system.language])
    kind = (f"holds letters {language} does not write (of {letters}): {system.id} is a {language} "
            "system ('translit detect' tells a name's language; -s another system)")
    for line, value in _with_lines(job, chunk, text, values):
        if pattern.search(value):
            result.notes.add(kind, line)


def _read_table(job: Job, chunk: Chunk, text: str) -> tuple[list[list[str]], list[Any]]:
    """A CSV or TSV chunk's rows (ragged ones refused or padded, as --ragged says) and the
    values of the names' column (identify --cyrillic: pairs)."""
    options = job.layout.reader_options()
    table = parse_table(job, chunk, text, options)
    width = len(job.header)
    if table and set(map(len, table)) - {0, width}:
        _ragged(job, chunk, text, table, width)
    col = job.column
    if table and min(map(len, table)) > col:  # no blank or short row: all in C
        values: list[Any] = list(map(itemgetter(col), table))
    else:
        values = [r[col] if len(r) > col else None for r in table]
    if job.second >= 0:
        sec = job.second
        values = [None if v is None else (v, (r[sec] if len(r) > sec else "") or None)
                  for v, r in zip(values, table, strict=True)]
    return table, values


def _rows_not_needed(job: Job) -> bool:
    """The verb's output needs only the names' values and the records' lines, not each row's
    fields: group's first pass, or one result appended to the input's lines as they are."""
    return job.second < 0 and (job.verb == "group" or appends_to_lines(job))


def _one_line_records(job: Job, text: str) -> tuple[OneLineRecords, list[Any]] | None:
    """The records of a CSV or TSV chunk and their names' values, when every record is one
    line of the header's width (else None: the chunk is read by the csv module).

    What the csv module reads, without making each row: a line without a quote character is
    its fields split at the delimiter (the csv module reads it so); the lines that hold one
    are read by the csv module, each alone, and must give one record each of the header's
    width.  Blank lines, ragged rows and every error are left to the csv module's reading
    of the whole chunk, which tells them as before."""
    lines = split_values(text)
    if not lines or "" in lines:
        return None  # nothing, or a blank line (a record of no fields)
    delimiter = job.layout.delimiter
    quote = job.layout.quotechar
    width = len(job.header)
    col = job.column
    if col >= width:
        return None
    quoted: list[int] = []
    if quote is not None and quote in text:
        quoted = list(compress(range(len(lines)), map(contains, lines, repeat(quote))))
    if quoted:
        plain: list[str] = lines.copy()
        filler = delimiter * (width - 1)
        for i in quoted:
            plain[i] = filler
    else:
        plain = lines
    if set(map(str.count, plain, repeat(delimiter))) != {width - 1}:
        return None  # a ragged row: told (or padded) by the csv module's reading
    values = list(map(itemgetter(col), map(str.split, plain, repeat(delimiter),
                                           repeat(col + 1))))
    if quoted:
        reader = csv.reader([lines[i] for i in quoted], **job.layout.reader_options())
        try:
            rows = list(reader)
        except csv.Error:
            return None  # a quote left open (a record over lines), or malformed
        if len(rows) != len(quoted) or set(map(len, rows)) != {width}:
            return None  # a record went on over the next such line; a ragged row
        for i, row in zip(quoted, rows, strict=True):
            values[i] = row[col]
    return OneLineRecords(lines), values


def _ragged(job: Job, chunk: Chunk, text: str, table: list[list[str]], width: int) -> None:
    """Rows whose fields are more or fewer than the header's: an error naming the first
    (--ragged error), short rows padded with empty fields (pad), or all kept (keep)."""
    if job.ragged == "keep":
        return
    for i, row in enumerate(table):  # pad: short rows are padded as they are written
        if row and (len(row) > width or (len(row) < width and job.ragged != "pad")):
            line = record_spans(text, job.layout.reader_options())[i][0]
            hint = "--ragged keep keeps such rows as they are" if job.ragged == "pad" else \
                "--ragged pad pads short rows, --ragged keep keeps every row as it is"
            raise error_at(job, chunk, line, f"this row has {len(row)} fields, the header "
                           f"{width}: a missing or extra delimiter, or an unquoted field that "
                           f"holds one? ({hint})")


def _with_lines(job: Job, chunk: Chunk, text: str, values: list[Any]) -> list[tuple[int, str]]:
    """Each value that is there, with the line of the file its record starts on."""
    if job.layout.format in ("csv", "tsv"):
        starts = [start for start, _ in record_spans(text, job.layout.reader_options())]
    else:
        starts = list(range(len(values)))
    return [(chunk.line + at, v) for at, v in zip(starts, values, strict=True)
            if isinstance(v, str)]


def parse_table(job: Job, chunk: Chunk, text: str, options: dict[str, Any]) -> list[list[str]]:
    # the lines broken at LF, CRLF and CR only, as csv counts them (io.StringIO(newline="")
    # would do the same, through a copy of the text four bytes a character)
    reader = csv.reader(split_lines(text), **options)
    try:
        return list(reader)
    except csv.Error as exc:
        failed_at = reader.line_num
        message = str(exc)
    # Where did the failing record start?  Read again, one record at a time.
    lines = split_lines(text)
    reader = csv.reader(lines, **options)
    start = 0
    try:
        for _ in reader:
            start = reader.line_num
    except csv.Error:
        pass
    if message == "unexpected end of data":
        if not chunk.last:
            raise OpenRecord(line_offset(chunk.data, start))
        quote = job.layout.quotechar or '"'
        line, column = open_quote("".join(lines[start:]), job.layout.delimiter, quote)
        raise error_at(job, chunk, start + line, "a quoted field is never closed: its quote opens "
                     "here and runs to the end of the file", column)
    if message.startswith("field larger than field limit"):
        raise error_at(job, chunk, start, f"a field in the record starting here is longer than "
                     f"{csv.field_size_limit():,} characters (a quote left open?)")
    raise error_at(job, chunk, failed_at - 1, f"malformed CSV: {message} (a quoted field must "
                 "end at a delimiter or a line end; quotes inside it are doubled)")


def _parse_jsonl(
    job: Job, chunk: Chunk, lines: list[str], result: ChunkResult
) -> tuple[list[Any], list[Any]]:
    """Each line: (its text, its object or None); and the values of the field (with identify
    --cyrillic: pairs).  *result* counts the objects and those with the field."""
    notes = result.notes
    rows: list[Any] = []
    values: list[Any] = []
    name = job.field
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if not body.strip(" \t"):
            rows.append((line, None))
            values.append(None)
            continue
        try:
            obj = json.loads(body)
        except ValueError as exc:
            pos = getattr(exc, "pos", 0)
            msg = getattr(exc, "msg", str(exc))
            column = len(body[:pos].encode("utf-8", "surrogatepass"))
            raise error_at(job, chunk, i, f"not valid JSON: {msg} (character {pos + 1})",
                         column) from None
        if not isinstance(obj, dict):
            notes.add("is not a JSON object: kept as it is", chunk.line + i)
            rows.append((line, None))
            values.append(None)
            continue
        for column_name in job.columns:
            if column_name in obj:
                raise error_at(job, chunk, i, f"the object already has a field {column_name!r}; "
                             "name the new one with --output-column")
        rows.append((line, obj))
        result.objects += 1
        if not result.fields_seen:
            result.fields_seen = tuple(str(k) for k in obj)[:20]
        if name in obj:
            result.with_field += 1
        value = obj.get(name)
        if isinstance(value, str):
            if job.second_field:
                other = obj.get(job.second_field)
                values.append((value, other if isinstance(other, str) and other else None))
            else:
                values.append(value)
            continue
        if name not in obj:
            notes.add(f"has no field {name!r}: its result is null", chunk.line + i)
        elif value is not None:
            notes.add(f"has a field {name!r} that is not a string: its result is null",
                      chunk.line + i)
        values.append(None)
    return rows, values


def gather_keys(values: list[str | None], keys: list[str | None]) -> dict[str, list[Any]]:
    """group, first pass: key → [first row (in the chunk), {spelling: count}, {spelling: its
    first row}]."""
    found: dict[str, list[Any]] = {}
    for i, (value, k) in enumerate(zip(values, keys, strict=True)):
        if not k or value is None:
            continue  # missing, blank or a placeholder ("-", "n/a"): no name to group
        entry = found.get(k)
        if entry is None:
            found[k] = [i, {value: 1}, {value: i}]
        else:
            spellings = entry[1]
            spellings[value] = spellings.get(value, 0) + 1
            entry[2].setdefault(value, i)
    return found


