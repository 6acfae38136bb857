"""Where each obligation of the calendar stands: its draft ready, N items missing, or past its due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from museum.forms import calendar, draft, sheets
from museum.i18n import t
from museum.period import Period


@dataclass(frozen=True)
class Status:
    obligation: calendar.Obligation
    state: str          # ready | missing | overdue
    missing: int

    def text(self, lang: str) -> str:
        return t(f"forms.calendar.status.{self.state}", lang, n=self.missing)


def missing_items(obligation: calendar.Obligation, scope_of) -> int:
    """How many items the obligation's draft still lacks (placeholders, lines without a value)."""
    year, how = obligation.year, obligation.entry.drafted_by
    if how == "draft_report":
        return len(draft.build(scope_of(Period.of_year(year))).missing)
    if how in ("kepu", "kexie"):
        found = sheets.rows(how, scope_of, year)
        return sum(1 for row in found if row.line.kind == "field" and row.value == sheets.NOT_REPORTED)
    if how == "self_evaluation":
        view = scope_of(Period.of_year(year)).year_targets
        if not view:
            return 1
        evaluation = view.evaluation
        return int((evaluation["actual"].isna() & evaluation["actual_text"].isna()).sum())
    if how == "brief":
        return 0 if obligation.month in scope_of(Period.of_year(year)).months_with_data else 1
    raise ValueError(f"data/forms/calendar.csv: unknown drafted_by {how!r}")


def of_year(year: int, scope_of, today: date) -> list[Status]:
    """Every obligation about data year `year` with where it stands on `today`."""
    found = []
    for obligation in calendar.of_year(year):
        missing = missing_items(obligation, scope_of)
        if today > obligation.due:
            state = "overdue"
        elif missing:
            state = "missing"
        else:
            state = "ready"
        found.append(Status(obligation, state, missing))
    return found
