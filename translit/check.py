"""Checking how the names in a text are spelled: check() and the ``translit check`` command.

check(text, target) finds the names of places and people of Ukraine, Russia and Belarus in
running text (English, German, French or Polish) or in a list of names, and reports the
spellings a translator or editor should change, each with the spelling to use:

==================  ==========================================================================
problem             what it means
==================  ==========================================================================
russian-based       a Ukrainian or Belarusian name spelled from its Russian form (Kharkov,
                    Kiev, Vitaly for Віталій)
former-name         a name the place no longer bears (Krasnoarmeysk for Pokrovsk, Dimitrov for
                    Myrnohrad); not reported where the text says so ("formerly …", "(now …)")
                    or where it is still a region's name ("Dnipropetrovsk Oblast")
mixed-script        a word in both scripts (Покровsk), or a Cyrillic name left in Latin text
non-standard        a spelling that is neither the target system's nor the established one
                    (Mykolayiv, Zelensky)
inconsistent        one name spelled more than one way in the text, each way acceptable
unknown-name        a name neither the gazetteer nor the lexicon knows, not spelled as the
                    target system writes its likeliest reading
==================  ==========================================================================

What counts as a name.  Capitalized words and runs of them, and Cyrillic runs, are looked up;
only what resolves to a known name is judged: a place of the gazetteer (translit.places,
through any spelling of its current, former or Russian name), an established spelling
(translit.places.spellings), or a person — a known given name followed by a surname.  Other
capitalized words (sentence starts, months, institutions) are left alone.  A person's language
is not guessed from the letters: it comes from the established spellings, from a Cyrillic
spelling of the same name in the text, from a spelling only one language's systems write, or
from a nationality word in the same sentence ("Ukrainian", "russische", "biélorusse" …); in a
list of names the target's language is assumed.  A person whose language is not known is
checked only for mixed scripts and inconsistent spellings.

Correct spellings are never reported: the target system's spelling of the name and its
established spelling (Kyiv, Volodymyr Zelenskyy, Vitali Klitschko) are both correct; names of
another language than the target's (a Russian city in a Ukrainian text) are correct in any of
their language's systems and are reported only for former names and mixed scripts.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from .normalize import key
from .places import Match, Place, Renaming, Spelling, fold, spellings
from .places import load as load_gazetteer
from .systems import DEFAULT_SYSTEM, System, romanize, system, systems
from .tables import tables_dir

__all__ = ["PROBLEMS", "Finding", "check", "report", "run_check_cli"]

#: The problems check() reports: id → description.
PROBLEMS: dict[str, str] = {
    "russian-based": "Russian-based spelling of a Ukrainian or Belarusian name",
    "former-name": "former name",
    "mixed-script": "mixed script",
    "non-standard": "non-standard romanization",
    "inconsistent": "inconsistent spellings of one name within the text",
    "unknown-name": "unknown name",
}

#: A reading the target system writes exactly as the text is taken to be the one meant when
#: it scores at most this much (natural log) below the likeliest reading (Жмуркевитч for
#: "Zhmurkevytch" is 6.9 below Жмуркевич, so the spelling is judged against Жмуркевич).
PLAUSIBLE_NATS = 5.0

#: Places smaller than this are matched only through exact spellings, never by key alone.
APPROXIMATE_MIN_POPULATION = 20000


@dataclass(frozen=True)
class Finding:
    """A spelling check() reports: where it is, what is wrong with it and what to write."""

    start: int  # offsets into the text: text[start:end] == self.text
    end: int
    text: str  # as written
    kind: str  # place, person, name
    language: str | None  # the language of the name: uk, ru, be
    follows: tuple[str, ...]  # the systems whose rules write exactly this spelling
    problem: str  # a key of PROBLEMS
    suggestion: str  # the spelling to use
    explanation: str  # one line for a person
    name: str  # the name this spelling belongs to: findings with one name go together
    line: int  # 1-based
    column: int  # 1-based

    @property
    def description(self) -> str:
        return PROBLEMS[self.problem]

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["follows"] = list(self.follows)
        out["description"] = self.description
        return out


# --- the names a check knows -------------------------------------------------------------------


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


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    sentence: int
    line: int


# Words: letters and marks, apostrophes and hyphens inside.
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘`][^\W\d_]+)*(?:-[^\W\d_]+(?:['’ʼ‘`][^\W\d_]+)*)*")
_CYRILLIC = re.compile("[\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’»)]*\s+|\n\s*\n")
_SEPARATOR = re.compile(r"[ \u00a0]")

# Nationality words: the language of a person named in the same sentence.
_CUES = [
    (re.compile(r"ukrain|украї|україн", re.I), "uk"),
    (re.compile(r"^(?:kyiv|kiev|kyjiw|kijów)['’]s$|^kyjiwer", re.I), "uk"),
    (re.compile(r"^russ|^rosyj|^rosj|^kremlin|^kreml|^moscow['’]s$|^russe", re.I), "ru"),
    (re.compile(r"^belarus|^bielorus|^biélorus|^bélarus|^weißruss|^weissruss|^białorus", re.I),
     "be"),
]
_CUE_WINDOW = 8  # words either side, within the sentence

# Former names the text itself marks as former, or uses as a region's or river's name.
_FORMER_BEFORE = re.compile(
    r"(?:(?:\b(?:formerly|former|previously|until|renamed|known\s+as|called|named|old\s+name|"
    r"soviet|siege\s+of|battle\s+of|blockade\s+of|ehemals|ehemalige[nmrs]?|früher|vormals|"
    r"damals|hieß|genannt|anciennement|autrefois|ancienne?|appelée?|dawniej|wcześniej|dawny|"
    r"dawna|dawnego|zwan[eay])\b|\b(?:bis|do|jusqu['’]en|avant|until|till)\s+\d{4}\b)"
    r"[^.;()]{0,25}|\(\s*)$", re.I)
_FORMER_AFTER = re.compile(
    r"^\W{0,3}(?:now|today|since\s+\d|until\s+\d|renamed|heute|jetzt|seit\s+\d|bis\s+\d|"
    r"aujourd|désormais|depuis|jusqu|obecnie|dziś|dzisiaj|do\s+\d|od\s+\d|\d{4})\b", re.I)
_REGION_AFTER = re.compile(
    r"^[\s-]*(?:oblast|region|province|governorate|gebiet|obwód|obwodu|obwodzie|région|"
    r"oblys|obl\.)", re.I)
_REGION_BEFORE = re.compile(
    r"\b(?:gebiet|oblast|region|province|obwodzie|obwód|obwodu|région|province|regionu)"
    r"(?:\s+(?:de|d'|of))?\s+$", re.I)
_RIVER_AROUND = re.compile(r"^[\s-]*(?:river|fluss|rzeka|rzeki|fleuve)\b", re.I)
_RIVER_BEFORE = re.compile(r"\b(?:river|rzeka|fleuve|the)\s+$", re.I)


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

    def position(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


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
        if _LATIN.search(word) and not _CYRILLIC.search(word) and _POSSESSIVE.search(word):
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
    return not target.id.endswith(("-german", "-french", "-polish", "-lacinka"))


def _system_for(language: str, target: System) -> str:
    """The system a name of *language* is written in, for a text written in *target*."""
    if language == target.language:
        return target.id
    suffix = target.id.split("-", 1)[1]
    ids = {s.id for s in systems(language)}
    return f"{language}-{suffix}" if f"{language}-{suffix}" in ids else DEFAULT_SYSTEM[language]


# --- data the check reads ----------------------------------------------------------------------


@dataclass(frozen=True)
class _GivenName:
    forms: dict[str, str]  # language → Cyrillic form


@cache
def _given_names() -> tuple[dict[str, list[int]], list[_GivenName]]:
    """Latin spellings of given names (folded) → rows: tables/names/given-names.toml, every
    system's spelling of each form, and the SpellingUkraine given names."""
    from .detect import guess_language

    rows = tomllib.loads((tables_dir() / "names" / "given-names.toml").read_text("utf-8"))["names"]
    names: list[_GivenName] = []
    index: dict[str, list[int]] = {}
    every = systems()

    def add(spelling: str, row: int) -> None:
        entries = index.setdefault(fold(spelling), [])
        if row not in entries:
            entries.append(row)

    for first, others in rows.items():
        forms: dict[str, str] = {"uk": unicodedata.normalize("NFC", first)}
        cyrillic = [unicodedata.normalize("NFC", o) for o in others if _CYRILLIC.search(o)]
        if cyrillic:
            forms["ru"] = cyrillic[0]
        if len(cyrillic) > 1:
            forms["be"] = cyrillic[1]
        row = len(names)
        names.append(_GivenName(forms))
        for form in {first, *others}:
            if _CYRILLIC.search(form):
                language = guess_language(form)
                for s in every:
                    if s.language == language or language == "ru":
                        add(s.romanize(form), row)
            else:
                add(form, row)
    for entry in spellings():
        if entry.kind != "given":
            continue
        rows_found = index.get(fold(entry.spelling)) or []
        if not rows_found:
            row = len(names)
            names.append(_GivenName({"uk": entry.name}))
            rows_found = [row]
        latin = [r for r in entry.related if not _CYRILLIC.search(r)]
        for spelling in (entry.spelling, *entry.wrong, *latin):
            for row in rows_found:
                add(spelling, row)
    return index, names


