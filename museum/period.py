"""Periods: a year, a quarter, a month, or months a–b of one year — parsed, named and stepped.

Text forms (CLI, URLs, file names) are `2025`, `2025-Q2`, `2025-04` and `2025-01..2025-04`; a
range that is one month or the whole year is that month or that year. The kind is part of the
value: months 1–3 written as a range are a year-to-date range (no 环比), `2025-Q1` is a quarter
(环比 against the previous Q4), with the same months.

环比 compares a period with the previous one of the same length: April with March, January with
the previous December, Q1 with the previous Q4, months 5–6 with 3–4. A year and a year-to-date
range (months 1–N) have none, and neither has a range whose previous months would reach into the
year before (months 2–4): a period lies in one year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from museum.errors import InputRejected
from museum.i18n import t

KINDS = ("year", "quarter", "month", "range")
FIRST_YEAR, LAST_YEAR = 1900, 2999  # only the shape is checked here; the data decides what exists
_FORMS = (
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{4})-[Qq]([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-(\d{1,2})"), "month"),
    (re.compile(r"(\d{4})-(\d{1,2})\s*\.\.\s*(\d{4})-(\d{1,2})"), "range"),
)


@dataclass(frozen=True, order=True)
class Period:
    year: int
    first: int          # first month, 1–12
    last: int           # last month, first–12
    kind: str = "range"

    # -- making one ---------------------------------------------------------------------------

    @classmethod
    def of_year(cls, year: int) -> "Period":
        return cls(int(year), 1, 12, "year")

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> "Period":
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter {quarter} is not 1–4")
        return cls(int(year), 3 * quarter - 2, 3 * quarter, "quarter")

    @classmethod
    def of_month(cls, year: int, month: int) -> "Period":
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} is not 1–12")
        return cls(int(year), int(month), int(month), "month")

    @classmethod
    def of_months(cls, year: int, first: int, last: int) -> "Period":
        """Months first–last of one year: a month when they are one, the year when they are all twelve."""
        if not 1 <= first <= last <= 12:
            raise ValueError(f"months {first}–{last} are not a range within one year")
        if first == last:
            return cls.of_month(year, first)
        if (first, last) == (1, 12):
            return cls.of_year(year)
        return cls(int(year), int(first), int(last), "range")

    @classmethod
    def coerce(cls, value: "Period | int | str") -> "Period":
        """A Period from a Period, a year (the whole year) or a text form."""
        if isinstance(value, Period):
            return value
        if isinstance(value, int):
            return cls.of_year(value)
        return parse(str(value))

    # -- what it is ---------------------------------------------------------------------------

    @property
    def months(self) -> tuple[int, ...]:
        return tuple(range(self.first, self.last + 1))

    @property
    def is_year(self) -> bool:
        return self.kind == "year"

    @property
    def to_date(self) -> bool:
        """Months 1–N written as a range: a year so far, which has no 环比."""
        return self.kind == "range" and self.first == 1

    @property
    def text(self) -> str:
        """The canonical text form: 2025, 2025-Q2, 2025-04, 2025-01..2025-04."""
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "quarter":
            return f"{self.year}-Q{(self.first + 2) // 3}"
        if self.kind == "month":
            return f"{self.year}-{self.first:02d}"
        return f"{self.year}-{self.first:02d}..{self.year}-{self.last:02d}"

    def __str__(self) -> str:
        return self.text

    def previous(self) -> "Period | None":
        """The previous period of the same length for 环比 (None for a year, a year so far, or a
        range whose previous months would begin in the year before)."""
        if self.kind == "month":
            return Period.of_month(self.year - 1, 12) if self.first == 1 else Period.of_month(self.year, self.first - 1)
        if self.kind == "quarter":
            quarter = (self.first + 2) // 3
            return Period.of_quarter(self.year - 1, 4) if quarter == 1 else Period.of_quarter(self.year, quarter - 1)
        if self.kind == "range" and not self.to_date:
            length = self.last - self.first + 1
            if self.first - length >= 1:
                return Period(self.year, self.first - length, self.first - 1, "range")
        return None

    def previous_reason(self) -> str | None:
        """Why there is no previous period (a reason code for texts and JSON), None when there is one."""
        if self.previous() is not None:
            return None
        if self.kind == "year":
            return "period_year"
        return "period_to_date" if self.to_date else "previous_crosses_year"

    def same_months(self, year: int) -> "Period":
        """The same months in another year (the side 同比 compares against)."""
        return Period(int(year), self.first, self.last, self.kind)

    # -- words --------------------------------------------------------------------------------

    def label(self, lang: str = "zh") -> str:
        """2025年 / 2025年第二季度 / 2025年4月 / 2025年1–4月 (2025 / 2025 Q2 / Apr 2025 / Jan–Apr 2025)."""
        if self.kind == "year":
            return t("period.label.year", lang, year=self.year)
        if self.kind == "quarter":
            return t("period.label.quarter", lang, year=self.year, quarter=t(f"period.quarter.{(self.first + 2) // 3}", lang))
        if self.kind == "month":
            return t("period.label.month", lang, year=self.year, month=t(f"period.month.{self.first}", lang))
        return t("period.label.range", lang, year=self.year, first=t(f"period.month.{self.first}", lang),
                 last=t(f"period.month.{self.last}", lang))

    def choice_label(self, lang: str = "zh") -> str:
        """The period as the sidebar lists it under its year: 全年 / 第二季度 / 4月 / 1–4月."""
        if self.kind == "year":
            return t("period.choice.year", lang)
        if self.kind == "quarter":
            return t(f"period.quarter.{(self.first + 2) // 3}", lang)
        if self.kind == "month":
            return t("period.choice.month", lang, month=t(f"period.month.{self.first}", lang))
        return t("period.choice.range", lang, first=t(f"period.month.{self.first}", lang),
                 last=t(f"period.month.{self.last}", lang))


def parse(text: str) -> Period:
    """A period from its text form; anything else is refused with a message naming the forms."""
    cleaned = str(text or "").strip()
    for pattern, kind in _FORMS:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        numbers = [int(group) for group in match.groups()]
        year = numbers[0]
        if not FIRST_YEAR <= year <= LAST_YEAR:
            break
        try:
            if kind == "year":
                return Period.of_year(year)
            if kind == "quarter":
                return Period.of_quarter(year, numbers[1])
            if kind == "month":
                return Period.of_month(year, numbers[1])
            if numbers[2] != year:
                break  # a period lies in one year
            return Period.of_months(year, numbers[1], numbers[3])
        except ValueError:
            break
    raise InputRejected("period.error.bad", text=cleaned or "—")


def choices(year: int, months_with_data) -> list[Period]:
    """The periods of `year` worth choosing: the year, then each quarter, month and months 1–N
    (N ≥ 2) that contain a month with data, in that order."""
    months = sorted({int(m) for m in months_with_data if 1 <= int(m) <= 12})
    found = [Period.of_year(year)]
    found += [Period.of_quarter(year, q) for q in range(1, 5) if any(3 * q - 2 <= m <= 3 * q for m in months)]
    found += [Period.of_month(year, m) for m in months]
    found += [Period.of_months(year, 1, n) for n in range(2, 12) if any(m <= n for m in months) and n in months]
    return found
