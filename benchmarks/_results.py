"""Write one benchmark's section of benchmarks/RESULTS.md, leaving the other sections alone."""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = """# Benchmark results

Every section is written by the script it names (run from the repository root, in a venv with
`pip install -e '.[test,bench]'`), on the machine stated in it. Figures are ratios measured in
one run, side by side; absolute rates vary with the machine.
"""


def revision() -> str:
    """The commit translit was measured at, and whether its files had uncommitted changes."""
    import subprocess

    import translit

    root = Path(translit.__file__).resolve().parent.parent

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "(not a git checkout)"
    dirty = git("status", "--porcelain", "--", "translit", "tables")
    return f"at {commit}" + (" with uncommitted changes to translit/ or tables/" if dirty else "")


def machine() -> str:
    return f"Python {sys.version.split()[0]}, {platform.machine()}, {platform.system()}"


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the section between <!-- name:start --> and <!-- name:end -->."""
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else HEADER
    block = f"<!-- {name}:start -->\n{markdown.strip()}\n<!-- {name}:end -->"
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text, "utf-8")
