"""Unknown places: capitalized words shaped or placed like an East Slavic place name that no
gazetteer knows in any spelling, each with the nearest known places.

A word is an unknown place when it is Latin, capitalized, stands alone (not in a run of
capitalized words: a person's name, an institution), is not already a known name of the text,
and

* its shape is one of tables/check/shapes.toml's [strong] shapes (Krasnorozhsk: -sk after a
  vowel and a consonant; Krasnohryshkov: the prefix Krasno-), or one of its [medium] shapes
  (-ove, -ino, -iv …) where the words around it place it as a place ("in X", "near X", "the
  town of X", "X, a nearby city");
* nothing knows it: no place of the gazetteer (translit.places, with the settlements only
  KATOTTH lists) has a name of its key, no established spelling, given name or surname is
  spelled so, and no Cyrillic reading of it is a name of the lexicon (a surname: Novoselov; a
  place elsewhere: Gdansk, Kosovo);
* the words right after it do not put it in a country outside the region ("X, Texas").

In Cyrillic text (Ukrainian, Russian, Belarusian) the same holds of a capitalized Cyrillic word
inside a sentence (there only proper names are capitalized), by shapes.toml's [cyrillic]
shapes in any of its case forms (під Красноріжськом, в Краснорожске) and its prepositions ("у
селі X", "в городе X"); a text whose known places are mostly of Russia or Belarus gives none,
as the gazetteer lacks their villages.  Its nearest places are shown in Cyrillic (in Russian
forms in Russian text).

"X — known in Ukrainian as Y" and "X (Ukrainian: Y)" say what X is: X is then a spelling of
Y's place, judged as one, never unknown.

The nearest known places are the gazetteer's names (current and former) most alike by
translit.normalize.similarity (a name sharing a block key with it, translit.blocking, counts
as nearer); among equals, a place of the text's language's country, then a current name, then
the larger place.  A former name is shown with its current name (Krasnoarmiisk, now
Pokrovsk), and the current name is the suggestion when the nearest is close enough to be a
misspelling of it (similarity at least SUGGEST_SIMILARITY).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from ..blocking import block_keys
from ..lexicon import load as load_lexicon
from ..memo import WORDS, Memo
from ..normalize import key, similarity
from ..places import LANGUAGE_COUNTRY, Gazetteer, Place, Renaming, lookup_form
from ..places import load as load_gazetteer
from ..reverse import candidates
from ..systems import romanize, system
from ..tables import check_shapes
from .data import _given_names, _person_index, _place_name, _spelling_index, _surname_index
from .judge import _correct
from .text import (
    _COUNTRY_CUES,
    _COUNTRY_LEAD,
    _CYRILLIC,
    _REGION_AFTER,
    _Mention,
    _Name,
    _system_for,
    _Text,
    _Token,
)

PROBLEM = "unknown-place"

#: The nearest place's current name is suggested when the word is at least this alike
#: (translit.normalize's SIMILARITY_THRESHOLD: "probably one name misspelled").
SUGGEST_SIMILARITY = 0.8

#: How many nearest places a finding names.
NEAREST = 3

_MIN_LETTERS = 6

_SHAPES = check_shapes()  # tables/check/shapes.toml


def _any(words: tuple[str, ...]) -> str:
    return "|".join(words)


_STRONG = re.compile(_any(_SHAPES["strong"]["suffix"] + _SHAPES["strong"]["prefix"]))
_MEDIUM = re.compile(_any(_SHAPES["medium"]["suffix"]))
_PLACED_BEFORE = re.compile(rf"(?<!\w)(?:{_any(_SHAPES['placed']['before'])})\s+$", re.I)
_PLACED_AFTER = re.compile(_any(_SHAPES["placed"]["after"]), re.I)
_APPOSITIVE = re.compile(_any(_SHAPES["placed"]["appositive"]), re.I)
_UNLIKE = frozenset(_SHAPES["unlike"]["words"])
_CASES = tuple(tuple(entry.split(">")) for entry in _SHAPES["cases"]["endings"])
# a title before a surname ("Mr. Krasnovsk…"): a person
_TITLE = re.compile(r"(?:mr|mrs|ms|dr|prof|gen|col|lt|sgt|herr|frau|pan|pani|mme|mlle|m)$", re.I)


@dataclass
class _Unknown(_Mention):
    """A word that is an unknown place, with the nearest known places (as shown)."""

    nearest: tuple[str, ...] = ()
    suggestion: str = ""


def _unknown_places(doc: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """The text's mentions with its unknown places added (and the words an appositive says
    are a known place, as mentions of that place), in the order of the text."""
    if not doc.latin_text:
        return _unknown_cyrillic(doc, mentions)
    starts = {m.start: m for m in mentions}
    added: list[_Mention] = []
    text = doc.text
    for i, token in _free_names(doc, mentions):
        word = token.text
        if _CYRILLIC.search(word):
            continue
        appositive = _APPOSITIVE.match(text, token.end)
        if appositive is not None:
            other = starts.get(appositive.end())
            if other is not None and other.name.kind == "place" and not _known(word):
                added.append(_Mention(token.start, token.end, word, other.name))
                continue
        lower = word.lower()
        if lower in _UNLIKE or not _writable(lower, doc):
            continue
        strong = _STRONG.fullmatch(lower) is not None
        if not strong and _MEDIUM.fullmatch(lower) is None:
            continue
        if not _alone(doc, i):
            continue
        if not strong and (doc.list_mode or not _placed(doc, i)):
            continue  # in a list of names nothing places a name
        if _elsewhere(doc, token.end) or _known(word):
            continue
        added.append(_unknown(token, word, doc))
    return _with(mentions, added)


def _free_names(doc: _Text, mentions: list[_Mention]) -> Iterator[tuple[int, _Token]]:
    """The text's tokens (with their index) that may be an unknown place's name: capitalized
    words of at least _MIN_LETTERS letters, lowercase after the first, outside every known
    mention."""
    spans = sorted((m.start, m.end) for m in mentions)
    at = 0
    for i, token in enumerate(doc.tokens):
        word = token.text
        if len(word) < _MIN_LETTERS or not word[:1].isupper() or not word[1:].islower():
            continue
        while at < len(spans) and spans[at][1] <= token.start:
            at += 1
        if at < len(spans) and spans[at][0] < token.end:
            continue  # part of a known name
        yield i, token


def _unknown(token: _Token, name_form: str, doc: _Text) -> _Unknown:
    """The finding for *token*, an unknown place whose nominative is *name_form*."""
    word = token.text
    nearest, suggestion = _nearest(name_form, doc)
    name = _Name(id=f"unknown:{key(name_form)}", kind="place", language=None, cyrillic="",
                 known=False, latin=word)
    return _Unknown(token.start, token.end, word, name, via="unknown", exact=False,
                    nearest=nearest, suggestion=suggestion or word)


def _with(mentions: list[_Mention], added: list[_Mention]) -> list[_Mention]:
    """*mentions* and the *added* ones, in the order of the text."""
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)


_CYR = _SHAPES["cyrillic"]
_CYR_STRONG = re.compile(_any(_CYR["strong"] + _CYR["prefix"]))
_CYR_MEDIUM = re.compile(_any(_CYR["medium"]))
_CYR_PLACED = re.compile(rf"(?<!\w)(?:{_any(_CYR['placed-before'])})\s+$", re.I)
_CYR_CASES = tuple(tuple(entry.split(">")) for entry in _CYR["endings"])
_CYR_KNOWN_CASES = tuple(tuple(entry.split(">")) for entry in _CYR["known-endings"])
_APOSTROPHES = re.compile(r"['’ʼ]")
_CYR_WORD = re.compile(r"[а-яёіїєґўʼ'’-]+")


def _unknown_cyrillic(doc: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """The unknown places of a Cyrillic text: a capitalized word inside a sentence (a proper
    name there) of a place's shape ([cyrillic] of shapes.toml, in any of its case forms), or of a
    medium shape where a preposition or "в місті", "у селі", "в городе" places it, that no
    gazetteer nor the lexicon knows in any case form.  A text whose known places are mostly of
    Russia or Belarus gives none (the gazetteer lacks their villages)."""
    added: list[_Mention] = []
    tokens = doc.tokens
    text = doc.text
    for i, token in _free_names(doc, mentions):
        word = token.text
        if not _CYR_WORD.fullmatch(word[1:]) or not _CYRILLIC.match(word):
            continue
        if i == 0 or tokens[i - 1].sentence != token.sentence or _line_start(text, token.start):
            continue  # the first word of a sentence may be any noun
        lower = word.lower()
        # the shapes read letters: an apostrophe (Слов'янськ) is none
        forms = _cyrillic_nominatives(_APOSTROPHES.sub("", lower))
        strong = any(_CYR_STRONG.fullmatch(f) for f in forms)
        if not strong and not any(_CYR_MEDIUM.fullmatch(f) for f in forms):
            continue
        if not _alone(doc, i, _CYR_PLACED):
            continue
        line_start = text.rfind("\n", 0, token.start) + 1
        placed = _CYR_PLACED.search(text[max(line_start, token.start - 30):token.start])
        if not strong and (doc.list_mode or placed is None):
            continue
        if _known_cyrillic(lower):
            continue
        if not added and not _about_ukraine(doc, mentions):
            return mentions
        nominative = next((f for f in forms if _CYR_STRONG.fullmatch(f)), forms[-1])
        added.append(_unknown(token, nominative, doc))
    return _with(mentions, added)


def _about_ukraine(doc: _Text, mentions: list[_Mention]) -> bool:
    """Whether unknown places may be sought in a Cyrillic text: the gazetteer knows every
    settlement of Ukraine (KATOTTH) but only the larger ones of Russia and Belarus, so in a
    text about their places, or a Russian text that does not name more places of Ukraine than
    of them, a village it lacks is no finding."""
    countries = _text_countries(doc, mentions)
    others = max((n for c, n in countries.items() if c != "UA"), default=0)
    return not (countries["UA"] < others or (_russian(doc) and countries["UA"] <= others))


_word_country: Memo[str, str] = Memo(WORDS)


def _text_countries(doc: _Text, mentions: list[_Mention]) -> Counter[str]:
    """The countries of the places a Cyrillic text names: its known mentions, and its other
    capitalized words that are a place in a case form (под Белгородом) or a place's adjective
    (Белгородской области)."""
    counts = Counter(m.name.place.country for m in mentions if m.name.place is not None)
    named = {m.start for m in mentions}
    gazetteer = load_gazetteer()
    for token in doc.tokens:
        word = token.text
        if token.start in named or not word[:1].isupper() or not _CYRILLIC.match(word):
            continue
        lower = word.lower()
        country = _word_country.get(lower)
        if country is None:
            country = ""
            for form in _known_forms(lower)[1:]:
                match = next((m for m in gazetteer.lookup(form, limit=3)
                              if m.exact and m.via in ("name", "former")), None)
                if match is not None:
                    country = match.place.country
                    break
            _word_country[lower] = country
        if country:
            counts[country] += 1
    return counts


def _known_forms(word: str) -> list[str]:
    """A lowercase Cyrillic word and every nominative its ending may stand for."""
    forms = _cyrillic_nominatives(word)
    for ending, nominative in _CYR_KNOWN_CASES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            form = word[:len(word) - len(ending)] + nominative
            if form not in forms:
                forms.append(form)
    return forms


def _line_start(text: str, start: int) -> bool:
    """Whether only spaces, quotes or a list's marks stand between a line's start and *start*."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t\"«„“*-–—•")


