"""`python -m museum values [--year Y | --period P] [--metric ID] [--platform P|total] [--json]`: every current stored value.

`--period` (2025, 2025-Q2, 2025-04, 2025-01..2025-04) keeps the values of its months; a whole-year value belongs
to a whole-year period only (it cannot be split into months).

One object per stored observation with exactly the keys metric, year, month, platform, value,
qualifier, batch_id, source (`month` null for a full-year value, `platform` null for the total;
`source` the report sentence, else the file of the batch, else the batch kind). Without --json,
a readable table.
"""

from __future__ import annotations

import pandas as pd

from museum import catalog, numbers, period as periods, sources
from museum.store import batches, db
from museum.cli.common import add_unit_options, unit, open_initialised, print_json, print_table
from museum.errors import UsageError
from museum.i18n import t

JSON_KEYS = ("metric", "year", "month", "platform", "value", "qualifier", "batch_id", "source")


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("values", parents=[common], help="every current stored value (totals and per-platform figures)")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--year", type=int)
    chosen.add_argument("--period", help="2025 | 2025-Q2 | 2025-04 | 2025-01..2025-04 (the values of those months)")
    parser.add_argument("--metric", metavar="ID", help="one metric id")
    parser.add_argument("--platform", metavar="P|total", help=f"one platform ({', '.join(sources.PLATFORMS)}) or total")
    add_unit_options(parser, user=True)
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(handler=run)


def stored_values(con, institution: int, *, year: int | None = None, metric: str | None = None, platform: str | None = None):
    """The current observations, filtered; platform "total" means the matrix totals only."""
    return db.query(
        con, "observation_current_values", institution_id=institution, year=year, metric_id=metric,
        platform=None if platform in (None, "total") else platform, totals_only=platform == "total",
    )


def in_period(found: pd.DataFrame, chosen: periods.Period) -> pd.DataFrame:
    """The stored values of the period's months; a whole-year value only when the period is its whole year."""
    months = found["month"]
    whole_year = months.isna() & chosen.is_year
    return found[(found["year"] == chosen.year) & (whole_year | months.isin(chosen.months))]


def _source(row) -> str | None:
    for value in (row["sentence"], row["file_name"], row["kind"]):  # the report's words, else the file
        if isinstance(value, str) and value:
            return value
    return None


def _platform(platform: str | None, metric, lang: str) -> str:
    """A platform, or 全矩阵合计 for a media total; '—' for assets, staff …, where a platform means nothing."""
    if platform is None and (metric is None or metric.category != "online_media"):
        return "—"
    return t(f"platform.{platform or 'total'}", lang)


def run(args) -> int:
    cat = catalog.load()
    if args.metric and args.metric not in cat:
        raise UsageError("values.unknown_metric", metric=args.metric, suggestions="、".join(cat.suggest(args.metric)) or "—")
    if args.platform and args.platform != "total" and args.platform not in sources.PLATFORMS:
        raise UsageError("values.bad_platform", platform=args.platform, known=", ".join(sources.PLATFORMS))
    chosen = periods.parse(args.period) if args.period is not None else None
    con = open_initialised(args)
    try:
        institution, _ = unit(con, args)
        year = chosen.year if chosen is not None else args.year
        found = stored_values(con, institution, year=year, metric=args.metric, platform=args.platform)
    finally:
        con.close()
    if chosen is not None:
        found = in_period(found, chosen)
    records = [
        {
            "metric": row["metric_id"],
            "year": int(row["year"]),
            "month": None if pd.isna(row["month"]) else int(row["month"]),
            "platform": row["platform"] if isinstance(row["platform"], str) else None,
            "value": float(row["value"]),
            "qualifier": row["qualifier"],
            "batch_id": int(row["batch_id"]),
            "source": _source(row),
        }
        for _, row in found.iterrows()
    ]
    if args.json:
        print_json(records)
        return 0
    lang = args.lang
    if not records:
        print(t("values.none", lang))
        return 0
    headers = [t(f"values.column.{c}", lang) for c in ("metric", "period", "platform", "value", "batch", "source")]
    rows = []
    for record in records:
        metric = cat[record["metric"]] if record["metric"] in cat else None
        period = t("intake.period.year", lang, year=record["year"]) if record["month"] is None else \
            t("intake.period.month", lang, year=record["year"], month=record["month"])
        source = record["source"] or ""
        if source in batches.KINDS:  # no sentence and no file: the kind of batch, in words
            source = t(f"batch.kind.{source}", lang)
        rows.append([
            metric.name(lang) if metric else record["metric"],
            period,
            _platform(record["platform"], metric, lang),
            numbers.format_value(record["value"], record["qualifier"], lang, metric.unit(lang) if metric else ""),
            f"#{record['batch_id']}",
            source if len(source) <= 40 else source[:39] + "…",
        ])
    print_table(headers, rows)
    return 0
