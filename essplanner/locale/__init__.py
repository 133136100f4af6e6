"""French catalogs of the core, one module per area (``fr_<area>.py``, each a ``CATALOG``).

Splitting by area keeps each part of the product's messages next to its owner;
``tools/i18n.py`` lists strings that are missing, and a test fails on any.
"""

from __future__ import annotations

import importlib
import pkgutil


def load(language: str) -> dict[str, str]:
    """Every ``<language>_*.py`` catalog of this package, merged."""
    merged: dict[str, str] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith(f"{language}_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            merged.update(module.CATALOG)
    return merged
