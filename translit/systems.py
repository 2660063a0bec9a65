"""Systems: a table plus its compiled converters, and the romanize verbs built on them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .batch import names_of
from .engine import Converter, invert, mrz_form
from .errors import IrreversibleSystemError, UnknownSystemError
from .letters import CYRILLIC_RANGES, canonical_apostrophes, guess_language, has_cyrillic
from .lexicon import load as load_lexicon
from .memo import NAMES, memoize
from .tables import LANGUAGES, Table, default_systems, given_names, load_table, resolve_id, system_ids


class _Defaults(Mapping[str, str]):
    """Language → default system id, read from the tables on first use (not at import)."""

    def __getitem__(self, language: str) -> str:
        return default_systems()[language]

    def __iter__(self) -> Iterator[str]:
        return iter(default_systems())

    def __len__(self) -> int:
        return len(default_systems())


#: The system romanize() uses when none is named, per language: the table that says
#: ``default = true`` (tables/README.md).  Each is the language's national system for
#: geographic names, which is also what English-language maps and media follow (Ukraine: KMU
#: 2010 = BGN/PCGN 2019; Belarus: the 2007 national system adopted by UNGEGN); Russia has no
#: national system in international use, so BGN/PCGN 1947, which English-language maps,
#: atlases and most media follow (each table's notes say why).
DEFAULT_SYSTEM: Mapping[str, str] = _Defaults()


@dataclass(frozen=True)
class System:
    """A romanization system: its description and its converters (compiled on first use)."""

    id: str
    name: str
    language: str
    source: str
    aliases: tuple[str, ...]
    reversible: bool
    notes: str = ""
    table: Table = field(repr=False, compare=False, default=None)  # type: ignore[assignment]

    def romanize(self, text: str) -> str:
        return _forward(self.id)(text)

    def cyrillize(self, text: str) -> str:
        if not self.reversible:
            raise IrreversibleSystemError(self.id)
        return _backward(self.id)(text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "language": self.language,
            "source": self.source,
            "aliases": list(self.aliases),
            "reversible": self.reversible,
        }


@cache
def system(name: str) -> System:
    """The system with this id or alias; UnknownSystemError (a ValueError) names the closest."""
    if not isinstance(name, str):
        raise UnknownSystemError(repr(name), system_ids())
    table = load_table(resolve_id(name))
    return System(
        id=table.id,
        name=table.name,
        language=table.language,
        source=table.source,
        aliases=table.aliases,
        reversible=table.reversible,
        notes=table.notes,
        table=table,
    )


_lookup = system  # for the verbs whose parameter is named system


def systems(language: str | None = None) -> list[System]:
    """Every system, or those of one language ('ru', 'uk', 'be'), sorted by id."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    found = [system(i) for i in system_ids()]
    return [s for s in found if language is None or s.language == language]


