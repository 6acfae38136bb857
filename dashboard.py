"""科技馆运营看板 — entry point: page config, sidebar (language, institution, year), navigation."""

from __future__ import annotations

import streamlit as st

from museum.i18n import t
from ui import context

st.set_page_config(page_title="科技馆运营看板", page_icon="🔭", layout="wide")

# (file, title key, icon, url path) per section; the first page is the default. A url path
# must equal the file name: see ui.context.current().
PAGES = {
    "ui.section.view": [
        ("pages/overview.py", "page.overview", ":material/dashboard:", "overview"),
        ("pages/trends.py", "page.trends", ":material/trending_up:", "trends"),
        ("pages/assets.py", "page.assets", ":material/account_balance:", "assets"),
        ("pages/awards_research.py", "page.awards_research", ":material/military_tech:", "awards_research"),
        ("pages/people.py", "page.people", ":material/groups:", "people"),
        ("pages/profile.py", "page.profile", ":material/badge:", "profile"),
        ("pages/export.py", "page.export", ":material/download:", "export"),
    ],
    "ui.section.data": [
        ("pages/report_import.py", "page.report_import", ":material/description:", "report_import"),
        ("pages/upload.py", "intake.page.upload", ":material/upload_file:", "upload"),
        ("pages/history.py", "intake.page.history", ":material/history:", "history"),
    ],
}

lang = context.language()
navigation = st.navigation(
    {
        t(section, lang): [
            st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=(section, index) == ("ui.section.view", 0))
            for index, (path, title, icon, url) in enumerate(entries)
        ]
        for section, entries in PAGES.items()
    }
)
st.session_state["ctx"] = context.sidebar()  # handed to the page of this run: context.current()
navigation.run()
