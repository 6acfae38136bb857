"""The 目标 section: the year's score so far, every indicator against its target and 序时进度, the
full 自评表 table, key tasks and events — the same blocks on the page and in the annual pack."""

from __future__ import annotations

from datetime import date

from museum.sections.blocks import Chart, Heading, Notice, Section, Sentences, Table
from museum.sections.scope import Scope
from museum.targets import charts as target_charts
from museum.targets import view

MIN_BULLETS = 2  # one indicator is a table row, not a one-bar chart


def targets_section(scope: Scope, today: date | None = None) -> Section:
    """Blocks: score (sentences, table, rule), bullets chart, indicator table, key tasks, events.

    Empty (falsy) when the year has no targets, key tasks or events.
    """
    lang, year = scope.lang, scope.year
    section = Section("targets", scope.t("targets.section.title", year=year))
    year_view = view.year_targets(scope, today) if today else scope.year_targets
    if year_view:
        section.blocks.append(Heading(scope.t("targets.section.score")))
        section.blocks.append(Sentences(view.total_sentences(year_view, lang), lead=True))
        section.blocks.append(Table(scope.name("targets_score"), scope.t("targets.section.score_table", year=year),
                                    view.score_table(year_view, lang)))
        section.blocks.append(Notice(view.rule_text(lang)))
        rows = target_charts.bullet_rows(year_view.evaluation, scope.catalog, lang, year_view.progress)
        if len(rows) >= MIN_BULLETS:
            title = scope.t("targets.chart.title", year=year)
            data = rows[["indicator", "completion", "actual", "target"]].copy()
            data.columns = [scope.t(f"targets.chart.column.{key}") for key in ("indicator", "completion", "actual", "target")]
            section.blocks.append(Chart(scope.name("targets_bullets"), title,
                                        target_charts.bullets(rows, year_view.progress, lang, title=title, demo=scope.demo), data))
        section.blocks.append(Heading(scope.t("targets.section.indicators")))
        section.blocks.append(Table(scope.name("targets_budget"), scope.t("targets.section.budget", year=year),
                                    view.budget_table(year_view, lang)))
        section.blocks.append(Table(scope.name("targets_indicators"), scope.t("targets.section.indicator_table", year=year),
                                    view.indicator_table(year_view, scope.catalog, lang)))
    tasks = view.tasks_table(scope.frame("key_tasks"), year, lang)
    if not tasks.empty:
        section.blocks.append(Heading(scope.t("targets.section.tasks")))
        section.blocks.append(Table(scope.name("targets_tasks"), scope.t("targets.section.tasks_table", year=year), tasks))
    events = view.events_table(scope.frame("timeline_events"), year, lang)
    if not events.empty:
        section.blocks.append(Heading(scope.t("targets.section.events")))
        section.blocks.append(Table(scope.name("targets_events"), scope.t("targets.section.events_table", year=year), events))
    return section
