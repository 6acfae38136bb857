"""例外事项: what in a period needs a decision, found by fixed rules with thresholds read from data/report/exceptions.toml.

Each finding has a kind, the metric (a platform code for stale_source) and one sentence. Every
rule reads plain tables (KPIs, the targets' evaluation, the value frame, each platform's last
day), so a test can hand it a table made by hand; nothing is invented: a metric without last
year's same months has no 同比 and so no 同比 finding.
"""

from __future__ import annotations

import calendar
import tomllib
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from museum import present, settings
from museum.catalog import Catalog
from museum.i18n import t
from museum.kpis import Kpi
from museum.period import Period

THRESHOLDS_FILE = settings.ROOT / "data" / "report" / "exceptions.toml"
# the order a reader meets them: what is behind or missing before what merely moved
KINDS = ("behind_schedule", "yoy_drop", "missing_month", "stale_source", "implausible", "yoy_jump")


@dataclass(frozen=True)
class Thresholds:
    yoy_pct: float = 30.0
    behind_points: float = 10.0
    previous_months: int = 3
    stale_days: int = 35


@dataclass(frozen=True)
class Finding:
    kind: str            # one of KINDS
    metric: str | None   # metric id; for stale_source the platform code
    text: str            # one sentence in the report's language

    def json(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=4)
def thresholds(path: Path = THRESHOLDS_FILE) -> Thresholds:
    """The committed thresholds (a missing key keeps its default)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return Thresholds(
        yoy_pct=float(data.get("yoy", {}).get("pct", Thresholds.yoy_pct)),
        behind_points=float(data.get("behind_schedule", {}).get("points", Thresholds.behind_points)),
        previous_months=int(data.get("missing_month", {}).get("previous_months", Thresholds.previous_months)),
        stale_days=int(data.get("stale_source", {}).get("days", Thresholds.stale_days)),
    )


def period_end(period: Period) -> date:
    return date(period.year, period.last, calendar.monthrange(period.year, period.last)[1])


def yoy(found: list[Kpi], lang: str, limits: Thresholds) -> list[Finding]:
    """|同比| ≥ the threshold over the months both years have (a KPI without 同比 has none)."""
    result = []
    for kpi in found:
        if kpi.change_pct is None or abs(kpi.change_pct) < limits.yoy_pct:
            continue
        kind = "yoy_drop" if kpi.change_pct < 0 else "yoy_jump"
        text = t(f"monthly.exception.{kind}", lang, metric=kpi.metric.name(lang), value=present.value_text(kpi, lang),
                 change=present.change_text(kpi, lang), basis=present.comparison_label(kpi, lang))
        result.append(Finding(kind, kpi.metric.metric_id, text))
    return result


def behind_schedule(evaluation: pd.DataFrame, progress_pct: float, lang: str, limits: Thresholds) -> list[Finding]:
    """Indicators whose completion is more than the threshold behind 序时进度 at the period end."""
    result = []
    if evaluation is None or evaluation.empty:
        return result
    for row in evaluation.to_dict("records"):
        done = row.get("completion_pct")
        if done is None or pd.isna(done) or row.get("met") is True:
            continue
        gap = progress_pct - float(done)
        if gap > limits.behind_points:
            metric = row.get("metric_id") if isinstance(row.get("metric_id"), str) else None
            result.append(Finding("behind_schedule", metric, t(
                "monthly.exception.behind_schedule", lang, indicator=row["indicator"], done=f"{float(done):.1f}",
                progress=f"{progress_pct:.1f}", gap=f"{gap:.1f}")))
    return result


def _month_before(year: int, month: int, steps: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - steps
    return index // 12, index % 12 + 1


def missing_month(values: pd.DataFrame, period: Period, cat: Catalog, lang: str, limits: Thresholds) -> list[Finding]:
    """A metric reported in each of the previous months but not in the period's last month."""
    monthly = values[values["month"].notna()] if not values.empty else values
    if monthly.empty:
        return []
    have = set(zip(monthly["metric_id"], monthly["year"].astype(int), monthly["month"].astype(int)))
    before = [_month_before(period.year, period.last, step) for step in range(1, limits.previous_months + 1)]
    result = []
    for metric in cat:
        mid = metric.metric_id
        if all((mid, y, m) in have for y, m in before) and (mid, period.year, period.last) not in have:
            result.append(Finding("missing_month", mid, t(
                "monthly.exception.missing_month", lang, metric=metric.name(lang), count=limits.previous_months,
                month=Period.of_month(period.year, period.last).label(lang))))
    return result


def stale_source(last_days: pd.DataFrame, period: Period, lang: str, limits: Thresholds) -> list[Finding]:
    """A platform whose last exported day lies more than the threshold before the period end."""
    end, result = period_end(period), []
    for row in (last_days.to_dict("records") if last_days is not None else []):
        if row.get("last_day") is None or pd.isna(row["last_day"]):
            continue
        last = pd.Timestamp(row["last_day"]).date()
        days = (end - last).days
        if days > limits.stale_days:
            result.append(Finding("stale_source", row["platform"], t(
                "monthly.exception.stale_source", lang, platform=t(f"platform.{row['platform']}", lang),
                last=last.isoformat(), end=end.isoformat(), days=days)))
    return result


def implausible(values: pd.DataFrame, period: Period, cat: Catalog, lang: str) -> list[Finding]:
    """A value of the period outside its metric's bounds (negative where it cannot be, above plausible_max)."""
    if values.empty:
        return []
    rows = values[(values["year"] == period.year)
                  & (values["month"].isin(period.months) | (values["month"].isna() & period.is_year))]
    result = []
    for row in rows.to_dict("records"):
        if row["metric_id"] not in cat:
            continue
        metric = cat[row["metric_id"]]
        low = metric.non_negative and row["value"] < 0
        high = metric.plausible_max is not None and row["value"] > metric.plausible_max
        if low or high:
            month = row["month"]
            when = (Period.of_year(period.year) if month is None or pd.isna(month)
                    else Period.of_month(period.year, int(month))).label(lang)
            result.append(Finding("implausible", metric.metric_id, t(
                "monthly.exception.implausible", lang, metric=metric.name(lang), when=when, value=f"{row['value']:g}",
                bound=("≥ 0" if low else f"≤ {metric.plausible_max:g}"))))
    return result


def ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: KINDS.index(f.kind))
