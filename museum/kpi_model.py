"""What a KPI is: a year's (or period's) value with where it came from, what it is compared with, and why a change is
missing (the reason codes the cards translate). The arithmetic that makes them is museum.kpis."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from museum.catalog import Metric
from museum.period import Period

# Why there is no percentage change (Kpi.reason).
REASONS = ("no_prior", "prior_zero", "prior_partial", "no_common_months", "platforms_differ", "ratio",
           "prior_annual_only")
# Why there is no 环比 percentage (Kpi.previous_reason).
PREVIOUS_REASONS = ("period_year", "period_to_date", "previous_crosses_year", "no_previous", "previous_zero",
                    "period_partial", "previous_partial", "platforms_differ", "ratio")
# What the change compares (Kpi.comparison): whole years, the months both years have, a mid-year
# stock with last year's year-end, or this year so far as a share of last year's annual figure.
COMPARISONS = ("years", "months", "prior_year_end", "share")


@dataclass(frozen=True)
class Source:
    """Where a number came from: the report sentence and/or the batch that wrote it."""

    sentence: str | None
    batch_id: int
    batch_kind: str
    file_name: str | None
    user: str | None
    time: datetime | None  # when the batch was written (UTC, as stored)


@dataclass
class YearValue:
    value: float
    qualifier: str
    basis: str                      # "year": a stated annual value or all 12 months (year-end); "months": part of a year
    months: tuple[int, ...] = ()    # the months summed (flows) or the month read (stocks); () for an annual value
    sources: list[Source] = field(default_factory=list)
    is_demo: bool = False
    # the platforms a value is only a sum of (sorted codes, e.g. ("douyin", "wechat")); () when it
    # is the whole matrix's total. `platforms_partial`: only some of its months are such sums.
    platforms: tuple[str, ...] = ()
    platforms_partial: bool = False


@dataclass
class Kpi:
    metric: Metric
    year: int
    current: YearValue                 # this year to date: the card's value
    prior_year: int
    prior: YearValue | None            # what the change compares against (same months, or the year)
    change: float | None
    change_pct: float | None
    bound: str                         # exact | at_least | at_most | approx (of change, change_pct, of_prior_year_pct)
    reason: str | None                 # why change_pct is missing: see REASONS
    comparison: str | None = None      # see COMPARISONS; None when nothing is compared
    basis_months: tuple[int, ...] | None = None   # the months compared; None for whole years
    compared: YearValue | None = None  # this year's side of the comparison (its value over basis_months)
    of_prior_year_pct: float | None = None        # this year so far as % of last year's annual figure
    period: Period | None = None                  # the period the value covers (None: the whole year)
    # 环比: the previous period of the same length, its value, the change and why there is none
    previous_period: Period | None = None
    previous: YearValue | None = None
    previous_change: float | None = None
    previous_change_pct: float | None = None
    previous_bound: str = "exact"
    previous_reason: str | None = None

    @property
    def value(self) -> float:
        return self.current.value

    @property
    def qualifier(self) -> str:
        return self.current.qualifier

    @property
    def prior_value(self) -> float | None:
        return None if self.prior is None else self.prior.value