@cache
def _spelling_index() -> dict[str, list[tuple[Spelling, str]]]:
    """Folded Latin spelling → (established spelling, role): correct, also, wrong, related."""
    index: dict[str, list[tuple[Spelling, str]]] = {}
    for s in spellings():
        if s.kind == "given":
            continue
        for role, values in (("correct", (s.spelling,)), ("also", s.also), ("wrong", s.wrong),
                             ("related", s.related)):
            for value in values:
                if value and not _CYRILLIC.search(value):
                    index.setdefault(fold(value), []).append((s, role))
    return index


@cache
def _person_index() -> dict[str, list[Spelling]]:
    """key of an established person's full name and of its surname → the spellings."""
    index: dict[str, list[Spelling]] = {}
    for s in spellings():
        if s.kind != "person":
            continue
        for form in (s.name, s.spelling, *s.also, *s.wrong):
            index.setdefault(key(form), []).append(s)
            index.setdefault("~" + key(form.split()[-1]), []).append(s)
    return index


@cache
def _wrong_by_name() -> dict[str, frozenset[str]]:
    """A place's Cyrillic name (folded) → the folded spellings SpellingUkraine calls wrong."""
    out: dict[str, set[str]] = {}
    for s in spellings():
        if s.kind == "place":
            out.setdefault(fold(s.name), set()).update(fold(w) for w in s.wrong)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _surname_index() -> dict[str, tuple[str, int]]:
    """key → the most frequent surname of that key, from translit/data/places/surnames.tsv.gz
    (empty when the file is missing or was built with another KEY_VERSION)."""
    import gzip
    from importlib import resources

    from .normalize import KEY_VERSION

    path = resources.files("translit") / "data" / "places" / "surnames.tsv.gz"
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        return {}
    out: dict[str, tuple[str, int]] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            if line.startswith("# key_version:") and line.split(":")[1].strip() != str(KEY_VERSION):
                return {}
            continue
        name_key, word, weight = line.split("\t")
        out[name_key] = (word, int(weight))
    return out


# --- names from places, spellings and persons --------------------------------------------------


