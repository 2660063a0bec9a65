"""Whole names: words, their case, and the ranking of readings of several words.

A name of several words is read in one language and scores the sum of its words.  Equal scores
(one name, known and exact in two languages) go to the language its letters suggest, then to
the likelier under the letter models.  candidates(limit=1) gives the full ranking's first
without running it when it can (first_word, first_exact).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from ..memo import bounded
from ..systems import DEFAULT_SYSTEM
from .model import Model, best_of, tie_sorted, tier_a
from .reading import Candidate, Reading
from .settings import (
    EXACT_KNOWN,
    KEPT_APOSTROPHE,
    SYSTEM_SETS_MEMO,
    TIED_CHOICES,
)
from .spelling import (
    LATIN_LETTER,
    MARKS,
    PARTS,
    TRAILING,
    WORD,
    cyrillic_key,
    guess_language,
    reading_form,
)


@dataclass
class Word:
    start: int
    end: int
    folded: str
    case: str  # lower, title, upper


def case_of(word: str) -> str:
    if word.islower():
        return "lower"
    if word[:1].isupper() and (len(word) == 1 or word[1:].islower()):
        return "title"
    return _mixed_case_of(word)


def _mixed_case_of(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    uppers = sum(1 for c in letters if c.isupper())
    if uppers == 0:
        return "lower"
    if uppers == len(letters):
        return "upper" if uppers > 1 else "title"
    return "title" if letters[0].isupper() else "lower"


def apply_case(text: str, case: str) -> str:
    if case == "upper":
        return text.upper()
    if case == "title":
        return text[:1].upper() + text[1:]
    return text


def split_words(text: str) -> list[Word]:
    """The words of *text* that hold a Latin letter; one-letter capitals (initials) follow
    the case of the nearest longer word."""
    words = [
        Word(m.start(), m.end(), reading_form(m.group()), case_of(m.group()))
        for m in WORD.finditer(text)
        if LATIN_LETTER.search(m.group())
    ]
    longer = [w.case for w in words if sum(1 for c in w.folded if c.isalpha()) > 1]
    if longer and all(c == "upper" for c in longer):
        for w in words:
            if w.case == "title":
                w.case = "upper"
    return words


def _combine(
    per_word: Sequence[Sequence[Candidate]], limit: int
) -> list[tuple[float, tuple[int, ...]]]:
    """The *limit* best choices of one reading per word, by summed score, best first."""
    if any(not options for options in per_word):
        return []
    start = tuple(0 for _ in per_word)
    heap = [(-sum(options[0].score for options in per_word), start)]
    seen = {start}
    out: list[tuple[float, tuple[int, ...]]] = []
    while heap and len(out) < limit:
        negative, choice = heapq.heappop(heap)
        out.append((-negative, choice))
        for k, options in enumerate(per_word):
            if choice[k] + 1 < len(options):
                nxt = (*choice[:k], choice[k] + 1, *choice[k + 1 :])
                if nxt not in seen:
                    seen.add(nxt)
                    delta = options[choice[k] + 1].score - options[choice[k]].score
                    heapq.heappush(heap, (negative - delta, nxt))
    return out


def assemble(text: str, words: Sequence[Word], readings: Sequence[str]) -> str:
    out = []
    position = 0
    for word, reading in zip(words, readings, strict=True):
        out.append(text[position : word.start])
        out.append(apply_case(reading, word.case))
        position = word.end
    out.append(text[position:])
    return "".join(out)


def whole_span(text: str, words: Sequence[Word]) -> str | None:
    """The folded span of a name of several words joined by spaces or hyphens, as the lexicon
    writes it (кривий ріг, йошкар-ола); None for one word or other separators."""
    if len(words) < 2 or len(words) > 4:
        return None
    for before, after in itertools.pairwise(words):
        if not regex.fullmatch(r"\s*-\s*|\s+", text[before.end : after.start]):
            return None
    span = reading_form(text[words[0].start : words[-1].end])
    return str(regex.sub(r"\s*-\s*", "-", regex.sub(r"\s+", " ", span)))


def _whole_options(
    readings: Iterable[Candidate], words: int
) -> Iterator[tuple[float, list[Candidate]]]:
    """A known name of several words as a choice of one reading per word; an exact one counts
    as exact for every word (so that it outranks combinations of known words)."""
    for c in readings:
        score = c.score + (words - 1) * EXACT_KNOWN if tier_a(c) else c.score
        yield score, [Candidate(part, 0.0, c.systems, True) for part in PARTS.split(c.cyrillic)]


def reading_of(
    text: str, words: Sequence[Word], language: str, score: float, chosen: Sequence[Candidate]
) -> Reading:
    systems = frozenset.intersection(*(c.systems for c in chosen))
    cyrillic = assemble(text, words, [c.cyrillic for c in chosen])
    return Reading(cyrillic, language, round(score, 6), ordered_ids(systems, language))


def first_exact(
    model: Model, text: str, words: Sequence[Word], whole: str | None,
    languages: Sequence[str], search: bool,
) -> Reading | None:
    """The first reading of the full ranking when some language reads every word as a known
    name that one of its systems writes so (tier A), else None.  Every such reading scores above
    any reading with a word that is not (for up to FAST_PATH_WORDS words).

    With *search*, the searches kept to known names say which names those are.  Without it,
    the index does, and the answer is UNSURE unless that is sure: an unindexed name weighs
    less than the floor, so the best an unindexed word can score is known (the language's
    ceiling); a language whose ceiling reaches the index's best asks exact_names() (complete)
    for the words and the whole name the index cannot vouch for."""
    if search:
        best: Reading | None = None
        for lang in languages:
            found = _options(model, words, whole, lang, "search")
            assert found is not None  # only the walk gives up
            best = _best_reading(model, text, words, lang, found[0], best)
        return best
    per: dict[str, tuple[list[tuple[float, list[Candidate]]], float]] = {}
    for lang in languages:
        found = _options(model, words, whole, lang, "index")
        assert found is not None
        per[lang] = found
    best = None
    for lang, (options, _ceiling) in per.items():
        best = _best_reading(model, text, words, lang, options, best)
    unsure = [lang for lang, (_o, ceiling) in per.items()
              if ceiling > (best.score if best else -math.inf) - 1e-6]  # (scores: 6 places)
    if not unsure:
        return best
    for lang in unsure:
        found = _options(model, words, whole, lang, "walk")
        if found is None:
            return UNSURE
        best = _best_reading(model, text, words, lang, found[0], best)
    return best


def _options(
    model: Model, words: Sequence[Word], whole: str | None, lang: str, how: str
) -> tuple[list[tuple[float, list[Candidate]]], float] | None:
    """A language's tier-A choices of one reading per word (and of the whole name as one
    known name), with the most a choice the index lacks could score (-inf when none can):
    *how* is "search" (the searches kept to known names), "index", or "walk" (the index, and
    exact_names() where the index cannot vouch; None if it gives up)."""
    search = how == "search"
    bound = -math.inf if search else model.unindexed_bound[lang]
    walk = how == "walk"
    n = len(words)
    options: list[tuple[float, list[Candidate]]] = []
    ceiling = -math.inf
    if whole is not None:
        found = model.read_whole(whole, lang, n) if search else model.exact_known(whole, lang)
        exact = [c for c in found if tier_a(c) and len(PARTS.split(c.cyrillic)) == n]
        whole_bound = bound
        if walk and (not exact or exact[0].score <= bound):
            extra = model.walk_readings(whole, lang)
            if extra is None:
                return None
            exact = best_of([*exact, *(c for c in extra if len(PARTS.split(c.cyrillic)) == n)],
                             model.readers[lang])
            whole_bound = -math.inf
        options.extend(_whole_options(_tied(exact), n))
        top_whole = exact[0].score if exact else -math.inf
        ceiling = (n - 1) * EXACT_KNOWN + max(top_whole, whole_bound)
    firsts: list[list[Candidate]] = []  # each word's best readings (several when tied)
    total = 0.0
    for w in words:
        readings = model.exact_readings(w.folded, lang, search)
        word_bound = bound
        if walk and (not readings or readings[0].score <= bound):
            extra = model.walk_readings(w.folded, lang)
            if extra is None:
                return None
            readings = best_of([*readings, *extra], model.readers[lang])
            word_bound = -math.inf
        top = readings[0] if readings else None
        if top is not None and top.score > word_bound:
            firsts.append(_tied(readings))
        total += max(top.score if top else -math.inf, word_bound)
    if len(firsts) == n:
        # equal scores are left to the full ranking's tie-break over whole readings (better)
        score = sum(f[0].score for f in firsts)
        for chosen in itertools.islice(itertools.product(*firsts), TIED_CHOICES):
            options.append((score, list(chosen)))
    actual = max((score for score, _ in options), default=-math.inf)
    ceiling = max(ceiling, total)
    return options, (ceiling if ceiling > actual + 1e-9 else -math.inf)


def known_reading(reading: Reading, words: int) -> bool:
    """Whether each of a reading's *words* (as many as the input has) is a known name that a
    system writes as the input (tier A): each scores above EXACT_KNOWN / 2, and a reading with
    a word that is not scores below (words - 1/2) * EXACT_KNOWN (see tier_a)."""
    return words > 0 and reading.score > (words - 0.5) * EXACT_KNOWN


def _tied(readings: Sequence[Candidate]) -> list[Candidate]:
    """The readings that share the first one's score."""
    return [c for c in readings if c.score == readings[0].score] if readings else []


