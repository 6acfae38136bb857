"""Render museum.sections blocks with Streamlit: KPI cards, charts (with downloads), tables, text.

The annual pack renders the same blocks to Word and PDF (museum/export/), so what a page shows
is defined once, in museum/sections. KPI cards are HTML (st.html, never Markdown): their text
wraps inside the card at any width, two cards share a row on a phone, and every text from the
database is escaped.
"""

from __future__ import annotations

import json
import logging
from functools import partial
from html import escape

import pandas as pd
import streamlit as st

from museum import export, present, settings
from museum.errors import DatabaseBusy, DatabaseError, MuseumError
from museum.i18n import t
from museum.access import sessions
from museum.kpis import Kpi
from museum.sections import Chart, Heading, KpiCards, LongText, Notice, Scope, Section, Sentences, Table
from ui import access
from ui.text import plain  # noqa: F401 — pages call blocks.plain

log = logging.getLogger("museum.ui")

CSS = """
<style>
.kpi-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 4px 0 10px; }
@media (max-width: 640px) { .kpi-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; } }
.kpi { border: 1px solid rgba(49, 51, 63, 0.18); border-radius: 8px; padding: 10px 12px; min-width: 0;
       overflow-wrap: anywhere; word-break: break-word; background: #fff; }
.kpi-label { font-size: 0.875rem; color: rgba(49, 51, 63, 0.78); line-height: 1.3; }
.kpi-value { font-size: 1.55rem; font-weight: 600; line-height: 1.25; margin: 3px 0 2px; }
@media (max-width: 640px) { .kpi-value { font-size: 1.2rem; } .kpi { padding: 8px 9px; } }
.kpi-change, .kpi-previous { font-size: 0.875rem; font-weight: 600; line-height: 1.35; color: rgba(49, 51, 63, 0.7); }
.kpi-change.good, .kpi-previous.good { color: var(--kpi-good); } .kpi-change.bad, .kpi-previous.bad { color: var(--kpi-bad); }
.kpi-note { font-size: 0.8rem; color: rgba(49, 51, 63, 0.62); line-height: 1.35; margin-top: 2px; }
.kpi-target { font-size: 0.8rem; line-height: 1.35; margin-top: 3px; padding-top: 3px;
              border-top: 1px dashed rgba(49, 51, 63, 0.18); color: #1F4E79; }
.kpi details { font-size: 0.78rem; color: rgba(49, 51, 63, 0.62); margin-top: 4px; }
.kpi summary { cursor: pointer; }
</style>
"""


def refusal(problem: MuseumError, lang: str, **options) -> None:
    """Show a refusal; one of the database (busy, damaged, a failed commit) is also logged with its
    full detail, so that what a visitor was told can be found on the server."""
    if isinstance(problem, (DatabaseError, DatabaseBusy)):
        log.warning("database error shown to a visitor: %s", problem.detail("en"))
    st.error(plain(problem.message(lang)), **options)


def write_cookie(cookie: tuple[str, int] | None) -> None:
    """Write (or clear) the remembered sign-in's cookie in the browser (museum.access.sessions).

    Streamlit has no server-side cookie API: a one-line script sets it for this site only
    (SameSite=Strict, Secure over https). The token alone is worthless without its database row."""
    if cookie is None:
        return
    value, max_age = cookie
    text = f"{sessions.COOKIE}={value}; Path=/; Max-Age={int(max_age)}; SameSite=Strict"
    st.html(f"<script>document.cookie = {json.dumps(text)} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
            unsafe_allow_javascript=True)


# Streamlit writes some widget texts in English whatever the page's language: the uploader's button
# and size line, the "Press Enter to submit" hint. The hint goes (the form's button says what to do);
# the uploader's texts are replaced in the reader's language (CSS cannot translate, only replace).
WIDGET_TEXT_CSS = """
<style>
[data-testid="InputInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "%(choose)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "%(limit)s"; font-size: 0.8rem; }
</style>
"""


