"""Table loader fuzzing: mutated copies of the real tables raise only TableError, naming where.

Each copy is one seeded mutation of one file of tables/ (truncation, byte flips, invalid
UTF-8, duplicate keys, wrong types, unknown context classes, empty rows, broken sections and
[system] fields).  translit.tables.parse() must either return a Table, which the engine then
compiles and runs, or raise translit.TableError whose message starts with the file and names
the row (or, for TOML that does not parse, the line).  Anything else is a bug.

10,000 copies by default; HYPOTHESIS_PROFILE=fuzz (or TRANSLIT_TABLE_FUZZ=N) runs more.  A
failure names the table, the mutation and its seed: mutate(path, kind, seed) rebuilds it.
"""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

import translit
from translit import tables
from translit.engine import Converter, invert

TABLES = sorted(tables.tables_dir().glob("*.toml"))
COPIES = int(os.environ.get("TRANSLIT_TABLE_FUZZ")
             or (100_000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 10_000))

ROW = re.compile(r'^\s*("[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+)\s*=')
CONTEXT = re.compile(r"\b(after|before)\s*=\s*(\"[^\"]*\"|\[[^\]]*\])")
WRONG_VALUES = [
    "5", "-1.5", "true", "false", "inf", "nan", "1979-05-27", "07:32:00", "[]", "{}", "[1, 2]",
    '["a", 1]', "[[]]", '[["a"]]', "{ to = 1 }", '{ to = "a" }', '[{ to = 1 }]', "[{}]",
    '[{ after = "vowel" }]', '[{ to = "a", after = 5 }]', '[{ to = "a", after = [] }]',
    '[{ to = "a", after = [""] }]', '[{ to = "a", after = [["x"]] }]',
    '[{ to = "a", before = "word-start" }]', '[{ to = "a", after = "word-end" }]',
    '[{ to = "a", when = "vowel" }]', '[{ to = "a" }, { to = "b", after = "vowel" }]',
    '[{ to = "a", after = {} }]', '[{ to = "a", after = "" }]', '""', '" "',
    '"\\u0000"', '"\\ud7ff"', '"\\U0010FFFF"', "'''multi\nline'''", '"""a\nb"""',
]
WRONG_CLASSES = ["vowle", "consonants", "word-middle", "latin", "x", "a-b-c", "vowel-", "v0wel"]
WRONG_KEYS = ['""', "''", '"А"', '"ЩА"', '" "', '"\\u0301"', '"ʼʼ"', "bare", '"\\t"',
              '"a.b"', "a.b", '"İ"', '"ẞ"', '"Ǆ"']
SYSTEM_FIELDS = [
    'language = "xx"', 'language = "RU"', "language = 1", 'language = ""', 'name = ""',
    "name = []", 'source = "  "', "source = 5", 'aliases = "x"', "aliases = [1]",
    'aliases = [""]', 'reversible = "yes"', "reversible = 1", "reversible = []", "base = 5",
    'base = "no-such-table"', 'base = ""', "base = []", 'notes = 5', "url = true",
    'extra = "field"', 'base = "{stem}"', 'base = "{other}"',
]
SECTIONS = ["[rules]", "[system]", "[classes]", "[reverse]", "[examples]", "[reverse-examples]",
            "[[rules]]", "[rules.x]", "[unknown]", "[Rules]", "[ system ]", "[]", "["]
INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80",
                b"\xe2\x82", b"\xf0\x9f\x98"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _pick(rng: random.Random, lines: list[str], pattern: re.Pattern[str]) -> int | None:
    found = [i for i, line in enumerate(lines) if pattern.search(line)]
    return rng.choice(found) if found else None


