"""Warnings that need what is already stored: 10x jumps against last year, months vs annual totals.

Both compare the file's values with the current values (the file's own values win where both
exist), set-wise in SQL over the registered frame, never row by row.
"""

from __future__ import annotations

import pandas as pd

from museum import db
from museum.catalog import Catalog
from museum.intake.problems import Notice

JUMP_FACTOR = 10
SUM_TOLERANCE = 0.005   # months may differ from the annual figure by rounding
MAX_LISTED = 20


def _listed(items: list[str], total: int) -> str:
    shown = "；".join(items)
    return shown + (f"；…(+{total - len(items)})" if total > len(items) else "")


def _period(year, month) -> str:
    return f"{int(year)}" if pd.isna(month) else f"{int(year)}-{int(month):02d}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def context_notices(con, institution: int, observations: pd.DataFrame, cat: Catalog) -> list[Notice]:
    """Jump and month-sum warnings for staged observations (with their file `row`)."""
    if observations.empty:
        return []
    frame = observations[["metric_id", "year", "month", "value", "qualifier", "row"]]
    with db.registered(con, frame):
        jumps = db.query(con, "intake_jumps", institution_id=institution, factor=JUMP_FACTOR)
        sums = db.query(con, "intake_month_sums", institution_id=institution, tolerance=SUM_TOLERANCE)
    notices = []
    if not jumps.empty:
        items = [
            f"{int(r.row)}:{cat[r.metric_id].name_zh} {_period(r.year, r.month)} {_number(r.value)} / {_number(r.prior_value)}"
            for r in jumps.head(MAX_LISTED).itertuples()
        ]
        notices.append(Notice("intake.warning.jump", {"count": len(jumps), "items": _listed(items, len(jumps)), "factor": JUMP_FACTOR}))
    if not sums.empty:
        items = [
            f"{cat[r.metric_id].name_zh} {int(r.year)}: Σ{int(r.months)}={_number(r.total)} ≠ {_number(r.annual)}"
            for r in sums.head(MAX_LISTED).itertuples()
        ]
        notices.append(Notice("intake.warning.month_sum", {"count": len(sums), "items": _listed(items, len(sums))}))
    return notices
