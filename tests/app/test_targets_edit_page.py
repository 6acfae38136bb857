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


def test_the_targets_page_scores_what_is_assessed_and_offers_the_word_report(app_db):
    """目标 (issue 18 items 1 and 26): no grade on a part-assessed year, the 自评表 and the Word 自评报告."""
    _import(app_db)
    at = open_page("app_pages/targets.py", "zh", session=signed_in("editor"))
    shown = texts(at)
    assert "2024年绩效自评：已评 65 分，得 62.91 分（得分率 96.8%）；待评 35 分，未评部分不计为零" in shown
    assert "等级：差" not in shown and "（暂定）" not in shown
    labels = [b.proto.label for b in at.get("download_button")]
    assert "下载绩效自评表（Excel，A4 横向）" in labels and "下载绩效自评报告（Word）" in labels
