"""Database read benchmark: page-like cache misses from 1 and 20 threads, old open-per-query vs the shared read path.

A "render" runs the read queries a page's cache misses run (values, institutions, profile,
awards, honours, research, batches, accounts). The baseline is the database module as of commit
34d139e (a new connection per query, opens not serialised), measured in the same run; the
result is the median and 95th percentile render time and the number of failed renders, and the
issue's probe of failed opens (`session()` from 5 threads with jitter). Target (issue 14): no
errors. On a 2-core machine 20 simultaneous cache misses are bound by CPU (each render's queries
cost the same whichever thread runs them), so the 20/1 ratio here measures the machine; the
page-level ratio, where most renders are cache hits, is the Streamlit benchmark's.

    python bench/db_reads.py [--renders 10]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASELINE_COMMIT = "34d139e"
QUERIES = [("metric_values", True), ("institutions", False), ("profile_fields", True), ("awards_by_year", True),
           ("honors_by_year", True), ("research_by_year", True), ("batches", False), ("auth_users", False)]


def baseline_module():
    """museum/store/db.py as it was before the shared instance, loaded beside the current package."""
    source = subprocess.run(["git", "show", f"{BASELINE_COMMIT}:museum/db.py"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout
    path = Path(tempfile.mkdtemp()) / "baseline_db.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_db", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render_old(old, path: str) -> None:
    for name, by_institution in QUERIES:
        with old.session(path) as con:
            old.query(con, name, **({"institution_id": 1} if by_institution else {}))


def render_new(path: str) -> None:
    from museum.store import db

    for name, by_institution in QUERIES:
        db.read(path, name, **({"institution_id": 1} if by_institution else {}))


def measure(render, path: str, threads: int, renders: int) -> dict:
    times, errors = [], []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(renders):
            start = time.perf_counter()
            try:
                render(path)
            except Exception as exc:
                with lock:
                    errors.append(type(exc).__name__)
                continue
            with lock:
                times.append(time.perf_counter() - start)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    times.sort()
    return {"median": statistics.median(times) if times else float("nan"),
            "p95": times[int(0.95 * (len(times) - 1))] if times else float("nan"),
            "renders": threads * renders, "errors": len(errors), "kinds": sorted(set(errors))}


def jittered_opens(session, path: str, threads: int = 5, opens: int = 40) -> int:
    """The issue's probe: `session()` from 5 threads with 0–20 ms jitter, 40 opens each; failed opens."""
    import random

    failed = []

    def work(number: int) -> None:
        jitter = random.Random(number)
        for _ in range(opens):
            time.sleep(jitter.random() * 0.02)
            try:
                with session(path) as con:
                    con.execute("select count(*) from observation").fetchall()
            except Exception as exc:
                failed.append(type(exc).__name__)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return len(failed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=10, help="renders per thread")
    args = parser.parse_args()
    from museum import seed
    from museum.store import db

    work = Path(tempfile.mkdtemp())
    path = work / "bench.duckdb"
    with db.session(path) as con:
        seed.init(con)
    old = baseline_module()
    results = {}
    for label, render in (("open per query (34d139e)", lambda p: render_old(old, p)), ("shared read path", render_new)):
        for threads in (1, 20):
            results[(label, threads)] = measure(render, str(path), threads, args.renders)
    for (label, threads), r in results.items():
        print(f"{label:26s} {threads:2d} threads: median {r['median'] * 1000:7.1f} ms  p95 {r['p95'] * 1000:7.1f} ms  "
              f"failed {r['errors']}/{r['renders']} {' '.join(r['kinds'])}")
    for label in ("open per query (34d139e)", "shared read path"):
        one, twenty = results[(label, 1)]["median"], results[(label, 20)]["median"]
        print(f"{label}: 20 threads / 1 thread = {twenty / one:.2f}x")
    from museum.store import pool as db_pool

    db_pool.close_idle()  # the old module's plain connections must not meet this module's open instance
    before = jittered_opens(old.session, str(path))
    after = jittered_opens(db.session, str(path))
    print(f"session() from 5 threads, 0-20 ms jitter: failed opens {before}/200 (34d139e), {after}/200 (now)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
