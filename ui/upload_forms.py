"""The parts of 数据上传: templates, a file (any office sheet or platform export) read, mapped,
previewed and committed as one batch, and the one-value correction form.

Each write is one audited museum function called with the signed-in account; a refusal is
shown beside its form, and what was saved is said after the rerun that shows it.
"""

from __future__ import annotations

import copy

import streamlit as st

from museum import corrections, ingest
from museum.catalog import Catalog
from museum.intake import present, templates
from museum.intake.values import year_bounds
from ui import access, blocks, data, forms
from ui.context import Selection

PREVIEW_ROWS = 5000  # a huge file's preview lists its first values; the counts above cover all
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "xls", "xlsm", "ods", "html", "htm"]
_COMMITTED = "intake_committed"  # the uploaded file's id and the message of its commit
_ANALYSED = "intake_analysed"  # the uploaded file's id and its readings by options (see _analyse)


def template_downloads(ctx: Selection, cat: Catalog, year: int) -> None:
    with st.expander(ctx.t("intake.templates.title")):
        st.caption(ctx.t("intake.templates.help"))
        for column, (layout, kind) in zip(st.columns(4), [("long", "csv"), ("long", "xlsx"), ("wide", "csv"), ("wide", "xlsx")]):
            content = (templates.template_csv if kind == "csv" else templates.template_xlsx)(cat, layout, year, ctx.lang)
            column.download_button(ctx.t(f"intake.templates.{layout}_{kind}"), content,
                                   file_name=f"{ctx.t(f'intake.templates.file_{layout}')}.{kind}",
                                   mime="text/csv" if kind == "csv" else XLSX, key=f"template_{layout}_{kind}")


def _mapping_step(ctx: Selection, cat: Catalog, analysis, key: str) -> dict[str, str]:
    """One choice per column no metric was found for: a metric, or ignore (remembered on commit)."""
    st.subheader(ctx.t("upload.mapping.title"))
    st.caption(ctx.t("upload.mapping.help"))
    choices = present.mapping_choices(cat, ctx.lang)
    labels = dict(choices)
    values = [value for value, _ in choices]
    mapping = {}
    for index, column in enumerate(analysis.unmatched):
        # nothing is mapped on a guess: the column stays ignored until the editor chooses
        like = "、".join(labels[m] for m in column.suggestions if m in labels) or "—"
        chosen = st.selectbox(
            ctx.t("upload.mapping.column", column=blocks.plain(column.column), sheet=blocks.plain(column.sheet or "—")), values, index=0,
            format_func=labels.get, key=f"{key}_map_{index}", help=ctx.t("upload.mapping.looks_like", metrics=like),
        )
        mapping[column.column] = chosen
    return mapping


def _analyse(ctx: Selection, cat: Catalog, uploaded, mapping: dict[str, str]):
    """The file read with the page's options. Every widget on the page reruns it, so each reading
    is kept for the session (this file's last two: without and with the mapping) and handed out
    as a copy that the preview may add its warnings to."""
    options = st.session_state
    sheet = options.get(f"intake_sheet_{uploaded.file_id}") or None
    year = options.get(f"intake_year_{uploaded.file_id}")
    allow = bool(options.get(f"intake_allow_{uploaded.file_id}"))
    aliases = data.read("column_aliases", institution_id=ctx.institution_id)
    key = (ctx.institution_id, sheet, year, allow, tuple(sorted(mapping.items())), tuple(sorted(aliases.items())))
    memo = options.get(_ANALYSED)
    if memo is None or memo[0] != uploaded.file_id:
        memo = options[_ANALYSED] = (uploaded.file_id, {})
    readings = memo[1]
    if key not in readings:
        while len(readings) >= 2:
            readings.pop(next(iter(readings)))
        readings[key] = ingest.analyse(uploaded.getvalue(), uploaded.name, cat=cat, sheet=sheet, year=year,
                                       mapping=mapping, aliases=aliases, allow_implausible=allow)
    reading = copy.copy(readings[key])
    reading.notices = list(reading.notices)
    return reading


def upload(ctx: Selection, cat: Catalog) -> None:
    uploaded = st.file_uploader(ctx.t("intake.upload.file"), type=FILE_TYPES, key="intake_file")
    if uploaded is None:
        return
    committed = st.session_state.get(_COMMITTED)
    if committed and committed[0] == uploaded.file_id:  # this file is in: the preview and its button are gone
        st.success(blocks.plain(committed[1]), icon=":material/check_circle:")
        st.caption(ctx.t("upload.next_file"))
        return
    key = f"intake_{uploaded.file_id}"
    analysis = _analyse(ctx, cat, uploaded, {})
    if analysis.unmatched:
        mapping = _mapping_step(ctx, cat, analysis, key)
        if mapping:
            analysis = _analyse(ctx, cat, uploaded, mapping)
    _options(ctx, analysis, uploaded)
    st.dataframe(present.source_table(analysis, ctx.lang), hide_index=True, key=f"{key}_source")
    if len(analysis.sheets) > 1 or analysis.hidden_sheets:
        st.dataframe(present.sheets_table(analysis, ctx.lang), hide_index=True, key=f"{key}_sheets")
    if analysis.status == "rejected":
        _notices(ctx, analysis)
        access.once(("upload_rejected", analysis.sha256),
                    lambda con: ingest.record_rejection(con, analysis, actor=access.actor()))
        st.error(ctx.t("intake.upload.rejected", count=analysis.problem_count))
        st.subheader(ctx.t("intake.upload.problems"))
        st.dataframe(present.errors_table(analysis.errors, ctx.lang), hide_index=True, key=f"{key}_errors")
        return
    with data.session() as con:
        ingest.preview(con, ctx.institution_id, analysis, cat=cat)  # adds the warnings that need stored values
    _notices(ctx, analysis)
    if analysis.status == "duplicate":
        st.info(ctx.t("intake.upload.duplicate", batch_id=analysis.duplicate_of))
        return
    _preview(ctx, cat, analysis, key)
    counts = analysis.counts
    if counts.inserted + counts.updated == 0:
        st.info(ctx.t("intake.upload.nothing_changes"))
    elif st.button(ctx.t("intake.upload.commit"), type="primary", key="intake_commit"):
        result = forms.write(lambda con: ingest.commit(con, ctx.institution_id, analysis, actor=access.actor(), cat=cat), ctx.lang)
        if result is not None and result.status == "duplicate":
            st.info(ctx.t("intake.upload.duplicate", batch_id=result.duplicate_of))
        elif result is not None:
            st.session_state[_COMMITTED] = (uploaded.file_id, ctx.t(
                "intake.upload.committed", batch_id=result.batch_id, inserted=result.counts.inserted,
                updated=result.counts.updated, unchanged=result.counts.unchanged))
            st.rerun()


