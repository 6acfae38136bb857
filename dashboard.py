"""科技馆运营看板 — entry point: page config, sidebar (language, institution, year), navigation."""

from __future__ import annotations

import streamlit as st

from museum import auth
from museum.i18n import t
from ui import access, context

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
    "ui.section.admin": [
        ("pages/admin.py", "access.page.admin", ":material/admin_panel_settings:", "admin"),
    ],
}

lang = context.language()
role = access.start_run()  # signs out an idle session; None = must sign in first
signed_out = role is None
needed_by_url: dict[str, str | None] = {}


def page(section: str, path: str, title: str, icon: str, url: str, default: bool) -> st.Page:
    """A page, listed in the menu only for roles that may use it. Hidden pages stay reachable by
    URL, where a check refuses them: a typed URL gets a refusal, not the page."""
    needed_by_url[url] = action = access.page_action(section, url)
    if default:
        needed_by_url[""] = action  # Streamlit gives the default page the url path ""
    visible = access.sign_in_listed() if url == "sign_in" else action is None or auth.can(role, action)
    return st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=default,
                   visibility="visible" if visible else "hidden")


sections = {
    t(section, lang): [
        page(section, path, title, icon, url, default=not signed_out and (section, index) == ("ui.section.view", 0))
        for index, (path, title, icon, url) in enumerate(entries)
    ]
    for section, entries in PAGES.items()
}
sections.setdefault(t("access.section.account", lang), []).append(
    page("access.section.account", access.SIGN_IN_PAGE, "access.page.sign_in", ":material/login:", "sign_in", default=signed_out)
)
navigation = st.navigation(sections)
if signed_out:
    lang = context.language_switch()  # nothing else about the data before sign-in
else:
    st.session_state["ctx"] = context.sidebar()  # handed to the page of this run: context.current()
access.sidebar_status(lang)
access.show_notice(lang)
needed = needed_by_url.get(navigation.url_path, "manage_accounts")  # a page not listed: admins only
if needed is not None:
    access.require(needed, lang)  # protected pages check again themselves
navigation.run()
