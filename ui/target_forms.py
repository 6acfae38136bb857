"""The forms of 目标管理: import a 绩效目标表, edit indicators and actuals, budget, key tasks, events.

Each form calls one audited museum.targets function with the signed-in account; a refusal is
shown beside the form, and what was saved is said after the rerun that shows it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from museum import catalog
from museum.catalog import normalize_name
from museum.errors import InputRejected
from museum.sections import Scope
from museum.intake import review
from museum.targets import edit, entries, importer, links, tasks, timeline, view, workbook
from museum.targets.values import OPERATORS
from ui import access, blocks, data, forms

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_years(scope: Scope) -> list[int]:
    """Years with targets, key tasks or events, and years with data — newest first."""
    years = set(int(y) for y in scope.frame("targets")["year"]) | set(int(y) for y in scope.frame("key_tasks")["year"])
    events = scope.frame("timeline_events")
    if not events.empty:
        years |= set(pd.to_datetime(events["start_date"]).dt.year.astype(int))
    years |= set(int(y) for y in scope.frame("values")["year"])
    return sorted(years, reverse=True)


def _problems(lines: list[str], scope: Scope) -> None:
    st.error(scope.t("targets.ui.problems", count=len(lines)))
    st.dataframe(pd.DataFrame({scope.t("targets.ui.problem"): lines}), hide_index=True, placeholder="—")


# --- import -----------------------------------------------------------------------------------


def import_tab(scope: Scope) -> None:
    lang, year = scope.lang, scope.year
    st.caption(scope.t("targets.ui.import_help", year=year))
    st.download_button(scope.t("targets.ui.template"), workbook.template_xlsx(year, institution=scope.institution, lang=lang),
                       file_name=scope.t("targets.ui.template_file", year=year), mime=XLSX, key=f"targets_template_{year}")
    uploaded = st.file_uploader(scope.t("targets.ui.file"), type=["xlsx", "xls", "csv"], key=f"targets_file_{year}")
    if uploaded is None:
        return
    content, name = uploaded.getvalue(), uploaded.name
    parsed = importer.parse(content, name, year)
    for notice in parsed.notices:
        st.warning(blocks.plain(notice.message(lang)))
    if parsed.status == "rejected":
        access.once(("targets_rejected", parsed.sha256),
                    lambda con: importer.record_rejection(con, parsed, actor=access.actor()))
        _problems(importer.problem_lines(parsed.errors, lang), scope)
        return
    headers = importer.review_headers(lang)
    st.subheader(scope.t("targets.ui.review"))
    st.caption(scope.t("targets.ui.review_help"))
    edited = st.data_editor(
        importer.review_table(parsed, lang), hide_index=True, key=f"targets_review_{parsed.sha256[:12]}",
        disabled=[headers[key] for key in importer.REVIEW_COLUMNS if key not in importer.REVIEW_EDITABLE],
        column_config={
            headers["operator"]: st.column_config.SelectboxColumn(headers["operator"], options=importer.operator_options(lang)),
            headers["metric"]: st.column_config.SelectboxColumn(headers["metric"], options=importer.metric_options(lang),
                                                                width="medium"),
            headers["indicator"]: st.column_config.TextColumn(headers["indicator"], width="large"),
        },
        placeholder="",  # an empty cell stays empty (never "None")
    )
    reviewed = importer.validate_review(parsed, edited, lang)
    if reviewed.errors:
        _problems(importer.problem_lines(reviewed.errors, lang), scope)
        return
    with data.session() as con:
        importer.preview(con, scope.institution_id, reviewed)
    st.info(scope.t("targets.ui.preview", inserted=reviewed.counts.inserted, updated=reviewed.counts.updated,
                    unchanged=reviewed.counts.unchanged, removed=reviewed.removed, weight=f"{reviewed.weight_total:g}"))
    if st.button(scope.t("targets.ui.commit", year=year), type="primary", key=f"targets_commit_{year}"):
        result = forms.write(lambda con: importer.commit(con, scope.institution_id, reviewed, actor=access.actor()), lang)
        if result is not None and result.status in ("committed", "pending"):
            done = [scope.t("targets.ui.committed", batch_id=result.batch_id, year=year, inserted=result.counts.inserted,
                            updated=result.counts.updated)] if result.status == "committed" else []
            forms.saved(" ".join(done + [notice.message(lang) for notice in result.notices]))
        elif result is not None:
            for notice in result.notices:
                st.info(blocks.plain(notice.message(lang)))


# --- indicators -------------------------------------------------------------------------------


def _metric_choice(label: str) -> str | None:
    return links.resolve(label, catalog.load())


def _definition_form(scope: Scope, key: str, row: dict | None) -> dict | None:
    """The fields of one indicator (a new one when `row` is None); the submitted fields, else None."""
    cat, lang = catalog.load(), scope.lang
    operators = list(OPERATORS)
    metric_labels = links.options(cat, lang)
    current_metric = links.label(row["metric_id"], cat, lang) if row and row.get("metric_id") else links.no_link_label(lang)
    with st.form(key, clear_on_submit=row is None):
        left, right = st.columns(2)
        level1 = left.text_input(scope.t("targets.review.level1"), value=(row or {}).get("level1") or "")
        level2 = right.text_input(scope.t("targets.review.level2"), value=(row or {}).get("level2") or "")
        indicator = st.text_input(scope.t("targets.review.indicator"), value=(row or {}).get("indicator") or "")
        left, middle, right = st.columns(3)
        target_text = left.text_input(scope.t("targets.review.target"), value=(row or {}).get("target_text") or "",
                                      help=scope.t("targets.ui.target_help"))
        operator = middle.selectbox(scope.t("targets.review.operator"), operators,
                                    index=operators.index(row["operator"]) if row else 0,
                                    format_func=lambda op: importer.operator_label(op, lang))
        weight = right.number_input(scope.t("targets.review.weight"), min_value=0.0, max_value=100.0, step=0.5,
                                    value=float(row["weight"]) if row else 0.0)
        metric = st.selectbox(scope.t("targets.review.metric"), metric_labels,
                              index=metric_labels.index(current_metric) if current_metric in metric_labels else 0)
        if st.form_submit_button(scope.t("targets.ui.save" if row else "targets.ui.add"), type="primary"):
            return {"level1": level1, "level2": level2, "indicator": indicator, "target_text": target_text,
                    "operator": operator, "weight": weight, "metric_id": _metric_choice(metric)}
    return None


def indicators_tab(scope: Scope, year_view: view.YearTargets) -> None:
    """The entry table of every indicator, then one indicator's definition (change or remove), then a new one."""
    lang, institution, actor = scope.lang, scope.institution_id, access.actor()
    if year_view:
        entries_table(scope, year_view)
        # keyed by name, not by version: a save makes a new version, and the choice must stay on it
        rows = {normalize_name(r["indicator"]): r for r in year_view.evaluation.to_dict("records")}
        chosen = st.selectbox(scope.t("targets.ui.choose_indicator"), list(rows), key=f"targets_choose_{scope.year}",
                              format_func=lambda k: f"{rows[k]['indicator']}（{view.target_text(rows[k], lang)}）")
        row = rows[chosen]
        target_id = int(row["target_id"])
        with st.expander(scope.t("targets.ui.definition"), expanded=False):
            fields = _definition_form(scope, f"targets_definition_{target_id}", row)
            if fields is not None and forms.write(lambda con: edit.edit_target(con, institution, target_id, fields, actor=actor),
                                                  lang) is not None:
                forms.saved(scope.t("targets.ui.saved"))
        confirm = st.checkbox(scope.t("targets.ui.confirm_remove", indicator=blocks.plain(row["indicator"])), key=f"targets_confirm_{target_id}")
        if st.button(scope.t("targets.ui.remove"), disabled=not confirm, key=f"targets_remove_{target_id}") and forms.write(
                lambda con: edit.remove_target(con, institution, target_id, actor=actor), lang) is not None:
            forms.saved(scope.t("targets.ui.removed"))
    st.subheader(scope.t("targets.ui.add_title"))
    fields = _definition_form(scope, "targets_add", None)
    if fields is not None and forms.write(lambda con: edit.add_target(con, institution, scope.year, fields, actor=actor),
                                          lang) is not None:
        forms.saved(scope.t("targets.ui.saved"))


