"""The entry table of 目标管理: every indicator's 实际完成值 (unlinked ones), 得分 (qualitative ones),
来源说明 and 偏差原因 in one table, saved as one batch.

Each row remembers the version (target_id) the table was built from: a row changed since (another
window, another editor) is refused by name with nothing written, so a save never silently lands
on — or loses to — a newer text (issue 18 items 9 and 14).
"""

from __future__ import annotations

import math

import pandas as pd

from museum import numbers
from museum.catalog import normalize_name
from museum.errors import InputRejected, MuseumError
from museum.i18n import t
from museum.store import batches
from museum.intake import review
from museum.targets import edit, pending, store
from museum.targets.view import YearTargets, actual_text, target_text

COLUMNS = ("indicator", "target", "source", "actual", "score", "note", "deviation")
EDITABLE = ("actual", "score", "note", "deviation")


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value).strip()


def _score(value) -> float | None:
    text = _text(value)
    return None if not text else float(text)


def source_of(row: dict, cat, lang: str) -> str:
    """Where a row's actual comes from: the linked metric's name, the budget, or what is entered here."""
    if row.get("metric_id"):
        metric = cat[row["metric_id"]].name(lang) if row["metric_id"] in cat else row["metric_id"]
        return t("targets.entries.source.metric", lang, metric=metric)
    if row.get("actual_source") == "budget":
        return t("targets.entries.source.budget", lang)
    return t("targets.entries.source.qualitative" if row["operator"] == "qualitative" else "targets.entries.source.entered", lang)


def entry_rows(year_view: YearTargets, cat, lang: str = "zh") -> list[dict]:
    """One dict per indicator: target_id (the version shown), COLUMNS as the table shows them."""
    rows = []
    for row in year_view.evaluation.to_dict("records"):
        row = {key: (None if isinstance(value, float) and math.isnan(value) else value) for key, value in row.items()}
        qualitative = row["operator"] == "qualitative"
        if row.get("metric_id") or row.get("actual_source") == "budget":
            shown = actual_text(row, cat, lang) if row.get("actual") is not None else ""
        elif qualitative:
            shown = _text(row.get("actual_text"))
        else:
            shown = actual_text(row, cat, lang) if row.get("actual") is not None else ""
        rows.append({
            "target_id": int(row["target_id"]), "indicator": row["indicator"], "target": target_text(row, lang),
            "source": source_of(row, cat, lang), "actual": shown,
            "score": float(row["score"]) if qualitative and row.get("score") is not None else None,
            "note": _text(row.get("actual_note")), "deviation": _text(row.get("deviation")),
        })
    return rows


def headers(lang: str = "zh") -> dict[str, str]:
    return {key: t(f"targets.entries.column.{key}", lang) for key in COLUMNS}


def table(rows: list[dict], lang: str = "zh") -> pd.DataFrame:
    """The rows as the editor shows them, headers in the reader's language."""
    frame = pd.DataFrame([{key: row[key] for key in COLUMNS} for row in rows], columns=list(COLUMNS))
    frame["score"] = frame["score"].astype("float64")
    return frame.rename(columns=headers(lang))


def read_table(edited: pd.DataFrame, lang: str = "zh") -> list[dict]:
    """The edited table back to COLUMNS keys (row order as built)."""
    frame = edited.rename(columns={text: key for key, text in headers(lang).items()})
    return frame.to_dict("records")


def changed_rows(base: list[dict], edited: list[dict]) -> list[tuple[int, dict, dict]]:
    """(table row number from 1, base row, the edited fields that differ) for every row changed."""
    found = []
    for number, (old, new) in enumerate(zip(base, edited), start=1):
        changes = {key: new.get(key) for key in EDITABLE if _differs(key, old.get(key), new.get(key))}
        if changes:
            found.append((number, old, changes))
    return found


def _differs(key: str, old, new) -> bool:
    if key == "score":
        before, after = _score(old), _score(new)
        return (before is None) != (after is None) or (before is not None and abs(before - after) > 1e-9)
    return _text(old) != _text(new)


