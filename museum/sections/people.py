"""Staff and volunteers: headcount, qualifications, the volunteer reserve and teams (stock metrics)."""

from __future__ import annotations

import pandas as pd

from museum import charts, kpis
from museum.sections.blocks import Section
from museum.sections.common import category_cards, change_chart, chart, kpi_sentences, yearly_data
from museum.sections.scope import Scope

TITLES = {"staff": "chart.staff_title", "volunteers": "chart.volunteers_title"}


def _history(scope: Scope, category: str):
    """One panel per stock metric across years, when two or more years are known."""
    metrics = [m for m in scope.catalog.in_category(category) if m.kind == "stock"]
    frames = [(m, kpis.yearly_series(scope.values, m)) for m in metrics]
    frames = [(m, f) for m, f in frames if not f.empty]
    if not frames:
        return None
    history = pd.concat([f.assign(metric_id=m.metric_id) for m, f in frames], ignore_index=True)
    if history["year"].nunique() < 2:
        return None
    figure = charts.stock_years(history, metrics, scope.lang, title=scope.t(TITLES[category]), demo=scope.demo)
    data = pd.concat([yearly_data(scope, f, m).assign(**{scope.t("col.metric"): m.name(scope.lang)}) for m, f in frames],
                     ignore_index=True)
    columns = [scope.t("col.metric")] + [c for c in data.columns if c != scope.t("col.metric")]
    return chart(scope.name(f"{category}_history"), figure, data[columns])


def people_section(scope: Scope, category: str) -> Section:
    section = Section(category, scope.t(f"category.{category}"))
    cards = category_cards(scope, category)
    if cards is None:
        return section
    section.blocks += [cards, kpi_sentences(cards.kpis, scope.lang)]
    for block in (_history(scope, category), change_chart(scope, category)):
        if block is not None:
            section.blocks.append(block)
    return section


def staff_section(scope: Scope) -> Section:
    return people_section(scope, "staff")


def volunteers_section(scope: Scope) -> Section:
    return people_section(scope, "volunteers")
