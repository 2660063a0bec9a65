"""Rewrite the README's table of systems from tables/: python -m translit.systems_readme"""

from __future__ import annotations

import re
from pathlib import Path

from .systems import systems_markdown


def main() -> None:
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text("utf-8")
    block = f"<!-- systems:start -->\n{systems_markdown()}\n<!-- systems:end -->"
    readme.write_text(re.sub(r"<!-- systems:start -->.*?<!-- systems:end -->", lambda _: block,
                             text, flags=re.S), "utf-8")


if __name__ == "__main__":
    main()