def inject_css(lang: str = "zh") -> None:
    st.html(CSS)
    megabytes = settings.max_upload_bytes() // (1024 * 1024)
    st.html(WIDGET_TEXT_CSS % {"choose": t("ui.upload_button", lang), "limit": t("ui.upload_limit", lang, mb=megabytes)})


# --- KPI cards --------------------------------------------------------------------------------


TONES = {1: "good", -1: "bad", 0: "flat"}
ARROWS = {"up": "▲ ", "down": "▼ ", "off": ""}


def card_html(kpi: Kpi, lang: str, *, progress: str | None = None, show_reason: bool = True) -> str:
    """One card: name, value (and the months it covers), 同比 and 环比 lines, short notes, target progress, source."""
    card = present.card(kpi, lang, show_reason=show_reason)
    lines = [
        f'<div class="kpi" data-metric="{escape(kpi.metric.metric_id)}">',
        f'<div class="kpi-label">{escape(card.label)}</div>',
        f'<div class="kpi-value">{escape(card.value)}</div>',
    ]
    if card.coverage:
        lines.append(f'<div class="kpi-note">{escape(card.coverage)}</div>')
    lines.append(f'<div class="kpi-change {TONES[card.direction]}">{ARROWS[card.arrow]}{escape(card.delta)}</div>')
    if card.previous:
        lines.append(f'<div class="kpi-previous {TONES[card.previous_direction]}">'
                     f'{ARROWS[card.previous_arrow]}{escape(card.previous)}</div>')
    lines += [f'<div class="kpi-note">{escape(note)}</div>' for note in card.notes]
    if progress:
        lines.append(f'<div class="kpi-target">{escape(progress)}</div>')
    lines.append(f'<details><summary>{escape(t("ui.source", lang))}</summary>{escape(card.help)}</details></div>')
    return "".join(lines)


def cards_html(kpis: list[Kpi], scope: Scope, progress: dict[str, str] | None = None) -> str:
    palette = scope.palette
    show_reason = scope.prior_notice is None  # else one notice at the top says why there is no 同比
    body = "".join(card_html(k, scope.lang, progress=(progress or {}).get(k.metric.metric_id), show_reason=show_reason)
                   for k in kpis)
    return f'<div class="kpi-grid" style="--kpi-good:{palette.up};--kpi-bad:{palette.down}">{body}</div>'


def sources_table(kpis: list[Kpi], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col.metric", lang): [k.metric.name(lang) for k in kpis],
        t("col.value", lang): [present.value_text(k, lang) for k in kpis],
        t("col.sentence", lang): [present.source_text(k, lang) for k in kpis],
        # the batch alone: the sentence is in the column before, and a long one would hide the batch
        t("ui.written_by", lang): ["; ".join(dict.fromkeys(present.batch_text(s, lang) for s in k.current.sources))
                                   for k in kpis],
    })


def kpi_cards(block: KpiCards, scope: Scope, *, sources: bool = True) -> None:
    if block.title:
        st.subheader(plain(block.title))
    shown, folded = block.kpis, []
    if block.fold_after is not None and len(block.kpis) > block.fold_after:
        shown, folded = block.kpis[: block.fold_after], block.kpis[block.fold_after:]
    st.html(cards_html(shown, scope, block.progress))
    if folded:
        with st.expander(scope.t("ui.more_figures", count=len(folded))):
            st.html(cards_html(folded, scope, block.progress))
    if sources:
        with st.expander(scope.t("ui.sources_of", count=len(block.kpis))):
            st.dataframe(sources_table(block.kpis, scope.lang), hide_index=True, placeholder="—")


# --- charts -----------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def renderer() -> export.Renderer:
    """The process's chart renderer; its kaleido server starts on the first export, not at page load."""
    return export.Renderer(persistent=True)


