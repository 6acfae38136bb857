"""数据上传 Upload: file -> preview (every change, every problem) -> commit; templates; one-value corrections."""

import datetime as dt

import streamlit as st

from museum import ingest
from museum.catalog import load as load_catalog
from museum.errors import MuseumError
from museum.intake import present, read, templates
from museum.intake.problems import FileRejected
from museum.intake.values import year_bounds
from ui import access, blocks, context, data

PREVIEW_ROWS = 5000  # a huge file's preview lists its first values; the counts above cover all

ctx = context.current()
access.require("upload", ctx.lang)
st.title(ctx.t("intake.page.upload"))
if ctx.institution_id is None:
    st.info(ctx.t("ui.no_data"))
    st.stop()
st.caption(ctx.t("intake.upload.intro"))
cat = load_catalog()
template_year = ctx.year or dt.date.today().year

with st.expander(ctx.t("intake.templates.title")):
    st.caption(ctx.t("intake.templates.help"))
    columns = st.columns(4)
    for column, (layout, kind) in zip(columns, [("long", "csv"), ("long", "xlsx"), ("wide", "csv"), ("wide", "xlsx")]):
        content = (templates.template_csv if kind == "csv" else templates.template_xlsx)(cat, layout, template_year, ctx.lang)
        column.download_button(
            ctx.t(f"intake.templates.{layout}_{kind}"),
            content,
            file_name=f"{ctx.t(f'intake.templates.file_{layout}')}.{kind}",
            mime="text/csv" if kind == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"template_{layout}_{kind}",
        )

uploaded = st.file_uploader(ctx.t("intake.upload.file"), type=["csv", "txt", "tsv", "xlsx", "xls"], key="intake_file")
user = access.actor()  # the signed-in account: batches and the audit trail say who, not a typed name

if uploaded is not None:
    content = uploaded.getvalue()
    sheet = None
    if content.startswith(b"PK"):
        try:
            names = read.sheet_names(content)
        except FileRejected:
            names = []
        if len(names) > 1:
            sheet = st.selectbox(ctx.t("intake.upload.sheet"), names, key=f"intake_sheet_{uploaded.file_id}")
    analysis = ingest.analyse(content, uploaded.name, sheet=sheet, cat=cat)
    with data.session() as con:
        ingest.preview(con, ctx.institution_id, analysis, cat=cat)
    layout = ctx.t(f"intake.layout.{analysis.layout}") if analysis.layout else "—"
    st.caption(blocks.plain(ctx.t(
        "intake.upload.file_info", file=analysis.file_name, size=f"{analysis.size / 1024:.1f} KB",
        encoding=analysis.encoding or "—", layout=layout,
    )))
    for notice in analysis.notices:
        st.warning(blocks.plain(notice.message(ctx.lang)), icon="⚠️")
    if analysis.status == "rejected":
        access.once(("upload_rejected", analysis.sha256), lambda con: ingest.record_rejection(con, analysis, actor=user))
        st.error(ctx.t("intake.upload.rejected", count=len(analysis.errors)))
        st.subheader(ctx.t("intake.upload.problems"))
        st.dataframe(present.errors_table(analysis.errors, ctx.lang), hide_index=True, key="intake_errors")
    elif analysis.status == "duplicate":
        st.info(ctx.t("intake.upload.duplicate", batch_id=analysis.duplicate_of))
    else:
        counts = analysis.counts
        st.success(ctx.t("intake.upload.valid"))
        for column, key, number in zip(
            st.columns(4),
            ("inserted", "updated", "unchanged", "skipped"),
            (counts.inserted, counts.updated, counts.unchanged, analysis.skipped),
        ):
            column.metric(ctx.t(f"intake.column.{key}"), number, border=True)
        st.subheader(ctx.t("intake.upload.changes"))
        show_unchanged = st.toggle(ctx.t("intake.upload.show_unchanged"), value=False, key="intake_show_unchanged")
        st.dataframe(
            present.preview_table(analysis.compared, cat, ctx.lang, include_unchanged=show_unchanged, limit=PREVIEW_ROWS),
            hide_index=True, key="intake_preview",
        )
        if len(analysis.compared) > PREVIEW_ROWS:
            st.caption(ctx.t("intake.upload.preview_limited", shown=PREVIEW_ROWS, total=len(analysis.compared)))
        if counts.inserted + counts.updated == 0:
            st.info(ctx.t("intake.upload.nothing_changes"))
        elif st.button(ctx.t("intake.upload.commit"), type="primary", key="intake_commit"):
            try:
                with data.session() as con:
                    result = ingest.commit(con, ctx.institution_id, analysis, actor=user, cat=cat)
            except MuseumError as exc:
                st.error(blocks.plain(exc.message(ctx.lang)))
                st.stop()
            data.clear()
            if result.status == "duplicate":
                st.info(ctx.t("intake.upload.duplicate", batch_id=result.duplicate_of))
            else:
                st.success(ctx.t(
                    "intake.upload.committed", batch_id=result.batch_id, inserted=result.counts.inserted,
                    updated=result.counts.updated, unchanged=result.counts.unchanged,
                ))

st.divider()
st.subheader(ctx.t("intake.correction.title"))
st.caption(ctx.t("intake.correction.help"))
if "correction_flash" in st.session_state:  # the outcome of the correction that triggered this rerun
    st.success(st.session_state.pop("correction_flash"))
uploadable = [m for m in cat if m.kind != "event"]
first_year, last_year = year_bounds()
left, middle, right = st.columns([2, 1, 1])
metric = left.selectbox(
    ctx.t("intake.correction.metric"), uploadable, key="correction_metric",
    format_func=lambda m: f"{m.name(ctx.lang)}（{m.unit(ctx.lang)}）" if ctx.lang == "zh" else f"{m.name(ctx.lang)} ({m.unit(ctx.lang)})",
)
year = middle.number_input(
    ctx.t("intake.correction.year"), min_value=first_year, max_value=last_year,
    value=min(max(template_year, first_year), last_year), step=1, key="correction_year",
)
month = right.selectbox(
    ctx.t("intake.correction.month"), [None, *range(1, 13)], key="correction_month",
    format_func=lambda m: ctx.t("intake.correction.whole_year") if m is None else ctx.t("intake.correction.month_label", month=m),
)
with data.session() as con:
    current = ingest.current_value(con, ctx.institution_id, metric.metric_id, int(year), month)
if current is None:
    st.caption(ctx.t("intake.correction.no_current"))
else:
    shown = present.format_value(current["value"], current["qualifier"], ctx.lang, metric.unit(ctx.lang))
    st.caption(ctx.t("intake.correction.current", value=shown, batch_id=int(current["batch_id"])))
with st.form("correction", clear_on_submit=False):
    text = st.text_input(ctx.t("intake.correction.value"), key="correction_value")
    note = st.text_input(ctx.t("intake.correction.note"), key="correction_note")
    if st.form_submit_button(ctx.t("intake.correction.submit")):
        try:
            with data.session() as con:
                batch_id, _ = ingest.correct_value(
                    con, ctx.institution_id, metric.metric_id, int(year), month, text, note=note, actor=user, cat=cat,
                )
        except MuseumError as exc:  # refused value, or the database is busy
            st.error(blocks.plain(exc.message(ctx.lang)))
        else:
            st.session_state["correction_flash"] = ctx.t("intake.correction.saved", batch_id=batch_id)
            st.rerun()  # so that the current value above shows the correction
