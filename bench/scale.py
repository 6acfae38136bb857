"""Scale benchmark: one institution's pages at national size (1,900 venues × 10 years × 12 months × 100 metrics).

Builds the synthetic database of bench/scale_build.py in a temporary directory (or reuses one
with --db), then, in a fresh process that opens it the way the dashboard does (the shared
read-only path, museum.store.db.reading), measures for one institution in the middle of the table:

- every frame of museum.sections.FRAMES (metric_values and the record, plan and platform
  frames) and the institutions list, each with the project's own loader;
- the KPI arithmetic of the year (museum.kpis.kpis_for_year over that institution's values);
- the overview page's museum side: the reads it makes plus its sections' blocks (headline,
  every category's cards with target progress);

against the baseline DuckDB's bare aggregate of the same rows, measured in the same loop
(`select metric_id, year, month, sum(value) … where institution_id = ? group by …` into a
DataFrame). Each figure is the median of --repeat runs after one warm-up; the first read after
opening (cold buffers) is printed separately. Goal (issue 13): ≤ 2× the bare aggregate and
< 200 ms server time per page. Also printed: build time, file size, row counts, peak memory
(max RSS) of the measuring process, and the machine's load.

PostgreSQL (issue 25): with --engine postgresql|both (default both where it is installed) the same
rows are copied into a private cluster (bench/scale_pg.py: DuckDB writes CSV, PostgreSQL COPYs it)
and every figure is measured there too, in the same run, then printed as a ratio to DuckDB's. Both
engines also time the comparison page (单位对比) of the last year for the first 50 and 200 synthetic
units (--compare-units), through museum.compare's public path as the CLI and the page run it:
a Scope per unit, then compare.build.

    python bench/scale.py [--institutions 1900] [--years 10] [--metrics 100] [--order arrival|institution]
                          [--repeat 15] [--keep DIR | --db PATH] [--engine duckdb|postgresql|both]
                          [--compare-units 50,200] [--compare-repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import engines  # noqa: E402
import scale_build  # noqa: E402

BARE_AGGREGATE = """
select metric_id, year, month, sum(value) as value
from observation
where institution_id = $institution_id and retired_by_batch is null
group by metric_id, year, month
"""
# The overview's reads (ui/context.py, app_pages/overview.py): the sidebar's list, the values,
# and the targets behind the cards' progress lines.
OVERVIEW_FRAMES = ("values", "targets", "target_budget")


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _overview_blocks(scope, categories) -> int:
    """What app_pages/overview.py builds from the scope (museum side only): the headline and each category's cards."""
    from museum import sections
    from museum.sections.common import category_cards

    built = sections.build("overview", scope)
    cards = [category_cards(scope, category, fold_after=4) for category in categories]
    return len(built.blocks) + sum(card is not None for card in cards)


def compare_page(con, units: list[tuple[int, str]], year: int, from_view: bool | None = None) -> int:
    """The comparison page's museum side for `units` in the year (rows built): museum.compare.sources'
    entry point, per unit (`from_view=False`, every unit's own frames as its pages read them) or as the
    page reads it (None: the materialized view on PostgreSQL, per unit on DuckDB)."""
    from museum.compare import sources

    rows, _ = sources.compare_rows(con, units, year, "zh", from_view=from_view)
    return len(rows)


def measure(path, institution_id: int, year: int, metrics: int, repeat: int, compare_units: list[int] = (),
            compare_repeat: int = 2) -> dict:
    """The child process: every figure in seconds (lists of samples), first-read figures, memory."""
    from museum import catalog, institutions, kpis
    from museum.store import db
    from museum.sections import FRAMES, Scope

    cat = scale_build.bench_catalog(metrics)
    # a national catalog of 100 metrics: the scope (and every section) sees the same one as the KPI line
    catalog.load = lambda: cat
    name = None
    opened = time.perf_counter()
    with db.reading(path) as con:
        open_seconds = time.perf_counter() - opened
        first: dict[str, float] = {}
        for label, run in (("bare", lambda: con.execute(BARE_AGGREGATE, {"institution_id": institution_id}).df()),
                           ("values", lambda: FRAMES["values"](con, institution_id)),
                           ("institutions", lambda: institutions.table(con))):
            started = time.perf_counter()
            run()
            first[label] = time.perf_counter() - started
        table = institutions.table(con)
        name = str(table.loc[table["institution_id"] == institution_id, "name"].iloc[0])
        samples: dict[str, list[float]] = {}

        def timed(label: str, run):
            started = time.perf_counter()
            result = run()
            samples.setdefault(label, []).append(time.perf_counter() - started)
            return result

        rows = values_rows = kpi_count = blocks = 0
        for attempt in range(repeat + 1):
            if attempt == 1:
                samples.clear()  # the first round warms DuckDB's buffers and Python's caches
            bare = timed("bare aggregate", lambda: con.execute(BARE_AGGREGATE, {"institution_id": institution_id}).df())
            rows = len(bare)
            frames = {}
            for frame in FRAMES:
                frames[frame] = timed(f"frame {frame}", lambda: FRAMES[frame](con, institution_id))
            timed("institutions", lambda: institutions.table(con))
            # not on the page: the years of every institution (one pass over every data row), and
            # the values read through Arrow instead of DuckDB's DataFrame conversion (db.query)
            timed("institutions with years", lambda: institutions.with_years(con))
            timed("values via arrow", lambda: db.arrow(con, "metric_values", institution_id=institution_id).to_pandas())
            values = frames["values"]
            values_rows = len(values)
            shown = values[values["year"] <= year].reset_index(drop=True)
            kpi_count = len(timed("kpis_for_year", lambda: kpis.kpis_for_year(shown, cat, year)))
            scope = Scope(institution_id, name, year, "zh", lambda frame: frames[frame])
            blocks = timed("overview blocks", lambda: _overview_blocks(scope, catalog.CATEGORIES))
        synthetic = table[table["name"].str.startswith(scale_build.NAME_PREFIX)].sort_values("institution_id")
        units = [(int(i), str(n)) for i, n in zip(synthetic["institution_id"], synthetic["name"])]
        for count in compare_units:
            for _ in range(compare_repeat):
                timed(f"compare {count} units", lambda: compare_page(con, units[:count], year, from_view=False))
                timed(f"compare {count} units as the page reads", lambda: compare_page(con, units[:count], year))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"samples": samples, "first": first, "open": open_seconds, "rows": rows, "values_rows": values_rows,
            "kpis": kpi_count, "blocks": blocks, "institution": name, "peak_mb": usage.ru_maxrss / 1024}