def _place_name(place: Place) -> _Name:
    forms = place.forms()
    spelling = next((s for s in spellings() if s.kind == "place" and place.name
                     and fold(s.name) == fold(place.name)), None)
    if spelling is not None and "ru" not in forms and place.language != "ru":
        forms.update(_russian_form(spelling, place))
    also = frozenset(fold(a) for a in spelling.also) if spelling else frozenset()
    return _Name(
        id=f"place:{place.id or place.name}", kind="place", language=place.language,
        cyrillic=place.name, forms=forms, established=spelling.spelling if spelling else "",
        scope=spelling.scope if spelling else "en", also=also,
        wrong=_wrong_by_name().get(fold(place.name), frozenset()), latin=place.geonames_name,
        place=place,
    )


def _russian_form(spelling: Spelling, place: Place) -> dict[str, str]:
    """The Russian form SpellingUkraine lists among a place's related spellings (Николаев for
    Миколаїв), unless it is a former name (Артёмовск for Бахмут)."""
    from .detect import guess_language

    former = {key(f) for r in place.former for f in (r.former, r.former_ru) if f}
    for related in spelling.related:
        if (_CYRILLIC.search(related) and guess_language(related) == "ru"
                and key(related) not in former):
            return {"ru": unicodedata.normalize("NFC", related)}
    return {}


def _spelling_name(s: Spelling, place: Place | None) -> _Name:
    if place is not None:
        name = _place_name(place)
        name.established = name.established or s.spelling
        name.also = name.also | {fold(a) for a in s.also}
        name.wrong = name.wrong | {fold(w) for w in s.wrong}
        return name
    forms = {s.language: s.name}
    for related in s.related:
        if _CYRILLIC.search(related) and key(related) == key(s.name):
            from .detect import guess_language

            forms.setdefault(guess_language(related) or "ru", unicodedata.normalize("NFC", related))
    kind = s.kind if s.kind in ("place", "person") else "name"
    return _Name(
        id=f"spelling:{s.name}:{s.kind}", kind=kind, language=s.language, cyrillic=s.name,
        forms=forms, established=s.spelling, scope=s.scope,
        also=frozenset(fold(a) for a in s.also), wrong=frozenset(fold(w) for w in s.wrong),
    )


def _place_of(s: Spelling) -> Place | None:
    """The gazetteer's place an established place spelling is about (its largest namesake)."""
    if s.kind != "place":
        return None
    country = {"uk": "UA", "ru": "RU", "be": "BY"}[s.language]
    for match in load_gazetteer().lookup(s.name, country=country, limit=5):
        if match.via == "name" and match.place.name and fold(match.place.name) == fold(s.name):
            return match.place
    return None


# --- resolving mentions --------------------------------------------------------------------------


