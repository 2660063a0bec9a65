"""People's full names: does a key or group() keep a person's spellings together and two people apart?

Run from the repository root (no network; the peers are benchmark extras):

    pip install -e '.[bench]'
    python benchmarks/bench_persons.py              # measure, print, write RESULTS.md "persons"
    python benchmarks/bench_persons.py --no-write   # print only
    python benchmarks/bench_persons.py --baseline REV   # also translit's key and group() at REV

What is measured
================

Issue 14's persons target: a person's name "across scripts, word orders, German/Polish/French
spellings" grouped with recall >= 0.95 and no two people merged.  bench_key.py measures name
*words* (a given name, a surname); this script measures *people*, the unit a register, a
sanctions list or a KYC check compares.

People.  From names_translator's bundled dictionaries (MIT; the seeded sample bench_key.py
draws): a pool of given names, of surnames and of patronymics, each a Ukrainian word with the
Russian forms the dictionary ranks for it.  A word's identity is bench_key.py's: the Ukrainian
word tied to each Russian form that is no other word (Олександр / Александр one name,
Оксана / Ксения two).  A person is a seeded draw of a given name and a surname from small pools
(GIVEN_POOL given names, SURNAME_POOL surnames, so that people share names as in a real
register: many Ivans, many Kovalenkos), with a patronymic for every second one; two people are
two where one of their words is another identity.  People drawn twice are one.

Spellings of a person.  In each language form the dictionary gives (the Ukrainian words, and
the Russian words where every word has a Russian form tied to it):

* Cyrillic in three word orders, "Given Surname", "Surname Given" (the patronymic after the
  given name), "Surname, Given", and with the surname in capitals ("ДЕЙНЕГА Віталій"), as
  registers write it;
* Latin by each system of the language: the passport and national systems, BGN/PCGN, ISO 9,
  the scholarly transliteration, and the German, Polish and French transcriptions, each in one
  of the three word orders (seeded), one in four all in capitals.

Every (string, person) is in the collection once (strings compared as bench_key.py does:
NFC, casefolded).

Metric (bench_key.py's, on people): methods give each string a label; every two strings with
one label are a match.  **Precision** = matches of one person / all matches (pairs of identical
strings left out); **people merged** = pairs of two people with at least one match between
them, the count a user checking a register sees (of them, those two of whose spellings are one
string: Ilhar is the national system's Ільгар and Ілгар, and no grouping of strings keeps
such people apart but by leaving that string alone); **recall** = pairs of one person matched / all
pairs of one person (Latin-Latin, Cyrillic-Cyrillic, across scripts).

Peers: fingerprints (OpenSanctions' name fingerprints, made for person names: it sorts the
words), and unidecode + lower and Daitch-Mokotoff taken word by word with the words sorted, so
that no peer loses on word order alone.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_key  # noqa: E402
from _results import machine, revision, write_section  # noqa: E402
from bench_key import Name, count  # noqa: E402

SEED = 20261207
GIVEN_POOL = 300
SURNAME_POOL = 1_200
PATRONYMIC_POOL = 300
PEOPLE = 3_000
NAMESAKES = 300  # pairs of namesakes per role (given name, surname)

#: The systems a person's name is romanized by, per language form.
SYSTEMS = {
    "uk": ("uk-national", "uk-kmu-2007", "uk-bgn-pcgn-1965", "uk-iso9", "uk-scholarly",
           "uk-german", "uk-polish", "uk-french"),
    "ru": ("ru-icao", "ru-mvd-310", "ru-bgn-pcgn", "ru-iso9", "ru-scholarly", "ru-german",
           "ru-polish", "ru-french"),
}


@dataclass(frozen=True)
class Person:
    identity: str  # the words' identities, in the order given, surname, patronymic
    forms: dict[str, tuple[str, ...]]  # language -> (given, surname[, patronymic])


def people() -> tuple[list[Person], list[Person]]:
    """PEOPLE people drawn from the name pools (fewer where a draw repeats a person); and the
    namesakes: for the NAMESAKES pairs of given names most alike, two people of one surname,
    and for the pairs of surnames most alike, two people of one given name."""
    entries = bench_key.names_translator_entries()
    if not entries:
        return [], []
    b = bench_key._Builder()
    pools: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for category, uk, ru in entries:
        pools[category].append((uk, ru))
        b.pair("names_translator", uk, ru, "person")

    def identity(text: str) -> str:
        return b.find(b.node_of(text))

    def forms(uk: str, ru: list[str]) -> tuple[str, str | None]:
        tied = [r for r in ru if bench_key.script(r) == "cyrillic" and identity(r) == identity(uk)]
        return uk, tied[0] if tied else None

    rng = random.Random(SEED)
    given = rng.sample(pools["first"], min(GIVEN_POOL, len(pools["first"])))
    surnames = rng.sample(pools["last"], min(SURNAME_POOL, len(pools["last"])))
    patronymics = rng.sample(pools["patronymic"], min(PATRONYMIC_POOL, len(pools["patronymic"])))
    drawn: dict[str, Person] = {}
    near: dict[str, Person] = {}

    def person(words: list[tuple[str, list[str]]], into: dict[str, Person]) -> None:
        pairs = [forms(uk, ru) for uk, ru in words]
        key = "|".join(identity(uk) for uk, _ in pairs)
        langs = {"uk": tuple(uk for uk, _ in pairs)}
        if all(ru for _, ru in pairs):
            langs["ru"] = tuple(ru for _, ru in pairs if ru)
        if key not in drawn and key not in near:
            into[key] = Person(key, langs)

    for n in range(PEOPLE):
        words = [rng.choice(given), rng.choice(surnames)]
        if n % 2:
            words.append(rng.choice(patronymics))
        person(words, drawn)
    # namesakes: two people whose names differ in the one word most alike between two names
    for role, pool in ((0, pools["first"]), (1, pools["last"])):
        for x, y in _nearest(pool, identity)[:NAMESAKES]:
            other = rng.choice(surnames) if role == 0 else rng.choice(given)
            for word in (x, y):
                person([word, other] if role == 0 else [other, word], near)
    return list(drawn.values()), list(near.values())


def _nearest(pool: list[tuple[str, list[str]]], identity: Callable[[str], str]
             ) -> list[tuple[tuple[str, list[str]], tuple[str, list[str]]]]:
    """Pairs of words of two identities, most alike first (Levenshtein similarity of their
    romanizations by unidecode), each word in one pair at most."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    from unidecode import unidecode

    plain = [unidecode(uk).lower() for uk, _ in pool]
    sims = process.cdist(plain, plain, scorer=Levenshtein.normalized_similarity, workers=1)
    sims[np.tril_indices(len(plain))] = -1  # each pair once, no word with itself
    scored = []
    for flat in np.argsort(-sims, axis=None, kind="stable")[:50 * NAMESAKES]:
        i, j = divmod(int(flat), len(plain))
        if identity(pool[i][0]) != identity(pool[j][0]):
            scored.append((-float(sims[i, j]), plain[i], plain[j], i, j))
    scored.sort()
    used: set[int] = set()
    out = []
    for _, _, _, i, j in scored:
        if i not in used and j not in used:
            used.update((i, j))
            out.append((pool[i], pool[j]))
    return out


