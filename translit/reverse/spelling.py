"""The letters, words and folding the reverse readings share.

The basic facts (alphabets, apostrophe and quote look-alikes, the language guess from letters)
are translit.letters'; this module adds what reading Latin back needs on top: the alphabets with
their apostrophe, the signs, the Latin word (which may end in an apostrophe: Kazan’ is Казань)
and the fold Latin spellings are compared in.
"""

from __future__ import annotations

import unicodedata

import regex

from ..letters import ALPHABETS as _ALPHABETS
from ..letters import APOSTROPHE, APOSTROPHES, CYRILLIC, QUOTES, guess_language
from ..letters import VOWELS as _VOWELS

__all__ = ["ALPHABETS", "VOWELS", "bare", "cyrillic_key", "guess_language", "reading_form"]

#: The letters of each language, with the apostrophe where it is a letter of the word (uk, be).
ALPHABETS: dict[str, str] = {lang: letters + ("" if lang == "ru" else APOSTROPHE)
                             for lang, letters in _ALPHABETS.items()}
VOWELS = frozenset(_VOWELS)
SIGNS = frozenset("ьъʼ")
#: The letters the apostrophe (uk, be) and ъ (ru) stand before.
AFTER_SEPARATOR = {"uk": frozenset("яюєї"), "be": frozenset("еёюяі"), "ru": frozenset("еёюя")}
EDGE = ""  # no letter on that side: the word's start or end (as tables.Context stores it)
OTHER = "?"  # a letter that is not Cyrillic (passed through)
SEPARATOR_CHARS = " -"

LATIN_LETTER = regex.compile(r"\p{Script=Latin}")
CYRILLIC_LETTER = CYRILLIC
APOSTROPHE_LIKE = APOSTROPHES
QUOTE_LIKE = QUOTES
_FOLD = str.maketrans({**{c: "'" for c in APOSTROPHE_LIKE}, **{c: '"' for c in QUOTE_LIKE}})
# A word: letters and marks, with apostrophes, quotes and middle dots between letters, and
# apostrophes at its end (Kazan’ is Казань).
MARKS = regex.escape(APOSTROPHE_LIKE + QUOTE_LIKE + "·")
TRAILING = regex.escape(APOSTROPHE_LIKE)
WORD = regex.compile(rf"[\p{{L}}\p{{M}}]+(?:[{MARKS}]+[\p{{L}}\p{{M}}]+)*[{TRAILING}]*")
PARTS = regex.compile(r"[ \-]+")
#: A letter of no Cyrillic alphabet (ʼ, the apostrophe, is a letter of Ukrainian and Belarusian).
_NOT_CYRILLIC = regex.compile(r"[\p{L}&&[^\p{Script=Cyrillic}ʼ]]", regex.V1)


def mixes_scripts(reading: str) -> bool:
    """Whether a reading holds a letter that is not Cyrillic (a Latin letter no chunk read)."""
    return _NOT_CYRILLIC.search(reading) is not None


def reading_form(text: str) -> str:
    """The form Latin is read back in (the channel's rows, the index, identify): NFC,
    lowercase, apostrophe and quote look-alikes unified into one, not dropped (they are
    letters of some systems: ьь, ъ).  Turkish's capital İ is i (str.lower gives i and a dot)."""
    return unicodedata.normalize("NFC", text).replace("İ", "I").lower().translate(_FOLD)


_MARK_CHARS = str.maketrans("", "", "'\"·")


def bare(folded: str) -> str:
    """Folded Latin without apostrophes, quotes and middle dots."""
    return folded.translate(_MARK_CHARS)


def cyrillic_key(text: str) -> str:
    """Cyrillic as readings are written: NFC, lowercase, the apostrophe as ʼ."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(APOSTROPHE if c in APOSTROPHE_LIKE else c for c in text)
