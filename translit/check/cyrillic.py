"""Cyrillic text: its language (Ukrainian, Russian or Belarusian) and the norm that language
sets for the places it names.

A text with more Cyrillic letters than Latin ones is Ukrainian, Russian or Belarusian
(:func:`cyrillic_language`): by the function words of tables/check/languages.toml ([uk], [ru],
[be]) and by its lowercase words that only one or two of the three alphabets write (names are
left out: a Russian text naming Харків is still Russian).

In its text a place is written in the text's language:

* Ukrainian text: the Russian form of a place of Ukraine (Харьков, Николаев, Запорожье, Ровно)
  is a finding "russian-form", with the Ukrainian name; likewise in Belarusian text the
  Russian form of a place of Belarus (Гродно → Гродна, Витебск → Віцебск, Молодечно →
  Маладзечна).  A Russian form of a Ukrainian place is its official Russian name in KOATUU
  2019 (translit.places.official_russian) or the Russian form the gazetteer gives it
  (Place.forms(), SpellingUkraine); of a Belarusian place, a name of it in the gazetteer that
  differs from its Belarusian name only as Russian spelling differs from Belarusian
  (tables/check/cyrillic.toml, [russian-belarusian]).  Only places of at least
  APPROXIMATE_MIN_POPULATION people are judged so: the Russian form of a village may be an
  ordinary word.
* A former name is a finding "former-name" whose suggestion is the current name in the text's
  language: in Russian text the official Russian form (Днепропетровск → Днепр, Кировоград →
  Кропивницкий, from KOATUU 2019); for a place renamed after 2019, which KOATUU never gave a
  Russian name, the Russian form the gazetteer knows (Червоноград → Шептицкий), else the
  Ukrainian name when the Russian alphabet writes it as it stands (Новомосковск → Самар),
  else the Ukrainian name, said to be one.  A former name the text marks as former or puts
  in its time ("колишній", "бывший", "в 1980 году") is not reported ([former]).
* A Ukrainian form in Russian text (Харків in a Russian sentence) is not an error: Russian
  text quotes the official name as often as it uses the Russian form, and the official name
  is never wrong; the check stays silent.  So is a Belarusian or Ukrainian name in any of the
  three: only the Russian form of a place in the text of the place's own language is judged.

Inflected names: the gazetteer's lookup matches names as written (its keys do not undo case
endings: "у Харкові", "до Харкова" find nothing, "Харькове" nothing).  A capitalized word that
no name resolves, right after a preposition of place, is read back to nominatives through the
case endings of [inflection] (Харкові → Харків; Днепропетровске → Днепропетровск); when one
of them is the current name of a place the word is taken for it (correct: "до Львова" is not
the Russian Львов), else a former name or a Russian form among them is reported, its
suggestion in the nominative.  This is a reading of common endings, not a morphology: a
name of two words inflected ("у Кривому Розі") and stems that change otherwise are not read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from ..letters import CYRILLIC
from ..places import LANGUAGE_COUNTRY, Place, RussianForm, lookup_form, official_russian
from ..places import load as load_gazetteer
from ..tables import tables_dir
from .cyrillic_language import _APOSTROPHES, _writes, cyrillic_language
from .data import _place_name
from .finding import APPROXIMATE_MIN_POPULATION
from .judge import _former_exempt
from .norm import language_name
from .text import _Judged, _Mention, _Text, _Token
from .unknown import _Unknown

PROBLEM = "russian-form"



@cache
def _table() -> dict[str, object]:
    return tomllib.loads((tables_dir() / "check" / "cyrillic.toml").read_text("utf-8"))


# --- mentions ------------------------------------------------------------------------------------


@dataclass
class _CyrillicMention(_Mention):
    """A mention in Cyrillic text of a known place, as that text's language judges it."""

    language: str = ""  # the text's language: uk, ru, be
    problem: str = ""  # russian-form, former-name, or '' (spelled right)
    suggestion: str = ""
    nominative: str = ""  # the nominative an inflected word was read as ('' as written)
    russian: str = ""  # russian-form: the place's Russian form the word is (nominative)
    source: str = ""  # where the suggestion comes from (see _current_form)


