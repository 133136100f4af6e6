"""The import rules of docs/ARCHITECTURE.md (and DESIGN.md §2), enforced by reading the code.

The graph comes from :mod:`tests.helpers.importgraph` (``ast``, nothing is imported).
Cycles count **both module-level and function-level imports** (a lazy import inside a
function is still a dependency); imports under ``if TYPE_CHECKING:`` do not count (they
never run). The other rules look at every import, lazy ones included, except where a
test says otherwise.
"""

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.helpers.importgraph import Edge, cycles, edges, graph, import_nodes, modules

PACKAGE = Path(__file__).parents[1] / "essplanner"

#: the plugin API: what a platform module may import
PLUGIN_API = frozenset(f"essplanner.publishers{suffix}" for suffix in (
    "", ".base", ".errors", ".rules", ".validation", ".http", ".registry", ".text", ".media",
    ".oauth", ".state", ".i18n", ".chunks"))
#: platform modules and families
PLATFORMS = ("essplanner.publishers.dryrun", "essplanner.publishers.mastodon",
             "essplanner.publishers.telegram", "essplanner.publishers.bluesky",
             "essplanner.publishers.meta", "essplanner.publishers.x",
             "essplanner.publishers.linkedin", "essplanner.publishers.pinterest",
             "essplanner.publishers.youtube", "essplanner.publishers.tiktok")
#: what the UI reaches only through the services and the workspace
UI_FORBIDDEN = ("essplanner.storage", "essplanner.models", "essplanner.repositories",
                "essplanner.migrations", "sqlalchemy", "alembic")
#: the example workspace is made through the services, like anything a user makes
DEMO_FORBIDDEN = UI_FORBIDDEN


