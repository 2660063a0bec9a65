"""The letters, words and folding the reverse readings share.

The three alphabets, the Latin marks that are folded together (apostrophe and quote
look-alikes), what a word is, and the letter-based language guess that breaks ties.
"""

from __future__ import annotations

import unicodedata

import regex

from ..tables import APOSTROPHE, APOSTROPHES

#: The letters of each language (ʼ is the apostrophe, a letter of Ukrainian and Belarusian).
ALPHABETS: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюяʼ",
}
VOWELS = frozenset("аеёиоуыэюяіїє")
SIGNS = frozenset("ьъʼ")
#: The letters the apostrophe (uk, be) and ъ (ru) stand before.
AFTER_SEPARATOR = {"uk": frozenset("яюєї"), "be": frozenset("еёюяі"), "ru": frozenset("еёюя")}
EDGE = ""  # no letter on that side: the word's start or end (as tables.Context stores it)
OTHER = "?"  # a letter that is not Cyrillic (passed through)
SEPARATOR_CHARS = " -"

LATIN_LETTER = regex.compile(r"\p{Script=Latin}")
CYRILLIC_LETTER = regex.compile(r"\p{Script=Cyrillic}")
APOSTROPHE_LIKE = APOSTROPHES + "ʹ´’ʼ"
QUOTE_LIKE = "\"”“„″ʺ"
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


def fold(text: str) -> str:
    """Latin as it is compared: NFC, lowercase, apostrophe and quote look-alikes unified."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD)


_MARK_CHARS = str.maketrans("", "", "'\"·")


def bare(folded: str) -> str:
    """Folded Latin without apostrophes, quotes and middle dots."""
    return folded.translate(_MARK_CHARS)


def cyrillic_key(text: str) -> str:
    """Cyrillic as readings are written: NFC, lowercase, the apostrophe as ʼ."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(APOSTROPHE if c in APOSTROPHE_LIKE else c for c in text)


# The letters that tell the languages apart, as translit.detect.guess_language reads them
# (kept here: translit.detect sits in a layer above this package and imports it).
_UK_ONLY = frozenset("їєґЇЄҐ")
_BE_ONLY = frozenset("ўЎ")
_UK_BE = frozenset("іІ")
_RU_BE = frozenset("ыэёЫЭЁ")
_NOT_BE = frozenset("иИщЩъЪ")  # ru and uk have them; Belarusian has none
_RU_ONLY = frozenset("ъЪ")
_APOSTROPHES = frozenset("'’ʼ‘`′ʹ")
_INNER_APOSTROPHE = regex.compile(r"\p{Script=Cyrillic}['’ʼ‘`′ʹ]\p{Script=Cyrillic}")


def guess_language(text: str) -> str | None:
    """'uk', 'ru', 'be' from the letters of *text*; None when it holds no Cyrillic letter."""
    letters = set(text)
    if letters & _UK_ONLY:
        return "uk"
    if letters & _BE_ONLY:
        return "be"
    if letters & _UK_BE:
        return "be" if letters & _RU_BE and not letters & _NOT_BE else "uk"
    if letters & _APOSTROPHES and _INNER_APOSTROPHE.search(text):
        # Russian writes ъ where Ukrainian and Belarusian write the apostrophe (Знам'янка)
        return "be" if letters & _RU_BE else "uk"
    if letters & _RU_BE or letters & _RU_ONLY:
        return "ru"
    if any("\u0400" <= c <= "\u04ff" for c in text):
        return "ru"  # only letters the three share: Russian is by far the most common
    return None
