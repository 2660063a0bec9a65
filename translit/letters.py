"""The letters translit is about: layer 0, imported by every other module and importing none.

One definition of each basic fact:

* the three alphabets (Russian, Ukrainian, Belarusian), their vowels and consonants;
* the apostrophe: its canonical form ʼ and the look-alikes typed for it, and the folds that
  compare spellings with and without it;
* what "Cyrillic" is (one set of Unicode ranges) and what "Latin" is;
* what a word is (the patterns that cut text into words);
* the language a Cyrillic text is written in, told from its letters alone;
* the spelling convention a Latin text follows, told from its letters alone.

Nothing here reads a table or a data file: where a fact comes from a standard, the comment
names it.
"""

from __future__ import annotations

import re
import unicodedata

import regex

__all__ = [
    "ALPHABETS", "APOSTROPHE", "APOSTROPHES", "CONSONANTS", "CYRILLIC", "CYRILLIC_RANGES", "LATIN", "LATIN_CONVENTIONS",
    "LETTERS", "QUOTES", "VOWELS", "WORD", "WORD_JOINERS", "canonical_apostrophes", "guess_language",
    "has_cyrillic", "has_latin", "is_cyrillic", "latin_family", "nfc", "without_apostrophes",
]

# --- alphabets ---------------------------------------------------------------------------------

#: The alphabets in their dictionary order (lowercase; ʼ is Ukrainian's and Belarusian's
#: apostrophe, a letter of the word although not of the alphabet).
ALPHABETS: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
}
VOWELS = "аеёиоуыэюяіїє"
CONSONANTS = "бвгґджзйклмнпрстфхцчшщў"
#: Every letter of the three alphabets, and the apostrophe.
LETTERS = "абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюяʼ"

# --- apostrophes -------------------------------------------------------------------------------

#: The apostrophe as translit writes it inside a Cyrillic word (U+02BC, the letter apostrophe
#: that Ukrainian orthography (2019, §6) and Unicode recommend).
APOSTROPHE = "ʼ"
#: Look-alikes typed for it (´, the acute accent, too): between two Cyrillic letters, any of
#: these is the word's apostrophe.
APOSTROPHES = "'’ʼ‘`′ʹ´"
#: Quote-like marks that romanizations write for ъ (BGN/PCGN ”, ISO 9 ʺ) and typists replace.
QUOTES = "\"”“„″ʺ"
_DASHES = "‐‑‒–—"

_TO_CANONICAL = str.maketrans({c: APOSTROPHE for c in APOSTROPHES} | dict.fromkeys(_DASHES, "-"))
_DROPPED = str.maketrans(dict.fromkeys(APOSTROPHES, "") | dict.fromkeys(_DASHES, "-"))


def canonical_apostrophes(text: str) -> str:
    """Every apostrophe look-alike as ʼ and every dash as "-" (how the lexicon spells words)."""
    return text.translate(_TO_CANONICAL)


def without_apostrophes(text: str) -> str:
    """No apostrophe look-alike and every dash as "-" (how gazetteer spellings are compared,
    since sources write the apostrophe, omit it or type any look-alike)."""
    return text.translate(_DROPPED)


# --- scripts -----------------------------------------------------------------------------------

#: The Cyrillic blocks of Unicode: Cyrillic, Supplement, Extended-C, Extended-A, Extended-B.
CYRILLIC_RANGES = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
#: One Cyrillic character; one Latin letter.
CYRILLIC = re.compile(f"[{CYRILLIC_RANGES}]")
LATIN = regex.compile(r"\p{Script=Latin}")
_CYRILLIC = CYRILLIC
_LATIN = LATIN


def is_cyrillic(char: str) -> bool:
    """Whether the one character *char* is in a Cyrillic block."""
    return _CYRILLIC.match(char) is not None


def has_cyrillic(text: str) -> bool:
    """Whether *text* holds a character of a Cyrillic block."""
    return not text.isascii() and _CYRILLIC.search(text) is not None


def has_latin(text: str) -> bool:
    """Whether *text* holds a letter of the Latin script (any accent)."""
    return _LATIN.search(text) is not None


# --- words -------------------------------------------------------------------------------------

#: Characters that join the letters of one word: the apostrophe look-alikes, the acute accent
#: typed for one (´), and the middle dot of BGN/PCGN's optional separations and Łacinka (C·H).
#: GOST 7.79 B writes ` inside Latin words (L`V).
WORD_JOINERS = "'’`´·ʼ‘′ʹ"
#: A word: letters and combining marks, joined by WORD_JOINERS (Знам'янка, L`vov, Pid·hirne).
WORD = regex.compile(rf"[\p{{L}}\p{{M}}]+(?:[{regex.escape(WORD_JOINERS)}]+[\p{{L}}\p{{M}}]+)*")


