"""Exports, bytes out: single charts (PNG/SVG/PDF + their data as CSV/XLSX) and the annual pack.

render   kaleido + system Chromium, one persistent server per process; environment checks
content  the pack's sections (museum.sections, the same blocks the pages show) and what the documents say
word     summary.docx; pdf: summary.pdf (HTML printed by Chromium); pack: the files and pack.zip
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from museum import safe_csv
from museum.export.render import MIME, ExportUnavailable, Renderer, default_renderer
from museum.i18n import t

CHART_FORMATS = ("png", "svg", "pdf", "csv", "xlsx")
DATA_MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def mime_type(fmt: str) -> str:
    return MIME.get(fmt) or DATA_MIME[fmt]


def chart_file(fig: go.Figure, data: pd.DataFrame, fmt: str, lang: str = "zh", renderer: Renderer | None = None) -> bytes:
    """One download of one chart: the image (png at 2x, svg, pdf) or the data behind it (csv, xlsx)."""
    if fmt == "csv":
        return safe_csv.to_csv_bytes(data)
    if fmt == "xlsx":
        return safe_csv.to_xlsx_bytes({t("export.sheet_data", lang): data})
    return (renderer or default_renderer()).render(fig, fmt)


__all__ = ["CHART_FORMATS", "ExportUnavailable", "Renderer", "chart_file", "default_renderer", "mime_type"]
