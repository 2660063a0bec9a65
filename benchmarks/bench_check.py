"""False alarms and recall of translit.check: correct texts, and the same texts with errors
planted; and the check's throughput on long texts.

    python benchmarks/bench_check.py             # both parts, print, write RESULTS.md
    python benchmarks/bench_check.py --no-write  # print only
    python benchmarks/bench_check.py --part throughput --sizes 10000 100000
    python benchmarks/bench_check.py --findings out.jsonl  # every text's findings, to compare

Texts (see benchmarks/data/check/README.md for where each comes from):

* the correct texts of tests/data/check/ (correct-*.txt, with the targets expected.toml gives
  them) and of benchmarks/data/check/ (news, a list, a text whose names need their context —
  Dzerzhinsk near Nizhny Novgorod, Odessa, Texas — and historical prose in English, German,
  French and Polish that names places by the names they had at the time);
* the same texts with the errors of benchmarks/data/check/plants.toml planted: every
  occurrence of a correct spelling replaced by a Russian-based, former or mixed-script one.

Measured: findings per 10 KB of correct text (each one a false alarm), and for the planted
texts the recall (the share of planted errors a finding covers), the share whose suggestion is
the spelling that was replaced, and the findings elsewhere in those texts (false alarms).

Throughput (KB of UTF-8 text per CPU second, at 10 KB, 100 KB and 1 MB: a rate that does not
fall with the size is linear time) on three texts, each a prefix of one seeded stream:

* news: English news sentences naming real places and people — places of the gazetteer
  (Ukrainian ones by their current name, their Russian form romanized or a former name;
  Russian and Belarusian cities), the people of tables/places/people.toml and SpellingUkraine
  (correct and wrong spellings), given names of SpellingUkraine with surnames of the lexicon,
  the correct and incorrect spellings of SpellingUkraine's cities, Cyrillic glosses;
* repeated: "Київ " over and over (one name, a mention per word);
* unknown: sentences full of distinct capitalized words nothing knows (syllables drawn at
  random: Drovanesk), alone and in runs of two and three.

Each run is a child process (forked after the data is loaded, stopped after --timeout) whose
memos are emptied first (translit.memo.clear_all), so every name is new to it; the best of
--runs is reported, and beside it the same check again in that process ("warm": every memo
filled, as a long-running process that has seen the names has them).  The cold start is the
first check() in a fresh process, import apart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import time
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import translit  # noqa: E402

TESTS = ROOT / "tests" / "data" / "check"
HERE = ROOT / "benchmarks" / "data" / "check"
TARGETS = {"en": "uk-national", "de": "uk-german", "fr": "uk-french", "pl": "uk-polish",
           "uk": "uk-national", "ru": "ru-bgn-pcgn"}


@dataclass
class Text:
    name: str
    language: str
    target: str
    body: str


@dataclass
class Plant:
    start: int
    end: int
    correct: str
    planted: str
    problem: str


def texts() -> list[Text]:
    expected = tomllib.loads((TESTS / "expected.toml").read_text("utf-8"))["text"]
    targets = {row["file"]: row["target"] for row in expected}
    out = []
    for folder in (TESTS, HERE):
        for path in sorted(folder.glob("correct-*.txt")):
            language = path.stem.split("-")[1]
            target = targets.get(path.name) or TARGETS[language]
            out.append(Text(str(path.relative_to(ROOT)), language, target,
                            path.read_text("utf-8")))
    return out


def plant(text: Text, plants: list[dict[str, str]],
          seen: dict[str, int]) -> tuple[str, list[Plant]]:
    """The text with every occurrence of a correct spelling of its language replaced, and
    where each planted error now stands; *seen* counts the occurrences replaced so far, over
    all texts (a spelling with several plants gets them in turn)."""
    rows = [p for p in plants if p["language"] == text.language]
    if not rows:
        return text.body, []
    by_correct: dict[str, list[dict[str, str]]] = {}
    for p in rows:
        by_correct.setdefault(p["correct"], []).append(p)
    pattern = re.compile(r"(?<!\w)(" + "|".join(
        re.escape(c) for c in sorted(by_correct, key=len, reverse=True)) + r")(?!\w)")
    out: list[str] = []
    planted: list[Plant] = []
    position = 0
    length = 0
    for match in pattern.finditer(text.body):
        # a spelling with several plants gets them in turn, occurrence by occurrence
        choices = by_correct[match.group(1)]
        row = choices[seen.get(match.group(1), 0) % len(choices)]
        seen[match.group(1)] = seen.get(match.group(1), 0) + 1
        out.append(text.body[position:match.start()])
        length += match.start() - position
        planted.append(Plant(length, length + len(row["planted"]), row["correct"],
                             row["planted"], row["problem"]))
        out.append(row["planted"])
        length += len(row["planted"])
        position = match.end()
    out.append(text.body[position:])
    return "".join(out), planted


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def measure() -> dict[str, object]:
    plants = tomllib.loads((HERE / "plants.toml").read_text("utf-8"))["plant"]
    correct_rows: list[tuple[str, str, int, int]] = []
    false_alarms: list[tuple[str, str, str, str]] = []
    planted_total = found = right = elsewhere = 0
    planted_bytes = 0
    by_problem: dict[str, list[int]] = {}
    missed: list[tuple[str, str, str]] = []
    seen: dict[str, int] = {}
    for text in texts():
        findings = translit.check(text.body, text.target)
        size = len(text.body.encode("utf-8"))
        correct_rows.append((text.name, text.target, size, len(findings)))
        false_alarms.extend((text.name, f.text, f.problem, f.suggestion) for f in findings)
        body, planted = plant(text, plants, seen)
        if not planted:
            continue
        planted_bytes += len(body.encode("utf-8"))
        findings = translit.check(body, text.target)
        covered: set[int] = set()
        for p in planted:
            hits = [f for f in findings if f.start < p.end and p.start < f.end]
            counts = by_problem.setdefault(p.problem, [0, 0])
            counts[1] += 1
            planted_total += 1
            if hits:
                found += 1
                counts[0] += 1
                right += any(_fold(f.suggestion) == _fold(p.correct) for f in hits)
                covered.update(id(f) for f in hits)
            else:
                missed.append((text.name, p.planted, p.correct))
        elsewhere += sum(1 for f in findings if id(f) not in covered)
    total_bytes = sum(r[2] for r in correct_rows)
    return {
        "correct": correct_rows, "false_alarms": false_alarms, "bytes": total_bytes,
        "planted": planted_total, "found": found, "right": right, "elsewhere": elsewhere,
        "planted_bytes": planted_bytes, "by_problem": by_problem, "missed": missed,
    }


def per_10kb(count: int, size: int) -> float:
    return 10_000 * count / size if size else 0.0


def report(result: dict[str, object]) -> str:
    correct = result["correct"]
    assert isinstance(correct, list)
    lines = ["| correct text | target | bytes | findings | per 10 KB |", "| --- | --- | ---: | ---: | ---: |"]
    for name, target, size, count in correct:
        lines.append(f"| `{name}` | {target} | {size} | {count} | {per_10kb(count, size):.1f} |")
    total = sum(r[3] for r in correct)
    size = result["bytes"]
    assert isinstance(size, int)
    lines.append(f"| **all** | | {size} | {total} | **{per_10kb(total, size):.1f}** |")
    lines.append("")
    alarms = result["false_alarms"]
    assert isinstance(alarms, list)
    if alarms:
        lines.append("False alarms on the correct texts (as written → problem, suggestion):")
        lines.append("")
        for name, text, problem, suggestion in alarms:
            lines.append(f"- `{name}`: {text} → {problem}, {suggestion}")
        lines.append("")
    planted, found, right = result["planted"], result["found"], result["right"]
    assert isinstance(planted, int) and isinstance(found, int) and isinstance(right, int)
    elsewhere, planted_bytes = result["elsewhere"], result["planted_bytes"]
    assert isinstance(elsewhere, int) and isinstance(planted_bytes, int)
    lines.append(f"Planted errors: {planted}; found {found} (recall "
                 f"**{found / planted:.1%}**), with the replaced spelling suggested {right} "
                 f"({right / planted:.1%}); findings outside the planted errors: {elsewhere} "
                 f"({per_10kb(elsewhere, planted_bytes):.1f} per 10 KB).")
    lines.append("")
    by_problem = result["by_problem"]
    assert isinstance(by_problem, dict)
    lines.append("| planted as | planted | found | recall |")
    lines.append("| --- | ---: | ---: | ---: |")
    for problem, (hit, count) in sorted(by_problem.items()):
        lines.append(f"| {problem} | {count} | {hit} | {hit / count:.0%} |")
    missed = result["missed"]
    assert isinstance(missed, list)
    if missed:
        lines.append("")
        lines.append("Missed: " + "; ".join(f"{p} for {c} (`{n}`)" for n, p, c in missed))
    return "\n".join(lines)


# --- throughput -------------------------------------------------------------------------------

SIZES = (10_000, 100_000, 1_000_000)
#: a text that loads everything check() reads (a Ukrainian surname: the reverse model)
WARM_UP = "Shelling hit Kharkov and Київ; the Ukrainian volunteer Vitaly Dainega drove to Покровsk."
SEED = 20240611
SHAPES = ("news", "repeated", "unknown")


@dataclass
class Names:
    """The real names the news text is made of (Latin spellings, as a press text has them)."""

    places: list[str]  # Ukrainian places, current names (established or uk-national)
    russian_based: list[str]  # the same places' Russian forms, romanized (BGN/PCGN)
    former: list[str]  # former names of renamed places, romanized
    foreign: list[str]  # Russian and Belarusian cities
    glossed: list[tuple[str, str]]  # (Latin, Cyrillic) of Ukrainian places
    spellings: list[str]  # SpellingUkraine's cities: correct and incorrect spellings
    people: list[str]  # established people, correct and wrong spellings
    given: list[str]  # given names (SpellingUkraine), correct and incorrect
    surnames: list[str]  # Ukrainian surnames of the lexicon, uk-national and BGN/PCGN


def names() -> Names:
    from translit.lexicon import load as load_lexicon
    from translit.places import load as load_gazetteer

    gazetteer = load_gazetteer()
    ua = [p for p in gazetteer if p.country == "UA" and p.population >= 20_000 and p.name]
    places = [p.latin for p in ua]
    russian = [translit.romanize(p.forms()["ru"], "ru-bgn-pcgn") for p in ua if "ru" in p.forms()]
    former = sorted({translit.romanize(f, "ru-bgn-pcgn" if p.country == "RU" else "uk-national")
                     for p in gazetteer for r in p.former if not r.derived
                     for f in (r.former, r.former_ru) if f})
    foreign = [p.latin for p in gazetteer
               if (p.country == "RU" and p.population >= 100_000)
               or (p.country == "BY" and p.population >= 20_000)]
    glossed = [(p.latin, p.name) for p in ua[:80]]
    vocabulary = ROOT / "translit" / "data" / "places" / "spellingukraine" / "vocabulary.jsonl"
    rows = [json.loads(line) for line in vocabulary.read_text("utf-8").splitlines() if line]
    spellings = [s for r in rows if r["category"] == "City"
                 for s in (r["correctSpelling"], *r["incorrectSpellings"])]
    given = [s for r in rows if r["category"] == "Personal name"
             for s in (r["correctSpelling"], *r["incorrectSpellings"])]
    people = [s for r in rows if r["category"] == "Person"
              for s in (r["correctSpelling"], *r["incorrectSpellings"])]
    for row in tomllib.loads((ROOT / "tables" / "places" / "people.toml").read_text("utf-8"))[
            "spelling"]:
        people.extend([row["spelling"], *row.get("also", ()), *row.get("wrong", ())])
    lexicon = load_lexicon()
    surnames: list[str] = []
    import gzip

    surname_file = ROOT / "translit" / "data" / "places" / "surnames.tsv.gz"
    for line in gzip.decompress(surname_file.read_bytes()).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        _, word, _ = line.split("\t")
        if lexicon.kinds(word) == {"surname"} and "uk" in lexicon.languages(word):
            surname = word.capitalize()
            surnames.append(translit.romanize(surname, "uk-national"))
            surnames.append(translit.romanize(surname, "ru-bgn-pcgn"))
    return Names(places, russian, former, foreign, glossed, spellings, people, given, surnames)


NEWS = (
    "Shelling hit {place} overnight, the regional governor said.",
    "Air-raid alerts sounded in {place} and {place} in the morning.",
    "Explosions were heard in {russian} on {day}, and the authorities in {place} said a drone "
    "hit a warehouse.",
    "Residents of {place} (formerly {former}) were told to prepare for winter.",
    "The train from {place} to {spelling} was delayed by three hours.",
    "{person} visited {place} on {day} and met the mayor.",
    "\"We evacuate everyone we can,\" said {given} {surname}, a Ukrainian volunteer from "
    "{place}.",
    "The Ukrainian medic {given} {surname} treated the wounded in {spelling}.",
    "{given} {surname} said the talks in {foreign} went well.",
    "Power was restored in {spelling}, {place} and {russian}.",
    "Soldiers near {former} reported heavy fighting, and {place} lost power.",
    "The delegation flew from {foreign} to {foreign}, then on to {place}.",
    "In {gloss}, the city council approved the budget for the year.",
    "Under {surname}, the factory in {place} doubled its output.",
    "Later {person} told journalists in {spelling} that the roads were open.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNKNOWN = (
    "The {w} committee met {w} and {w} in the hall on {day}.",
    "According to {w} {w}, the {w} plan was approved by the board.",
    "{w} {w} {w} opened a shop next to the {w} station.",
    "Visitors from {w} praised the {w} museum and its {w} garden.",
)
ONSETS = ("b", "br", "ch", "d", "dr", "f", "g", "h", "k", "kr", "l", "m", "n", "p", "pr", "r",
          "s", "sh", "st", "t", "tr", "v", "z", "zh")
VOWELS = ("a", "e", "i", "o", "u", "y", "ia", "ie", "ou")
CODAS = ("", "", "", "n", "r", "l", "s", "k", "m", "sk", "v")


def _sentences(shape: str, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    if shape == "repeated":
        while True:
            yield "Київ "
    if shape == "unknown":
        def word() -> str:  # syllables, so that the words look like names (Drovanesk)
            return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                           for _ in range(rng.randint(2, 4))).capitalize()

        while True:
            template = rng.choice(UNKNOWN)
            yield re.sub(r"\{(\w+)\}", lambda m: rng.choice(DAYS) if m.group(1) == "day"
                         else word(), template) + (" " if rng.random() < 0.8 else "\n\n")
    pool = names()
    fields: dict[str, Callable[[], str]] = {
        "place": lambda: rng.choice(pool.places), "russian": lambda: rng.choice(pool.russian_based),
        "former": lambda: rng.choice(pool.former), "foreign": lambda: rng.choice(pool.foreign),
        "spelling": lambda: rng.choice(pool.spellings), "person": lambda: rng.choice(pool.people),
        "given": lambda: rng.choice(pool.given), "surname": lambda: rng.choice(pool.surnames),
        "day": lambda: rng.choice(DAYS),
        "gloss": lambda: "{} ({})".format(*rng.choice(pool.glossed)),
    }
    while True:
        template = rng.choice(NEWS)
        yield re.sub(r"\{(\w+)\}", lambda m: fields[m.group(1)](), template) + (
            " " if rng.random() < 0.8 else "\n\n")


def long_text(shape: str, size: int, seed: int = SEED) -> str:
    """At least *size* bytes of UTF-8 text of *shape*, whole sentences (a prefix of one stream)."""
    out: list[str] = []
    length = 0
    for sentence in _sentences(shape, seed):
        out.append(sentence)
        length += len(sentence.encode("utf-8"))
        if length >= size:
            break
    return "".join(out)


def digest(findings: list[translit.Finding]) -> str:
    """A short hash of every field of every finding (equal hashes: identical findings)."""
    data = json.dumps([f.as_dict() for f in findings], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]


def _run(body: str, conn: Connection) -> None:
    from translit.memo import clear_all

    clear_all()
    start = time.process_time()
    findings = translit.check(body)
    seconds = time.process_time() - start
    start = time.process_time()
    again = translit.check(body)
    warm = time.process_time() - start
    assert again == findings
    conn.send((seconds, warm, len(findings), digest(findings), [f.as_dict() for f in findings]))


@dataclass
class Timing:
    cold: float  # CPU seconds of the first check (memos emptied); inf when stopped
    warm: float  # of the same check again, with the memos it filled
    count: int
    digest: str
    findings: list[dict[str, object]]


def timed(body: str, timeout: float, runs: int) -> Timing:
    """The best CPU seconds of check(body) over *runs* child processes, each stopped after
    *timeout* seconds (inf then), with its findings and their digest."""
    context = multiprocessing.get_context("fork")
    done: list[Timing] = []
    for _ in range(runs):
        parent, child = context.Pipe()
        process = context.Process(target=_run, args=(body, child))
        process.start()
        stopped = not parent.poll(timeout)
        if not stopped:
            done.append(Timing(*parent.recv()))
        process.kill()
        process.join()
        if stopped:
            return Timing(float("inf"), float("inf"), 0, "", [])
    if len({t.digest for t in done}) != 1:
        raise AssertionError("two runs of one check found different things")
    best = min(done, key=lambda t: t.cold)
    best.warm = min(t.warm for t in done)
    return best


COLD = """
import json, time
import translit
start = time.process_time()
translit.check({place!r})
first = time.process_time()
translit.check({person!r})
print(json.dumps([first - start, time.process_time() - first]))
"""
#: the first check of a process: places only (the gazetteer, the lexicon, the tables) …
COLD_PLACES = "Shelling hit Kharkov and Kyiv; the convoy drove to Покровsk."
#: … then a Ukrainian person whose surname only the reverse readings know (their model)
COLD_PERSON = "The Ukrainian volunteer Vitaly Dainega drove to Kramatorsk."


def cold_start(runs: int = 3) -> tuple[float, float]:
    """Median CPU seconds, in a fresh process (import apart), of the first check() of a short
    text naming places, and of the check after it that reads a Ukrainian surname."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    found = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD.format(place=COLD_PLACES, person=COLD_PERSON)],
            capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        found.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return statistics.median(f[0] for f in found), statistics.median(f[1] for f in found)


