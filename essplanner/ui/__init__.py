"""The desktop user interface (PySide6). Only this package and ``app.py`` import Qt."""