class _Resolver:
    def __init__(self, doc: _Text) -> None:
        self.doc = doc
        self.names: dict[str, _Name] = {}
        self.persons: dict[str, _Name] = {}  # surname key → the person last named with it

    def intern(self, name: _Name) -> _Name:
        return self.names.setdefault(name.id, name)

    # places and established spellings ----------------------------------------------------------

    def latin(self, span: str, words: int, start: int, end: int) -> _Mention | None:
        """A Latin span of *words* words as a known name, or None."""
        folded = fold(span)
        letters = sum(c.isalpha() for c in span)
        if letters < 3:
            return None
        established = _spelling_index().get(folded, [])
        good = [s for s, role in established if role in ("correct", "also")]
        if good and good[0].kind not in ("place", "person") and words == 1:
            # a river or region named like a city (Dnipro): the city, when there is one
            city = self._best_place(folded, load_gazetteer().lookup(span, limit=5))
            if city is not None and city.exact and city.via == "name":
                return _Mention(start, end, span, self.intern(_place_name(city.place)))
        matches = load_gazetteer().lookup(span, limit=12) if letters >= 4 or words > 1 else []
        best = self._best_place(folded, matches)
        if good:
            s = good[0]
            place = _place_of(s)
            if place is None and best is not None and best.via == "former" and best.exact:
                # SpellingUkraine lists some former names as places of their own (Artemivsk)
                return _Mention(start, end, span, self.intern(_place_name(best.place)),
                                "former", best.renaming, True)
            return _Mention(start, end, span, self.intern(_spelling_name(s, place)))
        wrong = [s for s, role in established if role == "wrong"]
        if wrong:
            s = wrong[0]
            place = _place_of(s)
            # a spelling wrong for one name but right for another place: not judged
            if best is not None and best.exact and (place is None or best.place.id != place.id):
                if self._correct_for(best, folded):
                    return _Mention(start, end, span, self.intern(_place_name(best.place)))
            mention = _Mention(start, end, span, self.intern(_spelling_name(s, place)))
            if best is not None and place is not None and best.place.id == place.id:
                mention.via, mention.renaming = best.via, best.renaming
            return mention
        if best is None:
            return None
        if best.place.population < APPROXIMATE_MIN_POPULATION and not _system_exact(
                best, folded):
            return None  # a village's foreign name (Police, Polish for Полиці) is not enough
        if not best.exact:
            if (best.via != "name" or best.place.population < APPROXIMATE_MIN_POPULATION
                    or letters < 5 or best.place.language != self.doc.language):
                return None
        if best.via == "alternate":
            return None  # exonyms and other languages' names (Lemberg) are not judged
        mention = _Mention(start, end, span, self.intern(_place_name(best.place)), best.via,
                           best.renaming, best.exact)
        return mention

    def _best_place(self, folded: str, matches: Sequence[Match]) -> Match | None:
        if not matches:
            return None
        country = {"uk": "UA", "ru": "RU", "be": "BY"}[self.doc.language]
        via_rank = {"name": 2, "former": 1, "alternate": 0}

        def rank(m: Match) -> tuple[int, int, int, float]:
            return (m.exact, m.place.country == country, via_rank[m.via],
                    math.log10(m.place.population + 1))

        ranked = sorted(matches, key=rank, reverse=True)
        best = ranked[0]
        if best.via == "former":
            # a place that bears the name now, in the same country, wins over a former name
            for m in ranked[1:]:
                if m.exact and m.via == "name" and m.place.country == best.place.country:
                    return m
        return best

    def _correct_for(self, match: Match, folded: str) -> bool:
        name = _place_name(match.place)
        return folded in _accepted(name, self.doc)

    def cyrillic(self, span: str, start: int, end: int) -> _Mention | None:
        matches = load_gazetteer().lookup(span, limit=8)
        exact = [m for m in matches if m.exact and m.via in ("name", "former")]
        if exact:
            best = self._best_place(fold(span), exact)
            assert best is not None
            return _Mention(start, end, span, self.intern(_place_name(best.place)), best.via,
                            best.renaming, True, script="cyrillic")
        persons = _person_index().get(key(span), [])
        if persons:
            return _Mention(start, end, span, self.intern(_spelling_name(persons[0], None)),
                            script="cyrillic")
        return None

    # persons ------------------------------------------------------------------------------------

    def person(self, words: Sequence[_Token], start: int, end: int,
               language: str | None) -> _Mention | None:
        """Given name (+ patronymic) + surname, or an established person."""
        span = self.doc.text[start:end]
        established = _person_index().get(key(span), [])
        if established:
            s = established[0]
            mention = _Mention(start, end, span, self.intern(_spelling_name(s, None)))
            self.persons[key(words[-1].text)] = mention.name
            return mention
        if len(words) < 2 or len(words) > 3:
            return None
        index, given_rows = _given_names()
        rows = index.get(fold(words[0].text))
        if not rows:
            return None
        surname = words[-1].text
        if not _surname_like(surname):
            return None
        if language is None:
            language = self._evidence(words, rows)
        given = given_rows[rows[0]]
        parts: list[_Name] = [_given_name(words[0].text, given, language)]
        for word in words[1:]:
            parts.append(self._surname(word.text, language))
        person_key = key(" ".join(w.text for w in words))
        forms = {
            lang: " ".join(p.forms.get(lang) or p.cyrillic for p in parts)
            for lang in ("ru", "uk", "be") if lang != language and all(
                p.forms.get(lang) for p in parts)
        }
        name = _Name(
            id=f"person:{person_key}", kind="person", language=language,
            cyrillic=" ".join(p.cyrillic for p in parts) if language else "",
            forms=forms, known=all(p.known for p in parts), words=tuple(parts),
        )
        name = self.intern(name)
        self.persons[key(surname)] = name
        return _Mention(start, end, span, name)

    def surname_alone(self, token: _Token) -> _Mention | None:
        """A surname alone, naming a person named in full before it (or an established one)."""
        name = self.persons.get(key(token.text))
        if name is None:
            persons = _person_index().get("~" + key(token.text), [])
            if not persons or len({p.spelling.split()[-1] for p in persons}) != 1:
                return None
            name = self.intern(_spelling_name(persons[0], None))
        if name.words:
            surname = name.words[-1]
            part = _Name(id=name.id + ":surname", kind="person", language=name.language,
                         cyrillic=surname.cyrillic, forms=surname.forms, known=surname.known)
            return _Mention(token.start, token.end, token.text, self.intern(part))
        if name.kind != "person" or not name.established:
            return None
        last = name.cyrillic.split()[-1]
        part = _Name(
            id=name.id + ":surname", kind="person", language=name.language, cyrillic=last,
            forms={lang: form.split()[-1] for lang, form in name.forms.items()},
            established=name.established.split()[-1], scope=name.scope,
            also=frozenset(a.split()[-1] for a in name.also if a),
            wrong=frozenset(w.split()[-1] for w in name.wrong if w),
        )
        return _Mention(token.start, token.end, token.text, self.intern(part))

    def _evidence(self, words: Sequence[_Token], rows: list[int]) -> str | None:
        """The person's language from the text: a Cyrillic spelling of the name, a spelling
        only one language's systems write, a nationality word in the sentence."""
        from .reverse import identify

        _, given_rows = _given_names()
        given = given_rows[rows[0]]
        written = {
            language for language, form in given.forms.items()
            if any(system(i).language == language for i in identify(words[0].text, form))
        }
        if written == {"uk"} or written == {"be"}:
            return next(iter(written))
        return _cue(self.doc, words[0], words[-1])

    def _surname(self, word: str, language: str | None) -> _Name:
        if language is None:
            return _Name(id="", kind="person", language=None, cyrillic="", known=False)
        from .lexicon import load as load_lexicon
        from .reverse import candidates

        lexicon = load_lexicon()
        readings = candidates(word, language=language, limit=6)
        known = [r for r in readings if r.cyrillic.lower() in lexicon]
        # a reading the target system writes exactly as the text does is the one meant
        # (Syrskyi: Сирський, though the lexicon lacks it and has Щирський)
        target = _system_for(language, self.doc.target)
        top = readings[0].score if readings else 0.0
        exact = [r for r in readings if fold(romanize(r.cyrillic, target)) == fold(word)
                 and (r in known or r.score >= top - PLAUSIBLE_NATS)]
        exact_known = [r for r in exact if r in known]
        chosen = exact_known or exact or known or readings
        best = chosen[0] if chosen else None
        cyrillic = best.cyrillic if best is not None else ""
        is_known = best in known if best is not None else False
        frequent = None if exact else _surname_index().get(key(word))
        if frequent and cyrillic:
            word_weight = lexicon.weight(cyrillic)
            if frequent[1] >= 10 * max(word_weight, 1) and frequent[0] != cyrillic.lower():
                cyrillic, is_known = frequent[0].capitalize(), True
        forms = {language: cyrillic}
        if language != "ru":
            from .reverse import ALPHABETS

            # a reading in letters Russian also has is its own Russian form (Гнатюченко); a
            # second reading of the Latin as Russian would find a word no one wrote (Ivanov's
            # streamlined h is х: Хнатюченко for Hnatyuchenko)
            if cyrillic and {c for c in cyrillic.lower() if c.isalpha()} <= set(ALPHABETS["ru"]):
                forms["ru"] = cyrillic
            else:
                ru = candidates(word, language="ru", limit=1)
                if ru:
                    forms["ru"] = ru[0].cyrillic
        return _Name(id="", kind="person", language=language, cyrillic=cyrillic, forms=forms,
                     known=is_known)