def throughput(sizes: tuple[int, ...], timeout: float, runs: int,
               findings: dict[str, list[dict[str, object]]]) -> dict[str, object]:
    """The rows measured (text, bytes, cold and warm seconds, findings, digest) and the cold
    start, as --save writes them."""
    # load the data before forking: gazetteer, spellings, lexicon, the reverse model
    translit.check(WARM_UP)
    cold = cold_start()
    rows: list[dict[str, object]] = []
    for shape in SHAPES:
        for size in sizes:
            body = long_text(shape, size)
            t = timed(body, timeout, runs)
            findings[f"{shape}:{size}"] = t.findings
            rows.append({"text": shape, "size": size, "bytes": len(body.encode("utf-8")),
                         "cold": t.cold, "warm": t.warm, "findings": t.count,
                         "digest": t.digest})
            print(rows[-1], flush=True)
    return {"rows": rows, "cold_start": list(cold), "timeout": timeout}


def _rate(nbytes: object, seconds: object) -> str:
    assert isinstance(nbytes, int) and isinstance(seconds, float)
    return "stopped" if seconds == float("inf") else f"{nbytes / 1000 / max(seconds, 1e-9):.1f}"


BASELINE_NOTE = """  The columns headed by the baseline's label are this script's --save run on the
checkout the label names (same machine, just before); their findings column says whether
that run's digest is this one."""


