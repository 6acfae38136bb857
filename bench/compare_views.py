"""The comparison (单位对比) of N synthetic units on PostgreSQL: per unit (each unit's own frames, as
before migration 0020) against one read of the materialized view (museum.compare.sources).

    python bench/compare_views.py URL [--units 200] [--years 3] [--repeat 5] [--period 2025]

URL names an EMPTY PostgreSQL database (e.g. of scripts/pg.sh's private cluster): it is migrated,
filled with clearly synthetic units (合成对比馆NNN, every batch is_demo with a note saying so), every
catalog metric monthly and for the whole year, and the view refreshed. Printed: the build, the
view's refresh, and the median of --repeat runs of `compare_rows` each way (after one warm-up),
with the check that both give the same rows. The entry point timed is
museum.compare.sources.compare_rows(con, units, period, lang, from_view=False|None).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from museum import catalog, compare, seed  # noqa: E402
from museum.compare import sources  # noqa: E402
from museum.store import db, views  # noqa: E402

NOTE = "合成对比测试数据（bench/compare_views.py 生成，非真实统计） · synthetic benchmark data"
PREFIX = "合成对比馆"

# every unit a batch; every catalog metric monthly and annually for each year, values from a hash
FILL = """
insert into institution (name) select %(prefix)s || lpad(n::text, 4, '0') from generate_series(1, %(units)s) as n;
insert into batch (kind, institution_id, user_name, note, is_demo)
    select 'demo', institution_id, 'bench:compare', %(note)s, true from institution where name like %(prefix)s || '%%';
insert into observation (institution_id, metric_id, year, month, value, qualifier, batch_id)
    select b.institution_id, m.metric_id, y, nullif(mo, 0),
           (abs(hashtext(b.institution_id || m.metric_id || y || mo)) %% 10000) * (case when mo = 0 then 12 else 1 end),
           'exact', b.batch_id
    from batch as b
    cross join unnest(%(metrics)s::text[]) as m (metric_id)
    cross join generate_series(%(first)s, %(last)s) as y
    cross join generate_series(0, 12) as mo
    where b.note = %(note)s;
"""


def build(url: str, units: int, years: int, last_year: int) -> float:
    started = time.perf_counter()
    with db.session(url) as con:
        seed.init(con)
        metrics = [m.metric_id for m in catalog.load()]
        with db.transaction(con):
            # the one bulk fill of a benchmark database: psycopg's own parameters, several statements
            psycopg.ClientCursor(con._raw).execute(FILL, {"prefix": PREFIX, "units": units, "note": NOTE,
                                                          "metrics": metrics, "first": last_year - years + 1,
                                                          "last": last_year})
        views.wait()  # the refresh the commit started (it locks the view, which analyze reads too)
        con.execute("analyze")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--period", default="2025")
    args = parser.parse_args()
    last_year = int(args.period[:4])
    print(f"build: {build(args.url, args.units, args.years, last_year):.1f} s")
    started = time.perf_counter()
    with db.session(args.url) as con:
        con.execute("select nextval('data_version_seq')")
    views.refresh(args.url)
    print(f"refresh of the view (concurrently, after a change): {time.perf_counter() - started:.2f} s")
    with db.session(args.url, read_only=True) as con:
        units = [(int(i), str(n)) for i, n in con.execute(
            "select institution_id, name from institution where name like $p order by institution_id",
            {"p": PREFIX + "%"}).fetchall()]
        rows = con.execute("select count(*) from observation").fetchall()[0][0]
        print(f"units: {len(units)}, observations: {rows}, period {args.period}")
        results = {}
        for label, from_view in (("per unit", False), ("from the view", None)):
            timings = []
            for _ in range(args.repeat + 1):
                started = time.perf_counter()
                found, state = sources.compare_rows(con, units, args.period, from_view=from_view)
                timings.append(time.perf_counter() - started)
            results[label] = [compare.row_json(r) for r in found]
            print(f"{label}: median {statistics.median(timings[1:]) * 1000:.0f} ms of {args.repeat} "
                  f"(first {timings[0] * 1000:.0f} ms), {len(found)} rows, view state {state}")
        print("same rows:", results["per unit"] == results["from the view"])


if __name__ == "__main__":
    main()
