"""Awards (level × grade, unit honours) and research (projects by stage, standards, papers).

Built from the event records of the year; their counts are the KPI cards (awards_total …).
Records carry a year only: a period shorter than a year says so once (in the awards section,
which comes first) instead of showing 0.
"""

from __future__ import annotations

import pandas as pd

from museum import charts, events
from museum.sections.blocks import Notice, Section, Table
from museum.sections.common import category_cards, chart, kpi_sentences
from museum.sections.scope import Scope


def _label(scope: Scope, prefix: str, value) -> str:
    return scope.t(f"{prefix}.{value}") if isinstance(value, str) and value else "—"


def award_matrix_table(scope: Scope, matrix: pd.DataFrame) -> pd.DataFrame:
    """The level × grade counts (events.award_matrix) with totals, levels and grades in words."""
    shown = matrix.rename(index=lambda level: scope.t(f"level.{level}"), columns=lambda grade: scope.t(f"grade.{grade}"))
    shown[scope.t("col.total")] = shown.sum(axis=1)
    shown.loc[scope.t("col.total")] = shown.sum(axis=0)
    return shown.reset_index(names=scope.t("col.level"))


def awards_section(scope: Scope) -> Section:
    section = Section("awards", scope.t("category.awards"))
    if not scope.whole_year:
        section.blocks.append(Notice(scope.t("period.notice.records_by_year", period=scope.period_label, year=scope.year)))
        return section
    cards = category_cards(scope, "awards")
    if cards is not None:
        section.blocks += [cards, kpi_sentences(cards.kpis, scope.lang)]
    awards = scope.records("awards")
    year_awards = awards[awards["year"] == scope.year]
    if not year_awards.empty:
        matrix = events.award_matrix(awards, scope.year)
        table = award_matrix_table(scope, matrix)
        section.blocks.append(chart(scope.name("awards_matrix"),
                                    charts.awards_by_level_grade(matrix, scope.lang, year=scope.year, demo=scope.demo), table))
        section.blocks.append(Table(scope.name("awards_matrix_table"), scope.t("awards.matrix"), table))
        section.blocks.append(Table(scope.name("awards_list"), scope.t("doc.awards_list"), pd.DataFrame({
            scope.t("col.competition"): year_awards["competition"],
            scope.t("col.level"): [_label(scope, "level", v) for v in year_awards["level"]],
            scope.t("col.grade"): [_label(scope, "grade", v) for v in year_awards["grade"]],
            scope.t("col.count"): year_awards["count"].astype(int),
        })))
    if awards["year"].nunique() > 1:
        by_year = events.awards_by_year_level(awards)
        data = pd.DataFrame({scope.t("col.year"): by_year["year"].astype(int),
                             scope.t("col.level"): [_label(scope, "level", v) for v in by_year["level"]],
                             scope.t("col.count"): by_year["count"].astype(int)})
        section.blocks.append(chart(scope.name("awards_years"), charts.awards_years(by_year, scope.lang, demo=scope.demo), data))
    honors = scope.records("honors")
    year_honors = honors[honors["year"] == scope.year]
    if not year_honors.empty:
        section.blocks.append(Table(scope.name("honors"), scope.t("doc.honors"), pd.DataFrame({
            scope.t("col.title"): year_honors["title"],
            scope.t("col.subject"): year_honors["subject"].fillna("—"),
            scope.t("col.awarded_by"): year_honors["awarded_by"].fillna("—"),
            scope.t("col.level"): [_label(scope, "level", v) for v in year_honors["level"]],
        })))
    return section


def research_section(scope: Scope) -> Section:
    section = Section("research", scope.t("category.research"))
    if not scope.whole_year:
        return section  # the awards section said once why records are not counted for part of a year
    cards = category_cards(scope, "research")
    if cards is not None:
        section.blocks += [cards, kpi_sentences(cards.kpis, scope.lang)]
    research = scope.records("research")
    year_research = research[research["year"] == scope.year]
    if year_research.empty:
        return section
    if (year_research["item_type"] == "project").any():  # a funnel without projects says nothing
        stages = events.project_stages(research, scope.year)
        data = pd.DataFrame({scope.t("col.stage"): [_label(scope, "stage", v) for v in stages["stage"]],
                             scope.t("col.role"): [_label(scope, "role", v) for v in stages["role"]],
                             scope.t("col.count"): stages["count"].astype(int)})
        section.blocks.append(chart(scope.name("research_projects"),
                                    charts.research_stages(stages, scope.lang, year=scope.year, demo=scope.demo), data))
    section.blocks.append(Table(scope.name("research_list"), scope.t("doc.research_list"), pd.DataFrame({
        scope.t("col.item_type"): [_label(scope, "item_type", v) for v in year_research["item_type"]],
        scope.t("col.role"): [_label(scope, "role", v) for v in year_research["role"]],
        scope.t("col.stage"): [_label(scope, "stage", v) for v in year_research["stage"]],
        scope.t("col.description"): year_research["description"].fillna("—"),
        scope.t("col.count"): year_research["count"].astype(int),
    })))
    if (research["year"] == scope.year - 1).any():
        years = [scope.year - 1, scope.year]
        comparison = events.research_summary(research, years)
        section.blocks.append(Table(scope.name("research_compare"), scope.t("awards.compare"), pd.DataFrame({
            scope.t("col.item_type"): [_label(scope, "item_type", v) for v in comparison["item_type"]],
            scope.t("col.role"): [_label(scope, "role", v) for v in comparison["role"]],
            scope.t("col.stage"): [_label(scope, "stage", v) for v in comparison["stage"]],
            **{scope.t("ui.year_label", year=y): comparison[y].astype(int) for y in years},
        })))
    return section
