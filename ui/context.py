"""The sidebar and what it decides for every page: language, institution, year, colours."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from museum import catalog, charts, kpis
from museum.i18n import t
from ui import data


@dataclass
class Context:
    lang: str
    institution_id: int | None
    institution_name: str
    year: int | None
    years: list[int]
    convention: str
    values: pd.DataFrame
    demo: bool

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    @property
    def palette(self) -> charts.Palette:
        return charts.Palette.for_convention(self.convention)

    @property
    def catalog(self) -> catalog.Catalog:
        return catalog.load()


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


def sidebar() -> Context:
    lang = language()
    with st.sidebar:
        st.segmented_control(
            t("ui.language", lang), options=["zh", "en"], key="lang", required=True,
            format_func=lambda code: {"zh": "中文", "en": "English"}[code],
        )
        lang = st.session_state["lang"]
        institutions = data.query("institutions")
        if institutions.empty:
            return Context(lang, None, "", None, [], charts.default_convention(lang), pd.DataFrame(), False)
        if len(institutions) > 1:
            names = list(institutions["name"])
            name = st.selectbox(t("ui.institution", lang), names, key="institution")
        else:
            name = str(institutions["name"].iloc[0])
        institution_id = int(institutions.loc[institutions["name"] == name, "institution_id"].iloc[0])
        values = data.query("metric_values", institution_id=institution_id)
        years = kpis.years_with_data(values)
        year = None
        if years:
            default = default_year(values)
            year = st.selectbox(t("ui.year", lang), years, index=years.index(default), key=f"year_{institution_id}",
                                format_func=lambda y: t("ui.year_label", lang, year=y))
        conventions = ["red_up", "green_up"]
        convention = st.selectbox(
            t("ui.colour_convention", lang), conventions,
            index=conventions.index(charts.default_convention(lang)), key=f"convention_{lang}",
            format_func=lambda c: t(f"ui.convention.{c}", lang),
        )
    demo = bool(values["is_demo"].any()) if not values.empty else False
    return Context(lang, institution_id, name, year, years, convention, values, demo)


def page_header(ctx: Context, title_key: str) -> None:
    """Title, the demo banner when synthetic data is shown, and the empty-database notice."""
    st.title(ctx.t(title_key))
    if ctx.institution_id is not None:
        st.caption(ctx.t("ui.subtitle", institution=ctx.institution_name, year=ctx.year or "—"))
    if ctx.demo:
        st.warning(ctx.t("demo.banner"), icon="⚠️")
    if ctx.institution_id is None or ctx.year is None:
        st.info(ctx.t("ui.no_data"))
        st.stop()


def current() -> Context:
    """The context that dashboard.py computed for this script run (the page runs inside it)."""
    if "ctx" not in st.session_state:
        # The first request of a fresh server went straight to a page URL, and Streamlit's legacy
        # pages/ mode ran this page without dashboard.py. Turn that mode off (dashboard.py does
        # the same through st.navigation) and rerun, so dashboard.py routes to this same page:
        # url paths equal file names, so the page keeps its identity.
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["ctx"]
