"""Reverse romanization: the Cyrillic behind a Latin name, ranked, and the systems that wrote it.

candidates() reads each word of a Latin name in every language it may be (ru, uk, be) and
ranks the readings; identify() names the systems whose rules produce the Latin exactly.

How a word is read
==================

* **The channel.**  Every row of every table in tables/, read backwards, is a pair (Latin
  chunk, Cyrillic key) with the row's contexts.  A pair weighs the share of the language's
  systems that write it; the other two languages' systems count a little (people spell
  Ukrainian names the Russian way and back), and so does each spelling without its diacritics;
  _EXTRA adds a few spellings that no table writes but people do.  Contexts are honoured: a
  pair is used only where some table writes it, looking at the Cyrillic letters on both sides,
  and each pair knows which systems of the language write it there.  A new table is picked up
  with no code.
* **The letter model.**  A character 5-gram model of each language, trained on the lexicon's
  names, says how much a reading looks like a name of the language (Щербаков, not Шчербаков).
* **The lexicon** (translit.lexicon: given names, surnames, patronymics and places, with
  weights) is the prior: a known name beats an unknown one, a frequent name a rare one.
* **The searches.**  A beam search runs over the Latin word left to right, expanding each chunk
  that starts at the position into its Cyrillic keys and inserting the soft signs and
  apostrophes that the Latin leaves unwritten.  It runs twice: once kept to prefixes of the
  lexicon's names (so every known name the Latin can spell is found, by the channel alone),
  once free, scored by channel and letter model (names the lexicon lacks).  Each hypothesis
  carries the set of systems whose rows its path uses, so exactness is checked by romanizing a
  reading only with the few systems that could have written it.  The width is fixed: time is
  linear in the length of a word; words longer than MAX_WORD_LETTERS and inputs longer than
  MAX_INPUT_CHARS are read greedily, one reading per word.
* **The index.**  Every system's spelling of the lexicon's most frequent names (INDEXED_NAMES
  per language) is indexed, so that the first reading of a known name is one dict look-up.
* **The walk** (exact_names).  Which known names some system of the language writes exactly
  as the input (or but for its marks): a depth-first walk over the pairs the language's own
  systems write, in their contexts, kept to prefixes of the lexicon's names.  Unlike the beam
  it misses none, and it is cheap (a name takes a few dozen steps; it gives up after
  EXACT_NAME_STEPS); a letter no system writes ends it at once.

How readings are ranked
=======================

A known name that a system of its language writes exactly as the input comes first (its score
carries EXACT_KNOWN; MARKS_LEFT_OUT less when the system writes apostrophes or marks that the
input leaves out: Zelenskyy for Зеленський, Zelensʹkyy in BGN/PCGN 1965); among those, the
more frequent name first.  Every other reading scores how likely the Latin is as a spelling of
it (the channel) plus its prior: the lexicon weight for a known name, the letter model less
UNKNOWN_PENALTY for an unknown one, which gains EXACT_UNKNOWN when a system writes it exactly.
A name of several words is read in one language and scores the sum of its words.  Equal
scores (one name, known and exact in two languages) go to the language its letters suggest,
then to the likelier under the letter models.

candidates(limit=1) gives the full ranking's first without running it when it can: for one
word or of several, from the index and, when a name the index lacks could score as high (it
weighs less than every indexed name, so that is known from the scores), from the walk; for
several words, from the search kept to known names if the walk gives up.  Only a name with a
word that no language reads as a known name written so by one of its systems needs the full
search.


The modules: settings (sizes, weights, memo bounds), spelling (alphabets, folding, words),
channel, letter_model, names (the lexicon), reader (one language: searches, walk, exactness),
model (the readers, the lexicon and the index), ranking (whole names and ties), reading (the
Reading and Candidate types); candidates() and identify() are here.
"""

from __future__ import annotations

import unicodedata

from ..letters import APOSTROPHE
from ..systems import systems
from ..tables import LANGUAGES
from .model import get_model
from .ranking import (
    SIMPLE_WORD,
    UNSURE,
    assemble,
    first_exact,
    first_word,
    full_ranking,
    keep_better,
    known_reading,
    ordered_ids,
    ranked,
    split_words,
    whole_span,
)
from .reading import Reading
from .settings import FAST_PATH_WORDS, LETTER_MODEL_WEIGHT, MAX_INPUT_CHARS
from .spelling import (
    ALPHABETS,
    CYRILLIC_LETTER,
    LATIN_LETTER,
    cyrillic_key,
    guess_language,
    mixes_scripts,
    reading_form,
)

__all__ = ["ALPHABETS", "Reading", "candidates", "identify"]


