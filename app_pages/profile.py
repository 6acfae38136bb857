"""机构概况 Profile: the registration fields of the annual report, with the report's own text."""

import streamlit as st

from museum import sections
from ui import blocks, context

selection, scope = context.view_page("page.profile", compares=False)  # registration fields: no 同比

section = sections.build("profile", scope)
if not section:
    st.info(selection.t("profile.none", year=selection.year))
blocks.render(section, scope)
