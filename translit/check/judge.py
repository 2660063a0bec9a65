"""Judging spellings: what is correct for a name in a text, and which systems a spelling follows."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from ..normalize import key
from ..places import Renaming, lookup_form
from ..reverse import ALPHABETS, identify
from ..systems import romanize, system, systems
from ..tables import check_cues
from .norm import _languages, exonym_for
from .text import (
    _CYRILLIC,
    _FORMER_AFTER,
    _FORMER_BEFORE,
    _REGION_AFTER,
    _REGION_BEFORE,
    _SENTENCE_END,
    _Mention,
    _Name,
    _system_for,
    _Text,
)


def _correct(name: _Name, doc: _Text) -> str:
    """The spelling to use for *name* in this text."""
    if name.words:
        return " ".join(_correct(part, doc) for part in name.words)
    if name.established and (doc.english or name.scope == "all"):
        return name.established
    if not name.cyrillic or name.language is None:
        return name.latin
    return romanize(name.cyrillic, _system_for(name.language, doc.target))


def _accepted(name: _Name, doc: _Text) -> frozenset[str]:
    """Folded spellings of *name* that are correct in this text."""
    done = doc.memos.accepted.get(id(name))
    if done is None:
        done = doc.memos.accepted[id(name)] = (name, _accepted_spellings(name, doc))
    return done[1]


def _established_here(name: _Name, doc: _Text) -> bool:
    """Whether the name's established spellings count in this text: an English one ("en",
    SpellingUkraine's and the government's English pages) where the target writes English-style
    Latin, a person's own ("all") everywhere.  In German text Kyiv is the English form."""
    if doc.english or name.scope == "all" or name.kind not in ("place", "person"):
        return True  # a country's or a region's name is no transliteration (German Ukraine)
    if name.kind == "place" and name.language != doc.language and name.cyrillic:
        # another language's place (Moscow in German text): the target writes no spelling of
        # it, and the text's language's own name (Moskau) is known only from exonyms.toml
        return exonym_for(name.cyrillic, doc.text_language) is None
    return False


def _accepted_spellings(name: _Name, doc: _Text) -> frozenset[str]:
    out = {lookup_form(_correct(name, doc))}
    here = _established_here(name, doc)
    if name.established and here:
        out.add(lookup_form(name.established))
    if here or name.kind == "place":
        out |= name.also  # a place's also: its names in other languages too (Moskau, Moscou)
    if name.cyrillic and name.language:
        own = _system_for(name.language, doc.target)
        out.add(lookup_form(romanize(name.cyrillic, own)))
        if name.kind == "place":
            out.update(lookup_form(v) for v in _ending_variants(name.cyrillic, own,
                                                                   doc.text_language))
        if name.language != doc.language:
            # another language's name: any of its systems, and its other Latin names
            for s in systems(name.language):
                out.add(lookup_form(s.romanize(name.cyrillic)))
            if name.place is not None:
                own = key(name.place.name)
                out.update(lookup_form(n) for n, k in zip(name.place.all_names(), name.place._keys,
                                                   strict=False)
                           if k == own and not _CYRILLIC.search(n))
    return frozenset(out)


# Word endings a text's language writes otherwise for places (languages.toml's
# place-endings): language → table id → (Cyrillic ending, Latin ending) pairs
def _place_endings() -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    out: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {}
    for language, row in _languages().items():
        tables = row.get("place-endings")
        if isinstance(tables, dict):
            out[language] = {str(table): tuple((e.split("=", 1)[0], e.split("=", 1)[1])
                                               for e in entries)
                             for table, entries in tables.items()}
    return out


_PLACE_ENDINGS = _place_endings()
_WORD_SPLIT = re.compile(r"([\s-]+)")


def _ending_variants(cyrillic: str, system_id: str, language: str) -> list[str]:
    """The name written by *system_id* with the word endings that text in *language* gives
    places (Кропивницький → Kropyvnytskyï in French): none when no word of it ends so."""
    out = []
    for ending, latin in _PLACE_ENDINGS.get(language, {}).get(system_id, ()):
        parts = _WORD_SPLIT.split(cyrillic)
        if not any(p.lower().endswith(ending) and len(p) > len(ending) for p in parts[::2]):
            continue
        out.append("".join(
            romanize(p[:-len(ending)], system_id) + latin
            if i % 2 == 0 and p.lower().endswith(ending) and len(p) > len(ending)
            else (p if i % 2 else romanize(p, system_id))
            for i, p in enumerate(parts)))
    return out


