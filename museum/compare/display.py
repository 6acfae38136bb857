"""The comparison as readers see it: the table (translated headers, the report's words) and a chart per metric."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import plotly.graph_objects as go

from museum import clock, numbers, present
from museum.charts import NEUTRAL, PRIOR, _layout
from museum.compare.rows import Row
from museum.i18n import t
from museum.period import Period
from museum.sections.blocks import Chart, Notice, Section, Table
from museum.targets.view import pct_text

TABLE_COLUMNS = ("metric", "institution", "value", "rank", "change", "completion", "progress", "per_staff")
# on a page, room for each column's longest usual text ('“三探五进”公益行科普活动', '增长超29.6%', '1/3（并列）'), in px:
# a laptop's main column (about 900 px) holds the Chinese table whole; the English one scrolls to its last column
COLUMN_WIDTHS = {
    "zh": {"metric": 180, "institution": 160, "value": 95, "rank": 85, "change": 100, "completion": 65, "progress": 65,
           "per_staff": 120},
    "en": {"metric": 150, "institution": 150, "value": 145, "rank": 95, "change": 105, "completion": 85, "progress": 90,
           "per_staff": 175},
}
BAR_HEIGHT, CHART_CHROME = 46, 150  # px per unit and for title, unit line and axis


def as_of_note(state, lang: str, now: datetime | None = None) -> str | None:
    """'数据截至北京时间 14:05，正在更新…' while the view the rows were read from (museum.store.views)
    is behind the data; None when it is current or the rows were read unit by unit. The time is the
    refresh's, in the app's zone; with its date when it was not today."""
    if state is None or not state.behind:
        return None
    local = clock.local_time(state.refreshed_at)
    today = clock.local_time(now or datetime.now(timezone.utc)).date()
    text = local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")
    return t("compare.as_of_updating", lang, time=t("time.with_zone", lang, time=text, zone=clock.zone_label(lang, local)))


def value_cell(row: Row, lang: str) -> str:
    """'超500万次', '2万余人' (the report's words), with the months when they are only some; '未报送' without a value."""
    if row.kpi is None:
        return t("compare.not_reported", lang)
    text = present.value_words(row.kpi, lang)
    coverage = present.coverage_text(row.kpi, lang)
    return text + (t("compare.coverage", lang, coverage=coverage) if coverage else "")


def change_cell(row: Row, lang: str) -> str:
    """The card's 同比 ('增长超29.6%', '1–6月同比 +12.3%', '已达上年全年的 66%…'), and why there is none; whole
    years compared need no '同比' before the change, the column says it."""
    if row.kpi is None:
        return "—"
    kpi, reason = row.kpi, present.reason_text(row.kpi, lang)
    text = present.change_text(kpi, lang) if kpi.comparison == "years" and kpi.of_prior_year_pct is None \
        else present.delta_text(kpi, lang)
    return text + (t("compare.coverage", lang, coverage=reason) if reason else "")


def per_staff_cell(row: Row, lang: str) -> str:
    if row.per_staff is None:
        return "—"
    amount = numbers.format_value(row.per_staff, row.per_staff_qualifier or "exact", lang, row.metric.unit(lang), compact=True,
                                  decimals=2)
    return t("compare.per_staff", lang, amount=amount)


def rank_cell(row: Row, lang: str) -> str:
    if row.other_months:
        return t("compare.rank_other_months", lang)
    if row.rank is None:
        return "—"
    return t("compare.rank_tied" if row.tied else "compare.rank", lang, rank=row.rank, count=row.ranked)


def table_frame(rows: list[Row], lang: str) -> pd.DataFrame:
    """One line per metric and unit; every cell display text (the page's table and its CSV/XLSX)."""
    cells = [
        (row.metric.name(lang), row.institution, value_cell(row, lang), rank_cell(row, lang), change_cell(row, lang),
         pct_text(row.completion_pct, row.completion_qualifier, lang),
         "—" if row.progress_pct is None else f"{row.progress_pct:.0f}%", per_staff_cell(row, lang))
        for row in rows
    ]
    return pd.DataFrame(cells, columns=[t(f"compare.column.{c}", lang) for c in TABLE_COLUMNS])


def by_metric(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.metric.metric_id, []).append(row)
    return grouped


def missing_names(rows: list[Row]) -> list[str]:
    return [row.institution for row in rows if row.kpi is None]


def months_covered(row: Row, lang: str) -> str:
    """The months a reported value covers, in words: '1–8月累计', '截至9月', and for a whole year '全年' (a flow)
    or '年末' (a stock, a ratio)."""
    text = present.coverage_text(row.kpi, lang)
    if text:
        return text
    return t("compare.year_end" if row.metric.kind in ("stock", "ratio") else "compare.whole_year", lang)


def other_months_names(rows: list[Row], lang: str) -> list[str]:
    """'示例·某区科普基地（1–8月累计）': the units not ranked because they reported other months, with theirs."""
    return [row.institution + t("compare.coverage", lang, coverage=months_covered(row, lang))
            for row in rows if row.other_months]


def figure(rows: list[Row], period: Period, lang: str) -> go.Figure:
    """Horizontal bars of one metric across the units with a value, best first (rank order); a unit that reported
    other months than the ranked ones comes last, in a paler colour, its months beside its value."""
    drawn = sorted((r for r in rows if r.kpi is not None),
                   key=lambda r: (r.other_months, r.rank or 0, -(r.value or 0) if r.metric.higher_is_better else r.value or 0,
                                  r.institution))
    metric = rows[0].metric
    labels = [numbers.format_value(r.value, r.qualifier, lang, metric.unit(lang), compact=True)
              + (t("compare.coverage", lang, coverage=months_covered(r, lang)) if r.other_months else "")
              for r in drawn]
    fig = go.Figure(go.Bar(
        x=[r.value for r in drawn], y=[r.institution for r in drawn], orientation="h", text=labels,
        textposition="outside", marker_color=[PRIOR if r.other_months else NEUTRAL for r in drawn], cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    # the unit names stay whole on a phone: the axis takes the room they need, the bars the rest
    fig.update_yaxes(autorange="reversed", automargin=True, type="category")
    fig.update_xaxes(rangemode="tozero", exponentformat="none", separatethousands=True, showticklabels=False)
    title = t("compare.chart_title", lang, metric=metric.name(lang), period=period.label(lang))
    fig = _layout(fig, title, demo=any(r.kpi.current.is_demo for r in drawn), lang=lang, unit=metric.unit(lang),
                  height=max(220, BAR_HEIGHT * len(drawn) + CHART_CHROME))
    return fig.update_layout(margin={"l": 8, "r": 80})


def chart_data(rows: list[Row], lang: str) -> pd.DataFrame:
    """The numbers behind a chart: every unit, 未报送 ones included (with no value), headers translated."""
    return pd.DataFrame({
        t("compare.column.institution", lang): [r.institution for r in rows],
        t("compare.column.value", lang): [r.value for r in rows],
        t("compare.column.qualifier", lang): [t(f"compare.qualifier.{r.qualifier}", lang) if r.qualifier else "—"
                                              for r in rows],
        t("compare.column.shown", lang): [value_cell(r, lang) for r in rows],
        t("compare.column.rank", lang): [rank_cell(r, lang) for r in rows],
    })


def section(rows: list[Row], period: Period, lang: str) -> Section:
    """The table, then per metric its chart (when any unit has a value) and the units that did not report."""
    blocks: list = [Table(f"compare_{period.text}", t("compare.table_title", lang, period=period.label(lang)),
                          table_frame(rows, lang))]
    for metric_id, metric_rows in by_metric(rows).items():
        missing = missing_names(metric_rows)
        if len(missing) < len(metric_rows):
            blocks.append(Chart(f"compare_{metric_id}_{period.text}", metric_rows[0].metric.name(lang),
                                figure(metric_rows, period, lang), chart_data(metric_rows, lang)))
        if missing:
            blocks.append(Notice(t("compare.missing", lang, metric=metric_rows[0].metric.name(lang),
                                   names=t("compare.name_separator", lang).join(missing))))
        apart = other_months_names(metric_rows, lang)
        if apart:
            blocks.append(Notice(t("compare.other_months", lang, metric=metric_rows[0].metric.name(lang),
                                   names=t("compare.name_separator", lang).join(apart))))
    return Section("compare", t("compare.title", lang), blocks)
