"""``essplanner screenshot`` renders the views offscreen, and on a real X server (Xvfb)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import need

pytestmark = [pytest.mark.gui, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "essplanner", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("ESSPLANNER_DATABASE_URL", "ESSPLANNER_DATA_DIR")}
    env.update(extra)
    return env


def _colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull()
    step = max(1, image.width() // 60)
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def test_each_view_and_the_editor_is_rendered_offscreen(tmp_path: Path) -> None:
    env = _env(QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    data = ["--data-dir", str(tmp_path / "ws"), "--lang", "fr"]
    assert _cli(*data, "demo", "load", env=env).returncode == 0
    for view in ("month", "week", "agenda", "editor"):
        out = tmp_path / f"{view}.png"
        result = _cli(*data, "screenshot", "--view", view, "--size", "1000x700",
                      "--out", str(out), env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(out)
        image = QImage(str(out))
        assert image.height() == 700
        assert _colours(out) > 20  # a real picture: chips, text, icons
    assert _cli(*data, "screenshot", "--size", "big", "--out", str(tmp_path / "x.png"),
                env=env).returncode == 2


@pytest.mark.peer
def test_screenshots_under_xvfb_with_real_fonts(tmp_path: Path) -> None:
    need(shutil.which("Xvfb") is not None, "Xvfb is not installed")
    read_end, write_end = os.pipe()
    with subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24",
             "-nolisten", "tcp"], pass_fds=(write_end,), stderr=subprocess.DEVNULL) as xvfb:
        os.close(write_end)
        try:
            # Xvfb writes its display number once it accepts clients: a blocking read
            with os.fdopen(read_end) as pipe:
                display = pipe.readline().strip()
            assert display, "Xvfb did not start"
            env = _env(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
            data = ["--data-dir", str(tmp_path / "ws"), "--lang", "fr"]
            assert _cli(*data, "demo", "load", env=env).returncode == 0
            out = tmp_path / "month.png"
            result = _cli(*data, "screenshot", "--view", "month", "--out", str(out), env=env)
            assert result.returncode == 0, result.stderr
            assert QImage(str(out)).width() == 1280
            assert _colours(out) > 20
        finally:
            xvfb.terminate()
            xvfb.wait(timeout=10)