def _follows(spelling: str, name: _Name, doc: _Text) -> tuple[str, ...]:
    """The systems that write *spelling* from the name's official or another-language form."""
    if name.words:
        words = spelling.split()
        if len(words) != len(name.words):
            return ()
        common: list[str] | None = None
        for word, part in zip(words, name.words, strict=True):
            ids = _follows(word, part, doc)
            common = list(ids) if common is None else [i for i in common if i in ids]
        return tuple(common or ())
    forms = tuple(_all_forms(name).items())
    done = doc.memos.follows.get((spelling, forms))
    if done is None:
        found: list[str] = []
        for language, form in forms:
            if not form:
                continue
            for system_id in identify(spelling, form):
                if system(system_id).language == language and system_id not in found:
                    found.append(system_id)
        done = doc.memos.follows[spelling, forms] = tuple(found)
    return done


def _all_forms(name: _Name) -> dict[str, str]:
    """The name's form in each language: its own forms, and the official name itself for a
    language whose alphabet writes it (Мирноград is Russian too)."""
    forms = dict(name.forms)
    if name.cyrillic and name.language:
        forms.setdefault(name.language, name.cyrillic)
        letters = {c for c in name.cyrillic.lower() if c.isalpha() or c == "ʼ"}
        if "ru" not in forms and letters <= set(ALPHABETS["ru"]):
            forms["ru"] = name.cyrillic
    return forms


def _russian_based(spelling: str, name: _Name, follows: Sequence[str], doc: _Text) -> bool:
    if name.language not in ("uk", "be"):
        return False
    if name.words:  # a person: some misspelled word of the name is Russian-based
        words = spelling.split()
        if len(words) != len(name.words):
            return False
        return any(
            _russian_based(w, p, _follows(w, p, doc), doc) for w, p in zip(words, name.words,
                                                                    strict=True)
            if lookup_form(w) not in _accepted(p, doc))
    if any(system(i).language == "ru" for i in follows):
        return True
    ru = _all_forms(name).get("ru")
    if not ru or not name.cyrillic or lookup_form(ru) == lookup_form(name.cyrillic):
        return False
    # no system writes it, but it is nearer the Russian form's spellings than the name's own
    # (German Kiew: one letter from Kijew, the Russian Киев; three from Kyjiw)
    folded = lookup_form(spelling)
    assert name.language is not None
    to_russian = min(Levenshtein.distance(folded, lookup_form(s.romanize(ru))) for s in systems("ru"))
    to_own = min(Levenshtein.distance(folded, lookup_form(s.romanize(name.cyrillic)))
                 for s in systems(name.language))
    return to_russian < to_own


def _former_exempt(doc: _Text, mention: _Mention) -> str:
    """Why a former name is not reported here ('' when it is)."""
    before = doc.text[max(0, mention.start - 40):mention.start]
    before = before.split("\n")[-1]
    after = doc.text[mention.end:mention.end + 30]
    renaming = mention.renaming
    if renaming is not None and renaming.region_keeps_name and (
            _REGION_AFTER.search(after) or _REGION_BEFORE.search(before)):
        return "region"
    if _FORMER_BEFORE.search(before) or _FORMER_AFTER.search(after):
        return "marked"
    if renaming is not None and _in_its_time(doc, mention, renaming):
        return "time"
    return ""


# --- a former name in its time (tables/check/cues.toml, [former] time-…) -------------------

_TIME = {name.removeprefix("time-"): words for name, words in check_cues()["former"].items()
         if name.startswith("time-")}
# a year: 1700 to 2099, not a count ("1800 troops") nor one that reaches the present ("since
# 2014"; a range's first word is read by _RANGE before)
_YEAR = re.compile(
    rf"(?<![\d.,])(?<!№)(1[7-9]\d{{2}}|20\d{{2}})(?!\d|[.,]\d)"
    rf"(?!\s+(?:{'|'.join(_TIME['counted'])})\b)", re.I)
_SINCE = re.compile(rf"\b(?:{'|'.join(_TIME['since'])})\s+(?:[^\W\d]+\s+)?$", re.I)
_CENTURY = re.compile(
    r"\b(\d{1,2}|[XVI]{1,5})(?:st|nd|rd|th|e|er|\.|-?(?:го|му|м|й))?\s+"
    rf"(?:{'|'.join(_TIME['century'])})\b", re.I)
# each era's words, with the last year it lasted ('past' words: before any renaming)
# (an era's year counts one less: an era is before a renaming in its last year or later)
_ERAS = [(re.compile(rf"\b(?:{'|'.join(words)})\b", re.I),
          0 if name == "past" else int(name.removeprefix("until-")) - 1)
         for name, words in _TIME.items() if name == "past" or name.startswith("until-")]
_PRESENT = re.compile(rf"\b(?:{'|'.join(_TIME['present'])})\b", re.I)
_CLAUSE_END = re.compile(r"[;:]")
_PHRASE_END = re.compile(r"[;:,]|\s[—–]\s")
_RANGE = re.compile(
    rf"\b(?:(?:{'|'.join(_TIME['range-from'])})\s+)?(1\d{{3}}|20\d{{2}})\s*(?:[–—-]|\s(?:"
    rf"{'|'.join(_TIME['range-to'])})\s)\s*(?:1\d{{3}}|20\d{{2}})(?!\d)", re.I)
