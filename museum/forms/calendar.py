"""The reporting calendar (data/forms/calendar.csv): each obligation of a data year with its due date.

A rule names a date relative to the data year Y ("Y+1-03-31": 31 March of the following year)
or, for a monthly obligation, to its month M ("M+1-10": the 10th of the following month). An
obligation marked approximate is due "about" then (科协综合统计 is called each year around November).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from museum import settings
from museum.i18n import t
from museum.period import Period

CALENDAR_FILE = settings.ROOT / "data" / "forms" / "calendar.csv"
COLUMNS = ("key", "report_zh", "report_en", "agency_zh", "agency_en", "period", "opens", "due", "approximate", "drafted_by")
_YEAR_RULE = re.compile(r"Y([+-]\d+)?-(\d{2})-(\d{2})")
_MONTH_RULE = re.compile(r"M([+-]\d+)?-(\d{2})")
SOON_DAYS = 30


@dataclass(frozen=True)
class Entry:
    key: str
    report: dict[str, str]
    agency: dict[str, str]
    period: str          # year | month
    opens: str
    due: str
    approximate: bool
    drafted_by: str


@dataclass(frozen=True)
class Obligation:
    entry: Entry
    year: int
    month: int | None
    opens: date
    due: date

    @property
    def key(self) -> str:
        return self.entry.key if self.month is None else f"{self.entry.key}-{self.month:02d}"

    def name(self, lang: str) -> str:
        return self.entry.report[lang]


def resolve(rule: str, year: int, month: int | None = None) -> date:
    """The date a rule names for data year `year` (and month)."""
    found = _YEAR_RULE.fullmatch(rule)
    if found:
        return date(year + int(found.group(1) or 0), int(found.group(2)), int(found.group(3)))
    found = _MONTH_RULE.fullmatch(rule)
    if found and month is not None:
        index = year * 12 + (month - 1) + int(found.group(1) or 0)
        return date(index // 12, index % 12 + 1, int(found.group(2)))
    raise ValueError(f"data/forms/calendar.csv: cannot read the rule {rule!r} for {year}-{month}")


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    with open(CALENDAR_FILE, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"data/forms/calendar.csv: columns must be {', '.join(COLUMNS)}")
        return tuple(Entry(r["key"], {"zh": r["report_zh"], "en": r["report_en"]}, {"zh": r["agency_zh"], "en": r["agency_en"]},
                           r["period"], r["opens"], r["due"], r["approximate"] == "true", r["drafted_by"]) for r in reader)


def of_year(year: int) -> list[Obligation]:
    """Every obligation about data year `year`, by due date (a monthly one once per month)."""
    found = []
    for entry in entries():
        months = range(1, 13) if entry.period == "month" else [None]
        for month in months:
            found.append(Obligation(entry, year, month, resolve(entry.opens, year, month), resolve(entry.due, year, month)))
    return sorted(found, key=lambda o: (o.due, o.entry.key))


def next_due(today: date, within: int = SOON_DAYS) -> Obligation | None:
    """The next obligation due from today within `within` days (about last year's data or this year's)."""
    candidates = [o for year in (today.year - 1, today.year) for o in of_year(year)
                  if today <= o.due <= today + timedelta(days=within)]
    return min(candidates, key=lambda o: (o.due, o.entry.key), default=None)


def period_text(obligation: Obligation, lang: str) -> str:
    """The data the obligation is about: 2025年 / 2025年4月."""
    if obligation.month is None:
        return Period.of_year(obligation.year).label(lang)
    return Period.of_month(obligation.year, obligation.month).label(lang)


def next_due_line(today: date, lang: str) -> str | None:
    """The overview's one line about the next obligation due within 30 days, or None."""
    found = next_due(today)
    if found is None:
        return None
    return t("forms.calendar.next_due", lang, report=found.name(lang), period=period_text(found, lang),
             due=found.due.isoformat(), days=(found.due - today).days)
