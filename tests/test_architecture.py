"""The app import direction is the one docs/architecture.md's table states."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "samenspel"
APPS = [
    "core", "organisations", "accounts", "web", "jobs", "agenda", "finance", "capacity",
    "decisions", "meetings", "reports", "demo", "api", "notifications", "opendata",
]  # fmt: skip


def documented_imports() -> dict[str, set[str]]:
    """Each app's row of the table: the apps named in its "imports" column."""
    table = {}
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for app, cell in re.findall(r"^\| `(\w+)` \|.*\| ([^|]+) \|$", text, flags=re.MULTILINE):
        named = set(re.findall(r"\b(" + "|".join(APPS) + r")\b", cell))
        table[app] = set(APPS) - {app} if cell.strip() == "everything" else named
    return table


def actual_imports(app: str) -> dict[str, set[str]]:
    """Other apps this app imports, with the modules that do it (tests, migrations aside)."""
    found: dict[str, set[str]] = {}
    for path in (PACKAGE / app).rglob("*.py"):
        if {"tests", "migrations"} & set(path.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "samenspel" and len(parts) > 1 and parts[1] != app:
                    found.setdefault(parts[1], set()).add(str(path.relative_to(PACKAGE)))
    return found


def test_the_table_has_a_row_for_every_app():
    assert sorted(documented_imports()) == sorted(APPS)


def test_every_app_imports_only_what_its_row_names():
    table = documented_imports()
    wrong = {
        app: {other: sorted(where) for other, where in actual_imports(app).items()}
        for app in APPS
        if set(actual_imports(app)) - table[app]
    }
    assert wrong == {}


def test_the_check_sees_imports():
    # reports reads every other app; a parser that saw nothing would pass the test above.
    assert {"agenda", "decisions", "meetings"} <= set(actual_imports("reports"))
