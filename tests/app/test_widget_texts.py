"""Streamlit's own English widget texts are replaced in the reader's language (AppTest)."""

from __future__ import annotations

from tests.app.conftest import open_page


def _styles(at) -> str:
    return "\n".join(str(element.proto.body) for element in at.get("html"))


def test_the_uploader_and_the_form_hint_speak_chinese(app_db, monkeypatch):
    monkeypatch.setenv("MUSEUM_MAX_UPLOAD_MB", "50")
    styles = _styles(open_page(lang="zh"))
    assert 'content: "选择文件"' in styles and "每个文件不超过 50MB" in styles
    assert '[data-testid="InputInstructions"] { display: none; }' in styles  # "Press Ctrl+Enter to submit form"
    assert 'content: "Choose a file"' in _styles(open_page(lang="en"))


def test_every_table_names_its_empty_cells():
    """Streamlit writes "None" into an empty cell of a table unless told otherwise (issue 18 §19):
    every table and grid of the pages passes a placeholder."""
    import ast

    from museum import settings

    missing = []
    for folder in ("app_pages", "ui"):
        for path in sorted((settings.ROOT / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("dataframe", "data_editor")
                        and "placeholder" not in {keyword.arg for keyword in node.keywords}):
                    missing.append(f"{folder}/{path.name}:{node.lineno}")
    assert not missing, missing


def test_a_page_table_shows_a_dash_for_an_empty_cell(app_db):
    """The same, as a reader gets it: the tables of 机构概况 say "—" for a cell with nothing."""
    at = open_page("app_pages/profile.py")
    assert at.dataframe and all(table.proto.placeholder == "—" for table in at.dataframe)
