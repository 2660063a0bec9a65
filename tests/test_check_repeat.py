"""translit.check on a text repeated: each finding once per copy, at the copy's offsets.

check() works out each distinct spelling once per text and reuses it for every mention; these
tests hold it to what reuse must not change.  The law: for a text T that ends in a paragraph
break, check(T * k) is check(T) k times over, the i-th copy's findings shifted by i * len(T)
in offsets and by i * (lines of T) in line numbers, everything else (text, problem,
suggestion, explanation, name, column) equal.  A paragraph break ends T's last sentence, so no
cue, run of name words or context crosses into the next copy; T's ratios (Latin to Cyrillic
letters, short lines to long) and its spellings' counts scale with k, so the text's language,
list mode and preferred spellings stay.  (It needs each surname used alone to follow its full
name within T, as news prose does: a surname before it would find the person named in the
copy before, and each real text here has its surnames after.)
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from translit.check import PROBLEMS, Finding, check
from translit.memo import clear_all

DATA = Path(__file__).resolve().parent / "data" / "check"
TARGETS = {row["file"]: row["target"]
           for row in tomllib.loads((DATA / "expected.toml").read_text("utf-8"))["text"]}
FILES = sorted(p.name for p in DATA.glob("*.txt"))


def _paragraph(file: str) -> str:
    return (DATA / file).read_text("utf-8").rstrip("\n") + "\n\n"


def _shifted(findings: list[Finding], text: str, copies: int) -> list[Finding]:
    lines = text.count("\n")
    return [dataclasses.replace(f, start=f.start + i * len(text), end=f.end + i * len(text),
                                line=f.line + i * lines)
            for i in range(copies) for f in findings]


def test_every_text_here_has_a_target() -> None:
    assert set(FILES) - set(TARGETS) <= {"motivating-en.txt"}


@pytest.mark.parametrize("file", FILES)
def test_a_text_repeated_gives_each_finding_once_per_copy(file: str) -> None:
    target = TARGETS.get(file, "uk-national")
    text = _paragraph(file)
    once = check(text, target)
    for copies in (2, 5):
        many = check(text * copies, target)
        assert many == _shifted(once, text, copies)
        body = text * copies
        assert all(body[f.start:f.end] == f.text for f in many)


def test_the_texts_with_errors_find_them_in_every_copy() -> None:
    """The law is not empty here: the error texts repeated have findings of every problem."""
    problems = set()
    for file in FILES:
        if not file.startswith("correct-"):
            text = _paragraph(file)
            many = check(text * 3, TARGETS.get(file, "uk-national"))
            assert len(many) % 3 == 0 and many
            problems |= {f.problem for f in many}
    assert problems == set(PROBLEMS)


def test_findings_do_not_depend_on_what_the_process_remembers() -> None:
    """A check after every memo is emptied finds what the same check found with them full."""
    text = _paragraph("motivating-en.txt") + _paragraph("errors-en.txt")
    warm = check(text)
    clear_all()
    assert check(text) == warm
