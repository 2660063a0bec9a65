"""The sizes, score weights and memo bounds of the reverse readings, in one place.

Scores are natural-log probabilities; the package docstring (translit.reverse) says how they
combine.  Memo bounds come from translit.memo (bounded(): each memo forgets its least recently used
entries beyond its bound, so a long job's memory stays bounded.
"""

from __future__ import annotations

# Memo bounds (entries): every memo of the package is sized in translit.memo.
from ..memo import EXACT as EXACT_MEMO
from ..memo import GREEDY as GREEDY_MEMO
from ..memo import INDEX as INDEX_MEMO
from ..memo import LETTERS as LETTER_MEMO
from ..memo import READINGS as READINGS_MEMO
from ..memo import SEARCH as SEARCH_MEMO
from ..memo import SYSTEM_SETS as SYSTEM_SETS_MEMO
from ..memo import WALK as WALK_MEMO

#: Words longer than this many letters, and inputs longer than this many characters, are read
#: greedily (one reading per word), so that no input can take more than linear time.
MAX_WORD_LETTERS = 40
MAX_INPUT_CHARS = 1000
#: Hypotheses kept at each place of the free search, and of the search kept to known names.
BEAM_WIDTH = 10
KNOWN_BEAM_WIDTH = 20
#: Hypotheses more than this far (in nats) below the best at their place are dropped.
BEAM_DELTA = 12.0
#: Readings kept per word and language; combinations of words are enumerated best first.
WORD_READINGS = 16
#: How many unknown readings of a word are checked for an exact match.
EXACT_CHECKS = 6
#: The most frequent names of each language whose every spelling is indexed.
INDEXED_NAMES = 10000
#: Names of the lexicon each letter model is trained on (the most frequent).
MODEL_NAMES = 40000
#: limit=1 answers from the index alone for names of up to this many words (see first_exact).
FAST_PATH_WORDS = 40
#: Choices of tied readings (one per word) that limit=1 compares as the full ranking would.
TIED_CHOICES = 64
#: exact_names() gives up after this many steps of its walk (a name takes a few dozen)
EXACT_NAME_STEPS = 2000

# Score weights.
EXACT_KNOWN = 1000.0
EXACT_UNKNOWN = 10.0
#: A system writes the reading as the input but for apostrophes and marks the input leaves
#: out (Zelenskyy for Зеленський, Zelensʹkyy in BGN/PCGN 1965): this much below exact.
MARKS_LEFT_OUT = 3.0
UNKNOWN_PENALTY = 6.0
LETTER_MODEL_WEIGHT = 0.7
KEPT_APOSTROPHE = -4.0  # a trailing apostrophe read as punctuation, not as ь
PASS_THROUGH = -9.0  # a character no chunk reads, kept as it is
CROSS_LANGUAGE = 0.15  # the other languages' systems, together
WITHOUT_DIACRITICS = 0.25  # a system's spelling with its diacritics left off
FLOOR_PRIOR = -16.0

__all__ = [
    "BEAM_DELTA",
    "BEAM_WIDTH",
    "CROSS_LANGUAGE",
    "EXACT_CHECKS",
    "EXACT_KNOWN",
    "EXACT_MEMO",
    "EXACT_NAME_STEPS",
    "EXACT_UNKNOWN",
    "FAST_PATH_WORDS",
    "FLOOR_PRIOR",
    "GREEDY_MEMO",
    "INDEXED_NAMES",
    "INDEX_MEMO",
    "KEPT_APOSTROPHE",
    "KNOWN_BEAM_WIDTH",
    "LETTER_MEMO",
    "LETTER_MODEL_WEIGHT",
    "MARKS_LEFT_OUT",
    "MAX_INPUT_CHARS",
    "MAX_WORD_LETTERS",
    "MODEL_NAMES",
    "PASS_THROUGH",
    "READINGS_MEMO",
    "SEARCH_MEMO",
    "SYSTEM_SETS_MEMO",
    "TIED_CHOICES",
    "UNKNOWN_PENALTY",
    "WALK_MEMO",
    "WITHOUT_DIACRITICS",
    "WORD_READINGS",
]
