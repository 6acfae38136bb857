"""目标管理 in AppTest: the year follows the sidebar, the entry table is there (the tabs keeping their place is e2e) (issue 18 item 14)."""

from __future__ import annotations

from pathlib import Path

from museum.store import db
from museum.targets import importer
from tests.app.conftest import open_page, signed_in, texts

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"
PAGE = "app_pages/targets_edit.py"


def _import(db_path, year=2024):
    with db.session(db_path) as con:
        importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", year, actor="t")


def test_the_year_box_follows_the_sidebar(app_db):
    _import(app_db)
    at = open_page(PAGE, "zh", session=signed_in("editor"))
    box = next(s for s in at.selectbox if s.label == "目标年度")
    assert box.value == 2024   # the sidebar's year (the seeded report), not the calendar's
    shown = texts(at)
    assert "完成值与偏差原因" in shown and "关联了数据的指标实际值取自数据" in shown
    assert next(b for b in at.button if b.label == "保存全部修改")