def _best_reading(
    model: Model, text: str, words: Sequence[Word], lang: str,
    options: Sequence[tuple[float, list[Candidate]]], best: Reading | None,
) -> Reading | None:
    for score, chosen in options:
        reading = reading_of(text, words, lang, score, chosen)
        if best is None or better(model, reading, best):
            best = reading
    return best


SIMPLE_WORD = regex.compile(
    rf"[\p{{Latin}}&&\p{{L}}]+(?:[{MARKS}]+[\p{{Latin}}&&\p{{L}}]+)*[{TRAILING}]*", regex.V1
)
#: first_word() cannot tell from the index and exact_names(): the full search must.
UNSURE = Reading("", "", 0.0)


def first_word(model: Model, text: str, languages: Sequence[str]) -> Reading | None:
    """The first reading of the full ranking for one word (letters, with marks between them
    or after them), when some language reads it as a known name that one of its systems writes
    so (tier A); None when no language does; UNSURE when that cannot be told cheaply (a long
    walk).  As exact_readings() does, a word with trailing marks (Kazan') is also read without
    them, the marks kept as punctuation.

    The index gives each language's best indexed name; a language whose unindexed names could
    reach the best so far (see Model._index) asks exact_names(), which misses none."""
    folded = reading_form(text)
    core = folded.rstrip("'")
    spans = [(folded, 0.0, "")]
    if core != folded and core:
        spans.append((core, KEPT_APOSTROPHE, folded[len(core) :]))
    tops: dict[str, tuple[float, list[tuple[str, frozenset[str]]]]] = {}

    def consider(lang: str, word: str, score: float, systems: frozenset[str]) -> None:
        top, words = tops.get(lang, (-math.inf, []))
        if score > top:
            tops[lang] = (score, [(word, systems)])
        elif score == top:
            words.append((word, systems))

    for latin, offset, kept in spans:
        for lang in languages:
            for word, score, systems in model.indexed(latin, lang):
                consider(lang, word + kept, score + offset, systems)
    best_score = max((top for top, _ in tops.values()), default=-math.inf)
    for latin, offset, kept in spans:
        for lang in languages:
            if model.unindexed_bound[lang] + offset > best_score - 1e-6:
                # a name the index lacks might do as well: ask the walk
                unindexed = model.unindexed_exact(latin, lang)
                if unindexed is None:
                    return UNSURE
                for word, score, systems in unindexed:
                    consider(lang, word + kept, score + offset, systems)
    best_score = max((top for top, _ in tops.values()), default=-math.inf)
    case = case_of(text)
    best: Reading | None = None
    for lang, (top, words) in tops.items():
        if top < best_score - 1e-6:
            continue
        for word, systems in words:  # equal scores: as the full ranking breaks its ties
            reading = Reading(apply_case(word, case), lang, round(top, 6),
                              ordered_ids(systems, lang))
            if best is None or better(model, reading, best):
                best = reading
    return best