def download_menu(block: Chart, lang: str) -> None:
    """PNG/SVG/PDF of the chart and CSV/XLSX of its data; each file is made only when clicked."""
    with st.popover(t("export.download", lang), icon=":material/download:"):
        problem = renderer().problem()
        for fmt in export.CHART_FORMATS:
            if problem is not None and fmt in ("png", "svg", "pdf"):
                continue
            st.download_button(
                t(f"export.format.{fmt}", lang),
                data=access.audited_download(f"chart {block.name}.{fmt}",
                                             partial(export.chart_file, block.figure, block.data, fmt, lang, renderer())),
                file_name=f"{block.name}.{fmt}", mime=export.mime_type(fmt), key=f"download_{block.name}_{fmt}",
                on_click="ignore", width="stretch",
            )
        if problem is not None:
            st.caption(plain(problem.message(lang)))


def chart(block: Chart, scope: Scope) -> None:
    """A chart with its download menu and the data behind it (every chart of every page is drawn here)."""
    st.plotly_chart(block.figure, key=f"chart_{block.name}", config={"displaylogo": False, "displayModeBar": False})
    download_menu(block, scope.lang)
    with st.expander(scope.t("ui.chart_data")):
        st.dataframe(block.data, hide_index=True, placeholder="—")


# --- the rest ---------------------------------------------------------------------------------


TABLE_ROWS_IN_FULL = 40  # a table up to this long shows every row; a longer one scrolls inside its frame


def table(block: Table) -> None:
    st.markdown(f"**{plain(block.title)}**")
    # "auto" shows ten rows and hides the rest behind a scroll a reader may not notice (机构概况 has 13)
    height = "content" if len(block.frame) <= TABLE_ROWS_IN_FULL else "auto"
    st.dataframe(block.frame, hide_index=True, key=f"table_{block.name}", height=height, placeholder="—")


def sentences(block: Sentences, scope: Scope) -> None:
    if block.lead:
        for line in block.lines:
            st.markdown(plain(line))
        return
    with st.expander(scope.t("ui.summary_text")):
        st.code("\n".join(block.lines), language=None, wrap_lines=True)


def notice(block: Notice) -> None:
    {"warning": st.warning, "success": st.success}.get(block.level, st.info)(plain(block.text))


def long_text(block: LongText) -> None:
    with st.expander(plain(block.title), expanded=block.expanded):
        st.text(block.text)


def render_block(block, scope: Scope) -> None:
    if isinstance(block, Heading):
        st.subheader(plain(block.text))
    elif isinstance(block, KpiCards):
        kpi_cards(block, scope)
    elif isinstance(block, Chart):
        chart(block, scope)
    elif isinstance(block, Table):
        table(block)
    elif isinstance(block, Sentences):
        sentences(block, scope)
    elif isinstance(block, Notice):
        notice(block)
    elif isinstance(block, LongText):
        long_text(block)
    else:
        raise TypeError(f"no renderer for {type(block).__name__}")


def render(section: Section, scope: Scope, *, heading: bool = False) -> None:
    """Every block of a section, in order; with `section.tabs`, the blocks before the first Heading,
    then one Heading's blocks at a time, chosen in a list (a page of twenty charts is heavy on a
    phone and for the server; the pack prints them all)."""
    if heading:
        st.header(plain(section.title))
    blocks = section.blocks
    first = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), len(blocks))
    for block in blocks[:first]:
        render_block(block, scope)
    if not section.tabs or first == len(blocks):
        for block in blocks[first:]:
            render_block(block, scope)
        return
    groups: dict[str, list] = {}
    for block in blocks[first:]:
        if isinstance(block, Heading):
            current = groups.setdefault(block.text, [])
        else:
            current.append(block)
    chosen = st.selectbox(scope.t("ui.show_group"), list(groups), key=f"group_{section.key}")
    st.subheader(chosen)
    for block in groups[chosen]:
        render_block(block, scope)