def orders(words: tuple[str, ...]) -> list[str]:
    """The three word orders of the docstring."""
    given, surname, *patronymic = words
    rest = " ".join([given, *patronymic])
    return [" ".join([given, *patronymic, surname]), f"{surname} {rest}", f"{surname}, {rest}"]


def spellings(person: Person, rng: random.Random) -> list[str]:
    import translit

    out = []
    for lang, words in person.forms.items():
        out.extend(orders(words))
        out.append(" ".join([words[1].upper(), words[0], *words[2:]]))
        for system in SYSTEMS[lang]:
            text = rng.choice(orders(words))
            latin = translit.romanize(text, system)
            out.append(latin.upper() if rng.random() < 0.25 else latin)
    return out


def collection() -> tuple[list[Name], set[str]]:
    """The spellings of every person; and the identities of the namesakes."""
    rng = random.Random(SEED)
    seen: set[tuple[str, str]] = set()
    names = []
    drawn, near = people()
    for person in [*drawn, *near]:
        for text in spellings(person, rng):
            text = unicodedata.normalize("NFC", text)
            if (bench_key.form(text), person.identity) in seen:
                continue
            seen.add((bench_key.form(text), person.identity))
            kind = bench_key.script(text)
            if kind is not None:
                names.append(Name(text, person.identity, kind, "person"))
    return names, {p.identity for p in near}