_SURNAME_END = re.compile(
    r"(?:enko|uk|yuk|iuk|chuk|ak|iak|yak|ko|ov|ova|ev|eva|yov|in|ina|yn|yna|sky|skyi|skyy|ska|"
    r"skiy|skii|ski|skaya|tsky|tskyi|tska|cki|cka|ch|ets|etz|yk|ik|iy|yi|ii|"
    r"ei|ai|ai|ia|ya|a|ko|lo|no|ha|ga|ka|ta|ba|ya|ov|off|ow|ew|owa|ewa|uck|ek|ok)$", re.I)


def _system_exact(match: Match, folded: str) -> bool:
    """Whether a system writes one of the place's Cyrillic names exactly as *folded*."""
    from .places import _system_spellings

    place = match.place
    names = [n for n, mask in zip(place.all_names(), place._masks, strict=False) if mask != "0"]
    names += [f for r in place.former for f in (r.former, r.former_ru) if f]
    return any(folded in _system_spellings(n) or fold(n) == folded for n in names)


def _surname_like(word: str) -> bool:
    return bool(_SURNAME_END.search(word)) and len(word) >= 3 and word[:1].isupper()


def _given_name(spelling: str, given: _GivenName, language: str | None) -> _Name:
    if language is None:
        return _Name(id="", kind="person", language=None, cyrillic="", known=True)
    cyrillic = given.forms.get(language) or given.forms.get("uk", "")
    forms = {lang: form for lang, form in given.forms.items()}
    established = ""
    if language == "uk":
        for s in spellings():
            if s.kind == "given" and fold(s.name) == fold(cyrillic):
                established = s.spelling
                break
    return _Name(id="", kind="person", language=language, cyrillic=cyrillic, forms=forms,
                 established=established)


def _cue(doc: _Text, first: _Token, last: _Token) -> str | None:
    """The language of the nationality word nearest the name in its sentence, if any."""
    tokens = doc.tokens
    positions = [i for i, t in enumerate(tokens) if t.start in (first.start, last.start)]
    if not positions:
        return None
    lo, hi = positions[0], positions[-1]
    best: tuple[int, str] | None = None
    for i in range(max(0, lo - _CUE_WINDOW), min(len(tokens), hi + _CUE_WINDOW + 1)):
        if lo <= i <= hi or tokens[i].sentence != first.sentence:
            continue
        for pattern, language in _CUES:
            if pattern.search(tokens[i].text):
                distance = lo - i if i < lo else i - hi
                if best is None or distance < best[0]:
                    best = (distance, language)
                elif distance == best[0] and language != best[1]:
                    best = (distance, "")
    return best[1] or None if best else None


# --- judging spellings -------------------------------------------------------------------------


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
    out = {fold(_correct(name, doc))} | set(name.also)
    if name.established:
        out.add(fold(name.established))
    if name.cyrillic and name.language:
        out.add(fold(romanize(name.cyrillic, _system_for(name.language, doc.target))))
        if name.language != doc.language:
            # another language's name: any of its systems, and its other Latin names
            for s in systems(name.language):
                out.add(fold(s.romanize(name.cyrillic)))
            if name.place is not None:
                own = key(name.place.name)
                out.update(fold(n) for n, k in zip(name.place.all_names(), name.place._keys,
                                                   strict=False)
                           if k == own and not _CYRILLIC.search(n))
    return frozenset(out)


def _follows(spelling: str, name: _Name) -> tuple[str, ...]:
    """The systems that write *spelling* from the name's official or another-language form."""
    from .reverse import identify

    if name.words:
        words = spelling.split()
        if len(words) != len(name.words):
            return ()
        common: list[str] | None = None
        for word, part in zip(words, name.words, strict=True):
            ids = _follows(word, part)
            common = list(ids) if common is None else [i for i in common if i in ids]
        return tuple(common or ())
    found: list[str] = []
    for language, form in _all_forms(name).items():
        if not form:
            continue
        for system_id in identify(spelling, form):
            if system(system_id).language == language and system_id not in found:
                found.append(system_id)
    return tuple(found)


