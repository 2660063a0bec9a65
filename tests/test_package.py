"""The package as a user imports it: what `import translit` loads, and the check function/package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_import_loads_no_gazetteer_checker_or_reader() -> None:
    loaded = _run("import sys, translit; print(sorted(m for m in sys.modules if m.startswith('translit')))")
    for heavy in ("translit.places", "translit.check", "translit.reverse", "translit.detect"):
        assert f"'{heavy}'" not in loaded, loaded
    assert _run("import translit; print(translit.romanize('Київ'), translit.key('Kyiv') == translit.key('Київ'))") \
        == "Kyiv True"


@pytest.mark.parametrize("code", [
    "import translit; print(translit.check('Kiev')[0].suggestion)",
    "import translit.check, translit; print(translit.check('Kiev')[0].suggestion)",
    "from translit.check import report; import translit; print(translit.check('Kiev')[0].suggestion)",
    "import translit; translit.places; import translit.check; print(translit.check('Kiev')[0].suggestion)",
    "import translit.detect, translit; print(translit.detect('Kiev').script and translit.check('Kiev')[0].suggestion)",
])
def test_translit_check_is_the_function_in_every_import_order(code: str) -> None:
    assert _run(code) == "Kyiv"


def test_lazy_names_are_the_modules_own() -> None:
    import translit
    import translit.detect
    import translit.reverse

    assert translit.candidates is translit.reverse.candidates
    # importing the module translit.detect sets the attribute to it: it calls its verb
    assert translit.detect("Київ").language == "uk"
    assert translit.detect.repair("Покровsk") == "Pokrovsk"
    assert set(translit.__all__) <= set(dir(translit))
    with pytest.raises(AttributeError):
        translit.no_such_name  # noqa: B018


def test_the_installed_command_runs_outside_the_checkout(tmp_path: Path) -> None:
    """The `translit` script pip installed, run from elsewhere with no PYTHONPATH: what a user
    runs.  An editable install once mapped tables/ as a namespace package translit.tables
    that hid the module translit/tables.py, and the command failed outside the checkout
    (the tests, run from the checkout, imported the source directly and passed)."""
    import os
    import shutil

    script = shutil.which("translit", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("translit is not installed as a command in this environment")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([script, "romanize", "-s", "uk-national", "Київ"], capture_output=True,
                          text=True, cwd=tmp_path, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Kyiv"
    done = subprocess.run([sys.executable, "-c", "import translit.tables as t; print(t.tables_dir().is_dir())"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert done.stdout.strip() == "True", done.stderr