# --- language of Cyrillic text -----------------------------------------------------------------

# Letters that only some of the three alphabets have.
_UK_ONLY = frozenset("їєґЇЄҐ")
_BE_ONLY = frozenset("ўЎ")
_UK_BE = frozenset("іІ")
_RU_BE = frozenset("ыэёЫЭЁ")
_NOT_BE = frozenset("иИщЩъЪ")  # ru and uk have them; Belarusian has none
_RU_ONLY = frozenset("ъЪ")
_APOSTROPHE_SET = frozenset(APOSTROPHES)
_INNER_APOSTROPHE = re.compile(f"[{CYRILLIC_RANGES}][{re.escape(APOSTROPHES)}][{CYRILLIC_RANGES}]")


def guess_language(text: str) -> str | None:
    """'uk', 'ru', 'be' from the letters of *text*; None when it holds no Cyrillic letter.

    Only letters decide here (і ї є ґ: Ukrainian; ў: Belarusian; ы э ъ ё: Russian or
    Belarusian; an apostrophe inside a word: not Russian, which writes ъ).  A text of letters
    the three share is Russian, by far the most common.
    """
    letters = set(text)
    if letters & _UK_ONLY:
        return "uk"
    if letters & _BE_ONLY:
        return "be"
    if letters & _UK_BE:
        return "be" if letters & _RU_BE and not letters & _NOT_BE else "uk"
    if letters & _APOSTROPHE_SET and _INNER_APOSTROPHE.search(text):
        return "be" if letters & _RU_BE else "uk"
    if letters & _RU_BE or letters & _RU_ONLY:
        return "ru"
    if has_cyrillic(text):
        return "ru"
    return None


# --- spelling convention of Latin text ---------------------------------------------------------

#: What latin_family() answers.  "gost" is GOST 7.79 B's ` spelling; the others are the
#: conventions of tables/README.md ("Conventions and defaults") that letters can tell apart.
LATIN_CONVENTIONS = ("english", "polish", "gost", "german", "czech", "french")

# Spelling conventions of Latin text, told by letters only they use (checked in this order).
_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Polish letters, szcz, sz before a vowel, or two of cz rz w (alone, rz is English р+з,
    # cz is GOST 7.79 B's ц, w is German's в; sz elsewhere is English с+з)
    # (a w beside v, kh or zh, which neither German nor Polish spellings write, is BGN/PCGN's
    # Belarusian ў: Charnavusaw, Varzaw, Vawkavysk)
    ("polish", re.compile(
        r"[łżśćńóąęź]|szcz|sz(?=[aeiouy])|cz.*rz|rz.*cz"
        r"|^(?!.*(?:v|kh|zh))(?:.*(?:cz|rz(?!h)).*w|.*w.*(?:cz|rz(?!h)))")),
    # GOST 7.79 B: ` for soft signs and ы э і (its shh for щ is English ш+г: Vyshhorod)
    ("gost", re.compile(r"`")),
    # tsch, w; sch alone is also English с+ч (Schastye), which reads the same but for ch and z
    ("german", re.compile(r"tsch|^(?!.*(?:v|kh|zh)).*w")),
    ("czech", re.compile(r"[čšžěřůĉŝ]")),
    ("french", re.compile(r"ou(?=\w)|tch")),  # not a final -ou: Belarusian ў (Rahachou)
)
_ANY_MARK = re.compile("|".join(f"(?:{p.pattern})" for _, p in _FAMILIES))


def latin_family(text: str) -> str:
    """The spelling convention of a Latin name: english, gost, german, polish, czech or french.

    English-style (BGN/PCGN, national systems, ICAO, Wikipedia) is the default; the others are
    told by their own letters: Polish ł ż ó sz szcz, German tsch w (a w beside v, kh or zh
    is BGN/PCGN's Belarusian ў, for Polish too), Czech/scholarly
    č š ž, French ou tch (ï and ë are not French marks: ALA-LC, BGN and ISO 9 write them).
    """
    lower = text.lower()
    if _ANY_MARK.search(lower) is None:
        return "english"
    for family, pattern in _FAMILIES:
        if pattern.search(lower):
            return family
    return "english"


def nfc(text: str) -> str:
    """*text* in Unicode normalization form C (what every table row and lookup expects)."""
    return unicodedata.normalize("NFC", text)
