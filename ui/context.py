"""What the sidebar decides for every page: language, institution, year, colours.

dashboard.py draws the sidebar's widgets; a page asks `current()`, which reads those widgets'
values (and the cached institution list) again — nothing but widget values is kept in the
session, and the data a page shows comes from `scope()`, cached until the database changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from museum import charts, institutions, kpis
from museum.store import db
from museum.i18n import t
from museum.sections import Scope
from ui import data
from ui.blocks import plain

CONVENTIONS = ("red_up", "green_up")


@dataclass(frozen=True)
class Selection:
    lang: str
    institution_id: int | None = None
    institution_name: str = ""
    year: int | None = None
    years: tuple[int, ...] = field(default_factory=tuple)
    convention: str = "red_up"

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)


def language() -> str:
    """The UI language: the sidebar switch, first set from ?lang= (zh by default)."""
    if "lang" not in st.session_state:
        requested = st.query_params.get("lang", "zh")
        st.session_state["lang"] = requested if requested in ("zh", "en") else "zh"
    return st.session_state["lang"]


def default_year(values: pd.DataFrame) -> int | None:
    """The latest year with an annual figure (a year of monthly values only is still partial)."""
    annual = values[values["month"].isna()]
    source = annual if not annual.empty else values
    return int(source["year"].max()) if not source.empty else None


def _institution_key() -> str:
    return "institution"


def _year_key(institution_id: int) -> str:
    return f"year_{institution_id}"


def _convention_key(lang: str) -> str:
    return f"convention_{lang}"


def current() -> Selection:
    """The selection of this run, from the sidebar's widgets (their defaults before they are drawn)."""
    lang = language()
    convention = st.session_state.get(_convention_key(lang), charts.default_convention(lang))
    table = data.read("institutions")
    if table.empty:
        return Selection(lang, convention=convention)
    ids = [int(i) for i in table["institution_id"]]
    chosen = st.session_state.get(_institution_key())
    institution_id = chosen if chosen in ids else institutions.default_id(table)
    name = str(table.loc[table["institution_id"] == institution_id, "name"].iloc[0])
    path = str(data.db_path())
    years, latest = _years(path, institution_id, db.data_version(path))
    year = st.session_state.get(_year_key(institution_id))
    if year not in years:
        year = latest
    return Selection(lang, institution_id, name, year, years, convention)


@st.cache_resource(show_spinner=False, max_entries=48)
def _years(path: str, institution_id: int, version: tuple) -> tuple[tuple[int, ...], int | None]:
    """An institution's years with data and the default one, once per data version (every run of
    every page asks; the values frame need not be copied out of the cache for it)."""
    values = data.frame(institution_id, "values")
    return tuple(kpis.years_with_data(values)), default_year(values)


def scope(selection: Selection | None = None) -> Scope:
    """The data of the selected institution and year, for museum.sections: one scope per data
    version shared by every session, so twenty viewers of a page cost one build of it."""
    selection = selection or current()
    path = str(data.db_path())
    return _shared_scope(path, selection.institution_id, selection.institution_name, selection.year, selection.lang,
                         selection.convention, db.data_version(path))


@st.cache_resource(show_spinner=False, max_entries=48)
def _shared_scope(path: str, institution_id: int, name: str, year: int, lang: str, convention: str, version: tuple) -> Scope:
    return Scope(institution_id, name, year, lang, lambda frame: data.frame(institution_id, frame), convention)


def language_switch() -> str:
    """The zh/en switch in the sidebar; returns the language chosen."""
    lang = language()
    with st.sidebar:
        st.segmented_control(
            t("ui.language", lang), options=["zh", "en"], key="lang", required=True,
            format_func=lambda code: {"zh": "中文", "en": "English"}[code],
        )
    return st.session_state["lang"]


def sidebar() -> None:
    """Draw the sidebar's choices (dashboard.py, every run); pages read them with current()."""
    lang = language_switch()
    selection = current()
    if selection.institution_id is None:
        return
    with st.sidebar:
        table = data.read("institutions")
        if len(table) > 1:
            names = dict(zip((int(i) for i in table["institution_id"]), table["name"]))
            st.selectbox(t("ui.institution", lang), list(names), index=list(names).index(selection.institution_id),
                         key=_institution_key(), format_func=names.get)
        if selection.years:
            years = list(selection.years)
            st.selectbox(t("ui.year", lang), years, index=years.index(selection.year), key=_year_key(selection.institution_id),
                         format_func=lambda y: t("ui.year_label", lang, year=y))
        st.selectbox(t("ui.colour_convention", lang), CONVENTIONS, index=CONVENTIONS.index(selection.convention),
                     key=_convention_key(lang), format_func=lambda c: t(f"ui.convention.{c}", lang))


def page_header(selection: Selection, title_key: str, scope_: Scope | None = None) -> None:
    """Title, the subtitle (institution · year), the demo banner, and the empty-database notice."""
    st.title(selection.t(title_key))
    if selection.institution_id is not None:
        st.caption(selection.t("ui.subtitle", institution=plain(selection.institution_name), year=selection.year or "—"))
    if selection.institution_id is None or selection.year is None:
        st.info(selection.t("ui.no_data"))
        st.stop()
    scope_ = scope_ or scope(selection)
    if scope_.demo:
        st.warning(selection.t("demo.banner"), icon="⚠️")
    if scope_.prior_notice:
        from ui import access

        st.info(scope_.prior_notice, icon=":material/info:")
        if access.may("import_report"):
            st.page_link("app_pages/report_import.py", label=selection.t("ui.go_import_report"), icon=":material/description:")


def view_page(title_key: str) -> tuple[Selection, Scope]:
    """The start of every view page: the selection, its data, and the page's header."""
    selection = current()
    scope_ = scope(selection)
    page_header(selection, title_key, scope_)
    return selection, scope_
