"""目标 Targets: the year's 绩效目标 against 序时进度, the score so far, key tasks and events; the 自评表."""

import streamlit as st

from museum import sections
from museum.targets import report_docx, workbook
from ui import access, blocks, context, target_forms

selection = context.current()
header = st.container()  # the title comes first; the year it shows is chosen just below it
if selection.institution_id is not None:
    years = target_forms.plan_years(context.scope(selection))
    if years:
        default = selection.year if selection.year in years else years[0]
        chosen = st.selectbox(selection.t("targets.ui.year"), years, index=years.index(default), key="targets_year",
                              format_func=lambda y: selection.t("ui.year_label", year=y))
        if chosen != selection.year:
            selection = selection.with_year(chosen)
scope = context.scope(selection)
with header:
    context.page_header(selection, "page.targets", scope)

section = sections.build("targets", scope)
if not section:
    st.info(selection.t("targets.ui.none", year=selection.year))
    if access.may("correct"):
        st.page_link("app_pages/targets_edit.py", label=selection.t("targets.ui.go_edit"), icon=":material/edit_note:")
    st.stop()
blocks.render(section, scope)

year_view = scope.year_targets
if year_view and access.may("export"):
    def content() -> bytes:  # made only when the button is pressed
        return workbook.self_evaluation_xlsx(year_view, scope.catalog, institution=selection.institution_name,
                                             lang=selection.lang)

    name = selection.t("targets.ui.self_evaluation_file", year=selection.year)
    st.download_button(selection.t("targets.ui.download_self_evaluation"), key="targets_self_evaluation",
                       data=access.audited_download(f"{name} {selection.lang}", content), file_name=name,
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                       icon=":material/download:")

    def report() -> bytes:  # the 绩效自评报告 in Word, from the same numbers
        return report_docx.self_evaluation_docx(year_view, scope.catalog, institution=selection.institution_name,
                                                lang=selection.lang)

    report_name = selection.t("targets.ui.self_evaluation_docx_file", year=selection.year)
    st.download_button(selection.t("targets.ui.download_self_evaluation_docx"), key="targets_self_evaluation_docx",
                       data=access.audited_download(f"{report_name} {selection.lang}", report), file_name=report_name,
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document", on_click="ignore",
                       icon=":material/description:")
