"""科技馆运营看板 — entry point: page config, sidebar (language, institution, year), navigation,
and the one error boundary every page runs inside."""

from __future__ import annotations

import logging
import uuid

import streamlit as st

from museum.access import auth
from museum.errors import MuseumError
from museum.i18n import t
from ui import access, blocks, context, sign_in

st.set_page_config(page_title="科技馆运营看板", page_icon="🔭", layout="wide")
log = logging.getLogger("museum.ui")

# (file, title key, icon, url path) per section; the first page is the default.
PAGES = {
    "ui.section.view": [
        ("app_pages/overview.py", "page.overview", ":material/dashboard:", "overview"),
        ("app_pages/targets.py", "page.targets", ":material/flag:", "targets"),
        ("app_pages/trends.py", "page.trends", ":material/trending_up:", "trends"),
        ("app_pages/compare.py", "page.compare", ":material/compare_arrows:", "compare"),
        ("app_pages/assets.py", "page.assets", ":material/account_balance:", "assets"),
        ("app_pages/awards_research.py", "page.awards_research", ":material/military_tech:", "awards_research"),
        ("app_pages/people.py", "page.people", ":material/groups:", "people"),
        ("app_pages/profile.py", "page.profile", ":material/badge:", "profile"),
        ("app_pages/export.py", "page.export", ":material/download:", "export"),
        ("app_pages/report_draft.py", "page.report_draft", ":material/article:", "report_draft"),
        ("app_pages/calendar.py", "page.calendar", ":material/event:", "calendar"),
        ("app_pages/report.py", "page.report", ":material/summarize:", "report"),
    ],
    "ui.section.data": [
        ("app_pages/report_import.py", "page.report_import", ":material/description:", "report_import"),
        ("app_pages/upload.py", "intake.page.upload", ":material/upload_file:", "upload"),
        ("app_pages/entry.py", "page.entry", ":material/edit_square:", "entry"),
        ("app_pages/review.py", "page.review", ":material/fact_check:", "review"),
        ("app_pages/targets_edit.py", "page.targets_edit", ":material/edit_note:", "targets_edit"),
        ("app_pages/history.py", "intake.page.history", ":material/history:", "history"),
        ("app_pages/returns.py", "page.returns", ":material/move_to_inbox:", "returns"),
    ],
    "ui.section.admin": [
        ("app_pages/admin.py", "access.page.admin", ":material/admin_panel_settings:", "admin"),
    ],
}


def page(section: str, path: str, title: str, icon: str, url: str, default: bool, role: str | None,
         needed_by_url: dict) -> st.Page:
    """A page, listed in the menu only for roles that may use it. Hidden pages stay reachable by
    URL, where a check refuses them: a typed URL gets a refusal, not the page."""
    needed_by_url[url] = action = access.page_action(section, url)
    if default:
        needed_by_url[""] = action  # Streamlit gives the default page the url path ""
    visible = access.sign_in_listed() if url == "sign_in" else action is None or auth.can(role, action)
    return st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=default,
                   visibility="visible" if visible else "hidden")


def navigation(role: str | None) -> tuple[st.navigation, dict]:
    needed_by_url: dict[str, str | None] = {}
    sections = {
        t(section, lang): [
            page(section, path, title, icon, url, (section, index) == ("ui.section.view", 0), role, needed_by_url)
            for index, (path, title, icon, url) in enumerate(entries)
        ]
        for section, entries in PAGES.items()
    }
    sections.setdefault(t("access.section.account", lang), []).append(
        page("access.section.account", access.SIGN_IN_PAGE, "access.page.sign_in", ":material/login:", "sign_in",
             False, role, needed_by_url)  # always at /sign_in, so that a bookmark of it opens it
    )
    return st.navigation(sections, expanded=True), needed_by_url  # every page listed, never "View more"


def unexpected(exc: BaseException) -> None:
    """A short apology with an incident id that the server log carries too; never a traceback."""
    incident = uuid.uuid4().hex[:8]
    log.error("incident %s: %s", incident, exc, exc_info=exc)
    st.error(t("ui.error.unexpected", lang, incident=incident), icon=":material/error:")


lang = context.language()
blocks.inject_css(lang)
try:
    role = access.start_run()  # signs out an idle session; None = must sign in first
    chosen, needed_by_url = navigation(role)
    if role is None and chosen.url_path == "":
        st.switch_page(access.SIGN_IN_PAGE)  # the site's address, signed out: the sign-in page (notices follow)
    if role is None:
        lang = context.language_switch()  # nothing else about the data before sign-in
    else:
        context.sidebar()
    access.sidebar_status(lang)
    blocks.write_cookie(access.take_cookie())  # a sign-in remembered (or forgotten) by this browser
    access.show_notice(lang)
    needed = needed_by_url.get(chosen.url_path, "manage_accounts")  # a page not listed: admins only
    if role is None and needed is not None:
        sign_in.here_first(lang)  # another page asked for: sign in right here, then see it
    if needed is not None:
        access.require(needed, lang)  # protected pages check again themselves
    chosen.run()
except MuseumError as problem:  # e.g. the database is busy: say so in the reader's language
    blocks.refusal(problem, context.language(), icon=":material/error:")
except Exception as exc:  # noqa: BLE001 — the one place that turns any failure into a message
    unexpected(exc)
