"""The user's folders, moved into a throwaway folder for the whole test session.

Background publishing is on by default: a test that runs the whole app could start a
real ``essplanner service`` and write its login entry (``~/.config/autostart`` or a
``systemd --user`` unit), and anything using the default data folder would write into
the developer's own ESS Planner data. Every XDG folder platformdirs and
:mod:`essplanner.services.background` read is pointed at a per-session temporary
folder before anything looks at them; child processes inherit it. ``HOME`` stays: the
keyring and D-Bus setup of some tests reads it. ``XDG_RUNTIME_DIR`` moves too, so that
no test finds (and drives) the real ``systemd --user`` manager of the session.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

#: XDG variable -> folder name inside the session's folder
FOLDERS = {
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_CACHE_HOME": "cache",
    "XDG_RUNTIME_DIR": "runtime",
}


def environment() -> dict[str, str]:
    """A new temporary folder (removed at exit) with one folder per XDG variable: the
    variables to set, and ``ESSPLANNER_TEST_USER_DIRS``, the folder itself."""
    root = Path(tempfile.mkdtemp(prefix="essplanner-tests-home-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    found = {"ESSPLANNER_TEST_USER_DIRS": str(root)}
    for variable, name in FOLDERS.items():
        folder = root / name
        folder.mkdir(mode=0o700)
        found[variable] = str(folder)
    return found
