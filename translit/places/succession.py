"""A name followed through every renaming to today's: current_name()."""

from __future__ import annotations

from dataclasses import dataclass

from .forms import lookup_form
from .gazetteer import Place, Renaming
from .loading import load


@dataclass(frozen=True)
class Succession:
    """A place :func:`current_name` found, and the renamings from the name asked for to its
    current name, oldest first (empty when the name is current)."""

    place: Place
    chain: tuple[Renaming, ...]

    @property
    def name(self) -> str:
        return self.place.name

    @property
    def acts(self) -> tuple[str, ...]:
        return tuple(r.act for r in self.chain)


def _date_key(date: str) -> str:
    """A renaming's date as it sorts: an interval by its end."""
    return date.split("/")[-1]


def current_name(name: str, *, country: str | None = None, region: str | None = None,
                 raion: str | None = None, limit: int = 10) -> list[Succession]:
    """The places *name* named at some time, with their current names and the renamings
    since, likeliest first — never a former name: every renaming of the place after the one
    *name* matched is followed (Володарське → Нікольське → Микільське).

    *region* ('Донецька область', or its Latin spelling) and *raion* (the raion in the
    classifier's edition, or the current one) narrow a name many places bore (Жовтневе).

    >>> s = current_name("Kirovograd")[0]
    >>> s.name, s.chain[-1].date
    ('Кропивницький', '2016-07-14')
    """
    if not isinstance(name, str):
        raise TypeError(f"current_name() takes a str, not {type(name).__name__}")
    matches = load().lookup(name, country=country, limit=len(load()), every=True)
    out = []
    for match in matches:
        place = match.place
        if region and not _same_region(place, region):
            continue
        renamings = sorted(place.former, key=lambda r: _date_key(r.date))
        if match.via == "former" and match.renaming is not None:
            if raion and not _same_raion(place, match.renaming, raion):
                continue
            start = _date_key(match.renaming.date)
            chain = tuple(r for r in renamings if _date_key(r.date) >= start
                          and (r is match.renaming or lookup_form(r.former) != lookup_form(name)))
        elif match.via == "name":
            if raion and not _same_raion(place, None, raion):
                continue
            chain = ()
        else:
            continue
        out.append(Succession(place, chain))
    return out[:limit]


def _same_region(place: Place, region: str) -> bool:
    """Whether *region* names the place's region: its name, or the first word of its name or
    of its Latin spelling, or the start of that word (Донецька, Zhytomyrska, Zhytomyr)."""
    wanted = lookup_form(region).split()
    if not wanted or not place.region:
        return False
    for own in (lookup_form(place.region), lookup_form(place.region_latin)):
        if own == " ".join(wanted) or own.split()[0].startswith(wanted[0][: max(4, len(wanted[0]) - 1)]):
            return True
    return False


def _same_raion(place: Place, renaming: Renaming | None, raion: str) -> bool:
    stem = lookup_form(raion.replace(" район", "").replace(" raion", ""))
    stem = stem[: max(3, len(stem) - 3)]
    names = [place.raion, place.hromada] + ([renaming.raion] if renaming else [])
    return any(lookup_form(n).startswith(stem) for n in names if n)
