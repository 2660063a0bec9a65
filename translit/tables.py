"""Reading rule tables: TOML files in tables/, one per system, the system id being the file name.

The format is documented in tables/README.md.  This module only parses and checks; the engine
(translit.engine) compiles what it returns.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .errors import TableError, UnknownSystemError
from .letters import APOSTROPHE, APOSTROPHES, CONSONANTS, LETTERS, VOWELS, nfc

LANGUAGES = ("ru", "uk", "be")


#: Context markers: no letter before / after the key.
WORD_START = "word-start"
WORD_END = "word-end"
_EDGE = ""  # how a word edge is stored inside a context set

BUILTIN_CLASSES: dict[str, str] = {
    "vowel": VOWELS,
    "consonant": CONSONANTS,
    "letter": LETTERS,
    "apostrophe": APOSTROPHE,
    "latin-vowel": "aeiouy",
    "latin-consonant": "bcdfghjklmnpqrstvwxz",
}

_SECTIONS = {"system", "classes", "rules", "reverse", "examples", "reverse-examples"}
_SYSTEM_KEYS = {"name", "language", "source", "aliases", "reversible", "base", "notes", "url",
                "convention", "default", "form", "family", "casing"}

#: The spelling conventions a table writes (tables/README.md, "convention"): which readers' habits
#: its Latin follows.  english: BGN/PCGN-like ASCII (national systems, passports, maps, English
#: press); scholarly: diacritic systems for scholars and libraries (ISO 9, GOST 7.79, ALA-LC, DSTU);
#: lacinka: Belarusian's own Latin alphabet; the others: that language's press or academy norm.
CONVENTIONS = (
    "english", "scholarly", "lacinka", "german", "polish", "french", "czech", "slovak", "spanish",
    "italian", "portuguese", "catalan", "dutch", "hungarian", "swedish", "norwegian", "danish",
    "finnish", "estonian", "latvian", "lithuanian", "romanian", "turkish",
)
#: conventions that are no other language's press or academy norm (a text in any language
#: may follow them)
NOT_A_LANGUAGE = ("english", "scholarly", "lacinka")
#: Output forms a table may ask for (tables/README.md, "form"): mrz, the name field of a
#: passport's machine readable zone (ICAO Doc 9303 Part 3, 4.6).
FORMS = ("mrz",)
#: How a table's Latin is put in capitals (tables/README.md, "casing"): Unicode's default case
#: mapping, or Turkish (the capital of i is İ); engine.upper_of gives each one's function.
CASINGS = ("default", "turkish")
_CONTEXT_KEYS = {"to", "after", "before"}
_CLASS_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Context:
    """One alternative of a row: *to* applies when the letters around the key fit."""

    to: str
    after: frozenset[str] | None = None  # lowercase letters allowed just before; "" = word start
    before: frozenset[str] | None = None  # lowercase letters allowed just after; "" = word end

    @property
    def unconditional(self) -> bool:
        return self.after is None and self.before is None


Rules = dict[str, tuple[Context, ...]]


@dataclass(frozen=True)
class Table:
    """A parsed, checked table: what the engine compiles."""

    id: str
    name: str
    language: str
    source: str
    aliases: tuple[str, ...]
    reversible: bool
    rules: Rules
    reverse: Rules
    examples: dict[str, str]
    reverse_examples: dict[str, str]
    notes: str = ""
    url: str = ""
    base: str | None = None
    path: str = ""
    classes: dict[str, str] = field(default_factory=dict)
    convention: str = "english"
    default: bool = False  # the language's default system (romanize with no system)
    form: str | None = None  # an output form applied after the rows (FORMS)
    family: str = ""  # the standard it shares with other languages' tables (iso-9, ala-lc …)
    casing: str = "default"  # how its output is put in capitals (CASINGS)


def tables_dir() -> Path:
    """Where the tables are: inside the installed package, else beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "tables", here.parent / "tables"):
        if candidate.is_dir() and any(candidate.glob("*.toml")):
            return candidate
    raise TableError(str(here / "tables"), None, "no tables found (is the package installed whole?)")


def canonical_key(key: str) -> str:
    """NFC, with every apostrophe look-alike written as the canonical apostrophe."""
    key = nfc(key)
    if key and all(c in APOSTROPHES for c in key):
        return APOSTROPHE * len(key)
    return "".join(APOSTROPHE if c in "'’‘`′" else c for c in key)


def _line_of(text: str, key: str) -> int | None:
    """The first line of the file that starts a row for *key* (for error messages)."""
    quoted = (f'"{key}"', f"'{key}'", key)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        if any(stripped.startswith(q) for q in quoted):
            return number
    return None


