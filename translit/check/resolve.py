"""Resolving mentions: which known place, spelling or person a run of words in the text names."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..lexicon import load as load_lexicon
from ..memo import SPELLINGS, bounded
from ..normalize import key
from ..places import LANGUAGE_COUNTRY, Match, Renaming, lookup_form
from ..places import load as load_gazetteer
from ..reverse import ALPHABETS, candidates, identify
from ..systems import romanize, system, systems
from ..tables import NOT_A_LANGUAGE
from .data import (
    _given_names,
    _GivenName,
    _person_index,
    _place_name,
    _place_of,
    _spelling_by_name,
    _spelling_index,
    _spelling_name,
    _surname_index,
)
from .finding import APPROXIMATE_MIN_POPULATION, PLAUSIBLE_NATS
from .judge import _accepted
from .text import _CUE_WINDOW, _CUES, _Mention, _Name, _system_for, _Text, _Token

#: what a span resolves to, wherever it stands: (name, via, renaming, exact), or None
_Resolved = tuple[_Name, str, Renaming | None, bool] | None


class _Resolver:
    def __init__(self, doc: _Text) -> None:
        self.doc = doc
        self.names: dict[str, _Name] = {}
        self.persons: dict[str, _Name] = {}  # surname key → the person last named with it
        # Each distinct span, surname and given name is resolved once per text: what they
        # resolve to does not depend on where they stand (the mention made of it does).
        self._latin: dict[tuple[str, int], _Resolved] = {}
        self._cyrillic: dict[str, _Resolved] = {}
        self._surnames: dict[tuple[str, str | None], _Name] = {}
        self._written: dict[str, set[str]] = {}

    def intern(self, name: _Name) -> _Name:
        return self.names.setdefault(name.id, name)

    # places and established spellings ----------------------------------------------------------

    def latin(self, span: str, words: int, start: int, end: int) -> _Mention | None:
        """A Latin span of *words* words as a known name, or None."""
        memo_key = (span, words)
        if memo_key in self._latin:
            done = self._latin[memo_key]
        else:
            mention = self._resolve_latin(span, words, start, end)
            done = None if mention is None else (
                mention.name, mention.via, mention.renaming, mention.exact)
            self._latin[memo_key] = done
        return None if done is None else _Mention(start, end, span, *done)

    def _resolve_latin(self, span: str, words: int, start: int, end: int) -> _Mention | None:
        folded = lookup_form(span)
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
            if place is None and best is not None and best.via == "former" and best.exact:
                # a wrong spelling of a former name that SpellingUkraine lists as a place
                # (Artemovsk for Artemivsk): today's place, never the former name, is the fix
                return _Mention(start, end, span, self.intern(_place_name(best.place)),
                                "former", best.renaming, True)
            mention = _Mention(start, end, span, self.intern(_spelling_name(s, place)))
            if best is not None and place is not None and best.place.id == place.id:
                mention.via, mention.renaming = best.via, best.renaming
            return mention
        if best is None:
            return None
        if best.place.population < APPROXIMATE_MIN_POPULATION and not _system_exact(
                best, folded, self.doc.target.table.convention):
            # a village's foreign name (Police, Polish for Полиці) is not enough, nor a
            # spelling only another language's press convention writes (Maria, Catalan
            # for the village Марія, in an English list of given names)
            return None
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
        country = LANGUAGE_COUNTRY[self.doc.language]
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
        if span in self._cyrillic:
            done = self._cyrillic[span]
        else:
            mention = self._resolve_cyrillic(span, start, end)
            done = None if mention is None else (
                mention.name, mention.via, mention.renaming, mention.exact)
            self._cyrillic[span] = done
        return None if done is None else _Mention(start, end, span, *done, script="cyrillic")

    def _resolve_cyrillic(self, span: str, start: int, end: int) -> _Mention | None:
        matches = load_gazetteer().lookup(span, limit=8)
        exact = [m for m in matches if m.exact and m.via in ("name", "former")]
        if exact:
            best = self._best_place(lookup_form(span), exact)
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
        rows = index.get(lookup_form(words[0].text))
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
        written = self._written.get(words[0].text)
        if written is None:
            _, given_rows = _given_names()
            given = given_rows[rows[0]]
            written = self._written[words[0].text] = {
                language for language, form in given.forms.items()
                if any(system(i).language == language for i in identify(words[0].text, form))
            }
        if written == {"uk"} or written == {"be"}:
            return next(iter(written))
        return _cue(self.doc, words[0], words[-1])

    def _surname(self, word: str, language: str | None) -> _Name:
        done = self._surnames.get((word, language))
        if done is None:
            done = self._surnames[word, language] = self._read_surname(word, language)
        return done

    def _read_surname(self, word: str, language: str | None) -> _Name:
        if language is None:
            return _Name(id="", kind="person", language=None, cyrillic="", known=False)
        lexicon = load_lexicon()
        readings = candidates(word, language=language, limit=6)
        known = [r for r in readings if r.cyrillic.lower() in lexicon]
        # a reading the target system writes exactly as the text does is the one meant
        # (Syrskyi: Сирський, though the lexicon lacks it and has Щирський)
        target = _system_for(language, self.doc.target)
        top = readings[0].score if readings else 0.0
        exact = [r for r in readings if lookup_form(romanize(r.cyrillic, target)) == lookup_form(word)
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


def _system_exact(match: Match, folded: str, convention: str) -> bool:
    """Whether a system a text of the target's *convention* may follow (the target's own
    convention, or one that is no other language's: english, scholarly, lacinka) writes one
    of the place's Cyrillic names exactly as *folded*."""
    place = match.place
    names = [n for n, mask in zip(place.all_names(), place._masks, strict=False) if mask != "0"]
    names += [f for r in place.former for f in (r.former, r.former_ru) if f]
    return any(folded in _spellings_in(n, convention) for n in names)


@bounded(SPELLINGS)
def _spellings_in(name: str, convention: str) -> frozenset[str]:
    """*name* itself and its spellings by the systems of *convention* and of no other
    language's convention, folded."""
    conventions = {convention, *NOT_A_LANGUAGE}
    return frozenset({lookup_form(name)} | {lookup_form(s.romanize(name)) for s in systems()
                                            if s.table.convention in conventions})



def _surname_like(word: str) -> bool:
    return bool(_SURNAME_END.search(word)) and len(word) >= 3 and word[:1].isupper()


def _given_name(spelling: str, given: _GivenName, language: str | None) -> _Name:
    if language is None:
        return _Name(id="", kind="person", language=None, cyrillic="", known=True)
    cyrillic = given.forms.get(language) or given.forms.get("uk", "")
    forms = {lang: form for lang, form in given.forms.items()}
    established = ""
    if language == "uk":
        given_spelling = _spelling_by_name().get(("given", lookup_form(cyrillic)))
        if given_spelling is not None:
            established = given_spelling.spelling
    return _Name(id="", kind="person", language=language, cyrillic=cyrillic, forms=forms,
                 established=established)


def _cue(doc: _Text, first: _Token, last: _Token) -> str | None:
    """The language of the nationality word nearest the name in its sentence, if any."""
    tokens = doc.tokens
    found = [i for i in (doc.token_index(first.start), doc.token_index(last.start))
             if i is not None]
    if not found:
        return None
    lo, hi = min(found), max(found)
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
