"""`python -m museum kpis --year Y [--json]`: every metric with a value that year, with 同比 (JSON keys: present.KPI_JSON_KEYS)."""

from __future__ import annotations

from museum import catalog, kpis, present
from museum.cli.common import choose_institution, open_initialised, print_json, print_table
from museum.errors import InputRejected
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("kpis", parents=[common], help="KPIs of a year with year-over-year change")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--institution", help="institution name (default: the first one)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(handler=run)


def run(args) -> int:
    con = open_initialised(args)
    try:
        institution, _ = choose_institution(con, args.institution)
        values = kpis.load_values(con, institution)
    finally:
        con.close()
    result = kpis.kpis_for_year(values, catalog.load(), args.year)
    if args.json:
        print_json([present.kpi_json(k, args.lang) for k in result])
    if not result:
        years = "、".join(str(y) for y in kpis.years_with_data(values)) or "—"
        raise InputRejected("cli.no_data_for_year", year=args.year, years=years)
    if args.json:
        return 0
    lang = args.lang
    headers = [t(f"cli.column.{c}", lang) for c in ("metric", "value", "prior", "change")]
    rows = []
    for k in result:
        value = present.value_text(k, lang)
        coverage = present.coverage_text(k, lang)
        notes = [n for n in (present.reason_text(k, lang), present.platform_text(k, lang)) if n]
        rows.append([
            k.metric.name(lang),
            value + (f" ({coverage})" if coverage else ""),
            present.prior_text(k, lang) or "—",
            present.delta_text(k, lang) + (f" ({'; '.join(notes)})" if notes else ""),
        ])
    print_table(headers, rows)
    return 0
