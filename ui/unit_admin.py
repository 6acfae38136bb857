"""The 系统管理 page's 单位权限 tab: each account's role in each unit (grant, revoke) and a new unit with its 举办单位."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from museum import institutions
from museum.access import rights
from museum.i18n import t
from museum.store import db
from ui import data, forms


def _read():
    """Memberships, units and accounts, read now (an admin's change shows on the next run)."""
    with db.reading(data.db_path()) as con:
        return rights.memberships(con), institutions.sponsors(con)


def _role(code: str, lang: str) -> str:
    return t(f"auth.role.{code}", lang)


def memberships_table(held: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Account, unit and role, in words (never a code)."""
    return pd.DataFrame({t("rights.admin.account", lang): held["user_name"], t("rights.admin.unit", lang): held["institution"],
                         t("rights.admin.role", lang): [_role(r, lang) for r in held["role"]]})


def units_table(units: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each unit with its number and 举办单位 (— when none)."""
    return pd.DataFrame({t("institutions.column.number", lang): units["institution_id"].astype(int),
                         t("institutions.column.name", lang): units["name"],
                         t("institutions.column.sponsor", lang): [s if isinstance(s, str) else "—" for s in units["sponsor"]]})


def unit_rights_tab(lang: str, me: str, accounts: list[str]) -> None:
    """Grant and revoke unit roles; create a unit."""
    held, units = _read()
    st.caption(t("rights.admin.intro", lang))
    if held.empty:
        st.info(t("rights.admin.none", lang))
    else:
        st.dataframe(memberships_table(held, lang), hide_index=True, key="unit_rights_table", placeholder="—")
    st.dataframe(units_table(units, lang), hide_index=True, key="unit_list_table", placeholder="—")
    names = dict(zip(units["institution_id"].astype(int), units["name"]))
    if accounts and names:
        cols = st.columns(3)
        account = cols[0].selectbox(t("rights.admin.account", lang), accounts, key="unit_rights_account")
        unit = cols[1].selectbox(t("rights.admin.unit", lang), list(names), format_func=names.get, key="unit_rights_unit")
        role = cols[2].selectbox(t("rights.admin.role", lang), rights.UNIT_ROLES, format_func=lambda r: _role(r, lang),
                                 key="unit_rights_role")
        buttons = st.columns(4)
        if buttons[0].button(t("rights.admin.grant", lang), key="unit_rights_grant", type="primary") and forms.write(
                lambda con: rights.grant(con, account, unit, role, actor=me) or True, lang):
            forms.saved(t("cli.users.granted", lang, name=account, institution=names[unit], role=_role(role, lang)))
        if buttons[1].button(t("rights.admin.revoke", lang), key="unit_rights_revoke") and forms.write(
                lambda con: rights.revoke(con, account, unit, actor=me) or True, lang):
            forms.saved(t("cli.users.revoked", lang, name=account, institution=names[unit]))
    new_unit_form(lang, me, names)
    sponsor_form(lang, me, names)


def new_unit_form(lang: str, me: str, names: dict[int, str]) -> None:
    with st.form("new_unit", clear_on_submit=True):
        st.subheader(t("rights.admin.new_unit", lang))
        cols = st.columns(2)
        name = cols[0].text_input(t("rights.admin.unit_name", lang), key="new_unit_name")
        sponsor = cols[1].selectbox(t("rights.admin.sponsor", lang), [None, *names], key="new_unit_sponsor",
                                    format_func=lambda i: t("rights.admin.no_sponsor", lang) if i is None else names[i])
        if st.form_submit_button(t("rights.admin.create", lang)) and forms.write(
                lambda con: institutions.add(con, name, actor=me, sponsor_id=sponsor), lang) is not None:
            forms.saved(t("rights.admin.created", lang, name=name.strip()))


def sponsor_form(lang: str, me: str, names: dict[int, str]) -> None:
    """An existing unit's 举办单位 (the install's own, or one a report or a return created)."""
    if len(names) < 2:
        return
    with st.form("unit_sponsor"):
        st.subheader(t("rights.admin.set_sponsor", lang))
        cols = st.columns(2)
        unit = cols[0].selectbox(t("rights.admin.unit", lang), list(names), format_func=names.get, key="sponsor_unit")
        sponsor = cols[1].selectbox(t("rights.admin.sponsor", lang), list(names), format_func=names.get, key="sponsor_of_unit")
        if st.form_submit_button(t("rights.admin.save_sponsor", lang)) and forms.write(
                lambda con: institutions.set_sponsor(con, unit, sponsor, actor=me) or True, lang) is not None:
            forms.saved(t("institutions.sponsor_set", lang, name=names[unit], sponsor=names[sponsor]))
