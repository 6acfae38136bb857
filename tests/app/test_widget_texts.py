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
