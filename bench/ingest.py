"""Intake benchmark: a 1,000,000-row long-format file (UTF-8 and GBK), validated and committed,
and a 100,000-row xlsx read by python-calamine (what the intake uses) and by openpyxl.

Reports rows/s, peak memory (max RSS of a fresh process per measurement) and the ratio to
DuckDB's bare `read_csv` of the same UTF-8 file into a table, measured in the same run.
Target (issue 3): within 3x of the bare load, under 1.5 GB peak. The xlsx lines give the
sheet-reading time of each library alone (same file, every cell read) and the ratio between them
(issue 13), then the whole intake of that file (analyse + commit).

    python bench/ingest.py [--rows 1000000] [--xlsx-rows 100000] [--keep DIR]

A million distinct (metric, month) values need more metrics than the catalog has, so the
benchmark adds synthetic ones (测试指标NNNN, flows) to the catalog it passes to the intake and
syncs into its own fresh database; nothing touches data/museum.duckdb.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_YEAR, YEARS = 2000, 25
SEED = 20240601


def bench_catalog(rows: int):
    from museum import catalog

    base = catalog.read_catalog_file()
    template = next(m for m in base if m.kind == "flow")
    per_metric = YEARS * 12
    extra = [
        replace(template, metric_id=f"bench_{i:05d}", name_zh=f"测试指标{i:05d}", name_en=f"Bench metric {i}",
                unit_zh="次", unit_en="times", aliases=(), sort_order=len(base) + i + 1, plausible_max=None)
        for i in range(rows // per_metric + 1)
    ]
    return catalog.Catalog(base + extra)


def write_files(directory: Path, rows: int) -> tuple[Path, Path]:
    """The same table as UTF-8 and as GBK (Excel's Chinese CSV): 年份,月份,指标,数值,备注."""
    rng = random.Random(SEED)
    lines = ["年份,月份,指标,数值,备注"]
    per_metric = YEARS * 12
    bases = [rng.randint(100, 90_000) for _ in range(rows // per_metric + 1)]
    for i in range(rows):
        metric, rest = divmod(i, per_metric)
        year, month = FIRST_YEAR + rest // 12, rest % 12 + 1
        value = round(bases[metric] * rng.uniform(0.7, 1.3))
        roll = rng.random()
        if roll < 0.05:
            text = f'"{value:,}"'
        elif roll < 0.06:
            text = f"约{value}"
        elif roll < 0.07:
            text = f"超{value // 1000}万" if value >= 10_000 else f"{value}次"
        else:
            text = str(value)
        note = "月报" if roll > 0.99 else ""
        lines.append(f"{year},{month},测试指标{metric:05d},{text},{note}")
    text = "\r\n".join(lines) + "\r\n"
    utf8 = directory / "bench_utf8.csv"
    gbk = directory / "bench_gbk.csv"
    utf8.write_bytes(text.encode("utf-8"))
    gbk.write_bytes(text.encode("gbk"))
    return utf8, gbk


def write_xlsx(directory: Path, rows: int) -> Path:
    """The same long table as an .xlsx (written once with openpyxl's write-only mode)."""
    import openpyxl

    rng = random.Random(SEED + 1)
    per_metric = YEARS * 12
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("数据")
    sheet.append(["年份", "月份", "指标", "数值", "备注"])
    for i in range(rows):
        metric, rest = divmod(i, per_metric)
        sheet.append([FIRST_YEAR + rest // 12, rest % 12 + 1, f"测试指标{metric:05d}", rng.randint(100, 90_000), None])
    path = directory / "bench.xlsx"
    workbook.save(path)
    return path


def child(mode: str, file: Path, database: Path, rows: int) -> dict:
    import duckdb

    if mode == "calamine":
        from museum.intake import workbook

        started = time.perf_counter()
        book = workbook.read_workbook(file.read_bytes(), "xlsx")
        cells = sum(sheet.cells.shape[0] * sheet.cells.shape[1] for sheet in book.sheets)
        return {"seconds": time.perf_counter() - started, "rows": book.sheets[0].cells.shape[0] - 1, "cells": cells}
    if mode == "openpyxl":
        import openpyxl

        started = time.perf_counter()
        book = openpyxl.load_workbook(file, read_only=True, data_only=False)
        records = [row for row in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
        return {"seconds": time.perf_counter() - started, "rows": len(records) - 1, "cells": sum(len(r) for r in records)}
    if mode == "duckdb":
        con = duckdb.connect(str(database), config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        started = time.perf_counter()
        con.execute("create table bare as select * from read_csv($path, header = true, all_varchar = true)", {"path": str(file)})
        loaded = con.execute("select count(*) from bare").fetchone()[0]
        con.close()
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "rows": loaded}
    from museum import catalog, seed
    from museum.intake import ingest
    from museum.store import db, metrics

    cat = bench_catalog(rows)
    con = db.connect(database)
    seed.init(con)
    with db.transaction(con):
        metrics.sync(con, cat)
    content_started = time.perf_counter()
    content = file.read_bytes()
    analysis = ingest.analyse(content, file.name, cat=cat)
    analysed = time.perf_counter()
    if analysis.status != "valid":
        raise SystemExit(f"bench file rejected: {[p.as_json('en') for p in analysis.errors[:5]]}")
    result = ingest.commit(con, 1, analysis, actor="bench", cat=cat)
    finished = time.perf_counter()
    stored = con.execute("select count(*) from observation where batch_id = ?", [result.batch_id]).fetchone()[0]
    con.close()
    return {
        "seconds": finished - content_started,
        "analyse_seconds": analysed - content_started,
        "commit_seconds": finished - analysed,
        "rows": stored,
        "status": result.status,
        "encoding": result.encoding,
    }


def run_child(mode: str, file: Path, database: Path, rows: int) -> dict:
    for stale in (database, database.with_name(database.name + ".wal")):
        stale.unlink(missing_ok=True)
    env = {**os.environ, "MUSEUM_MAX_UPLOAD_MB": "500", "MUSEUM_QUERY_TIMEOUT_SECONDS": "600"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(file), str(database), "--rows", str(rows)],
        capture_output=True, text=True, env=env, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--keep", help="write the files and databases here and keep them")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, file, database = args.child
        result = child(mode, Path(file), Path(database), args.rows)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["peak_mb"] = usage.ru_maxrss / 1024
        result["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # the whole process, imports included
        print(json.dumps(result))
        return
    directory = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    directory.mkdir(parents=True, exist_ok=True)
    utf8, gbk = write_files(directory, args.rows)
    print(f"rows: {args.rows:,}   UTF-8 file: {utf8.stat().st_size / 1048576:.1f} MB   GBK file: {gbk.stat().st_size / 1048576:.1f} MB")
    bare = run_child("duckdb", utf8, directory / "bare.duckdb", args.rows)
    results = {
        "duckdb read_csv (UTF-8, bare)": bare,
        "ingest UTF-8": run_child("ingest", utf8, directory / "utf8.duckdb", args.rows),
        "ingest GBK": run_child("ingest", gbk, directory / "gbk.duckdb", args.rows),
    }
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work on the machine slows every line alike)")
    print(f"{'measurement':32} {'seconds':>8} {'rows/s':>11} {'peak MB':>8} {'x bare':>7} {'cpu s':>6}  detail")
    for name, r in results.items():
        detail = ""
        if "analyse_seconds" in r:
            detail = f"analyse {r['analyse_seconds']:.2f}s + commit {r['commit_seconds']:.2f}s, {r['rows']:,} rows stored"
        print(f"{name:32} {r['seconds']:8.2f} {r['rows'] / r['seconds']:11,.0f} {r['peak_mb']:8.0f} {r['seconds'] / bare['seconds']:7.2f} {r['cpu_seconds']:6.1f}  {detail}")
    xlsx = write_xlsx(directory, args.xlsx_rows)
    print(f"\nxlsx: {args.xlsx_rows:,} rows, {xlsx.stat().st_size / 1048576:.1f} MB")
    readers = {
        "xlsx read, python-calamine": run_child("calamine", xlsx, directory / "unused.duckdb", args.xlsx_rows),
        "xlsx read, openpyxl": run_child("openpyxl", xlsx, directory / "unused.duckdb", args.xlsx_rows),
    }
    whole = run_child("ingest", xlsx, directory / "xlsx.duckdb", args.xlsx_rows)
    print(f"{'measurement':32} {'seconds':>8} {'rows/s':>11} {'peak MB':>8}")
    for name, r in readers.items():
        print(f"{name:32} {r['seconds']:8.2f} {r['rows'] / r['seconds']:11,.0f} {r['peak_mb']:8.0f}  {r['cells']:,} cells")
    ratio = readers["xlsx read, openpyxl"]["seconds"] / readers["xlsx read, python-calamine"]["seconds"]
    print(f"openpyxl / python-calamine: {ratio:.2f}x")
    print(f"{'ingest xlsx (calamine)':32} {whole['seconds']:8.2f} {whole['rows'] / whole['seconds']:11,.0f} {whole['peak_mb']:8.0f}  "
          f"analyse {whole['analyse_seconds']:.2f}s + commit {whole['commit_seconds']:.2f}s, {whole['rows']:,} rows stored")
    if not args.keep:
        for path in directory.iterdir():
            path.unlink()
        directory.rmdir()


if __name__ == "__main__":
    main()
