"""The charts of the annual pack: the same builders the pages use, for one year, with their data.

History is cut at the report's year (a 2024 summary shows no 2025 months). Names are
`<metric or subject>_<kind>_<year>` so a file in charts/ says what it shows and for which year.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from museum import assets, catalog, charts, events, kpis, present
from museum.catalog import Catalog
from museum.i18n import t

# Categories drawn as one line chart of their stock metrics (as on the staff & volunteers page).
STOCK_HISTORY = {"staff": "chart.staff_title", "volunteers": "chart.volunteers_title"}
# Categories with their own charts (records, not per-metric bars).
OWN_CHARTS = ("awards", "research", "assets")


@dataclass
class ChartItem:
    name: str           # file stem, e.g. posts_years_2024
    category: str
    title: str
    figure: go.Figure
    data: pd.DataFrame  # the numbers behind the chart (for CSV/XLSX next to it)


def _title(fig: go.Figure) -> str:
    return fig.layout.title.text or ""


def _item(name: str, category: str, fig: go.Figure, data: pd.DataFrame) -> ChartItem:
    return ChartItem(name, category, _title(fig), fig, data.reset_index(drop=True))


def metric_charts(values: pd.DataFrame, metric, year: int, lang: str, demo: bool) -> list[ChartItem]:
    """Yearly bars, and monthly lines plus year-to-date where the year has months (trends page)."""
    items = []
    series = kpis.yearly_series(values, metric)
    items.append(_item(f"{metric.metric_id}_years_{year}", metric.category,
                       charts.yearly_bars(series, metric, lang, demo=demo), series))
    monthly = kpis.monthly_series(values, metric)
    if not monthly.empty and (monthly["year"] == year).any():
        items.append(_item(f"{metric.metric_id}_monthly_{year}", metric.category,
                           charts.monthly_lines(monthly, metric, lang, demo=demo), monthly))
        if metric.kind == "flow":
            items.append(_item(f"{metric.metric_id}_ytd_{year}", metric.category,
                               charts.monthly_lines(monthly, metric, lang, cumulative=True, demo=demo), monthly))
    return items


def change_chart(year_kpis: list[kpis.Kpi], category: str, year: int, lang: str, palette: charts.Palette,
                 demo: bool) -> list[ChartItem]:
    comparable = [k for k in year_kpis if k.metric.category == category and k.change_pct is not None]
    if not comparable:
        return []
    rows = pd.DataFrame({
        "name": [k.metric.name(lang) for k in comparable],
        "change_pct": [k.change_pct for k in comparable],
        "label": [present.change_text(k, lang) for k in comparable],
    })
    title = t("chart.category_change_title", lang, category=t(f"category.{category}", lang), year=year)
    return [_item(f"{category}_change_{year}", category,
                  charts.category_change(rows, lang, palette, title=title, demo=demo), rows)]


def stock_history(values: pd.DataFrame, cat: Catalog, category: str, year: int, lang: str, demo: bool) -> list[ChartItem]:
    metrics = [m for m in cat.in_category(category) if m.kind == "stock"]
    frames = [kpis.yearly_series(values, m).assign(metric_id=m.metric_id) for m in metrics]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return []
    history = pd.concat(frames, ignore_index=True)
    if history["year"].nunique() < 2:
        return []
    fig = charts.stock_years(history, metrics, lang, title=t(STOCK_HISTORY[category], lang), demo=demo)
    return [_item(f"{category}_history_{year}", category, fig, history)]


def award_charts(awards: pd.DataFrame, year: int, lang: str, demo: bool) -> list[ChartItem]:
    items = []
    if (awards["year"] == year).any():
        matrix = events.award_matrix(awards, year)
        data = matrix.rename(index=lambda lv: t(f"level.{lv}", lang), columns=lambda g: t(f"grade.{g}", lang))
        items.append(_item(f"awards_matrix_{year}", "awards",
                           charts.awards_by_level_grade(matrix, lang, year=year, demo=demo),
                           data.reset_index(names=t("col.level", lang))))
    if awards["year"].nunique() > 1:
        by_year = events.awards_by_year_level(awards)
        items.append(_item(f"awards_years_{year}", "awards", charts.awards_years(by_year, lang, demo=demo), by_year))
    return items


def research_charts(research: pd.DataFrame, year: int, lang: str, demo: bool) -> list[ChartItem]:
    if not ((research["year"] == year) & (research["item_type"] == "project")).any():
        return []
    stages = events.project_stages(research, year)
    return [_item(f"research_projects_{year}", "research",
                  charts.research_funnel(stages, lang, year=year, demo=demo), stages)]


def asset_charts(values: pd.DataFrame, year: int, lang: str, palette: charts.Palette, demo: bool) -> list[ChartItem]:
    table = assets.asset_table(values)
    items = []
    row = table[table["year"] == year]
    if not row.empty and not row[["start", "end"]].isna().any(axis=None):
        start, end = float(row["start"].iloc[0]), float(row["end"].iloc[0])
        data = pd.DataFrame({t("col.start", lang): [start], t("col.change", lang): [end - start], t("col.end", lang): [end]})
        items.append(_item(f"assets_bridge_{year}", "assets",
                           charts.assets_bridge(year, start, end, lang, palette, demo=demo), data))
    if len(table) > 1:
        items.append(_item(f"assets_years_{year}", "assets", charts.assets_years(table, lang, demo=demo), table))
    return items


def pack_charts(values: pd.DataFrame, awards: pd.DataFrame, research: pd.DataFrame, cat: Catalog, year: int,
                lang: str, palette: charts.Palette, demo: bool) -> dict[str, list[ChartItem]]:
    """Every chart of the year, by category in display order (values already cut at `year`)."""
    year_kpis = kpis.kpis_for_year(values, cat, year)
    with_value = {k.metric.metric_id for k in year_kpis}
    result: dict[str, list[ChartItem]] = {}
    for category in catalog.CATEGORIES:
        if category == "awards":
            items = award_charts(awards, year, lang, demo)
        elif category == "research":
            items = research_charts(research, year, lang, demo)
        elif category == "assets":
            items = asset_charts(values, year, lang, palette, demo)
        elif category in STOCK_HISTORY:
            items = stock_history(values, cat, category, year, lang, demo) + change_chart(year_kpis, category, year, lang, palette, demo)
        else:
            items = [item for m in cat.in_category(category) if m.metric_id in with_value
                     for item in metric_charts(values, m, year, lang, demo)]
            items += change_chart(year_kpis, category, year, lang, palette, demo)
        if items:
            result[category] = items
    return result