class _Formed:
    """A converter whose results are then put in the table's output form (mrz).  Like the
    rows, the form acts only on text with Cyrillic in it: other text passes through."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter

    def _form(self, source: str, done: str) -> str:
        return mrz_form(done) if has_cyrillic(source) else done

    def __call__(self, text: str) -> str:
        return self._form(text, self.converter(text))

    def many(self, names: list[str]) -> list[str]:
        return [self._form(n, d) for n, d in zip(names, self.converter.many(names), strict=True)]


def counterpart(target: System, language: str) -> System:
    """The system a name of *language* is written in, in a text written in *target*: the
    target itself for its own language; else the language's table of the target's `family`
    (the same standard: uk-iso9 → ru-iso9), else its one table of the target's convention
    and form when that is a press or academy norm (uk-german → ru-german), else the
    language's default system.  All read from the tables' [system] fields."""
    if language == target.language:
        return target
    table = target.table
    same = [s for s in systems(language)
            if s.table.convention == table.convention and s.table.form == table.form]
    if table.family:
        for s in same:
            if s.table.family == table.family:
                return s
    if len(same) == 1 and table.convention not in ("english", "scholarly"):
        return same[0]
    return system(DEFAULT_SYSTEM[language])


@cache
def _forward(table_id: str) -> Converter | _Formed:
    table = load_table(table_id)
    converter = Converter(table.rules, cyrillic_source=True, casing=table.casing)
    return _Formed(converter) if table.form == "mrz" else converter


@cache
def _backward(table_id: str) -> Converter:
    return Converter(invert(load_table(table_id)), cyrillic_source=False)


def _converter_for(text: str, name: str | None) -> Converter | _Formed | None:
    if name is not None:
        return _forward(system(name).id)
    language = language_of(text)[0]
    return _forward(DEFAULT_SYSTEM[language]) if language else None


# Ukrainian writes ь in -ськ -цьк -зьк (Луганськ, Донецьк, Зеленський, Запорізька), where
# Russian writes -ск -цк -зк (Луганск, Донецк, Зеленский): at a word's end or before an
# adjective's ending, never in a Russian word.  Russian diminutives (Васька, Маруська, Люськой)
# write ськ after а о у ю я, so the endings they share (-а -у -ою -е) count only after
# another letter (Одеська, Полтавська).
_UKRAINIAN_SUFFIX = re.compile(
    r"[сцз]ьк(?:ий|ого|ому|им|их|ими|ої|ій)?$|(?<![аоуюяё])(?<!^.)[сцз]ьк(?:а|у|ою|е)$")
_WORDS = re.compile(f"[{CYRILLIC_RANGES}ʼ'’]+")


@cache
def _given_name_forms() -> dict[str, str]:
    """A given name's form → its language, for forms only one language writes so (Олександр:
    uk, Александр: ru, Аляксандр: be; Антон, which all three write, is absent)."""
    languages = ("uk", "ru", "be")
    votes: dict[str, set[str]] = {}
    for first, others in given_names().items():
        for language, form in zip(languages, (first, *others), strict=False):
            votes.setdefault(form.lower(), set()).add(language)
    return {form: next(iter(found)) for form, found in votes.items() if len(found) == 1}


@memoize(NAMES)
def language_of(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The language of a Cyrillic *text* and the evidence for it.

    Letters decide first (letters.guess_language: і ї є ґ are Ukrainian, ў Belarusian, ы э ъ ё
    Russian or Belarusian); their evidence is the letters.  A text of letters the three
    alphabets share (Донецьк, Микола, Олександр) is then read word by word: a given name's
    form that only one language writes (tables/names/given-names.toml), Ukrainian's -ськ/-цьк
    (Луганськ, Зеленський), or a word the lexicon knows in one language only (Суми, Бровари)
    is evidence for that language; the language with most words wins, Russian when none has
    any (by far the most common).  (None, ()) when the text has no Cyrillic letter.
    """
    language = guess_language(text)
    if language is None:
        return None, ()
    letters = tuple(sorted({c.lower() for c in text} & _DECISIVE))
    if letters:
        return language, letters
    votes: dict[str, list[str]] = {}
    forms = _given_name_forms()
    lexicon = None
    for word in _WORDS.findall(text.lower()):
        word = canonical_apostrophes(word)
        found = forms.get(word)
        if found:
            votes.setdefault(found, []).append(f"given name {word} ({found})")
            continue
        suffix = _UKRAINIAN_SUFFIX.search(word)
        if suffix:
            votes.setdefault("uk", []).append(f"-{suffix.group()} ({word})")
            continue
        if len(word) >= 4:
            lexicon = lexicon or load_lexicon()
            entry = lexicon.get(word)
            if entry is not None and len(entry.languages) == 1:
                (only,) = entry.languages
                votes.setdefault(only, []).append(f"lexicon: {word} ({only})")
    if not votes:
        return language, ()
    best = max(votes, key=lambda lang: (len(votes[lang]), lang == "ru"))
    return best, tuple(votes[best])


# Letters that decide the language by themselves (letters.guess_language reads them).
_DECISIVE = frozenset("іїєґўыэъё")


def romanize(text: str, system: str | None = None) -> str:
    """*text* in Latin letters by *system* (an id or alias).

    With no system, the language is guessed from the letters (letters.guess_language) and that
    language's default system is used (DEFAULT_SYSTEM); text with no Cyrillic comes back as is.
    Any str is accepted; characters no row covers pass through unchanged.
    """
    if not isinstance(text, str):
        raise TypeError(f"romanize() takes a str, not {type(text).__name__}")
    converter = _converter_for(text, system)
    return converter(text) if converter else text


def romanize_many(names: Iterable[str | None], system: str | None = None) -> list[str | None]:
    """romanize() over a batch (any iterable; a pandas Series works); missing values (None,
    NaN, pandas.NA, Arrow nulls) come back as None; a bare str is a TypeError (translit.batch)."""
    items = names_of(names, "romanize_many")
    if system is None:
        # each name in its own language's default system, a batch per language
        out: list[str | None] = list(items)
        by_language: dict[str, list[int]] = {}
        for i, n in enumerate(items):
            if n is None:
                continue
            language = language_of(n)[0]
            if language:
                by_language.setdefault(language, []).append(i)
        for language, indices in by_language.items():
            converted = _forward(DEFAULT_SYSTEM[language]).many([items[i] for i in indices])  # type: ignore[misc]
            for i, d in zip(indices, converted, strict=True):
                out[i] = d
        return out
    convert = _forward(_lookup(system).id)
    if None not in items:
        return convert.many(items)  # type: ignore[arg-type, return-value]
    present = [n for n in items if n is not None]
    results = iter(convert.many(present))
    return [None if n is None else next(results) for n in items]


def cyrillize(text: str, system: str) -> str:
    """The exact inverse of a reversible system: cyrillize(romanize(c, s), s) == c.

    A lossy system raises IrreversibleSystemError, which points to candidates().
    """
    if not isinstance(text, str):
        raise TypeError(f"cyrillize() takes a str, not {type(text).__name__}")
    return _lookup(system).cyrillize(text)


def systems_markdown() -> str:
    """The table of systems as Markdown (the README's copy is checked against this)."""
    rows = ["| id | language | system | source | reversible |", "|---|---|---|---|---|"]
    for s in systems():
        source = s.source.replace("|", "\\|")
        rows.append(
            f"| `{s.id}` | {s.language} | {s.name} | {source} | {'yes' if s.reversible else 'no'} |"
        )
    return "\n".join(rows)
