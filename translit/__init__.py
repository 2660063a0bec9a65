"""translit: Russian, Ukrainian and Belarusian names between Cyrillic and Latin."""

from __future__ import annotations

from .errors import (
    IrreversibleSystemError,
    TableError,
    TranslitError,
    UnknownSystemError,
)
from .systems import System, cyrillize, romanize, romanize_many, system, systems

__version__ = "0.1.0"

__all__ = [
    "IrreversibleSystemError",
    "System",
    "TableError",
    "TranslitError",
    "UnknownSystemError",
    "__version__",
    "cyrillize",
    "romanize",
    "romanize_many",
    "system",
    "systems",
]
