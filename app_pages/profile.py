"""机构概况 Profile: the registration fields of the annual report, with the report's own text."""

import streamlit as st

from museum import sections
from ui import blocks, context

selection = context.current()
scope = context.scope(selection)
context.page_header(selection, "page.profile", scope)

section = sections.build("profile", scope)
if not section:
    st.info(selection.t("profile.none", year=selection.year))
blocks.render(section, scope)
