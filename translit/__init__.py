"""translit: Russian, Ukrainian and Belarusian names between Cyrillic and Latin."""

from __future__ import annotations

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
from .systems import System, cyrillize, romanize, romanize_many, system, systems

__version__ = "0.1.0"

__all__ = [
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
