"""One definition of every section: the charts and tables of a year's pack are exactly those its
pages show (each page, each choice of the trends page), and a busy database on any page shows
the translated message, never a traceback."""

import re
import subprocess
import sys

import pytest

from museum import demo, sections
from museum.intake import ingest
from museum.store import db
from museum.export.content import build_report
from museum.targets import importer, timeline
from tests.app.cards import unexpected_errors
from tests.app.conftest import open_page, signed_in, unescaped

VIEW_PAGES = ["overview", "targets", "trends", "assets", "awards_research", "people", "profile"]


@pytest.fixture
def rich_db(app_db):
    """Demo history (monthly charts, several years), a year's targets, an event on the timeline and
    a platform export (the 线上传播 breakdown by platform)."""
    from datetime import date
    from pathlib import Path

    sheet = Path(__file__).resolve().parents[1] / "data" / "targets" / "good_merged.xlsx"
    with db.session(app_db) as con:
        demo.load(con, 1, actor="test")
        assert importer.import_file(con, 1, sheet.read_bytes(), sheet.name, 2024, actor="test").status == "committed"
        timeline.add_event(con, 1, date(2024, 9, 14), date(2024, 9, 20), "全国科普日", "campaign", actor="test")
        export = Path(__file__).resolve().parents[1] / "data" / "sources" / "channels_videos_20210430.csv"
        result = ingest.ingest(con, 1, export.read_bytes().replace(b"2021/", b"2024/"), "channels.csv", actor="test")
        assert result.status == "committed" and result.platform == "channels", result.errors
    return app_db


def chart_names(at) -> set[str]:
    """The stable names of the charts of a run (their widget keys are chart_<name>)."""
    return {element.proto.id.split("-chart_", 1)[1] for element in at.get("plotly_chart")}


def table_titles(at) -> set[str]:
    """The titles of the section tables of a run (each is drawn as a bold line above its table)."""
    return {re.sub(r"\\(.)", r"\1", m.value[2:-2]) for m in at.markdown if m.value.startswith("**") and m.value.endswith("**")}


def on_pages(lang: str) -> tuple[set[str], set[str]]:
    charts, tables = set(), set()

    def seen(at) -> None:
        charts.update(chart_names(at))
        tables.update(table_titles(at))

    for page in VIEW_PAGES:
        if page != "trends":
            seen(open_page(f"app_pages/{page}.py", lang, session=signed_in("viewer")))
    for category in sections.METRIC_CATEGORIES:  # each category, each of its groups (one is shown at a time)
        at = open_page("app_pages/trends.py", lang, session={**signed_in("viewer"), "trend_category": category})
        seen(at)
        chooser = next((s for s in at.selectbox if s.key == f"group_{category}"), None)
        for group in (chooser.options[1:] if chooser else []):
            next(s for s in at.selectbox if s.key == f"group_{category}").select(group).run()
            seen(at)
    return charts, tables


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pack_shows_exactly_the_charts_and_tables_of_the_pages(rich_db, lang):
    with db.session(rich_db) as con:
        report = build_report(con, 2024, lang)
    pack_charts = {chart.name for chart in report.charts}
    pack_tables = {table.title for section in report.sections for table in section.tables}
    charts, tables = on_pages(lang)
    assert len(pack_charts) > 25 and "targets_bullets_2024" in pack_charts and "posts_monthly_2024" in pack_charts
    assert any(name.startswith("platforms_") for name in pack_charts), pack_charts
    assert charts == pack_charts
    assert tables == pack_tables


# what a visitor reads: neither the database's path nor the holder's process id (those go to the log)
BUSY = {"zh": "数据正在更新，请几秒钟后再试。", "en": "The data is being updated. Please try again in a few seconds."}
# as the CLI holds it: through museum.store.db, which asks this server's idle read path to let go
HOLDER = "import sys, time; from museum.store import db; con = db.connect(sys.argv[1]); print('holding', flush=True); time.sleep(60)"
ALL_PAGES = [*VIEW_PAGES, "compare", "export", "report", "report_import", "upload", "targets_edit", "history", "admin", "sign_in"]


def hold(path):
    """Another process holding the database, as the CLI does while it imports a large file."""
    from museum import settings

    import os

    env = {**os.environ, "MUSEUM_DB_WAIT_SECONDS": "20"}  # the holder waits for this server's reader to let go
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True,
                              cwd=settings.ROOT, env=env)
    assert holder.stdout.readline().strip() == "holding"
    return holder


@pytest.mark.duckdb_only  # a process holding the DuckDB file; PostgreSQL readers never wait for a writer
@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_busy_database_is_a_message_on_every_page(app_db, monkeypatch, page, lang):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import DASHBOARD
    from ui import data

    session = signed_in("admin")
    monkeypatch.setenv("MUSEUM_DB_WAIT_SECONDS", "0.2")
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.session_state["lang"] = lang
    for key, value in session.items():
        at.session_state[key] = value
    at.run()  # the database is free: the menu is built, the first page cached
    holder = hold(app_db)
    try:
        data.clear()  # every read of the page now has to open the database
        at.switch_page(f"app_pages/{page}.py").run()
    finally:
        holder.kill()
        holder.wait()
    assert not at.exception, [e.value for e in at.exception]
    assert unexpected_errors(at, lang) == []
    messages = [unescaped(e.value) for e in at.error]
    assert BUSY[lang] in messages, messages
    assert not any(str(app_db) in m or "PID" in m for m in messages)
