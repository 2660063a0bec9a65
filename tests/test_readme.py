"""The README's examples run, and its table of systems is the one the tables give."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from translit.systems import systems_markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples_run() -> None:
    text = README.read_text("utf-8")
    blocks = "\n".join(re.findall(r"```python\n(.*?)```", text, re.S))
    test = doctest.DocTestParser().get_doctest(blocks, {}, "README", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 0


def test_readme_systems_table_is_in_sync() -> None:
    text = README.read_text("utf-8")
    found = re.search(r"<!-- systems:start -->\n(.*?)<!-- systems:end -->", text, re.S)
    assert found, "README lost its systems markers"
    assert found.group(1).strip() == systems_markdown().strip(), (
        "README's table of systems is stale: run python tools/systems_readme.py"
    )


def test_readme_first_two_commands_are_the_setup_and_ci_commands() -> None:
    text = README.read_text("utf-8")
    commands = re.search(r"```sh\n(.*?)```", text, re.S).group(1).strip().splitlines()  # type: ignore[union-attr]
    assert "pip install ." in commands[0] and "examples/names.txt" in commands[0]
    ci = (README.parent / ".ci" / "run").read_text("utf-8")
    assert commands[1] in ci
