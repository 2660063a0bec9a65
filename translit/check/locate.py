"""Where a place of the text is: the country the words around it put it in.

A place is another place of its name, and is not judged, when

* the words right after it put it in another country ("Odessa, Texas"; "Dzerzhinsk, a city
  near Nizhny Novgorod"; "Kirovsk, Murmansk Oblast"), or the words right before it do
  ("Texas town Odessa", "the Russian city of Dzerzhinsk", "Belarusian Svetlogorsk");
* its name is also a current name in another country (Dzerzhinsk in Russia, 233,000 people;
  Kirovsk in Murmansk Oblast), or a former name there too (Sverdlovsk: Yekaterinburg), and
  the text gives no evidence for the one that was renamed: the evidence nearest it in its
  sentence (a country's word that places something there: "in Russia's Nizhny Novgorod
  region", "a Russian city"; a place of the gazetteer not listed with it) is another country's,
  or the sentence has none and the text's places and such words are not mostly the place's
  country (nor, when it has neither, its countries' words however used: "Ukrainian forces
  held Kirovsk").

A list ("Kharkov, Belgorod and Kursk") locates nothing, and a country word that does not place
anything ("Missiles struck Kharkov, Russia said") neither; a name only one country has is
located only by the words right beside it.
"""

from __future__ import annotations

import bisect
import itertools
import re
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence

from ..places import Place
from ..places import load as load_gazetteer
from ..tables import check_cues, tables_dir
from .text import _COUNTRY_CUES, _COUNTRY_LEAD, _REGION_AFTER, _Mention, _Text

_WORDS = check_cues()
_PLACES = tomllib.loads((tables_dir() / "check" / "places.toml").read_text("utf-8"))


def _any(words: Sequence[str]) -> str:
    return "|".join(words)


_NOUNS = {code: words for code, words in _WORDS["country"].items() if code != "between"}
_ADJECTIVES: dict[str, list[str]] = _PLACES["country-adjective"]
_PLACE_NOUNS = _any(_PLACES["place-nouns"]["nouns"])
_PREPOSITIONS = _any(_PLACES["place-nouns"]["prepositions"])
_BETWEEN = _any(("the", "a", "an", "of", "de", "d['’]", _PLACE_NOUNS))


def _country_words(code: str) -> str:
    nouns = _any(_NOUNS.get(code, ()))
    adjectives = _any(_ADJECTIVES.get(code, ()))
    return (rf"(?:(?:{nouns})(?:['’]s)?|{adjectives})" if adjectives
            else rf"(?:(?:{nouns})(?:['’]s)?)")


#: words right before a name that put it in a country: "Texas town ", "the Russian city of ",
#: "Belarusian ", "la ville russe de "
_BEFORE = {
    code: re.compile(
        rf"(?:\b{_country_words(code)}\s+(?:(?:{_BETWEEN})\s+)*"
        rf"|\b(?:{_PLACE_NOUNS})\s+{_country_words(code)}\s+(?:(?:de|of)\s+|d['’]))$", re.I)
    for code in _NOUNS}

#: the word right before a name that _BEFORE may end with
_JUST_BEFORE = re.compile(
    rf"(?:{_any([_country_words(code) for code in _NOUNS])}|{_BETWEEN}|s)", re.I)

#: words anywhere in a sentence that place what it is about in a country: "in Russia",
#: "Russia's Nizhny Novgorod region", "a Russian city", "the region of Russia"
_PLACING = {
    code: re.compile(
        rf"\b(?:(?:{_PREPOSITIONS})\s+(?:the\s+)?(?:{_any(_NOUNS[code])})\b(?!['’-])"
        rf"|(?:{_any(_NOUNS[code])})['’]s\s+(?:(?-i:[A-Z])[\w-]*\s+){{0,3}}(?:{_PLACE_NOUNS})\b"
        rf"|{_country_words(code)}\s+(?:{_PLACE_NOUNS})\b"
        rf"|(?:{_PLACE_NOUNS})\s+(?:of\s+)?{_country_words(code)}\b(?!['’-]))", re.I)
    for code in _NOUNS}

#: a country's words, however used
_NAMED = {code: re.compile(rf"\b{_country_words(code)}\b", re.I) for code in _NOUNS}

_LISTED = re.compile(r"(?:\s|,|;|&|\b(?:and|or|und|oder|et|ou|i|oraz|lub|albo)\b)*", re.I)

#: another country's place of the name is a rival when it is this large, and at least this
#: share of the place's population
RIVAL_POPULATION = 5000
RIVAL_SHARE = 0.1


