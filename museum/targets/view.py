"""A year's targets as the pages, the pack, the CLI and the 自评表 show them: evaluated, totalled,
put in words and in display tables (headers and labels in the reader's language).

Everything here reads a Scope (frames "targets", "target_budget", "key_tasks", "timeline_events"
and "values"), so a page (cached frames) and the export (its own connection) get the same result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from museum import numbers
from museum.i18n import t
from museum.present import months_text
from museum.targets import scoring, timeline
from museum.targets.scoring import Progress, Total
from museum.targets.values import operator_text

INDICATOR_COLUMNS = ("level1", "level2", "indicator", "target", "actual", "weight", "score", "deviation")
LIST_KEYS = ("indicator", "level1", "level2", "operator", "target", "unit", "weight", "metric", "actual",
             "actual_qualifier", "completion_pct", "score", "note")


@dataclass
class YearTargets:
    year: int
    evaluation: pd.DataFrame        # scoring.EVALUATION_COLUMNS, one row per indicator
    total: Total
    progress: Progress

    def __bool__(self) -> bool:
        return not self.evaluation.empty


def year_targets(scope, today: date | None = None) -> YearTargets:
    """Evaluate the scope's year: actuals from the scope's values, budget, total, 序时进度.

    For a period shorter than a year, at the period's end: actuals from the year's months up to
    its last month, 序时进度 at that month-end (or today's, when the period has not ended yet)."""
    today = today or date.today()
    values, progress = scope.values, scoring.time_progress(scope.year, scope.values, today)
    if not scope.whole_year:
        last = scope.period.last
        values = values[(values["year"] < scope.year)
                        | ((values["year"] == scope.year) & values["month"].notna() & (values["month"] <= last))]
        at_end = Progress(last / 12 * 100, "month", month=last)
        progress = at_end if at_end.pct <= progress.pct else progress
    targets = scope.frame("targets")
    budget = scoring.budget_for_year(scope.frame("target_budget"), scope.year)
    evaluation = scoring.evaluate(targets, values, scope.catalog, scope.year, budget)
    return YearTargets(scope.year, evaluation, scoring.total(evaluation, budget), progress)


# ---------------------------------------------------------------------------------------------
# Words


def pct_text(pct: float | None, qualifier: str | None, lang: str = "zh") -> str:
    """62% / 至少100% / 约95% / 至多80% (at least 100% / ≈95% / at most 80%); — when missing."""
    if pct is None or pd.isna(pct):
        return "—"
    text = f"{pct:.0f}%" if abs(pct - round(pct)) < 0.05 or pct >= 100 else f"{pct:.1f}%"
    if qualifier in ("at_least", "approx", "at_most"):
        return t(f"targets.qualified.{qualifier}", lang, value=text)
    return text


def score_text(score: float | None, qualifier: str | None = "exact", lang: str = "zh") -> str:
    if score is None or pd.isna(score):
        return t("targets.pending", lang)
    text = numbers.format_plain(round(score, 2), "en")
    if qualifier in ("at_least", "approx", "at_most"):
        return t(f"targets.qualified.{qualifier}", lang, value=text)
    return text


def target_text(row, lang: str = "zh") -> str:
    """年度指标值 as written (≥6000篇), or as stored when it was entered another way."""
    written = row.get("target_text")
    if isinstance(written, str) and written.strip():
        return written
    return operator_text(str(row["operator"]), row.get("target_value"), row.get("unit") or "", lang)


def actual_text(row, cat, lang: str = "zh") -> str:
    """实际完成值: 5528篇 / 500万+次 / 达到预期, with the months when it is year-to-date."""
    if row.get("actual_text") and row.get("actual") is None:
        return str(row["actual_text"])
    value = row.get("actual")
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return t("targets.pending", lang)
    unit = row.get("unit") or ""
    if row.get("metric_id") and row["metric_id"] in cat:
        unit = cat[row["metric_id"]].unit(lang)
    text = numbers.format_value(float(value), str(row.get("actual_qualifier") or "exact"), lang, unit)
    months = row.get("actual_months") or ()
    if months:
        text += t("targets.ytd_suffix", lang, months=months_text(months, lang))
    return text


def progress_text(progress: Progress, lang: str = "zh") -> str:
    return f"{progress.pct:.0f}%"


def gap_text(completion_pct: float, qualifier: str | None, progress: Progress, lang: str = "zh") -> str:
    """完成 62%，序时进度 75%，落后 13 个百分点 / 62% done, 75% of the year elapsed, 13 pp behind."""
    gap = round(completion_pct) - round(progress.pct)
    params = {"done": pct_text(completion_pct, qualifier, lang), "progress": progress_text(progress, lang), "points": abs(gap)}
    if gap > 0:
        key = "targets.gap.ahead"
    elif gap < 0:
        # an at_least completion is a lower bound: it is behind by at most that much
        key = "targets.gap.behind_at_most" if qualifier == "at_least" else "targets.gap.behind"
    else:
        key = "targets.gap.level"
    return t(key, lang, **params)


def metric_progress(scope, metric_id: str, today: date | None = None) -> str | None:
    """For a KPI card: the target progress of the indicator linked to `metric_id` in the scope's
    year ("完成 62%，序时进度 75%，落后 13 个百分点"), or None when no indicator is linked to it.

    A `>=` target after its year (or at 100% 序时进度) says how much is done; a `<=` or `=` target
    says whether it is kept so far; a target without an actual yet says so.
    """
    return metric_progress_texts(scope, today).get(metric_id)


def metric_progress_texts(scope, today: date | None = None) -> dict[str, str]:
    """metric_progress for every linked metric of the scope's year at once (the overview's cards)."""
    view = year_targets(scope, today) if today else scope.year_targets
    texts: dict[str, str] = {}
    for row in view.evaluation.to_dict("records"):
        metric_id = row.get("metric_id")
        if isinstance(metric_id, str) and metric_id and metric_id not in texts:
            texts[metric_id] = _progress_line(row, view.progress, scope.lang)
    return texts


def _progress_line(row: dict, progress: Progress, lang: str) -> str:
    target = target_text(row, lang)
    if row["completion_pct"] is None:
        return t("targets.card.no_actual", lang, target=target)
    if row["operator"] == ">=":
        if progress.basis == "year" or progress.pct >= 100:
            return t("targets.card.done", lang, done=pct_text(row["completion_pct"], row["completion_qualifier"], lang), target=target)
        return gap_text(float(row["completion_pct"]), row["completion_qualifier"], progress, lang)
    if row["met"] is None:
        return t("targets.card.unsure", lang, target=target)
    return t("targets.card.kept" if row["met"] else "targets.card.missed", lang, target=target)


def grade_label(grade: str, lang: str = "zh") -> str:
    return t(f"targets.grade.{grade}", lang)


def graded(view: YearTargets) -> bool:
    """A grade is given only when every part is assessed and the year is over (序时进度 100%)."""
    return not view.total.provisional and (view.progress.basis == "year" or view.progress.pct >= 100)


def year_running(progress: Progress) -> bool:
    return progress.basis in ("today", "month") and progress.pct < 100


def pace(view: YearTargets) -> tuple[list[str], list[str]]:
    """While the year runs: the `>=` indicators with an actual at or ahead of 序时进度, and those behind."""
    ahead, behind = [], []
    if not year_running(view.progress):
        return ahead, behind
    for row in view.evaluation.to_dict("records"):
        if row["operator"] != ">=" or row["completion_pct"] is None:
            continue
        (ahead if round(float(row["completion_pct"])) >= round(view.progress.pct) else behind).append(str(row["indicator"]))
    return ahead, behind


def names_text(names: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else "; ").join(names)


def pace_sentence(view: YearTargets, lang: str = "zh") -> str | None:
    """按序时进度 33%：3 项领先或持平（…），2 项落后（…） — None when the year is not running or nothing is measured."""
    ahead, behind = pace(view)
    if not ahead and not behind:
        return None
    parts = []
    if ahead:
        parts.append(t("targets.pace.ahead", lang, count=len(ahead), names=names_text(ahead, lang)))
    if behind:
        parts.append(t("targets.pace.behind", lang, count=len(behind), names=names_text(behind, lang)))
    return t("targets.pace.line", lang, pct=progress_text(view.progress, lang), parts=("；" if lang == "zh" else "; ").join(parts))


def assessed_sentence(view: YearTargets, lang: str = "zh") -> str:
    """2024年绩效自评：已评 55 分，得 49.36 分（90%）；待评 45 分 — the score on what has been assessed."""
    total = view.total
    plain = lambda value: numbers.format_plain(round(value, 2), "en")  # noqa: E731
    if total.assessed_weight <= 0:
        return t("targets.assessed.none", lang, year=view.year, open=plain(total.open_weight))
    line = t("targets.assessed.line", lang, year=view.year, assessed=plain(total.assessed_weight),
             score=score_text(total.score, "exact", lang), rate=pct_text(total.rate_pct, "exact", lang))
    if total.open_weight > 0:
        line += t("targets.assessed.open", lang, open=plain(total.open_weight))
    return line


def grade_sentence(view: YearTargets, lang: str = "zh") -> str:
    """总分 and 等级 once every part is assessed after the year; else why there is no grade yet."""
    if graded(view):
        full = numbers.format_plain(scoring.BUDGET_WEIGHT + view.total.weight_total, "en")
        return t("targets.assessed.graded", lang, score=score_text(view.total.score, "exact", lang), full=full,
                 grade=grade_label(view.total.grade, lang))
    if view.total.provisional:
        return t("targets.assessed.no_grade_open", lang)
    return t("targets.assessed.no_grade_running", lang)


def total_sentences(view: YearTargets, lang: str = "zh") -> list[str]:
    """The score on what has been assessed, what is open, the grade (or why none), 序时进度 and the pace."""
    total = view.total
    lines = [assessed_sentence(view, lang), grade_sentence(view, lang)]
    if total.pending:
        lines.append(t("targets.total.pending", lang, count=total.pending,
                       weight=numbers.format_plain(total.pending_weight, "en")))
    if total.budget_pending:
        lines.append(t("targets.total.budget_pending", lang))
    if view.progress.basis == "today":
        lines.append(t("targets.progress.today", lang, date=view.progress.as_of.isoformat(), pct=progress_text(view.progress, lang)))
    elif view.progress.basis == "month":
        lines.append(t("targets.progress.month", lang, month=view.progress.month, pct=progress_text(view.progress, lang)))
    elif view.progress.basis == "not_started":
        lines.append(t("targets.progress.not_started", lang, year=view.year))
    pace_line = pace_sentence(view, lang)
    if pace_line:
        lines.append(pace_line)
    return lines


def total_note(view: YearTargets, lang: str = "zh") -> str:
    """The 合计 row's note (page, pack, 自评表): the grade, or 已评/待评 points and why there is no grade."""
    total = view.total
    if graded(view):
        return grade_label(total.grade, lang)
    plain = lambda value: numbers.format_plain(round(value, 2), "en")  # noqa: E731
    note = t("targets.assessed.note", lang, assessed=plain(total.assessed_weight), rate=pct_text(total.rate_pct, "exact", lang))
    if total.open_weight > 0:
        note += t("targets.assessed.note_open", lang, open=plain(total.open_weight))
    return note + t("targets.assessed.note_no_grade", lang)


def rule_text(lang: str = "zh") -> str:
    """The scoring rule, as the page and the pack state it."""
    return t("targets.rule", lang)


# ---------------------------------------------------------------------------------------------
# Tables


def indicator_rows(view: YearTargets, cat, lang: str = "zh") -> list[dict]:
    """一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 per indicator (display text)."""
    rows = []
    for row in view.evaluation.to_dict("records"):
        row = {key: (None if isinstance(value, float) and pd.isna(value) else value) for key, value in row.items()}
        rows.append({
            "level1": row.get("level1") or "", "level2": row.get("level2") or "", "indicator": row["indicator"],
            "target": target_text(row, lang), "actual": actual_text(row, cat, lang),
            "weight": numbers.format_plain(float(row["weight"] or 0), "en"),
            "score": score_text(row["score"], row["score_qualifier"], lang), "deviation": row.get("deviation") or "",
        })
    return rows


def indicator_headers(lang: str = "zh") -> list[str]:
    return [t(f"targets.table.{key}", lang) for key in INDICATOR_COLUMNS]


def indicator_table(view: YearTargets, cat, lang: str = "zh") -> pd.DataFrame:
    """The 自评表's indicator table (the same columns as the XLSX), headers translated."""
    frame = pd.DataFrame(indicator_rows(view, cat, lang), columns=list(INDICATOR_COLUMNS))
    frame.columns = indicator_headers(lang)
    return frame


def budget_table(view: YearTargets, lang: str = "zh") -> pd.DataFrame:
    """年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 (one row)."""
    budget = view.total.budget
    money = lambda value: "—" if value is None else numbers.format_plain(value, "en")  # noqa: E731
    row = [money(budget.initial), money(budget.full_year), money(budget.executed),
           pct_text(budget.rate_pct, "exact", lang), numbers.format_plain(scoring.BUDGET_WEIGHT, "en"),
           score_text(budget.score, "exact", lang)]
    headers = [t("targets.budget.initial_budget", lang), t("targets.budget.full_year_budget", lang),
               t("targets.budget.executed", lang), t("targets.budget.rate", lang), t("targets.table.weight", lang),
               t("targets.table.score", lang)]
    return pd.DataFrame([row], columns=headers)


def score_table(view: YearTargets, lang: str = "zh") -> pd.DataFrame:
    """预算执行率 / 年度绩效目标 / 合计: 分值, 得分, and how many are pending."""
    total = view.total
    rows = [
        [t("targets.part.budget", lang), numbers.format_plain(scoring.BUDGET_WEIGHT, "en"),
         score_text(total.budget.score, "exact", lang), t("targets.pending", lang) if total.budget_pending else ""],
        [t("targets.part.indicators", lang), numbers.format_plain(total.weight_total, "en"),
         score_text(total.indicator_score, "exact", lang),
         t("targets.part.pending_count", lang, count=total.pending) if total.pending else ""],
        [t("targets.part.total", lang), numbers.format_plain(scoring.BUDGET_WEIGHT + total.weight_total, "en"),
         score_text(total.score, "exact", lang), total_note(view, lang)],
    ]
    headers = [t("targets.part.part", lang), t("targets.table.weight", lang), t("targets.table.score", lang), t("targets.part.note", lang)]
    return pd.DataFrame(rows, columns=headers)


def list_json(view: YearTargets) -> list[dict]:
    """`targets list --json`: one object per indicator with exactly LIST_KEYS (a public contract).

    operator is >= | <= | = | qualitative; target, weight, actual and score are numbers (actual is
    the entered text of a qualitative indicator); completion_pct is rounded to 0.1, score to 0.01;
    note says where the actual comes from (the entered source note, or the months of a
    year-to-date metric value as "1-6"), null otherwise.
    """
    out = []
    for row in view.evaluation.to_dict("records"):
        row = {key: (None if isinstance(value, float) and pd.isna(value) else value) for key, value in row.items()}
        months = row.get("actual_months") or ()
        note = row.get("actual_note") or (f"{min(months)}-{max(months)}" if months else None)
        actual = row["actual"] if row["actual"] is not None else (row.get("actual_text") if row["operator"] == "qualitative" else None)
        out.append({
            "indicator": row["indicator"], "level1": row.get("level1"), "level2": row.get("level2"),
            "operator": row["operator"], "target": _plain(row.get("target_value")), "unit": row.get("unit"),
            "weight": _plain(row.get("weight")), "metric": row.get("metric_id"), "actual": _plain(actual),
            "actual_qualifier": row.get("actual_qualifier"),
            "completion_pct": None if row["completion_pct"] is None else round(float(row["completion_pct"]), 1),
            "score": None if row["score"] is None else round(float(row["score"]), 2), "note": note,
        })
    return out


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def tasks_table(tasks: pd.DataFrame, year: int, lang: str = "zh") -> pd.DataFrame:
    """The year's key tasks: 序号 | 任务 | 状态 | 说明 | 日期 (display text)."""
    rows = []
    frame = tasks[tasks["year"] == year] if tasks is not None and not tasks.empty else pd.DataFrame()
    for index, row in enumerate(frame.to_dict("records"), start=1):
        group = row.get("group_title") if isinstance(row.get("group_title"), str) else ""
        when = row.get("status_date")
        rows.append([str(index), (group + " " if group else "") + row["sentence"], t(f"tasks.status.{row['status']}", lang),
                     row.get("status_note") if isinstance(row.get("status_note"), str) else "",
                     "" if when is None or pd.isna(when) else pd.Timestamp(when).date().isoformat()])
    return pd.DataFrame(rows, columns=[t(f"tasks.column.{key}", lang) for key in ("number", "task", "status", "note", "date")])


def events_table(events: pd.DataFrame, year: int, lang: str = "zh") -> pd.DataFrame:
    """The year's events: 开始 | 结束 | 名称 | 类型 | 备注 (display text)."""
    frame = timeline.in_year(events, year)
    rows = [[pd.Timestamp(row["start_date"]).date().isoformat(), pd.Timestamp(row["end_date"]).date().isoformat(),
             row["label"], t(f"events.kind.{row['kind']}", lang), row["note"] if isinstance(row.get("note"), str) else ""]
            for row in frame.to_dict("records")]
    return pd.DataFrame(rows, columns=[t(f"events.column.{key}", lang) for key in ("start", "end", "label", "kind", "note")])
