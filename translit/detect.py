"""Which script, language and spelling convention a text is written in; mixed-script repair."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

# Letters that only some of the three alphabets have.
_UK_ONLY = frozenset("їєґЇЄҐ")
_BE_ONLY = frozenset("ўЎ")
_UK_BE = frozenset("іІ")
_RU_BE = frozenset("ыэёЫЭЁ")
_NOT_BE = frozenset("иИщЩъЪ")  # ru and uk have them; Belarusian has none
_RU_ONLY = frozenset("ъЪ")
_APOSTROPHES = frozenset("'’ʼ‘`′ʹ")
_INNER_APOSTROPHE = regex.compile(r"\p{Script=Cyrillic}['’ʼ‘`′ʹ]\p{Script=Cyrillic}")
_EVIDENCE = _UK_ONLY | _BE_ONLY | _UK_BE | _RU_BE | _NOT_BE


def guess_language(text: str) -> str | None:
    """'uk', 'ru', 'be' from the letters of *text*; None when it holds no Cyrillic letter."""
    letters = set(text)
    if letters & _UK_ONLY:
        return "uk"
    if letters & _BE_ONLY:
        return "be"
    if letters & _UK_BE:
        return "be" if letters & _RU_BE and not letters & _NOT_BE else "uk"
    if letters & _APOSTROPHES and _INNER_APOSTROPHE.search(text):
        # Russian writes ъ where Ukrainian and Belarusian write the apostrophe (Знам'янка)
        return "be" if letters & _RU_BE else "uk"
    if letters & _RU_BE or letters & _RU_ONLY:
        return "ru"
    if any("\u0400" <= c <= "\u04ff" for c in text):
        return "ru"  # only letters the three share: Russian is by far the most common
    return None


# Spelling conventions of Latin text, told by letters only they use (checked in this order).
_FAMILIES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # Polish letters, szcz, sz before a vowel, or two of cz rz w (alone, rz is English р+з,
    # cz is GOST 7.79 B's ц, w is German's в; sz elsewhere is English с+з)
    # (a w beside v, kh or zh, which neither German nor Polish spellings write, is BGN/PCGN's
    # Belarusian ў: Charnavusaw, Varzaw, Vawkavysk)
    ("polish", regex.compile(
        r"[łżśćńóąęź]|szcz|sz(?=[aeiouy])|cz.*rz|rz.*cz"
        r"|^(?!.*(?:v|kh|zh))(?:.*(?:cz|rz(?!h)).*w|.*w.*(?:cz|rz(?!h)))")),
    # GOST 7.79 B: ` for soft signs and ы э і (its shh for щ is English ш+г: Vyshhorod)
    ("gost", regex.compile(r"`")),
    # tsch, w; sch alone is also English с+ч (Schastye), which reads the same but for ch and z
    ("german", regex.compile(r"tsch|^(?!.*(?:v|kh|zh)).*w")),
    ("czech", regex.compile(r"[čšžěřůĉŝ]")),
    ("french", regex.compile(r"ou(?=\w)|tch")),  # not a final -ou: Belarusian ў (Rahachou)
)


_ANY_MARK = regex.compile("|".join(f"(?:{p.pattern})" for _, p in _FAMILIES))


def latin_family(text: str) -> str:
    """The spelling convention of a Latin name: english, gost, german, polish, czech or french.

    English-style (BGN/PCGN, national systems, ICAO, Wikipedia) is the default; the others are
    told by their own letters: Polish ł ż ó sz szcz, German tsch w (a w beside v, kh or zh
    is BGN/PCGN's Belarusian ў, for Polish too), Czech/scholarly
    č š ž, French ou tch (ï and ë are not French marks: ALA-LC, BGN and ISO 9 write them).
    """
    lower = text.lower()
    if _ANY_MARK.search(lower) is None:
        return "english"
    for family, pattern in _FAMILIES:
        if pattern.search(lower):
            return family
    return "english"


@dataclass(frozen=True)
class Detection:
    """What detect() found: script, language with its evidence, and Latin spelling convention."""

    script: str  # cyrillic, latin, mixed, other, none
    language: str | None  # ru, uk, be or None
    evidence: tuple[str, ...] = field(default_factory=tuple)  # letters that decided it
    family: str | None = None  # for Latin text: english, german, polish, czech, french
    mixed_words: tuple[str, ...] = field(default_factory=tuple)


_LETTER = regex.compile(r"\p{L}")
_CYR = regex.compile(r"\p{Script=Cyrillic}")
_LAT = regex.compile(r"\p{Script=Latin}")


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
    language = guess_language(text) if cyrillic else None
    evidence = tuple(dict.fromkeys(c.lower() for c in text if c in _EVIDENCE))
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
_WORD = regex.compile(r"[\p{L}\p{M}'’ʼ]+")


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
    from .systems import DEFAULT_SYSTEM, romanize

    system = DEFAULT_SYSTEM[guess_language(word) or "ru"]
    runs = regex.findall(r"\p{Script=Cyrillic}+|[^\p{Script=Cyrillic}]+", word)
    return "".join(romanize(run, system) if _CYR.match(run) else run for run in runs)


def _finish_in_cyrillic(word: str) -> str:
    try:
        from .reverse import candidates
    except ImportError:  # pragma: no cover - reverse is part of the package
        return word
    out = []
    for run in regex.findall(r"\p{Script=Latin}+|[^\p{Script=Latin}]+", word):
        if _LAT.match(run):
            readings = candidates(run, language=guess_language(word), limit=1)
            out.append(readings[0].cyrillic if readings else run)
        else:
            out.append(run)
    return "".join(out)
