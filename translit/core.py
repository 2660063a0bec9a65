"""Which table engine runs: the compiled one (translit._core, built by ``pip install .`` where a
C compiler exists) or the pure-Python one (translit.engine, the reference and the fallback).

``ENGINE`` is ``"compiled"`` or ``"pure"``; ``TRANSLIT_PURE=1`` in the environment forces pure
Python.  ``translit --version`` prints it.  Both give identical output
(tests/test_core_equal.py).
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

__all__ = ["AVAILABLE", "ENGINE", "FORCED_PURE", "KEY_ENGINE", "compiled", "compiled_key"]


def _load() -> ModuleType | None:
    try:  # the extension module, not a layer of the package (ARCHITECTURE.md lists this one)
        _core = importlib.import_module("._core", __package__)
    except ImportError:
        return None
    try:  # the case sets come from re's own compiler: without them, no compiled engine
        from re._compiler import _EXTRA_CASES  # noqa: F401
    except ImportError:
        return None
    return _core


#: The compiled module, or None where it was not built (no compiler at install time).
compiled: ModuleType | None = _load()
#: Whether the compiled engine is installed (whatever TRANSLIT_PURE says).
AVAILABLE = compiled is not None
#: TRANSLIT_PURE set to anything but "" or "0": pure Python even where the compiled one exists.
FORCED_PURE = os.environ.get("TRANSLIT_PURE", "") not in ("", "0")
#: The engine Converters use unless told otherwise: "compiled" or "pure".
ENGINE = "compiled" if AVAILABLE and not FORCED_PURE else "pure"


def _load_key() -> ModuleType | None:
    try:  # the compiled grouping key (translit/_key.pyx), read by translit.normalize
        return importlib.import_module("._key", __package__)
    except ImportError:
        return None


#: The compiled key module, or None where it was not built.
compiled_key: ModuleType | None = _load_key()
#: The key normalize.key() runs: "compiled" (translit._key) or "pure" (TRANSLIT_PURE forces it).
KEY_ENGINE = "compiled" if compiled_key is not None and not FORCED_PURE else "pure"


def describe() -> str:
    """One line for ``translit --version``: which engines run (the table machine's and the
    key's), and why."""
    if ENGINE == KEY_ENGINE == "compiled":
        return "compiled core and key"
    if FORCED_PURE and (AVAILABLE or compiled_key is not None):
        return "pure-Python core and key (TRANSLIT_PURE set; the compiled ones are installed)"
    if ENGINE == KEY_ENGINE == "pure":
        return "pure-Python core and key (the compiled ones are not built)"
    built, missing = ("core", "key") if ENGINE == "compiled" else ("key", "core")
    return f"compiled {built}; pure-Python {missing} (its extension is not built)"
