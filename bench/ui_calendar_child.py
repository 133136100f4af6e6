"""Run in a fresh process by bench/ui_calendar.py (``python -m bench.ui_calendar_child MODE ...``).

- ``month DATA_DIR... REPEAT``: open the month view of each workspace in turn and paint
  it, REPEAT rounds; prints JSON with every time (seconds), per workspace. Qt is warmed up
  first (a throwaway painted widget), so what is measured is the calendar: its query, its
  models, its views and their paint.
- ``bare [stay]``: a bare PySide6 window; prints FIRST_PAINT after its first paint (the
  start-up baseline) and quits, or with ``stay`` keeps running (the memory baseline).
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def month(data_dirs: list[str], repeat: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QLabel

    from essplanner.credentials import MemoryStore
    from essplanner.settings import Paths
    from essplanner.ui.bridge import Bridge
    from essplanner.ui.mainwindow import MainWindow
    from essplanner.workspace import Workspace

    app = QApplication(sys.argv[:1])
    warm = QLabel("Qt warm-up: fonts, styles, paint engine")
    warm.grab()
    workspaces = [Workspace.open(paths=Paths.resolve(d), secrets=MemoryStore())
                  for d in data_dirs]
    times: list[list[float]] = [[] for _ in workspaces]
    chips = [0 for _ in workspaces]
    for _ in range(repeat):
        # the workspaces take turns: a slower moment of the machine falls on each alike
        for i, ws in enumerate(workspaces):
            start = time.perf_counter()
            window = MainWindow(ws, Bridge())
            window.resize(1280, 820)
            window.show()
            window.month_view.grab()  # lays out and paints every day cell and chip
            times[i].append(time.perf_counter() - start)
            chips[i] = sum(len(window.month_model.chips_on(window.month_model.date_at(r, c)))
                           for r in range(6) for c in range(7))
            window.close()
            window.deleteLater()
            app.processEvents()
            # processEvents() leaves deferred deletes alone: without this, every closed
            # window (its models, its posts) would stay alive into the next measurement
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for ws in workspaces:
        ws.close()
    print(json.dumps({"times": times, "chips": chips}))


def bare(stay: bool = False) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1280, 820)

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        print("FIRST_PAINT", flush=True)
        if not stay:
            app.quit()

    probe = Probe()
    window.centralWidget().installEventFilter(probe)
    window.show()
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "month":
        month(sys.argv[2:-1], int(sys.argv[-1]))
    else:
        bare(stay=sys.argv[2:] == ["stay"])
