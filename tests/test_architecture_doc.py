"""docs/ARCHITECTURE.md names only packages and modules that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
DOC = ROOT / "docs" / "ARCHITECTURE.md"


def packages_in(text: str) -> list[str]:
    """The dotted names that start each line of the "Packages" list."""
    section = text.split("## Packages", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- `(essplanner(?:\.\w+)*)`", section, flags=re.MULTILINE)


def members_in(text: str) -> list[tuple[str, str]]:
    """(package, module) for the backticked names after each package's dash."""
    found = []
    for line in text.split("## Packages", 1)[1].split("\n## ", 1)[0].splitlines():
        head = re.match(r"^- `(essplanner(?:\.\w+)*)` — (.*)$", line)
        if head:
            found += [(head.group(1), name) for name in re.findall(r"`(\w+)`", head.group(2))]
    return found


def _exists(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return (path / "__init__.py").is_file() or path.with_suffix(".py").is_file()


def test_every_package_named_exists() -> None:
    names = packages_in(DOC.read_text(encoding="utf-8"))
    assert len(names) >= 15
    assert [n for n in names if not _exists(n)] == []


def test_every_module_named_in_a_package_line_exists() -> None:
    members = members_in(DOC.read_text(encoding="utf-8"))
    # class names (Service, KpiService) and the entry point are not modules
    modules = [(p, m) for p, m in members if m.islower() and m != "essplanner"]
    assert len(modules) >= 50
    assert [f"{p}.{m}" for p, m in modules if not _exists(f"{p}.{m}")] == []


def test_every_package_in_the_code_is_in_the_doc() -> None:
    named = set(packages_in(DOC.read_text(encoding="utf-8")))
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "essplanner").rglob("__init__.py")}
    missing = {c for c in code if c not in named and not c.startswith(
        ("essplanner.locale", "essplanner.migrations."))}
    assert missing == set()


def test_the_parser_finds_a_missing_package() -> None:
    text = "## Packages\n- `essplanner.nowhere` — gone: `ghost`\n- `essplanner.kpi` — `periods`\n"
    assert packages_in(text) == ["essplanner.nowhere", "essplanner.kpi"]
    assert [n for n in packages_in(text) if not _exists(n)] == ["essplanner.nowhere"]
    assert members_in(text) == [("essplanner.nowhere", "ghost"), ("essplanner.kpi", "periods")]