def _located(doc: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """The mentions that name the place they resolved to (see the module's docstring)."""
    starts = {m.start: m for m in mentions}
    rivals: dict[tuple[str, object, str], frozenset[str]] = {}
    placed = [m for m in mentions if m.name.kind == "place" and m.name.place is not None]
    ambiguous: set[int] = set()
    for m in placed:
        place = m.name.place
        assert place is not None
        memo_key = (m.text, place.id, m.via)
        if memo_key not in rivals:
            rivals[memo_key] = (_rivals(m.text, place, m.via == "former") if m.script == "latin"
                                else frozenset())
        if rivals[memo_key]:
            ambiguous.add(id(m))
    text_evidence: list[Counter[str]] = []
    evidence_left: Iterator[Counter[str]] | None = None
    offsets: list[int] | None = None
    kept = []
    for m in mentions:
        place = m.name.place
        if m.script != "latin" or m.name.kind != "place" or place is None:
            kept.append(m)
            continue
        country = _beside(doc, m, starts)
        if country is not None:
            if country == place.country:
                kept.append(m)
            continue
        if id(m) not in ambiguous:
            kept.append(m)
            continue
        if offsets is None:
            offsets = [p.start for p in placed]  # the mentions are in the order of the text
        country = _in_sentence(doc, m, placed, offsets, ambiguous)
        if country is None:
            if evidence_left is None:
                evidence_left = _in_text(doc, placed, ambiguous)
            for tier in itertools.count():
                if tier == len(text_evidence):
                    more = next(evidence_left, None)
                    if more is None:
                        break
                    text_evidence.append(more)
                evidence = text_evidence[tier]
                best = max(evidence.values(), default=0)
                if best:
                    if evidence[place.country] == best:
                        country = place.country
                    break
        if country == place.country:
            kept.append(m)
    return kept


def _rivals(text: str, place: Place, former: bool = False) -> frozenset[str]:
    """The other countries where *text* is the name of a large enough place; for a former
    name, also where it was one (Sverdlovsk: Dovzhansk in Luhansk Oblast since 2016, and
    Yekaterinburg since 1991: "In Russia, Sverdlovsk …" is not Dovzhansk)."""
    floor = max(RIVAL_POPULATION, RIVAL_SHARE * place.population)
    vias = ("name", "former") if former else ("name",)
    return frozenset(
        m.place.country for m in load_gazetteer().lookup(text, limit=12)
        if m.exact and m.via in vias and m.place.country != place.country
        and m.place.population >= floor)


def _beside(doc: _Text, m: _Mention, starts: dict[int, _Mention]) -> str | None:
    """The country the words right after or right before a place put it in, or None."""
    text = doc.text
    lead = _COUNTRY_LEAD.match(text, m.end)
    if lead is not None and lead.end() > m.end:
        country = next((code for code, cue in _COUNTRY_CUES.items()
                        if cue.match(text, lead.end())), None)
        if country is not None:
            return country
        after = starts.get(lead.end())
        # a place named next locates it past a word ("a city near") or as a region
        # ("Murmansk Oblast"); a list ("Kharkov, Belgorod") does not
        if (after is not None and after.name.place is not None and after.name.kind == "place"
                and (any(c.isalpha() for c in lead.group())
                     or _REGION_AFTER.match(text[after.end:after.end + 40]))):
            return after.name.place.country
    i = doc.token_index(m.start)
    if not i or not _JUST_BEFORE.fullmatch(doc.tokens[i - 1].text):
        return None
    before = text[max(0, m.start - 80):m.start]
    return next((code for code, cue in _BEFORE.items() if cue.search(before)), None)


def _sentence_span(doc: _Text, m: _Mention) -> tuple[int, int]:
    i = doc.token_index(m.start)
    if i is None:
        return m.start, m.end
    tokens = doc.tokens
    sentence = tokens[i].sentence
    lo = i
    while lo > 0 and tokens[lo - 1].sentence == sentence:
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and tokens[hi + 1].sentence == sentence:
        hi += 1
    return tokens[lo].start, tokens[hi].end


def _in_sentence(doc: _Text, m: _Mention, placed: list[_Mention], starts: list[int],
                 ambiguous: set[int]) -> str | None:
    """The country of the evidence nearest *m* in its sentence, or None."""
    start, end = _sentence_span(doc, m)
    found: list[tuple[int, str]] = []
    sentence = doc.text[start:end]
    for code, cue in _PLACING.items():
        for hit in cue.finditer(sentence):
            a, b = start + hit.start(), start + hit.end()
            found.append((m.start - b if b <= m.start else a - m.end if a >= m.end else 0, code))
    near = placed[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
    for other in near:
        if other is m or id(other) in ambiguous or _listed_with(doc, m, other, near):
            continue
        assert other.name.place is not None
        distance = m.start - other.end if other.end <= m.start else other.start - m.end
        found.append((max(distance, 0), other.name.place.country))
    if not found:
        return None
    nearest = min(d for d, _ in found)
    countries = {code for d, code in found if d == nearest}
    return next(iter(countries)) if len(countries) == 1 else None


def _listed_with(doc: _Text, m: _Mention, other: _Mention, placed: list[_Mention]) -> bool:
    """Whether only separators and other places stand between two places: a list."""
    a, b = (m, other) if m.start < other.start else (other, m)
    pos = a.end
    for p in placed:
        if a.end <= p.start and p.end <= b.start:
            if not _LISTED.fullmatch(doc.text, pos, p.start):
                return False
            pos = p.end
    return bool(_LISTED.fullmatch(doc.text, pos, b.start))


def _in_text(doc: _Text, placed: list[_Mention], ambiguous: set[int]) -> Iterator[Counter[str]]:
    """The text's evidence by country, strongest first (each made only if the ones before it
    are empty): its places of one country only; its words that place something in a country;
    its countries' words however used ("Ukrainian forces held Kirovsk")."""
    yield Counter(m.name.place.country for m in placed
                  if id(m) not in ambiguous and m.name.place is not None)
    for cues in (_PLACING, _NAMED):
        yield +Counter({code: sum(1 for _ in cue.finditer(doc.text)) for code, cue in cues.items()})
