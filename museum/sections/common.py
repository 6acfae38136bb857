"""Blocks several sections share: a category's KPI cards and sentences, per-metric charts, the 同比 chart.

Rules that keep a chart honest: a metric known for one year only gets no chart (its KPI card or
table row says it all); a monthly chart needs two months; a 同比 chart needs two metrics.
"""

from __future__ import annotations

import pandas as pd

from museum import charts, kpis, present
from museum.catalog import Metric
from museum.sections.blocks import Block, Chart, Heading, KpiCards, Sentences
from museum.sections.scope import Scope
from museum.tabular import round_value
from museum.targets.charts import add_event_spans


def category_cards(scope: Scope, category: str, *, title: str | None = None, fold_after: int | None = None) -> KpiCards | None:
    """The category's KPI cards for the scope's year (None when the category has no value that year)."""
    found = scope.kpis_in(category)
    return cards(scope, found, title=title, fold_after=fold_after) if found else None


def cards(scope: Scope, found: list[kpis.Kpi], **options) -> KpiCards:
    """KPI cards of `found`, each with its progress against the year's target where one is linked."""
    progress = {k.metric.metric_id: scope.target_progress[k.metric.metric_id] for k in found
                if k.metric.metric_id in scope.target_progress}
    return KpiCards(found, progress=progress, **options)


def kpi_sentences(found: list[kpis.Kpi], lang: str) -> Sentences | None:
    """One factual sentence per KPI ('2024年科普图文5528篇，…'), made from the stored numbers only."""
    return Sentences([present.sentence(k, lang) for k in found]) if found else None


def chart(name: str, figure, data: pd.DataFrame) -> Chart:
    return Chart(name, figure.layout.title.text or "", figure, data.reset_index(drop=True))


def _basis_text(scope: Scope, basis: str, months: int) -> str:
    return scope.t("data.basis.year") if basis == "year" else scope.t("chart.month_count", count=int(months))


def yearly_data(scope: Scope, series: pd.DataFrame, metric: Metric) -> pd.DataFrame:
    """The numbers behind a by-year chart, as a reader of the exported file expects them."""
    return pd.DataFrame({
        scope.t("col.year"): series["year"].astype(int),
        scope.t("col.value"): [round_value(v) for v in series["value"]],
        scope.t("col.unit"): metric.unit(scope.lang),
        scope.t("col.qualifier"): [scope.t(f"qualifier.{q}") for q in series["qualifier"]],
        scope.t("col.basis"): [_basis_text(scope, b, m) for b, m in zip(series["basis"], series["months"])],
    })


def monthly_data(scope: Scope, monthly: pd.DataFrame, metric: Metric, column: str = "value") -> pd.DataFrame:
    return pd.DataFrame({
        scope.t("col.year"): monthly["year"].astype(int),
        scope.t("col.month"): monthly["month"].astype(int),
        scope.t("col.value"): [round_value(v) for v in monthly[column]],
        scope.t("col.unit"): metric.unit(scope.lang),
        scope.t("col.qualifier"): [scope.t(f"qualifier.{q}") for q in monthly["qualifier"]],
    })


def metric_blocks(scope: Scope, metric: Metric) -> list[Block]:
    """A metric's charts: by year (two or more years), by month and year to date (two or more months)."""
    year, lang, name = scope.year, scope.lang, metric.metric_id
    blocks: list[Block] = []
    series = kpis.yearly_series(scope.values, metric)
    if len(series) >= 2:
        blocks.append(chart(scope.name(f"{name}_years"), charts.yearly_bars(series, metric, lang, demo=scope.demo),
                            yearly_data(scope, series, metric)))
    monthly = kpis.monthly_series(scope.values, metric)
    shown = monthly[(monthly["year"] > year - charts.MONTHLY_YEARS) & (monthly["year"] <= year)]
    if shown.groupby("year")["month"].nunique().max(skipna=True) >= 2 if not shown.empty else False:
        this_year = shown[shown["year"] == year]
        # the year's events are drawn where the year itself has months: on last years' lines they would mislead
        events = scope.frame("timeline_events") if not this_year.empty else scope.frame("timeline_events").head(0)
        figure = add_event_spans(charts.monthly_lines(shown, metric, lang, year=year, demo=scope.demo), events, year, lang)
        blocks.append(chart(scope.name(f"{name}_monthly"), charts.mark_period(figure, scope.period, lang),
                            monthly_data(scope, shown, metric)))
        if metric.kind == "flow" and this_year["month"].nunique() >= 2:
            figure = add_event_spans(charts.ytd_lines(shown, metric, lang, year=year, demo=scope.demo), events, year, lang)
            figure = charts.mark_period(figure, scope.period, lang) if scope.period.last <= this_year["month"].max() else figure
            ytd = shown[shown["year"].isin([year - 1, year]) & shown["month"].isin(this_year["month"])].copy()
            ytd["ytd"] = ytd.groupby("year")["value"].cumsum()
            blocks.append(chart(scope.name(f"{name}_ytd"), figure, monthly_data(scope, ytd, metric, "ytd")))
    return [Heading(metric.name(lang)), *blocks] if blocks else []


def change_chart(scope: Scope, category: str) -> Chart | None:
    """同比 % of each metric of the category, when two or more metrics can be compared."""
    comparable = [k for k in scope.kpis_in(category) if k.change_pct is not None]
    if len(comparable) < 2:
        return None
    rows = pd.DataFrame({
        "name": [k.metric.name(scope.lang) for k in comparable],
        "change_pct": [k.change_pct for k in comparable],
        "label": [present.change_text(k, scope.lang) for k in comparable],
    })
    title = scope.t("chart.category_change_title", category=scope.t(f"category.{category}"), period=scope.period_label)
    figure = charts.category_change(rows, scope.lang, scope.palette, title=title, demo=scope.demo)
    data = pd.DataFrame({scope.t("col.metric"): rows["name"], scope.t("col.change_pct"): rows["label"]})
    return chart(scope.name(f"{category}_change"), figure, data)
