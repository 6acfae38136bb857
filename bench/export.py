"""Time the annual pack for a year with every category, and one chart with and without the
persistent kaleido server — all in one run, on demo data in a temporary database.

  cold pack   first pack in this process: the kaleido server (Chromium + plotly.js) starts inside it
  warm pack   the same pack again, server running
  per chart   PNG of the same charts: a fresh Chromium per call vs the persistent server

Usage: python bench/export.py [--year Y] [--charts N]
"""

from __future__ import annotations

import argparse
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
from museum.export.pack import pack_from_report, render_charts  # noqa: E402
from museum.export.pdf import build_pdf  # noqa: E402
from museum.export.word import build_docx  # noqa: E402
from museum.export.render import Renderer, default_renderer  # noqa: E402


def timed(action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, help="default: the latest year with real (non-demo) data")
    parser.add_argument("--charts", type=int, default=5, help="charts timed one by one in each mode")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="museum-bench-") as work:
        path = Path(work) / "museum.duckdb"
        with db.session(path) as con:
            seed.init(con)
            demo.load(con, 1, actor="test")
            values = kpis.load_values(con, 1)
            year = args.year or int(values.loc[~values["is_demo"], "year"].max())
            report_seconds, report = timed(lambda: build_report(con, year, "zh"))
        categories = [s.key for s in report.sections if s.charts]
        print(f"year {year}: {len(report.charts)} charts in {len(categories)} categories "
              f"({', '.join(categories)}); load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"report content (queries, text, figures): {report_seconds:.2f} s")

        cold_seconds, pack = timed(lambda: pack_from_report(report, default_renderer()))
        warm_seconds, pack = timed(lambda: pack_from_report(report, default_renderer()))
        size = sum(len(b) for name, b in pack.files.items() if name != pack.name("zip"))
        print(f"pack cold (server starts inside): {cold_seconds:6.2f} s   {len(pack.files)} files, {size / 1e6:.1f} MB")
        print(f"pack warm (server running):       {warm_seconds:6.2f} s")
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
