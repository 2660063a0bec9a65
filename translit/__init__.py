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
    "Finding",
    "Reading",
    "candidates",
    "check",
    "identify",
    "places",
    "KEY_VERSION",
    "SIMILARITY_THRESHOLD",
    "Detection",
    "Group",
    "IrreversibleSystemError",
    "System",
    "TableError",
    "TranslitError",
    "UnknownSystemError",
    "__version__",
    "cyrillize",
    "detect",
    "group",
    "key",
    "key_many",
    "repair",
    "romanize",
    "romanize_many",
    "similarity",
    "system",
    "systems",
]
