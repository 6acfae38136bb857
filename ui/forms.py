"""What every page that changes data does the same way: run one audited museum write, show its
refusal next to the form, and say what was saved after the rerun that shows the new state."""

from __future__ import annotations

from typing import Callable, TypeVar

import streamlit as st

from museum.errors import MuseumError
from ui import access, blocks

T = TypeVar("T")
_FLASH = "forms_flash"


def write(change: Callable, lang: str) -> T | None:
    """`change(con)` on a write connection; its MuseumError (a refusal) is shown here, None returned.

    The museum function records the audit line itself, inside its own transaction; the page only
    passes `access.actor()`.
    """
    try:
        with access.write_session() as con:
            return change(con)
    except MuseumError as exc:
        blocks.refusal(exc, lang, icon=":material/block:")
        return None


def saved(message: str) -> None:
    """Remember `message` for the next run, then rerun so every widget shows the stored state."""
    st.session_state[_FLASH] = message
    st.rerun()


def show_saved() -> None:
    """The message of the write that triggered this run, once."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(blocks.plain(message), icon=":material/check_circle:")
