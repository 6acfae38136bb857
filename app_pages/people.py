"""人员与志愿者 Staff & volunteers: headcount, qualifications, volunteer reserve and teams."""

import streamlit as st

from museum import sections
from ui import blocks, context

selection, scope = context.view_page("page.people")

built = sections.build_all(scope, ["staff", "volunteers"])
if not built:  # say so, as 资产 does, instead of a blank page
    st.info(selection.t("people.no_data", year=selection.year))
for section in built:
    blocks.render(section, scope, heading=True)
