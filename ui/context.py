"""What the sidebar decides for every page: language, institution, year and period, colours.

dashboard.py draws the sidebar's widgets; a page asks `current()`, which reads those widgets'
values (and the cached institution list) again — nothing but widget values is kept in the
session, and the data a page shows comes from `scope()`, cached until the database changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd
import streamlit as st

from museum import charts, institutions, kpis, period, settings
from museum.compare import sources
from museum.errors import InputRejected
from museum.store import db
from museum.i18n import t
from museum.period import Period
from museum.sections import Scope
from ui import data, units
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
    period: Period | None = None                          # within `year`; the whole year by default
    periods: tuple[Period, ...] = field(default_factory=tuple)   # the choices of `year`

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def with_year(self, year: int) -> "Selection":
        """The same selection for the whole of `year` (the annual pack, a page with its own year box)."""
        return replace(self, year=year, period=Period.of_year(year), periods=(Period.of_year(year),))

    @property
    def period_label(self) -> str:
        return self.period.label(self.lang) if self.period else "—"


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


def _period_key(institution_id: int, year: int) -> str:
    return f"period_{institution_id}_{year}"


def _convention_key(lang: str) -> str:
    return f"convention_{lang}"


def _url_period(institution_id: int, years) -> Period | None:
    """?period=2025-04 on the first run of a session: it chooses the year and the period. A period
    not understood, or of a year without data, is said once and left aside."""
    if "period_url_read" in st.session_state:
        return st.session_state.get("period_url")
    st.session_state["period_url_read"] = True
    text = st.query_params.get("period")
    if not text:
        return None
    try:
        requested = period.parse(text)
    except InputRejected as problem:
        st.session_state["period_url_problem"] = problem.message(language())
        return None
    if requested.year in years:
        st.session_state[_year_key(institution_id)] = requested.year
        st.session_state[_period_key(institution_id, requested.year)] = requested.text
        st.session_state["period_url"] = requested
    return st.session_state.get("period_url")


def current() -> Selection:
    """The selection of this run, from the sidebar's widgets (their defaults before they are drawn)."""
    lang = language()
    convention = st.session_state.get(_convention_key(lang), charts.default_convention(lang))
    everyone = data.read("institutions")
    table = units.visible(everyone)  # only the units this account may see: a replayed other id is not taken
    if table.empty:
        return Selection(lang, convention=convention)
    ids = [int(i) for i in table["institution_id"]]
    chosen = st.session_state.get(_institution_key())
    if chosen is not None and chosen not in ids and chosen in set(everyone["institution_id"].astype(int)):
        units.note_hidden(chosen, lang)
        st.session_state.pop(_institution_key(), None)
    institution_id = chosen if chosen in ids else institutions.default_id(table)
    name = str(table.loc[table["institution_id"] == institution_id, "name"].iloc[0])
    path = str(data.db_path())
    years, latest, months = _years(path, institution_id, db.data_version(path))
    requested = _url_period(institution_id, years)
    year = st.session_state.get(_year_key(institution_id))
    if year not in years:
        year = latest
    if year is None:
        return Selection(lang, institution_id, name, year, years, convention)
    periods = period.choices(year, months.get(year, ()))
    if requested is not None and requested.year == year and requested not in periods:
        periods.append(requested)  # asked for by URL: shown, and the page says it has no data
    chosen = st.session_state.get(_period_key(institution_id, year))
    by_text = {p.text: p for p in periods}
    return Selection(lang, institution_id, name, year, years, convention, by_text.get(chosen, periods[0]), tuple(periods))


@st.cache_resource(show_spinner=False, max_entries=48)
def _years(path: str, institution_id: int, version: tuple) -> tuple[tuple[int, ...], int | None, dict[int, tuple[int, ...]]]:
    """An institution's years with data, the default one and each year's months with data, once per
    data version (every run of every page asks; the values frame need not be copied out of the cache for it)."""
    values = data.frame(institution_id, "values")
    monthly = values[values["month"].notna()]
    months = {int(year): tuple(sorted({int(m) for m in group["month"]})) for year, group in monthly.groupby("year")}
    return tuple(kpis.years_with_data(values)), default_year(values), months


def scope(selection: Selection | None = None) -> Scope:
    """The data of the selected institution and year, for museum.sections: one scope per data
    version shared by every session, so twenty viewers of a page cost one build of it."""
    selection = selection or current()
    path = str(data.db_path())
    chosen = selection.period or (Period.of_year(selection.year) if selection.year else None)
    return _shared_scope(path, selection.institution_id, selection.institution_name, chosen.text if chosen else None,
                         selection.lang, selection.convention, db.data_version(path))


@st.cache_resource(show_spinner=False, max_entries=48)
def _shared_scope(path: str, institution_id: int, name: str, period_text: str, lang: str, convention: str,
                  version: tuple) -> Scope:
    return Scope(institution_id, name, period_text, lang, lambda frame: data.frame(institution_id, frame), convention)


