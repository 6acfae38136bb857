"""The 科普统计 and 科协综合统计 preparation sheets: each line's value as filed, where it came from, what to collect.

The forms' number rules: whole numbers; "0" for a stored zero and "-" for what the data does not
hold (never 0 for missing). 科普统计 is the year's actuals; 科协综合统计 is filed about November:
January–October actuals plus a November–December plan, the remaining target where a target is
linked, else last year's November–December, every planned number labelled 计划.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from museum.forms.mapping import Line, load
from museum.period import Period

ROW_JSON_KEYS = ("table", "indicator", "unit", "value", "actual", "planned", "metric", "source")
NOT_REPORTED = "-"
ACTUAL_MONTHS, PLAN_MONTHS = (1, 10), (11, 12)


@dataclass
class Row:
    line: Line
    actual: float | None
    planned: float | None
    source: str

    @property
    def value(self) -> str:
        if self.actual is None and self.planned is None:
            return NOT_REPORTED
        return whole((self.actual or 0) + (self.planned or 0))

    def to_json(self) -> dict:
        record = {"table": self.line.table, "indicator": self.line.indicator, "unit": self.line.unit,
                  "value": self.value, "actual": _plain(self.actual), "planned": _plain(self.planned),
                  "metric": self.line.source_name, "source": self.source}
        assert tuple(record) == ROW_JSON_KEYS
        return record


def whole(number: float) -> str:
    """The form's whole number: 12.5 -> "13", 0 -> "0"."""
    return str(int(Decimal(str(number)).quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def _plain(value):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 6)


def _batches(kpi) -> str:
    return "、".join(f"#{s.batch_id}" for s in dict.fromkeys(kpi.current.sources))


def _platform_value(scope, line: Line, period: Period) -> tuple[float, str] | None:
    """A platform's own value of a metric over the period (a stock at its latest month)."""
    frame = scope.frame("platform_values")
    rows = frame[(frame["metric_id"] == line.metric) & (frame["platform"] == line.platform) & (frame["year"] == period.year)
                 & frame["month"].notna() & frame["month"].between(period.first, period.last)]
    if rows.empty:
        return None
    kind = scope.catalog[line.metric].kind
    rows = rows.sort_values("month")
    value = float(rows["value"].iloc[-1]) if kind == "stock" else float(rows["value"].sum())
    batches = "、".join(f"#{int(b)}" for b in dict.fromkeys(rows["batch_id"]))
    return value, batches


def actual(scope_of, line: Line, period: Period) -> tuple[float | None, str]:
    """The line's value over `period` and where it came from ("metric period 批次#3")."""
    if line.metric is None:
        return None, f"待收集：{line.definition}"
    scope = scope_of(period)
    if line.platform:
        found = _platform_value(scope, line, period)
        if found is None:
            return None, f"{line.source_name} {period.text} 库中无数据"
        return found[0], f"{line.source_name} {period.text} 批次{found[1]}"
    kpi = next((k for k in scope.kpis if k.metric.metric_id == line.metric), None)
    if kpi is None:
        return None, f"{line.metric} {period.text} 库中无数据"
    qualifier = {"at_least": "（超）", "approx": "（约）"}.get(kpi.qualifier, "")
    return kpi.value, f"{line.metric} {period.text}{qualifier} 批次{_batches(kpi)}"


def kepu_rows(scope_of, year: int) -> list[Row]:
    period = Period.of_year(year)
    return [Row(line, *_with_none(actual(scope_of, line, period))) for line in load("kepu")]


def _with_none(found: tuple[float | None, str]) -> tuple[float | None, None, str]:
    return found[0], None, found[1]


def _remaining_target(targets, metric: str, year: int, done: float) -> float | None:
    rows = targets[(targets["year"] == year) & (targets["metric_id"] == metric) & targets["operator"].isin([">=", "="])
                   & targets["target_value"].notna()]
    if rows.empty:
        return None
    return max(float(rows["target_value"].iloc[0]) - done, 0.0)


def kexie_row(scope_of, line: Line, year: int) -> Row:
    done_period = Period.of_months(year, *ACTUAL_MONTHS)
    done, source = actual(scope_of, line, done_period)
    if line.metric is None or scope_of(done_period).catalog[line.metric].kind != "flow":
        return Row(line, done, None, source)
    remaining = _remaining_target(scope_of(done_period).frame("targets"), line.metric, year, done or 0.0)
    if remaining is not None:
        return Row(line, done, remaining, f"{source}；11–12月计划 = 全年目标余量")
    last_year, last_source = actual(scope_of, line, Period.of_months(year - 1, *PLAN_MONTHS))
    if last_year is None:
        return Row(line, done, None, f"{source}；11–12月无目标、无上年同期，未列计划")
    return Row(line, done, last_year, f"{source}；11–12月计划 = 上年同期（{last_source}）")


def kexie_rows(scope_of, year: int) -> list[Row]:
    return [kexie_row(scope_of, line, year) for line in load("kexie")]


def rows(form: str, scope_of, year: int) -> list[Row]:
    """`scope_of(period)` gives the scope of a period (scopes are built once per period by the caller)."""
    return kepu_rows(scope_of, year) if form == "kepu" else kexie_rows(scope_of, year)


def to_collect(found: list[Row]) -> list[Row]:
    """Form lines the data cannot fill: what the office must collect."""
    return [row for row in found if row.line.kind == "field" and row.line.metric is None]
