"""Build the optional compiled core; everything else is in pyproject.toml.

``translit/_core.pyx`` (Cython) is the table machine of translit/engine.py in C, and
``translit/_key.pyx`` the grouping key of translit/normalize.py.  Where it
cannot be built (no C compiler, no Cython, a compiler error) the package installs without it
and runs the pure-Python engine, which gives the same output (tests/test_core_equal.py);
``translit --version`` says which runs.  TRANSLIT_REQUIRE_CORE=1 makes a failed build an
error (wheels for distribution: [tool.cibuildwheel]).  tables/ ships as translit/tables.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
REQUIRED = os.environ.get("TRANSLIT_REQUIRE_CORE", "") not in ("", "0")


def extensions() -> list:
    try:
        from Cython.Build import cythonize
    except ImportError:
        if REQUIRED:
            raise
        print("translit: Cython is not installed; installing the pure-Python engine", file=sys.stderr)
        return []
    try:
        return cythonize(["translit/_core.pyx", "translit/_key.pyx"], language_level=3, quiet=True)
    except Exception as exc:  # a Cython error: the pure engine still works
        if REQUIRED:
            raise
        print(f"translit: cannot translate translit/_core.pyx ({exc}); pure Python", file=sys.stderr)
        return []


class OptionalBuildExt(build_ext):
    """build_ext that falls back to the pure-Python package when compiling fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            self._skip(exc)

    def build_extension(self, ext) -> None:  # type: ignore[no-untyped-def]
        try:
            super().build_extension(ext)
        except Exception as exc:
            self._skip(exc)

    def _skip(self, exc: BaseException) -> None:
        if REQUIRED:
            raise exc
        print(f"translit: the compiled core was not built ({exc}); "
              "the pure-Python engine runs (translit --version says which)", file=sys.stderr)


def package_data() -> dict[str, list[str]]:
    """Every file under translit/ that is not Python source or a build product, and every
    file under tables/ (as translit/tables)."""
    def files(root: Path, skip: tuple[str, ...]) -> list[str]:
        return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(skip))

    return {"translit": files(HERE / "translit", (".py", ".pyc", ".so", ".pyd", ".c", ".pyx"))}


def packages() -> list[str]:
    inner = sorted("translit." + ".".join(p.parent.relative_to(HERE / "translit").parts)
                   for p in (HERE / "translit").rglob("__init__.py") if p.parent != HERE / "translit")
    return ["translit", *inner]


class BuildPyWithTables(build_py):
    """tables/ copied into the wheel as translit/tables (data, not a package: a package
    translit.tables would hide the module translit/tables.py, as an editable install's
    namespace mapping did).  An editable install reads tables/ from the checkout
    (translit.tables.tables_dir)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "translit" / "tables"
        for source in sorted((HERE / "tables").rglob("*")):
            if source.is_file() and "__pycache__" not in source.parts:
                destination = target / source.relative_to(HERE / "tables")
                destination.parent.mkdir(parents=True, exist_ok=True)
                self.copy_file(str(source), str(destination))


setup(
    packages=packages(),
    package_data=package_data(),
    ext_modules=extensions(),
    cmdclass={"build_ext": OptionalBuildExt, "build_py": BuildPyWithTables},
)
