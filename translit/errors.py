"""The project's exceptions: a small hierarchy of ValueError subclasses, each saying where and why."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class TranslitError(ValueError):
    """Base class of every error translit raises on purpose."""


class TableError(TranslitError):
    """A rule table is malformed: the message names the file, the row and the problem."""

    def __init__(self, file: str, row: str | None, problem: str) -> None:
        self.file = file
        self.row = row
        self.problem = problem
        where = f"{file}, {row}" if row else file
        super().__init__(f"{where}: {problem}")


class UnknownSystemError(TranslitError):
    """No table has this id or alias; the message names the closest ids."""

    def __init__(self, name: str, known: Iterable[str], first: Iterable[str] = ()) -> None:
        self.name = name
        ahead = list(first)
        self.suggestions = ahead + [s for s in closest(name, known) if s not in ahead][
            :max(0, 3 - len(ahead))]
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown system {name!r}{hint} (translit.systems() lists them all)")


class IrreversibleSystemError(TranslitError):
    """cyrillize() was asked to invert a lossy system."""

    def __init__(self, system: str) -> None:
        self.system = system
        super().__init__(
            f"{system} is not reversible: several Cyrillic spellings give the same Latin; "
            "use translit.candidates(text, language=...) for ranked readings"
        )


def closest(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The ids nearest to *name*: close spellings first, then ids that contain it."""
    known = sorted(set(known))
    near = difflib.get_close_matches(name.lower(), known, n=n, cutoff=0.5)
    for k in known:
        if len(near) >= n:
            break
        if name and name.lower() in k and k not in near:
            near.append(k)
    return near
