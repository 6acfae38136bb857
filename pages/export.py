"""导出 Export: the annual report pack for the chosen year — Word, PDF, charts and data in one zip."""

import streamlit as st

from museum import db
from museum.errors import MuseumError
from museum.export.content import build_report
from museum.export.pack import DOCX, PDF, ZIP, pack_from_report
from ui import context, data, widgets

ctx = context.current()
context.page_header(ctx, "page.export")
st.write(ctx.t("export.intro"))

lang = st.segmented_control(ctx.t("export.language"), options=["zh", "en"], default=ctx.lang, required=True,
                            key="export_lang", format_func=lambda code: {"zh": "中文", "en": "English"}[code])
built_key = (ctx.institution_id, ctx.year, lang, ctx.convention)
if st.button(ctx.t("export.build"), type="primary", icon=":material/inventory_2:"):
    try:
        with st.spinner(ctx.t("export.building", year=ctx.year)):
            with db.session(data.db_path()) as con:
                report = build_report(con, ctx.year, lang, institution=ctx.institution_name, convention=ctx.convention)
            pack = pack_from_report(report, widgets.renderer())
        # kept for this browser session only, so that the download buttons survive a rerun
        st.session_state["export_pack"] = (built_key, pack)
    except MuseumError as problem:
        st.error(problem.message(ctx.lang))

stored = st.session_state.get("export_pack")
if stored is not None and stored[0] == built_key:
    pack = stored[1]
    st.success(ctx.t("export.built", year=ctx.year, charts=pack.chart_count, files=len(pack.files),
                     seconds=f"{pack.seconds:.1f}"))
    columns = st.columns(3)
    for column, (file_name, label, mime) in zip(columns, (
        (ZIP, "export.download_zip", "application/zip"),
        (DOCX, "export.download_docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (PDF, "export.download_pdf", "application/pdf"),
    )):
        with column:
            st.download_button(ctx.t(label), data=pack.files[file_name], file_name=file_name, mime=mime,
                               key=f"export_{file_name}", on_click="ignore", width="stretch",
                               type="primary" if file_name == ZIP else "secondary")
    with st.expander(ctx.t("export.files")):
        st.text("\n".join(f"{name}  ({len(content) / 1024:.1f} KB)" for name, content in pack.files.items()))
