"""Which script, language and spelling convention a text is written in; mixed-script repair."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from .letters import CYRILLIC, CYRILLIC_RANGES, LATIN, WORD, guess_language, latin_family
from .reverse import candidates
from .systems import DEFAULT_SYSTEM, language_of, romanize
from .verbs import callable_module

# Letters that only some of the three alphabets have: the evidence detect() reports.
_EVIDENCE = frozenset("їєґЇЄҐўЎіІыэёЫЭЁиИщЩъЪ")


@dataclass(frozen=True)
class Detection:
    """What detect() found: script, language with its evidence, and Latin spelling convention."""

    script: str  # cyrillic, latin, mixed, other, none
    language: str | None  # ru, uk, be or None
    evidence: tuple[str, ...] = field(default_factory=tuple)  # letters that decided it
    family: str | None = None  # for Latin text: english, german, polish, czech, french
    mixed_words: tuple[str, ...] = field(default_factory=tuple)


_LETTER = regex.compile(r"\p{L}")
_CYR = CYRILLIC
_LAT = LATIN


def detect(text: str) -> Detection:
    """Script, language (with the letters that show it) and, for Latin, the convention.

    >>> detect("Харків").language, detect("Харків").evidence
    ('uk', ('і',))
    """
    if not isinstance(text, str):
        raise TypeError(f"detect() takes a str, not {type(text).__name__}")
    cyrillic = len(_CYR.findall(text))
    latin = len(_LAT.findall(text))
    letters = len(_LETTER.findall(text))
    if letters == 0:
        script = "none"
    elif cyrillic and latin:
        script = "mixed"
    elif cyrillic == letters:
        script = "cyrillic"
    elif latin == letters:
        script = "latin"
    else:
        script = "other" if not (cyrillic or latin) else "mixed"
    language, words = language_of(text) if cyrillic else (None, ())
    evidence = tuple(dict.fromkeys(c.lower() for c in text if c in _EVIDENCE))
    if (language is not None and guess_language(text) != language) or not evidence:
        evidence = words  # the words that decided it: letters alone said nothing or said Russian
    if language == "uk":
        evidence = tuple(c for c in evidence if c in "їєґі") or evidence
    elif language == "be":
        evidence = tuple(c for c in evidence if c in "ўіыэё") or evidence
    elif language == "ru":
        evidence = tuple(c for c in evidence if c in "ыэъёищ") or evidence
    family = latin_family(text) if latin else None
    mixed = tuple(w for w in _WORD.findall(text) if _CYR.search(w) and _LAT.search(w))
    return Detection(script, language, evidence, family, mixed)


# Latin letters that look like Cyrillic ones, and the reverse.
_LATIN_LOOKALIKE = dict(zip("AaBCcEeHIiKkMOoPpTXxYy", "АаВСсЕеНІіКкМОоРрТХхУу", strict=True))
_LATIN_LOOKALIKE.update({"ï": "ї", "Ï": "Ї", "ë": "ё", "Ë": "Ё"})
_CYRILLIC_LOOKALIKE = {c: lat for lat, c in _LATIN_LOOKALIKE.items()}
_WORD = WORD
_CYRILLIC_RUNS = re.compile(f"[{CYRILLIC_RANGES}]+|[^{CYRILLIC_RANGES}]+")
_LATIN_RUNS = regex.compile(r"\p{Script=Latin}+|[^\p{Script=Latin}]+")


def repair(text: str) -> str:
    """Words written in two scripts made one-script; everything else left as it is.

    * Latin look-alikes inside a Cyrillic word become Cyrillic (Kиїв with a Latin K → Київ),
      and Cyrillic look-alikes inside a Latin word become Latin (Kharkіv with a Cyrillic і).
    * A half-romanized word (Покровsk) is completed in the script of the text around it: in
      Latin text its Cyrillic part is romanized (Pokrovsk); in Cyrillic text its Latin part is
      read back as the likeliest Cyrillic.
    Words in one script are never touched, so legitimate mixed text stays as it is.
    """
    if not isinstance(text, str):
        raise TypeError(f"repair() takes a str, not {type(text).__name__}")
    if text.isascii() or not _LAT.search(text) or not _CYR.search(text):
        return text
    words = _WORD.findall(text)
    latin_words = sum(1 for w in words if _LAT.search(w) and not _CYR.search(w))
    cyrillic_words = sum(1 for w in words if _CYR.search(w) and not _LAT.search(w))
    return str(_WORD.sub(lambda m: _repair_word(m.group(), latin_words, cyrillic_words), text))


def _repair_word(word: str, latin_words: int, cyrillic_words: int) -> str:
    cyr = len(_CYR.findall(word))
    lat = len(_LAT.findall(word))
    if not (cyr and lat):
        return word
    latin_letters = [c for c in word if _LAT.match(c)]
    cyrillic_letters = [c for c in word if _CYR.match(c)]
    if all(c in _LATIN_LOOKALIKE for c in latin_letters) and (cyr >= lat or cyrillic_words):
        return "".join(_LATIN_LOOKALIKE.get(c, c) for c in word)
    if all(c in _CYRILLIC_LOOKALIKE for c in cyrillic_letters) and (lat >= cyr or latin_words):
        return "".join(_CYRILLIC_LOOKALIKE.get(c, c) for c in word)
    # Half-romanized: finish it in the script of the surrounding text.
    if latin_words >= cyrillic_words:
        return _finish_in_latin(word)
    return _finish_in_cyrillic(word)


def _finish_in_latin(word: str) -> str:
    system = DEFAULT_SYSTEM[guess_language(word) or "ru"]
    runs = _CYRILLIC_RUNS.findall(word)
    return "".join(romanize(run, system) if _CYR.match(run) else run for run in runs)


def _finish_in_cyrillic(word: str) -> str:
    out = []
    for run in _LATIN_RUNS.findall(word):
        if _LAT.match(run):
            readings = candidates(run, language=guess_language(word), limit=1)
            out.append(readings[0].cyrillic if readings else run)
        else:
            out.append(run)
    return "".join(out)


callable_module(__name__, detect)
