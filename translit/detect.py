"""Which script and language a text is written in, from its letters."""

from __future__ import annotations

# Letters that only one of the three alphabets has (uk: і ї є ґ; be: ў and і without и;
# ru: ы э ъ ё — ы э ё are Belarusian too, so і or ў decide between ru and be).
_UK_ONLY = frozenset("їєґЇЄҐ")
_BE_ONLY = frozenset("ўЎ")
_UK_BE = frozenset("іІ")
_RU_BE = frozenset("ыэёЫЭЁ")
_RU_ONLY = frozenset("ъЪщЩиИ")  # и: ru and uk; щ: ru and uk; ъ: ru only — none are Belarusian


def guess_language(text: str) -> str | None:
    """'uk', 'ru', 'be' from the letters of *text*; None when it holds no Cyrillic letter."""
    letters = set(text)
    if letters & _UK_ONLY:
        return "uk"
    if letters & _BE_ONLY:
        return "be"
    if letters & _UK_BE:
        return "be" if letters & _RU_BE and not letters & _RU_ONLY else "uk"
    if any("\u0400" <= c <= "\u04ff" for c in text):
        return "ru"
    return None
