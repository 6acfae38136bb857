"""A year's completeness: month × source (office sheets, each platform, typed values), what is in and what is missing."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from museum.i18n import t
from museum.sources import PLATFORMS
from museum.store import db

SOURCES = ("office", *[f"platform:{p}" for p in PLATFORMS], "typed")


def months_due(year: int, found_months: set[int], today: dt.date | None = None) -> int:
    """How many months of `year` should be in: all twelve of a past year; of the current year the
    months before this one (this month's figures come after it ends) or the latest with data."""
    today = today or dt.date.today()
    if year < today.year:
        return 12
    if year > today.year:
        return max(found_months, default=0)
    return max(today.month - 1, max(found_months, default=0))


def grid(con, institution: int, year: int, today: dt.date | None = None) -> dict:
    """{source: {month: metrics}} for every source row (platforms always listed) and the months due."""
    found = db.query(con, "completeness_months", institution_id=institution, year=year)
    cells: dict[str, dict[int, int]] = {source: {} for source in SOURCES}
    for row in found.itertuples():
        source = f"platform:{row.platform}" if row.source == "platform" else row.source
        cells.setdefault(source, {})[int(row.month)] = int(row.metrics)
    if not cells.get("demo"):
        cells.pop("demo", None)
    months = {int(m) for m in found["month"]} if not found.empty else set()
    return {"cells": cells, "due": months_due(year, months, today)}


def _source_name(source: str, lang: str) -> str:
    if source.startswith("platform:"):
        return t(f"platform.{source.split(':', 1)[1]}", lang)
    return t(f"completeness.source.{source}", lang)


def table(con, institution: int, year: int, lang: str, today: dt.date | None = None) -> pd.DataFrame:
    """The view as text: one row per source, one column per month; a cell says how many metrics
    are in ("✓ 5"), "缺" for a month due with nothing from that source, blank for a month not due.
    Typed values are listed where there are any, never as missing (they are not expected)."""
    found = grid(con, institution, year, today)
    months = [t("completeness.month", lang, month=m) for m in range(1, 13)]
    records = []
    for source, by_month in found["cells"].items():
        expected = source != "typed" and source != "demo"
        if source == "typed" and not by_month:
            continue
        row = [_source_name(source, lang)]
        for month in range(1, 13):
            if month in by_month:
                row.append(t("completeness.in", lang, count=by_month[month]))
            elif expected and month <= found["due"]:
                row.append(t("completeness.missing", lang))
            else:
                row.append("")
        records.append(row)
    return pd.DataFrame(records, columns=[t("completeness.column.source", lang), *months])


def missing_summary(frame: pd.DataFrame, lang: str) -> str:
    """One sentence: how many cells are missing, by source ("缺：微信公众号 3 个月、抖音 1 个月")."""
    gaps = [(row.iloc[0], int((row.iloc[1:] == t("completeness.missing", lang)).sum())) for _, row in frame.iterrows()]
    gaps = [(name, count) for name, count in gaps if count]
    if not gaps:
        return t("completeness.none_missing", lang)
    return t("completeness.some_missing", lang, items=t("completeness.join", lang).join(
        t("completeness.gap", lang, source=name, count=count) for name, count in gaps))