class _Reader:
    """Checks one file's parsed TOML, naming file and row in every complaint."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.file = _display(path)
        self.text = text

    def fail(self, section: str, key: str | None, problem: str) -> TableError:
        if key is None:
            return TableError(self.file, f"[{section}]", problem)
        line = _line_of(self.text, key)
        where = f"[{section}] row {key!r}" + (f" (line {line})" if line else "")
        return TableError(self.file, where, problem)

    def classes(self, raw: Any, inherited: Mapping[str, str]) -> dict[str, str]:
        classes = dict(inherited)
        if raw is None:
            return classes
        if not isinstance(raw, dict):
            raise self.fail("classes", None, "must be a table of name = \"letters\"")
        for name, letters in raw.items():
            if not _CLASS_NAME.match(name):
                raise self.fail("classes", name, "a class name is lowercase ASCII, e.g. vowel")
            if name in (WORD_START, WORD_END):
                raise self.fail("classes", name, f"{name} is a built-in position")
            if not isinstance(letters, str) or not letters:
                raise self.fail("classes", name, "a class is a non-empty string of letters")
            classes[name] = canonical_key(letters).lower()
        return classes

    def context_set(
        self, section: str, key: str, value: Any, edge: str, classes: Mapping[str, str],
        fold: bool = True,
    ) -> frozenset[str]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise self.fail(section, key, "after/before takes a class, letters or a list of them")
        letters: set[str] = set()
        for item in items:
            if not isinstance(item, str) or not item:
                raise self.fail(section, key, f"context item {item!r} is not a non-empty string")
            if item == edge:
                letters.add(_EDGE)
            elif item in (WORD_START, WORD_END):
                where = "after" if item == WORD_START else "before"
                raise self.fail(section, key, f"{item} can only be used in '{where}'")
            elif len(item) > 1 and _CLASS_NAME.match(item):
                if item not in classes:
                    known = ", ".join(sorted([*classes, WORD_START, WORD_END]))
                    raise self.fail(section, key, f"unknown context class {item!r} (known: {known})")
                letters.update(classes[item])
            else:
                letters.update((canonical_key(item) if fold else nfc(item)).lower())
        return frozenset(letters)

    def rules(self, section: str, raw: Any, classes: Mapping[str, str]) -> Rules:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise self.fail(section, None, "must be a table of rows")
        rules: Rules = {}
        for raw_key, value in raw.items():
            # Cyrillic rows read every apostrophe look-alike as ʼ; Latin ([reverse]) rows are
            # taken letter for letter, since ' ` ʹ are distinct signs there.
            key = canonical_key(raw_key) if section == "rules" else nfc(raw_key)
            if not key:
                raise self.fail(section, raw_key, "empty key")
            if key != key.lower():
                raise self.fail(
                    section, raw_key, "write rows in lowercase; Title and ALL CAPS are derived"
                )
            if key in rules:
                raise self.fail(section, raw_key, "duplicate row (after apostrophe folding)")
            rules[key] = self.contexts(section, raw_key, value, classes, section == "rules")
        return rules

    def contexts(
        self, section: str, key: str, value: Any, classes: Mapping[str, str], fold: bool = True
    ) -> tuple[Context, ...]:
        if isinstance(value, str):
            return (Context(nfc(value)),)
        if not isinstance(value, list) or not value:
            raise self.fail(section, key, "a row is a string or a list of {to = ..., after = ...}")
        out: list[Context] = []
        for item in value:
            if not isinstance(item, dict):
                raise self.fail(section, key, f"context {item!r} is not a table like {{to = \"x\"}}")
            unknown = set(item) - _CONTEXT_KEYS
            if unknown:
                raise self.fail(section, key, f"unknown context field(s) {sorted(unknown)}")
            to = item.get("to")
            if not isinstance(to, str):
                raise self.fail(section, key, "every context needs to = \"output\"")
            after = item.get("after")
            before = item.get("before")
            context = Context(
                nfc(to),
                None if after is None
                else self.context_set(section, key, after, WORD_START, classes, fold),
                None if before is None
                else self.context_set(section, key, before, WORD_END, classes, fold),
            )
            if out and out[-1].unconditional:
                raise self.fail(section, key, "a context after the unconditional one never applies")
            out.append(context)
        return tuple(out)

    def examples(self, section: str, raw: Any) -> dict[str, str]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise self.fail(section, None, "must be a table of \"source\" = \"expected\"")
        for k, v in raw.items():
            if not isinstance(v, str):
                raise self.fail(section, k, "an example's expected value is a string")
        return {nfc(k): nfc(v) for k, v in raw.items()}


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_text(path: Path) -> str:
    """The file as text; a TableError with line, column and byte for bytes that are not UTF-8."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raw = path.read_bytes()
        number = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise TableError(
            _display(path), f"line {number}, column {column} (byte {exc.start})",
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the table as UTF-8",
        ) from None
    except OSError as exc:
        raise TableError(_display(path), None, f"cannot read: {exc.strerror}") from None


