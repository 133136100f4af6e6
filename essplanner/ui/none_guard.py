"""Work around a PySide6 6.12.0 bug that would abort the app: None losing its references.

Each time C++ calls a Python ``data()`` override (a view painting, a proxy model
reading its source) that returns None — Qt's "no value" — PySide6 6.12.0 drops one
reference to None too many. Before Python 3.12 None is an ordinary object: after a
few thousand such calls its count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc". Every item model returns None for the roles it
does not answer, so a real session hits this within minutes. PySide6 6.11.3 does
not have the bug; on Python 3.12 and later None is immortal and nothing happens.

When the bug is detected, None gets a reference count that cannot be used up,
which is exactly what Python 3.12 does for its immortal objects. Remove this
module once the installed PySide6 no longer leaks (tests/ui/test_none_guard.py
says when).
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

#: references given to None: ~10^12 calls of a leaking data() before any risk
RESERVE = 1 << 40


def leaks_none() -> bool:
    """Whether a Python ``data()`` returning None through C++ drops a reference to None."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

    class Probe(QAbstractListModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
                     ) -> int:
            return 0 if parent.isValid() else 1

        def data(self, index: QModelIndex | QPersistentModelIndex,
                 role: int = Qt.ItemDataRole.DisplayRole) -> object:
            return None

    probe = Probe()
    index = probe.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(16):
        index.data(Qt.ItemDataRole.UserRole)  # C++ QModelIndex::data -> Python data()
    return sys.getrefcount(None) <= before - 8


#: PySide6 releases known to leak (checked by tests/ui/test_none_guard.py with leaks_none,
#: which is too slow for every start-up: it builds a model class)
LEAKING = ((6, 12),)


def protect_none() -> bool:
    """Make None's reference count inexhaustible if this PySide6 leaks it. True if done."""
    import PySide6

    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if tuple(PySide6.__version_info__[:2]) not in LEAKING:
        return False
    # CPython's object header starts with the reference count (Py_ssize_t).
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
    log.info("PySide6 leaks references to None (PySide6 6.12.0 bug): None made immortal")
    return True


protected = protect_none()
