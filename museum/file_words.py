"""How a file was read, in words: the codes utf-8, xls/html or cell_per_line mean nothing to staff."""

from __future__ import annotations

from museum.i18n import has, t


def read_as_text(code: str | None, lang: str = "zh") -> str:
    """How a file was read, in words: 'utf-8' -> 'UTF-8 文本', 'xls/html' -> 'Excel 97–2003 工作簿（.xls），网页格式（HTML）'."""
    if not code:
        return "—"
    parts = [t(f"read_as.{part}", lang) if has(f"read_as.{part}") else part for part in code.split("/")]
    return ("，" if lang == "zh" else ", ").join(parts)


def report_layout_text(code: str | None, lang: str = "zh") -> str:
    """A report's layout in words ('cell_per_line' -> '逐格复制的网页表格（每行一格）')."""
    return t(f"report.layout.{code}", lang) if code and has(f"report.layout.{code}") else (code or "—")
