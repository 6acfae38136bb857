"""64 units uploading at once: each unit replaces its own year (12 months × 10 metrics) with one upload batch.

Setup (not timed): a fresh database with N units (并发测试馆NN), each holding a first upload of
the same year. Measured: every unit's second upload of that year, through the intake's own path
(museum.intake.ingest.analyse, then ingest.store: one transaction, one batch, its audit line),
each in its own process with its own connection. The file is read and checked before the start
(analyse needs no database); the clock runs from the common start to the batch's commit.

- PostgreSQL: N processes released at once by a barrier, all committing concurrently. A commit
  refused by the database (a serialization conflict, a busy server) is retried, at most 5 times,
  and counted.
- DuckDB (the baseline, same run): one writing process per file, so the same N batches go through
  one process one after the other (what a single server process's uploads amount to).

Afterwards every unit's stored values are compared with its file: exactly its second upload's
values, one current value per key (no loss, no double count), the first upload's values retired
once, two upload batches per unit.

    python bench/uploads.py [--units 64] [--engine duckdb|postgresql|both]
    (also run by bench/concurrency.py --part uploads|all)
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import engines  # noqa: E402

YEAR = 2024
METRICS = 10
PREFIX = "并发测试馆"
ACTOR = "bench:uploads"
RETRIES = 5


def bench_metrics():
    from museum import catalog

    return [m for m in catalog.load() if m.kind == "flow"][:METRICS]


def value(unit: int, metric: int, month: int, version: int) -> int:
    """A unit's figure, different in each version (and small: under every metric's plausible bound)."""
    return 1 + (unit * 131 + metric * 17 + month * 7 + version * 53) % 997


def file_bytes(unit: int, version: int) -> bytes:
    lines = ["年份,月份,指标,数值"]
    for m, metric in enumerate(bench_metrics()):
        lines += [f"{YEAR},{month},{metric.name_zh},{value(unit, m, month, version)}" for month in range(1, 13)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def prepare(database, units: int) -> list[int]:
    """seed.init, the units, and each unit's first upload of the year; the units' ids in order."""
    from museum import seed
    from museum.intake import ingest
    from museum.store import batches, db

    with db.session(database) as con:
        seed.init(con)
        with db.transaction(con):
            ids = [batches.institution_id(con, f"{PREFIX}{n:02d}") for n in range(units)]
        for n, institution in enumerate(ids):
            result = ingest.ingest(con, institution, file_bytes(n, 1), f"unit{n:02d}-v1.csv", actor=ACTOR)
            if result.status != "committed":
                raise SystemExit(f"setup upload of unit {n} was {result.status}: {[p.message('en') for p in result.errors][:3]}")
    return ids


def upload(database, institution: int, analysis) -> tuple[str, int, list[str]]:
    """(status, retries, refusals seen) of one commit, retried when the database refuses it."""
    from museum.errors import DatabaseBusy, DatabaseError
    from museum.intake import ingest
    from museum.store import db

    seen: list[str] = []
    for attempt in range(RETRIES + 1):
        try:
            with db.session(database, wait_seconds=60) as con:
                return ingest.store(con, institution, analysis, actor=ACTOR).status, attempt, seen
        except (DatabaseBusy, DatabaseError) as exc:
            seen.append(f"{type(exc).__name__} {getattr(exc, 'key', '')}: {str(exc)[:100]}")
    return "failed", RETRIES, seen


def worker(database, n: int, institution: int, barrier, results) -> None:
    """One unit's process: read and check its file, wait for the start, commit, report."""
    from museum.intake import ingest

    analysis = ingest.analyse(file_bytes(n, 2), f"unit{n:02d}-v2.csv")
    barrier.wait(timeout=600)
    started = time.perf_counter()
    status, retries, seen = upload(database, institution, analysis)
    results.put((n, status, retries, seen, time.perf_counter() - started, time.time()))


