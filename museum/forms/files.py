"""Names and writing of the forms' files: 事业单位法人年度报告-Y-草稿.docx/.txt, the sheets."""

from __future__ import annotations

from pathlib import Path

from museum.errors import InputRejected
from museum.forms import text
from museum.forms.draft import Draft


def draft_names(year: int) -> tuple[str, str]:
    stem = f"事业单位法人年度报告-{year}-草稿"
    return f"{stem}.docx", f"{stem}.txt"


def draft_title(draft: Draft) -> str:
    return f"事业单位法人年度报告（{draft.year}年度）草稿"


def draft_bytes(draft: Draft) -> dict[str, bytes]:
    """file name -> content of the draft's two files."""
    docx_name, txt_name = draft_names(draft.year)
    return {docx_name: text.to_docx(draft, draft_title(draft)), txt_name: text.to_text(draft).encode("utf-8")}


def write(path: Path, content: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    except OSError as exc:
        raise InputRejected("forms.cli.cannot_write", path=str(path), detail=exc.strerror or str(exc)) from exc
    return path
