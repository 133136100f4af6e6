"""Render the main window (month, week, agenda) or the editor to a PNG, for docs and tests."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from essplanner.timeutil import day_bounds
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.translations import install_translators
from essplanner.workspace import Workspace


def take(ws: Workspace, *, view: str, day: date | None, out: Path, lang: str,
         size: tuple[int, int], post_id: int | None = None) -> bool:
    """Show ``view`` around ``day`` and save the window (or the editor) as ``out``."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from PySide6.QtCore import QLocale

    locale = QLocale()
    translators = install_translators(app, lang)
    bridge = Bridge()
    ws.subscribe(bridge.emit_change)
    window = MainWindow(ws, bridge)
    window.resize(*size)
    window.move(0, 0)
    day = day or window.anchor
    window.set_view(view if view != "editor" else "month", day)
    window.show()
    app.processEvents()
    window.after_first_paint()
    target: QWidget = window
    if view == "editor":
        target = _open_editor(window, day, post_id)
        target.resize(min(size[0], 1180), size[1])
        target.move(0, 0)
        target.show()
    for _round in range(3):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = target.grab().save(str(out), "PNG")
    for editor in list(window.editors):
        editor.dirty = False
        editor.close()
    window.close()
    for translator in translators:
        app.removeTranslator(translator)  # type: ignore[arg-type]
    QLocale.setDefault(locale)
    return saved


def _open_editor(window: MainWindow, day: date, post_id: int | None) -> QWidget:
    if post_id is None:
        found = window.ws.calendar.entries(*day_bounds(day, window.zone))
        post_id = found[0].post_id if found else None
    if post_id is None:
        window.new_post(day=day)
    else:
        window.open_post(post_id)
    editor = window.editors[-1]
    editor.refresh()
    return editor