def entries_table(scope: Scope, year_view: view.YearTargets) -> None:
    """Every actual, 得分 and 偏差原因 of the year in one table and one save (museum.targets.entries).

    The table is built once (a snapshot in the session) and kept until it is saved, so the
    editor's typing survives reruns; each row carries the version it was built from, and a row
    changed elsewhere since is refused by name with the typing kept (a second Save then keeps it)."""
    lang, year, institution, actor = scope.lang, scope.year, scope.institution_id, access.actor()
    st.subheader(scope.t("targets.entries.title"))
    st.caption(scope.t("targets.entries.help"))
    generation = st.session_state.setdefault(f"targets_entries_gen_{year}", 0)
    base_key = f"targets_entries_base_{year}_{generation}"
    if base_key not in st.session_state:
        st.session_state[base_key] = entries.entry_rows(year_view, catalog.load(), lang)
    base = st.session_state[base_key]
    headers = entries.headers(lang)
    edited = st.data_editor(
        entries.table(base, lang), hide_index=True, key=f"targets_entries_{year}_{generation}",
        disabled=[headers[key] for key in entries.COLUMNS if key not in entries.EDITABLE],
        placeholder="",   # an empty cell stays empty (never "None")
        column_config={headers["indicator"]: st.column_config.TextColumn(headers["indicator"], width="medium"),
                       **{headers[key]: st.column_config.TextColumn(headers[key], width="small") for key in ("target", "note")},
                       headers["deviation"]: st.column_config.TextColumn(headers["deviation"], width="large",
                                                                         max_chars=edit.MAX_TEXT_CHARS),
                       headers["score"]: st.column_config.NumberColumn(headers["score"], min_value=0.0, step=0.5,
                                                                       width="small")},
    )
    if not st.button(scope.t("targets.entries.save"), type="primary", key=f"targets_entries_save_{year}"):
        return
    stale: dict[str, int] = {}

    def change(con):
        try:
            return (*entries.save_entries(con, institution, year, base, typed, actor=actor),
                    review.required(con, institution))
        except InputRejected as refused:
            if refused.key == "targets.entries.stale":
                stale.update(entries.current_versions(con, institution, year))
            raise

    typed = entries.read_table(edited, lang)
    saved = forms.write(change, lang)
    if saved is not None:
        st.session_state.pop(base_key, None)
        st.session_state[f"targets_entries_gen_{year}"] = generation + 1
        forms.saved(scope.t("review.submitted", batch_id=saved[0]) if saved[2]
                    else scope.t("targets.entries.saved", count=saved[1], batch_id=saved[0]))
    elif stale:
        _show_stored_now(scope, year_view, base, typed, stale)


