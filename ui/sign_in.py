"""The name-and-password form: on the 登录 page, and on any page asked for while signed out (which
then opens itself once the visitor has signed in)."""

from __future__ import annotations

import streamlit as st

from museum.i18n import t
from ui import access
from ui.blocks import plain


def form(lang: str) -> bool:
    """Draw the form; True once this session has signed in with it (a refusal is shown under it)."""
    with st.form("sign_in"):
        name = st.text_input(t("access.user_name", lang), key="sign_in_name")
        password = st.text_input(t("access.password", lang), type="password", key="sign_in_password")
        submitted = st.form_submit_button(t("access.sign_in", lang), type="primary")
    if not submitted:
        return False
    problem = access.sign_in(name.strip(), password)
    if problem:
        st.error(plain(problem), icon=":material/block:")
        return False
    return True


def here_first(lang: str) -> None:
    """A page asked for while signed out: say so, offer the form right here, and show the page
    itself once signed in (not 总览: the link or bookmark named this page)."""
    st.warning(t("access.sign_in_first", lang), icon=":material/lock:")
    if form(lang):
        st.rerun()
    st.stop()
