"""线上传播 by platform: the breakdown of the matrix total, built once for the page and the pack.

Blocks: per metric a stacked monthly bar chart by platform (`platforms_<metric>_monthly_<year>`),
a platform x metric table for the year (`platforms_table_<year>`) and the ten most-read or
most-played items published in the year (`platforms_top_items_<year>`). A metric with a single
value is a table row, not a one-bar chart; a year without per-platform data has no blocks.
Platforms define a read or a play differently, so they are stacked and listed, never summed
into one "views" figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from museum import charts, kpis, numbers, present
from museum.charts import _layout
from museum.sections.blocks import Block, Chart, Notice, Section, Table
from museum.sections.scope import Scope

PLATFORM_COLORS = {"wechat": "#1AAD19", "douyin": "#1F1F1F", "channels": "#FA9D3B", "toutiao": "#E8382F", "xiaohongshu": "#FF2442"}
VIEW_METRICS = ("platform_reads", "video_plays")
TOP_ITEMS = 10


def _year_value(rows: pd.DataFrame, kind: str) -> tuple[float, str]:
    """A flow is the sum of its months, a stock the value of its latest month."""
    if kind == "stock":
        last = rows.sort_values("month").iloc[-1]
        return float(last["value"]), str(last["qualifier"])
    return float(rows["value"].sum()), kpis.combine_qualifiers(rows["qualifier"])


REST_COLOR = "#BFC5CC"
REST_MIN = 0.5  # a difference below rounding is not a part left out


def _totals(scope: Scope, metric_id: str) -> pd.Series:
    """The whole-matrix total of each month of the year (office sheet, report): month -> value."""
    values = scope.values
    totals = values[(values["metric_id"] == metric_id) & (values["year"] == scope.year) & values["month"].notna()
                    & values["platforms"].isna()]
    return totals.astype({"month": int}).set_index("month")["value"]


def _annual_total(scope: Scope, metric_id: str) -> tuple[float, str] | None:
    """The year's whole-matrix figure stored as a year (the annual report), when there is one."""
    values = scope.values
    rows = values[(values["metric_id"] == metric_id) & (values["year"] == scope.year) & values["month"].isna()
                  & values["platforms"].isna()]
    return None if rows.empty else (float(rows["value"].iloc[-1]), str(rows["qualifier"].iloc[-1]))


def _coverage(scope: Scope, metric, rows: pd.DataFrame) -> tuple[dict[int, float], list[int], Notice]:
    """(month -> the part of the total no platform covers, months whose platforms exceed the total, the note
    that says what the platform figures cover): a breakdown never silently contradicts the total."""
    totals = _totals(scope, metric.metric_id)
    by_month = rows.groupby("month")["value"].sum()
    name = metric.name(scope.lang)
    if totals.empty:
        annual = _annual_total(scope, metric.metric_id)
        if annual is not None:  # the report's year figure: the months of the platforms are a part of it
            total = numbers.format_value(annual[0], annual[1], scope.lang, metric.unit(scope.lang))
            return {}, [], Notice(scope.t("sources.section.annual_only_note", metric=name, total=total, year=scope.year))
        return {}, [], Notice(scope.t("sources.section.platforms_only_note", metric=name))
    rest = {int(m): float(totals[m] - by_month.get(m, 0.0)) for m in totals.index}
    over = sorted(m for m, part in rest.items() if part < -REST_MIN)
    rest = {m: part for m, part in rest.items() if part >= REST_MIN}
    if over:
        note = Notice(scope.t("sources.section.over_note", metric=name, months=present.months_text(over, scope.lang)), "warning")
    else:
        note = Notice(scope.t("sources.section.rest_note", metric=name,
                              months=present.months_text(sorted(totals.index), scope.lang)))
    return rest, over, note


def _monthly_chart(scope: Scope, metric, rows: pd.DataFrame) -> tuple[Chart, Notice]:
    lang = scope.lang
    months = list(range(1, 13))
    labels = [scope.t("sources.section.month", month=m) for m in months]
    figure = go.Figure()
    records = []
    for platform in present.ordered_platforms(rows["platform"]):
        by_month = rows[rows["platform"] == platform].set_index("month")["value"]
        name = scope.t(f"platform.{platform}")
        values = [float(by_month[m]) if m in by_month.index else None for m in months]
        figure.add_trace(go.Bar(x=months, y=values, name=name, marker_color=PLATFORM_COLORS.get(platform),
                                customdata=labels, hovertemplate=f"{name} %{{customdata}}: %{{y:,.0f}}<extra></extra>"))
        records += [[label, name, value] for label, value in zip(labels, values) if value is not None]
    rest, _over, note = _coverage(scope, metric, rows)
    if rest:
        name = scope.t("sources.section.rest")
        values = [rest.get(m) for m in months]
        figure.add_trace(go.Bar(x=months, y=values, name=name, marker_color=REST_COLOR,
                                customdata=labels, hovertemplate=f"{name} %{{customdata}}: %{{y:,.0f}}<extra></extra>"))
        records += [[label, name, value] for label, value in zip(labels, values) if value is not None]
    figure.update_layout(barmode="stack")
    charts.month_axis(figure)  # bare month numbers: level and unclipped on a phone
    figure.update_yaxes(rangemode="tozero")
    title = scope.t("sources.section.monthly", metric=metric.name(lang), year=scope.year)
    # the legend names the platforms even when there is one: the reader sees whose figures these are
    _layout(figure, title, demo=scope.demo, lang=lang, unit=metric.unit(lang), legend=True)
    data = pd.DataFrame(records, columns=[scope.t("sources.section.month_axis"), scope.t("sources.column.platform"),
                                          scope.t("col.value")])
    return Chart(scope.name(f"platforms_{metric.metric_id}_monthly"), title, figure, data), note