def throughput_table(result: dict[str, object], baseline: dict[str, object] | None,
                     label: str) -> str:
    rows = result["rows"]
    assert isinstance(rows, list)
    before: dict[tuple[object, object], dict[str, object]] = {}
    if baseline is not None:
        old_rows = baseline["rows"]
        assert isinstance(old_rows, list)
        before = {(r["text"], r["size"]): r for r in old_rows}
    head = "| text | bytes | CPU s | KB/s | warm KB/s | findings | digest |"
    rule = "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
    if baseline is not None:
        head += f" {label}: CPU s | {label}: KB/s | {label}: findings |"
        rule += " ---: | ---: | --- |"
    lines = [head, rule]
    for r in rows:
        cold = r["cold"]
        assert isinstance(cold, float)
        line = (f"| {r['text']} | {r['bytes']} | {cold:.2f} | {_rate(r['bytes'], cold)} | "
                f"{_rate(r['bytes'], r['warm'])} | {r['findings']} | `{r['digest']}` |")
        old = before.get((r["text"], r["size"]))
        if baseline is not None:
            if old is None:
                line += " – | – | – |"
            else:
                old_cold = old["cold"]
                assert isinstance(old_cold, float)
                same = "the same" if old["digest"] == r["digest"] else f"`{old['digest']}`"
                line += (f" {old_cold:.2f} | {_rate(old['bytes'], old_cold)} | {same} |")
        lines.append(line)
    cold_start_s = result["cold_start"]
    assert isinstance(cold_start_s, list)
    text = (f"Cold start, in a fresh process (CPU seconds, median of 3, import apart): the first "
            f"`translit.check()` of a short text naming places (`{COLD_PLACES}`) takes "
            f"{cold_start_s[0]:.2f} s (the gazetteer, the lexicon, the tables); the first check "
            f"that reads a Ukrainian surname (`{COLD_PERSON}`) {cold_start_s[1]:.2f} s more (the "
            "reverse readings' model)")
    if baseline is not None:
        old_start = baseline["cold_start"]
        assert isinstance(old_start, list)
        text += f"; {label}: {old_start[0]:.2f} s and {old_start[1]:.2f} s"
    lines += ["", text + "."]
    return "\n".join(lines)


