"""Rewrite the README's table of systems from tables/: python tools/systems_readme.py"""

from __future__ import annotations

import re
from pathlib import Path

from translit.systems import systems_markdown


def main() -> None:
    readme = Path(__file__).resolve().parent.parent / "README.md"  # tools/ sits beside README.md
    text = readme.read_text("utf-8")
    block = f"<!-- systems:start -->\n{systems_markdown()}\n<!-- systems:end -->"
    readme.write_text(re.sub(r"<!-- systems:start -->.*?<!-- systems:end -->", lambda _: block,
                             text, flags=re.S), "utf-8")


if __name__ == "__main__":
    main()
