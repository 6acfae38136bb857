"""数据填报's grid: one month's metrics beside last month and last year, typed values checked on every run, draft and submit."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from museum import catalog, clock
from museum.access.auth import utc_now
from museum.intake import entry
from museum.store import db
from ui import access, blocks, data, forms
from ui.context import Selection

TYPED, CONFIRM = "typed", "confirm"


def _draft(ctx: Selection, year: int, month: int) -> dict | None:
    with db.reading(data.db_path()) as con:
        return entry.load_draft(con, ctx.institution_id, year, month, access.actor())


def _rows(ctx: Selection, year: int, month: int, added: list[str]) -> pd.DataFrame:
    with db.reading(data.db_path()) as con:
        return entry.grid(con, ctx.institution_id, year, month, ctx.lang, added=added)


def _added(ctx: Selection, cat, key: str, draft: dict | None) -> list[str]:
    """Metrics added from the catalog, chosen by name (a draft's typed metrics come back too)."""
    names = {m.metric_id: m.name(ctx.lang) for m in cat}
    default = [m for m in (draft or {}).get("cells", {}) if m in names]
    return st.multiselect(ctx.t("entry.add"), list(names), default=default, format_func=names.get, key=f"{key}_added",
                          placeholder=ctx.t("entry.add_placeholder"))


def _editor(ctx: Selection, rows: pd.DataFrame, draft: dict | None, key: str) -> pd.DataFrame:
    cells = (draft or {}).get("cells", {})
    confirmed = set((draft or {}).get("confirmed", []))
    shown = pd.DataFrame({
        ctx.t("entry.column.metric"): rows["name"], ctx.t("entry.column.unit"): rows["unit"],
        ctx.t("entry.column.previous"): rows["previous"], ctx.t("entry.column.last_year"): rows["last_year"],
        ctx.t("entry.column.current"): rows["current"],
        TYPED: [cells.get(m, "") for m in rows["metric_id"]],
        CONFIRM: [m in confirmed for m in rows["metric_id"]],
    })
    fixed = [c for c in shown.columns if c not in (TYPED, CONFIRM)]
    metric = ctx.t("entry.column.metric")
    return st.data_editor(
        # the cell to type sits beside the metric's name, so that a phone shows both without scrolling sideways;
        # last month, last year and the current value follow as the reference
        shown, hide_index=True, key=f"{key}_grid", disabled=fixed, num_rows="fixed", width="stretch", placeholder="",
        column_order=[metric, TYPED, CONFIRM, *[c for c in fixed if c != metric]],
        column_config={metric: st.column_config.TextColumn(metric, pinned=True),
                       TYPED: st.column_config.TextColumn(ctx.t("entry.column.typed")),
                       CONFIRM: st.column_config.CheckboxColumn(ctx.t("entry.column.confirm"))})


def show(ctx: Selection, year: int, month: int) -> None:
    """The grid of (year, month), the checks of what is typed, and the draft and submit buttons."""
    key = f"entry_{ctx.institution_id}_{year}_{month}"
    cat = catalog.load()
    draft = _draft(ctx, year, month)
    if draft is not None:
        st.caption(ctx.t("entry.draft_resumed", time=clock.format_time(draft["saved_at"], ctx.lang)))
    rows = _rows(ctx, year, month, _added(ctx, cat, key, draft))
    if rows.empty:
        st.info(ctx.t("entry.empty"))
        return
    edited = _editor(ctx, rows, draft, key)
    ids = rows["metric_id"].tolist()
    cells = {m: str(v or "").strip() for m, v in zip(ids, edited[TYPED].tolist()) if str(v or "").strip()}
    confirmed = {m for m, ok in zip(ids, edited[CONFIRM].tolist()) if ok}
    with db.reading(data.db_path()) as con:
        checked = entry.check(con, ctx.institution_id, year, month, cells, confirmed=confirmed, cat=cat)
    for problem in checked.errors:
        st.error(blocks.plain(problem.message(ctx.lang)), icon=":material/block:")
    if checked.to_confirm:
        st.warning(ctx.t("entry.to_confirm"), icon=":material/help:")
        for problem in checked.to_confirm.values():
            st.warning(blocks.plain(problem.message(ctx.lang)), icon=":material/warning:")
    for notice in checked.notices:
        st.caption(blocks.plain(notice.message(ctx.lang)))
    ready = not checked.errors and not checked.to_confirm and bool(checked.records)
    if ready:
        st.success(ctx.t("entry.valid", count=len(checked.records)), icon=":material/check_circle:")
    draft_col, submit_col = st.columns(2)
    if draft_col.button(ctx.t("entry.save_draft"), key=f"{key}_draft"):
        if forms.write(lambda con: entry.save_draft(con, ctx.institution_id, year, month, access.actor(), cells,
                                                    confirmed) or True, ctx.lang):
            forms.saved(ctx.t("entry.draft_saved", time=clock.format_time(utc_now(), ctx.lang)))
    if submit_col.button(ctx.t("entry.submit"), type="primary", disabled=not ready, key=f"{key}_submit"):
        _submit(ctx, year, month, cells, confirmed, cat)


def _submit(ctx: Selection, year: int, month: int, cells: dict, confirmed: set, cat) -> None:
    def change(con):
        result = entry.submit(con, ctx.institution_id, year, month, cells, actor=access.actor(), confirmed=confirmed, cat=cat)
        if result.status != "rejected":
            entry.drop_draft(con, ctx.institution_id, year, month, access.actor())
        return result

    result = forms.write(change, ctx.lang)
    if result is None or result.status == "rejected":
        return
    data.clear()
    if result.status == "pending":
        forms.saved(ctx.t("review.submitted", batch_id=result.batch_id))
    forms.saved(ctx.t("entry.committed", batch_id=result.batch_id, inserted=result.counts.inserted,
                      updated=result.counts.updated, unchanged=result.counts.unchanged))
