"""Sections made of a category's metrics: online media, outreach, exchange, venue, funding.

Each is the category's KPI cards and sentences, then one group per metric (its charts), then the
同比 chart of the category. The page shows the metric groups as tabs.
"""

from __future__ import annotations

from museum.sections.blocks import Heading, Section
from museum.sections.platforms import platform_blocks
from museum.sections.common import category_cards, change_chart, kpi_sentences, metric_blocks
from museum.sections.scope import Scope

METRIC_CATEGORIES = ("online_media", "outreach", "exchange", "venue", "funding")


def metric_section(scope: Scope, category: str) -> Section:
    section = Section(category, scope.t(f"category.{category}"), tabs=True)
    cards = category_cards(scope, category)
    if cards is None:
        return section  # nothing this year: an empty section is left out of pages and the pack
    section.blocks += [cards, kpi_sentences(cards.kpis, scope.lang)]
    with_data = {k.metric.metric_id for k in cards.kpis}
    for metric in scope.catalog.in_category(category):
        if metric.metric_id in with_data:
            section.blocks += metric_blocks(scope, metric)
    changes = change_chart(scope, category)
    if changes is not None:
        section.blocks += [Heading(scope.t("trends.category_changes")), changes]
    if category == "online_media":  # the matrix total's breakdown by platform, where exports were uploaded
        by_platform = platform_blocks(scope)
        if by_platform:
            section.blocks += [Heading(scope.t("sources.section.title")), *by_platform]
    return section


def builder(category: str):
    """The section function of one metric category (for the registry)."""
    def build(scope: Scope) -> Section:
        return metric_section(scope, category)

    build.__name__ = f"{category}_section"
    return build
