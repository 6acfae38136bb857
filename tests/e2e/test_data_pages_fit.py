"""目标, 趋势, 数据上传 and 目标管理 at a laptop and a phone width, in both languages, for an editor over
monthly history and a year's targets: nothing reaches past the window's right edge, and a
screenshot of each goes to tests/e2e/screenshots/fit-<page>-<lang>-<width>.png (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from museum import demo
from museum.i18n import t
from museum.store import db
from museum.targets import importer
from tests.e2e.conftest import LAPTOP, PHONE, Server, add_accounts, assert_no_exception, screenshot, sign_in, wait_for_app

pytestmark = pytest.mark.e2e
TARGETS = Path(__file__).resolve().parents[1] / "data" / "targets" / "good_merged.xlsx"
# url path, the page's title key (its header names it in the reader's language)
PAGES = [("targets", "page.targets"), ("trends", "page.trends"), ("upload", "intake.page.upload"),
         ("targets_edit", "page.targets_edit")]
# Visible text boxes (not the inside of a table's canvas, a chart or a scrolling code block) whose
# right edge is past the window: a phone would cut them off or scroll the whole page sideways.
PAST_THE_EDGE = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => !e.closest('[data-testid="stDataFrame"], .js-plotly-plot, pre, [data-testid="stTabs"] [role="tablist"]'))
    .filter(e => e.children.length === 0 && e.innerText && e.innerText.trim() && e.getClientRects().length)
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName + ': ' + e.innerText.slice(0, 40))"""


@pytest.fixture
def data_server(e2e_db, tmp_path):
    with db.session(e2e_db) as con:
        demo.load(con, 1, actor="e2e")
        assert importer.import_file(con, 1, TARGETS.read_bytes(), "t.xlsx", 2024, actor="e2e").status == "committed"
    add_accounts(e2e_db, {"ed": "editor"})
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


def open_tab(tab, name: str, text: str) -> None:
    """Open a tab of the page (a click made while the page is still drawing may not take)."""
    for _ in range(4):
        tab.get_by_role("tab", name=name).click()
        tab.wait_for_timeout(1000)
        if tab.get_by_role("tab", name=name).get_attribute("aria-selected") == "true":
            break
    wait_for_app(tab, text)
    tab.wait_for_timeout(1500)


@pytest.mark.parametrize("width_name,viewport", [("laptop", LAPTOP), ("phone", PHONE)])
def test_data_pages_fit_the_window(data_server, browser, width_name, viewport):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    tab = context.new_page()
    try:
        sign_in(tab, data_server, "ed")
        for lang in ("zh", "en"):
            for url, title in PAGES:
                tab.goto(f"{data_server.url}/{url}?lang={lang}&period=2024")
                wait_for_app(tab, t(title, lang))
                tab.wait_for_timeout(1500)  # charts and tables finish drawing after the header
                assert_no_exception(tab)
                assert tab.evaluate(PAST_THE_EDGE) == [], (url, lang, width_name)
                screenshot(tab, f"fit-{url}-{lang}-{width_name}")
            open_tab(tab, t("targets.ui.tab.indicators", lang), t("targets.entries.title", lang))
            assert tab.evaluate(PAST_THE_EDGE) == [], ("targets_edit entries", lang, width_name)
            screenshot(tab, f"fit-targets_edit-entries-{lang}-{width_name}")
    finally:
        context.close()
