"""The forms' files and scopes on the pages: one scope per period (shared, cached), the downloads of the draft and sheets."""

from __future__ import annotations

import dataclasses

import streamlit as st

from museum.forms import draft, files, sheets, workbook
from museum.period import Period
from ui import access, context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIMES = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".txt": "text/plain", ".xlsx": XLSX}


def scope_of(selection):
    """scope_of(period): the shared scope of any period of the selected institution."""
    return lambda period: context.scope(dataclasses.replace(selection, year=period.year, period=Period.coerce(period)))


def year_draft(selection) -> draft.Draft:
    return draft.build(scope_of(selection)(Period.of_year(selection.year)))


def _button(label: str, name: str, produce, key: str) -> None:
    mime = next(m for suffix, m in MIMES.items() if name.endswith(suffix))
    st.download_button(label, data=access.audited_download(name, produce), file_name=name, mime=mime, key=key,
                       on_click="ignore", icon=":material/download:")


def draft_downloads(selection, found: draft.Draft) -> None:
    docx_name, txt_name = files.draft_names(found.year)
    content = files.draft_bytes(found)   # made on each run: a draft is a few kilobytes
    left, right = st.columns(2)
    with left:
        _button(selection.t("forms.ui.download_docx"), docx_name, content[docx_name], "draft_docx")
    with right:
        _button(selection.t("forms.ui.download_txt"), txt_name, content[txt_name], "draft_txt")


def sheet_downloads(selection) -> None:
    year, name = selection.year, selection.institution_name
    columns = st.columns(2)
    for column, form in zip(columns, ("kepu", "kexie")):
        file_name = selection.t(f"forms.ui.sheet_file.{form}", year=year)

        def produce(form=form) -> bytes:  # made only when the button is pressed
            return workbook.sheet_xlsx(form, year, name, sheets.rows(form, scope_of(selection), year))

        with column:
            _button(selection.t(f"forms.ui.download_{form}", year=year), file_name, produce, f"sheet_{form}")