def _load_toml(reader: _Reader, text: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TableError(reader.file, None, f"not valid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per nested array or table
        deep = next((n for n, text_line in enumerate(text.splitlines(), 1)
                     if text_line.count("[") + text_line.count("{") > 50), None)
        raise TableError(reader.file, f"line {deep}" if deep else "[rules]",
                         "values nested too deep: a row is a string or one list of contexts") from None
    unknown = set(data) - _SECTIONS
    if unknown:
        raise reader.fail(sorted(unknown)[0], None, f"unknown section (known: {sorted(_SECTIONS)})")
    return data


def _check_metadata(reader: _Reader, meta: Any) -> dict[str, Any]:
    """[system], checked field by field; the complaint names the field."""
    if not isinstance(meta, dict):
        raise reader.fail("system", None, "missing [system] with name, language and source")
    extra = set(meta) - _SYSTEM_KEYS
    if extra:
        raise reader.fail("system", sorted(extra)[0], f"unknown field (known: {sorted(_SYSTEM_KEYS)})")
    for required in ("name", "language", "source"):
        if not isinstance(meta.get(required), str) or not meta[required].strip():
            raise reader.fail("system", required, f"[system] needs {required} = \"...\"")
    if meta["language"] not in LANGUAGES:
        raise reader.fail("system", "language", f"language must be one of {LANGUAGES}")
    aliases = meta.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise reader.fail("system", "aliases", "aliases is a list of strings")
    for flag in ("reversible", "default"):
        if not isinstance(meta.get(flag, False), bool):
            raise reader.fail("system", flag, f"{flag} is true or false")
    if meta.get("convention", "english") not in CONVENTIONS:
        raise reader.fail("system", "convention", f"convention must be one of {', '.join(CONVENTIONS)}")
    if meta.get("casing", "default") not in CASINGS:
        raise reader.fail("system", "casing", f"casing must be one of {', '.join(CASINGS)}")
    form = meta.get("form")
    if form is not None and form not in FORMS:
        raise reader.fail("system", "form", f"form must be one of {', '.join(FORMS)}")
    for optional in ("notes", "url", "base", "family"):
        if optional in meta and not isinstance(meta[optional], str):
            raise reader.fail("system", optional, f"{optional} is a string")
    return meta


def parse(path: Path, text: str | None = None, resolve: Any = None) -> Table:
    """Parse and check one table file. *resolve(id)* returns a base table (default: load_table)."""
    if text is None:
        text = _read_text(path)
    reader = _Reader(path, text)
    data = _load_toml(reader, text)
    meta = _check_metadata(reader, data.get("system"))
    aliases = meta.get("aliases", [])
    reversible = meta.get("reversible", False)
    convention = meta.get("convention", "english")
    default = meta.get("default", False)
    form = meta.get("form")

    base_id = meta.get("base")
    base: Table | None = None
    if base_id is not None:
        if base_id == path.stem:
            raise reader.fail("system", "base", "a table cannot build on itself")
        try:
            base = (resolve or load_table)(base_id)
        except UnknownSystemError:
            raise reader.fail("system", "base", f"base table {base_id!r} does not exist") from None

    classes = reader.classes(data.get("classes"), base.classes if base else BUILTIN_CLASSES)
    rules = reader.rules("rules", data.get("rules"), classes)
    reverse = reader.rules("reverse", data.get("reverse"), classes)
    if base is not None:
        rules = {**base.rules, **rules}
        reverse = {**base.reverse, **reverse}
    if not rules:
        raise reader.fail("rules", None, "a table needs at least one row")
    return Table(
        id=path.stem,
        name=meta["name"].strip(),
        language=meta["language"],
        source=" ".join(meta["source"].split()),
        aliases=tuple(aliases),
        reversible=reversible,
        rules=rules,
        reverse=reverse,
        examples=reader.examples("examples", data.get("examples")),
        reverse_examples=reader.examples("reverse-examples", data.get("reverse-examples")),
        notes=meta.get("notes", "").strip(),
        url=meta.get("url", ""),
        base=base_id,
        path=reader.file,
        classes=classes,
        convention=convention,
        default=default,
        form=form,
        family=meta.get("family", ""),
        casing=meta.get("casing", base.casing if base else "default"),
    )


@cache
def given_names() -> dict[str, tuple[str, ...]]:
    """tables/names/given-names.toml: each name's Ukrainian form → its other forms (Russian,
    Belarusian, then Latin forms no system writes), as the file orders them.  The one reader
    of that file."""
    path = tables_dir() / "names" / "given-names.toml"
    try:
        rows = tomllib.loads(path.read_text("utf-8"))["names"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise TableError(_display(path), "[names]", f"cannot read the given names: {exc}") from None
    return {nfc(first): tuple(nfc(form) for form in others) for first, others in rows.items()}


@cache
def check_cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """tables/check/cues.toml: the words around a name the spelling check reads (section →
    list name → entries, each one word as a regular expression).  The one reader of that
    file."""
    return _check_words("cues.toml")


def check_shapes() -> dict[str, dict[str, tuple[str, ...]]]:
    """tables/check/shapes.toml: the shapes of East Slavic place names and the words that
    place a name, read by the check's unknown places (section → list name → regular
    expressions).  The one reader of that file."""
    return _check_words("shapes.toml")


def _check_words(file: str) -> dict[str, dict[str, tuple[str, ...]]]:
    path = tables_dir() / "check" / file
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TableError(_display(path), "", f"cannot read the check's cue words: {exc}") from None
    return {section: {name: tuple(words) for name, words in lists.items()}
            for section, lists in data.items()}


@cache
def _metadata() -> dict[str, dict[str, Any]]:
    """Every table id → its raw [system] fields (read without parsing rows: cheap at import)."""
    metadata: dict[str, dict[str, Any]] = {}
    for path in sorted(tables_dir().glob("*.toml")):
        try:
            meta = tomllib.loads(path.read_text("utf-8")).get("system", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
            meta = {}  # reported with file and row when the table itself is loaded
        metadata[path.stem] = meta if isinstance(meta, dict) else {}
    return metadata


@cache
def _index() -> dict[str, Path]:
    """Every id and alias → its file.  Built from file names (ids) and [system] aliases."""
    folder = tables_dir()
    metadata = _metadata()
    index: dict[str, Path] = {table_id: folder / f"{table_id}.toml" for table_id in metadata}
    for table_id, meta in metadata.items():
        aliases = meta.get("aliases", [])
        for alias in aliases if isinstance(aliases, list) else []:
            if isinstance(alias, str):
                index.setdefault(alias, folder / f"{table_id}.toml")
    return index


@cache
def default_systems() -> dict[str, str]:
    """Each language → the id of its table that says ``default = true``.

    A language with none or with two is a TableError naming the tables: romanize() with no
    system must have exactly one answer."""
    found: dict[str, list[str]] = {language: [] for language in LANGUAGES}
    for table_id, meta in _metadata().items():
        if meta.get("default") is True and meta.get("language") in found:
            found[meta["language"]].append(table_id)
    for language, ids in found.items():
        if len(ids) != 1:
            raise TableError(str(tables_dir()), "[system] default",
                             f"{language} needs exactly one default table, found {ids or 'none'}")
    return {language: ids[0] for language, ids in found.items()}


def system_ids() -> list[str]:
    """The ids of every table (file names), sorted."""
    return list(_system_ids())


@cache
def _system_ids() -> tuple[str, ...]:
    # read once, like _metadata(): systems() asks for every call of check()'s and the
    # gazetteer's lookups, and a glob of the folder each time cost more than the lookup
    return tuple(sorted(_metadata()))


def resolve_id(name: str) -> str:
    """The table id for an id or alias; UnknownSystemError naming the closest ids otherwise."""
    index = _index()
    path = index.get(name) or index.get(name.strip().lower())
    if path is None:
        # a language code or an id's first part (uk, ru-bgn) asks for that language's systems:
        # its default first, then the ids that begin so
        wanted = name.strip().lower()
        prefix = [i for i in _system_ids() if i.startswith(wanted + "-")]
        default = default_systems().get(wanted.split("-")[0]) if prefix else None
        first = ([default] if default in prefix else []) + [i for i in prefix if i != default]
        raise UnknownSystemError(name, index, first[:3])
    return path.stem


# The tables being loaded, per thread: two threads loading one table at once (a server's
# first requests) are not a base cycle.
_local = threading.local()


@cache
def load_table(name: str) -> Table:
    """The parsed table for an id or alias (cached)."""
    table_id = resolve_id(name)
    loading: list[str] = _local.__dict__.setdefault("loading", [])
    if table_id in loading:
        cycle = " → ".join([*loading, table_id])
        raise TableError(str(_index()[table_id]), "[system] row 'base'", f"base cycle: {cycle}")
    loading.append(table_id)
    try:
        return parse(_index()[table_id])
    finally:
        loading.pop()
