"""Tables the upload and history pages (and the CLI) show: plain DataFrames of text, never HTML."""

from __future__ import annotations

import pandas as pd

from museum.catalog import Catalog
from museum.file_words import read_as_text
from museum.i18n import t
from museum.clock import format_time
from museum.numbers import format_value
from museum.intake.templates import uploadable
from museum.tabular import yes_no


def period_text(year, month, lang: str) -> str:
    if month is None or pd.isna(month):
        return t("intake.period.year", lang, year=int(year))
    return t("intake.period.month", lang, year=int(year), month=int(month))


def batch_state(row, lang: str) -> str:
    if row["kind"] == "rollback" and not pd.isna(row["rolls_back"]):
        return t("intake.state.rollback_of", lang, target=int(row["rolls_back"]))
    if not pd.isna(row["rolled_back_by"]):
        return t("intake.state.rolled_back", lang, by=int(row["rolled_back_by"]))
    review = row.get("review_status") if hasattr(row, "get") else None
    if review in ("pending", "rejected"):  # issue 23: it wrote nothing (yet, or at all)
        return t(f"intake.state.review_{review}", lang)
    return t("intake.state.active", lang)


def can_roll_back(row) -> bool:
    """A batch can be offered for rollback unless it is a rollback or was already rolled back."""
    return row["kind"] != "rollback" and pd.isna(row["rolled_back_by"])


def errors_table(problems, lang: str) -> pd.DataFrame:
    """Every problem: row (as Excel shows it), column, value, message."""
    columns = [t(f"intake.column.{c}", lang) for c in ("row", "column", "value", "message")]
    # a problem of the whole file has no row: an empty cell, never "None"
    records = [["" if p.row is None else str(p.row), p.column or "", p.value if p.value is not None else "", p.message(lang)]
               for p in problems]
    return pd.DataFrame(records, columns=columns)


def preview_table(
    compared: pd.DataFrame, cat: Catalog, lang: str, *, include_unchanged: bool = True, limit: int | None = None
) -> pd.DataFrame:
    """New / changed (old -> new) / unchanged values, in catalog order, as text (the first `limit`)."""
    columns = [t(f"intake.column.{c}", lang) for c in ("change", "metric", "period", "old", "new")]
    if compared is None or compared.empty:
        return pd.DataFrame(columns=columns)
    shown = compared if include_unchanged else compared[compared["status"] != "unchanged"]
    order = {m.metric_id: m.sort_order for m in cat}
    shown = shown.assign(_order=shown["metric_id"].astype(str).map(order).astype(int)).sort_values(["_order", "year", "month"], na_position="first")
    shown = shown if limit is None else shown.head(limit)
    records = []
    for row in shown.itertuples():
        metric = cat[row.metric_id]
        unit = metric.unit(lang)
        old = "" if pd.isna(row.old_value) else format_value(row.old_value, row.old_qualifier, lang, unit)
        records.append(
            [
                t(f"intake.change.{row.status}", lang),
                metric.name(lang),
                period_text(row.year, row.month, lang),
                old,
                format_value(row.value, row.qualifier, lang, unit),
            ]
        )
    return pd.DataFrame(records, columns=columns)


def batch_description(row, lang: str, cat: Catalog | None = None) -> str:
    """What a batch is about: its file, else what its note records in words ("绩效目标 2024：…",
    "科普图文 2023年4月", "回滚批次 #5"), so that a batch without a file is not a blank line."""
    if isinstance(row["file_name"], str) and row["file_name"]:
        return row["file_name"]
    if row["kind"] == "rollback" and not pd.isna(row["rolls_back"]):
        return t("uploads.describe.rollback", lang, target=int(row["rolls_back"]))
    note = row["note"] if isinstance(row["note"], str) else ""
    head, _, rest = note.partition(":")
    if head in ("target", "budget", "task", "report", "event") and rest:
        year, _, what = rest.partition(":")
        return t(f"uploads.describe.{head}", lang, year=year, what=what)
    if row["kind"] == "correction" and " " in note:
        metric_id, period = note.split(" ", 1)
        name = cat[metric_id].name(lang) if cat is not None and metric_id in cat else metric_id
        year, _, month = period.partition("-")
        return f"{name} {period_text(int(year), int(month) if month else None, lang)}" if year.isdigit() else note
    return note


