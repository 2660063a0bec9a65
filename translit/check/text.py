"""The text a check reads: its words, sentences, lines, the names it mentions, and the cues around
them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from ..letters import CYRILLIC, LATIN
from ..places import Place, Renaming
from ..systems import System, counterpart
from ..tables import check_cues


@dataclass
class _Name:
    """A name the text refers to, as the check judges spellings of it."""

    id: str
    kind: str  # place, person, name
    language: str | None
    cyrillic: str  # the official name in its own language ('' when unknown)
    forms: dict[str, str] = field(default_factory=dict)  # language → Cyrillic form
    established: str = ""  # the established Latin spelling ('' none)
    scope: str = "en"
    also: frozenset[str] = frozenset()  # folded spellings also correct
    wrong: frozenset[str] = frozenset()  # folded spellings known to be wrong
    known: bool = True
    latin: str = ""  # a Latin name to fall back on when there is no Cyrillic
    place: Place | None = None
    words: tuple[_Name, ...] = ()  # a person: the name's words, each a _Name


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    name: _Name
    via: str = "name"  # name, former
    renaming: Renaming | None = None
    exact: bool = True
    script: str = "latin"  # latin, cyrillic, mixed
    gloss: bool = False  # a Cyrillic gloss in parentheses: not a spelling of its own
    repaired: str = ""  # mixed script: the word made one-script


class _Token(NamedTuple):  # a tuple: a text has a token per word, made fast
    start: int
    end: int
    text: str
    sentence: int
    line: int


# Words: letters and marks, apostrophes and hyphens inside.
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘`][^\W\d_]+)*(?:-[^\W\d_]+(?:['’ʼ‘`][^\W\d_]+)*)*")


_CYRILLIC = CYRILLIC


_LATIN = LATIN


_POSSESSIVE = ("'s", "’s")


_SENTENCE_END = re.compile(r"[.!?]+[\"'”’»)]*\s+|\n\s*\n")


_SEPARATOR = re.compile(r"[ \u00a0]")


def _any(words: tuple[str, ...]) -> str:
    return "|".join(words)


_WORDS = check_cues()  # tables/check/cues.toml

# Nationality words: the language of a person named in the same sentence.
_NATIONALITY = _WORDS["nationality"]
_CUES = [
    (re.compile(_any(_NATIONALITY["uk-contains"]), re.I), "uk"),
    *((re.compile("^(?:" + _any(_NATIONALITY[language]) + ")", re.I), language)
      for language in ("uk", "ru", "be")),
]


_CUE_WINDOW = 8  # words either side, within the sentence


# Former names the text itself marks as former, or uses as a region's or river's name.
_FORMER = _WORDS["former"]
_FORMER_BEFORE = re.compile(
    rf"(?:(?:\b(?:{_any(_FORMER['before'])})\b|\b(?:{_any(_FORMER['before-year'])})\s+\d{{4}}\b)"
    r"[^.;()]{0,25}|\(\s*)$", re.I)


_FORMER_AFTER = re.compile(rf"^\W{{0,3}}(?:{_any(_FORMER['after'])})\b", re.I)


_REGION = _WORDS["region"]
_REGION_AFTER = re.compile(rf"^[\s-]*(?:{_any(_REGION['after'])})", re.I)


_REGION_BEFORE = re.compile(
    rf"\b(?:{_any(_REGION['before'])})(?:\s+(?:{_any(_REGION['before-joiners'])}))?\s+$", re.I)


_RIVER_AROUND = re.compile(rf"^[\s-]*(?:{_any(_WORDS['river']['around'])})\b", re.I)


_RIVER_BEFORE = re.compile(rf"\b(?:{_any(_WORDS['river']['before'])})\s+$", re.I)


# Where the words right after a place's name put it (see core._placed_elsewhere).
# a country word locates only where its clause ends ("Odessa, Texas, and …"; not "Kharkov,
# Russia said" nor "Kharkov, Russia's ministry")
_COUNTRY_CUES = {code: re.compile(rf"(?:{_any(words)})(?=\s*(?:[,.;:!?)]|$))", re.I)
                 for code, words in _WORDS["country"].items() if code != "between"}
_COUNTRY_LEAD = re.compile(
    rf"\s*(?:[,(]|\s[—–-])\s*(?:(?:{_any(_WORDS['country']['between'])})\s+)*"
    rf"|\s+(?:(?:{_any(_WORDS['country']['between'])})\s+)+", re.I)


# Prepositions of place (see core._without_person_surnames).
_LOCATIVE = re.compile(rf"\b(?:{_any(_WORDS['locative']['before'])})\s+$", re.I)


#: what is wrong with a spelling: (problem, suggestion, follows)
_Judged = tuple[str, str, tuple[str, ...]]


@dataclass
class _Memos:
    """What one check works out once per distinct spelling or name, however often the text
    repeats it (a news text names the same towns and people again and again).  Keys hold
    names by identity: every name a check judges is interned (translit.check.resolve), and
    each entry keeps its name alive, so that no id() is reused while the check runs."""

    #: (id(name), spelling) → (name, (problem, suggestion, follows) or None when it is right)
    judged: dict[tuple[int, str], tuple[_Name, _Judged | None]] = field(default_factory=dict)
    #: id(name) → (name, folded spellings correct for it)
    accepted: dict[int, tuple[_Name, frozenset[str]]] = field(default_factory=dict)
    #: (id(name), renaming) → the name of the region that keeps a former name
    regions: dict[tuple[int, Renaming], tuple[_Name, _Name]] = field(default_factory=dict)
    #: (spelling, the name's forms by language) → the systems that write one of them so
    follows: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, ...]] = field(
        default_factory=dict)
    #: (id(name), suggestion) → (name, the label of the findings about it)
    labels: dict[tuple[int, str], tuple[_Name, str]] = field(default_factory=dict)
    #: (spelling, renaming) → the systems that write the former name so
    former_follows: dict[tuple[str, Renaming], tuple[str, ...]] = field(default_factory=dict)


@dataclass
class _Text:
    text: str
    target: System
    language: str
    english: bool  # the target writes English-style Latin (established spellings apply)
    latin_text: bool  # Latin letters outnumber Cyrillic ones
    list_mode: bool
    tokens: list[_Token]
    line_starts: list[int]
    text_language: str = "en"  # the language the text is written in (translit.check.norm)
    memos: _Memos = field(default_factory=_Memos, repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_index(self, start: int) -> int | None:
        """The index of the token that starts at *start*, or None (a bisection: the tokens
        are in the order of the text)."""
        starts = self._token_starts
        i = bisect.bisect_left(starts, start)
        return i if i < len(starts) and starts[i] == start else None


def _tokens(text: str) -> list[_Token]:
    out = []
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    line = 1
    last = 0
    sentence = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        while sentence < len(sentence_ends) and sentence_ends[sentence] <= start:
            sentence += 1
        line += text.count("\n", last, start)
        last = start
        if word.endswith(_POSSESSIVE) and _LATIN.search(word) and not _CYRILLIC.search(word):
            word, end = word[:-2], end - 2
        out.append(_Token(start, end, word, sentence, line))
    return out


def _is_list(text: str) -> bool:
    """One name a line: most lines short, few ending like sentences."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    short = sum(len(line.split()) <= 6 for line in lines)
    sentences = sum(line.endswith((".", "!", "?")) and len(line.split()) > 3 for line in lines)
    return short >= 0.9 * len(lines) and sentences <= len(lines) // 5


def _english(target: System) -> bool:
    """Whether the target writes Latin in the English manner (its established English
    spellings apply): its table's convention says so."""
    return target.table.convention in ("english", "scholarly")


def _system_for(language: str, target: System) -> str:
    """The system a name of *language* is written in, for a text written in *target*."""
    return counterpart(target, language).id
