"""The norm of a text: its language, guessed from function words (tables/check/languages.toml),
the target system that language's convention gives, and the exonyms it establishes
(tables/places/exonyms.toml)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..places import lookup_form
from ..systems import system, systems
from ..tables import default_systems, tables_dir
from .cyrillic_language import cyrillic_language  # cyr hook

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Norm:
    """What a text's spellings are checked against."""

    language: str  # the text's language: en, de, fr, pl, es …
    language_name: str  # English, German …
    target: str  # the system id names of the target's language are written in
    guessed: bool  # the target came from the guessed language, not from --target
    norm_language: str = "en"  # whose exonyms apply: the text's, or the target convention's


@dataclass(frozen=True)
class Exonym:
    """A language's established name for a place (Kiew, Kijów)."""

    language: str
    name: str  # the official Cyrillic name
    exonym: str
    forms: frozenset[str]  # the exonym and its inflected forms, folded
    accepted: frozenset[str]  # folded spellings correct in that language's text
    dated: str  # the spelling to use instead ('' when the exonym is current)
    source: str  # the source of the exonym (of its being dated, when it is)


@cache
def _languages() -> dict[str, dict[str, object]]:
    return tomllib.loads((tables_dir() / "check" / "languages.toml").read_text("utf-8"))


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    """Each function word → the languages it is one of (made once)."""
    lookup: dict[str, list[str]] = {}
    for language, row in _languages().items():
        if row.get("script") == "cyrillic":  # cyr hook: told apart in translit.check.cyrillic
            continue
        for word in row["words"]:  # type: ignore[attr-defined]
            lookup.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in lookup.items()}


def text_language(text: str) -> str:
    """The language of running text, by its commonest function words (English when none)."""
    cyrillic = cyrillic_language(text)  # cyr hook: Ukrainian, Russian or Belarusian text
    if cyrillic is not None:
        return cyrillic
    counts = dict.fromkeys(_languages(), 0)
    lookup = _function_words()
    for match in _WORD.finditer(text[:20_000].lower()):
        for language in lookup.get(match.group(), ()):
            counts[language] += 1
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] else "en"


def language_name(language: str) -> str:
    return str(_languages().get(language, {}).get("name", language))


def target_for(language: str, name_language: str = "uk") -> str:
    """The system names of *name_language* are written in, in text of *language*: its
    convention's table of that language, else of Russian, else the national system."""
    convention = _languages().get(language, {}).get("convention", "english")
    default = default_systems()[name_language]  # the language's own default ([system] default)
    if convention == "english":
        return default
    for lang in (name_language, "uk", "ru"):
        for s in systems(lang):
            if s.table.convention == convention and s.table.form != "mrz":
                return s.id
    return default


def norm(text: str, target: str | None = None) -> Norm:
    """The text's language and the target its spellings are checked against (*target* wins)."""
    language = text_language(text)
    if target:
        chosen = system(target)
        convention = chosen.table.convention
        norm_language = next((code for code, row in _languages().items()
                              if row.get("convention") == convention), "en")
        return Norm(language, language_name(language), chosen.id, False, norm_language)
    # cyr hook: Cyrillic text's own norm is its language's Cyrillic forms
    # (translit.check.cyrillic); the Latin names in it keep the English norm, as before
    cyrillic = _languages().get(language, {}).get("script") == "cyrillic"
    return Norm(language, language_name(language), target_for(language), True,
                "en" if cyrillic else language)


@cache
def exonyms() -> dict[str, dict[str, Exonym]]:
    """Folded official name → language → its exonym there."""
    data = tomllib.loads((tables_dir() / "places" / "exonyms.toml").read_text("utf-8"))
    sources = data.pop("sources")
    out: dict[str, dict[str, Exonym]] = {}
    for language, rows in data.items():
        for name, row in rows.items():
            name = unicodedata.normalize("NFC", name)
            forms = {lookup_form(f) for f in (row["exonym"], *row.get("forms", ()))}
            accepted = set() if row.get("dated") else set(forms)
            accepted |= {lookup_form(f) for f in row.get("also", ())}
            out.setdefault(lookup_form(name), {})[language] = Exonym(
                language, name, unicodedata.normalize("NFC", row["exonym"]), frozenset(forms),
                frozenset(accepted),
                row.get("dated", ""), sources[row.get("dated_source") or row["source"]])
    return out


def exonym_for(cyrillic: str, language: str) -> Exonym | None:
    return exonyms().get(lookup_form(cyrillic), {}).get(language)


def foreign_exonym(cyrillic: str, folded: str, language: str) -> Exonym | None:
    """Another language's exonym (or a form of it) spelled *folded*, not correct in *language*."""
    by_language = exonyms().get(lookup_form(cyrillic), {})
    own = by_language.get(language)
    if own is not None and folded in own.accepted:
        return None
    for other, exonym in by_language.items():
        if other != language and folded in exonym.forms:
            return exonym
    return None