def history_table(batches: pd.DataFrame, lang: str, cat: Catalog | None = None) -> pd.DataFrame:
    """Every batch with kind, time, user, what it holds (file or description), counts and state."""
    keys = ("batch", "kind", "time", "user", "file", "inserted", "updated", "unchanged", "skipped", "state")
    columns = [t(f"intake.column.{c}", lang) for c in keys]
    columns[4] = t("uploads.column.what", lang)
    records = [
        [
            int(r["batch_id"]),
            t(f"batch.kind.{r['kind']}", lang),
            format_time(r["created_at"], lang),
            str(r["user_name"]),
            batch_description(r, lang, cat),
            int(r["inserted"]),
            int(r["updated"]),
            int(r["unchanged"]),
            int(r["skipped"]),
            batch_state(r, lang),
        ]
        for _, r in batches.iterrows()
    ]
    return pd.DataFrame(records, columns=columns)


def changes_table(changes: pd.DataFrame, cat: Catalog, lang: str, *, limit: int | None = None) -> pd.DataFrame:
    """A batch's values as people read them: metric, period, old → new, and whether still in effect."""
    columns = [t(f"intake.column.{c}", lang) for c in ("metric", "period", "old", "new")] + [t("history.column.current", lang)]
    records = []
    for row in (changes if limit is None else changes.head(limit)).itertuples():
        metric = cat[row.metric_id] if row.metric_id in cat else None
        unit = metric.unit(lang) if metric else ""
        value = lambda v, q: "" if pd.isna(v) else format_value(float(v), str(q), lang, unit)  # noqa: E731
        records.append([metric.name(lang) if metric else row.metric_id, period_text(row.year, row.month, lang),
                        value(row.old_value, row.old_qualifier), value(row.new_value, row.new_qualifier),
                        yes_no(row.still_current, lang)])
    return pd.DataFrame(records, columns=columns)


def source_table(analysis, lang: str) -> pd.DataFrame:
    """What the upload was read as: format, platform, period covered, where the year came from."""
    label = lambda key: t(f"intake.source.{key}", lang)  # noqa: E731
    period = analysis.period
    rows = [
        [label("format"), t(f"sources.format.{analysis.source_format}", lang) if analysis.source_format else "—"],
        [label("platform"), t(f"platform.{analysis.platform or 'total'}", lang) if analysis.source_format else "—"],
        [label("period"), f"{period['from']} – {period['to']}" if period else "—"],
        [label("year_from"), t(f"intake.year_from.{analysis.year_from}", lang) if analysis.year_from else "—"],
        [label("encoding"), read_as_text(analysis.encoding, lang)],
    ]
    return pd.DataFrame(rows, columns=[t("intake.column.item", lang), t("intake.column.value", lang)])


def sheets_table(analysis, lang: str) -> pd.DataFrame:
    """Each sheet of the upload: read (how many values), skipped (why), hidden (not read), with errors."""
    columns = [t(f"intake.column.{c}", lang) for c in ("sheet", "status", "values", "reason")]
    records = []
    for sheet in analysis.sheets:
        layout = t(f"intake.layout.{sheet.layout}", lang) if sheet.layout else ""
        reason = sheet.reason.message(lang) if sheet.reason is not None else layout
        records.append([sheet.name or "—", t(f"intake.sheet.{sheet.status}", lang), sheet.values, reason])
    return pd.DataFrame(records, columns=columns)


def unmatched_table(analysis, cat: Catalog, lang: str) -> pd.DataFrame:
    """Columns no metric was found for, with the metrics they look like (the mapping step's rows)."""
    columns = [t(f"intake.column.{c}", lang) for c in ("sheet", "column", "suggestions")]
    records = [
        [u.sheet or "—", u.column, "、".join(f"{cat[m].name(lang)} ({m})" for m in u.suggestions) or "—"]
        for u in analysis.unmatched
    ]
    return pd.DataFrame(records, columns=columns)


