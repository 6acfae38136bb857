"""The overview's headline row (data/headline.csv: which metrics, in which order) and the notice shown instead of
"无上年数据" on every card when the prior year is not in the database."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from museum import catalog, settings
from museum.i18n import t
from museum.kpis import Kpi

HEADLINE_FILE = settings.ROOT / "data" / "headline.csv"
HEADLINE_SIZE = (6, 9)   # ids listed; a listed metric without a value that year gives way to the next
HEADLINE_SHOWN = 8


@lru_cache(maxsize=4)
def headline_ids(path: Path = HEADLINE_FILE) -> tuple[str, ...]:
    """The metric ids of the headline row, in order (data/headline.csv: 6–8 catalog ids)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cat = catalog.load()
    ids: list[str] = []
    for line, row in enumerate(rows, start=2):
        metric_id = (row.get("metric_id") or "").strip()
        if metric_id not in cat:
            raise ValueError(f"{path.name} row {line}: {metric_id!r} is not a metric id of data/metrics.csv")
        if metric_id in ids:
            raise ValueError(f"{path.name} row {line}: {metric_id!r} is listed twice")
        ids.append(metric_id)
    if not HEADLINE_SIZE[0] <= len(ids) <= HEADLINE_SIZE[1]:
        raise ValueError(f"{path.name} lists {len(ids)} metrics; the headline row takes {HEADLINE_SIZE[0]}–{HEADLINE_SIZE[1]}")
    return tuple(ids)


def headline(kpis: list[Kpi], ids: tuple[str, ...] | None = None) -> list[Kpi]:
    """The year's headline KPIs in the chosen order, at most HEADLINE_SHOWN (those without a value
    that year are left out, so 接待观众人次 leads when it has data and gives its place when not)."""
    by_id = {k.metric.metric_id: k for k in kpis}
    return [by_id[m] for m in (ids or headline_ids()) if m in by_id][:HEADLINE_SHOWN]


def headline_missing(kpis: list[Kpi], lang: str, period: str, ids: tuple[str, ...] | None = None) -> str | None:
    """The headline figures the period has no value for, named ('接待观众人次、…'); None when all are there."""
    ids = ids or headline_ids()
    have = {k.metric.metric_id for k in kpis}
    missing = [catalog.load()[m].name(lang) for m in ids if m not in have]
    # the row has HEADLINE_SHOWN places: a spare id (data/headline.csv may list one more) fills a gap
    shown, total = min(len(ids) - len(missing), HEADLINE_SHOWN), min(len(ids), HEADLINE_SHOWN)
    if shown >= total or len(missing) == len(ids):  # all missing: the page says the period has no data at all
        return None
    names = ("、" if lang == "zh" else ", ").join(missing)
    return t("overview.headline_missing", lang, period=period, names=names, shown=shown, total=total)


def has_prior(kpi: Kpi) -> bool:
    """Whether the prior year has a value of this metric (compared or not)."""
    return kpi.prior is not None


def prior_year_notice(years_in_db, year: int, lang: str = "zh", kpis: list[Kpi] | None = None) -> str | None:
    """One notice instead of "无上年数据" on every card: '库中只有2024年数据：导入2023年的年度报告…'.

    None when the prior year is in the database (given the year's `kpis`: when any has a prior-year value).
    """
    years = sorted({int(y) for y in years_in_db})
    # a month whose last year is known as a whole year only: each card says so ("上年只有全年数")
    has_prior_year = any(has_prior(k) or k.reason == "prior_annual_only" for k in kpis) if kpis else (year - 1) in years
    if has_prior_year:
        return None
    key = "kpi.notice.only_year" if years == [year] else "kpi.notice.no_prior_year"
    return t(key, lang, year=year, prior_year=year - 1)
