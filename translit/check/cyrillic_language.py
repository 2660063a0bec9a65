"""Which of Ukrainian, Russian and Belarusian a Cyrillic text is written in (for check's
norm): function words and the lowercase words only some of the three alphabets write.

Below translit.check.norm and translit.check.cyrillic, which both ask it (a module of its own,
so that neither imports the other)."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from ..letters import CYRILLIC, LATIN
from ..reverse import ALPHABETS
from ..tables import tables_dir

_LANGUAGES = ("ru", "uk", "be")  # in this order a tie is decided: Russian is the commonest
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_APOSTROPHES = str.maketrans({"'": "ʼ", "’": "ʼ"})


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    """Each Cyrillic function word → the languages it is one of."""
    rows = tomllib.loads((tables_dir() / "check" / "languages.toml").read_text("utf-8"))
    out: dict[str, list[str]] = {}
    for language, row in rows.items():
        if row.get("script") == "cyrillic":
            for word in row["words"]:
                out.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in out.items()}


@cache
def _alphabets() -> dict[str, frozenset[str]]:
    return {language: frozenset(ALPHABETS[language]) | {"-"} for language in _LANGUAGES}


def _writes(language: str, word: str) -> bool:
    """Whether the language's alphabet writes *word* (lowercase, apostrophes as ʼ)."""
    return set(word) <= _alphabets()[language]


def cyrillic_language(text: str) -> str | None:
    """'uk', 'ru' or 'be' for a text with more Cyrillic letters than Latin ones (in its first
    20,000 characters), None for any other text.

    >>> cyrillic_language("Він поїхав у Харьков."), cyrillic_language("Он поехал в Харків.")
    ('uk', 'ru')
    """
    if not isinstance(text, str):
        return None
    sample = text[:20_000]
    cyrillic = len(CYRILLIC.findall(sample))
    if not cyrillic or cyrillic <= len(LATIN.findall(sample)):
        return None
    scores = dict.fromkeys(_LANGUAGES, 0)
    names = dict.fromkeys(_LANGUAGES, 0)  # capitalized words: a last resort (a list of names)
    words = _function_words()
    for match in _WORD.finditer(sample):
        word = match.group()
        if not CYRILLIC.search(word):
            continue
        lower = word.lower().translate(_APOSTROPHES)
        for language in words.get(lower, ()):
            scores[language] += 1
        writable = [language for language in _LANGUAGES if _writes(language, lower)]
        if 0 < len(writable) < len(_LANGUAGES):
            for language in writable:
                (scores if word[:1].islower() else names)[language] += 1
    if not any(scores.values()):
        scores = names
    return max(_LANGUAGES, key=lambda language: scores[language])
