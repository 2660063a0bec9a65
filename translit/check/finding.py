"""What check() reports: the problems and the Finding record."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: The problems check() reports: id → description.
PROBLEMS: dict[str, str] = {
    "russian-based": "Russian-based spelling of a Ukrainian or Belarusian name",
    "former-name": "former name",
    "mixed-script": "mixed script",
    "non-standard": "non-standard romanization",
    "inconsistent": "inconsistent spellings of one name within the text",
    "unknown-name": "unknown name",
    "unknown-place": "unknown place",
    "exonym": "an exonym: the text's language has its own form, or this one is dated",
    # cyr hook: translit.check.cyrillic
    "russian-form": "the Russian form of a place in Ukrainian or Belarusian text",
}


#: A reading the target system writes exactly as the text is taken to be the one meant when
#: it scores at most this much (natural log) below the likeliest reading (Жмуркевитч for
#: "Zhmurkevytch" is 6.9 below Жмуркевич, so the spelling is judged against Жмуркевич).
PLAUSIBLE_NATS = 5.0


#: Places smaller than this are matched only through exact spellings, never by key alone.
APPROXIMATE_MIN_POPULATION = 20000


@dataclass(frozen=True)
class Finding:
    """A spelling check() reports: where it is, what is wrong with it and what to write."""

    start: int  # offsets into the text: text[start:end] == self.text
    end: int
    text: str  # as written
    kind: str  # place, person, name
    language: str | None  # the language of the name: uk, ru, be
    follows: tuple[str, ...]  # the systems whose rules write exactly this spelling
    problem: str  # a key of PROBLEMS
    suggestion: str  # the spelling to use
    explanation: str  # one line for a person
    name: str  # the name this spelling belongs to: findings with one name go together
    line: int  # 1-based
    column: int  # 1-based
    #: an unknown place: the nearest known places, nearest first (a former name with its
    #: current name: "Krasnoarmiisk (now Pokrovsk, Покровськ)"); () for every other problem
    nearest: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        return PROBLEMS[self.problem]

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["follows"] = list(self.follows)
        out["nearest"] = list(self.nearest)
        out["description"] = self.description
        return out
