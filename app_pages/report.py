"""报告 Report: the operations report of the chosen period, previewed section by section as the documents print it,
its files (Word, PDF, 工作简报) and the digest, which an admin can send at once."""

import streamlit as st

from museum.access import auth
from museum.errors import MuseumError
from museum.export.digest import digest_text
from museum.export.monthly import build_monthly
from museum.export.monthly_files import brief_text, render_files
from museum.export.push import send_digest
from museum.store import db
from ui import access, blocks, context, data

MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
        "txt": "text/plain"}


def monthly_for(selection, lang: str):
    """The report of the selection's period in `lang`, kept for this session until the data or the choice changes."""
    path = data.db_path()
    key = ("report_monthly", selection.institution_id, selection.period.text, lang, selection.convention, db.data_version(path))
    if st.session_state.get("report_monthly_key") != key:
        with db.reading(path) as con:
            st.session_state["report_monthly"] = build_monthly(con, selection.period, lang, institution=selection.institution_name,
                                                               convention=selection.convention)
        st.session_state["report_monthly_key"] = key
    return st.session_state["report_monthly"]


selection = context.current()
role = access.require("export", selection.lang)
scope = context.scope(selection)
context.page_header(selection, "page.report", scope)
if not scope.kpis:
    st.stop()
st.write(selection.t("monthly.page.intro"))
try:
    monthly = monthly_for(selection, selection.lang)
except MuseumError as problem:
    st.error(blocks.plain(problem.message(selection.lang)))
    st.stop()

for index, section in enumerate(monthly.report.sections):
    with st.expander(section.title, expanded=index < 2):  # 例外事项 and the headline figures open
        for block in section.blocks:
            blocks.render_block(block, monthly.scope)

st.subheader(selection.t("monthly.page.brief"))
st.code(brief_text(monthly), language=None)

lang = st.segmented_control(selection.t("monthly.page.language"), options=["zh", "en"], default=selection.lang, required=True,
                            key="report_lang", format_func=lambda code: {"zh": "中文", "en": "English"}[code])
built_key = (selection.institution_id, selection.period.text, lang, selection.convention)
if st.button(selection.t("monthly.page.build"), type="primary", icon=":material/description:"):
    try:
        with st.spinner(selection.t("monthly.page.building", period=selection.period_label)):
            rendered = render_files(monthly_for(selection, lang), blocks.renderer())
        st.session_state["report_files"] = (built_key, rendered.files, len(monthly.report.charts), rendered.seconds)
    except MuseumError as problem:
        st.error(blocks.plain(problem.message(selection.lang)))
stored = st.session_state.get("report_files")
if stored is not None and stored[0] == built_key:
    _, files, charts, seconds = stored
    st.success(selection.t("monthly.page.built", period=selection.period_label, files=len(files), charts=charts,
                           seconds=f"{seconds:.1f}"))
    for column, name in zip(st.columns(len(files)), files):
        with column:
            st.download_button(selection.t("monthly.page.download", name=name), file_name=name, mime=MIME[name.rsplit(".", 1)[1]],
                               data=access.audited_download(f"{name} {selection.period.text} {lang}", files[name]),
                               key=f"report_{name.rsplit('.', 1)[1]}", on_click="ignore", width="stretch")

st.subheader(selection.t("monthly.page.digest"))
text = digest_text(monthly)
st.code(text, language="markdown")
if auth.can(role, "manage_accounts"):
    force = st.checkbox(selection.t("monthly.page.force"), key="report_force")
    if st.button(selection.t("monthly.page.send"), icon=":material/send:"):
        try:
            deliveries = send_digest(monthly, text, data.db_path(), access.actor(), force=force)
        except MuseumError as problem:
            st.error(blocks.plain(problem.message(selection.lang)))
        else:
            for delivery in deliveries:
                shown = st.error if delivery.result == "failed" else st.success if delivery.result == "ok" else st.info
                shown(blocks.plain(delivery.message(selection.lang)))
else:
    st.caption(selection.t("monthly.page.send_admin_only"))
