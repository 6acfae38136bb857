"""Who is using this browser session and what they may do: sign-in state, session timeout,
optional single sign-on, the role check every protected page calls, and audit recording.

The rules themselves (roles, permissions, lockout, timeout arithmetic) live in museum.access.auth;
this module only keeps the signed-in identity in the session and draws the refusals.

A page that changes data starts with

    from ui import access
    access.require("upload")          # refuses and stops the script unless the role may upload

and passes `access.actor()` to the museum function that makes the change, which writes the audit
line in the change's own transaction.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from typing import Callable, Iterator

import streamlit as st

from museum import settings
from museum.access import auth, sessions, throttle
from museum.store import audit, db
from museum.errors import MuseumError
from museum.i18n import t
from ui import data
from ui.text import plain

# What a page needs, by its url path; pages not listed take their section's default, and a page in
# an unknown section is for admins only (a new page is closed until someone says who may use it).
PAGE_ACTIONS = {
    "upload": "upload",
    "entry": "upload",
    "review": "view_history",  # approvers decide; an editor sees their own pending batches
    "report_import": "import_report",
    "history": "view_history",
    "targets_edit": "correct",
    "returns": "upload",  # making a return: editors and admins; receiving one is checked on the page (admins)
    "export": "export",
    "report": "export",
    "admin": "manage_accounts",
    "sign_in": None,  # always reachable
}
SECTION_ACTIONS = {
    "ui.section.view": "view",
    "ui.section.data": "view_history",
    "ui.section.admin": "manage_accounts",
}
SIGN_IN_PAGE = "app_pages/sign_in.py"

_USER = "access_user"              # {"name", "role", "via": "password" | "sso"}
_LAST_ACTIVITY = "access_last_activity"
_NOTICE = "access_notice"          # a message key shown once on the next run (e.g. timed out)
_RECORDED = "access_recorded"      # markers of audit lines already written by `once`
_TOKEN = "access_token"            # this session's remembered sign-in (museum.access.sessions)
_COOKIE = "access_cookie"          # (value, max-age seconds) of the cookie to write on the next run
_RESUME_TRIED = "access_resume_tried"


def page_action(section: str, url_path: str) -> str | None:
    if url_path in PAGE_ACTIONS:
        return PAGE_ACTIONS[url_path]
    return SECTION_ACTIONS.get(section, "manage_accounts")


# --- identity ---------------------------------------------------------------------------------


def accounts_exist() -> bool:
    return data.accounts_exist()


def signed_in_user() -> dict | None:
    return st.session_state.get(_USER)


def current_role() -> str | None:
    """The role this session acts with (see museum.access.auth.effective_role)."""
    user = signed_in_user()
    return auth.effective_role(accounts_exist(), user["role"] if user else None)


def sign_in_listed() -> bool:
    """The sign-in page is in the menu while nobody is signed in (before any account exists it says
    how to create the first admin)."""
    return signed_in_user() is None


def actor() -> str:
    """The name to put in the audit trail for what this session does."""
    user = signed_in_user()
    return user["name"] if user else "anonymous"


@contextmanager
def write_session() -> Iterator:
    """A connection for a change made from a page; cached results are dropped afterwards."""
    try:
        with data.session() as con:
            yield con
    finally:
        data.clear()


def _audit(action: str, user: str, detail: str | None = None) -> None:
    """An audit line of the session itself (sign-out, single sign-on), in its own transaction.
    The data shown does not change, so the cache stays (every viewer keeps their cached pages)."""
    with data.session() as con, db.transaction(con):
        audit.record(con, action, user, detail)


def once(marker: tuple, write: Callable) -> None:
    """Run `write(con)` (an audited museum function) once per session for `marker`: a page that
    shows a rejected upload reruns on every click, and the trail should say it once."""
    seen = st.session_state.setdefault(_RECORDED, set())
    if marker in seen:
        return
    with write_session() as con:
        write(con)
    seen.add(marker)


def audited_download(detail: str, produce: Callable[[], bytes] | bytes) -> Callable[[], bytes]:
    """A download button's `data` that writes an `export` audit line (with the file's SHA-256)
    when the browser actually fetches the file; `produce` may be the bytes or a function making them.

    Streamlit calls the function only on click, so a page that merely shows the button records
    nothing. The actor is taken now, while the script runs in this session.
    """
    who = actor()

    def fetch() -> bytes:
        content = produce() if callable(produce) else produce
        with data.session() as con, db.transaction(con):
            audit.record(con, "export", who, detail, hashlib.sha256(content).hexdigest())
        return content

    return fetch


def _set_user(name: str, role: str, via: str, credential_version: int | None = None) -> None:
    st.session_state[_USER] = {"name": name, "role": role, "via": via, "credential_version": credential_version}
    st.session_state[_LAST_ACTIVITY] = auth.utc_now()


def client() -> str | None:
    """The address this request comes from (a configured proxy header honoured): sign-in limits are per client too."""
    try:
        headers = dict(st.context.headers)
        return auth.client_address(throttle.request_address(st.context.ip_address, headers), headers)
    except (AttributeError, RuntimeError):  # AppTest and bare runs have no request
        return None


def sign_in(name: str, password: str) -> str | None:
    """Sign this session in; None on success, else the message to show (already audited).

    A failed attempt writes only its audit line and throttle count: the cached data every other
    viewer reads stays as it is."""
    try:
        with data.session() as con:
            user = auth.sign_in(con, name, password, client=client())
            _remember(con, user.name, user.credential_version)
    except MuseumError as exc:
        return exc.message(_lang())
    _set_user(user.name, user.role, "password", user.credential_version)
    return None


def _remember(con, name: str, credential_version: int) -> None:
    """Keep the sign-in across reloads: a token in the database and, on the next run, in a cookie."""
    if settings.session_days() <= 0:
        return
    sessions.ensure_key(con)
    with db.transaction(con):
        token, _expires = sessions.issue(con, name, credential_version, auth.utc_now())
    st.session_state[_TOKEN] = token
    st.session_state[_COOKIE] = (token, int(settings.session_days() * 86400))


def _cookie(name: str) -> str | None:
    try:
        return st.context.cookies.get(name)
    except (AttributeError, RuntimeError):  # AppTest and bare runs have no request
        return None


def _resume() -> None:
    """A reloaded tab (a new session) signed in again by its remembered token, once per session.
    A token that resumes nothing is cleared from the browser."""
    if signed_in_user() is not None or st.session_state.get(_RESUME_TRIED) or not accounts_exist():
        return
    st.session_state[_RESUME_TRIED] = True
    token = _cookie(sessions.COOKIE)
    if not token:
        return
    with db.reading(data.db_path()) as con:
        found = sessions.resume(con, token, auth.utc_now())
    if found is None:
        st.session_state[_COOKIE] = ("", 0)
        return
    _set_user(found.name, found.role, "password", found.credential_version)
    st.session_state[_TOKEN] = token


def take_cookie() -> tuple[str, int] | None:
    """The remembered sign-in's cookie to write (or clear: an empty value, max-age 0) on this run, once;
    ui.blocks.write_cookie writes it (the one module that writes HTML)."""
    return st.session_state.pop(_COOKIE, None)


def _session_end_reason(user: dict) -> str | None:
    """Why this session's rights have ended since it signed in (account removed, disabled, role or
    password changed, database restored), or None. Checked on every request, never from the cache."""
    if user.get("via") != "password":
        return None
    with db.reading(data.db_path()) as con:
        return auth.session_end_reason(con, user["name"], user["role"], user.get("credential_version") or 0)


def sign_out(reason: str = "user") -> None:
    user = st.session_state.pop(_USER, None)
    st.session_state.pop(_LAST_ACTIVITY, None)
    token = st.session_state.pop(_TOKEN, None)
    if user is None:
        return
    with data.session() as con, db.transaction(con):  # the audit line and the token's end together
        audit.record(con, "sign_out", user["name"], reason)
        sessions.revoke(con, token, auth.utc_now())
    if token is not None:
        st.session_state[_COOKIE] = ("", 0)
    if user["via"] == "sso" and _sso_logged_in():
        st.logout()


# --- single sign-on (optional) ----------------------------------------------------------------


def sso_configured() -> bool:
    """True when .streamlit/secrets.toml has an [auth] section for st.login."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets.toml at all (StreamlitSecretNotFoundError)
        return False


