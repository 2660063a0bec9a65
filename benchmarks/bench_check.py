"""False alarms and recall of translit.check: correct texts, and the same texts with errors
planted.

    python benchmarks/bench_check.py             # measure, print, write RESULTS.md "check"
    python benchmarks/bench_check.py --no-write  # print only

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
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import translit  # noqa: E402

TESTS = ROOT / "tests" / "data" / "check"
HERE = ROOT / "benchmarks" / "data" / "check"
TARGETS = {"en": "uk-national", "de": "uk-german", "fr": "uk-french", "pl": "uk-polish"}


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
            target = targets.get(path.name, TARGETS[language])
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args(argv)
    result = measure()
    text = report(result)
    print(text)
    if not args.no_write:
        from _results import machine, write_section

        write_section("check", f"""## False alarms and recall of check (`benchmarks/bench_check.py`)

{machine()}; translit {translit.__version__ if hasattr(translit, "__version__") else ""}.
Correct texts: tests/data/check/correct-*.txt and benchmarks/data/check/correct-*.txt (sources
in benchmarks/data/check/README.md); planted errors: benchmarks/data/check/plants.toml.

{text}
""")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
