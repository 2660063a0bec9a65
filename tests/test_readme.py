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


def test_readme_command_line_examples_run_on_real_files(tmp_path: Path) -> None:
    """Every command of the README's command-line section, typed as it is written, in a
    directory holding the files it names: it reads them (never keys a file's name) and exits
    0 (check: 0 or 1)."""
    import shlex
    import subprocess
    import sys

    from tests.test_cli_files import ENV

    text = README.read_text("utf-8")
    section = text[text.index("## Command line"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    commands = [shlex.split(line) for line in block.splitlines()
                if line.startswith("translit ")]
    assert len(commands) >= 8
    people = "id,name,surname\n1,Тарас Шевченко,Шевченко\n2,Kharkov,Kharkov\n"
    (tmp_path / "people.csv").write_text(people, "utf-8")
    (tmp_path / "applicants.csv").write_text(people, "utf-8")
    (tmp_path / "names.txt").write_text("Kharkiv\nХарків\nKyiv\n", "utf-8")
    (tmp_path / "report.txt").write_text("Shelling near Kharkov.\n", "utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "report.md").write_text("Shelling near Kharkov.\n", "utf-8")
    for name in ("a.csv", "b.csv"):
        (tmp_path / "data" / name).write_text(people, "utf-8")
    for argv in commands:
        ran = subprocess.run([sys.executable, "-m", "translit", *argv[1:]], cwd=tmp_path,
                             capture_output=True, env=ENV, timeout=300, check=False)
        allowed = (0, 1) if argv[1] == "check" else (0,)
        assert ran.returncode in allowed, (argv, ran.stderr.decode())
        if "-o" in argv:
            out = (tmp_path / argv[argv.index("-o") + 1]).read_text("utf-8")
            first = out.splitlines()[1]  # the first record: the file's, not its name's
            assert first.startswith("people.csv,3,1," if argv[1] == "check" else "1,"), argv