def _sso_roles() -> dict[str, str]:
    try:
        return dict(st.secrets.get("museum_sso", {}).get("roles", {}))
    except FileNotFoundError:
        return {}


def _sso_logged_in() -> bool:
    return sso_configured() and bool(st.user.get("is_logged_in", False))


def _adopt_sso_identity() -> None:
    """After st.login: take the role mapped to the provider's e-mail address, once per session."""
    if signed_in_user() is not None or not _sso_logged_in():
        return
    email = st.user.get("email")
    role = auth.sso_role(email, _sso_roles())
    if role is None:
        _audit("sign_in_failed", email or "", "sso: e-mail not mapped to a role")
    else:
        _audit("sign_in_ok", email, f"sso role={role}")
    if role is None:
        st.session_state[_NOTICE] = ("access.sso_unmapped", {"email": email or "—"})
        st.logout()
        return
    _set_user(email, role, "sso")


# --- per run ----------------------------------------------------------------------------------


def _lang() -> str:
    return st.session_state.get("lang", "zh")


def start_run() -> str | None:
    """Called once per script run by dashboard.py: sign out an idle session, take an SSO
    identity, mark activity. Returns the role for this run."""
    _resume()
    user = signed_in_user()
    now = auth.utc_now()
    if user is not None and auth.session_expired(st.session_state.get(_LAST_ACTIVITY), now):
        sign_out("timeout")
        st.session_state[_NOTICE] = ("access.timed_out", {})
    elif user is not None and (ended := _session_end_reason(user)) is not None:
        sign_out(f"rights ended: {ended}")
        st.session_state[_NOTICE] = (f"access.session_ended.{ended}", {})
    _adopt_sso_identity()
    if signed_in_user() is not None:
        st.session_state[_LAST_ACTIVITY] = now
    return current_role()


