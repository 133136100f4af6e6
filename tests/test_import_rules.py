"""The import rules of DESIGN.md §2, enforced."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "essplanner"
API_MODULES = {"base", "http", "registry", "text", "i18n", "i18n_fr", "__init__", "media"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_only_ui_and_app_import_qt() -> None:
    offenders = []
    for path in _modules():
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name == "app.py":
            continue
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path)):
            offenders.append(str(rel))
    assert offenders == []


def test_platform_modules_import_only_the_plugin_api() -> None:
    offenders = []
    for path in sorted((PACKAGE / "publishers").glob("*.py")):
        for name in _imports(path):
            if name.startswith("essplanner") and not name.startswith("essplanner.publishers"):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []


def _top_level_imports(path: Path) -> list[str]:
    """Imports run when the module is imported (not those inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_the_core_never_imports_the_ui() -> None:
    offenders = []
    for path in _modules():
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name == "app.py":
            continue
        # verb modules are the command line too: GUI verbs (report as PDF, dashboard
        # image) import the UI lazily, inside their handlers
        lazy_allowed = rel.parts[0] == "cli"
        for name in (_top_level_imports(path) if lazy_allowed else _imports(path)):
            if name.startswith(("essplanner.ui", "essplanner.app")):
                offenders.append(f"{rel}: {name}")
    # the command line opens the GUI through app.py, lazily, for GUI verbs only
    # (``essplanner`` itself in cli/main.py; verbs such as ``screenshot`` in cli/)
    allowed = [o for o in offenders if o.startswith("cli/")]
    assert [o for o in offenders if o not in allowed] == []


def test_the_rules_are_checked_against_real_files() -> None:
    assert any(p.name == "mainwindow.py" for p in _modules())
    assert "PySide6.QtWidgets" in _imports(PACKAGE / "ui" / "mainwindow.py")
