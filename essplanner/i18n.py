"""Language of the core and the command line (the Qt UI adds Qt's own translators).

French is the product's default. Messages are written in English in the code
and translated with ``_("...")``; the French catalogs of the core live in
:mod:`essplanner.locale`, the plugins' ones in ``essplanner/publishers/i18n_fr*.py``.
"""

from __future__ import annotations

import locale
import os

from essplanner.publishers import i18n as _shared

SUPPORTED = ("fr", "en")


def system_language() -> str:
    """The language the user's environment asks for, among the supported ones."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8", "C.utf8"):
            code = value.split(":")[0][:2].lower()
            return code if code in SUPPORTED else "fr"
    code = (locale.getlocale()[0] or "")[:2].lower()
    return code if code in SUPPORTED else "fr"


def set_language(lang: str | None) -> str:
    """Select the language (``fr`` or ``en``; None means the system's). Returns it."""
    chosen = (lang or system_language()).lower()[:2]
    if chosen not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")
    _ensure_catalog()
    _shared.set_language(chosen)
    return chosen


def language() -> str:
    return _shared.language()


_registered = False


def _ensure_catalog() -> None:
    global _registered  # noqa: PLW0603 - register the core catalog once
    if not _registered:
        from essplanner import locale as catalogs

        _shared.register_catalog("fr", catalogs.load("fr"))
        _registered = True


def _(text: str, /, **params: object) -> str:
    """Translate ``text`` to the current language and fill in ``params``."""
    _ensure_catalog()
    return _shared.tr(text, **params)
