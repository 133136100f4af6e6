"""A real Secret Service: gnome-keyring in a private D-Bus session (STACK.md §5)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import need
from tests.helpers.shifted import pythonpath

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("secret_service_roundtrip.py")


@pytest.mark.peer
def test_secrets_round_trip_through_gnome_keyring(tmp_path: Path, telegram) -> None:
    need(shutil.which("dbus-run-session") is not None, "dbus-run-session is not installed")
    need(shutil.which("gnome-keyring-daemon") is not None, "gnome-keyring is not installed")
    fake, url = telegram
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                        "PYTHON_KEYRING_BACKEND")}  # no GUI prompt may ever hang the test
    env.update(XDG_DATA_HOME=str(tmp_path / "xdg-data"),  # a fresh, throwaway login.keyring
               XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
               ESSPLANNER_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=pythonpath(ROOT), TELEGRAM_URL=url, TELEGRAM_TOKEN=fake.token)
    (tmp_path / "runtime").mkdir(mode=0o700)
    command = ("printf %s test-keyring-password | gnome-keyring-daemon --unlock "
               "--components=secrets >/dev/null && exec \"$0\" \"$1\"")
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", command, sys.executable, str(SCRIPT)],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line is not None, result.stdout + result.stderr
    found = json.loads(line.removeprefix("RESULT "))
    assert found["backend"] == "keyring.backends.SecretService"
    assert found["roundtrip"] is True
    assert found["vault"] == '{"accessJwt": "a", "refreshJwt": "r"}'
    assert found["after_delete"] == [None, None]
    assert found["add"] == 0 and found["stored"] is True
    assert found["check"] == 0  # logged in with the secret read back from the keyring
    assert found["remove"] == 0 and found["after_remove"] == [None, None]
    assert fake.token not in result.stdout.replace(line, "") + result.stderr