_ROMAN = {"I": 1, "V": 5, "X": 10}
_NOW = 10_000  # the year of a time that reaches the present
_WINDOW = 600  # characters searched for a sentence's end either side of a name


def _roman(numeral: str) -> int:
    total = 0
    for i, c in enumerate(numeral):
        value = _ROMAN[c]
        total += -value if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value else value
    return total


def _times(text: str, lo: int, hi: int, dated: bool = False) -> list[tuple[int, int]]:
    """(position, year) of every time marker in text[lo:hi]: a year or decade (1948, the
    1920s), a century (its first year), an era (the year before its last), 'past' words
    (year 0); a year that reaches the present ("since 2014") is now (_NOW), or its own year
    when *dated*."""
    part = text[lo:hi]
    ranges = [(m.start(), m.end(), int(m.group(1))) for m in _RANGE.finditer(part)]
    out = [(lo + start, year) for start, _, year in ranges]  # a range: its first year
    for m in _YEAR.finditer(part):
        if any(start <= m.start() < end for start, end, _ in ranges):
            continue
        now = not dated and _SINCE.search(part, max(0, m.start() - 30), m.start())
        out.append((lo + m.start(), _NOW if now else int(m.group(1))))
    for m in _CENTURY.finditer(part):
        number = m.group(1)
        n = int(number) if number.isdigit() else _roman(number.upper())
        if 1 <= n <= 21:
            out.append((lo + m.start(), (n - 1) * 100))
    for pattern, year in _ERAS:
        out.extend((lo + m.start(), year) for m in pattern.finditer(part))
    return out


def _sentence(doc: _Text, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around text[start:end] (the check's sentence ends)."""
    text = doc.text
    lo = max(0, start - _WINDOW)
    begin = lo
    for match in _SENTENCE_END.finditer(text, lo, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + _WINDOW))
    return begin, stop.start() if stop else min(len(text), end + _WINDOW)


def _around(text: str, ends: re.Pattern[str], lo: int, hi: int,
            mention: _Mention) -> tuple[int, int]:
    """The span within text[lo:hi] around the mention that *ends* bound."""
    begin = lo
    for match in ends.finditer(text, lo, mention.start):
        begin = match.end()
    stop = ends.search(text, mention.end, hi)
    return begin, stop.start() if stop else hi


def _renaming_year(renaming: Renaming) -> int | None:
    """The year of a renaming (its date's first year: an interval between two classifier
    editions counts from the earlier one)."""
    head = renaming.date[:4]
    return int(head) if head.isdigit() else None


def _in_its_time(doc: _Text, mention: _Mention, renaming: Renaming) -> bool:
    """Whether the sentence speaks of a time before the renaming (see cues.toml's
    [former] time-… lists), or tells the renaming itself, naming the place now too."""
    year = _renaming_year(renaming)
    if year is None:
        return False
    text = doc.text
    lo, hi = _sentence(doc, mention.start, mention.end)
    times: list[tuple[int, int]] = []
    for ends in (_PHRASE_END, _CLAUSE_END):  # the name's phrase, its clause, its sentence
        times = _times(text, *_around(text, ends, lo, hi, mention))
        if times:
            break
    times = times or _times(text, lo, hi)
    if times:
        def distance(t: tuple[int, int]) -> int:
            return mention.start - t[0] if t[0] < mention.start else t[0] - mention.end
        if min(times, key=distance)[1] < year:
            return True
        return (any(y <= year for _, y in _times(text, lo, hi, dated=True))
                and _names_now(doc, mention, lo, hi))
    if _PRESENT.search(text, lo, hi) or lo == 0:
        return False
    before_lo, _ = _sentence(doc, max(0, lo - 2), max(0, lo - 1))
    earlier = _times(text, before_lo, lo)
    return bool(earlier) and max(earlier)[1] < year


def _names_now(doc: _Text, mention: _Mention, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] also names the mention's place by a correct current spelling."""
    name = mention.name
    forms = set(_accepted(name, doc)) if not name.words else set()
    forms.update(lookup_form(f) for f in _all_forms(name).values() if f)
    if name.place is not None:
        forms.add(lookup_form(name.place.latin))
        if name.place.name:
            forms.add(lookup_form(name.place.name))
    forms.discard(lookup_form(mention.text))
    forms.discard("")
    tokens = doc.tokens
    first = bisect.bisect_left(doc._token_starts, lo)
    last = bisect.bisect_left(doc._token_starts, hi)
    for i in range(first, last):
        if tokens[i].start == mention.start:
            continue
        words = []
        for j in range(i, min(i + 4, last)):
            words.append(tokens[j].text)
            if lookup_form(" ".join(words)) in forms:
                return True
    return False
