"""The design card's layout holds: extraction stands alone, pages stay thin, data carries its source."""

from __future__ import annotations

import ast
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_extraction_imports_no_streamlit_store_or_ui() -> None:
    for path in (ROOT / "extraction").rglob("*.py"):
        bad = _imports(path) & {"streamlit", "store", "ui", "sqlalchemy"}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_pages_do_not_talk_to_the_database_directly() -> None:
    for path in (ROOT / "pages").glob("*.py"):
        assert "sqlalchemy" not in _imports(path), path.name


def test_every_data_table_names_its_source() -> None:
    tables = [p for p in (ROOT / "data").rglob("*.csv")]
    assert tables, "data/ holds the lexicons and the gazetteer"
    for path in tables:
        with path.open(encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert {"source", "note", "notes"} & set(header), f"{path.relative_to(ROOT)} has no source/note column"


def test_readme_gives_the_two_commands_first() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = text.index("make run")
    assert "make test" in text[first : first + 400]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_app_needs_nothing_from_shared_at_run_time() -> None:
    for folder in ("extraction", "store", "ui", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            assert "shared/" not in path.read_text(encoding="utf-8"), path
    assert "shared/" not in (ROOT / "app.py").read_text(encoding="utf-8")