def _raw_imports(path: Path, *, lazy: bool = True) -> list[str]:
    """Every absolute module name imported (third-party ones too), TYPE_CHECKING left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node, inside_function in import_nodes(tree):
        if inside_function and not lazy:
            continue
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif node.module and node.level == 0:
            names.extend([node.module] + [f"{node.module}.{a.name}" for a in node.names])
    return names


def _within(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# ---------------------------------------------------------------- the rules ---


def import_cycles(all_edges: list[Edge]) -> list[list[str]]:
    return cycles(graph(all_edges, lazy=True))


def ui_offenders(package: Path) -> list[str]:
    found = []
    for name, path in modules(package).items():
        if not _within(name, ["essplanner.ui"]):
            continue
        for imported in _raw_imports(path):
            if _within(imported, UI_FORBIDDEN) or imported == "essplanner.app":
                found.append(f"{name}: {imported}")
    return found


def demo_offenders(package: Path) -> list[str]:
    return [f"{name}: {imported}" for name, path in modules(package).items()
            if _within(name, ["essplanner.demo"])
            for imported in _raw_imports(path) if _within(imported, DEMO_FORBIDDEN)]


def app_importers(package: Path) -> list[str]:
    return [f"{name}: essplanner.app" for name, path in modules(package).items()
            if name != "essplanner.app" and not _within(name, ["essplanner.cli"])
            and "essplanner.app" in _raw_imports(path)]


def platform_offenders(package: Path) -> list[str]:
    found = []
    for name, path in modules(package).items():
        family = next((p for p in PLATFORMS if _within(name, [p])), None)
        if family is None:
            continue
        for imported in _raw_imports(path):
            if imported.startswith("essplanner") and not (
                    imported in PLUGIN_API or _within(imported, [family])
                    or imported.rpartition(".")[0] in PLUGIN_API - {"essplanner.publishers"}):
                found.append(f"{name}: {imported}")
    return sorted(set(found))


# ---------------------------------------------------------------- on the code ---


def test_no_import_cycles() -> None:
    assert import_cycles(edges(PACKAGE)) == []


def test_ui_reaches_the_database_only_through_the_services() -> None:
    assert ui_offenders(PACKAGE) == []


def test_the_example_workspace_is_made_through_the_services() -> None:
    assert demo_offenders(PACKAGE) == []


def test_nothing_imports_the_composition_root() -> None:
    """Only the command line opens the desktop app (``essplanner`` and GUI verbs, lazily)."""
    assert app_importers(PACKAGE) == []
    for name, path in modules(PACKAGE).items():
        if _within(name, ["essplanner.cli"]):
            assert "essplanner.app" not in _raw_imports(path, lazy=False), name


def test_platform_modules_import_only_the_plugin_api() -> None:
    assert platform_offenders(PACKAGE) == []


def test_only_ui_and_app_import_qt() -> None:
    offenders = []
    for name, path in modules(PACKAGE).items():
        if _within(name, ["essplanner.ui", "essplanner.app"]):
            continue
        if any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in _raw_imports(path)):
            offenders.append(name)
    assert offenders == []


def test_the_core_never_imports_the_ui() -> None:
    offenders = []
    for name, path in modules(PACKAGE).items():
        if _within(name, ["essplanner.ui", "essplanner.app"]):
            continue
        # verb modules are the command line too: GUI verbs (report as PDF, dashboard
        # image, screenshot) import the UI lazily, inside their handlers
        lazy_allowed = _within(name, ["essplanner.cli"])
        for imported in _raw_imports(path, lazy=not lazy_allowed):
            if _within(imported, ["essplanner.ui"]):
                offenders.append(f"{name}: {imported}")
    assert offenders == []


def test_the_rules_are_checked_against_real_files() -> None:
    names = modules(PACKAGE)
    assert "essplanner.ui.mainwindow" in names and "essplanner.publishers.meta.facebook" in names
    assert "PySide6.QtWidgets" in _raw_imports(names["essplanner.ui.mainwindow"])
    assert any(e.lazy for e in edges(PACKAGE)) and any(not e.lazy for e in edges(PACKAGE))


# ---------------------------------------------------------------- planted violations ---


def _plant(root: Path, files: dict[str, str]) -> Path:
    package = root / "essplanner"
    for rel, text in {"__init__.py": "", **files}.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


@pytest.mark.parametrize("lazy", [False, True])
def test_a_planted_cycle_is_found(tmp_path: Path, lazy: bool) -> None:
    back = ("def later():\n    from essplanner import a\n" if lazy
            else "from essplanner import a\n")
    package = _plant(tmp_path, {"a.py": "import essplanner.b\n", "b.py": back,
                                "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                        "    import essplanner.a\n",
                                "d.py": "from typing import TYPE_CHECKING\nimport essplanner.c\n"})
    assert import_cycles(edges(package)) == [["essplanner.a", "essplanner.b"]]
    # a TYPE_CHECKING import is no cycle
    (package / "a.py").write_text("import essplanner.d\n", encoding="utf-8")
    (package / "b.py").write_text("", encoding="utf-8")
    assert import_cycles(edges(package)) == []


def test_planted_ui_violations_are_found(tmp_path: Path) -> None:
    package = _plant(tmp_path, {
        "ui/__init__.py": "",
        "ui/view.py": "def load():\n    from essplanner.storage import Database\n",
        "ui/orm.py": "import sqlalchemy\n",
        "ui/root.py": "def f():\n    from essplanner import app\n",
        "ui/fine.py": "from essplanner.services.calendar_reader import CalendarReader\n",
        "kpi/__init__.py": "", "kpi/bad.py": "import essplanner.app\n",
    })
    assert sorted(ui_offenders(package)) == [
        "essplanner.ui.orm: sqlalchemy", "essplanner.ui.root: essplanner.app",
        "essplanner.ui.view: essplanner.storage", "essplanner.ui.view: essplanner.storage.Database"]
    assert app_importers(package) == ["essplanner.kpi.bad: essplanner.app",
                                      "essplanner.ui.root: essplanner.app"]


def test_planted_demo_violations_are_found(tmp_path: Path) -> None:
    package = _plant(tmp_path, {
        "demo/__init__.py": "",
        "demo/loader.py": "from essplanner import models\n",
        "demo/measures.py": "def add():\n    from sqlalchemy.orm import Session\n",
        "demo/fine.py": "from essplanner.kpi.service import OutcomeInput\n",
        "kpi/__init__.py": "", "kpi/service.py": "from essplanner import models\n",
    })
    assert sorted(demo_offenders(package)) == [
        "essplanner.demo.loader: essplanner.models",
        "essplanner.demo.measures: sqlalchemy.orm",
        "essplanner.demo.measures: sqlalchemy.orm.Session"]


def test_a_planted_platform_violation_is_found(tmp_path: Path) -> None:
    package = _plant(tmp_path, {
        "publishers/__init__.py": "", "publishers/meta/__init__.py": "",
        "publishers/meta/graph.py": "from essplanner.publishers.errors import AuthError\n",
        "publishers/meta/threads.py": "from essplanner.publishers.meta.graph import G\n"
                                      "from essplanner.publishers import rules\n",
        "publishers/telegram.py": "def f():\n    from essplanner.workspace import Workspace\n",
        "publishers/mastodon.py": "from essplanner.publishers.meta import graph\n",
    })
    assert platform_offenders(package) == [
        "essplanner.publishers.mastodon: essplanner.publishers.meta",
        "essplanner.publishers.mastodon: essplanner.publishers.meta.graph",
        "essplanner.publishers.telegram: essplanner.workspace",
        "essplanner.publishers.telegram: essplanner.workspace.Workspace",
    ]
