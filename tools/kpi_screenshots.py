#!/usr/bin/env python3
"""Pictures of the KPI features for the README, from the example workspace (French).

    .venv/bin/python tools/kpi_screenshots.py [OUT_DIR]

writes ``dashboard.png``, ``coverage.png`` and ``report-page1.png`` (the first page of the
board report, through ``pdftoppm`` from poppler-utils) into OUT_DIR (default
``docs/screenshots``). Runs offscreen: no display needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from essplanner.cli.main import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        base = ["--lang", "fr", "--data-dir", tmp]
        pdf = Path(tmp) / "rapport.pdf"
        for args in (["demo", "load"],
                     ["dashboard", "--out", str(out / "dashboard.png")],
                     ["report", "--out", str(pdf), "--org", "Énergie Solidaire"]):
            if cli([*base, *args]) != 0:
                return 1
        coverage(Path(tmp), out / "coverage.png")
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            print("pdftoppm (poppler-utils) is missing: no PNG of the report", file=sys.stderr)
            return 1
        subprocess.run([pdftoppm, "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(out / "report-page1")], check=True)
    print(f"written to {out}")
    return 0


def coverage(data_dir: Path, path: Path) -> None:
    from datetime import timedelta

    from PySide6.QtWidgets import QApplication

    from essplanner.domain import Period
    from essplanner.kpi.periods import DateRange, next_start, period_of
    from essplanner.settings import Paths
    from essplanner.ui.bridge import Bridge
    from essplanner.ui.kpi.coverage import CoverageWindow
    from essplanner.workspace import Workspace

    app = QApplication.instance() or QApplication(["essplanner"])
    assert app is not None
    ws = Workspace.open(paths=Paths.resolve(data_dir))
    try:
        window = CoverageWindow(ws, Bridge())
        # this month and the next: what is published, and what is not planned yet
        month = period_of(ws.kpis.today(), Period.MONTH)
        following = next_start(month.end, Period.MONTH) - timedelta(days=1)
        window.set_span(DateRange.inclusive(month.start, following))
        window.table.setCurrentIndex(window.model.index(-1, -1))
        window.resize(1400, 760)
        window.show()
        app.processEvents()
        window.grab().save(str(path), "PNG")
        window.close()
    finally:
        ws.close()


if __name__ == "__main__":
    sys.exit(main())