def candidates(latin: str, language: str | None = None, limit: int = 10) -> list[Reading]:
    """Ranked Cyrillic readings of a Latin name, best first.

    *language* ('ru', 'uk', 'be') keeps the readings of one language; with None every language
    is tried and each reading says its own.  Any str is accepted: each word keeps its case
    pattern (Title, ALL CAPS, lowercase), and spaces, hyphens, digits, punctuation and words
    without Latin letters stay in place.  A Reading has ``cyrillic``, ``language``, ``score``
    (higher is better, comparable within one call) and ``systems`` (the systems of the language
    that write the reading exactly as *latin*).

    >>> [r.cyrillic for r in candidates("Kharkov", limit=1)]
    ['Харьков']
    """
    if not isinstance(latin, str):
        raise TypeError(f"candidates() takes a str, not {type(latin).__name__}")
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError(f"limit must be an int >= 0, not {limit!r}")
    if limit == 0 or not LATIN_LETTER.search(latin):
        return []
    text = unicodedata.normalize("NFC", latin)
    model = get_model()
    languages = (language,) if language else LANGUAGES
    if limit == 1 and SIMPLE_WORD.fullmatch(text):
        # one word: the index and exact_names() answer, without the search, when they can
        first = first_word(model, text, languages)
        if first is not UNSURE:
            if first is not None:
                return [first]
            return full_ranking(model, text, split_words(text), None, languages, 1)
    words = split_words(text)
    if not words:
        return []
    found: dict[str, Reading] = {}
    if len(text) > MAX_INPUT_CHARS:
        # one greedy reading per language, scored by the letter model on a bounded sample
        for lang in languages:
            reader = model.readers[lang]
            readings = [reader.greedy(w.folded) for w in words]
            if any(mixes_scripts(r) for r in readings):
                continue  # a Latin letter the language does not read
            sample = list(dict.fromkeys(readings))[:100]
            score = sum(reader.fit(r[:100]) for r in sample) * LETTER_MODEL_WEIGHT
            keep_better(model, found, Reading(assemble(text, words, readings), lang,
                                        round(score, 6), ()))
        return ranked(model, found, limit)
    whole = whole_span(text, words)
    if limit == 1 and len(words) <= FAST_PATH_WORDS:
        # the index and the walk, then the search kept to known names
        first = first_exact(model, text, words, whole, languages, search=False)
        if first is UNSURE:
            first = first_exact(model, text, words, whole, languages, search=True)
        if first is not None:
            return [first]
    return full_ranking(model, text, words, whole, languages, limit)


def identify(latin: str, cyrillic: str | None = None) -> list[str]:
    """The ids of the systems whose rules write *cyrillic* exactly as *latin* (up to letter
    case and apostrophe look-alikes), of the languages whose alphabet holds *cyrillic*: the
    language its letters suggest first, each language's default system first.  *cyrillic*
    must be Cyrillic: with no Cyrillic letter, or a letter of another script (Хаrків), no
    system writes it and the answer is [].

    With no *cyrillic*, the systems of the best reading of *latin* (see candidates()) when
    that reading is supported: every word of it is a known name of its language (in the
    lexicon) that those systems write exactly as *latin*.  The reading of a word the lexicon
    lacks is a guess, and so would be the systems that write the guess: the answer is [].

    >>> identify("Kharkiv", "Харків")[:1]
    ['uk-national']
    """
    if not isinstance(latin, str):
        raise TypeError(f"identify() takes a str, not {type(latin).__name__}")
    if cyrillic is None:
        readings = candidates(latin, limit=1)
        if not readings or not known_reading(readings[0], len(split_words(
                unicodedata.normalize("NFC", latin)))):
            return []
        return list(readings[0].systems)
    if not isinstance(cyrillic, str):
        raise TypeError(f"identify() takes a str, not {type(cyrillic).__name__}")
    if mixes_scripts(cyrillic_key(cyrillic)) or not CYRILLIC_LETTER.search(cyrillic):
        return []
    target = reading_form(latin)
    letters = {c for c in cyrillic_key(cyrillic) if "\u0400" <= c <= "\u04ff" or c == APOSTROPHE}
    guessed = guess_language(cyrillic)
    languages = sorted(
        (lang for lang in LANGUAGES if letters <= set(ALPHABETS[lang])),
        key=lambda lang: lang != guessed,
    ) or [guessed or "ru"]
    found = [
        s for s in systems() if s.language in languages and reading_form(s.romanize(cyrillic)) == target
    ]
    return [
        i for lang in languages for i in ordered_ids((s.id for s in found if s.language == lang), lang)
    ]
