"""上传记录 History: the year's completeness (month × source), every batch with its counts and file; download the original; roll back."""

import datetime as dt

import streamlit as st

from museum.intake import ingest
from museum import clock
from museum.catalog import load as load_catalog
from museum.errors import MuseumError
from museum.i18n import t
from museum.intake import completeness, present
from ui import access, blocks, context, data, review_view, units

CHANGES_SHOWN = 5000  # a million-row batch lists its first values; the counts above cover all

ctx = context.current()
access.require("view_history", ctx.lang)
st.title(ctx.t("intake.page.history"))
st.caption(ctx.t("intake.history.intro"))
if "history_flash" in st.session_state:  # the outcome of the rollback that triggered this rerun
    st.success(blocks.plain(st.session_state.pop("history_flash")))

def completeness_view() -> None:
    """Month × source for the sidebar's year: what is in, what is missing."""
    year = ctx.year or dt.date.today().year
    with data.session() as con:
        frame = completeness.table(con, ctx.institution_id, year, ctx.lang)
    with st.expander(ctx.t("completeness.title", year=year), expanded=True):
        st.caption(ctx.t("completeness.help"))
        source = ctx.t("completeness.column.source")
        st.dataframe(frame, hide_index=True, key="completeness_table",
                     column_config={source: st.column_config.TextColumn(source, pinned=True)}, placeholder="—")
        st.markdown(completeness.missing_summary(frame, ctx.lang))


if ctx.institution_id is not None:
    completeness_view()

# the batches of the units this account may see (a batch of no unit, e.g. the catalog's, with them)
unit_ids = dict(zip(data.read("institutions")["name"], data.read("institutions")["institution_id"].astype(int)))
seen = set(units.visible(data.read("institutions"))["name"])
batches = data.read("batches")
batches = batches[batches["institution"].isna() | batches["institution"].isin(seen)]
if batches.empty:
    st.info(ctx.t("intake.history.empty"))
    st.stop()
state_column = ctx.t("intake.column.state")
st.dataframe(present.history_table(batches, ctx.lang, load_catalog()), hide_index=True, key="history_table",
             column_config={state_column: st.column_config.TextColumn(state_column, width="large")}, placeholder="—")

options = [int(b) for b in batches["batch_id"]]
by_id = {int(r["batch_id"]): r for _, r in batches.iterrows()}


def describe(batch_id: int) -> str:
    row = by_id[batch_id]
    file = row["file_name"] if isinstance(row["file_name"], str) else ""
    return ctx.t("intake.history.option", batch_id=batch_id, kind=t(f"batch.kind.{row['kind']}", ctx.lang),
                 file=file or "—", time=clock.format_time(row["created_at"], ctx.lang))


chosen = st.selectbox(ctx.t("intake.history.choose"), options, format_func=describe, key="history_batch")
row = by_id[chosen]
st.caption(blocks.plain(present.batch_state(row, ctx.lang)))
reviewed, nothing_written = review_view.state_line(ctx, chosen)  # issue 23: pending or returned batches wrote nothing
if reviewed:
    st.info(blocks.plain(reviewed), icon=":material/fact_check:")
changes = data.read("batch_changes", batch_id=chosen)
with st.expander(ctx.t("history.changes", count=len(changes)), expanded=present.can_roll_back(row)):
    if changes.empty:
        st.caption(ctx.t("history.no_values"))
    else:
        st.dataframe(present.changes_table(changes, load_catalog(), ctx.lang, limit=CHANGES_SHOWN), hide_index=True,
                     key=f"history_changes_{chosen}", placeholder="—")
        if len(changes) > CHANGES_SHOWN:
            st.caption(ctx.t("intake.upload.preview_limited", shown=CHANGES_SHOWN, total=len(changes)))

sha = row["file_sha256"]
if isinstance(sha, str) and sha:
    try:
        content = data.read("stored_file", sha256=sha)  # read once per data version, not on every click
    except MuseumError as problem:  # a damaged row: say so; the rollback below still works
        st.warning(blocks.plain(problem.message(ctx.lang)), icon=":material/warning:")
        content = None
    st.download_button(
        ctx.t("intake.history.download"), access.audited_download(f"original file of batch #{chosen}", content or b""),
        file_name=str(row["file_name"] or f"{sha[:12]}.bin"),
        mime="application/octet-stream", key=f"history_download_{chosen}", disabled=content is None,
    )
else:
    st.caption(ctx.t("intake.history.no_file"))

if not present.can_roll_back(row) or nothing_written:
    st.stop()  # its state above says why there is nothing to roll back
confirmed = st.checkbox(ctx.t("intake.history.confirm", batch_id=chosen), key=f"history_confirm_{chosen}")
if st.button(ctx.t("intake.history.rollback"), type="primary", disabled=not confirmed, key=f"history_rollback_{chosen}") and \
        units.allowed("rollback", unit_ids.get(row["institution"]), ctx.lang):  # the batch's own unit, whichever is chosen
    try:
        with data.session() as con:
            rollback_id = ingest.rollback(con, chosen, actor=access.actor())
    except MuseumError as exc:  # refused (later batches changed its values), or the database is busy
        blocks.refusal(exc, ctx.lang)
    else:
        data.clear()
        st.session_state["history_flash"] = ctx.t("intake.history.rolled_back", batch_id=chosen, rollback_id=rollback_id)
        st.rerun()
