"""Find publishers through the ``essplanner.publishers`` entry points, loading each lazily.

Built-in platforms are declared in ESS Planner's own ``pyproject.toml`` exactly
like third-party ones. A plugin that fails to import or to build is reported
(:meth:`Registry.failures`) and never breaks the others.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from essplanner.publishers.base import Publisher
from essplanner.publishers.i18n import tr

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

log = logging.getLogger(__name__)

GROUP = "essplanner.publishers"


class PluginError(LookupError):
    """A platform is unknown or its plugin could not be loaded."""


@dataclass(frozen=True)
class PlatformInfo:
    platform: str
    display_name: str
    source: str  # the entry point's value, "module:attr"


class Registry:
    """Publishers by platform id. Thread-safe; each plugin is imported at most once."""

    def __init__(
        self,
        group: str = GROUP,
        *,
        extra: dict[str, Callable[[], Publisher]] | None = None,
        entry_point_source: Callable[[], Iterable[EntryPoint]] | None = None,
    ) -> None:
        self._group = group
        self._extra = dict(extra or {})
        self._source = entry_point_source or self._installed
        self._entry_points: dict[str, EntryPoint] | None = None
        self._loaded: dict[str, Publisher] = {}
        self._failures: dict[str, str] = {}
        self._lock = threading.RLock()

    def _installed(self) -> Iterable[EntryPoint]:
        # importlib.metadata brings the email package (about 2 MB): read when a platform
        # is first asked for, not when the app starts
        from importlib.metadata import entry_points

        return entry_points(group=self._group)

    def _points(self) -> dict[str, EntryPoint]:
        with self._lock:
            if self._entry_points is None:
                points: dict[str, EntryPoint] = {}
                for ep in self._source():
                    if ep.name in points and points[ep.name].value != ep.value:
                        log.warning("two plugins claim platform %r: %s and %s; using the first",
                                    ep.name, points[ep.name].value, ep.value)
                        continue
                    points.setdefault(ep.name, ep)
                self._entry_points = points
            return self._entry_points

    def platforms(self) -> list[str]:
        """Every platform id declared, loaded or not (no import happens)."""
        return sorted(set(self._points()) | set(self._extra))

    def register(self, platform: str, factory: Callable[[], Publisher]) -> None:
        """Add a publisher without an entry point (tests, embedding)."""
        with self._lock:
            self._extra[platform] = factory
            self._loaded.pop(platform, None)
            self._failures.pop(platform, None)

    def get(self, platform: str) -> Publisher:
        """The publisher for ``platform``, importing its plugin on first use."""
        with self._lock:
            if platform in self._loaded:
                return self._loaded[platform]
            if platform in self._failures:
                raise PluginError(self._failures[platform])
            factory: Callable[[], Publisher] | None = self._extra.get(platform)
            source = "registered"
            if factory is None:
                ep = self._points().get(platform)
                if ep is None:
                    raise PluginError(tr(
                        "No publisher for the platform {platform!r}. Known platforms: {known}.",
                        platform=platform, known=", ".join(self.platforms()) or "-",
                    ))
                source = ep.value
                try:
                    factory = ep.load()
                except Exception as exc:
                    return self._fail(platform, source, exc)
            try:
                publisher = factory()
                if not isinstance(publisher, Publisher):
                    raise TypeError(f"{source} does not implement the Publisher protocol")
            except Exception as exc:
                return self._fail(platform, source, exc)
            self._loaded[platform] = publisher
            return publisher

    def _fail(self, platform: str, source: str, exc: Exception) -> Publisher:
        message = tr(
            "The {platform} plugin ({source}) could not be loaded: {error}",
            platform=platform, source=source, error=f"{type(exc).__name__}: {exc}",
        )
        log.error("%s", message, exc_info=exc)
        self._failures[platform] = message
        raise PluginError(message) from exc

    def try_get(self, platform: str) -> Publisher | None:
        try:
            return self.get(platform)
        except PluginError:
            return None

    def available(self) -> list[PlatformInfo]:
        """Platforms whose plugin loads, with their display names (loads them all)."""
        infos = []
        for platform in self.platforms():
            publisher = self.try_get(platform)
            if publisher is not None:
                infos.append(PlatformInfo(platform, publisher.display_name, self._describe(platform)))
        return infos

    def _describe(self, platform: str) -> str:
        ep = self._points().get(platform)
        return ep.value if ep is not None else "registered"

    def failures(self) -> dict[str, str]:
        """Plugins that failed to load, with the reason (for the UI and ``account add``)."""
        with self._lock:
            return dict(self._failures)

