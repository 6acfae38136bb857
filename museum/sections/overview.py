"""总览: the headline KPIs of the year (each with 同比) and what the reader must know about them."""

from __future__ import annotations

from museum import kpis
from museum.sections.blocks import KpiCards, Notice, Section
from museum.sections.scope import Scope

# the director's first row (issue 11); the kpi module's data/headline.csv replaces this list
HEADLINE = ("posts", "short_videos", "online_visits", "follower_growth", "outreach_events", "awards_total",
            "assets_year_end", "headcount")


def headline(scope: Scope) -> list[kpis.Kpi]:
    by_id = {k.metric.metric_id: k for k in scope.kpis}
    return [by_id[m] for m in HEADLINE if m in by_id]


def overview_section(scope: Scope) -> Section:
    section = Section("overview", scope.t("overview.headline"))
    found = headline(scope)
    if found:
        section.blocks.append(KpiCards(found))
    if scope.kpis and all(k.prior is None for k in scope.kpis):
        years = kpis.years_with_data(scope.frame("values"))
        if years == [scope.year]:
            section.blocks.append(Notice(scope.t("overview.only_year", year=scope.year, prior_year=scope.year - 1)))
    return section
