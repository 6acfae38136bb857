"""What a section is built from: one institution, one period, one language, and its data frames.

The period (museum.period) is a year, a quarter, a month or months a–b of one year; a year given
as a number means the whole year, and `scope.year` is the period's year.

Frames are loaded by name through a loader the caller gives: the pages pass one that is cached
until the database changes (`ui/data.py`), the export passes one that reads with its own
connection (`Scope.from_connection`). Either way a frame is loaded once per scope, the year's
KPIs are computed once however many sections use them, and each section is built once per scope
(the pages share one scope per data version between every viewer; nothing here is changed
after it is built).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

import pandas as pd

from museum import catalog, charts, headlines, kpis
from museum.store import db
from museum.catalog import Catalog
from museum.i18n import t
from museum.period import Period


def _query(name: str) -> Callable:
    return lambda con, institution_id: db.query(con, name, institution_id=institution_id)


# Every frame a section may ask for: name -> loader(con, institution_id).
FRAMES: dict[str, Callable] = {
    "values": kpis.load_values,
    "awards": _query("awards_by_year"),
    "honors": _query("honors_by_year"),
    "research": _query("research_by_year"),
    "profile": _query("profile_fields"),
    # plans and targets (museum.targets)
    "targets": _query("targets_current"),
    "target_budget": _query("budget_current"),
    "key_tasks": _query("tasks_current"),
    "timeline_events": _query("events_current"),
    "platform_values": _query("platform_values"),   # per-platform monthly values (museum.sections.platforms)
    "platform_items": _query("platform_items"),     # posts and videos of platform exports
    "draft_fields": _query("draft_fields_current"),  # an editor's texts of the report draft (museum.forms)
}


@dataclass
class Scope:
    institution_id: int
    institution: str
    period: Period          # a year (int) or a text form is accepted and made a Period
    lang: str
    load: Callable[[str], pd.DataFrame] = field(repr=False)
    convention: str | None = None
    _frames: dict = field(default_factory=dict, repr=False)
    built: dict = field(default_factory=dict, repr=False)  # section key -> Section (museum.sections.build)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.period = Period.coerce(self.period)

    @classmethod
    def from_connection(cls, con, institution_id: int, institution: str, period: Period | int | str, lang: str,
                        convention: str | None = None) -> "Scope":
        """A scope that reads its frames with `con` (each at most once)."""
        return cls(institution_id, institution, period, lang, lambda name: FRAMES[name](con, institution_id), convention)

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def whole_year(self) -> bool:
        return self.period.is_year

    @property
    def period_label(self) -> str:
        """'2025年4月' / 'Apr 2025'."""
        return self.period.label(self.lang)

    def name(self, stem: str) -> str:
        """A block's stable name for this period: 'posts_monthly_2024', 'posts_monthly_2025-04'."""
        return f"{stem}_{self.period.text}"

    def frame(self, name: str) -> pd.DataFrame:
        if name not in FRAMES:
            raise KeyError(f"unknown frame {name!r}; known: {', '.join(FRAMES)}")
        if name not in self._frames:
            self._frames[name] = self.load(name)
        return self._frames[name]

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    @property
    def catalog(self) -> Catalog:
        return catalog.load()

    @property
    def palette(self) -> charts.Palette:
        return charts.Palette.for_convention(self.convention or charts.default_convention(self.lang))

    @cached_property
    def values(self) -> pd.DataFrame:
        """Every current value up to the scope's year (a 2024 view never shows 2025 months)."""
        values = self.frame("values")
        return values[values["year"] <= self.year].reset_index(drop=True)

    @cached_property
    def kpis(self) -> list[kpis.Kpi]:
        with self.lock:  # viewers sharing this scope wait for one computation instead of each doing it
            return self.__dict__.get("kpis") or kpis.kpis_for_period(self.values, self.catalog, self.period)

    def kpis_in(self, category: str) -> list[kpis.Kpi]:
        return [k for k in self.kpis if k.metric.category == category]

    @cached_property
    def year_targets(self):
        """The year's targets evaluated today (museum.targets.view.YearTargets): once per scope for
        the cards, the targets section and the two target pages."""
        from museum.targets import view  # the targets package reads scopes itself

        return view.year_targets(self)

    @cached_property
    def target_progress(self) -> dict[str, str]:
        """metric id -> its target progress text this year ("完成 62%，序时进度 75%…"), where a target is linked."""
        from museum.targets import view  # the targets package reads scopes itself

        return view.metric_progress_texts(self)

    @cached_property
    def prior_notice(self) -> str | None:
        """The one notice that replaces "无上年数据" on every card when the prior year is not in the database."""
        return headlines.prior_year_notice(kpis.years_with_data(self.frame("values")), self.year, self.lang, self.kpis)

    @cached_property
    def months_with_data(self) -> tuple[int, ...]:
        """The months of the scope's year that hold any monthly value (the period choices, notices)."""
        values = self.values
        months = values.loc[(values["year"] == self.year) & values["month"].notna(), "month"]
        return tuple(sorted({int(m) for m in months}))

    @cached_property
    def demo(self) -> bool:
        return bool(self.values["is_demo"].any()) if not self.values.empty else False

    def records(self, name: str) -> pd.DataFrame:
        """An event table (awards, honors, research) up to the scope's year."""
        frame = self.frame(name)
        return frame[frame["year"] <= self.year].reset_index(drop=True)