def _text_mutation(kind: str, text: str, rng: random.Random, stem: str) -> str:
    lines = _lines(text)
    if kind == "truncate":
        return text[: rng.randrange(len(text) + 1)]
    if kind == "truncate-line":
        cut = rng.randrange(len(lines))
        return "\n".join([*lines[:cut], lines[cut][: rng.randrange(len(lines[cut]) + 1)]])
    if kind == "char-flip":
        chars = list(text)
        for _ in range(rng.randint(1, 3)):
            spot = rng.randrange(len(chars))
            chars[spot] = rng.choice('"\'[]{}=,#\n\\ .-_ʼ’аяxX0\t\u0301\u200b\ud800')
        return "".join(chars)
    if kind == "delete-line":
        del lines[rng.randrange(len(lines))]
        return "\n".join(lines)
    if kind == "duplicate-row":
        at = _pick(rng, lines, ROW)
        if at is None:
            return text
        lines.insert(at + rng.choice((0, 1, 2)), lines[at])
        return "\n".join(lines)
    if kind == "duplicate-row-apostrophe":
        # a second apostrophe row in another look-alike: the same row after folding
        at = _pick(rng, lines, re.compile(r"^\"['’ʼ‘`′]\""))
        if at is None:
            return text
        lines.insert(at + 1, '"' + rng.choice("'’ʼ‘`′") + '" = "x"')
        return "\n".join(lines)
    if kind == "wrong-type":
        at = _pick(rng, lines, ROW)
        if at is None:
            return text
        key = ROW.match(lines[at]).group(1)  # type: ignore[union-attr]
        lines[at] = f"{key} = {rng.choice(WRONG_VALUES)}"
        return "\n".join(lines)
    if kind == "unknown-class":
        at = _pick(rng, lines, CONTEXT)
        if at is None:
            at = _pick(rng, lines, re.compile(r"^\[rules\]"))
            if at is None:
                return text
            lines.insert(at + 1, f'"ъя" = [{{ after = "{rng.choice(WRONG_CLASSES)}", to = "x" }}]')
            return "\n".join(lines)
        lines[at] = CONTEXT.sub(lambda m: f'{m.group(1)} = "{rng.choice(WRONG_CLASSES)}"',
                                lines[at], count=1)
        return "\n".join(lines)
    if kind == "empty-row":
        at = _pick(rng, lines, re.compile(r"^\[(rules|reverse|examples|classes)\]"))
        if at is None:
            return text
        lines.insert(at + 1, rng.choice(['"" = "x"', '"а" = []', '"а" = [{}]', '"а" =',
                                         "= \"x\"", '"а" = [{ to = "" }, {}]', '"а"']))
        return "\n".join(lines)
    if kind == "wrong-key":
        at = _pick(rng, lines, ROW)
        if at is None:
            return text
        value = lines[at].split("=", 1)[1]
        lines[at] = f"{rng.choice(WRONG_KEYS)} ={value}"
        return "\n".join(lines)
    if kind == "system-field":
        at = _pick(rng, lines, re.compile(r"^\[system\]"))
        if at is None:
            return text
        other = rng.choice([p.stem for p in TABLES])
        field = rng.choice(SYSTEM_FIELDS).format(stem=stem, other=other)
        name = field.split("=", 1)[0].strip()
        lines = [ln for ln in lines if not re.match(rf"^{name}\s*=", ln)] if rng.random() < 0.7 \
            else lines
        head = next(i for i, ln in enumerate(lines) if ln.startswith("[system]"))
        lines.insert(head + 1, field)
        return "\n".join(lines)
    if kind == "system-missing-field":
        field = rng.choice(["name", "language", "source"])
        return "\n".join(ln for ln in lines if not re.match(rf"^{field}\s*=", ln))
    if kind == "section":
        at = _pick(rng, lines, re.compile(r"^\["))
        if at is None:
            return text
        if rng.random() < 0.5:
            lines[at] = rng.choice(SECTIONS)
        else:
            del lines[at]
        return "\n".join(lines)
    if kind == "deep-nesting":
        # tomllib parses nested arrays recursively
        at = _pick(rng, lines, ROW)
        if at is None:
            return text
        key = ROW.match(lines[at]).group(1)  # type: ignore[union-attr]
        depth = rng.choice((2, 10, 100, 500, 1000, 5000))
        lines[at] = f"{key} = {'[' * depth}\"x\"{']' * depth}"
        return "\n".join(lines)
    if kind == "class":
        at = _pick(rng, lines, re.compile(r"^\[rules\]"))
        if at is None:
            return text
        lines[at:at] = ["[classes]", rng.choice([
            'vowel = ""', "vowel = 5", 'Vowel = "а"', '"word-start" = "а"', '"бук ви" = "а"',
            'vowel = ["а"]', '"" = "а"', 'soft = "ЕЁЮЯ"', 'vowel = "а"\nvowel = "е"',
        ]), ""]
        return "\n".join(lines)
    raise AssertionError(kind)


def _byte_mutation(kind: str, data: bytes, rng: random.Random) -> bytes:
    if kind == "byte-flip":
        buf = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(buf))
            buf[at] ^= 1 << rng.randrange(8)
        return bytes(buf)
    if kind == "invalid-utf8":
        at = rng.randrange(len(data) + 1)
        return data[:at] + rng.choice(INVALID_UTF8) + data[at:]
    if kind == "truncate-bytes":
        # often in the middle of a two-byte Cyrillic letter
        return data[: rng.randrange(len(data) + 1)]
    if kind == "bom":
        return b"\xef\xbb\xbf" + data
    raise AssertionError(kind)


TEXT_KINDS = ["truncate", "truncate-line", "char-flip", "delete-line", "duplicate-row",
              "duplicate-row-apostrophe", "wrong-type", "unknown-class", "empty-row",
              "wrong-key", "system-field", "system-missing-field", "section", "class",
              "deep-nesting"]
BYTE_KINDS = ["byte-flip", "invalid-utf8", "truncate-bytes", "bom"]


