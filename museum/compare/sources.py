"""Where the comparison's units get their data: on PostgreSQL every chosen unit's values in one read
of the materialized view of migration 0020 (museum.store.views), on DuckDB (or before 0020) each
unit's own frames as its pages read them.

Either way each unit is a museum.sections.Scope and museum.compare.build does the arithmetic
(museum.kpis, the targets' evaluation), so a figure in 单位对比 is the unit's own pages' figure for
the data the view holds; while the view is behind the data the page says "截至 hh:mm（正在更新）".
"""

from __future__ import annotations

from typing import Callable

import pandas as pd

from museum import headlines
from museum.compare.rows import HEADCOUNT, Row, build
from museum.period import Period
from museum.sections import FRAMES, Scope
from museum.store import db, pg, views

# The frames a comparison reads of every unit (museum.compare.rows: the KPIs from `values`, the
# target completion from `targets` and `target_budget`), each in one read of all chosen units.
BULK = {"values": "compare_values_of", "targets": "compare_targets_of", "target_budget": "compare_budget_of"}


def view_state(con) -> views.ViewState | None:
    """The view's state on PostgreSQL from migration 0020 on, brought up to date first when that takes
    a moment (views.catch_up); None otherwise (units are then read one by one)."""
    return views.catch_up(con) if pg.is_pg(con) else None


def _split(frame: pd.DataFrame, ids: list[int]) -> dict[int, pd.DataFrame]:
    """Per institution its rows, without institution_id, numbered from 0 (as its own frame is)."""
    columns = [c for c in frame.columns if c != "institution_id"]
    parts = {int(uid): part[columns].reset_index(drop=True) for uid, part in frame.groupby("institution_id", sort=False)}
    empty = frame.iloc[0:0][columns].reset_index(drop=True)
    return {uid: parts.get(uid, empty) for uid in ids}


def bulk_frames(con, ids: list[int], year: int, metric_ids: tuple[str, ...] | None = None) -> dict[str, dict[int, pd.DataFrame]]:
    """frame name -> institution id -> frame, for the BULK frames of `ids`, one query each (PostgreSQL).

    `values` holds what a comparison of `metric_ids` (the headline's by default) for a period of
    `year` reads of each unit's values frame (queries/postgresql/compare_values_of.sql): those
    metrics' rows of the year and the year before, every staff count up to the year, and the year's
    latest-month and whole-year rows that 序时进度 looks at — so a national database's ten years of a
    hundred metrics are not all fetched for nine metrics of one year. Scopes made from it answer
    for those metrics only."""
    metrics = list(metric_ids or headlines.headline_ids())
    found = {}
    for name, query in BULK.items():
        params = {"ids": list(ids)}
        if name == "values":
            params |= {"year": year, "metrics": metrics, "staff": HEADCOUNT}
        found[name] = _split(db.query(con, query, **params), ids)
    return found


def demo_flags(con, ids: list[int], year: int) -> dict[int, bool]:
    """Per unit whether any of its values up to `year` is demo data (Scope.demo, from the view)."""
    flags = db.query(con, "compare_demo_of", ids=list(ids), year=year)
    found = {int(uid): bool(flag) for uid, flag in zip(flags["institution_id"], flags["is_demo"])}
    return {uid: found.get(uid, False) for uid in ids}


def unit_scopes(con, units: list[tuple[int, str]], period: Period | str, lang: str, convention: str | None = None,
                *, from_view: bool | None = None, metric_ids: tuple[str, ...] | None = None,
                other: Callable[[int, str], pd.DataFrame] | None = None) -> tuple[list[Scope], views.ViewState | None]:
    """A Scope per unit (id, name) for the period, and the view's state when the values came from it
    (those scopes answer for `metric_ids` only, the headline's by default: see bulk_frames).

    `from_view` None: the view when there is one (PostgreSQL from 0020), else each unit's own frames;
    False: each unit's own frames (today's path, the reference the view is tested against). A frame
    beyond BULK is read when a scope asks, by `other(institution_id, name)` (default: through `con`,
    which must then stay open while the scopes are used)."""
    chosen = Period.coerce(period)
    state = view_state(con) if from_view is not False else None
    read_other = other or (lambda uid, name: FRAMES[name](con, uid))
    if state is None:
        return [Scope(uid, name, chosen, lang, lambda frame, uid=uid: read_other(uid, frame), convention)
                for uid, name in units], None
    ids = [uid for uid, _ in units]
    frames, demo = bulk_frames(con, ids, chosen.year, metric_ids), demo_flags(con, ids, chosen.year)

    def loader(uid: int) -> Callable[[str], pd.DataFrame]:
        return lambda frame: frames[frame][uid] if frame in frames else read_other(uid, frame)

    scopes = [Scope(uid, name, chosen, lang, loader(uid), convention) for uid, name in units]
    for scope in scopes:
        scope.demo = demo[scope.institution_id]  # over every year up to the period's, as the unit's own pages
    return scopes, state


def compare_rows(con, units: list[tuple[int, str]], period: Period | str, lang: str = "zh", *,
                 from_view: bool | None = None,
                 metric_ids: tuple[str, ...] | None = None) -> tuple[list[Row], views.ViewState | None]:
    """The comparison's rows of `units` for the period (museum.compare.build), every figure computed
    while `con` is open, and the view's state when read from it. The entry point a bench times:
    `from_view=False` is the per-unit path, None the view where there is one."""
    scopes, state = unit_scopes(con, units, period, lang, from_view=from_view, metric_ids=metric_ids)
    return build(scopes, metric_ids), state
