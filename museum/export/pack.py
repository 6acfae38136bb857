"""The annual pack (年度报告素材包): every file built in memory, then written to a folder or zipped.

File names say what they hold and for which year, in the pack's language (年度总结-2024.docx,
summary-2024.docx); chart files are named by their stable chart names (charts/posts_years_2024.png).
"""

from __future__ import annotations

import hashlib
import io
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from museum import safe_csv
from museum.export import images
from museum.export.content import Report, build_report
from museum.export.pdf import build_pdf
from museum.export.render import Renderer, default_renderer
from museum.export.word import build_docx
from museum.i18n import t

CHARTS_DIR = "charts"
KINDS = ("docx", "pdf", "xlsx", "csv", "zip")


def file_name(kind: str, year: int, lang: str) -> str:
    """'年度总结-2024.docx', 'data-2024.csv' …: what the file is and which year."""
    if kind not in KINDS:
        raise ValueError(f"unknown pack file {kind!r}; known: {', '.join(KINDS)}")
    return f"{t(f'pack.file.{kind}', lang)}-{year}.{kind}"


@dataclass
class Pack:
    report: Report
    files: dict[str, bytes] = field(default_factory=dict)   # relative path -> bytes, zip last
    seconds: float = 0.0

    def name(self, kind: str) -> str:
        return file_name(kind, self.report.year, self.report.lang)

    @property
    def sha256(self) -> str:
        """The hash of the zip (what the audit trail records for an export)."""
        return hashlib.sha256(self.files[self.name("zip")]).hexdigest()

    @property
    def chart_count(self) -> int:
        return len(self.report.charts)

    def write(self, out: str | Path) -> list[Path]:
        """Write every file under `out` (created if missing); returns the paths written."""
        out = Path(out)
        written = []
        for relative, content in self.files.items():
            path = out / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written.append(path)
        return written


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for relative, content in files.items():
            # PNG, PDF and the Office files are compressed already
            method = zipfile.ZIP_STORED if relative.endswith((".png", ".pdf", ".docx", ".xlsx")) else zipfile.ZIP_DEFLATED
            archive.writestr(relative, content, compress_type=method)
    return buffer.getvalue()


def render_charts(report: Report, renderer: Renderer, png_from: str = "svg") -> tuple[dict[str, bytes], dict[str, bytes]]:
    """PNG (for Word and charts/) and SVG (for the PDF and charts/) of every chart: SVG rendered once, PNG from it."""
    png, svg, _ = images.render({item.name: item.figure for item in report.charts}, renderer, png_from=png_from)
    return png, svg


def pack_from_report(report: Report, renderer: Renderer | None = None, png_from: str = "svg") -> Pack:
    """Render the charts once and build every file of the pack (no database needed)."""
    started = time.perf_counter()
    figures = {item.name: item.figure for item in report.charts}
    # the PDF is printed by a Chromium of its own: it runs while the PNGs are made from the SVGs
    png, svg, pdf = images.render(figures, renderer or default_renderer(), lambda svg: build_pdf(report, svg), png_from)
    name = lambda kind: file_name(kind, report.year, report.lang)  # noqa: E731
    files: dict[str, bytes] = {
        name("docx"): build_docx(report, png),
        name("pdf"): pdf.result(),
        name("xlsx"): safe_csv.to_xlsx_bytes(report.data_sheets),
        name("csv"): safe_csv.to_csv_bytes(report.data_long),
    }
    for item in report.charts:
        files[f"{CHARTS_DIR}/{item.name}.png"] = png[item.name]
        files[f"{CHARTS_DIR}/{item.name}.svg"] = svg[item.name]
    files[name("zip")] = zip_bytes(files)
    return Pack(report, files, time.perf_counter() - started)


def build_pack(con, year: int, lang: str = "zh", *, institution: str | None = None,
               renderer: Renderer | None = None, convention: str | None = None) -> Pack:
    """Everything for `year` in `lang`: the summary (.docx/.pdf), charts/, the data (.xlsx/.csv) and the zip."""
    return pack_from_report(build_report(con, year, lang, institution=institution, convention=convention), renderer)
