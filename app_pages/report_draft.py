"""年报草稿 Report draft: the year's 事业单位法人年度报告 from the data, each field editable (an audited batch), the files and the sheets."""

import pandas as pd
import streamlit as st

from museum.forms import edits, fields
from ui import access, blocks, context, form_files, forms, units

selection, scope = context.view_page("page.report_draft")
st.caption(selection.t("forms.ui.draft_intro", year=selection.year))
forms.show_saved()
found = form_files.year_draft(selection)

if found.missing:
    st.warning(selection.t("forms.ui.missing", n=len(found.missing)), icon=":material/edit_note:")
    st.markdown("\n".join(f"- {blocks.plain(item)}" for item in found.missing))
else:
    st.success(selection.t("forms.ui.complete"), icon=":material/check_circle:")

if access.may("export"):
    form_files.draft_downloads(selection, found)
    st.subheader(selection.t("forms.ui.sheets"))
    st.caption(selection.t("forms.ui.sheets_intro"))
    form_files.sheet_downloads(selection)

st.subheader(selection.t("forms.ui.fields"))
may_edit, actor = access.may("correct") and units.may("correct", selection.institution_id), access.actor()
for key, label in fields.FIELDS:
    text = found.fields[key]
    edited = key in found.edited
    with st.expander(label + (selection.t("forms.ui.edited_mark") if edited else ""), expanded=key == "activities"):
        if edited:
            st.caption(selection.t("forms.ui.edited", batch_id=found.edited[key]))
        if not may_edit:
            st.markdown(blocks.plain(text))
            continue
        with st.form(f"draft_{key}"):
            new_text = st.text_area(label, value=text, height=320 if key == "activities" else 80, key=f"draft_text_{key}",
                                    label_visibility="collapsed")
            if st.form_submit_button(selection.t("forms.ui.save")) and new_text != text and units.allowed(
                    "correct", selection.institution_id, selection.lang) and forms.write(
                    lambda con: edits.save(con, selection.institution_id, selection.year, key, new_text, actor=actor),
                    selection.lang) is not None:
                forms.saved(selection.t("forms.ui.saved", field=label))

if found.figures:
    st.subheader(selection.t("forms.ui.figures"))
    st.dataframe(pd.DataFrame([{selection.t("forms.ui.col.metric"): scope.catalog[f.metric].name(selection.lang),
                                selection.t("forms.ui.col.value"): f"{f.value:g}",
                                selection.t("forms.ui.col.qualifier"): selection.t(f"qualifier.{f.qualifier}"),
                                selection.t("forms.ui.col.sentence"): f.sentence} for f in found.figures]),
                 hide_index=True, use_container_width=True, placeholder="—")
