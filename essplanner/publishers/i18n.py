"""Translation of user-facing messages with gettext, shared by the core and the plugins.

Source strings are English; translations are gettext catalogs (``.po`` compiled to
``.mo``) in ``<localedir>/<language>/LC_MESSAGES/<domain>.mo``. The text is looked up
first, then filled in: ``tr("Image {n} has no alt text", n=2)``. A count picks its
plural form from the catalog: ``ntr("{n} image", "{n} images", count)`` (``n`` is
filled in with the count unless given). ``N_("...")`` marks a string that is
translated later, where it is shown (a field label, a reason kept in a table).

The built-in platforms share the core's domain, ``essplanner`` (:data:`tr`, :data:`ntr`).
A third-party plugin ships its own catalogs and gets its own functions::

    _messages = translator_for("essplanner_myplugin", Path(__file__).parent / "locale")
    tr, ntr = _messages.gettext, _messages.ngettext

The language is the user's, chosen once at start (:func:`set_language`). Where a
message is wanted in another language (the board report in English for a funder),
a :class:`Translator` is bound to that language and handed over; its
:meth:`Translator.active` block switches the current thread only (a context
variable), never the scheduler threads that translate at the same time.
"""

from __future__ import annotations

import gettext
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

DOMAIN = "essplanner"

_language = "fr"
# the language of the current thread's (or task's) messages, while a Translator is active
_context_language: ContextVar[str | None] = ContextVar("essplanner_language", default=None)


def set_language(language: str) -> None:
    """The user's language for the whole process: set once, at start."""
    global _language  # noqa: PLW0603 - one process-wide language, set at start
    _language = language


def language() -> str:
    """The language of messages here: the active translator's, else the user's."""
    return _context_language.get() or _language


def N_(text: str, /) -> str:
    """Mark ``text`` for extraction; it is translated later, where it is shown."""
    return text


def _fill(text: str, params: Mapping[str, object]) -> str:
    return text.format(**params) if params else text


class Translator:
    """The messages of one domain in one language (thread-safe: it is read-only)."""

    def __init__(self, language: str, catalog: gettext.NullTranslations) -> None:
        self.language = language
        self._catalog = catalog

    def gettext(self, text: str, /, **params: object) -> str:
        """``text`` in this language, with ``params`` filled in."""
        return _fill(self._catalog.gettext(text), params)

    def ngettext(self, singular: str, plural: str, n: float, /, **params: object) -> str:
        """The form for ``n`` (the language's plural rule; a fraction is rounded to pick
        it), filled in with ``n`` and ``params`` (``n=...`` shows the count formatted)."""
        form = self._catalog.ngettext(singular, plural, n if isinstance(n, int) else round(n))
        return _fill(form, {"n": n, **params})

    def messages(self) -> Mapping[str, str]:
        """Source text -> translation, for the singular messages of this catalog."""
        catalog: dict[object, str] = getattr(self._catalog, "_catalog", {})
        return {k: v for k, v in catalog.items() if isinstance(k, str) and k}

    @contextmanager
    def active(self) -> Iterator[Translator]:
        """Messages of every domain in this language inside the block, in this thread only."""
        token = _context_language.set(self.language)
        try:
            yield self
        finally:
            _context_language.reset(token)


class Domain:
    """A gettext domain: its catalogs, loaded once per language, and the current language's
    functions :meth:`gettext` and :meth:`ngettext`."""

    def __init__(self, name: str, localedir: Path) -> None:
        self.name = name
        self.localedir = localedir
        self._lock = threading.Lock()
        self._translators: dict[str, Translator] = {}

    def translator(self, language: str) -> Translator:
        """This domain's messages in ``language`` (English source text where none)."""
        found = self._translators.get(language)
        if found is None:
            with self._lock:
                found = self._translators.get(language)
                if found is None:
                    catalog = gettext.translation(self.name, str(self.localedir),
                                                  languages=[language], fallback=True)
                    found = self._translators[language] = Translator(language, catalog)
        return found

    def gettext(self, text: str, /, **params: object) -> str:
        return self.translator(language()).gettext(text, **params)

    def ngettext(self, singular: str, plural: str, n: float, /, **params: object) -> str:
        return self.translator(language()).ngettext(singular, plural, n, **params)


def translator_for(domain: str, localedir: Path | str) -> Domain:
    """The messages of a plugin that ships ``<localedir>/<lang>/LC_MESSAGES/<domain>.mo``."""
    return Domain(domain, Path(localedir))


def _core_localedir() -> Path:
    """``essplanner/locale`` (also inside an installed wheel), wherever this module sits in
    the package. (Not importlib.resources: it would cost the start-up some 10 ms.)"""
    package = sys.modules[__name__.partition(".")[0]]  # imported before any of its modules
    return Path(package.__file__ or ".").resolve().parent / "locale"


CORE = Domain(DOMAIN, _core_localedir())
tr = CORE.gettext
ntr = CORE.ngettext


def translator(language: str) -> Translator:
    """The core's (and built-in platforms') messages bound to ``language``."""
    return CORE.translator(language)


def _catalog(language: str) -> Mapping[str, str]:
    """The core catalog's singular messages in ``language`` (for tests of tables of
    messages translated where shown)."""
    return CORE.translator(language).messages()
