"""What the operations report (运营月报/季报) of any period says: 例外事项 first, the headline figures with
同比 and 环比, the targets against 序时进度 at the period end, key tasks done and planned, the
period's events and the category charts — taken from the same sections as the pages (museum.sections),
never assembled a second time — and the sources appendix, as a content.Report the Word and PDF
writers print like the annual pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from museum import headlines, institutions, kpis, sections
from museum.errors import InputRejected
from museum.export import exceptions
from museum.export.content import Report, sources_table
from museum.export.exceptions import Finding
from museum.i18n import t
from museum.period import Period
from museum.sections import Chart, Heading, KpiCards, Notice, Section, Sentences, Table
from museum.store import db
from museum.targets import view


@dataclass
class Monthly:
    period: Period
    report: Report                      # what the .docx and .pdf print
    findings: list[Finding]
    headline: list[kpis.Kpi]
    tasks_done: list[str]
    tasks_next: list[str]
    score: list[str] = field(default_factory=list)   # the 绩效 score so far, in words
    scope: object = field(default=None, repr=False)  # the sections' scope (a page renders the blocks with it)

    @property
    def lang(self) -> str:
        return self.report.lang


def _in_period(when, period: Period) -> bool:
    if when is None or pd.isna(when):
        return False
    day = pd.Timestamp(when).date()
    return day.year == period.year and period.first <= day.month <= period.last


def _task_text(row: dict) -> str:
    group = row.get("group_title") if isinstance(row.get("group_title"), str) else ""
    return (group + " " if group else "") + str(row["sentence"]).strip()


def task_lists(tasks: pd.DataFrame, period: Period) -> tuple[list[str], list[str]]:
    """Key tasks done in the period (status done, dated in it) and planned next (the year's tasks not
    done, those under way first; after December, next year's as well)."""
    if tasks is None or tasks.empty:
        return [], []
    rows = tasks.to_dict("records")
    done = [_task_text(r) for r in rows if r["year"] == period.year and r["status"] == "done" and _in_period(r.get("status_date"), period)]
    years = {period.year} | ({period.year + 1} if period.last == 12 else set())
    open_rows = [r for r in rows if r["year"] in years and r["status"] != "done"]
    open_rows.sort(key=lambda r: (r["year"], 0 if r["status"] == "in_progress" else 1, r["position"]))
    return done, [_task_text(r) for r in open_rows]


def events_in(events: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The events that overlap the period's months."""
    if events is None or events.empty:
        return events
    start = pd.to_datetime(events["start_date"]).dt.date
    end = pd.to_datetime(events["end_date"]).dt.date
    keep = (start <= exceptions.period_end(period)) & (end >= date(period.year, period.first, 1))
    return events[keep].reset_index(drop=True)


def _numbered(lines: list[str]) -> list[str]:
    return [f"{index}. {line}" for index, line in enumerate(lines, start=1)]


def _exceptions_section(scope, findings: list[Finding]) -> Section:
    section = Section("exceptions", scope.t("monthly.section.exceptions"))
    if findings:
        section.blocks.append(Sentences([f"{scope.t(f'monthly.kind.{f.kind}')}：{f.text}" if scope.lang == "zh"
                                         else f"{scope.t(f'monthly.kind.{f.kind}')}: {f.text}" for f in findings], lead=True))
    else:
        section.blocks.append(Notice(scope.t("monthly.no_exceptions"), "success"))
    return section


def _targets_section(scope) -> Section | None:
    """The targets section up to its key tasks: the score, the bullets and the indicator table at the period end."""
    built = sections.build("targets", scope)
    cut = scope.t("targets.section.tasks")
    blocks = []
    for block in built.blocks:
        if isinstance(block, Heading) and block.text in (cut, scope.t("targets.section.events")):
            break
        blocks.append(block)
    return Section("targets", built.title, blocks) if blocks else None


def _tasks_section(scope, done: list[str], planned: list[str]) -> Section:
    section = Section("tasks", scope.t("monthly.section.tasks"))
    unit = scope.t(f"monthly.unit.{scope.period.kind}")
    for key, lines in (("done", done), ("next", planned)):
        section.blocks.append(Heading(scope.t(f"monthly.tasks.{key}", unit=unit, count=len(lines))))
        section.blocks.append(Sentences(_numbered(lines)) if lines else Notice(scope.t("monthly.tasks.none")))
    return section


def _events_section(scope) -> Section | None:
    table = view.events_table(events_in(scope.frame("timeline_events"), scope.period), scope.year, scope.lang)
    if table.empty:
        return None
    return Section("events", scope.t("monthly.section.events"),
                   [Table(scope.name("report_events"), scope.t("monthly.section.events"), table)])


def _is_period_chart(scope, block) -> bool:
    """The charts a period report keeps: each metric's months against last years' and each category's 同比."""
    return isinstance(block, Chart) and (block.name.endswith(f"_monthly_{scope.period.text}")
                                         or block.name.endswith(f"_change_{scope.period.text}"))


def _category_sections(scope) -> list[Section]:
    result = []
    for key in sections.METRIC_CATEGORIES:
        built = sections.build(key, scope)
        blocks = [b for b in built.blocks if isinstance(b, KpiCards) or _is_period_chart(scope, b)]
        if blocks:
            result.append(Section(key, built.title, blocks))
    return result


def scope_for(con, period: Period, lang: str, institution: str | None = None, convention: str | None = None):
    institution_id, name = institutions.choose(institutions.table(con), institution)
    scope = sections.Scope.from_connection(con, institution_id, name, period, lang, convention)
    if not scope.kpis:
        years = "、".join(str(y) for y in kpis.years_with_data(scope.frame("values"))) or "—"
        raise InputRejected("period.error.no_data", period=period.label(lang), years=years)
    return scope


def find_exceptions(con, scope, limits: exceptions.Thresholds | None = None) -> list[Finding]:
    """Every 例外事项 of the scope's period (exceptions.KINDS order)."""
    limits = limits or exceptions.thresholds()
    period, lang = scope.period, scope.lang
    targets = scope.year_targets
    last_days = db.query(con, "report_platform_last_day", institution_id=scope.institution_id)
    found = (exceptions.behind_schedule(targets.evaluation, targets.progress.pct, lang, limits) if targets else [])
    found += exceptions.yoy(scope.kpis, lang, limits)
    found += exceptions.missing_month(scope.values, period, scope.catalog, lang, limits)
    found += exceptions.stale_source(last_days, period, lang, limits)
    found += exceptions.implausible(scope.values, period, scope.catalog, lang)
    return exceptions.ordered(found)


def build_monthly(con, period: Period | str, lang: str = "zh", *, institution: str | None = None,
                  convention: str | None = None) -> Monthly:
    """The report of `period` (InputRejected when it has no data)."""
    period = Period.coerce(period)
    scope = scope_for(con, period, lang, institution, convention)
    findings = find_exceptions(con, scope)
    done, planned = task_lists(scope.frame("key_tasks"), period)
    parts = [_exceptions_section(scope, findings), sections.build("overview", scope), _targets_section(scope),
             _tasks_section(scope, done, planned), _events_section(scope), *_category_sections(scope)]
    title = t(f"monthly.title.{period.kind}", lang, institution=scope.institution, period=period.label(lang))
    report = Report(institution=scope.institution, year=period.year, lang=lang, demo=scope.demo,
                    generated=datetime.now().strftime("%Y-%m-%d %H:%M"), kpis=scope.kpis,
                    sections=[part for part in parts if part], sources=sources_table(scope.kpis, lang), title=title)
    score = view.total_sentences(scope.year_targets, lang) if scope.year_targets else []
    return Monthly(period, report, findings, headlines.headline(scope.kpis), done, planned, score, scope)
