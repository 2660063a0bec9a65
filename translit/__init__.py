"""translit: Russian, Ukrainian and Belarusian names between Cyrillic and Latin."""

from __future__ import annotations

from . import places
from .check import Finding, check
from .detect import Detection, detect, repair
from .errors import (
    IrreversibleSystemError,
    TableError,
    TranslitError,
    UnknownSystemError,
)
from .normalize import (
    KEY_VERSION,
    SIMILARITY_THRESHOLD,
    Group,
    group,
    key,
    key_many,
    similarity,
)
from .reverse import Reading, candidates, identify
from .systems import System, cyrillize, romanize, romanize_many, system, systems

__version__ = "0.1.0"

__all__ = [
    "KEY_VERSION",
    "SIMILARITY_THRESHOLD",
    "Detection",
    "Finding",
    "Group",
    "IrreversibleSystemError",
    "Reading",
    "System",
    "TableError",
    "TranslitError",
    "UnknownSystemError",
    "__version__",
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
    "similarity",
    "system",
    "systems",
]
