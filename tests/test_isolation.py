"""The test session never writes into the user's own folders (tests/helpers/userdirs.py)."""

from __future__ import annotations

import os
from pathlib import Path

from essplanner.services.background import BackgroundPublishing
from essplanner.settings import Paths
from tests.conftest import USER_DIRS


def test_the_default_folders_and_the_login_entries_are_the_sessions() -> None:
    home = Path.home()
    assert not USER_DIRS.is_relative_to(home / ".config")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                     "XDG_RUNTIME_DIR"):
        assert Path(os.environ[variable]).is_relative_to(USER_DIRS), variable
    paths = Paths.resolve()
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
        assert folder.is_relative_to(USER_DIRS), folder
    # what the app does with background publishing on (the default), minus starting it
    background = BackgroundPublishing(paths, run=lambda args: (_ for _ in ()).throw(
        AssertionError(f"ran {args}")))
    assert background.method == "autostart"  # no systemd --user manager is ever driven
    assert background.autostart_file.is_relative_to(USER_DIRS)
    assert background.unit_file.is_relative_to(USER_DIRS)