def _cyrillic_nominatives(word: str) -> list[str]:
    """The nominatives a lowercase Cyrillic word's case ending may stand for, the word first
    (у Краматорську: краматорськ)."""
    forms = [word]
    for ending, nominative in _CYR_CASES:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            form = word[:len(word) - len(ending)] + nominative
            if form not in forms:
                forms.append(form)
    return forms


_cyrillic_known: Memo[str, bool] = Memo(WORDS)


def _known_cyrillic(word: str) -> bool:
    """Whether the gazetteer (any name, any country), the lexicon or a person's established
    spelling knows a lowercase Cyrillic word in one of its case forms."""
    done = _cyrillic_known.get(word)
    if done is None:
        forms = _known_forms(word)
        lexicon = load_lexicon()
        gazetteer = load_gazetteer()
        done = any(
            lexicon.get(f) is not None or "~" + key(f) in _person_index()
            or key(f) in _surname_index() or bool(gazetteer.lookup(f, limit=1, every=True))
            or any(k in gazetteer._index or k in gazetteer._former for k in block_keys(f))
            for f in forms)
        _cyrillic_known[word] = done
    return done


_LETTERS = "абвгґдеєёжзиіїйклмнопрстуўфхцчшщъыьэюяʼ"


@cache
def _letters_written(target: str) -> frozenset[str]:
    """The letters beyond a-z that the systems of a text of *target* write for Ukrainian and
    Russian names (ë for the English-style systems; ł ś ż for the Polish).  Belarusian's
    national system writes č š ž, as Czech and Slovak do (Prešov): not counted."""
    out: set[str] = set()
    for language in ("uk", "ru"):
        # every letter, and every letter before a vowel or the soft sign (Polish сь: ś)
        sample = " ".join([*_LETTERS, *(c + v for c in _LETTERS for v in "ьяюєїіеёиоаы")])
        written = romanize(sample, _system_for(language, system(target)))
        out.update(c for c in written.lower() if c.isalpha() and not "a" <= c <= "z")
    return frozenset(out)


