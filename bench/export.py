"""Time the annual pack for a year with every category, and one chart with and without the
persistent kaleido server — all in one run, on demo data in a temporary database.

  cold pack   first pack in this process: the kaleido server (Chromium + plotly.js) starts inside it
  warm pack   the same pack again, server running: baseline (a second kaleido render per chart for the
              PNG) against the current way (SVG once, PNG rasterised from it), alternated, median of --runs
  report      the operations report of one month (.docx, .pdf, .txt), warm, baseline against current
  per chart   PNG of the same charts: a fresh Chromium per call vs the persistent server

Goals (issue 21): the annual pack ≤ 5 s warm, a monthly report ≤ 3 s warm.

Usage: python bench/export.py [--year Y] [--month 2025-04] [--runs N] [--charts N]
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from museum import demo, kpis, seed  # noqa: E402
from museum.store import db  # noqa: E402
from museum.export.content import build_report  # noqa: E402
from museum.export.monthly import build_monthly  # noqa: E402
from museum.export.monthly_files import render_files  # noqa: E402
from museum.export.pack import pack_from_report, render_charts  # noqa: E402
from museum.export import printer  # noqa: E402
from museum.export.pdf import build_pdf  # noqa: E402
from museum.export.word import build_docx  # noqa: E402
from museum.export.render import Renderer, default_renderer  # noqa: E402


@contextlib.contextmanager
def old_printing(enabled: bool):
    """The baseline prints as before: a fresh Chromium per PDF (the kept-open printer refuses, print_pdf falls back)."""
    if not enabled:
        yield
        return
    logging.getLogger("museum.export.pdf").setLevel(logging.ERROR)  # the fallback's warning is expected here

    def refuse(page_html):
        raise RuntimeError("baseline: one-off print")

    original, printer.PRINTER.print_html = printer.PRINTER.print_html, refuse
    try:
        yield
    finally:
        printer.PRINTER.print_html = original


def timed(action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, help="default: the latest year with real (non-demo) data")
    parser.add_argument("--charts", type=int, default=5, help="charts timed one by one in each mode")
    parser.add_argument("--month", default="2025-04", help="the period of the operations report timed")
    parser.add_argument("--runs", type=int, default=3, help="warm runs of each way (alternated; the median is shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="museum-bench-") as work:
        path = Path(work) / "museum.duckdb"
        with db.session(path) as con:
            seed.init(con)
            demo.load(con, 1, actor="test")
            values = kpis.load_values(con, 1)
            year = args.year or int(values.loc[~values["is_demo"], "year"].max())
            report_seconds, report = timed(lambda: build_report(con, year, "zh"))
            monthly_seconds, monthly = timed(lambda: build_monthly(con, args.month, "zh"))
        categories = [s.key for s in report.sections if s.charts]
        print(f"year {year}: {len(report.charts)} charts in {len(categories)} categories "
              f"({', '.join(categories)}); load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"report content (queries, text, figures): {report_seconds:.2f} s")

        cold_seconds, pack = timed(lambda: pack_from_report(report, default_renderer()))
        size = sum(len(b) for name, b in pack.files.items() if name != pack.name("zip"))
        print(f"pack cold (server starts inside): {cold_seconds:6.2f} s   {len(pack.files)} files, {size / 1e6:.1f} MB")
        ways = {"baseline (kaleido PNG)": "kaleido", "current (PNG from SVG)": "svg"}
        packs = {way: [] for way in ways}
        reports = {way: [] for way in ways}
        for _ in range(args.runs):  # alternated, so that a burst of load on a shared machine hits both ways
            for way, png_from in ways.items():
                with old_printing(png_from == "kaleido"):
                    packs[way].append(timed(lambda: pack_from_report(report, default_renderer(), png_from))[0])
                    reports[way].append(timed(lambda: render_files(monthly, default_renderer(), png_from))[0])
        print(f"warm, median of {args.runs} (goal: pack ≤ 5 s, report ≤ 3 s):")
        print(f"  {'':24s} {'annual pack ' + str(year):>18s} {'report ' + args.month:>18s}")
        for way in ways:
            print(f"  {way:24s} {statistics.median(packs[way]):16.2f} s {statistics.median(reports[way]) + monthly_seconds:16.2f} s")
        base, now = (statistics.median(packs[w]) for w in ways)
        report_base, report_now = (statistics.median(reports[w]) for w in ways)
        print(f"  speed-up: pack {base / now:.2f}x, report files {report_base / report_now:.2f}x; the report includes its content ({monthly_seconds:.2f} s, "
              f"{len(monthly.report.charts)} charts)")
        charts_seconds, (png, svg) = timed(lambda: render_charts(report, default_renderer()))
        pdf_seconds, _ = timed(lambda: build_pdf(report, svg))
        docx_seconds, _ = timed(lambda: build_docx(report, png))
        print(f"  of which: {2 * len(report.charts)} renders (PNG+SVG) {charts_seconds:.2f} s, "
              f"PDF print {pdf_seconds:.2f} s, Word {docx_seconds:.2f} s")

        sample = report.charts[: args.charts]
        fresh = Renderer(persistent=False)
        persistent = default_renderer()
        without = [timed(lambda item=item: fresh.png(item.figure))[0] for item in sample]
        with_server = [timed(lambda item=item: persistent.png(item.figure))[0] for item in sample]
        print(f"per chart PNG, {len(sample)} charts (median / max):")
        print(f"  without server (fresh Chromium each): {statistics.median(without):5.2f} / {max(without):5.2f} s")
        print(f"  with persistent server:               {statistics.median(with_server):5.2f} / {max(with_server):5.2f} s")
        print(f"  speed-up: {statistics.median(without) / statistics.median(with_server):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
