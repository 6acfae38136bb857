"""`python -m museum kpis --period P | --year Y [--json]`: every metric with a value in the period, with 同比 and
环比 (JSON keys: present.KPI_JSON_KEYS). `--year Y` is the period "the whole year Y"."""

from __future__ import annotations

from museum import catalog, kpis, period, present
from museum.cli.common import add_unit_options, unit, open_initialised, print_json, print_table
from museum.errors import InputRejected
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("kpis", parents=[common], help="KPIs of a period with 同比 and 环比")
    chosen = parser.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--period", help="2025 | 2025-Q2 | 2025-04 | 2025-01..2025-04")
    chosen.add_argument("--year", type=int, help="the whole year (the same as --period YEAR)")
    add_unit_options(parser, user=True)
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(handler=run)


def run(args) -> int:
    chosen = period.parse(args.period) if args.period is not None else period.Period.of_year(args.year)
    con = open_initialised(args)
    try:
        institution, _ = unit(con, args)
        values = kpis.load_values(con, institution)
    finally:
        con.close()
    result = kpis.kpis_for_period(values, catalog.load(), chosen)
    if args.json:
        print_json([present.kpi_json(k, args.lang) for k in result])
    if not result:
        years = "、".join(str(y) for y in kpis.years_with_data(values)) or "—"
        if chosen.is_year:
            raise InputRejected("cli.no_data_for_year", year=chosen.year, years=years)
        raise InputRejected("period.error.no_data", period=chosen.label(args.lang), years=years)
    if args.json:
        return 0
    lang = args.lang
    with_previous = chosen.previous() is not None  # a month, a quarter, months a–b: a 环比 column
    headers = [t(f"cli.column.{c}", lang) for c in ("metric", "value", "prior", "change")]
    headers += [t("kpi.previous.label", lang)] if with_previous else []
    rows = []
    for k in result:
        value = present.value_text(k, lang)
        coverage = present.coverage_text(k, lang)
        notes = [n for n in (present.reason_text(k, lang), present.platform_text(k, lang)) if n]
        row = [
            k.metric.name(lang),
            value + (f" ({coverage})" if coverage else ""),
            present.prior_text(k, lang) or "—",
            present.delta_text(k, lang) + (f" ({'; '.join(notes)})" if notes else ""),
        ]
        if with_previous:
            why = present.previous_reason_text(k, lang)
            row.append(present.previous_change_text(k, lang) + (f" ({why})" if why else ""))
        rows.append(row)
    print_table(headers, rows)
    return 0