# ---------------------------------------------------------------------------------------------
# Methods


def _unidecode_sorted(names: Sequence[str]) -> list[Hashable]:
    """unidecode + lower, the words sorted (bench_key.py's words: its ASCII letter runs)."""
    return [" ".join(sorted(w.lower() for w in bench_key._ascii_words(s))) or None
            for s in names]


def methods() -> tuple[dict[str, Callable[[Sequence[str]], list[Hashable]]], list[str]]:
    """translit's key and group(by="same_name"), and the peers (bench_key.py's
    Daitch-Mokotoff, its codes in sorted word order)."""
    import translit

    out: dict[str, Callable[[Sequence[str]], list[Hashable]]] = {
        "translit key": lambda names: list(translit.key_many(names)),
        "translit group(by=\"same_name\")": lambda names: bench_key._group_keys(names,
                                                                               by="same_name"),
        "unidecode + lower, words sorted": _unidecode_sorted,
    }
    missing = []
    try:
        import fingerprints

        out["fingerprints (OpenSanctions)"] = lambda names: [fingerprints.generate(s) or None
                                                             for s in names]
    except ImportError:
        missing.append("fingerprints")
    peers, not_installed = bench_key.methods()
    daitch_mokotoff = peers.get("Daitch–Mokotoff (abydos)")
    if daitch_mokotoff is not None:
        out["Daitch–Mokotoff (abydos), words sorted"] = lambda names: [
            tuple(sorted(k, key=sorted)) if isinstance(k, tuple) else k
            for k in daitch_mokotoff(names)]
    return out, missing + [m for m in not_installed if m == "abydos"]


# ---------------------------------------------------------------------------------------------
# Report


def merged_people(names: Sequence[Name], keys: Sequence[Hashable]
                  ) -> tuple[set[tuple[str, str]], list[tuple[str, list[str]]]]:
    """Pairs of two people with a match between them (two strings that differ: a string that
    spells both people's names cannot tell them apart, and a join on it is no key's doing);
    and, for the labels that join most people, the people each joins (a spelling of each)."""
    groups = bench_key.buckets(names, keys)
    pairs: set[tuple[str, str]] = set()
    shown: list[tuple[int, str, list[str]]] = []
    for members in groups.values():
        by_person: dict[str, list[Name]] = defaultdict(list)
        for m in members:
            by_person[m.identity].append(m)
        joined: set[str] = set()
        for x, y in combinations(sorted(by_person), 2):
            forms = {m.form for m in by_person[x]} | {m.form for m in by_person[y]}
            if len(forms) > 1:
                pairs.add((x, y))
                joined.update((x, y))
        if joined:
            shown.append((len(joined), members[0].text,
                          [by_person[p][0].text for p in sorted(joined)]))
    shown.sort(key=lambda s: (-s[0], s[1]))
    return pairs, [(label, texts) for _, label, texts in shown]


