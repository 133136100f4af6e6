"""Translation of user-facing messages, shared by the core and the plugins.

Source strings are English. ``tr("Image {n} has no alt text", n=2)`` returns the
French text when the language is French. Catalogs are registered per language;
third-party plugins may register their own with :func:`register_catalog`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

_lock = threading.Lock()
_language = "fr"
_catalogs: dict[str, dict[str, str]] = {}
_loaded_builtin = False


def register_catalog(language: str, catalog: Mapping[str, str]) -> None:
    with _lock:
        _catalogs.setdefault(language, {}).update(catalog)


def set_language(language: str) -> None:
    global _language  # noqa: PLW0603 - one process-wide language
    _language = language


def language() -> str:
    return _language


def _catalog(lang: str) -> dict[str, str]:
    global _loaded_builtin  # noqa: PLW0603 - lazy load of the built-in catalogs
    if not _loaded_builtin:
        import importlib
        import pkgutil

        import essplanner.publishers as package

        for info in pkgutil.iter_modules(package.__path__):
            if info.name.startswith("i18n_fr"):
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                register_catalog("fr", module.CATALOG)
        _loaded_builtin = True
    return _catalogs.get(lang, {})


def tr(text: str, /, **params: object) -> str:
    """``text`` in the current language, with ``params`` filled in."""
    if _language != "en":
        text = _catalog(_language).get(text, text)
    return text.format(**params) if params else text