def _writable(word: str, doc: _Text) -> bool:
    """Whether the target's systems could have written *word*: a letter none of them writes
    (Czech ř, Polish ó in an English text) is another language's name (Přerov, Pruszków)."""
    extra = _letters_written(doc.target.id)
    return all("a" <= c <= "z" or c in extra or not c.isalpha() for c in word)


def _alone(doc: _Text, i: int, placing: re.Pattern[str] = _PLACED_BEFORE) -> bool:
    """Not one word of a run of capitalized words (a person's name, an institution), nor a
    surname after a title; a word of place or a region's word beside it does not count."""
    tokens = doc.tokens
    text = doc.text
    token = tokens[i]

    def joined(gap: str) -> bool:  # in a list, a line break ends a name
        return not gap.strip() and not (doc.list_mode and "\n" in gap)

    if i > 0:
        before = tokens[i - 1]
        gap = text[before.end:token.start]
        if before.text[:1].isupper() and joined(gap) and not placing.search(
                before.text + " "):
            return False
        if gap.strip() in (".", "") and joined(gap.strip(".")) and _TITLE.match(before.text):
            return False
    if i + 1 < len(tokens):
        after = tokens[i + 1]
        gap = text[token.end:after.start]
        if (after.text[:1].isupper() and joined(gap)
                and not _REGION_AFTER.match(text[token.end:after.end + 1])):
            return False
    return True