def _all_forms(name: _Name) -> dict[str, str]:
    """The name's form in each language: its own forms, and the official name itself for a
    language whose alphabet writes it (Мирноград is Russian too)."""
    from .reverse import ALPHABETS

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
            _russian_based(w, p, _follows(w, p), doc) for w, p in zip(words, name.words,
                                                                    strict=True)
            if fold(w) not in _accepted(p, doc))
    if any(system(i).language == "ru" for i in follows):
        return True
    ru = _all_forms(name).get("ru")
    if not ru or not name.cyrillic or fold(ru) == fold(name.cyrillic):
        return False
    # no system writes it, but it is nearer the Russian form's spellings than the name's own
    # (German Kiew: one letter from Kijew, the Russian Киев; three from Kyjiw)
    from rapidfuzz.distance import Levenshtein

    folded = fold(spelling)
    assert name.language is not None
    to_russian = min(Levenshtein.distance(folded, fold(s.romanize(ru))) for s in systems("ru"))
    to_own = min(Levenshtein.distance(folded, fold(s.romanize(name.cyrillic)))
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
    return ""


# --- the check -----------------------------------------------------------------------------------


def _mentions(doc: _Text, resolver: _Resolver) -> list[_Mention]:
    """The known names of the text, left to right."""
    tokens = doc.tokens
    text = doc.text
    out: list[_Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _is_name_word(token.text, doc):
            i += 1
            continue
        # the run of name words this one starts (single spaces between them)
        j = i + 1
        while (j < len(tokens) and j - i < 6 and _is_name_word(tokens[j].text, doc)
               and _SEPARATOR.fullmatch(text[tokens[j - 1].end:tokens[j].start] or "x")
               and (bool(_CYRILLIC.search(tokens[j].text)) == bool(_CYRILLIC.search(token.text)))):
            j += 1
        run = tokens[i:j]
        k = 0
        while k < len(run):
            found = None
            for width in range(min(4, len(run) - k), 0, -1):
                words = run[k:k + width]
                found = _resolve(doc, resolver, words)
                if found is not None:
                    out.append(found)
                    k += width
                    break
            if found is None:
                k += 1
        i = j
    return out


def _is_name_word(word: str, doc: _Text) -> bool:
    if _CYRILLIC.search(word):
        return word[:1].isupper() or bool(_LATIN.search(word)) or doc.latin_text
    return word[:1].isupper()


def _resolve(doc: _Text, resolver: _Resolver, words: Sequence[_Token]) -> _Mention | None:
    start, end = words[0].start, words[-1].end
    span = doc.text[start:end]
    has_cyrillic = bool(_CYRILLIC.search(span))
    has_latin = bool(_LATIN.search(span))
    if has_cyrillic and has_latin:
        from .detect import repair

        repaired = repair(span) if not doc.latin_text else _repair_latin(span)
        mention = (resolver.latin(repaired, len(words), start, end) if _LATIN.search(repaired)
                   and not _CYRILLIC.search(repaired) else resolver.cyrillic(repaired, start, end))
        if mention is None and len(words) == 1:
            mention = _Mention(start, end, span, resolver.intern(_Name(
                id=f"word:{key(repaired)}", kind="name", language=None, cyrillic="",
                known=False, latin=repaired)))
        if mention is not None:
            mention.text, mention.script, mention.repaired = span, "mixed", repaired
        return mention
    if has_cyrillic:
        mention = resolver.cyrillic(span, start, end)
        if mention is not None:
            before = doc.text[max(0, start - 2):start]
            mention.gloss = "(" in before or "«" in before or "\"" in before
        return mention
    mention = None
    if 2 <= len(words) <= 3:
        mention = resolver.person(words, start, end, _list_language(doc))
    if mention is None:
        mention = resolver.latin(span, len(words), start, end)
    if mention is None and len(words) == 1:
        mention = resolver.surname_alone(words[0])
    return mention


def _list_language(doc: _Text) -> str | None:
    return doc.language if doc.list_mode else None


def _repair_latin(word: str) -> str:
    """A mixed-script word made Latin: look-alike letters swapped, the rest romanized."""
    from .detect import repair

    fixed = repair(word)
    if _CYRILLIC.search(fixed):
        return romanize(fixed)
    return fixed


def check(text: str, target: str = "uk-national") -> list[Finding]:
    """The spellings of names in *text* to change, each with the spelling to use.

    *target* is the system names of its language should be written in (an id or alias; names
    of the other languages are written in their own language's matching system).  Findings
    come in the order of the text; ``Finding.name`` groups the spellings of one name.

    >>> [(f.text, f.problem, f.suggestion) for f in check("Shelling hit Kharkov and Kyiv.")]
    [('Kharkov', 'russian-based', 'Kharkiv')]
    """
    if not isinstance(text, str):
        raise TypeError(f"check() takes a str, not {type(text).__name__}")
    target_system = system(target)
    text = unicodedata.normalize("NFC", text) if not unicodedata.is_normalized("NFC", text) else text
    latin = len(_LATIN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    doc = _Text(text, target_system, target_system.language, _english(target_system),
                latin >= cyrillic, _is_list(text), _tokens(text), line_starts)
    resolver = _Resolver(doc)
    mentions = _without_person_surnames(doc, _mentions(doc, resolver))
    findings: list[tuple[_Mention, str, str, tuple[str, ...]]] = []
    for mention in mentions:
        judged = _judge(doc, mention)
        if judged is not None:
            findings.append((mention, *judged))
    findings = _add_inconsistent(doc, mentions, findings)
    spellings = _spellings_by_name(mentions)
    return [_finding(doc, spellings, m, problem, suggestion, follows)
            for m, problem, suggestion, follows in sorted(findings, key=lambda f: f[0].start)]


_LOCATIVE = re.compile(
    r"\b(?:in|into|to|from|near|at|towards|outside|around|of|via|"
    r"nach|bei|aus|um|von|vor|à|de|vers|près|w|we|do|pod|z|koło|spod)\s+$", re.I)


def _without_person_surnames(doc: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """Former names that are also surnames (Dimitrov, Brezhnev, Zhdanov, Gorky) name a place
    only where the text shows it: the place is named in it another way, or a preposition of
    place precedes.  "Under Brezhnev" is about the man."""
    from .lexicon import load as load_lexicon

    places_named = {m.name.id for m in mentions if m.via == "name"}
    lexicon = load_lexicon()
    kept = []
    for m in mentions:
        r = m.renaming
        if m.via == "former" and r is not None and " " not in m.text.strip():
            surname = any("surname" in lexicon.kinds(f) for f in (r.former, r.former_ru) if f)
            before = doc.text[max(0, m.start - 12):m.start]
            if surname and m.name.id not in places_named and not _LOCATIVE.search(before):
                continue
        kept.append(m)
    return kept


def _judge(doc: _Text, mention: _Mention) -> tuple[str, str, tuple[str, ...]] | None:
    """(problem, suggestion, follows) for a mention, or None when it is spelled right."""
    name = mention.name
    if mention.script == "cyrillic":
        if mention.gloss or not doc.latin_text:
            if mention.via == "former" and not doc.latin_text and not _former_exempt(doc, mention):
                return "former-name", name.cyrillic, ()
            return None
        return "mixed-script", _correct(name, doc), ()
    if mention.script == "mixed":
        if doc.latin_text:
            suggestion = _correct(name, doc) if name.known else mention.repaired
        else:
            suggestion = name.cyrillic or mention.repaired
        return "mixed-script", suggestion, ()
    if mention.via == "former":
        exempt = _former_exempt(doc, mention)
        if not exempt:
            return "former-name", _correct(name, doc), _former_follows(mention)
        if exempt == "marked":
            return None
        # the region still bears the name: the former name is judged as a current one
        assert mention.renaming is not None
        region_name = _Name(id=name.id + ":region", kind="place", language=name.language,
                            cyrillic=mention.renaming.former,
                            forms={"ru": mention.renaming.former_ru} if mention.renaming.former_ru
                            else {})
        mention.name, mention.via = region_name, "name"
        return _judge(doc, mention)
    if name.language is None:
        return None
    folded = fold(mention.text)
    accepted = _accepted(name, doc)
    if folded in accepted or _inflected(folded, accepted):
        return None
    if name.kind == "person" and name.language != doc.language and not name.words:
        return None if not name.wrong or folded not in name.wrong else (
            "non-standard", _correct(name, doc), _follows(mention.text, name))
    if name.language != doc.language and folded not in name.wrong:
        return None  # another language's name: any spelling of its systems is fine
    if name.words and any(p.language is None for p in name.words):
        return None
    follows = _follows(mention.text, name)
    suggestion = _correct(name, doc)
    if fold(suggestion) == folded:
        return None
    if _russian_based(mention.text, name, follows, doc):
        return "russian-based", suggestion, follows
    if not name.known:
        return "unknown-name", suggestion, follows
    return "non-standard", suggestion, follows


_ENDINGS = re.compile(r"(?:s|es|a|u|e|ie|em|om|owi|iem|ą|ę|y|i|ого|ом|у|а|е|і)$")


def _inflected(folded: str, accepted: Iterable[str]) -> bool:
    """A correct spelling with a case ending: Polish Kyjiwie, German Charkiws."""
    for spelling in accepted:
        if folded.startswith(spelling) and 0 < len(folded) - len(spelling) <= 3:
            if _ENDINGS.fullmatch(folded[len(spelling):]):
                return True
    return False


def _former_follows(mention: _Mention) -> tuple[str, ...]:
    from .reverse import identify

    renaming = mention.renaming
    if renaming is None:
        return ()
    found: list[str] = []
    for form in (renaming.former, renaming.former_ru):
        if form:
            found.extend(i for i in identify(mention.text, form) if i not in found)
    return tuple(found)


def _add_inconsistent(
    doc: _Text, mentions: list[_Mention],
    findings: list[tuple[_Mention, str, str, tuple[str, ...]]],
) -> list[tuple[_Mention, str, str, tuple[str, ...]]]:
    """Spellings of one name that are each acceptable but differ: the less used ones."""
    reported = {id(f[0]) for f in findings}
    by_name: dict[str, list[_Mention]] = {}
    for m in mentions:
        if m.script == "latin" and m.name.language is not None and m.via != "former":
            by_name.setdefault(_group_id(m), []).append(m)
    for group in by_name.values():
        # a person is named in full or by surname: full names are compared with full names,
        # surnames with every mention's surname
        full = [m for m in group if not m.name.id.endswith(":surname")]
        passes: list[tuple[list[_Mention], Callable[[str], str]]] = [(full, fold)]
        if any(m.name.kind == "person" for m in group):
            passes.append((group, _last_word))
        for members, spelled in passes:
            used = Counter(spelled(m.text) for m in members if id(m) not in reported)
            if len(used) < 2:
                continue
            first_seen = {spelled(m.text): i for i, m in reversed(list(enumerate(members)))}
            preferred = max(used, key=lambda s: (used[s], -first_seen[s]))
            shown = next(m for m in members if spelled(m.text) == preferred).text
            for m in members:
                if id(m) not in reported and spelled(m.text) != preferred:
                    reported.add(id(m))
                    findings.append((m, "inconsistent", shown, _follows(m.text, m.name)))
    return findings


def _last_word(text: str) -> str:
    return fold(text.split()[-1])


def _group_id(mention: _Mention) -> str:
    return mention.name.id.removesuffix(":surname")


def _spellings_by_name(mentions: list[_Mention]) -> dict[str, dict[str, str]]:
    """Each name's spellings in the text, in order of first use: spelling → folded (once per
    text, not once per finding: a text naming one town a thousand times stays linear)."""
    out: dict[str, dict[str, str]] = {}
    for m in mentions:
        if not m.gloss:
            spellings = out.setdefault(_group_id(m), {})
            if m.text not in spellings:
                spellings[m.text] = fold(m.text)
    return out


def _finding(doc: _Text, spellings: dict[str, dict[str, str]], mention: _Mention, problem: str,
             suggestion: str, follows: tuple[str, ...]) -> Finding:
    name = mention.name
    folded = fold(mention.text)
    variants = [text for text, other in spellings.get(_group_id(mention), {}).items()
                if other != folded]
    label = _label(name, suggestion, doc)
    line, column = doc.position(mention.start)
    explanation = _explain(doc, mention, problem, suggestion, follows)
    if variants:
        explanation += f"; also written {', '.join(variants)} in this text"
    kind = name.kind if name.kind in ("place", "person") else "name"
    return Finding(mention.start, mention.end, mention.text, kind, name.language, follows,
                   problem, suggestion, explanation, label, line, column)


def _label(name: _Name, suggestion: str, doc: _Text) -> str:
    base = _correct(name, doc) if name.language else suggestion
    if name.id.endswith(":surname") or name.id.endswith(":region"):
        base = suggestion
    if name.place is not None:
        return f"{_correct(_place_name(name.place), doc)} ({name.place.name or name.place.latin})"
    cyrillic = name.cyrillic
    return f"{base} ({cyrillic})" if cyrillic and cyrillic != base else base


def _names_of(ids: Sequence[str]) -> str:
    return ", ".join(ids[:3]) + (" …" if len(ids) > 3 else "")


def _explain(doc: _Text, mention: _Mention, problem: str, suggestion: str,
             follows: tuple[str, ...]) -> str:
    name = mention.name
    text = mention.text
    language = {"uk": "Ukrainian", "ru": "Russian", "be": "Belarusian"}.get(name.language or "", "")
    cyrillic = name.cyrillic
    if problem == "former-name" and mention.renaming is not None:
        r = mention.renaming
        new = suggestion if fold(suggestion) == fold(r.name) else f"{suggestion} ({r.name})"
        return f"{text} is a former name: the place was renamed {new} on {r.date} by {r.act}"
    if problem == "mixed-script":
        if mention.script == "cyrillic":
            return f"{text} is in Cyrillic in a Latin text; write {suggestion}"
        return f"{text} mixes Cyrillic and Latin letters; write {suggestion}"
    if problem == "russian-based":
        ru = _all_forms(name).get("ru") or ""
        russian = [i for i in follows if i.startswith("ru-")]
        how = f" ({_names_of(russian)})" if russian else ""
        if ru and fold(ru) == fold(cyrillic):
            return (f"{text} writes {cyrillic} by Russian rules{how}; by {language} rules it is "
                    f"{suggestion}")
        return (f"{text} is the Russian form {ru} romanized{how}; the {language} name "
                f"{cyrillic} is written {suggestion}")
    if problem == "inconsistent":
        return f"{text} is also spelled {suggestion} in this text; use one spelling"
    if problem == "unknown-name":
        return (f"{text} is not a known name; {doc.target.id} writes its likeliest reading "
                f"{cyrillic} as {suggestion}")
    how = f"follows {_names_of(follows)}" if follows else "follows no system"
    established = " (the established spelling)" if name.established and fold(
        name.established) == fold(suggestion) else f" ({doc.target.id})"
    return f"{text} {how} for {cyrillic}; write {suggestion}{established}"


# --- reports and the command line ----------------------------------------------------------------


def report(findings: Iterable[Finding], fmt: str = "text", source: str = "-") -> str:
    """Findings as text for a person (grouped by name), JSON or CSV."""
    findings = list(findings)
    if fmt == "json":
        return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        columns = ["line", "column", "start", "end", "text", "kind", "language", "problem",
                   "suggestion", "follows", "name", "explanation"]
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for f in findings:
            row = f.as_dict()
            row["follows"] = " ".join(f.follows)
            writer.writerow([row[c] if row[c] is not None else "" for c in columns])
        return buffer.getvalue()
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r}: use text, json or csv")
    if not findings:
        return f"{source}: no problems found\n"
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.name, []).append(f)
    out = []
    for name, group in groups.items():
        kind = group[0].kind + (f", {group[0].language}" if group[0].language else "")
        out.append(f"{name} [{kind}]")
        width = max(len(f.text) for f in group)
        for f in group:
            out.append(f"  {source}:{f.line}:{f.column}  {f.text.ljust(width)}  "
                       f"{f.description} → {f.suggestion}")
            out.append(f"      {f.explanation}")
    names = len(groups)
    out.append(f"{len(findings)} finding{'s' * (len(findings) != 1)} for {names} "
               f"name{'s' * (names != 1)}")
    return "\n".join(out) + "\n"


CLI_DESCRIPTION = (
    "Check the spelling of Ukrainian, Russian and Belarusian names in a text or a list of "
    "names: Russian-based spellings, former names, mixed scripts, non-standard "
    "romanizations, inconsistent spellings, unknown names.  Exit status: 0 nothing found, "
    "1 something found, 2 usage or input error."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``translit check`` (for a CLI that builds its own subparser)."""
    parser.add_argument("file", metavar="FILE", help="a text or a list of names; - for stdin")
    parser.add_argument("-t", "--target", default="uk-national",
                        help="the system names are to be written in (default: uk-national)")
    parser.add_argument("-f", "--format", choices=("text", "json", "csv"), default="text")


def run(args: argparse.Namespace) -> int:
    """Run ``translit check`` with parsed arguments: print the report, return the exit code."""
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as fh:
                text = fh.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"translit check: {args.file}: {error}", file=sys.stderr)
        return 2
    try:
        findings = check(text, args.target)
    except ValueError as error:  # an unknown system names the closest ids
        print(f"translit check: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(report(findings, args.format, "<stdin>" if args.file == "-" else args.file))
    return 1 if findings else 0


def run_check_cli(argv: list[str] | None = None) -> int:
    """``translit check FILE|- [--target SYSTEM] [--format text|json|csv]``; returns the exit
    code (0 clean, 1 findings, 2 usage or input error)."""
    parser = argparse.ArgumentParser(
        prog="translit check", description=CLI_DESCRIPTION,
        epilog="example:\n  translit check --target uk-national report.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return run(args)