def value_with_digits(value: float, qualifier: str, unit: str, lang: str) -> str:
    """A value as the pages show it, with every digit beside it where that rounds ("1亿篇（99,999,999篇）"),
    so that a confirmation shows exactly what is saved."""
    shown = format_value(value, qualifier, lang, unit)
    value = float(value)
    scale = 100_000_000 if "亿" in shown else 10_000 if "万" in shown.replace(unit, "") else 1
    if lang != "zh" or abs(round(value / scale, 2) * scale - value) <= 1e-9 * max(1.0, abs(value)):
        return shown  # English shows every digit; 500万 is exact
    digits = f"{value:,.10f}".rstrip("0").rstrip(".")
    return f"{shown}（{digits}{unit}）"


def metric_label(metric, lang: str) -> str:
    """科普图文（篇） / Science posts (posts): a metric as the upload page's choices name it."""
    return f"{metric.name(lang)}（{metric.unit(lang)}）" if lang == "zh" else f"{metric.name(lang)} ({metric.unit(lang)})"


def mapping_choices(cat: Catalog, lang: str) -> list[tuple[str, str]]:
    """(value, label) for the mapping step's choice: "" (ignore the column) and every uploadable metric."""
    return [("", t("intake.mapping.ignore", lang))] + [(m.metric_id, metric_label(m, lang)) for m in uploadable(cat)]


def month_preview_first_columns(lang: str) -> list[str]:
    """The columns that name a row of the month-by-month table (kept in view when it scrolls)."""
    return [t("intake.column.metric", lang), t("intake.column.platform", lang)]


def _changing(compared: pd.DataFrame) -> pd.Series:
    """Whether each compared value's period has anything new or changed."""
    months = compared["month"].astype("Float64").fillna(0)
    key = compared["year"].astype(int) * 100 + months.astype(int)
    changing = set(key[compared["status"] != "unchanged"])
    return key.isin(changing)


def unchanged_periods(compared: pd.DataFrame | None) -> int:
    """How many periods of a preview have no new or changed value (left out of the month table)."""
    if compared is None or compared.empty or (compared["status"] == "unchanged").all():
        return 0
    quiet = compared[~_changing(compared)]
    return len({(int(y), None if pd.isna(m) else int(m)) for y, m in zip(quiet["year"], quiet["month"])})


def month_preview_table(compared: pd.DataFrame, cat: Catalog, lang: str, *, changed_only: bool = False) -> pd.DataFrame:
    """Month by month, old -> new: one row per metric (and platform), one column per period;
    a cell reads "old -> new" for a change, "— -> new" for a new value, the value when unchanged.
    changed_only: only the periods with something new or changed (a phone shows the changed month,
    not eleven unchanged ones before it), unless nothing changes at all."""
    first = month_preview_first_columns(lang)
    if compared is None or compared.empty:
        return pd.DataFrame(columns=first)
    if changed_only and unchanged_periods(compared):
        compared = compared[_changing(compared)]
    order = {m.metric_id: m.sort_order for m in cat}
    frame = compared.assign(
        metric_id=compared["metric_id"].astype(str),
        sort_key=compared["metric_id"].astype(str).map(order),
        platform_code=compared["platform"].astype(object).where(compared["platform"].notna(), None) if "platform" in compared else None,
    )
    periods = sorted({(int(y), None if pd.isna(m) else int(m)) for y, m in zip(frame["year"], frame["month"])},
                     key=lambda p: (p[0], -1 if p[1] is None else p[1]))
    labels = [period_text(y, m, lang) for y, m in periods]
    rows = {}
    for row in frame.sort_values(["sort_key"]).itertuples():
        metric = cat[row.metric_id]
        unit = metric.unit(lang)
        key = (row.sort_key, row.metric_id, row.platform_code or "")
        record = rows.setdefault(key, {first[0]: metric.name(lang), first[1]: t(f"platform.{row.platform_code or 'total'}", lang)})
        new = format_value(row.value, row.qualifier, lang, unit)
        if row.status == "unchanged":
            text = new
        else:
            old = "—" if pd.isna(row.old_value) else format_value(row.old_value, row.old_qualifier, lang, unit)
            text = f"{old} → {new}"
        record[period_text(row.year, None if pd.isna(row.month) else row.month, lang)] = text
    table = pd.DataFrame([rows[k] for k in sorted(rows)], columns=first + labels)
    return table.fillna("")
