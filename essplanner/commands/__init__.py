"""Verb groups of the command line that live outside ``cli.py``.

Each module here defines ``register(subparsers)``, adding its verbs (``account``,
``service``, ``screenshot``, ``report``, ...) with handlers that take the parsed
arguments and return an exit code. Keep module-level imports light: heavy ones
(Qt, requests, APScheduler) belong inside the handlers.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any


def registrars() -> list[Callable[[Any], None]]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            found.append(register)
    return found
