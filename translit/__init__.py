"""translit: Russian, Ukrainian and Belarusian names between Cyrillic and Latin."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .blocking import SAME_NAME_THRESHOLD, block_keys, same_name
from .errors import (
    IrreversibleSystemError,
    TableError,
    TranslitError,
    UnknownSystemError,
)
from .grouping import Group, Merge, group
from .normalize import (
    KEY_VERSION,
    SIMILARITY_THRESHOLD,
    key,
    key_many,
    similarity,
)
from .systems import System, cyrillize, romanize, romanize_many, system, systems

if TYPE_CHECKING:
    from . import places
    from .check import Finding, check
    from .detect import Detection, detect, repair
    from .reverse import Reading, candidates, identify

__version__ = "0.1.0"

# The readers, the gazetteer and the checker load on first use: most programs romanize or key
# and never pay for them.
_LAZY: dict[str, tuple[str, str | None]] = {
    "places": ("translit.places", None),
    "check": ("translit.check", "check"), "Finding": ("translit.check", "Finding"),
    "Detection": ("translit.detect", "Detection"), "detect": ("translit.detect", "detect"),
    "repair": ("translit.detect", "repair"),
    "Reading": ("translit.reverse", "Reading"), "candidates": ("translit.reverse", "candidates"),
    "identify": ("translit.reverse", "identify"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module_name, attribute = _LAZY[name]
        module = importlib.import_module(module_name)
        value = module if attribute is None else getattr(module, attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'translit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

__all__ = [
    "KEY_VERSION",
    "SAME_NAME_THRESHOLD",
    "SIMILARITY_THRESHOLD",
    "Detection",
    "Finding",
    "Group",
    "IrreversibleSystemError",
    "Merge",
    "Reading",
    "System",
    "TableError",
    "TranslitError",
    "UnknownSystemError",
    "__version__",
    "block_keys",
    "candidates",
    "check",
    "cyrillize",
    "detect",
    "group",
    "identify",
    "key",
    "key_many",
    "places",
    "repair",
    "romanize",
    "romanize_many",
    "same_name",
    "similarity",
    "system",
    "systems",
]