def run_child(path, institution_id: int, year: int, metrics: int, repeat: int, compare_units: list[int],
              compare_repeat: int) -> dict:
    env = {**os.environ, "MUSEUM_QUERY_TIMEOUT_SECONDS": "600"}
    out = subprocess.run([sys.executable, __file__, "--child", str(path), str(institution_id), str(year), str(metrics),
                          str(repeat), ",".join(map(str, compare_units)), str(compare_repeat)],
                         capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"measurement failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def synthetic_facts(path: Path) -> dict:
    """Refuse anything but a database this benchmark built; what it holds."""
    from museum import settings
    from museum.store import db

    if Path(path).absolute() == settings.db_path(None).absolute():
        raise SystemExit("bench/scale.py never measures the default database")
    with db.session(path, read_only=True) as con:
        marked = con.execute("select count(*) from batch where note = $note", {"note": scale_build.NOTE}).fetchone()[0]
        if not marked:
            raise SystemExit(f"{path} was not built by bench/scale.py (no batch carries its note)")
        first, count = con.execute("select min(institution_id), count(*) from institution where starts_with(name, $p)",
                                   {"p": scale_build.NAME_PREFIX}).fetchone()
        years = con.execute("select min(year), max(year), count(distinct metric_id) from observation "
                            "where institution_id = $i", {"i": first}).fetchone()
        observations = con.execute("select count(*) from observation").fetchone()[0]
    return {"first_institution": first, "institutions": count, "first_year": years[0], "last_year": years[1],
            "metrics": years[2], "observations": observations}


def report(facts: dict, result: dict, year: int) -> dict:
    med = {label: _median_ms(values) for label, values in result["samples"].items()}
    bare = med["bare aggregate"]
    frames = {label: ms for label, ms in med.items() if label.startswith("frame ")}
    reads_all = sum(frames.values()) + med["institutions"]
    reads_overview = sum(med[f"frame {f}"] for f in OVERVIEW_FRAMES) + med["institutions"]
    page = reads_overview + med["overview blocks"]
    print(f"\ninstitution {result['institution']} (id {facts['first_institution'] + facts['institutions'] // 2}), year {year}: "
          f"{result['rows']:,} aggregated rows, {result['values_rows']:,} value rows, {result['kpis']} KPIs, "
          f"{result['blocks']} blocks")
    print(f"first read after opening (the engine's buffers cold, the data in the OS cache): open {result['open'] * 1000:.0f} ms, bare "
          f"{result['first']['bare'] * 1000:.0f} ms, values {result['first']['values'] * 1000:.0f} ms, institutions "
          f"{result['first']['institutions'] * 1000:.0f} ms")
    print(f"\n{'median of ' + str(len(result['samples']['bare aggregate'])) + ' runs':34} {'ms':>8} {'x bare':>7}")
    lines = [("bare aggregate (baseline)", bare), *[(label, ms) for label, ms in frames.items()],
             ("institutions list", med["institutions"]), ("kpis_for_year (arithmetic)", med["kpis_for_year"]),
             ("overview blocks (incl. KPIs)", med["overview blocks"]),
             ("all frames + institutions", reads_all), ("overview reads", reads_overview),
             ("overview page (reads + blocks)", page),
             ("not on a page: institutions with years", med["institutions with years"]),
             ("not on a page: values via db.arrow", med["values via arrow"])]
    for label, ms in lines:
        print(f"{label:34} {ms:8.1f} {ms / bare:7.2f}")
    print(f"\ngoal: values ≤ 2x bare ({'met' if med['frame values'] <= 2 * bare else 'not met'}: "
          f"{med['frame values'] / bare:.2f}x), kpis ≤ 2x bare ({'met' if med['kpis_for_year'] <= 2 * bare else 'not met'}: "
          f"{med['kpis_for_year'] / bare:.2f}x), overview page < 200 ms ({'met' if page < 200 else 'not met'}: {page:.0f} ms)")
    for label in (label for label in med if label.startswith("compare ")):
        print(f"{'comparison page, ' + label[len('compare '):]:34} {med[label]:8.1f} {med[label] / bare:7.2f}  "
              f"(median of {len(result['samples'][label])})")
    print(f"peak memory of the measuring process (max RSS): {result['peak_mb']:.0f} MB")
    return {**med, "all frames + institutions": reads_all, "overview page (reads + blocks)": page}


def report_ratios(figures: dict) -> None:
    """Each PostgreSQL figure as a multiple of DuckDB's, both measured in this run."""
    duck, pg = figures["duckdb"], figures["postgresql"]
    print(f"\nPostgreSQL against DuckDB, same run and same rows ({'ms':>8} DuckDB, {'ms':>8} PostgreSQL, ratio):")
    for label in duck:
        if label in pg:
            print(f"  {label:40} {duck[label]:9.1f} {pg[label]:9.1f} {pg[label] / duck[label]:7.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--institutions", type=int, default=1900)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--metrics", type=int, default=100)
    parser.add_argument("--order", choices=scale_build.ORDERS, default="arrival",
                        help="physical row order: arrival (month by month, every venue) or institution")
    parser.add_argument("--repeat", type=int, default=15)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--keep", help="build the database in this directory and keep it")
    where.add_argument("--db", help="measure a database this benchmark built before (no build)")
    parser.add_argument("--compare-units", default="50,200", help="sizes of the comparison page measured (units)")
    parser.add_argument("--compare-repeat", type=int, default=2, help="runs of each comparison page (median)")
    engines.add_argument(parser)
    parser.add_argument("--child", nargs=7, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        from museum import settings

        path, institution_id, year, metrics, repeat, sizes, compare_repeat = args.child
        target = settings.DatabaseUrl(path) if settings.is_database_url(path) else Path(path)
        print(json.dumps(measure(target, int(institution_id), int(year), int(metrics), int(repeat),
                                 [int(n) for n in sizes.split(",") if n], int(compare_repeat))))
        return
    chosen = engines.chosen(args.engine)
    compare_units = [int(n) for n in args.compare_units.split(",") if n]
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores; "
          f"DuckDB {__import__('duckdb').__version__}")
    directory = None if args.db or args.keep else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        path = Path(args.db) if args.db else build(Path(args.keep) if args.keep else directory, args)
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        print(f"database file: {size / 1048576:,.0f} MB")
        facts = synthetic_facts(path)
        year = facts["last_year"]
        figures = {}
        for engine in chosen:
            measure_engine = lambda target: run_child(target, facts["first_institution"] + facts["institutions"] // 2, year,  # noqa: E731
                                                      facts["metrics"], args.repeat, compare_units, args.compare_repeat)
            if engine == "duckdb":
                print(f"\n=== DuckDB {__import__('duckdb').__version__}: {engines.load_line()}")
                figures[engine] = report(facts, measure_engine(path), year)
                continue
            with engines.cluster() as cluster:
                import scale_pg

                print(f"\n=== PostgreSQL {cluster.version()}: copying the rows ({engines.load_line()})")
                loaded = scale_pg.load(path, cluster.database("bench_scale"), cluster.dir / "load",
                                       first=facts["first_institution"],
                                       last=facts["first_institution"] + facts["institutions"] - 1, metrics=facts["metrics"])
                print("load: " + "  ".join(f"{k} {v:.1f}s" for k, v in loaded["timings"].items()))
                print(f"database size: {loaded['bytes'] / 1048576:,.0f} MB; measuring ({engines.load_line()})")
                figures[engine] = report(facts, measure_engine(cluster.database_url("bench_scale")), year)
        if len(figures) == 2:
            report_ratios(figures)
    finally:
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)


def build(directory: Path, args) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "scale.duckdb"
    print(f"building {args.institutions:,} institutions × {args.years} years × 12 months × {args.metrics} metrics "
          f"({args.order} order) in {path}")
    built = scale_build.build(path, institutions=args.institutions, years=args.years, metrics=args.metrics, order=args.order)
    print("build: " + "  ".join(f"{k} {v:.1f}s" for k, v in built["timings"].items()))
    print("rows: " + "  ".join(f"{k} {v:,}" for k, v in built["counts"].items()))
    print(f"peak memory of the building process (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return path

if __name__ == "__main__":
    main()
