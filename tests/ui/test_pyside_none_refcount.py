"""PySide6 6.12.0 drops a reference to None whenever C++ calls a Python data() returning None;
on Python 3.11 that aborts the app (docs/decisions/0013). pyproject.toml keeps PySide6 below
6.12; this test fails if an installed release leaks again."""

import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt


class Empty(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return None


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on Python 3.12+")
def test_none_survives_many_none_returns_through_cpp() -> None:
    model = Empty()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    for _ in range(20_000):  # far more than None's own count was when the app started
        index.data(Qt.ItemDataRole.DisplayRole)
    assert sys.getrefcount(None) > 1000
