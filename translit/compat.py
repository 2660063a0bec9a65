"""Our systems for code written against the `transliterate` package (optional extra).

    >>> import translit.compat
    >>> translit.compat.register_transliterate()          # doctest: +SKIP
    >>> from transliterate import translit as tr
    >>> tr("Харків", "uk-national", reversed=True)       # doctest: +SKIP
    'Kharkiv'

In transliterate, reversed=True means Cyrillic → Latin (our romanize); reversed=False means
Latin → Cyrillic: cyrillize() for a reversible system, else the best of candidates().
"""

from __future__ import annotations

from typing import Any

from .reverse import candidates
from .systems import cyrillize, romanize, systems


def register_transliterate(force: bool = False) -> list[str]:
    """Register every system (by id) as a transliterate language pack; returns the codes.

    transliterate's own packs (ru, uk, …) keep their codes; ours are the system ids, so the two
    never collide.  Raises ImportError when transliterate is not installed
    (pip install 'translit[transliterate]').
    """
    from transliterate.base import TranslitLanguagePack, registry
    from transliterate.discover import autodiscover

    # transliterate loads its own packs only while its registry is empty: load them first.
    if not registry._registry:
        autodiscover()

    codes = []
    for s in systems():
        attributes: dict[str, Any] = {
            "language_code": s.id,
            "language_name": s.name,
            # transliterate insists on a one-to-one mapping; ours is unused (translit() below).
            "mapping": ("a", "a"),
            "translit": _make_translit(s.id, s.reversible, s.language),
            "detectable": False,
        }
        pack = type(f"TranslitPack_{s.id.replace('-', '_').replace('.', '_')}",
                    (TranslitLanguagePack,), attributes)
        registry.register(pack, force=force)
        codes.append(s.id)
    return codes


def _make_translit(system_id: str, reversible: bool, language: str) -> Any:
    def translit(
        self: object, value: str, reversed: bool = False, strict: bool = False,
        fail_silently: bool = True,
    ) -> str:
        if reversed:
            return romanize(value, system_id)
        if reversible:
            return cyrillize(value, system_id)
        readings = candidates(value, language=language, limit=1)
        return readings[0].cyrillic if readings else value

    return translit
