"""数据填报 and 待审核 (issue 23) in both languages: the grid's checks, drafts, submit, pending, approve and return (AppTest)."""

from __future__ import annotations

import pytest

from museum.intake import entry, review
from museum.store import db
from tests.app.conftest import open_page, signed_in, texts, unescaped

ENTRY, REVIEW, ADMIN = "app_pages/entry.py", "app_pages/review.py", "app_pages/admin.py"
GRID = "entry_1_2025_4"


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def april(lang: str, role: str = "editor", name: str | None = None):
    """The entry page on 2025 with April picked (the sidebar's year, the page's month box)."""
    session = {**signed_in(role, name), "year_1": 2025, "entry_month_2025": 4}
    return open_page(ENTRY, lang, session=session)


def with_data(app_db, *, review_on: bool = False, draft: dict | None = None, confirmed=(), user="test-editor"):
    with db.session(app_db) as con:
        entry.submit(con, 1, 2024, 4, {"onsite_visitors": "9,000", "outreach_events": "30"}, actor="seed-test")
        entry.submit(con, 1, 2025, 3, {"onsite_visitors": "8,500"}, actor="seed-test")
        if review_on:
            review.set_required(con, 1, True, actor="test", role="admin")
        if draft is not None:
            entry.save_draft(con, 1, 2025, 4, user, draft, confirmed)


def april_value(app_db, metric_id):
    with db.session(app_db) as con:
        found = con.execute("select value from observation where metric_id = ? and year = 2025 and month = 4 "
                            "and retired_by_batch is null", [metric_id]).fetchall()
    return found[0][0] if found else None


@pytest.mark.parametrize("lang, heads", [("zh", ["指标", "单位", "上月", "上年同月", "当前值", "填报值", "确认"]),
                                         ("en", ["Metric", "Unit", "Last month", "Same month last year", "Current value",
                                                 "Value typed", "Confirm"])])
def test_the_grid_shows_the_month_beside_last_month_and_last_year(app_db, lang, heads):
    with_data(app_db)
    signed_in("editor")
    at = april(lang)
    [frame] = [e.value for e in at.dataframe if heads[0] in e.value.columns]
    assert [frame.columns[i] for i in range(5)] == heads[:5]
    row = frame[frame[heads[0]] == ("接待观众人次" if lang == "zh" else "On-site visitors")].iloc[0]
    assert (row[heads[2]], row[heads[3]]) == (("8500人次", "9000人次") if lang == "zh" else ("8,500 visitors", "9,000 visitors"))
    assert ("2025年4月" if lang == "zh" else "Apr 2025") in texts(at)
    assert at.button(key=f"{GRID}_submit").disabled  # nothing typed yet


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unknown_text_is_an_error_naming_the_row_and_blocks_the_submit(app_db, lang):
    signed_in("editor")
    with_data(app_db, draft={"onsite_visitors": "很多"})
    at = april(lang)
    expected = ("第 1 行“接待观众人次”：无法识别为数值" if lang == "zh" else "Row 1 “接待观众人次”: not a number")
    assert any(unescaped(e.value).startswith(expected) for e in at.error)
    assert at.button(key=f"{GRID}_submit").disabled


def test_a_jump_is_confirmed_cell_by_cell_then_submitted_as_one_batch(app_db):
    signed_in("editor")
    with_data(app_db, draft={"onsite_visitors": "30,000", "outreach_events": "超50"})
    at = april("zh")
    assert any("是上年同月（9,000）的 3.33 倍" in unescaped(e.value) for e in at.warning)
    assert at.button(key=f"{GRID}_submit").disabled
    with_data_confirmed = {"onsite_visitors": "30,000", "outreach_events": "超50"}
    with db.session(app_db) as con:
        entry.save_draft(con, 1, 2025, 4, "test-editor", with_data_confirmed, {"onsite_visitors"})
    at = april("zh")
    assert "校验通过：2 个数值可提交。" in texts(at)
    at.button(key=f"{GRID}_submit").click()
    run(at)
    assert any("已保存为批次" in unescaped(e.value) for e in at.success)
    assert april_value(app_db, "onsite_visitors") == 30000.0
    with db.session(app_db) as con:
        assert entry.load_draft(con, 1, 2025, 4, "test-editor") is None  # submitted: the draft is gone


