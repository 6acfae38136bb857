"""Tables the upload and history pages (and the CLI) show: plain DataFrames of text, never HTML."""

from __future__ import annotations

import pandas as pd

from museum.catalog import Catalog
from museum.i18n import t
from museum.numbers import format_value


def period_text(year, month, lang: str) -> str:
    if month is None or pd.isna(month):
        return t("intake.period.year", lang, year=int(year))
    return t("intake.period.month", lang, year=int(year), month=int(month))


def batch_state(row, lang: str) -> str:
    if row["kind"] == "rollback" and not pd.isna(row["rolls_back"]):
        return t("intake.state.rollback_of", lang, target=int(row["rolls_back"]))
    if not pd.isna(row["rolled_back_by"]):
        return t("intake.state.rolled_back", lang, by=int(row["rolled_back_by"]))
    return t("intake.state.active", lang)


def can_roll_back(row) -> bool:
    """A batch can be offered for rollback unless it is a rollback or was already rolled back."""
    return row["kind"] != "rollback" and pd.isna(row["rolled_back_by"])


def errors_table(problems, lang: str) -> pd.DataFrame:
    """Every problem: row (as Excel shows it), column, value, message."""
    columns = [t(f"intake.column.{c}", lang) for c in ("row", "column", "value", "message")]
    records = [[p.row, p.column or "", p.value if p.value is not None else "", p.message(lang)] for p in problems]
    frame = pd.DataFrame(records, columns=columns)
    frame[columns[0]] = frame[columns[0]].astype("Int64")
    return frame


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


def history_table(batches: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every batch with kind, time, user, file, counts and state, as text and numbers."""
    keys = ("batch", "kind", "time", "user", "file", "inserted", "updated", "unchanged", "skipped", "state")
    columns = [t(f"intake.column.{c}", lang) for c in keys]
    records = [
        [
            int(r["batch_id"]),
            t(f"batch.kind.{r['kind']}", lang),
            str(r["created_at"])[:16],
            str(r["user_name"]),
            "" if pd.isna(r["file_name"]) else str(r["file_name"]),
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
                        t("tabular.yes" if row.still_current else "tabular.no", lang)])
    return pd.DataFrame(records, columns=columns)
