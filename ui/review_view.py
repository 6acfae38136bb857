"""待审核's parts: each pending batch with its changes old → new, warnings and conflicts; approve and return buttons."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from museum import catalog, clock
from museum.errors import MuseumError
from museum.i18n import t
from museum.intake import review
from museum.intake.present import period_text, value_with_digits
from museum.store import db
from ui import access, blocks, data, forms, units
from ui.context import Selection, visible_institutions

_CONFLICTS = "review_conflicts"  # batch id -> the conflicts its last approval was refused for
_REFUSED = "review_refused"      # (batch id, message) of the approval refused in the run before
RETURNED_SHOWN = 20               # the latest returned batches listed under the pending ones


def _seen(found: list[review.Proposal]) -> list[review.Proposal]:
    """The batches of the units this session may see (rights per unit)."""
    seen = {uid for uid, _ in visible_institutions()}
    return [p for p in found if p.institution_id in seen]


def may_approve(proposal: review.Proposal) -> bool:
    """Whether this session may decide `proposal`: a role that approves in the batch's own unit."""
    return units.may("approve", proposal.institution_id)


def pending(ctx: Selection) -> list[review.Proposal]:
    with db.reading(data.db_path()) as con:
        return _seen(review.listed(con))


def _value(value, qualifier, unit: str, lang) -> str:
    if value is None:
        return "—"
    return value_with_digits(float(value), qualifier or "exact", unit, lang)


def changes_table(ctx: Selection, changes: list[dict], *, conflicts: bool = False) -> pd.DataFrame:
    """The changes as the page shows them; with `conflicts`, at submission, current and proposed."""
    cat = catalog.load()
    rows = []
    for c in changes:
        unit = review.change_unit(c, ctx.lang, cat)
        row = {ctx.t("review.column.metric"): review.change_name(c, ctx.lang, cat),
               ctx.t("review.column.period"): period_text(c["year"], c["month"], ctx.lang),
               ctx.t("review.column.platform"): t(f"platform.{c['platform']}", ctx.lang) if c.get("platform") else "—"}
        if conflicts:
            row[ctx.t("review.column.submitted")] = _value(c["submitted_value"], c["submitted_qualifier"], unit, ctx.lang)
            row[ctx.t("review.column.current")] = _value(c["current_value"], c["current_qualifier"], unit, ctx.lang)
        else:
            row[ctx.t("review.column.old")] = _value(c["old_value"], c["old_qualifier"], unit, ctx.lang)
        row[ctx.t("review.column.new")] = _value(c["new_value"], c["new_qualifier"], unit, ctx.lang)
        rows.append(row)
    return pd.DataFrame(rows)


def _what(ctx: Selection, proposal: review.Proposal) -> str:
    return review.described(proposal, ctx.lang, catalog.load())


def batch(ctx: Selection, proposal: review.Proposal, *, may_decide: bool) -> None:
    """One pending batch in its box; the buttons only for an approver who did not submit it."""
    key = f"review_{proposal.batch_id}"
    with st.container(border=True):
        what = _what(ctx, proposal)
        st.markdown(f"**{blocks.plain(ctx.t('review.batch_title', batch_id=proposal.batch_id, kind=t(f'batch.kind.{proposal.kind}', ctx.lang), what=what))}**")
        st.caption(blocks.plain(ctx.t("review.batch_meta", user=proposal.submitted_by, count=len(proposal.changes),
                                      time=clock.format_time(proposal.submitted_at, ctx.lang))))
        if proposal.changes:
            st.dataframe(changes_table(ctx, proposal.changes), hide_index=True, key=f"{key}_changes", placeholder="—")
        for notice in proposal.warnings:
            st.warning(blocks.plain(notice.message(ctx.lang)), icon=":material/warning:")
        refused = st.session_state.get(_REFUSED)
        if refused and refused[0] == proposal.batch_id:
            st.error(blocks.plain(st.session_state.pop(_REFUSED)[1]), icon=":material/block:")
        conflicts = st.session_state.get(_CONFLICTS, {}).get(proposal.batch_id)
        if conflicts:
            st.dataframe(changes_table(ctx, conflicts, conflicts=True), hide_index=True, key=f"{key}_conflicts", placeholder="—")
        if may_decide:
            _buttons(ctx, proposal, key, bool(conflicts))


