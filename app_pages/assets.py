"""资产 Assets: 年初数 and 年末数, the change, a bridge chart, history and reconciliation."""

import streamlit as st

from museum import sections
from ui import blocks, context

selection, scope = context.view_page("page.assets")

section = sections.build("assets", scope)
if not section:
    st.info(selection.t("assets.no_data", year=selection.year))
blocks.render(section, scope)