def _show_stored_now(scope: Scope, year_view: view.YearTargets, base: list[dict], typed: list[dict],
                     current: dict[str, int]) -> None:
    """After a stale refusal: what is stored now for each row the editor changed, and the table's versions moved to it."""
    stored = {normalize_name(r["indicator"]): r for r in year_view.evaluation.to_dict("records")}
    for _, row, _ in entries.changed_rows(base, typed):
        name = normalize_name(row["indicator"])
        if name in current and current[name] != row["target_id"]:
            now = stored.get(name, {})
            st.warning(blocks.plain(scope.t("targets.entries.stored_now", indicator=row["indicator"],
                                            actual=view.actual_text(now, catalog.load(), scope.lang) if now else "—",
                                            deviation=(now.get("deviation") or "—") if now else "—")))
            row["target_id"] = current[name]


# --- budget, key tasks, events ----------------------------------------------------------------


def budget_tab(scope: Scope, year_view: view.YearTargets) -> None:
    budget = year_view.total.budget if year_view else None
    with st.form("targets_budget"):
        st.caption(scope.t("targets.ui.budget_help"))
        columns = st.columns(3)
        values = {}
        for column, key in zip(columns, ("initial_budget", "full_year_budget", "executed")):
            stored = getattr(budget, {"initial_budget": "initial", "full_year_budget": "full_year", "executed": "executed"}[key],
                             None) if budget else None
            values[key] = column.number_input(scope.t(f"targets.budget.{key}"), min_value=0.0, step=0.01, format="%.2f",
                                              value=stored)
        if not st.form_submit_button(scope.t("targets.ui.save"), type="primary"):
            return
    saved = forms.write(lambda con: (edit.set_budget(con, scope.institution_id, scope.year, actor=access.actor(), **values),
                                     review.required(con, scope.institution_id)), scope.lang)
    if saved is not None:  # with review on, the figures wait in 待审核 and count once approved
        forms.saved(scope.t("review.submitted", batch_id=saved[0]) if saved[1] else scope.t("targets.ui.saved"))