def tie_key(model: Model, reading: Reading) -> tuple[bool, float, str, str]:
    """How a tie between equal scores is broken (one name, known and exact in two languages:
    Харьков): the language its letters suggest (detect.guess_language) first, then the one
    whose letter model finds the reading likelier."""
    text = cyrillic_key(reading.cyrillic)
    fit = model.readers[reading.language].fit(text)
    return (guess_language(text) != reading.language, -fit, reading.language, reading.cyrillic)


def better(model: Model, a: Reading, b: Reading) -> bool:
    if a.score != b.score:
        return a.score > b.score
    # tie_key(a) < tie_key(b), the letter models asked only when the guessed languages leave a tie
    a_off = guess_language(cyrillic_key(a.cyrillic)) != a.language
    b_off = guess_language(cyrillic_key(b.cyrillic)) != b.language
    if a_off != b_off:
        return b_off
    return tie_key(model, a) < tie_key(model, b)


def ordered_ids(ids: Iterable[str], language: str) -> tuple[str, ...]:
    """System ids, the language's default system first, then by id."""
    if isinstance(ids, frozenset):
        return _ordered_set(ids, language)
    return _sorted_ids(ids, language)


def _sorted_ids(ids: Iterable[str], language: str) -> tuple[str, ...]:
    default = DEFAULT_SYSTEM.get(language)
    return tuple(sorted(ids, key=lambda i: (i != default, i)))


#: ordered_ids() of a set of ids (readings carry a few hundred distinct sets)
_ordered_set = bounded(SYSTEM_SETS_MEMO)(_sorted_ids)


def full_ranking(
    model: Model, text: str, words: Sequence[Word], whole: str | None,
    languages: Sequence[str], limit: int,
) -> list[Reading]:
    """The full ranking: every language's readings of each word, combined best first."""
    found: dict[str, Reading] = {}
    for lang in languages:
        options: list[tuple[float, list[Candidate]]] = []
        if whole is not None:
            options.extend(_whole_options(model.read_whole(whole, lang, len(words)), len(words)))
        per_word = [model.read_word(w.folded, lang) for w in words]
        for score, choice in _combine(per_word, limit):
            options.append((score, [per_word[k][i] for k, i in enumerate(choice)]))
        for score, chosen in options:
            keep_better(model, found, reading_of(text, words, lang, score, chosen))
    return ranked(model, found, limit)


def keep_better(model: Model, found: dict[str, Reading], reading: Reading) -> None:
    old = found.get(reading.cyrillic)
    if old is None or better(model, reading, old):
        found[reading.cyrillic] = reading


def ranked(model: Model, found: dict[str, Reading], limit: int) -> list[Reading]:
    return tie_sorted(list(found.values()), lambda r: r.score, lambda r: tie_key(model, r))[:limit]
