"""The parts of 数据上传: templates, a file (any office sheet or platform export) read, mapped,
previewed and committed as one batch, and the one-value correction form.

Each write is one audited museum function called with the signed-in account; a refusal is
shown beside its form, and what was saved is said after the rerun that shows it.
"""

from __future__ import annotations

import copy

import streamlit as st

from museum.intake import corrections, ingest, review
from museum.catalog import Catalog
from museum.errors import MuseumError
from museum.intake import kinds, present, templates
from museum.intake.values import year_bounds
from ui import access, blocks, data, forms
from ui.context import Selection

PREVIEW_ROWS = 5000  # a huge file's preview lists its first values; the counts above cover all
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_COMMITTED = "intake_committed"  # each committed file's id -> the message of its commit
_ANALYSED = "intake_analysed"  # each uploaded file's id -> its readings by options (see _analyse)
MEMO_FILES = 12  # files whose readings are kept: a month's downloads and a few more


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
    is kept for the session (each file's last two: without and with the mapping) and handed out
    as a copy that the preview may add its warnings to."""
    options = st.session_state
    sheet = options.get(f"intake_sheet_{uploaded.file_id}") or None
    year = options.get(f"intake_year_{uploaded.file_id}")
    allow = bool(options.get(f"intake_allow_{uploaded.file_id}"))
    aliases = data.read("column_aliases", institution_id=ctx.institution_id)
    key = (ctx.institution_id, sheet, year, allow, tuple(sorted(mapping.items())), tuple(sorted(aliases.items())))
    memo = options.setdefault(_ANALYSED, {})
    if uploaded.file_id not in memo:
        while len(memo) >= MEMO_FILES:  # the oldest file's readings go first
            memo.pop(next(iter(memo)))
        memo[uploaded.file_id] = {}
    readings = memo[uploaded.file_id]
    if key not in readings:
        while len(readings) >= 2:
            readings.pop(next(iter(readings)))
        readings[key] = ingest.analyse(uploaded.getvalue(), uploaded.name, cat=cat, sheet=sheet, year=year,
                                       mapping=mapping, aliases=aliases, allow_implausible=allow)
    reading = copy.copy(readings[key])
    reading.notices = list(reading.notices)
    return reading


def upload(ctx: Selection, cat: Catalog) -> None:
    """Several files at once (a month's platform downloads): each read and previewed in its own
    box, then one button imports every file that is ready, one batch each."""
    files = st.file_uploader(ctx.t("intake.upload.file"), accept_multiple_files=True, key="intake_file",
                             help=ctx.t("uploads.files_help"))
    if not files:
        return
    committed = st.session_state.setdefault(_COMMITTED, {})
    ready = []
    for uploaded in files:
        with st.container(border=True):
            st.markdown(f"**{blocks.plain(uploaded.name)}**")
            if uploaded.file_id in committed:  # this file is in: its preview and button are gone
                st.success(blocks.plain(committed[uploaded.file_id]), icon=":material/check_circle:")
                continue
            analysis = _one_file(ctx, cat, uploaded)
            if analysis is not None:
                ready.append((uploaded, analysis))
    if any(uploaded.file_id in committed for uploaded in files) and not ready:
        st.caption(ctx.t("upload.next_file"))
    if ready:
        label = ctx.t("intake.upload.commit") if len(ready) == 1 else ctx.t("uploads.commit_all", count=len(ready))
        if st.button(label, type="primary", key="intake_commit"):
            _commit_all(ctx, cat, ready)


def _one_file(ctx: Selection, cat: Catalog, uploaded):
    """One file read, checked and previewed; the analysis when it can be imported, else None."""
    refusal = kinds.not_a_sheet(uploaded.getvalue(), uploaded.name)
    if refusal is not None:  # a Word file, a photo, a PDF: say what it is and where it goes
        st.error(blocks.plain(refusal.message(ctx.lang)), icon=":material/block:")
        return None
    key = f"intake_{uploaded.file_id}"
    analysis = _analyse(ctx, cat, uploaded, {})
    if analysis.unmatched:
        mapping = _mapping_step(ctx, cat, analysis, key)
        if mapping:
            analysis = _analyse(ctx, cat, uploaded, mapping)
    _options(ctx, analysis, uploaded)
    st.dataframe(present.source_table(analysis, ctx.lang), hide_index=True, key=f"{key}_source", placeholder="—")
    if len(analysis.sheets) > 1 or analysis.hidden_sheets:
        st.dataframe(present.sheets_table(analysis, ctx.lang), hide_index=True, key=f"{key}_sheets", placeholder="—")
    if analysis.status == "rejected":
        _notices(ctx, analysis)
        access.once(("upload_rejected", analysis.sha256),
                    lambda con: ingest.record_rejection(con, analysis, actor=access.actor()))
        st.error(ctx.t("intake.upload.rejected", count=analysis.problem_count))
        st.subheader(ctx.t("intake.upload.problems"))
        st.dataframe(present.errors_table(analysis.errors, ctx.lang), hide_index=True, key=f"{key}_errors", placeholder="—")
        return None
    with data.session() as con:
        ingest.preview(con, ctx.institution_id, analysis, cat=cat)  # adds the warnings that need stored values
    _notices(ctx, analysis)
    if analysis.status == "duplicate":
        st.info(ctx.t("intake.upload.duplicate", batch_id=analysis.duplicate_of))
        return None
    _preview(ctx, cat, analysis, key)
    # a click reruns the page and previews again: the commit must be held to the values this
    # preview showed (the previous run's), so that a commit made elsewhere since is refused
    shown = st.session_state.get(f"{key}_version")
    st.session_state[f"{key}_version"] = analysis.version
    analysis.version = shown if shown is not None else analysis.version
    if analysis.counts.inserted + analysis.counts.updated == 0:
        st.info(ctx.t("intake.upload.nothing_changes"))
        return None
    return analysis


def _commit_all(ctx: Selection, cat: Catalog, ready) -> None:
    """Each ready file as its own batch (each can be rolled back alone), in order; the first
    refusal stops the rest and is shown, the files before it stay imported and say so."""
    committed = st.session_state[_COMMITTED]
    for uploaded, analysis in ready:
        result = forms.write(lambda con: ingest.commit(con, ctx.institution_id, analysis, actor=access.actor(), cat=cat),
                             ctx.lang)
        if result is None:  # refused (shown); the preview above is this run's, and so is its version
            break
        if result.status == "duplicate":
            committed[uploaded.file_id] = ctx.t("intake.upload.duplicate", batch_id=result.duplicate_of)
            continue
        if result.status == "pending":  # review is on: official once approved on 待审核
            committed[uploaded.file_id] = ctx.t("review.submitted", batch_id=result.batch_id)
            continue
        committed[uploaded.file_id] = ctx.t(
            "intake.upload.committed", batch_id=result.batch_id, inserted=result.counts.inserted,
            updated=result.counts.updated, unchanged=result.counts.unchanged)
    else:
        st.rerun()
    if any(uploaded.file_id in committed for uploaded, _ in ready):
        data.clear()


def _notices(ctx: Selection, analysis) -> None:
    for notice in analysis.notices:
        st.warning(blocks.plain(notice.message(ctx.lang)), icon=":material/warning:")


def _options(ctx: Selection, analysis, uploaded) -> None:
    """The choices a file may need: one sheet only, the year (honoured over a title, sheet or
    file name; fixed, and said why, when the rows write it), values beyond the bound."""
    left, middle, right = st.columns(3)
    if len(analysis.sheet_names) > 1:
        left.selectbox(ctx.t("upload.only_sheet"), [""] + analysis.sheet_names, key=f"intake_sheet_{uploaded.file_id}",
                       format_func=lambda name: name or ctx.t("upload.all_sheets"))
    first, last = year_bounds()
    in_rows = analysis.year_from in ("column", "month")
    middle.selectbox(ctx.t("upload.year"), [None, *range(last, first - 1, -1)], key=f"intake_year_{uploaded.file_id}",
                     format_func=lambda y: ctx.t("upload.year_from_file") if y is None else ctx.t("ui.year_label", year=y),
                     help=ctx.t("uploads.year_help"), disabled=in_rows)
    if in_rows:
        middle.caption(ctx.t("uploads.year_in_rows", source=ctx.t(f"intake.year_from.{analysis.year_from}")))
    if any(p.key == "intake.error.implausible" for p in analysis.errors) or analysis.allow_implausible:
        right.checkbox(ctx.t("upload.allow_implausible"), key=f"intake_allow_{uploaded.file_id}")


def _preview(ctx: Selection, cat: Catalog, analysis, key: str) -> None:
    counts = analysis.counts
    st.success(ctx.t("intake.upload.valid"))
    # one line, not four boxes: on a phone the counts and the changed months stay on one screen
    st.markdown(ctx.t("uploads.counts", inserted=counts.inserted, updated=counts.updated, unchanged=counts.unchanged,
                      skipped=analysis.skipped))
    st.subheader(ctx.t("intake.upload.changes"))
    by_month, by_value = st.tabs([ctx.t("upload.tab.months"), ctx.t("upload.tab.values")])
    with by_month:
        months = present.month_preview_table(analysis.compared, cat, ctx.lang, changed_only=True)
        first = present.month_preview_first_columns(ctx.lang)
        st.dataframe(months, hide_index=True, key=f"{key}_months",
                     column_config={name: st.column_config.TextColumn(name, pinned=True) for name in first}, placeholder="—")
        quiet = present.unchanged_periods(analysis.compared)
        if quiet:
            st.caption(ctx.t("uploads.months_unchanged", count=quiet))
    with by_value:
        show_unchanged = st.toggle(ctx.t("intake.upload.show_unchanged"), value=False, key=f"{key}_show_unchanged")
        st.dataframe(present.preview_table(analysis.compared, cat, ctx.lang, include_unchanged=show_unchanged,
                                           limit=PREVIEW_ROWS), hide_index=True, key=f"{key}_preview", placeholder="—")
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
    _correction_form(ctx, cat, metric, int(year), month)
    _correction_confirm(ctx, cat, metric, int(year), month)


_PENDING = "correction_pending"   # the checked correction awaiting its confirmation
_BEYOND = "correction_beyond"     # the last check met the plausible bound: offer to allow it


def _correction_form(ctx: Selection, cat: Catalog, metric, year: int, month) -> None:
    """Typed value -> checked by the upload's rules -> a pending correction (nothing written yet)."""
    with st.form("correction", clear_on_submit=False):
        text = st.text_input(ctx.t("intake.correction.value"), key="correction_value")
        note = st.text_input(ctx.t("intake.correction.note"), key="correction_note")
        submitted = st.form_submit_button(ctx.t("uploads.correction.check"))
    if submitted:
        _check_correction(ctx, cat, metric, year, month, text, note)
    if st.session_state.get(_BEYOND):  # offered once a value met the bound, below its message
        st.checkbox(ctx.t("uploads.correction.allow"), key="correction_allow")


def _check_correction(ctx: Selection, cat: Catalog, metric, year: int, month, text: str, note: str) -> None:
    st.session_state.pop(_PENDING, None)
    allow = bool(st.session_state.get(_BEYOND) and st.session_state.get("correction_allow"))
    try:
        with data.session() as con:
            planned = corrections.plan(con, ctx.institution_id, metric.metric_id, year, month, text, note=note, cat=cat,
                                       allow_implausible=allow)
    except MuseumError as exc:
        st.session_state[_BEYOND] = st.session_state.get(_BEYOND) or exc.key == "intake.correction.implausible"
        st.error(blocks.plain(exc.message(ctx.lang)), icon=":material/block:")
        return
    st.session_state[_PENDING] = {"metric_id": metric.metric_id, "year": year, "month": month, "text": text, "note": note,
                                  "allow": allow, "old_batch": planned.old_batch, "old": planned.old, "record": planned.record}


def _correction_confirm(ctx: Selection, cat: Catalog, metric, year: int, month) -> None:
    """The pending correction as old -> new, every digit shown; saved only on its confirmation."""
    pending = st.session_state.get(_PENDING)
    if not pending or (pending["metric_id"], pending["year"], pending["month"]) != (metric.metric_id, year, month):
        return
    unit = metric.unit(ctx.lang)
    old = pending["old"]
    old_text = ctx.t("uploads.correction.none") if old is None else present.value_with_digits(old["value"], old["qualifier"], unit, ctx.lang)
    new = pending["record"]
    st.warning(ctx.t("uploads.correction.confirm", metric=metric.name(ctx.lang), period=present.period_text(year, month, ctx.lang),
                     old=old_text, new=present.value_with_digits(new["value"], new["qualifier"], unit, ctx.lang)),
               icon=":material/help:")
    save, cancel = st.columns(2)
    if cancel.button(ctx.t("uploads.correction.cancel"), key="correction_cancel"):
        st.session_state.pop(_PENDING, None)
        st.rerun()
    if save.button(ctx.t("uploads.correction.save"), type="primary", key="correction_save"):
        saved = forms.write(lambda con: (*corrections.correct_value(
            con, ctx.institution_id, metric.metric_id, year, month, pending["text"], note=pending["note"], actor=access.actor(),
            cat=cat, allow_implausible=pending["allow"], confirmed_batch=pending["old_batch"]),
            review.required(con, ctx.institution_id)), ctx.lang)
        st.session_state.pop(_PENDING, None)
        if saved is not None:
            st.session_state.pop(_BEYOND, None)
            forms.saved(ctx.t("review.submitted" if saved[2] else "intake.correction.saved", batch_id=saved[0]))
