"""Fail a test on any unexpected WARNING-or-above log record from ESS Planner's loggers.

Like qutebrowser's ``tests/helpers/logfail.py``: a problem logged in passing (a listener
that failed, a plugin that did not load, a retry that should not happen) fails the test
that caused it instead of scrolling by. A test that expects such lines says so:

- ``@pytest.mark.expect_log(r"regex", ...)``: records whose message matches one of the
  patterns are expected (``logger=`` narrows to a logger and its children);
- the ``expect_log`` fixture: ``expect_log(r"regex")`` inside the test;
- a test that asks for ``caplog`` examines the records itself and is left alone.

Python warnings are already errors (``filterwarnings = ["error"]`` in pyproject.toml);
warnings that reach the ``py.warnings`` logger (``logging.captureWarnings``) count too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

WATCHED = ("essplanner", "py.warnings")
LEVEL = logging.WARNING


@dataclass
class _Expectation:
    pattern: re.Pattern[str]
    logger: str | None = None

    def matches(self, record: logging.LogRecord) -> bool:
        if self.logger is not None and not (record.name == self.logger
                                            or record.name.startswith(self.logger + ".")):
            return False
        return bool(self.pattern.search(record.getMessage()))


@dataclass
class LogFailHandler(logging.Handler):
    """Collects the records at or above WARNING that nobody expected."""

    expected: list[_Expectation] = field(default_factory=list)
    unexpected: list[logging.LogRecord] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(LEVEL)

    def __hash__(self) -> int:  # logging keeps handlers in sets and lists
        return id(self)

    def emit(self, record: logging.LogRecord) -> None:
        if not any(e.matches(record) for e in self.expected):
            self.unexpected.append(record)

    def expect(self, pattern: str, *, logger: str | None = None) -> None:
        self.expected.append(_Expectation(re.compile(pattern), logger))


_KEY = pytest.StashKey[LogFailHandler]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "expect_log(*patterns, logger=None): WARNING+ log lines this test expects")


def _handler(item: pytest.Item) -> LogFailHandler:
    handler = item.stash.get(_KEY, None)
    if handler is None:
        handler = LogFailHandler()
        for marker in item.iter_markers("expect_log"):
            for pattern in marker.args:
                handler.expect(pattern, logger=marker.kwargs.get("logger"))
        item.stash[_KEY] = handler
    return handler


def _check(item: pytest.Item, when: str) -> None:
    handler = _handler(item)
    if not handler.unexpected or "caplog" in getattr(item, "fixturenames", ()):
        handler.unexpected.clear()
        return
    lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in handler.unexpected)
    handler.unexpected.clear()
    pytest.fail(f"unexpected log lines during {when} (declare them with the expect_log "
                f"marker or fixture):\n{lines}", pytrace=False)


def _watched(handler: LogFailHandler, *, attach: bool) -> None:
    for name in WATCHED:
        logger = logging.getLogger(name)
        if attach:
            logger.addHandler(handler)
        else:
            logger.removeHandler(handler)


def _around(item: pytest.Item, when: str) -> Iterator[None]:
    handler = _handler(item)
    _watched(handler, attach=True)
    try:
        result = yield
    except BaseException:
        handler.unexpected.clear()  # the test failed already; that failure is the news
        raise
    finally:
        _watched(handler, attach=False)
    _check(item, when)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    return (yield from _around(item, "setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    return (yield from _around(item, "call"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    return (yield from _around(item, "teardown"))


@pytest.fixture
def expect_log(request: pytest.FixtureRequest) -> Callable[..., None]:
    """``expect_log(r"regex", logger="essplanner.x")``: this line is expected."""
    return _handler(request.node).expect