def show_notice(lang: str) -> None:
    notice = st.session_state.pop(_NOTICE, None)
    if notice:
        key, params = notice
        st.warning(t(key, lang, **params), icon=":material/timer_off:" if key == "access.timed_out" else ":material/warning:")


def sidebar_status(lang: str) -> None:
    """Who is signed in (with a sign-out button), or how to get started."""
    user = signed_in_user()
    with st.sidebar:
        if user is not None:
            st.caption(t("access.signed_in_as", lang, name=plain(user["name"]), role=t(f"auth.role.{user['role']}", lang)))
            # A callback, so the sign-out happens before the next run whichever script it runs.
            st.button(t("access.sign_out", lang), key="access_sign_out", on_click=sign_out)
        elif not accounts_exist():
            # one line for leadership; how to create the first admin is on the sign-in page and in the README
            st.caption(t("access.first_run_short", lang))


def may(action: str) -> bool:
    """Whether this session's role may do `action` (to offer a link, not to protect a page)."""
    return auth.can(current_role(), action)


def require(action: str, lang: str | None = None) -> str:
    """Stop the page with a refusal unless this session's role may do `action`; return the role.

    Every protected page calls this at its top, so typing a page's URL is no way around the menu.
    """
    lang = lang or _lang()
    role = current_role()
    if auth.can(role, action):
        return role
    allowed = "、".join(t(f"auth.role.{r}", lang) for r in auth.ROLES if auth.can(r, action))
    if role is None:
        st.warning(t("access.sign_in_first", lang), icon=":material/lock:")
        st.page_link(SIGN_IN_PAGE, label=t("access.go_sign_in", lang), icon=":material/login:")
    elif not accounts_exist():
        st.warning(t("access.closed_until_accounts", lang), icon=":material/lock:")
    else:
        st.error(t("access.refused", lang, role=t(f"auth.role.{role}", lang), allowed=allowed), icon=":material/block:")
    st.stop()
    return role  # not reached: st.stop() ends the script run