def test_with_review_on_the_entry_is_pending_until_an_admin_approves_it_en(app_db):
    signed_in("editor")
    with_data(app_db, review_on=True, draft={"onsite_visitors": "12,000"})
    at = april("en")
    at.button(key=f"{GRID}_submit").click()
    run(at)
    assert any(unescaped(e.value).startswith("Submitted for review (batch #") for e in at.success)
    assert april_value(app_db, "onsite_visitors") is None
    editor_view = open_page(REVIEW, "en", session=signed_in("editor"))
    assert "Your batches pending review (read-only; an admin reviews them):" in texts(editor_view)
    assert [b for b in editor_view.button if b.key and b.key.endswith("_approve")] == []
    admin_view = open_page(REVIEW, "en", session=signed_in("admin"))
    [approve] = [b for b in admin_view.button if b.key and b.key.endswith("_approve")]
    assert "Submitted by test-editor" in texts(admin_view)
    approve.click()
    run(admin_view)
    assert any(unescaped(e.value).startswith("Batch #") and "approved" in unescaped(e.value) for e in admin_view.success)
    assert april_value(app_db, "onsite_visitors") == 12000.0


def test_the_review_page_returns_a_batch_with_its_reason_zh(app_db):
    signed_in("editor")
    with_data(app_db, review_on=True)
    with db.session(app_db) as con:
        batch_id = entry.submit(con, 1, 2025, 4, {"posts": "12"}, actor="test-editor").batch_id
    at = open_page(REVIEW, "zh", session=signed_in("admin"))
    assert "“批次 #" in texts(at) or f"批次 #{batch_id}" in texts(at)
    at.text_input(key=f"review_{batch_id}_reason").input("请按月报口径填写")
    at.button(key=f"review_{batch_id}_return").click()
    run(at)
    assert f"批次 #{batch_id} 已退回：请按月报口径填写" in texts(at)
    assert "没有待审核的批次。" in texts(at)
    with db.session(app_db) as con:
        assert review.get(con, batch_id).reason == "请按月报口径填写"


def test_the_submitter_sees_no_buttons_even_as_an_admin(app_db):
    signed_in("admin")
    with_data(app_db, review_on=True)
    with db.session(app_db) as con:
        entry.submit(con, 1, 2025, 4, {"posts": "12"}, actor="test-admin")
    at = open_page(REVIEW, "zh", session=signed_in("admin"))
    assert [b for b in at.button if b.key and b.key.startswith("review_")] == []


@pytest.mark.parametrize("lang, label", [("zh", "数据变更须经审核"), ("en", "Changed figures need review")])
def test_the_admin_page_switches_review_for_the_institution(app_db, lang, label):
    at = open_page(ADMIN, lang, session=signed_in("admin"))
    [switch] = [w for w in at.toggle if w.label.startswith(label)]
    assert switch.value is False
    switch.set_value(True)
    run(at)
    with db.session(app_db) as con:
        assert review.required(con, 1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_says_a_pending_batch_wrote_nothing_and_offers_no_rollback(app_db, lang):
    signed_in("editor")
    with_data(app_db, review_on=True)
    with db.session(app_db) as con:
        batch_id = entry.submit(con, 1, 2025, 4, {"posts": "12"}, actor="test-editor").batch_id
    at = open_page("app_pages/history.py", lang, session=signed_in("editor"))
    expected = "待审核：由 test-editor 提交，尚未写入任何数据" if lang == "zh" else "Pending review: submitted by test-editor"
    assert any(unescaped(e.value).startswith(expected) for e in at.info)
    assert [b for b in at.button if b.key == f"history_rollback_{batch_id}"] == []


def test_an_editor_sees_the_reason_of_a_returned_batch(app_db):
    signed_in("editor")
    with_data(app_db, review_on=True)
    with db.session(app_db) as con:
        batch_id = entry.submit(con, 1, 2025, 4, {"posts": "12"}, actor="test-editor").batch_id
        review.reject(con, batch_id, actor="test-admin", role="admin", reason="请按月报口径填写")
    at = open_page(REVIEW, "zh", session=signed_in("editor"))
    assert f"批次 #{batch_id} · 2025年4月 · test-admin 退回：请按月报口径填写" in texts(at)