def _notices(ctx: Selection, analysis) -> None:
    for notice in analysis.notices:
        st.warning(blocks.plain(notice.message(ctx.lang)), icon=":material/warning:")


def _options(ctx: Selection, analysis, uploaded) -> None:
    """The choices a file may need: one sheet only, the year it does not name, values beyond the bound."""
    left, middle, right = st.columns(3)
    if len(analysis.sheet_names) > 1:
        left.selectbox(ctx.t("upload.only_sheet"), [""] + analysis.sheet_names, key=f"intake_sheet_{uploaded.file_id}",
                       format_func=lambda name: name or ctx.t("upload.all_sheets"))
    first, last = year_bounds()
    middle.selectbox(ctx.t("upload.year"), [None, *range(last, first - 1, -1)], key=f"intake_year_{uploaded.file_id}",
                     format_func=lambda y: ctx.t("upload.year_from_file") if y is None else ctx.t("ui.year_label", year=y),
                     help=ctx.t("upload.year_help"))
    if any(p.key == "intake.error.implausible" for p in analysis.errors) or analysis.allow_implausible:
        right.checkbox(ctx.t("upload.allow_implausible"), key=f"intake_allow_{uploaded.file_id}")


def _preview(ctx: Selection, cat: Catalog, analysis, key: str) -> None:
    counts = analysis.counts
    st.success(ctx.t("intake.upload.valid"))
    for column, name, number in zip(st.columns(4), ("inserted", "updated", "unchanged", "skipped"),
                                    (counts.inserted, counts.updated, counts.unchanged, analysis.skipped)):
        column.metric(ctx.t(f"intake.column.{name}"), number, border=True)
    st.subheader(ctx.t("intake.upload.changes"))
    by_month, by_value = st.tabs([ctx.t("upload.tab.months"), ctx.t("upload.tab.values")])
    with by_month:
        st.dataframe(present.month_preview_table(analysis.compared, cat, ctx.lang), hide_index=True, key=f"{key}_months")
    with by_value:
        show_unchanged = st.toggle(ctx.t("intake.upload.show_unchanged"), value=False, key="intake_show_unchanged")
        st.dataframe(present.preview_table(analysis.compared, cat, ctx.lang, include_unchanged=show_unchanged,
                                           limit=PREVIEW_ROWS), hide_index=True, key="intake_preview")
        if len(analysis.compared) > PREVIEW_ROWS:
            st.caption(ctx.t("intake.upload.preview_limited", shown=PREVIEW_ROWS, total=len(analysis.compared)))


def correction(ctx: Selection, cat: Catalog, default_year: int) -> None:
    st.subheader(ctx.t("intake.correction.title"))
    st.caption(ctx.t("intake.correction.help"))
    first_year, last_year = year_bounds()
    left, middle, right = st.columns([2, 1, 1])
    metric = left.selectbox(
        ctx.t("intake.correction.metric"), templates.uploadable(cat), key="correction_metric",
        format_func=lambda m: present.metric_label(m, ctx.lang),
    )
    year = middle.number_input(ctx.t("intake.correction.year"), min_value=first_year, max_value=last_year,
                               value=min(max(default_year, first_year), last_year), step=1, key="correction_year")
    month = right.selectbox(
        ctx.t("intake.correction.month"), [None, *range(1, 13)], key="correction_month",
        format_func=lambda m: ctx.t("intake.correction.whole_year") if m is None else ctx.t("intake.correction.month_label", month=m),
    )
    with data.session() as con:
        current = corrections.current_value(con, ctx.institution_id, metric.metric_id, int(year), month)
    if current is None:
        st.caption(ctx.t("intake.correction.no_current"))
    else:
        shown = present.format_value(current["value"], current["qualifier"], ctx.lang, metric.unit(ctx.lang))
        st.caption(ctx.t("intake.correction.current", value=shown, batch_id=int(current["batch_id"])))
    with st.form("correction", clear_on_submit=False):
        text = st.text_input(ctx.t("intake.correction.value"), key="correction_value")
        note = st.text_input(ctx.t("intake.correction.note"), key="correction_note")
        allow = st.checkbox(ctx.t("upload.allow_implausible"), key="correction_allow")
        if st.form_submit_button(ctx.t("intake.correction.submit")):
            saved = forms.write(lambda con: corrections.correct_value(con, ctx.institution_id, metric.metric_id, int(year), month,
                                                                text, note=note, actor=access.actor(), cat=cat,
                                                                allow_implausible=allow), ctx.lang)
            if saved is not None:
                forms.saved(ctx.t("intake.correction.saved", batch_id=saved[0]))
