"""The operations report's files, named by what and when (运营月报-2025年4月.docx/.pdf, 工作简报-2025年4月.txt,
operations-report-2025-04.pdf …), printed by the annual pack's Word and PDF writers."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from museum.export import images
from museum.export.monthly import Monthly
from museum.export.pdf import build_pdf
from museum.export.render import Renderer, default_renderer
from museum.export.word import build_docx
from museum.i18n import t
from museum.period import Period


def when_text(period: Period, lang: str) -> str:
    """'2025年4月', '2025年第二季度', '2025年1-4月' (a plain hyphen in a file name) / '2025-04', '2025-Q2', '2025-01-04'."""
    if lang == "zh":
        return period.label("zh").replace("–", "-")
    if period.kind == "range":
        return f"{period.year}-{period.first:02d}-{period.last:02d}"
    return period.text


def file_name(kind: str, period: Period, lang: str) -> str:
    """kind: docx | pdf (the report) or txt (the 工作简报)."""
    stem = t("monthly.file.brief" if kind == "txt" else f"monthly.file.{period.kind}", lang)
    return f"{stem}-{when_text(period, lang)}.{kind}"


def brief_text(monthly: Monthly) -> str:
    """The 工作简报: plain numbered text ready to paste into the 科协 monthly return."""
    lang, period = monthly.lang, monthly.period
    unit = t(f"monthly.unit.{period.kind}", lang)
    lines = [t("monthly.brief.title", lang, institution=monthly.report.institution, period=period.label(lang)), ""]
    for key, items in (("done", monthly.tasks_done), ("next", monthly.tasks_next)):
        lines.append(t(f"monthly.brief.{key}", lang, unit=unit, count=len(items)))
        lines += [f"{index}. {item}" for index, item in enumerate(items, start=1)] or [t("monthly.brief.none", lang)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@dataclass
class ReportFiles:
    monthly: Monthly
    files: dict[str, bytes] = field(default_factory=dict)
    seconds: float = 0.0

    def write(self, out: str | Path) -> list[Path]:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, content in self.files.items():
            (out / name).write_bytes(content)
            written.append(out / name)
        return written


def render_files(monthly: Monthly, renderer: Renderer | None = None, png_from: str = "svg") -> ReportFiles:
    """The .docx, the .pdf and the .txt of the report: each chart rendered once to SVG, its PNG rasterised from it."""
    started = time.perf_counter()
    report, period, lang = monthly.report, monthly.period, monthly.lang
    figures = {item.name: item.figure for item in report.charts}
    png, _, pdf = images.render(figures, renderer or default_renderer(), lambda svg: build_pdf(report, svg), png_from)
    files = {file_name("docx", period, lang): build_docx(report, png), file_name("pdf", period, lang): pdf.result(),
             file_name("txt", period, lang): brief_text(monthly).encode("utf-8")}
    return ReportFiles(monthly, files, time.perf_counter() - started)
