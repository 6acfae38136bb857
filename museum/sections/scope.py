"""What a section is built from: one institution, one year, one language, and its data frames.

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

from museum import catalog, charts, kpis, present
from museum.store import db
from museum.catalog import Catalog
from museum.i18n import t


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
}


@dataclass
class Scope:
    institution_id: int
    institution: str
    year: int
    lang: str
    load: Callable[[str], pd.DataFrame] = field(repr=False)
    convention: str | None = None
    _frames: dict = field(default_factory=dict, repr=False)
    built: dict = field(default_factory=dict, repr=False)  # section key -> Section (museum.sections.build)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    @classmethod
    def from_connection(cls, con, institution_id: int, institution: str, year: int, lang: str,
                        convention: str | None = None) -> "Scope":
        """A scope that reads its frames with `con` (each at most once)."""
        return cls(institution_id, institution, year, lang, lambda name: FRAMES[name](con, institution_id), convention)

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
            return self.__dict__.get("kpis") or kpis.kpis_for_year(self.values, self.catalog, self.year)

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
        return present.prior_year_notice(kpis.years_with_data(self.frame("values")), self.year, self.lang, self.kpis)

    @cached_property
    def demo(self) -> bool:
        return bool(self.values["is_demo"].any()) if not self.values.empty else False

    def records(self, name: str) -> pd.DataFrame:
        """An event table (awards, honors, research) up to the scope's year."""
        frame = self.frame(name)
        return frame[frame["year"] <= self.year].reset_index(drop=True)
