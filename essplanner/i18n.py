"""Language of the core and the command line (the Qt UI adds Qt's own translators).

French is the product's default. Messages are written in English in the code and
translated with ``_("...")``, counts with ``n_("{n} post", "{n} posts", count)``;
``N_("...")`` marks a string translated later, where it is shown. The catalogs are
gettext's: ``essplanner/locale/<lang>/LC_MESSAGES/essplanner.po``, compiled to ``.mo``
(``make translations`` extracts the messages and updates them; see
docs/decisions/0015-gettext-catalogs.md). For a language other than the user's (the
board report), :func:`translator` gives a :class:`Translator` bound to it.
"""

from __future__ import annotations

import locale
import os

from essplanner.publishers import i18n as _shared
from essplanner.publishers.i18n import N_, Translator

__all__ = [
    "N_",
    "SUPPORTED",
    "Translator",
    "_",
    "language",
    "n_",
    "set_language",
    "system_language",
    "translator",
]

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


def _supported(lang: str | None) -> str:
    chosen = (lang or system_language()).lower()[:2]
    if chosen not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")
    return chosen


def set_language(lang: str | None) -> str:
    """Select the user's language (``fr`` or ``en``; None means the system's), once at
    start. Returns it."""
    chosen = _supported(lang)
    _shared.set_language(chosen)
    return chosen


def language() -> str:
    """The language of the messages: the active translator's, else the user's."""
    return _shared.language()


def translator(lang: str | None) -> Translator:
    """The messages in ``lang`` (None: the current language), to hand over or activate."""
    return _shared.translator(_supported(lang or language()))


def _(text: str, /, **params: object) -> str:
    """Translate ``text`` to the current language and fill in ``params``."""
    return _shared.tr(text, **params)


def n_(singular: str, plural: str, n: float, /, **params: object) -> str:
    """The form of a message for the count ``n``, filled in with ``n`` and ``params``."""
    return _shared.ntr(singular, plural, n, **params)