def _table(scope: Scope, values: pd.DataFrame, metrics: list) -> Table:
    lang = scope.lang
    platforms = present.ordered_platforms(values["platform"])
    header = [scope.t("sources.column.platform")] + [m.name(lang) for m in metrics]
    records = []
    for platform in platforms:
        record = [scope.t(f"platform.{platform}")]
        for metric in metrics:
            rows = values[(values["platform"] == platform) & (values["metric_id"] == metric.metric_id)]
            if rows.empty:
                record.append("—")
                continue
            value, qualifier = _year_value(rows, metric.kind)
            record.append(numbers.format_value(value, qualifier, lang, metric.unit(lang)))
        records.append(record)
    totals = [_totals(scope, metric.metric_id) for metric in metrics]
    if any(not total.empty for total in totals):  # the total beside its parts: the reader sees what they cover
        record = [scope.t("platform.total")]
        for metric, total in zip(metrics, totals):
            value = None if total.empty else (float(total.sort_index().iloc[-1]) if metric.kind == "stock" else float(total.sum()))
            record.append("—" if value is None else numbers.format_value(value, "exact", lang, metric.unit(lang)))
        records.append(record)
    annual = [_annual_total(scope, metric.metric_id) for metric in metrics]
    if all(total.empty for total in totals) and any(a is not None for a in annual):
        record = [scope.t("sources.section.annual_total", year=scope.year)]
        record += ["—" if a is None else numbers.format_value(a[0], a[1], lang, m.unit(lang)) for m, a in zip(metrics, annual)]
        records.append(record)
    title = scope.t("sources.section.table", year=scope.year)
    return Table(scope.name("platforms_table"), title, pd.DataFrame(records, columns=header))


def _top_items(scope: Scope) -> Table | None:
    items = scope.frame("platform_items")
    if items.empty:
        return None
    published = items["published_at"].dt
    in_period = (published.year == scope.year) & published.month.between(scope.period.first, scope.period.last)
    items = items[in_period & items["views"].notna()]
    items = items[items["channel"].isna() | (items["channel"] == "全部")]
    if items.empty:
        return None
    top = items.sort_values(["views", "published_at", "platform", "item_key"], ascending=[False, True, True, True]).head(TOP_ITEMS)
    lang = scope.lang
    header = [scope.t(f"sources.column.{c}") for c in ("title", "platform", "kind", "date", "figure")]
    records = [
        [str(r.title or "—"), scope.t(f"platform.{r.platform}"), scope.t(f"sources.item_type.{r.item_type}"),
         r.published_at.date().isoformat(), numbers.format_value(float(r.views), "exact", lang)]
        for r in top.itertuples()
    ]
    title = scope.t("sources.section.top", period=scope.period_label, count=len(records))
    return Table(scope.name("platforms_top_items"), title, pd.DataFrame(records, columns=header))


def platform_blocks(scope: Scope) -> list[Block]:
    """The per-platform blocks of the scope's year; [] when the year has no per-platform data."""
    values = scope.frame("platform_values")
    values = values[values["year"] == scope.year] if not values.empty else values
    values = values[values["month"].notna()] if not values.empty else values
    if values.empty:
        return []
    cat = scope.catalog
    metrics = [m for m in cat if m.metric_id in set(values["metric_id"])]
    blocks: list[Block] = []
    for metric in metrics:
        rows = values[values["metric_id"] == metric.metric_id].astype({"month": int})
        if len(rows) > 1:  # one value is a table row, not a one-bar chart
            blocks += _monthly_chart(scope, metric, rows)
    blocks.append(_table(scope, values, metrics))
    if any(m.metric_id in VIEW_METRICS for m in metrics):
        blocks.append(Notice(scope.t("sources.section.views_note")))
    top = _top_items(scope)
    if top is not None:
        blocks.append(top)
    return blocks


def platform_section(scope: Scope) -> Section:
    """The section with its heading; without per-platform data, a notice that says how to get it."""
    blocks = platform_blocks(scope)
    if not blocks:
        blocks = [Notice(scope.t("sources.section.no_data", year=scope.year))]
    return Section("platforms", scope.t("sources.section.title"), blocks)