def concurrent(database, ids: list[int]) -> tuple[float, list[tuple]]:
    """All units at once, one process each (forkserver: no parent connection is inherited)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["museum.intake.ingest", "museum.store.db", "pandas"])
    barrier = context.Barrier(len(ids) + 1)
    results = context.Queue()
    processes = [context.Process(target=worker, args=(database, n, institution, barrier, results))
                 for n, institution in enumerate(ids)]
    for process in processes:
        process.start()
    try:
        barrier.wait(timeout=600)  # every worker has read its file
        started = time.time()
        rows = [results.get(timeout=600) for _ in ids]
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.terminate()
    return max(r[5] for r in rows) - started, rows


def sequential(database, ids: list[int]) -> tuple[float, list[tuple]]:
    """The same batches through one process, one after the other (DuckDB: one writing process per file)."""
    from museum.intake import ingest

    analyses = [ingest.analyse(file_bytes(n, 2), f"unit{n:02d}-v2.csv") for n in range(len(ids))]
    rows = []
    started = time.perf_counter()
    for n, (institution, analysis) in enumerate(zip(ids, analyses)):
        began = time.perf_counter()
        status, retries, seen = upload(database, institution, analysis)
        rows.append((n, status, retries, seen, time.perf_counter() - began, time.time()))
    return time.perf_counter() - started, rows


def verify(database, ids: list[int]) -> list[str]:
    """What is wrong with the stored values (an empty list: every unit's values exactly right)."""
    from museum.store import db

    metric_ids = [m.metric_id for m in bench_metrics()]
    wrong: list[str] = []
    with db.session(database, read_only=True) as con:
        for n, institution in enumerate(ids):
            current = con.execute("select metric_id, month, value from observation where institution_id = $i and year = $y "
                                  "and retired_by_batch is null", {"i": institution, "y": YEAR}).fetchall()
            expected = {(metric_id, month): float(value(n, m, month, 2))
                        for m, metric_id in enumerate(metric_ids) for month in range(1, 13)}
            got = {(metric_id, int(month)): float(v) for metric_id, month, v in current}
            retired = con.execute("select count(*) from observation where institution_id = $i and year = $y "
                                  "and retired_by_batch is not null", {"i": institution, "y": YEAR}).fetchone()[0]
            uploads = con.execute("select count(*) from batch where institution_id = $i and kind = 'upload'",
                                  {"i": institution}).fetchone()[0]
            if len(current) != len(expected) or got != expected:
                wrong.append(f"unit {n}: {len(current)} current values, {sum(got.get(k) == v for k, v in expected.items())} "
                             f"of {len(expected)} right")
            if retired != len(expected) or uploads != 2:
                wrong.append(f"unit {n}: {retired} retired values (expected {len(expected)}), {uploads} upload batches (expected 2)")
    return wrong


def summary(engine: str, how: str, wall: float, rows: list[tuple], wrong: list[str]) -> dict:
    times = sorted(r[4] for r in rows)
    result = {"engine": engine, "how": how, "units": len(rows), "wall": wall,
              "p50": statistics.median(times), "p95": engines.p95(times),
              "committed": sum(r[1] == "committed" for r in rows), "statuses": sorted({r[1] for r in rows}),
              "retries": sum(r[2] for r in rows), "retried_units": sum(r[2] > 0 for r in rows),
              "refusals": sorted({s for r in rows for s in r[3]})[:3], "wrong": wrong}
    return result


def run(engine: str, units: int, cluster=None) -> dict:
    """One engine's measurement in a fresh database (a DuckDB file or a database of `cluster`)."""
    with tempfile.TemporaryDirectory(prefix="bench-uploads-") as tmp:
        database = Path(tmp) / "uploads.duckdb" if engine == "duckdb" else cluster.database("bench_uploads")
        ids = prepare(database, units)
        if engine == "duckdb":
            wall, rows = sequential(database, ids)
            how = "one process, one batch after the other"
        else:
            wall, rows = concurrent(database, ids)
            how = f"{units} processes at once"
        return summary(engine, how, wall, rows, verify(database, ids))


def print_result(result: dict, baseline: dict | None) -> None:
    ratio = f", {result['wall'] / baseline['wall']:.2f}x DuckDB's wall time" if baseline and baseline is not result else ""
    print(f"{result['engine']:10} {result['units']} units, {result['how']}: wall {result['wall']:.2f} s{ratio}; per batch "
          f"p50 {result['p50']:.3f} s, p95 {result['p95']:.3f} s; committed {result['committed']}/{result['units']} "
          f"({', '.join(result['statuses'])}); retries {result['retries']} (units retried {result['retried_units']})")
    for refusal in result["refusals"]:
        print("           refused then retried:", refusal)
    print(f"           values afterwards: {'every unit exactly right' if not result['wrong'] else 'WRONG'}")
    for line in result["wrong"][:10]:
        print("          ", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=64)
    engines.add_argument(parser)
    args = parser.parse_args(argv)
    return measure(engines.chosen(args.engine), args.units)


def measure(chosen: list[str], units: int) -> int:
    print(f"uploads: {engines.load_line()}; {units} units × 12 months × {METRICS} metrics replaced, one batch each")
    results = []
    for engine in chosen:
        if engine == "duckdb":
            results.append(run(engine, units))
        else:
            with engines.cluster() as cluster:
                results.append(run(engine, units, cluster))
    baseline = next((r for r in results if r["engine"] == "duckdb"), None)
    for result in results:
        print_result(result, baseline)
    return 1 if any(r["wrong"] or r["committed"] != r["units"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
