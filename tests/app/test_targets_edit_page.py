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


def test_with_review_on_the_budget_waits_in_review_named_in_wan_yuan(app_db):
    """全年执行数 scores 预算执行率: with review on, the 预算 form submits it for review, and 待审核 names it in 万元 (issue 23)."""
    from museum.intake import review
    from museum.targets import store
    from tests.app.conftest import unescaped

    _import(app_db)
    with db.session(app_db) as con:
        review.set_required(con, 1, True, actor="test", role="admin")
        before = store.year_budget(con, 1, 2024)["executed"]
    at = open_page(PAGE, "zh", session=signed_in("editor"))
    next(n for n in at.number_input if n.label == "全年执行数").set_value(987.65)
    next(b for b in at.button if b.label == "保存" and "targets_budget" in (b.form_id or "")).click()
    at.run()
    assert not at.exception
    assert any(unescaped(s.value).startswith("已提交待审核（批次 #") for s in at.success)
    with db.session(app_db) as con:
        assert store.year_budget(con, 1, 2024)["executed"] == before  # nothing official yet
    page = open_page("app_pages/review.py", "zh", session=signed_in("admin"))
    assert "全年执行数 2024年" in texts(page)
    [change] = page.dataframe[0].value.to_dict("records")
    assert (change["指标"], change["新值"]) == ("全年执行数", "987.65万元") and change["原值"].endswith("万元")