#: the targets every test text is also checked against for --findings
FINDINGS_TARGETS = ("uk-national", "uk-german", "uk-french", "uk-polish", "be-national",
                    "ru-bgn-pcgn", "uk-iso9")


def recall_findings(findings: dict[str, list[dict[str, object]]]) -> None:
    """For --findings: the findings of every text of the recall part, correct and planted, and
    of every text of tests/data/check/ against several targets."""
    plants = tomllib.loads((HERE / "plants.toml").read_text("utf-8"))["plant"]
    seen: dict[str, int] = {}
    for text in texts():
        findings[text.name] = [f.as_dict() for f in translit.check(text.body, text.target)]
        body, planted = plant(text, plants, seen)
        if planted:
            findings[text.name + ":planted"] = [
                f.as_dict() for f in translit.check(body, text.target)]
    for path in sorted(TESTS.glob("*.txt")):
        body = path.read_text("utf-8")
        for target in FINDINGS_TARGETS:
            findings[f"{path.name}:{target}"] = [f.as_dict() for f in translit.check(body, target)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    parser.add_argument("--part", choices=("recall", "throughput", "both"), default="both")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="throughput text sizes in bytes")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds before a throughput run is stopped")
    parser.add_argument("--runs", type=int, default=3,
                        help="throughput: the best of this many runs (each a child process)")
    parser.add_argument("--save", type=Path, help="throughput: write the rows measured (JSON)")
    parser.add_argument("--baseline", type=Path,
                        help="throughput: rows --save wrote for other code, shown beside")
    parser.add_argument("--baseline-label", default="before",
                        help="what the baseline's columns are headed")
    parser.add_argument("--findings", type=Path,
                        help="write every text's findings here (JSON lines), to compare runs")
    args = parser.parse_args(argv)
    from _results import machine, write_section

    findings: dict[str, list[dict[str, object]]] = {}
    if args.part in ("recall", "both"):
        result = measure()
        text = report(result)
        print(text)
        if not args.no_write:
            write_section("check", f"""## False alarms and recall of check (`benchmarks/bench_check.py`)

{machine()}; translit {translit.__version__ if hasattr(translit, "__version__") else ""}.
Correct texts: tests/data/check/correct-*.txt and benchmarks/data/check/correct-*.txt (sources
in benchmarks/data/check/README.md); planted errors: benchmarks/data/check/plants.toml.

{text}
""")
        if args.findings:
            recall_findings(findings)
    if args.part in ("throughput", "both"):
        result = throughput(tuple(args.sizes), args.timeout, args.runs, findings)
        if args.save:
            args.save.write_text(json.dumps(result, indent=1), "utf-8")
        baseline = json.loads(args.baseline.read_text("utf-8")) if args.baseline else None
        table = throughput_table(result, baseline, args.baseline_label)
        print(table)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        command = "python benchmarks/bench_check.py --part throughput"
        if baseline is not None:
            command += f" --baseline {args.baseline.name} --baseline-label '{args.baseline_label}'"
        if not args.no_write:
            write_section("check-throughput", f"""## check throughput (`{command}`)

{machine()}, {os.cpu_count()} cores, load average {load} at the end of the run (the machine is
shared: CPU seconds, best of {args.runs} runs).  KB of UTF-8 text per CPU second of one
`translit.check(text)` (target uk-national) in a child process whose memos were emptied first
("warm": the same check again in that process, its memos full).  The texts are described in
the script's docstring (news: real place and person names, right and wrong; repeated: "Київ "
over and over; unknown: distinct capitalized words nothing knows).  A KB/s that does not fall
with the size is linear time.  The digest hashes every field of every finding: equal digests,
identical findings.{BASELINE_NOTE if baseline is not None else ""}

{table}
""")
    if args.findings:
        with args.findings.open("w", encoding="utf-8") as out:
            for name, found in findings.items():
                out.write(json.dumps({"text": name, "findings": found}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