def _buttons(ctx: Selection, proposal: review.Proposal, key: str, conflicted: bool) -> None:
    over = st.checkbox(ctx.t("review.over_conflicts"), key=f"{key}_over") if conflicted else False
    approve_col, return_col = st.columns(2)
    if approve_col.button(ctx.t("review.approve"), type="primary", key=f"{key}_approve"):
        _approve(ctx, proposal, over)
    reason = return_col.text_input(ctx.t("review.reason"), key=f"{key}_reason", max_chars=review.MAX_REASON_CHARS)
    if return_col.button(ctx.t("review.return"), key=f"{key}_return"):
        role = units.role_in(proposal.institution_id)
        if forms.write(lambda con: review.reject(con, proposal.batch_id, actor=access.actor(), role=role,
                                                 reason=reason) or True, ctx.lang):
            data.clear()
            forms.saved(ctx.t("review.rejected", batch_id=proposal.batch_id, reason=reason.strip()))


def _approve(ctx: Selection, proposal: review.Proposal, over: bool) -> None:
    role = units.role_in(proposal.institution_id)
    try:
        with access.write_session() as con:
            counts = review.approve(con, proposal.batch_id, actor=access.actor(), role=role, over_conflicts=over)
    except review.ReviewRefused as refused:  # the rerun shows the refusal with the conflicts and the box to apply over them
        st.session_state.setdefault(_CONFLICTS, {})[proposal.batch_id] = refused.conflicts
        st.session_state[_REFUSED] = (proposal.batch_id, refused.message(ctx.lang))
        st.rerun()
    except MuseumError as exc:
        blocks.refusal(exc, ctx.lang, icon=":material/block:")
        return
    st.session_state.get(_CONFLICTS, {}).pop(proposal.batch_id, None)
    data.clear()
    forms.saved(ctx.t("review.approved", batch_id=proposal.batch_id, inserted=counts.inserted, updated=counts.updated))


def setting(ctx: Selection) -> None:
    """系统管理's switch of review for the sidebar's institution (admins only, audited)."""
    if ctx.institution_id is None:
        return
    with db.reading(data.db_path()) as con:
        on = review.required(con, ctx.institution_id)
    wanted = st.toggle(ctx.t("review.setting_label", institution=blocks.plain(ctx.institution_name)), value=on,
                       help=ctx.t("review.setting_help"), key=f"review_setting_{ctx.institution_id}")
    if wanted != on:
        role = units.role_in(ctx.institution_id)
        if forms.write(lambda con: review.set_required(con, ctx.institution_id, wanted, actor=access.actor(), role=role)
                       or True, ctx.lang):
            data.clear()
            forms.saved(ctx.t(f"review.setting_{'on' if wanted else 'off'}", institution=ctx.institution_name))


def state_line(ctx: Selection, batch_id: int) -> tuple[str | None, bool]:
    """上传记录's word on a reviewed batch (pending, approved by whom, returned with the reason) and
    whether a rollback is pointless (pending or returned: it wrote nothing)."""
    with db.reading(data.db_path()) as con:
        try:
            proposal = review.get(con, batch_id)
        except MuseumError:
            return None, False  # applied at once: never reviewed
    if proposal.status == review.PENDING:
        return ctx.t("review.state.pending", user=proposal.submitted_by), True
    if proposal.status == review.REJECTED:
        return ctx.t("review.state.rejected", user=proposal.decided_by or "—", reason=proposal.reason or "—"), True
    return ctx.t("review.state.approved", user=proposal.decided_by or "—"), False


def returned(ctx: Selection, me: str, may_approve: bool) -> None:
    """The batches returned with their reasons (an editor's own; every one for an approver), newest first."""
    with db.reading(data.db_path()) as con:
        found = _seen(review.listed(con, review.REJECTED))
    found = [p for p in found if (may_approve and units.may("approve", p.institution_id)) or p.submitted_by == me]
    found = found[::-1][:RETURNED_SHOWN]
    if not found:
        return
    with st.expander(ctx.t("review.returned", count=len(found))):
        for proposal in found:
            st.markdown(blocks.plain(ctx.t("review.returned_line", batch_id=proposal.batch_id, what=_what(ctx, proposal),
                                           user=proposal.decided_by or "—", reason=proposal.reason or "—")))
