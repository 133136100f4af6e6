"""Keep PySide6 from holding the source text of every module the app imports.

Once PySide6 is imported, every later ``import`` of a Python module goes through
shiboken's import hook, which asks whether the module uses PySide (for the opt-in
``from __feature__ import snake_case`` switches) by reading its whole source with
:func:`inspect.getsource`. That fills :mod:`linecache` with the lines of every module
(SQLAlchemy, APScheduler, the services...) and keeps them: about 25 MiB of the desktop
app's memory, never used again.

:func:`spare_sources` makes the same check read the source through the module's loader,
without caching it. What the hook decides is unchanged: a module whose source names
``PySide6`` is still told apart from one that does not.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger(__name__)

#: where shiboken keeps its import hook's check (present once PySide6 is imported)
FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source names PySide6 (``fallback``, the original check, for a
    module whose loader cannot give its source)."""
    loader = getattr(module, "__loader__", None)
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return fallback(module)
    try:
        source = get_source(module.__name__)
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return False  # as the original: a source it cannot read does not use PySide
    return source is not None and "PySide6" in source


def spare_sources() -> bool:
    """Install the uncached check; says whether it is in place (False when this PySide6
    has no such hook: nothing to spare). Call it once PySide6 is imported."""
    import PySide6  # noqa: F401  (loads shiboken's import hook and its feature module)

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if feature is None or original is None:
        return False
    if getattr(original, "spares_sources", False):
        return True

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    check.spares_sources = True  # type: ignore[attr-defined]
    setattr(feature, CHECK, check)
    log.debug("PySide6's import hook reads sources without caching them")
    return True
