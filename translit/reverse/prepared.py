"""The model's heavy parts: the lexicon's names, the letter models and the index, built once.

Built from the tables and the packaged lexicon by tools/build_reverse.py, which writes
translit/data/reverse-model.bin.gz (see translit.reverse.packed for the container); the first
reading loads that file instead of building them (seconds, and three times the memory).  The
file records a digest of its sources (every table file, the lexicon, the format and the sizes
that shape it): when the tables or the lexicon have changed since, the parts are built at run
time instead, so a stale file makes the first reading slower, never wrong.  tests check that
the shipped file is the one the build writes today.

* **The index.**  Every system's spelling of the lexicon's most frequent names (INDEXED_NAMES
  per language) is indexed, so that the first reading of a known name is one look-up.  All
  names weighing at least a floor are indexed, so that an unindexed name weighs less than any
  indexed one.
"""

from __future__ import annotations

import gzip
import hashlib
import tomllib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from ..tables import LANGUAGES, tables_dir
from . import packed
from .letter_model import ORDER, Grams, Histories, LetterModel, train
from .names import Names
from .packed import FixedWords, PackedWords, unsigned
from .settings import INDEXED_NAMES, MODEL_NAMES
from .spelling import CYRILLIC_LETTER, PARTS, bare, cyrillic_key, reading_form

#: The shipped file, and the version of its layout (a change rebuilds it).
DATA_FILE = "reverse-model.bin.gz"
FORMAT = 2  # 2: a language's systems as 64-bit masks (more than 32 systems a language)


def given_names_file() -> Path:
    """The forms of each given name in the three languages (see given_name_weights)."""
    return tables_dir() / "names" / "given-names.toml"


class Index:
    """Folded Latin → (language, name's place in the language's sorted names, bits of the
    language's systems that write it so), the keys sorted with repeats, the three languages in
    one store (one search answers for all)."""

    __slots__ = ("bits", "keys", "languages", "names")

    def __init__(self, keys: PackedWords, languages: array[int], names: array[int],
                 bits: array[int]) -> None:
        self.keys = keys
        self.languages = languages  # the language's place in LANGUAGES
        self.names = names
        self.bits = bits

    @classmethod
    def of(cls, entries: Sequence[tuple[str, int, int, int]]) -> Index:
        ordered = sorted(entries, key=lambda e: e[0])  # stable: a key's entries keep their order
        return cls(PackedWords.of(e[0] for e in ordered), unsigned("B", (e[1] for e in ordered)),
                   unsigned("I", (e[2] for e in ordered)), unsigned("Q", (e[3] for e in ordered)))

    def get(self, latin: str) -> list[tuple[int, int, int]]:
        """(language's place, name's place, bits) of every entry of *latin*, in order."""
        keys = self.keys
        i = keys.bisect_left(latin)
        size = len(keys)
        out = []
        while i < size and keys.item(i) == latin:
            out.append((self.languages[i], self.names[i], self.bits[i]))
            i += 1
        return out


@dataclass
class Parts:
    """What the readers need of the lexicon, per language."""

    names: Names
    letter_models: dict[str, LetterModel]
    index: Index
    index_bare: Index  # the same keys without marks (see bare)
    floors: dict[str, int]  # the least weight an indexed name has


def build(tables: Sequence[Any], systems: Sequence[Any],
          rows: Iterable[tuple[str, int, Iterable[str]]]) -> Parts:
    """The parts from the tables, their systems and lexicon rows (word, weight, languages)."""
    names = Names.from_rows(given_name_weights(rows))
    parts = Parts(names, {}, Index.of(()), Index.of(()), {})
    exact: list[tuple[str, int, int, int]] = []
    unmarked: list[tuple[str, int, int, int]] = []
    for language in LANGUAGES:
        frequent = names.by_weight(language)
        training = [p for w in frequent[:MODEL_NAMES] for p in PARTS.split(w) if p]
        if not training:  # no lexicon: the tables' own examples
            training = [
                p for t in tables if t.language == language for k in t.examples
                for p in regex.split(r"[^\p{L}ʼ]+", cyrillic_key(k)) if p
            ]
        parts.letter_models[language] = train(training)
        own = [s for s in systems if s.language == language]
        _index(parts, language, own, frequent, exact, unmarked)
    parts.index = Index.of(exact)
    parts.index_bare = Index.of(unmarked)
    return parts


def given_name_weights(
    rows: Iterable[tuple[str, int, Iterable[str]]],
) -> list[tuple[str, int, Iterable[str]]]:
    """The rows, each Cyrillic form of a given name weighing at least as much as the heaviest
    form of its row in tables/names/given-names.toml (Сергій as Сергей, Уладзімір as
    Владимир).  A given name is one name in the three languages, and the lexicon's counts of
    people come from Russian sources: its Ukrainian and Belarusian forms weigh next to nothing
    there (Сергій 1), less than a village of the same spelling (Сергії, its population)."""
    rows = list(rows)
    try:
        table = tomllib.loads(given_names_file().read_text("utf-8"))["names"]
    except (OSError, tomllib.TOMLDecodeError, KeyError):  # pragma: no cover - a partial install
        return rows
    weight = {word: w for word, w, _languages in rows}
    shared: dict[str, int] = {}
    for first, others in table.items():
        forms = [cyrillic_key(f) for f in [first, *others] if CYRILLIC_LETTER.search(f)]
        heaviest = max((weight.get(f, 0) for f in forms), default=0)
        for form in forms:
            shared[form] = max(shared.get(form, 0), heaviest)
    return [(word, max(w, shared.get(word, 0)) if w > 0 else w, languages)
            for word, w, languages in rows]


