"""Hypothesis strategies rich in what names really hold, and in what breaks code.

st.text() alone almost never draws Cyrillic or a lone surrogate, so a "never raises" property
written with it tests little; these alphabets put them up front.
"""

from __future__ import annotations

from hypothesis import strategies as st

ALPHABETS = {
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
}
APOSTROPHES = "'’ʼ‘`′ʹ"
LATIN_DIACRITICS = "áàâäãåāăąćčĉçďđéèêëēėęěğģĝĥíìîïīįıĵķĺľłńňñóòôöõøōőŕřśšŝşșťțúùûüūůűųŵýÿŷźžżßþðæœ"
COMBINING = "\u0300\u0301\u0306\u0308\u0311\u0327\u0328"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
EMOJI = "😀🇺🇦👨‍👩‍👧🏳️‍🌈"
SURROGATES = "\ud800\udbff\udc00\udfff"
CYRILLIC = "".join(ALPHABETS.values()) + "".join(ALPHABETS.values()).upper() + "ѣѳѵђћџљњјѕ"
RICH = (
    CYRILLIC + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + LATIN_DIACRITICS
    + APOSTROPHES + COMBINING + INVISIBLE + EMOJI + SURROGATES + " -.,;:!?\"()[]/\\\t\n\r\x00\x7f0123456789"
)

#: Any string, heavy in Cyrillic, diacritics, apostrophes, marks, invisibles, emoji, surrogates.
hostile_text = st.one_of(
    st.text(alphabet=st.sampled_from(RICH), max_size=40),
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=20),
)


def word(language: str, min_size: int = 1, max_size: int = 10) -> st.SearchStrategy[str]:
    """A lowercase word of one language's letters (no apostrophe; no word starts with ь ъ)."""
    letters = ALPHABETS[language]
    first = st.sampled_from([c for c in letters if c not in "ьъ"])
    rest = st.text(alphabet=st.sampled_from(letters), min_size=max(0, min_size - 1),
                   max_size=max_size - 1)
    return st.builds(lambda a, b: a + b, first, rest)


def name(language: str) -> st.SearchStrategy[str]:
    """One to three capitalized words of a language, apostrophes between letters now and then."""
    def capitalize(w: str) -> str:
        return w[:1].upper() + w[1:]

    part = st.builds(
        lambda a, apostrophe, b: capitalize(a + (apostrophe + b if b else "")),
        word(language, 2, 9), st.sampled_from(["ʼ", ""]), word(language, 0, 4),
    )
    return st.lists(part, min_size=1, max_size=3).map(" ".join)


VOWELS = {"uk": "аеєиіїоуюя", "ru": "аеёиоуыэюя", "be": "аеёіоуыэюя"}


def syllabic_name(language: str) -> st.SearchStrategy[str]:
    """A name shaped like the language's names: syllables of up to two consonants and one
    vowel, a soft sign or apostrophe now and then where the orthography writes one (before
    я ю є ї; ь also before о), a closing consonant, capitalized.
    (Vowel runs like аайоу, which no name has, are what every spelling convention may read
    differently, so laws about names are stated on name-shaped strings.)"""
    letters = ALPHABETS[language]
    vowels = VOWELS[language]
    # й and ў follow vowels only; they close syllables, never open them
    consonants = "".join(c for c in letters if c not in vowels and c not in "ьъйў")
    soft = "ь" if "ь" in letters else ""
    onset = st.text(alphabet=st.sampled_from(consonants), min_size=0, max_size=2)
    # a separating sign only where the orthography writes one: the apostrophe (ъ) before
    # the iotated vowels, the soft sign before them and, in Ukrainian and Belarusian, before о
    iotated = {"uk": "яюєї", "be": "яюеёі", "ru": "еёюя"}[language]
    after_soft = iotated + ("о" if language != "ru" else "")

    def joined(o: str, sign: str, v: str) -> str:
        if sign and v not in (after_soft if sign == soft else iotated):
            sign = ""
        return o + (sign if o and language != "ru" else "") + v

    syllable = st.builds(
        joined,
        onset, st.sampled_from(["", soft, "ʼ"] if language != "ru" else ["", soft, "ъ"]),
        st.sampled_from(vowels),
    ).map(lambda s: s.lstrip("ьъʼ"))
    ending = st.sampled_from(["", *consonants, "й", "ь" if soft else "", "ў" if "ў" in letters else ""])

    def shape(parts: list[str], end: str) -> str:
        word = "".join(parts) + end
        return word[:1].upper() + word[1:]

    part = st.builds(shape, st.lists(syllable, min_size=1, max_size=4), ending)
    return st.lists(part, min_size=1, max_size=3).map(" ".join)
