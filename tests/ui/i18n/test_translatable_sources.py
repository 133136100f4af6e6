"""Every Qt string is one lupdate can see: a literal text in ``tr()``/``translate()``, never
a call hidden inside an f-string (lupdate does not read f-strings: "Gaps and channel fit"
stayed English for that reason) nor a text built at run time."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "essplanner" / "ui"
WRAPPER = "# i18n: wrapper"


def _text_argument(call: ast.Call) -> ast.expr | None:
    """The source text of a Qt ``obj.tr(text, ...)`` or ``translate(context, text, ...)`` call
    (a bare ``tr()`` is the plugins' catalog, not Qt's; ``painter.translate(x, y)`` is not
    a translation: its first argument is not a context string)."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        return call.args[0] if call.args else None
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if (name == "translate" and len(call.args) >= 2 and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)):
        return call.args[1]
    return None


def hidden_strings(source: str, filename: str = "<source>") -> list[str]:
    """Where a translatable call cannot be collected: ``file:line: why``."""
    tree = ast.parse(source, filename)
    lines = source.splitlines()
    found: list[str] = []
    inside_fstring: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _text_argument(inner) is not None:
                    inside_fstring.add(id(inner))
                    found.append(f"{filename}:{inner.lineno}: tr() inside an f-string")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in inside_fstring:
            continue
        text = _text_argument(node)
        if text is None:
            continue
        if WRAPPER in lines[node.lineno - 1]:
            continue  # a helper that passes on texts lupdate collects at its call sites
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            kind = "an f-string" if isinstance(text, ast.JoinedStr) else "not a literal"
            found.append(f"{filename}:{node.lineno}: the text of tr() is {kind}")
    return found


def test_no_ui_string_is_hidden_from_lupdate() -> None:
    problems: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        problems += hidden_strings(path.read_text(encoding="utf-8"),
                                   str(path.relative_to(ROOT)))
    assert problems == []


def test_the_check_sees_tr_inside_an_fstring_and_built_texts() -> None:
    source = (
        "def f(self, n, name):\n"
        "    a = f\"<h2>{self.tr('Gaps and channel fit')}</h2>\"\n"
        "    b = self.tr(f'Hello {name}')\n"
        "    c = QCoreApplication.translate('Ctx', 'Fine')\n"
        "    d = QCoreApplication.translate('Ctx', name)\n"
        "    e = self.tr('Fine too')\n"
        "    painter.translate(0, -3)\n"
        "    g = QCoreApplication.translate('Ctx', text)  # i18n: wrapper\n"
    )
    found = hidden_strings(source)
    assert [line.split(":")[1] for line in found] == ["2", "3", "5"]
