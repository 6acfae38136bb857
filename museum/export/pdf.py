"""summary.pdf: the report as HTML printed to A4 PDF by the system Chromium (fonts embedded).

Every text that comes from the database (names, notes, report sentences) is escaped: a note may
hold `<script>`. Charts go in as SVG images (vector in the PDF); an SVG loaded through <img>
cannot run scripts. Page numbers come from CSS @page margin boxes (Chromium 131+).
"""

from __future__ import annotations

import re
import logging
import subprocess
import tempfile
from html import escape
from pathlib import Path

import pandas as pd

from museum.export.content import Report, column_shares, kpi_table
from museum.sections import Chart, Heading, KpiCards, LongText, Notice, Sentences, Table
from museum.safe_csv import xml_safe
from museum.export import printer
from museum.export.render import ExportUnavailable, require_environment

log = logging.getLogger(__name__)

PRINT_TIMEOUT_SECONDS = 180
# The page needs no script and loads nothing from outside: even a <script> that slipped past
# escaping would not run, and nothing is fetched while printing.
CONTENT_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
)

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: %(page)s; font-size: 9pt; color: #555; }
  %(demo_box)s }
html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  font-size: 10.5pt; line-height: 1.55; color: #222; }
h1 { font-size: 17pt; border-bottom: 2px solid #5B7DB1; padding-bottom: 3px; margin: 18px 0 8px; break-after: avoid; }
h2 { font-size: 13pt; margin: 14px 0 6px; break-after: avoid; }
h3 { font-size: 11pt; margin: 10px 0 4px; break-after: avoid; }
.notice { font-style: italic; color: #444; } .notice.warning { color: #C0392B; }
.long { white-space: pre-wrap; }
.title-page { height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center; break-after: page; }
.title-page .institution { font-size: 28pt; font-weight: bold; }
.title-page .year { font-size: 22pt; margin-top: 10px; }
.title-page .generated { color: #666; margin-top: 24px; }
.demo { color: #C0392B; font-weight: bold; }
table { border-collapse: collapse; width: 100%%; table-layout: fixed; margin: 6px 0 14px; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #E8EDF5; }
figure { margin: 8px 0 14px; text-align: center; break-inside: avoid; }
.keep { break-inside: avoid; }
figure img { width: 100%%; }
figcaption { font-size: 9pt; color: #555; }
ul { margin: 4px 0 8px; padding-left: 20px; }
.sources { break-before: page; }
"""


def _table(frame: pd.DataFrame) -> str:
    """An HTML table whose column widths follow their content (a long sentence column gets the room)."""
    def text(value) -> str:
        return "" if value is None or (isinstance(value, float) and pd.isna(value)) else xml_safe(str(value))

    widths = "".join(f'<col style="width:{share * 100:.1f}%">' for share in column_shares(frame))
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(text(v))}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )
    return f"<table><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def inline_svg(svg: bytes) -> str:
    """A chart's SVG as markup of the page itself, so that its text is text of the document: an SVG
    in an <img> is printed apart from the page, and its CJK glyphs then extract as the Kangxi
    radicals that share their shapes ("⽬标"). Links are taken out (a label never becomes a live
    link in the PDF) and so is anything that is not drawing."""
    markup = svg.decode("utf-8")
    markup = re.sub(r"<\?xml[^>]*>|<!DOCTYPE[^>]*>", "", markup)
    markup = re.sub(r"<(script|foreignObject)\b.*?</\1\s*>", "", markup, flags=re.S | re.I)
    markup = re.sub(r"</?a\b[^>]*>", "", markup, flags=re.I)
    return re.sub(r"<svg\b", '<svg preserveAspectRatio="xMidYMid meet" style="width:100%;height:auto"', markup, count=1)


def _block(block, report: Report, svg: dict[str, bytes]) -> str:
    """One section block as HTML (every text escaped)."""
    if isinstance(block, Heading):
        return f"<h2>{escape(block.text)}</h2>"
    if isinstance(block, KpiCards):
        title = f"<h3>{escape(block.title)}</h3>" if block.title else ""
        return title + _table(kpi_table(block, report.year, report.lang))
    if isinstance(block, Sentences):
        return "<ul>" + "".join(f"<li>{escape(xml_safe(s))}</li>" for s in block.lines) + "</ul>"
    if isinstance(block, Chart):
        caption = escape(report.t("doc.chart_caption", title=block.title))
        return (f'<figure role="img" aria-label="{escape(block.title)}">{inline_svg(svg[block.name])}'
                f"<figcaption>{caption}</figcaption></figure>")
    if isinstance(block, Table):
        return f'<div class="keep"><h3>{escape(block.title)}</h3></div>{_table(block.frame)}'
    if isinstance(block, Notice):
        return f'<p class="notice {escape(block.level)}">{escape(xml_safe(block.text))}</p>'
    if isinstance(block, LongText):
        return f"<h3>{escape(block.title)}</h3><p class=\"long\">{escape(xml_safe(block.text))}</p>"
    raise TypeError(f"no PDF layout for {type(block).__name__}")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_html(report: Report, svg: dict[str, bytes]) -> str:
    """The whole report as one self-contained HTML page (charts inlined as data: URIs)."""
    page = report.t("doc.page", page="\x00page\x00", pages="\x00pages\x00")
    page_css = " ".join(
        f"counter({part})" if index % 2 else _css_string(part) for index, part in enumerate(page.split("\x00")) if part
    )
    demo_box = f"@top-right {{ content: {_css_string(report.t('demo.banner'))}; color: #C0392B; font-size: 9pt; }}" if report.demo else ""
    css = CSS % {"page": page_css, "demo_box": demo_box}
    institution, subtitle = report.title_text().split("\n", 1)
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if report.lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">',
        f"<title>{escape(institution)} {escape(subtitle)}</title><style>{css}</style></head><body>",
        '<section class="title-page">',
        f'<div class="institution">{escape(institution)}</div><div class="year">{escape(subtitle)}</div>',
        f'<div class="generated">{escape(report.t("doc.subtitle", time=report.generated))}</div>',
    ]
    if report.demo:
        parts.append(f'<p class="demo">{escape(report.t("doc.demo_notice"))}</p>')
    parts.append("</section>")
    for section in report.sections:
        # a heading opens a block that also holds the section's first block, so the heading is
        # never left alone at the foot of a page
        parts.append(f'<div class="keep"><h1>{escape(section.title)}</h1>')
        for index, block in enumerate(section.blocks):
            parts.append(_block(block, report, svg))
            if index == 0:
                parts.append("</div>")
        if not section.blocks:
            parts.append("</div>")
    parts.append(f'<section class="sources"><h1>{escape(report.t("doc.sources"))}</h1>'
                 f"<p>{escape(report.t('doc.sources_intro'))}</p>{_table(report.sources)}</section>")
    parts.append("</body></html>")
    return "".join(parts)


def print_pdf(page_html: str) -> bytes:
    """Print an HTML page to PDF: on the Chromium kept open for printing (museum.export.printer), else —
    when that one fails for any reason — with a fresh headless process, the reference way."""
    chromium = require_environment()
    try:
        return printer.PRINTER.print_html(page_html)
    except Exception as exc:  # noqa: BLE001 (any failure of the kept-open browser: the one-off print still works)
        log.warning("printing on the kept-open Chromium failed (%s); printing with a fresh one", type(exc).__name__)
    return print_once(chromium, page_html)


def print_once(chromium: str, page_html: str) -> bytes:
    """Print an HTML page to PDF with a fresh headless Chromium process."""
    with tempfile.TemporaryDirectory(prefix="museum-pdf-") as work:
        source, target = Path(work) / "summary.html", Path(work) / "summary.pdf"
        source.write_text(page_html, encoding="utf-8")
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={Path(work) / 'profile'}",
                   f"--print-to-pdf={target}", source.as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ExportUnavailable("export.pdf_failed", detail=f"timeout {PRINT_TIMEOUT_SECONDS}s") from exc
        if not target.exists() or target.stat().st_size == 0:
            detail = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1][:300]
            raise ExportUnavailable("export.pdf_failed", detail=detail)
        return target.read_bytes()


def build_pdf(report: Report, svg: dict[str, bytes]) -> bytes:
    return print_pdf(build_html(report, svg))