def mutate(path: Path, kind: str, seed: int) -> bytes:
    """The mutated copy of the table at *path*: *kind* of mutation, seeded by *seed*."""
    rng = random.Random(f"{path.stem}:{kind}:{seed}")
    data = path.read_bytes()
    if kind in BYTE_KINDS:
        return _byte_mutation(kind, data, rng)
    text = _text_mutation(kind, data.decode("utf-8"), rng, path.stem)
    return text.encode("utf-8", "surrogatepass")


def load_copy(path: Path, data: bytes, folder: Path) -> tables.Table:
    """What the loader makes of *data* as the table *path*: parsed from text when it is UTF-8
    (as parse(path, text=...) does), else from a file of the same name in *folder*."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        copy = folder / path.name
        copy.write_bytes(data)
        return tables.parse(copy)
    return tables.parse(path, text=text)


def _use(table: tables.Table) -> None:
    """A table that parses is compiled and run, as romanize() would."""
    sample = "Щука Знамʼянка ЙОШКАР-ОЛА Ўладзімір ёж Їжак"
    Converter(table.rules, cyrillic_source=True)(sample)
    if table.reversible:
        try:
            rules = invert(table)
        except translit.TableError:
            return
        Converter(rules, cyrillic_source=False)("Shhuka Znamʼianka")


def located(error: translit.TableError) -> bool:
    """The message names the file first, then the row (or the TOML line)."""
    message = str(error)
    if not error.file or not message.startswith(error.file):
        return False
    return bool(error.row) or bool(re.search(r"\bline \d+|at end of document", message))


def run_copies(count: int, folder: Path) -> tuple[Counter[str], list[str]]:
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    kinds = TEXT_KINDS + BYTE_KINDS
    for n in range(count):
        path = TABLES[n % len(TABLES)]
        kind = kinds[(n // len(TABLES)) % len(kinds)]
        seed = n
        data = mutate(path, kind, seed)
        where = f"mutate({path.name!r}, {kind!r}, {seed})"
        try:
            table = load_copy(path, data, folder)
            _use(table)
        except translit.TableError as error:
            outcomes["TableError"] += 1
            shown = tables._display(folder / path.name) if _is_bytes(data) else \
                tables._display(path)
            if error.file != shown or not located(error):
                failures.append(f"{where}: TableError without file and row: {error}")
        except Exception as exc:  # any other exception is the finding
            outcomes[type(exc).__name__] += 1
            failures.append(f"{where}: {type(exc).__name__}: {str(exc)[:200]}")
        else:
            outcomes["parsed"] += 1
    return outcomes, failures


def _is_bytes(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def test_mutated_tables_raise_only_table_error(tmp_path: Path) -> None:
    outcomes, failures = run_copies(COPIES, tmp_path)
    print(dict(outcomes))
    assert sum(outcomes.values()) == COPIES
    assert outcomes["TableError"] > COPIES // 3, f"too few copies were broken: {outcomes}"
    by_kind = Counter(f.split(": ", 1)[1].split(":", 1)[0] for f in failures)
    assert not failures, (f"{len(failures)} of {COPIES} copies ({dict(by_kind)}):\n"
                          + "\n".join(failures[:30]))


MESSAGES: list[tuple[str, Callable[[str], str], str]] = [
    ("unknown context class", lambda t: t.replace('after = "word-start"', 'after = "vowle"', 1),
     "unknown context class 'vowle'"),
    ("duplicate key", lambda t: t.replace('"б" = "b"', '"б" = "b"\n"б" = "p"', 1), "line"),
    ("wrong type", lambda t: t.replace('"б" = "b"', '"б" = 5', 1), "'б'"),
    ("empty key", lambda t: t.replace('"б" = "b"', '"" = "b"', 1), "empty key"),
]


@pytest.mark.parametrize(("what", "change", "expected"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_table_error_names_file_and_row(what: str, change: Callable[[str], str],
                                        expected: str) -> None:
    path = tables.tables_dir() / "uk-national.toml"
    text = path.read_text("utf-8")
    changed = change(text)
    assert changed != text, "the mutation no longer applies to uk-national.toml"
    with pytest.raises(translit.TableError) as info:
        tables.parse(path, text=changed)
    message = str(info.value)
    assert message.startswith(tables._display(path)) and expected in message
    assert located(info.value)


def test_invalid_utf8_names_file_line_and_offset(tmp_path: Path) -> None:
    """STYLE.md: bad input bytes name file, line and offset."""
    path = tables.tables_dir() / "uk-national.toml"
    data = path.read_bytes()
    at = data.index('"ж"'.encode())
    copy = tmp_path / path.name
    copy.write_bytes(data[:at] + b"\xff" + data[at:])
    with pytest.raises(translit.TableError) as info:
        tables.parse(copy)
    message = str(info.value)
    line = data[:at].count(b"\n") + 1
    assert message.startswith(tables._display(copy)) and str(at) in message
    assert f"line {line}" in message, f"names no line (the byte is on line {line}): {message}"