def _placed(doc: _Text, i: int) -> bool:
    """The words around the word place it as a place: "in X", "the town of X", "X, a nearby
    city"."""
    token = doc.tokens[i]
    line_start = doc.text.rfind("\n", 0, token.start) + 1
    before = doc.text[max(line_start, token.start - 30):token.start]
    return bool(_PLACED_BEFORE.search(before) or _PLACED_AFTER.match(doc.text, token.end))


def _elsewhere(doc: _Text, end: int) -> bool:
    """The words right after put it outside Ukraine, Russia and Belarus ("X, Texas")."""
    lead = _COUNTRY_LEAD.match(doc.text, end)
    if lead is None or lead.end() == end:
        return False
    return bool(_COUNTRY_CUES.get("elsewhere") and _COUNTRY_CUES["elsewhere"].match(
        doc.text, lead.end()))


_known_memo: Memo[str, bool] = Memo(WORDS)


def _known(word: str) -> bool:
    """Whether any gazetteer, established spelling, given name, surname or the lexicon knows
    *word* in any spelling."""
    done = _known_memo.get(word)
    if done is None:
        done = _known_memo[word] = _knows(word)
    return done


def _knows(word: str) -> bool:
    return any(_knows_form(form) for form in _nominatives(word))


def _nominatives(word: str) -> list[str]:
    """The word, and the nominatives its case ending may stand for (Kramatorsku:
    Kramatorsk)."""
    forms = [word]
    for ending, nominative in _CASES:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            forms.append(word[:len(word) - len(ending)] + nominative)
    return forms


def _knows_form(word: str) -> bool:
    folded = lookup_form(word)
    word_key = key(word)
    if (folded in _spelling_index() or folded in _given_names()[0]
            or word_key in _surname_index() or "~" + word_key in _person_index()):
        return True
    gazetteer = load_gazetteer()
    if gazetteer.lookup(word, limit=1, every=True):
        return True
    # a reading in another convention (Polish Juzowka: Юзовка, Donetsk's old name)
    if any(k in gazetteer._index or k in gazetteer._former for k in block_keys(word)):
        return True
    lexicon = load_lexicon()
    readings = candidates(word, limit=6)
    return any(r.cyrillic.lower() in lexicon for r in readings) or any(
        gazetteer.lookup(r.cyrillic, limit=1, every=True) for r in readings[:3])


_Keys = tuple[list[str], list[tuple[int, Renaming | None, str]]]
_keys_made: list[tuple[Gazetteer, _Keys]] = []  # for the gazetteer loaded (one at a time)


def _place_keys(gazetteer: Gazetteer) -> _Keys:
    """Every name of the gazetteer one may have meant: current names and former names, as
    keys, beside (place number, renaming or None, the name); made once per gazetteer."""
    if _keys_made and _keys_made[0][0] is gazetteer:
        return _keys_made[0][1]
    keys: list[str] = []
    rows: list[tuple[int, Renaming | None, str]] = []
    # the index, not the places: a prepared gazetteer makes a place only when asked for it
    for name_key, entries in gazetteer._index.items():
        for number, position in entries:
            if position == 0:  # the place's own name (its first: Place.all_names)
                keys.append(name_key)
                rows.append((number, None, ""))
    for former_key, formers in gazetteer._former.items():
        for number, renaming, form in formers:
            keys.append(former_key)
            rows.append((number, renaming, form))
    _keys_made[:] = [(gazetteer, (keys, rows))]
    return keys, rows


