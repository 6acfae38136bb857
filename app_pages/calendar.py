"""报送日历 Reporting calendar: each obligation about the selected year, its due date, where its draft stands, and where it is drafted."""

import datetime as dt

import pandas as pd
import streamlit as st

from museum.forms import status
from ui import context, form_files

# Where each obligation is drafted (calendar.csv's drafted_by -> page).
DRAFTED_ON = {"draft_report": ("app_pages/report_draft.py", "page.report_draft"),
              "kepu": ("app_pages/report_draft.py", "page.report_draft"),
              "kexie": ("app_pages/report_draft.py", "page.report_draft"),
              "self_evaluation": ("app_pages/targets.py", "page.targets"),
              "brief": ("app_pages/export.py", "page.export")}

selection, scope = context.view_page("page.calendar")
today = dt.date.today()
st.caption(selection.t("forms.calendar.intro", year=selection.year, today=today.isoformat()))
found = status.of_year(selection.year, form_files.scope_of(selection), today)


def _name(item: status.Status) -> str:
    name = item.obligation.name(selection.lang)
    month = item.obligation.month
    return name if month is None else selection.t("forms.calendar.of_month", name=name, month=month)


def _due(item: status.Status) -> str:
    due = item.obligation.due.isoformat()
    return selection.t("forms.calendar.about", date=due) if item.obligation.entry.approximate else due


st.dataframe(pd.DataFrame([{
    selection.t("forms.calendar.col.report"): _name(item),
    selection.t("forms.calendar.col.agency"): item.obligation.entry.agency[selection.lang],
    selection.t("forms.calendar.col.opens"): item.obligation.opens.isoformat(),
    selection.t("forms.calendar.col.due"): _due(item),
    selection.t("forms.calendar.col.status"): item.text(selection.lang),
    selection.t("forms.calendar.col.drafted_on"): selection.t(DRAFTED_ON[item.obligation.entry.drafted_by][1]),
} for item in found]), hide_index=True, use_container_width=True, placeholder="—")

st.caption(selection.t("forms.calendar.drafts"))
for path, title in dict.fromkeys(DRAFTED_ON.values()):
    st.page_link(path, label=selection.t(title), icon=":material/arrow_forward:")
