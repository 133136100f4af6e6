"""The desktop user interface (PySide6). Only this package and ``app.py`` import Qt."""

from essplanner.ui import none_guard as _none_guard  # first: see the module's docstring

__all__ = ["_none_guard"]