def evaluate(baseline: str | None = None) -> tuple[str, str]:
    started = time.perf_counter()
    names, namesakes = collection()
    if not names:
        return ("## persons: people's full names across scripts and conventions "
                "(`benchmarks/bench_persons.py`)\n\nnames_translator is not installed: nothing "
                "measured.\n", "")
    texts = [n.text for n in names]
    from translit.memo import clear_all

    found, missing = methods()
    if baseline:  # translit as it was at *baseline*: its key and its group(by="same_name")
        found = {f"translit key at {baseline}": bench_key.baseline_key(baseline),
                 f"translit group(by=\"same_name\") at {baseline}": lambda names: list(
                     bench_key._at_revision(baseline, tuple(names))["group"]), **found}
    rows = []
    listings = []
    near = [i for i, n in enumerate(names) if n.identity in namesakes]
    shared = bench_key.sharing_a_spelling(names)
    for label, fn in found.items():
        clear_all()  # names never seen before
        began = time.perf_counter()
        keys = fn(texts)
        seconds: float | None = time.perf_counter() - began
        if baseline and label.endswith(f" at {baseline}"):
            seconds = None  # a child process at that revision, which measures more than this
        c = count(names, keys)
        merged, shown = merged_people(names, keys)
        merged_near, _ = merged_people([names[i] for i in near], [keys[i] for i in near])
        rows.append((label, c, len(merged), len(merged_near), len(merged & shared), seconds))
        if label.startswith("translit") and not label.endswith(f" at {baseline}"):
            listings.append(f"{label}: {len(merged):,} pairs of people merged; the groups that "
                            "join most people (a spelling of each person):")
            listings.extend(f"  {' | '.join(ts)}" for _, ts in shown[:25])
            sample, _ = bench_key.misses(names, [str(k) if not bench_key._keyless(k) else ""
                                                 for k in keys], 25)
            listings.append(f"{label}: 25 sample pairs of one person apart:")
            listings.extend(f"  {a.text!r} / {b.text!r}" for a, b, _, _ in sample)
    persons = len({n.identity for n in names})
    kinds = Counter(n.script for n in names)
    same = rows[0][1].same
    md = ["## persons: people's full names across scripts, word orders and conventions "
          "(`benchmarks/bench_persons.py`)", ""]
    md += [
        f"**{persons:,} people** drawn from names_translator's dictionaries (MIT; "
        f"{GIVEN_POOL} given names, {SURNAME_POOL:,} surnames, {PATRONYMIC_POOL} patronymics: "
        f"people share names, as in a register) and {len(namesakes):,} namesakes (two people "
        f"for each of the {NAMESAKES} pairs of given names most alike, with one surname, and "
        f"for each of the {NAMESAKES} pairs of surnames most alike, with one given name: "
        "Яна / Анна Коваль), spelled "
        f"**{len(names):,} ways** ({kinds['cyrillic']:,} Cyrillic, {kinds['latin']:,} Latin): "
        "the Ukrainian and Russian forms in three word orders and with the surname in capitals, "
        f"and romanized by {len(SYSTEMS['uk'])} Ukrainian and {len(SYSTEMS['ru'])} Russian "
        "systems (passport, national, BGN/PCGN, ISO 9, scholarly, German, Polish, French), "
        "one in four in capitals.  Two people are two where one word of their names is another "
        "name (bench_key.py's identities of words).  **Precision** = matches of one person / "
        "all matches; **people merged** = pairs of two people with a match between them (of them "
        "namesakes: both people namesakes; sharing a spelling: one string spells both people, "
        f"as it does {len(shared):,} pairs of people, Ilhar for Ільгар and Ілгар in the "
        "national system: no grouping of strings keeps those apart but by leaving that string "
        "alone); "
        f"**recall** over {sum(same.values()):,} pairs of one person ({same['latin']:,} "
        f"Latin–Latin, {same['cyrillic']:,} Cyrillic–Cyrillic, {same['cross']:,} across "
        "scripts).  Target (issue 14): recall ≥ 0.95 with no two people merged.  Peers take "
        "the words sorted (fingerprints sorts them itself).  **Seconds**: the method on all the "
        "spellings, in this one run, translit's memos cleared first.  "
        f"{machine()}; translit {revision()}.", ""]
    md.append("| method | matches | precision | people merged | of them namesakes | "
              "of them sharing a spelling | recall | Latin–Latin | Cyrillic–Cyrillic | "
              "across scripts | seconds |")
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    f = bench_key._f
    for label, c, n_merged, n_near, n_shared, seconds in rows:
        md.append(f"| {label} | {c.key_pairs:,} | {f(c.precision)} | {n_merged:,} | "
                  f"{n_near:,} | {n_shared:,} | "
                  f"{f(c.recall())} | {f(c.recall('latin'))} | {f(c.recall('cyrillic'))} | "
                  f"{f(c.recall('cross'))} | "
                  f"{'—' if seconds is None else f'{seconds:,.1f}'} |")
    if missing:
        md += ["", f"Not installed, so not measured: {', '.join(missing)}."]
    md += ["", f"({time.perf_counter() - started:.0f} s)"]
    return "\n".join(md) + "\n", "\n".join(listings) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--baseline", metavar="REV",
                        help="also measure translit's key and group(by='same_name') as they "
                        "were at git revision REV")
    args = parser.parse_args(argv)
    md, listing = evaluate(args.baseline)
    print(md)
    print(listing)
    if not args.no_write:
        short = "\n".join(listing.splitlines()[:80])
        write_section("persons", md + "\n<details><summary>the groups that join most people"
                      "</summary>\n\n```\n" + short.strip() + "\n```\n\n</details>")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