_nearest_memo: Memo[tuple[str, str], tuple[tuple[str, ...], str]] = Memo(WORDS)


def _nearest(word: str, doc: _Text) -> tuple[tuple[str, ...], str]:
    """The nearest known places as shown (a former name with its current name), and the
    current name to suggest ('' when none is near enough)."""
    memo_key = (word, doc.target.id if doc.latin_text else f"cyrillic:{_russian(doc)}")
    done = _nearest_memo.get(memo_key)
    if done is None:
        done = _nearest_memo[memo_key] = _find_nearest(word, doc)
    return done


def _find_nearest(word: str, doc: _Text) -> tuple[tuple[str, ...], str]:
    gazetteer = load_gazetteer()
    keys, rows = _place_keys(gazetteer)
    places = gazetteer.places
    word_key = key(word)
    blocks = block_keys(word)
    country = LANGUAGE_COUNTRY.get(doc.language, "UA")
    best: dict[int, tuple[tuple[float, bool, bool, float], Renaming | None, str, float]] = {}
    for _, score, index in process.extract(word_key, keys, scorer=fuzz.ratio, limit=40,
                                           score_cutoff=60):
        number, renaming, form = rows[index]
        place = places[number]
        form = form or place.name or place.geonames_name
        alike = score / 100.0
        nearer = alike + (0.05 if blocks & block_keys(form) else 0.0)
        rank = (round(nearer, 2), place.country == country, renaming is None,
                math.log10(place.population + 1))
        if number not in best or rank > best[number][0]:
            best[number] = (rank, renaming, form, alike)
    ranked = sorted(best.items(), key=lambda item: item[1][0], reverse=True)
    shown: list[str] = []
    for number, (_, renaming, form, _) in ranked:
        label = _shown(places[number], renaming, form, doc)
        if label not in shown:  # namesakes (two Krasnoarmeysks of Russia) shown once
            shown.append(label)
        if len(shown) == NEAREST:
            break
    suggestion = ""
    if ranked:
        number, (_, renaming, form, alike) = ranked[0]
        if max(alike, similarity(word, form)) >= SUGGEST_SIMILARITY:
            place = places[number]
            suggestion = (_correct(_place_name(place), doc) if doc.latin_text
                          else _cyrillic_name(place, doc))
    return tuple(shown), suggestion


_RUSSIAN_ONLY = re.compile(r"[ыэъё]", re.I)
_UKRAINIAN_ONLY = re.compile(r"[іїєґ]", re.I)


def _russian(doc: _Text) -> bool:
    """A Cyrillic text in Russian: Russian letters and none only Ukrainian has."""
    sample = doc.text[:20_000]
    return bool(_RUSSIAN_ONLY.search(sample)) and not _UKRAINIAN_ONLY.search(sample)


def _cyrillic_name(place: Place, doc: _Text) -> str:
    """A place's name as a Cyrillic text writes it: its Russian form in Russian text."""
    name = place.name or place.geonames_name
    if _russian(doc) and place.language != "ru":
        return _place_name(place).forms.get("ru") or name
    return name


def _shown(place: Place, renaming: Renaming | None, form: str, doc: _Text) -> str:
    if not doc.latin_text:  # a Cyrillic text: the names as its readers write them
        where = "" if place.country == "UA" else f", {place.country}"
        current = _cyrillic_name(place, doc)
        if renaming is not None and _russian(doc) and renaming.former_ru:
            form = renaming.former_ru
        return f"{current}{where}" if renaming is None else f"{form} (now {current}{where})"
    current = _correct(_place_name(place), doc)
    where = "" if place.country == "UA" else f", {place.country}"
    if renaming is None:
        return f"{current} ({place.name}{where})"
    former = romanize(form, _system_for(place.language, doc.target))
    return f"{former} (now {current}, {place.name}{where})"


def _explain(mention: _Unknown) -> str:
    nearest = "; ".join(mention.nearest) if mention.nearest else "none"
    return (f"{mention.text} is not a place any gazetteer knows in any spelling, nor a name; "
            f"the nearest known places: {nearest}")


def _label(mention: _Unknown) -> str:
    return f"{mention.text} (unknown place)"
