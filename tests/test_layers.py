"""The layering rules of DEVELOPERS.md, checked on the source: data flows one way
(files -> etl -> store -> components -> pages) over the shared vocabulary in domain/.

A rule broken here is a dependency a reader would not expect, so each failure names the file,
the line and the import."""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("etl", "store", "components", "pages", "exports", "demo", "app", "settings")   # what domain/ may not import (it imports itself)
DASH = ("dash", "dash_ag_grid", "dash_bootstrap_components", "plotly", "flask")
SQL_TEXT = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|CREATE\s+TABLE|DELETE\s+FROM)\b", re.S)   # upper case: SQL as written, not prose


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level module) of every import in a file, including those inside functions."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name.split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append((node.lineno, node.module.split(".")[0]))
    return out


def modules(*folders: str) -> list[Path]:
    return [p for f in folders for p in sorted((ROOT / f).rglob("*.py"))]


def offending(folders: tuple[str, ...], banned: tuple[str, ...]) -> list[str]:
    return [f"{p.relative_to(ROOT)}:{line} imports {mod}"
            for p in modules(*folders) for line, mod in imports(p) if mod in banned]


def test_store_components_and_pages_do_not_import_etl():
    assert offending(("store", "components", "pages"), ("etl",)) == []


def test_etl_store_domain_and_exports_import_no_dash():
    assert offending(("etl", "store", "domain", "exports"), DASH) == []


def test_exports_read_the_store_not_the_interface():
    """Briefs and reports are built from store reads and domain words, so the CLI and the web
    route give the same file without loading the Dash interface."""
    assert offending(("exports",), ("components", "pages", "app", "etl")) == []


def test_domain_imports_nothing_of_the_project():
    assert offending(("domain",), PROJECT) == []


def test_no_sql_in_pages_or_components():
    found = offending(("pages", "components"), ("sqlalchemy", "duckdb", "psycopg"))
    for p in modules("pages", "components"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.search(node.value):
                found.append(f"{p.relative_to(ROOT)}:{node.lineno} holds SQL text")
    assert found == []


@pytest.mark.parametrize("rule", [
    (("store",), ("etl",), "from etl.load import load_file\n"),
    (("domain",), PROJECT, "import settings\n"),
])
def test_the_checks_see_a_violation(rule, tmp_path, monkeypatch):
    """The checks above are not vacuous: a planted import is reported."""
    folders, banned, source = rule
    planted = tmp_path / folders[0]
    planted.mkdir()
    (planted / "planted.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert offending(folders, banned) == [f"{folders[0]}/planted.py:1 imports {source.split()[1].split('.')[0]}"]


def test_the_sql_check_sees_sql_text():
    assert SQL_TEXT.search('"SELECT fiscal_year FROM budget_line"')
    assert not SQL_TEXT.search('"Select a year from the list"')
