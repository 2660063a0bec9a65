"""Modules named like the verb they define: layer 0.

``translit.check`` and ``translit.detect`` are both a module and, re-exported by the package, a
function.  Importing the module (``import translit.check``, ``from translit.detect import
repair``) sets the package's attribute to the module, which would hide the function; a module
made callable here calls its verb instead, so ``translit.check(text)`` works whichever was
imported first.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

__all__ = ["callable_module"]


def callable_module(name: str, verb: Callable[..., Any]) -> None:
    """Make the module *name* (already in sys.modules) callable as *verb*."""

    class VerbModule(types.ModuleType):
        __doc__ = sys.modules[name].__doc__

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return verb(*args, **kwargs)

    sys.modules[name].__class__ = VerbModule
