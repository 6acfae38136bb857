"""The page side of rights per institution: which units this session may see, and the check every write asks.

The decision is museum.access.rights.can_in, read from the database on every call (never from a
cache), so a grant or revoke applies on the next click; the units a session may see (the sidebar's
chooser, every run) are read once per data version, which a grant or revoke changes as any write does.
A page that changes one unit's data calls

    units.require("upload", ctx.institution_id)   # refuses, audits once, and stops unless allowed

Signed in by password, the account's memberships decide. Signed in by single sign-on (no account
in the database), the role mapped to the e-mail address applies in every unit: SSO roles are an
install-wide setting of the server's secrets file. Before any account exists, everyone views every
unit and nothing is written (museum.access.auth.effective_role).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from museum.access import auth, rights
from museum.i18n import t
from museum.store import db
from ui import access, blocks, data


def _account() -> str | None:
    """The account whose memberships decide, or None (SSO, or nobody signed in)."""
    user = access.signed_in_user()
    return user["name"] if user is not None and user.get("via") == "password" else None


def role_in(institution_id: int | None) -> str | None:
    """The role this session acts with in `institution_id`."""
    name = _account()
    if name is None:
        return access.current_role()
    with db.reading(data.db_path()) as con:
        return rights.role_in(con, name, institution_id)


def may(action: str, institution_id: int | None) -> bool:
    """Whether this session may do `action` in `institution_id` (to offer a form, not to protect it)."""
    return auth.can(role_in(institution_id), action)


def visible(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of the institution table this session may see (the sidebar's chooser)."""
    name = _account()
    if name is None:
        return table if access.current_role() is not None else table.iloc[0:0]
    # every page run asks (the sidebar's chooser): read once per data version, as every other read is —
    # a grant or revoke is a write, so it is seen on the next click all the same
    return rights.keep_visible(table, data.read("visible_units", user_name=name))


def note_hidden(institution_id: int, lang: str) -> None:
    """A unit asked for (a replayed widget value, an old session) that this account may not see:
    one audit line per session, and a warning; the page shows a unit it may see instead."""
    record(("view", institution_id))
    st.warning(t("rights.hidden_unit", lang), icon=":material/block:")


def record(marker: tuple) -> None:
    """The refusal's audit line, written once per session for (action, unit)."""
    action, institution_id = marker
    who = access.actor()
    access.once(("refused", action, institution_id),
                lambda con: rights.record_refusal(con, who, action, institution_id))


def refusal_text(action: str, institution_id: int | None, lang: str) -> str:
    with db.reading(data.db_path()) as con:
        return rights.refuse(con, access.actor(), action, institution_id, record=False).message(lang)


def require(action: str, institution_id: int | None, lang: str) -> None:
    """Stop the page with the refusal (audited once) unless this session may do `action` in the unit."""
    if may(action, institution_id):
        return
    record((action, institution_id))
    st.error(blocks.plain(refusal_text(action, institution_id, lang)), icon=":material/block:")
    st.stop()


def allowed(action: str, institution_id: int | None, lang: str) -> bool:
    """True when this session may do `action` in the unit; else the refusal is shown (audited once)
    and False returned, for a write inside a page that goes on (a rollback, a draft field)."""
    if may(action, institution_id):
        return True
    record((action, institution_id))
    st.error(blocks.plain(refusal_text(action, institution_id, lang)), icon=":material/block:")
    return False


def authorise(action: str):
    """A check for museum functions that learn the unit only from the input (a report names its
    own): `check(con, institution_id)` raises the audited refusal (museum.access.rights.check)."""
    name = _account()

    def check(con, institution_id: int | None) -> None:
        if name is not None and institution_id is not None:
            rights.check(con, name, action, institution_id)

    return check