def visible_institutions() -> list[tuple[int, str]]:
    """(id, name) of every unit this session may view (rights per unit, museum.access.rights), in the
    order they were registered (the install's own unit first)."""
    table = units.visible(data.read("institutions"))
    return sorted((int(i), str(n)) for i, n in zip(table["institution_id"], table["name"]))


def unit_scope(selection: Selection, institution_id: int, name: str) -> Scope:
    """Another unit's data for the selection's period and language (单位对比), shared like scope()."""
    path = str(data.db_path())
    chosen = selection.period or Period.of_year(selection.year)
    return _shared_scope(path, institution_id, name, chosen.text, selection.lang, selection.convention,
                         db.data_version(path))


def compare_scopes(selection: Selection, chosen: list[tuple[int, str]]):
    """The scopes of the units (id, name) compared for the selection's period, and the state of the
    view they were read from (museum.compare.sources): on PostgreSQL one read of every unit's values
    from the comparison's materialized view, shared like scope() until the view or the data changes;
    on DuckDB each unit's shared scope (state None)."""
    path = str(data.db_path())
    chosen_period = selection.period or Period.of_year(selection.year)
    state = None
    if isinstance(data.db_path(), settings.DatabaseUrl):
        with db.reading(path) as con:
            state = sources.view_state(con)
    if state is None:
        return [unit_scope(selection, uid, name) for uid, name in chosen], None
    scopes = _view_scopes(path, tuple(chosen), chosen_period.text, selection.lang, selection.convention,
                          state.refreshed_version, db.data_version(path))
    return scopes, state


@st.cache_resource(show_spinner=False, max_entries=16)
def _view_scopes(path: str, chosen: tuple, period_text: str, lang: str, convention: str, view_version: int,
                 version: tuple) -> list[Scope]:
    with db.reading(path) as con:
        # the values, targets and budgets are read now; any other frame a scope asks for later is
        # the page's own cached read of that unit
        scopes, _ = sources.unit_scopes(con, list(chosen), period_text, lang, convention,
                                        other=lambda uid, name: data.frame(uid, name))
    return scopes


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
        table = units.visible(data.read("institutions"))
        if len(table) > 1:
            names = dict(zip((int(i) for i in table["institution_id"]), table["name"]))
            st.selectbox(t("ui.institution", lang), list(names), index=list(names).index(selection.institution_id),
                         key=_institution_key(), format_func=names.get)
        if selection.years:
            years = list(selection.years)
            st.selectbox(t("ui.year", lang), years, index=years.index(selection.year), key=_year_key(selection.institution_id),
                         format_func=lambda y: t("ui.year_label", lang, year=y))
            _period_choice(selection)
        st.selectbox(t("ui.colour_convention", lang), CONVENTIONS, index=CONVENTIONS.index(selection.convention),
                     key=_convention_key(lang), format_func=lambda c: t(f"ui.convention.{c}", lang))


def _period_choice(selection: Selection) -> None:
    """全年 / 第一季度… / 1月… / 1–N月 of the chosen year (those with data), kept in the URL as ?period=."""
    lang = selection.lang
    if "period_url_problem" in st.session_state:
        st.warning(plain(st.session_state.pop("period_url_problem")), icon=":material/warning:")
    if selection.period is None:
        return
    texts = [p.text for p in selection.periods]
    labels = {p.text: p.choice_label(lang) for p in selection.periods}
    chosen = st.selectbox(t("ui.period", lang), texts, index=texts.index(selection.period.text),
                          key=_period_key(selection.institution_id, selection.year), format_func=labels.get)
    if st.query_params.get("period") != chosen:
        st.query_params["period"] = chosen  # a link to this page shows the same period


def page_header(selection: Selection, title_key: str, scope_: Scope | None = None, *, compares: bool = True) -> None:
    """Title, the subtitle (institution · period), the demo banner, and the empty-database or empty-period notice;
    with `compares`, the notice that the prior year is missing (a page without 同比 does not need it)."""
    st.title(selection.t(title_key))
    if selection.institution_id is not None:
        st.caption(selection.t("ui.subtitle", institution=plain(selection.institution_name), period=selection.period_label))
    if selection.institution_id is None or selection.year is None:
        st.info(selection.t("ui.no_data"))
        st.stop()
    scope_ = scope_ or scope(selection)
    if scope_.demo:
        st.warning(selection.t("demo.banner"), icon="⚠️")
    if not scope_.whole_year and not scope_.kpis:
        st.info(selection.t("period.notice.no_data", period=selection.period_label), icon=":material/info:")
    if compares and scope_.prior_notice:
        from ui import access

        st.info(scope_.prior_notice, icon=":material/info:")
        if access.may("import_report"):
            st.page_link("app_pages/report_import.py", label=selection.t("ui.go_import_report"), icon=":material/description:")


def view_page(title_key: str, *, compares: bool = True) -> tuple[Selection, Scope]:
    """The start of every view page: the selection, its data, and the page's header (see page_header)."""
    selection = current()
    if selection.year is None:
        page_header(selection, title_key)  # no data yet: says so and stops before any scope is made
    scope_ = scope(selection)
    page_header(selection, title_key, scope_, compares=compares)
    return selection, scope_