def tasks_tab(scope: Scope) -> None:
    lang, institution, actor = scope.lang, scope.institution_id, access.actor()
    frame = scope.frame("key_tasks")
    frame = frame[frame["year"] == scope.year]
    if frame.empty:
        st.info(scope.t("targets.ui.no_tasks", year=scope.year))
    else:
        st.dataframe(view.tasks_table(frame, scope.year, lang), hide_index=True, placeholder="—")
        rows = {int(r["task_id"]): r for r in frame.to_dict("records")}
        chosen = st.selectbox(scope.t("targets.ui.choose_task"), list(rows), key="tasks_choose",
                              format_func=lambda i: str(rows[i]["sentence"])[:60])
        with st.form(f"tasks_status_{chosen}"):
            left, middle = st.columns(2)
            status = left.selectbox(scope.t("targets.ui.status"), tasks.STATUSES,
                                    index=tasks.STATUSES.index(rows[chosen]["status"]),
                                    format_func=lambda s: scope.t(f"tasks.status.{s}"))
            on = middle.date_input(scope.t("targets.ui.status_date"), value=dt.date.today())
            note = st.text_input(scope.t("targets.ui.status_note"), value=rows[chosen].get("status_note") or "")
            if st.form_submit_button(scope.t("targets.ui.save"), type="primary") and forms.write(
                    lambda con: tasks.set_status(con, institution, chosen, status, note=note, on=on, actor=actor),
                    lang) is not None:
                forms.saved(scope.t("targets.ui.saved"))
        confirm = st.checkbox(scope.t("targets.ui.confirm_remove_task"), key=f"tasks_confirm_{chosen}")
        if st.button(scope.t("targets.ui.remove"), disabled=not confirm, key=f"tasks_remove_{chosen}") and forms.write(
                lambda con: tasks.remove_task(con, institution, chosen, actor=actor), lang) is not None:
            forms.saved(scope.t("targets.ui.removed"))
    with st.form("tasks_add", clear_on_submit=True):
        sentence = st.text_area(scope.t("targets.ui.new_task"), height=80)
        if st.form_submit_button(scope.t("targets.ui.add")) and forms.write(
                lambda con: tasks.add_task(con, institution, scope.year, sentence, actor=actor), lang) is not None:
            forms.saved(scope.t("targets.ui.saved"))


def events_tab(scope: Scope) -> None:
    lang, institution, actor = scope.lang, scope.institution_id, access.actor()
    events = timeline.in_year(scope.frame("timeline_events"), scope.year)
    if events.empty:
        st.info(scope.t("targets.ui.no_events", year=scope.year))
    else:
        st.dataframe(view.events_table(events, scope.year, lang), hide_index=True, placeholder="—")
        rows = {int(r["event_id"]): r for r in events.to_dict("records")}
        chosen = st.selectbox(scope.t("targets.ui.choose_event"), list(rows), key="events_choose",
                              format_func=lambda i: f"{rows[i]['start_date']} {rows[i]['label']}")
        confirm = st.checkbox(scope.t("targets.ui.confirm_remove_event"), key=f"events_confirm_{chosen}")
        if st.button(scope.t("targets.ui.remove"), disabled=not confirm, key=f"events_remove_{chosen}") and forms.write(
                lambda con: timeline.remove_event(con, institution, chosen, actor=actor), lang) is not None:
            forms.saved(scope.t("targets.ui.removed"))
    with st.form("events_add", clear_on_submit=True):
        left, middle, right = st.columns(3)
        start = left.date_input(scope.t("targets.ui.event_start"), value=dt.date(scope.year, 1, 1))
        end = middle.date_input(scope.t("targets.ui.event_end"), value=None)
        kind = right.selectbox(scope.t("targets.ui.event_kind"), timeline.KINDS, format_func=lambda k: scope.t(f"events.kind.{k}"))
        label = st.text_input(scope.t("targets.ui.event_label"), max_chars=timeline.MAX_LABEL_CHARS)
        if st.form_submit_button(scope.t("targets.ui.add")) and forms.write(
                lambda con: timeline.add_event(con, institution, start, end, label, kind, actor=actor), lang) is not None:
            forms.saved(scope.t("targets.ui.saved"))
    uploaded = st.file_uploader(scope.t("targets.ui.events_file"), type=["xlsx", "xls", "csv"], key="events_file")
    if uploaded is not None and st.button(scope.t("targets.ui.events_import"), key="events_import"):
        outcome = forms.write(lambda con: timeline.import_events(con, institution, uploaded.getvalue(), uploaded.name,
                                                                 actor=actor), lang)
        if outcome is not None:
            batch_id, problems = outcome
            if problems:
                _problems(importer.problem_lines(problems, lang), scope)
            else:
                forms.saved(scope.t("targets.ui.events_imported", batch_id=batch_id))
