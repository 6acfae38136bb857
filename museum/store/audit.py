"""The audit trail: who did what and when. Lines are only ever added, never changed.

Every write function in the package records its own line with `record(con, action, actor, …)` on
the connection of the change, inside the change's `db.transaction`, so the change and its audit
line commit together (or neither does); pages and commands only pass the acting user. Actions are
checked against ACTIONS here, not by the schema (migration 0004).
"""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd

from museum import clock, safe_csv
from museum.store import audit_words, db
from museum.i18n import t

ACTIONS = (
    "sign_in_ok",
    "sign_in_failed",
    "sign_out",
    "upload_accepted",
    "upload_rejected",
    "report_import",
    "correction",
    "rollback",
    "export",
    "account_change",
    "backup",
    "restore",
    "demo",
    "targets_import",
    "target_edit",
    "task_edit",
    "event_edit",
    "column_alias",
    "draft_edit",
    "digest_sent",
    "return_package",
    "return_receive",
    "return_key",
    "access_refused",
    "institution_add",
    "entry",             # typed monthly entry (数据填报), applied at once
    "review_submitted",  # a write created pending review (issue 23)
    "review_approved",
    "review_rejected",
    "review_refused",    # an approval or rejection refused (four eyes, role, conflict)
    "review_setting",    # review switched on or off for an institution
)
COLUMNS = ("occurred_at", "user_name", "action", "detail", "file_sha256")
MAX_DETAIL_CHARS = 2000


def record(
    con,
    action: str,
    user: str,
    detail: str | None = None,
    file_sha256: str | None = None,
    *,
    now: datetime | None = None,
) -> None:
    """Add one audit line. `user` is the account name (or, before sign-in, the name typed)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; known: {', '.join(ACTIONS)}")
    occurred_at = now or datetime.now(timezone.utc).replace(tzinfo=None)
    if detail is not None and len(detail) > MAX_DETAIL_CHARS:
        detail = detail[: MAX_DETAIL_CHARS - 1] + "…"
    db.execute(con, "audit_insert", occurred_at=occurred_at, user_name=user or "", action=action, detail=detail, file_sha256=file_sha256)


def entries(
    con,
    *,
    user: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Audit lines, newest first: audit_id, occurred_at, user_name, action, detail, file_sha256.

    Every filter is optional; `text` matches inside the detail, case-insensitively.
    """
    return db.query(
        con,
        "audit_entries",
        user_name=user or None,
        action=action or None,
        since=since,
        until=until,
        text=text or None,
        max_rows=limit,
    )


def users(con) -> list[str]:
    return [row[0] for row in db.rows(con, "audit_users")]


def action_label(action: str, lang: str = "zh") -> str:
    return t(f"audit.action.{action}", lang)


def display_frame(frame: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Audit lines with translated headers and action names (for the admin page and CSV)."""
    shown = frame.loc[:, list(COLUMNS)].copy()
    shown["detail"] = [audit_words.readable(d, lang) for d in shown["detail"].fillna("")]
    shown["file_sha256"] = shown["file_sha256"].fillna("")
    shown["action"] = [action_label(a, lang) for a in shown["action"]]
    shown["occurred_at"] = [clock.format_time(value, lang, seconds=True) for value in shown["occurred_at"]]
    shown.columns = [t(f"audit.column.{c}", lang) for c in COLUMNS]
    return shown


def csv_bytes(frame: pd.DataFrame, lang: str = "zh") -> bytes:
    """The audit lines as a spreadsheet-safe CSV (UTF-8 with BOM, formula cells neutralised)."""
    return safe_csv.to_csv_bytes(display_frame(frame, lang))


def entry_json(row) -> dict:
    return {
        "time": row["occurred_at"].strftime("%Y-%m-%dT%H:%M:%SZ"),
        "user": row["user_name"],
        "action": row["action"],
        "detail": None if pd.isna(row["detail"]) else row["detail"],
        "file_sha256": None if pd.isna(row["file_sha256"]) else row["file_sha256"],
    }