def _index(parts: Parts, language: str, own: Sequence[Any], frequent: list[str],
           exact: list[tuple[str, int, int, int]],
           unmarked: list[tuple[str, int, int, int]]) -> None:
    """Index every system's spelling of the language's most frequent names: all names
    weighing at least the floor (so that an unindexed name weighs less than any)."""
    names = parts.names
    if len(frequent) > INDEXED_NAMES:
        floor = names.weight(frequent[INDEXED_NAMES], language) + 1
        frequent = [w for w in frequent[:INDEXED_NAMES] if names.weight(w, language) >= floor]
    else:
        floor = 1
    parts.floors[language] = floor
    masks: dict[tuple[str, str], int] = {}
    for i, system in enumerate(own):
        for start in range(0, len(frequent), 4096):
            batch = frequent[start : start + 4096]
            outputs = reading_form(system.romanize("\n".join(batch))).split("\n")
            if len(outputs) != len(batch):  # pragma: no cover - a row writing a newline
                outputs = [reading_form(system.romanize(w)) for w in batch]
            for word, out in zip(batch, outputs, strict=True):
                key = (out, word)
                masks[key] = masks.get(key, 0) | 1 << i
    sorted_names = names.sorted[language]
    number = LANGUAGES.index(language)
    for (latin, word), bits in masks.items():
        place = sorted_names.bisect_left(word)
        exact.append((latin, number, place, bits))
        if bare(latin) != latin:
            unmarked.append((bare(latin), number, place, bits))


def digest(system_ids: Sequence[str]) -> str:
    """What the parts are built from: the layout, the sizes, every table file, the given
    names' forms, the lexicon."""
    h = hashlib.sha256(f"{FORMAT} {INDEXED_NAMES} {MODEL_NAMES} {ORDER}\n".encode())
    folder = tables_dir()
    for i in system_ids:
        h.update(f"{i}\n".encode())
        h.update((folder / f"{i}.toml").read_bytes())
    h.update(given_names_file().read_bytes())
    h.update((resources.files("translit") / "data" / "lexicon.tsv.gz").read_bytes())
    return h.hexdigest()


def dump(parts: Parts, source: str) -> bytes:
    """The shipped file's bytes (the same parts give the same bytes)."""
    names = parts.names
    sections: dict[str, str | array[int]] = {}
    for language in LANGUAGES:
        words = names.sorted[language]
        assert isinstance(words, PackedWords)
        sections[f"names.{language}.text"] = words.text
        sections[f"names.{language}.lengths"] = words.lengths("B")
        sections[f"names.{language}.weights"] = names.weights[language]
        model = parts.letter_models[language]
        for k, (grams, counts) in enumerate(model.grams, 1):
            sections[f"letters.{language}.{k}.grams"] = grams.text
            sections[f"letters.{language}.{k}.counts"] = counts
        for k, (heads, totals, types) in enumerate(model.histories, 1):
            sections[f"letters.{language}.{k}.histories"] = heads.text
            sections[f"letters.{language}.{k}.totals"] = totals
            sections[f"letters.{language}.{k}.types"] = types
    for kind, index in (("index", parts.index), ("bare", parts.index_bare)):
        sections[f"{kind}.keys"] = index.keys.text
        sections[f"{kind}.lengths"] = index.keys.lengths("H")
        sections[f"{kind}.languages"] = index.languages
        sections[f"{kind}.names"] = index.names
        sections[f"{kind}.bits"] = index.bits
    header = {"format": FORMAT, "digest": source, "total": names.total, "floors": parts.floors,
              "order": ORDER}
    return packed.dump(header, sections)


def load(source: str) -> Parts | None:
    """The shipped parts, or None when the file is missing or built from other sources."""
    try:
        with (resources.files("translit") / "data" / DATA_FILE).open("rb") as raw, \
                gzip.GzipFile(fileobj=raw) as stream:
            header = packed.read_header(stream)
            if header.get("format") != FORMAT or header.get("digest") != source:
                return None
            sections = packed.read_sections(stream, header)
    except (OSError, ValueError, EOFError):
        return None

    def text(name: str) -> str:
        value = sections[name]
        assert isinstance(value, str)
        return value

    def numbers(name: str) -> array[int]:
        value = sections[name]
        assert not isinstance(value, str)
        return value

    order = int(header["order"])
    sorted_names: dict[str, PackedWords] = {}
    weights: dict[str, array[int]] = {}
    indexes = [
        Index(PackedWords.from_lengths(text(f"{kind}.keys"), numbers(f"{kind}.lengths")),
              numbers(f"{kind}.languages"), numbers(f"{kind}.names"), numbers(f"{kind}.bits"))
        for kind in ("index", "bare")
    ]
    parts = Parts(Names(sorted_names, weights, int(header["total"])), {}, indexes[0],
                  indexes[1], {k: int(v) for k, v in header["floors"].items()})
    for language in LANGUAGES:
        sorted_names[language] = PackedWords.from_lengths(
            text(f"names.{language}.text"), numbers(f"names.{language}.lengths"))
        weights[language] = numbers(f"names.{language}.weights")
        prefix = f"letters.{language}"
        grams: list[Grams] = [
            (FixedWords(text(f"{prefix}.{k}.grams"), k), numbers(f"{prefix}.{k}.counts"))
            for k in range(1, order + 1)
        ]
        histories: list[Histories] = [
            (FixedWords(text(f"{prefix}.{k}.histories"), k), numbers(f"{prefix}.{k}.totals"),
             numbers(f"{prefix}.{k}.types"))
            for k in range(1, order)
        ]
        parts.letter_models[language] = LetterModel(grams, histories, order)
    return parts