def cyrillic_mentions(doc: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """In Cyrillic text, the text's Cyrillic mentions read by its language (each a
    _CyrillicMention), with the Russian forms and inflected names the resolver does not
    return; other texts' mentions as they are."""
    language = cyrillic_language(doc.text)
    if language is None or doc.latin_text:
        return mentions
    memo: dict[str, _CyrillicMention | None] = {}
    out: list[_Mention] = []
    # an unknown place (translit.check.unknown) may be a known one inflected (в Кропивницком):
    # read back here first; it stays unknown only where nothing here reads it
    unknowns = [m for m in mentions if isinstance(m, _Unknown)]
    mentions = [m for m in mentions if not isinstance(m, _Unknown)]
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.script == "cyrillic" and not m.gloss and not isinstance(m, _CyrillicMention):
            mention = _read(language, m)
            pair = _pair(doc, m, starts)
            if not mention.problem and pair:
                # one word of a Russian form of two (Белая of Белая Церковь)
                found = memo[pair] = memo.get(pair) or _unresolved(language, pair, False)
                if found is not None and found.problem == PROBLEM:
                    found = _CyrillicMention(**{**found.__dict__, "start": m.start,
                                                "end": m.start + len(pair)})
                    mention = found
            out.append(mention)
        else:
            out.append(m)
    spans = sorted((m.start, m.end) for m in out)
    at = 0
    tokens = doc.tokens
    skip = -1
    for i, token in enumerate(tokens):
        word = token.text
        if i <= skip or len(word) < 4 or not word[:1].isupper() or not CYRILLIC.search(word):
            continue
        while at < len(spans) and spans[at][1] <= token.start:
            at += 1
        if at < len(spans) and spans[at][0] < token.end:
            continue  # part of a mention
        placed = i > 0 and (_after_preposition(doc, tokens[i - 1], token.start) or (
            # "до Дніпропетровська і Кіровограда": a name after a name and a conjunction
            i > 1 and tokens[i - 1].text.lower() in _joiners()
            and tokens[i - 2].text[:1].isupper() and bool(CYRILLIC.search(tokens[i - 2].text))))
        end, found = token.end, None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (after is not None and after.text[:1].isupper() and CYRILLIC.search(after.text)
                and doc.text[token.end:after.start] == " "
                and not (at < len(spans) and spans[at][0] < after.end)):
            # a name of two words, as written (Белая Церковь, Желтые Воды)
            pair = doc.text[token.start:after.end]
            if pair not in memo:
                memo[pair] = _unresolved(language, pair, False)
            found = memo[pair]
            if found is not None:
                end, word, skip = after.end, pair, i + 1
        if found is None:
            memo_key = f"{placed}:{word}"
            if memo_key not in memo:
                memo[memo_key] = _unresolved(language, word, placed)
            found = memo[memo_key]
        if found is not None:
            out.append(_CyrillicMention(
                token.start, end, word, found.name, found.via, found.renaming,
                script="cyrillic", language=language, problem=found.problem,
                suggestion=found.suggestion, nominative=found.nominative,
                russian=found.russian, source=found.source))
    taken = [(m.start, m.end) for m in out]
    out.extend(u for u in unknowns if not any(s < u.end and u.start < e for s, e in taken)
               and not _a_known_place_inflected(u.text))
    out.sort(key=lambda m: m.start)
    return out


def _pair(doc: _Text, m: _Mention, starts: set[int]) -> str:
    """A one-word mention and the capitalized Cyrillic word after it that no mention starts
    at, one space apart ('' when there is none)."""
    i = doc.token_index(m.start)
    if i is None or i + 1 >= len(doc.tokens) or doc.tokens[i].end != m.end:
        return ""
    after = doc.tokens[i + 1]
    if (after.start in starts or not after.text[:1].isupper() or not CYRILLIC.search(after.text)
            or doc.text[m.end:after.start] != " "):
        return ""
    return doc.text[m.start:after.end]


@cache
def _locatives() -> frozenset[str]:
    return frozenset(_table()["locative"]["before"])  # type: ignore[index]


@cache
def _joiners() -> frozenset[str]:
    return frozenset(_table()["locative"]["joiners"])  # type: ignore[index]


def _after_preposition(doc: _Text, before: _Token, start: int) -> bool:
    gap = doc.text[before.end:start]
    return before.text.lower() in _locatives() and gap.isspace() and "\n" not in gap


def _read(language: str, m: _Mention) -> _CyrillicMention:
    """A mention the resolver found, judged by the text's language."""
    mention = _CyrillicMention(m.start, m.end, m.text, m.name, m.via, m.renaming, m.exact,
                               script="cyrillic", language=language)
    if m.via == "former" and m.name.place is not None:
        mention.problem = "former-name"
        mention.suggestion, mention.source = _current_form(m.name.place, language)
        return mention
    russian = _russian_form_of(m.text, language)
    if russian is not None:
        place, mention.suggestion = russian
        mention.name, mention.via, mention.renaming = _place_name(place), "name", None
        mention.problem, mention.russian = PROBLEM, m.text
    return mention


def _unresolved(language: str, word: str, placed: bool) -> _CyrillicMention | None:
    """A capitalized word no mention covers: a Russian form of a place (as written, or read
    back from a case ending after a preposition of place), or an inflected former name."""
    nominatives = [word] + (_nominatives(word) if placed else [])
    found: list[tuple[_CyrillicMention, str]] = []
    for nominative in nominatives:
        folded = lookup_form(nominative)
        matches = [m for m in load_gazetteer().lookup(nominative, limit=8)
                   if m.exact and lookup_form(m.name) == folded]
        if any(m.via == "name" and lookup_form(m.place.name) == folded
               and (language == "ru" or m.place.country == LANGUAGE_COUNTRY[language]) for m in matches):
            # the current name of a place (of the country, in Ukrainian or Belarusian text:
            # Николаев, a village of Russia, does not make "до Николаева" Ukrainian)
            return None
        inflected = nominative != word
        former = [m for m in matches if m.via == "former" and m.renaming is not None
                  and (not inflected or m.place.population >= APPROXIMATE_MIN_POPULATION)]
        if former and inflected:
            best = max(former, key=lambda m: m.place.population)
            suggestion, source = _current_form(best.place, language)
            found.append((_CyrillicMention(
                0, 0, word, _place_name(best.place), "former", best.renaming,
                script="cyrillic", language=language, problem="former-name",
                suggestion=suggestion, nominative=nominative, source=source), nominative))
            continue
        russian = _russian_form_of(nominative, language)
        if russian is not None:
            place, suggestion = russian
            found.append((_CyrillicMention(
                0, 0, word, _place_name(place), script="cyrillic", language=language,
                problem=PROBLEM, suggestion=suggestion, nominative=nominative * inflected,
                russian=nominative), nominative))
    return found[0][0] if found else None


def _a_known_place_inflected(word: str) -> bool:
    """Whether a case ending read back gives a name the gazetteer knows exactly (в
    Кропивницком: Кропивницкий, the Russian form): then it is no unknown place."""
    for nominative in _nominatives(word):
        folded = lookup_form(nominative)
        if any(m.exact and lookup_form(m.name) == folded
               for m in load_gazetteer().lookup(nominative, limit=8)):
            return True
    return False


def _nominatives(word: str) -> list[str]:
    """The nominatives a word with a case ending may be (tables/check/cyrillic.toml)."""
    lower = word.lower()
    out: list[str] = []
    endings: dict[str, list[str]] = _table()["inflection"]  # type: ignore[assignment]
    for ending, nominative_endings in sorted(endings.items(), key=lambda e: -len(e[0])):
        if not lower.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[:len(word) - len(ending)]
        for nominative in nominative_endings:
            alternated = _ikannya(stem) if nominative in ("", "ь") else ""
            for candidate in (stem + nominative, alternated and alternated + nominative):
                if candidate and candidate not in out and candidate != word:
                    out.append(candidate)
    return out


_LAST_SYLLABLE = re.compile(r"([оеє])([^аеєиіїоуюяыэё]+)$")


def _ikannya(stem: str) -> str:
    """The Ukrainian nominative stem of a masculine noun: о, е → і and є → ї in the last
    syllable (Харков- → Харків, Миколаєв- → Миколаїв, Києв- → Київ, Тернопол- → Тернопіль);
    '' when it has none."""
    match = _LAST_SYLLABLE.search(stem)
    if match is None:
        return ""
    vowel = "ї" if match.group(1) == "є" else "і"
    return stem[:match.start()] + vowel + match.group(2)


# --- the forms of a place --------------------------------------------------------------------


def _russian_form_of(word: str, language: str) -> tuple[Place, str] | None:
    """(the place, its name in *language*) when *word* is the Russian form of a place of that
    language's country in Ukrainian or Belarusian text; None otherwise (also when *word* is
    the current name of a place there: Ровно, Николаев, Гродно are nobody's own name there)."""
    country = LANGUAGE_COUNTRY.get(language)
    if language == "ru" or country is None:
        return None
    folded = lookup_form(word)
    matches = [m for m in load_gazetteer().lookup(word, country=country, limit=8) if m.exact]
    if any(m.via == "name" and lookup_form(m.place.name) == folded for m in matches):
        return None
    if language == "uk" and any(lookup_form(f.uk) == folded for f in official_russian(word)):
        return None  # a settlement's Ukrainian name (KOATUU), however small
    places = [m.place for m in matches if m.via != "former"]
    if language == "uk":
        places.extend(_koatuu_places(folded))
    for place in sorted(places, key=lambda p: -p.population):
        if place.language != language or place.population < APPROXIMATE_MIN_POPULATION:
            continue
        own = _own_form(place)
        if folded != lookup_form(own) and folded in _russian_forms(place, own):
            return place, own
    return None


def _koatuu_places(folded: str) -> list[Place]:
    """The places of Ukraine whose official Russian name (KOATUU 2019) is *folded*: found by
    their Ukrainian name and oblast (GeoNames does not list every Russian form)."""
    out = []
    for row in official_russian(folded):
        if lookup_form(row.ru) != folded or lookup_form(row.uk) == folded:
            continue
        for m in load_gazetteer().lookup(row.uk, country="UA", limit=8):
            if (m.via == "name" and lookup_form(m.place.name) == lookup_form(row.uk)
                    and lookup_form(m.place.region) == lookup_form(row.region)):
                out.append(m.place)
    return out


def _own_form(place: Place) -> str:
    """The place's name in its own language: the official name, or for a place of Belarus
    whose gazetteer name Belarusian does not write so (GeoNames' Вітебськ is Ukrainian), the
    name of it that Belarusian writes (Віцебск)."""
    if place.language != "be" or _belarusian(place.name):
        return place.name
    for name in place.all_names():
        lower = name.lower()
        if CYRILLIC.search(name) and _belarusian(name) and _differs_as_russian(
                place.name.lower(), lower, loose=True):
            return name
    return place.name


_NOT_BELARUSIAN = re.compile(r"[тд][іяеёюь]|[сцз]ьк\b")


def _belarusian(name: str) -> bool:
    lower = name.lower().translate(_APOSTROPHES)
    return _writes("be", lower.replace(" ", "")) and not _NOT_BELARUSIAN.search(lower)


@cache
def _pairs() -> frozenset[tuple[str, str]]:
    rows = _table()["russian-belarusian"]["pairs"]  # type: ignore[index]
    return frozenset((a, b) for a, b in rows)


def _differs_as_russian(russian: str, belarusian: str, *, loose: bool = False) -> bool:
    """Whether *russian* differs from *belarusian* (both lowercase) only as Russian spelling
    differs from Belarusian ([russian-belarusian]); *loose* allows the pairs either way."""
    if russian == belarusian:
        return False
    pairs = _pairs()
    if loose:
        pairs = pairs | {(b, a) for a, b in pairs} | {("ьк", "к"), ("к", "ьк")}
    ops = SequenceMatcher(None, russian, belarusian, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        a, b = russian[i1:i2], belarusian[j1:j2]
        if (a, b) in pairs:
            continue
        if not a and b == "з" and belarusian[j1 - 1:j1] == "д":
            continue  # д → дз
        if len(a) == len(b) and all((x, y) in pairs for x, y in zip(a, b, strict=True)):
            continue
        return False
    return True


def _russian_forms(place: Place, own: str) -> frozenset[str]:
    """The place's Russian forms (folded), former names apart: KOATUU 2019's Russian name of a
    place of Ukraine (else the gazetteer's Russian form); of a place of Belarus, the
    gazetteer's Russian form and its names that differ from the Belarusian one as Russian
    spelling does."""
    former = {lookup_form(f) for r in place.former for f in (r.former, r.former_ru) if f}
    forms: set[str] = set()
    koatuu = _koatuu(place) if place.country == "UA" else []
    # KOATUU's Russian name, where it has one, is the Russian form (GeoNames also lists
    # spellings such as Уман for Умань); else the form the gazetteer gives
    forms.update(lookup_form(f.ru) for f in koatuu)
    ru = _place_name(place).forms.get("ru")
    if ru and not koatuu:
        forms.add(lookup_form(ru))
    if place.country == "BY":
        lower = own.lower()
        for name in place.all_names():
            name_lower = lookup_form(name)
            if (CYRILLIC.search(name) and _writes("ru", name_lower.replace(" ", ""))
                    and _differs_as_russian(name_lower, lower)):
                forms.add(name_lower)
    return frozenset(forms - former - {lookup_form(own)})


def _koatuu(place: Place) -> list[RussianForm]:
    """The KOATUU 2019 rows of the place's current name in its oblast (its category's first)."""
    rows = [f for f in official_russian(place.name, region=place.region or None)
            if lookup_form(f.uk) == lookup_form(place.name)]
    same = [f for f in rows if f.category == place.category]
    return same or rows


def _current_form(place: Place, language: str) -> tuple[str, str]:
    """A renamed place's current name in *language* and where it comes from: 'own' (the
    official name), 'koatuu' (KOATUU 2019's Russian name), 'gazetteer' (the Russian form
    GeoNames or SpellingUkraine give), 'letters' (the official name, which the Russian
    alphabet writes as it stands) or 'official' (the official name: no form of *language*)."""
    if language == place.language:
        return _own_form(place), "own"
    if language != "ru":
        return place.name, "official"
    for row in _koatuu(place):
        return row.ru, "koatuu"
    former = {lookup_form(f) for r in place.former for f in (r.former, r.former_ru) if f}
    ru = _place_name(place).forms.get("ru")
    if ru and lookup_form(ru) not in former:
        return ru, "gazetteer"
    if _writes("ru", lookup_form(place.name).replace(" ", "")):
        return place.name, "letters"
    return place.name, "official"


# --- judged and explained --------------------------------------------------------------------


def judge(doc: _Text, mention: _CyrillicMention) -> _Judged | None:
    """(problem, suggestion, follows) for a mention in Cyrillic text, or None."""
    if mention.problem == "former-name":
        if _former_exempt(doc, mention) or _marked_former(doc, mention):
            return None
        return "former-name", mention.suggestion, ()
    if mention.problem == PROBLEM:
        return PROBLEM, mention.suggestion, ()
    return None


@cache
def _former_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table: dict[str, list[str]] = _table()["former"]  # type: ignore[assignment]
    before = re.compile(rf"(?:^|\W)(?:{'|'.join(table['before'])})[^.;!?]*$", re.I)
    after = re.compile(rf"^\W{{0,3}}(?:{'|'.join(table['after'])})", re.I)
    return before, after


def _marked_former(doc: _Text, mention: _Mention) -> bool:
    before, after = _former_cues()
    window = doc.text[max(0, mention.start - 40):mention.start].split("\n")[-1]
    return bool(before.search(window) or after.search(doc.text[mention.end:mention.end + 30]))


def explain(mention: _CyrillicMention, problem: str, suggestion: str) -> str:
    """One line for a person: why the mention is reported."""
    language = language_name(mention.language)
    text = mention.text
    read = f" (read as {mention.nominative})" if mention.nominative else ""
    case = f"; write {suggestion} in the case the sentence needs" if mention.nominative else ""
    if problem == PROBLEM:
        return (f"{text}{read} is the Russian form of {suggestion}; in {language} text write "
                f"{suggestion}" + (" in the case the sentence needs" if mention.nominative else ""))
    r = mention.renaming
    place = mention.name.place
    official = place.name if place is not None else suggestion
    new = suggestion if suggestion == official else f"{suggestion} ({official})"
    how = {
        "koatuu": f"; {suggestion} is its official Russian name (KOATUU 2019)",
        "gazetteer": f"; {suggestion} is the Russian form the gazetteer gives",
        "letters": (f"; KOATUU (2019, the last edition with Russian names) gives no Russian "
                    f"name for {official}: Russian writes it as it stands"),
        "official": (f"; no {language} form of {official} is known: the official "
                     f"{language_name(place.language) if place else ''} name is given".replace(
                         "  ", " ")),
    }.get(mention.source, "")
    when = f" on {r.date} by {r.act}" if r is not None else ""
    return f"{text}{read} is a former name: the place was renamed {new}{when}{how}{case}"
