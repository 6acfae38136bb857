"""导出 Export: the annual report pack for the chosen year — Word, PDF, charts and data in one zip."""

import streamlit as st

from museum.errors import MuseumError
from museum.export.content import build_report
from museum.export.pack import pack_from_report
from ui import access, blocks, context, data

selection = context.current()
if selection.year is not None:  # the annual pack is the whole year, whatever part of it the sidebar shows
    selection = selection.with_year(selection.year)
access.require("export", selection.lang)
context.page_header(selection, "page.export", compares=False)
st.write(selection.t("export.intro"))

lang = st.segmented_control(selection.t("export.language"), options=["zh", "en"], default=selection.lang, required=True,
                            key="export_lang", format_func=lambda code: {"zh": "中文", "en": "English"}[code])
built_key = (selection.institution_id, selection.year, lang, selection.convention)
if st.button(selection.t("export.build"), type="primary", icon=":material/inventory_2:"):
    try:
        with st.spinner(selection.t("export.building", year=selection.year)):
            with data.session() as con:
                report = build_report(con, selection.year, lang, institution=selection.institution_name,
                                      convention=selection.convention)
            pack = pack_from_report(report, blocks.renderer())
        # the built files, for this browser session only, so that the download buttons survive a rerun
        st.session_state["export_pack"] = (built_key, pack.files, pack.chart_count, pack.seconds,
                                           {kind: pack.name(kind) for kind in ("zip", "docx", "pdf")})
    except MuseumError as problem:
        blocks.refusal(problem, selection.lang)

stored = st.session_state.get("export_pack")
if stored is not None and stored[0] == built_key:
    _, files, chart_count, seconds, names = stored
    # the files the zip holds: the built files other than the zip itself
    st.success(selection.t("export.built", year=selection.year, charts=chart_count, files=len(files) - 1, seconds=f"{seconds:.1f}"))
    columns = st.columns(3)
    for column, (kind, label, mime) in zip(columns, (
        ("zip", "export.download_zip", "application/zip"),
        ("docx", "export.download_docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("pdf", "export.download_pdf", "application/pdf"),
    )):
        with column:
            st.download_button(selection.t(label, name=names[kind]), file_name=names[kind], mime=mime,
                               data=access.audited_download(f"{names[kind]} {selection.year} {lang}", files[names[kind]]),
                               key=f"export_{kind}", on_click="ignore", width="stretch",
                               type="primary" if kind == "zip" else "secondary")
    with st.expander(selection.t("export.files")):
        st.text("\n".join(f"{name}  ({len(content) / 1024:.1f} KB)" for name, content in files.items()))
