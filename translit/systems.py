"""Systems: a table plus its compiled converters, and the romanize verbs built on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .engine import Converter, has_cyrillic, invert, mrz_form
from .errors import IrreversibleSystemError, UnknownSystemError
from .tables import LANGUAGES, Table, load_table, resolve_id, system_ids

#: The system romanize() uses when none is named: each language's national system for
#: geographic names, which is also what English-language maps and media follow
#: (Ukraine: KMU 2010 = BGN/PCGN 2019; Belarus: the 2007 national system adopted by UNGEGN).
#: Russia has no national system in international use; BGN/PCGN 1947 is the one English-
#: language maps, atlases and most media follow, so it is Russian's default.
DEFAULT_SYSTEM = {"uk": "uk-national", "ru": "ru-bgn-pcgn", "be": "be-national"}


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


@cache
def _forward(table_id: str) -> Converter | _Formed:
    table = load_table(table_id)
    converter = Converter(table.rules, cyrillic_source=True)
    return _Formed(converter) if table.form == "mrz" else converter


@cache
def _backward(table_id: str) -> Converter:
    return Converter(invert(load_table(table_id)), cyrillic_source=False)


def _converter_for(text: str, name: str | None) -> Converter | _Formed | None:
    if name is not None:
        return _forward(system(name).id)
    from .detect import guess_language

    language = guess_language(text)
    return _forward(DEFAULT_SYSTEM[language]) if language else None


def romanize(text: str, system: str | None = None) -> str:
    """*text* in Latin letters by *system* (an id or alias).

    With no system, the language is guessed from the letters (detect.guess_language) and that
    language's default system is used (DEFAULT_SYSTEM); text with no Cyrillic comes back as is.
    Any str is accepted; characters no row covers pass through unchanged.
    """
    if not isinstance(text, str):
        raise TypeError(f"romanize() takes a str, not {type(text).__name__}")
    converter = _converter_for(text, system)
    return converter(text) if converter else text


def romanize_many(names: Iterable[str | None], system: str | None = None) -> list[str | None]:
    """romanize() over a batch (any iterable; a pandas Series works); None stays None."""
    items = list(names)
    if system is None:
        # each name in its own language's default system, a batch per language
        from .detect import guess_language

        out: list[str | None] = list(items)
        by_language: dict[str, list[int]] = {}
        for i, n in enumerate(items):
            if n is None:
                continue
            if not isinstance(n, str):
                raise TypeError(f"romanize_many() takes str or None, not {type(n).__name__}")
            language = guess_language(n)
            if language:
                by_language.setdefault(language, []).append(i)
        for language, indices in by_language.items():
            converted = _forward(DEFAULT_SYSTEM[language]).many([items[i] for i in indices])  # type: ignore[misc]
            for i, d in zip(indices, converted, strict=True):
                out[i] = d
        return out
    convert = _forward(_lookup(system).id)
    present = [n for n in items if n is not None]
    if len(present) != len(items) or not all(isinstance(n, str) for n in present):
        # None stays None; anything else that is not a str is an error, as in romanize()
        for n in present:
            if not isinstance(n, str):
                raise TypeError(f"romanize_many() takes str or None, not {type(n).__name__}")
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
