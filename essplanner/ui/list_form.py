"""The layout the personas and objectives panels share: a list with New and Delete under
it, the selected item's form beside it, and Close at the bottom."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def lay_out_list_and_form(dialog: QDialog, *, list_view: QWidget, new_button: QPushButton,
                          delete_button: QPushButton, form: QFormLayout,
                          size: tuple[int, int]) -> QDialogButtonBox:
    """Arrange ``dialog``; returns its Close box, already wired to ``reject``."""
    left = QVBoxLayout()
    left.addWidget(list_view, 1)
    row = QHBoxLayout()
    row.addWidget(new_button)
    row.addWidget(delete_button)
    left.addLayout(row)
    body = QHBoxLayout()
    body.addLayout(left, 1)
    body.addLayout(form, 2)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    layout = QVBoxLayout(dialog)
    layout.addLayout(body, 1)
    layout.addWidget(close)
    dialog.resize(*size)
    close.rejected.connect(dialog.reject)
    return close
