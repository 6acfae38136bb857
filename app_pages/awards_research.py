"""获奖与科研 Awards & research: level × grade matrix, unit honours, the project funnel."""

import streamlit as st

from museum import sections
from ui import blocks, context

selection, scope = context.view_page("page.awards_research")

built = sections.build_all(scope, ["awards", "research"])
if not built:  # say so, as 资产 does, instead of a blank page
    st.info(selection.t("records.no_data", year=selection.year))
for section in built:
    blocks.render(section, scope, heading=True)
