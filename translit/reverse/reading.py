"""What readings are: the public Reading and the per-word Candidate the ranking combines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    """One Cyrillic reading of a Latin name.

    ``score`` is comparable within one call (higher is better).  ``systems`` are the ids of
    the systems of ``language`` that write ``cyrillic`` exactly as the input (up to letter
    case and apostrophe look-alikes), the language's default system first; empty when only a
    looser spelling explains it.
    """

    cyrillic: str
    language: str
    score: float
    systems: tuple[str, ...] = ()


@dataclass
class Candidate:
    """A reading of one word (or of a name of several words) in one language."""

    cyrillic: str  # lowercase
    score: float
    systems: frozenset[str]
    known: bool
    fit: float | None = None  # the letter model's log-likelihood, once a tie needs it
