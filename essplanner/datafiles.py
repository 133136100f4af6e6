"""Reading the product's own data files (TOML shipped inside the package).

The example workspace (``demo/data``) and the guide's templates (``services/guide``) are
written as TOML by people, not code. :class:`Table` reads one table field by field: a
missing, unknown or ill-typed field is a :class:`DataError` naming the file and the
entry, so a mistake in a file never becomes a wrong workspace.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from importlib.resources.abc import Traversable
from typing import Any, TypeVar


class DataError(ValueError):
    """A shipped data file is wrong (the message names the file and the entry)."""


_KINDS: dict[type[Any], str] = {str: "a text", int: "a whole number", float: "a number",
                                bool: "true or false", list: "a list", dict: "a table"}


def read_toml(file: Traversable, where: str) -> Table:
    """The whole of ``file`` as a table; ``where`` names it in error messages."""
    try:
        return Table(tomllib.loads(file.read_text(encoding="utf-8")), where)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{where}: {exc}") from exc


class Table:
    """One table of a file, read field by field; unknown and missing fields are errors."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise DataError(f"{where}: a table was expected")
        self.data: dict[str, Any] = data
        self.where = where
        self.used: set[str] = set()

    def get(self, key: str, kind: type[Any], default: Any = ...) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is ...:
                raise DataError(f"{self.where}: {key} is missing")
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise DataError(f"{self.where}: {key} must be {_KINDS[kind]}")
        return value

    def words(self, key: str, default: Any = ...) -> tuple[str, ...]:
        values = self.get(key, list, default)
        if not all(isinstance(v, str) for v in values):
            raise DataError(f"{self.where}: {key} must be a list of texts")
        return tuple(values)

    def tables(self, key: str) -> list[Table]:
        return [Table(item, f"{self.where} {key} {n}")
                for n, item in enumerate(self.get(key, list), start=1)]

    def table(self, key: str) -> Table:
        return Table(self.get(key, dict), f"{self.where} {key}")

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise DataError(f"{self.where}: unknown field {', '.join(unknown)}")


_E = TypeVar("_E", bound=StrEnum)


def choice(table: Table, key: str, enum: type[_E], default: Any = ...) -> _E:
    """A field whose value is one of ``enum``'s."""
    value = table.get(key, str, default)
    if value is default:
        return value  # type: ignore[no-any-return]
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(e.value for e in enum)
        raise DataError(f"{table.where}: {key} {value!r} is not one of {known}") from None


def unique(names: list[str], where: str) -> None:
    """Refuse a name given twice."""
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise DataError(f"{where}: {', '.join(twice)} more than once")