def current_versions(con, institution: int, year: int) -> dict[str, int]:
    """{folded indicator name: current target_id} of the year (to refresh a refused table's versions)."""
    return {normalize_name(row["indicator"]): int(row["target_id"]) for row in store.year_targets(con, institution, year)}


def _fields(row: dict, changes: dict) -> dict:
    """The stored fields the changes of one row give (refused with the inner reason)."""
    fields: dict = {}
    if "actual" in changes and row["operator"] == "qualitative":
        fields["actual_text"] = edit.clean_text(changes["actual"], "result")
    elif "actual" in changes:
        fields["actual_value"], fields["actual_qualifier"] = edit.parsed_actual(row, _text(changes["actual"]) or None)
    if "score" in changes:
        score = _score(changes["score"])
        if row["operator"] != "qualitative":
            raise InputRejected("targets.entries.score_not_qualitative")
        if score is not None and not 0 <= score <= float(row["weight"]):
            raise InputRejected("targets.actual.score_range", score=numbers.format_plain(score, "en"),
                                weight=numbers.format_plain(float(row["weight"]), "en"))
        fields["actual_score"] = score
    if "note" in changes:
        fields["actual_note"] = edit.clean_text(changes["note"], "note")
    if "deviation" in changes:
        fields["deviation"] = edit.clean_text(changes["deviation"], "deviation")
    return fields


def _problem(number: int, indicator: str, key: str, error: MuseumError) -> InputRejected:
    return InputRejected("targets.entries.problem", row=number, indicator=indicator,
                         column_zh=t(f"targets.entries.column.{key}", "zh"), column_en=t(f"targets.entries.column.{key}", "en"),
                         problem_zh=error.message("zh"), problem_en=error.message("en"))


def save_entries(con, institution: int, year: int, base: list[dict], edited: list[dict], *, actor: str) -> tuple[int, int]:
    """Write every changed row of the table as one batch; returns (batch_id, rows changed).

    Refused, with nothing written: no change; a row whose stored version is no longer the one the
    table was built from (targets.entries.stale, naming the indicators); a value that does not fit
    (targets.entries.problem: table row, indicator, column and why)."""
    changed = changed_rows(base, edited)
    if not changed:
        raise InputRejected("targets.edit.unchanged")
    current = {int(row["target_id"]): row for row in store.year_targets(con, institution, year)}
    stale = [old["indicator"] for _, old, _ in changed if int(old["target_id"]) not in current]
    if stale:
        raise InputRejected("targets.entries.stale", names="、".join(stale), names_en="; ".join(stale))
    plans = []
    for number, old, changes in changed:
        row = current[int(old["target_id"])]
        for key in changes:
            try:
                _fields(row, {key: changes[key]})   # each field alone, so a refusal names its column
            except MuseumError as error:
                raise _problem(number, old["indicator"], key, error) from error
        plans.append((row, _fields(row, changes), sorted(changes)))
    if review.required(con, institution):  # actuals count once another account approves them
        what = f"{year} entries: " + "; ".join(f"{row['indicator']} ({', '.join(keys)})" for row, _, keys in plans)
        return pending.submit(con, institution, year, [(row, fields) for row, fields, _ in plans], actor=actor,
                              what=what), len(plans)
    with batches.one_batch(con, "target_edit", institution=institution, actor=actor, action="target_edit",
                           note=f"targets:{year}:entries") as opened:
        for row, fields, keys in plans:
            if not store.retire_target(con, institution, row["target_id"], opened.batch_id):
                raise InputRejected("targets.entries.stale", names=row["indicator"], names_en=row["indicator"])
            store.insert_target(con, institution, year, opened.batch_id, {**row, **fields})
        opened.counts.updated = len(plans)
        opened.detail = f"{year} entries: " + "; ".join(f"{row['indicator']} ({', '.join(keys)})" for row, _, keys in plans)
    return opened.batch_id, len(plans)
