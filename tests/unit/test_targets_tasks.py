"""Key tasks from 下一步打算 (seed and report import), their status, and timeline events."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from museum import seed
from museum.intake import ingest
from museum.report import importer as report_import
from museum.store import db, metrics, migrations
from museum.errors import InputRejected
from museum.report.parser import parse_bytes
from museum.report.parser.plans import key_tasks
from museum.targets import tasks, timeline

REPORT = seed.SEED_DIR / "annual-report-2024" / "report.txt"


def test_fresh_install_shows_the_reports_plan_as_next_years_key_tasks(con):
    current = tasks.current(con, 1)
    assert list(current["year"]) == [2025] * 6
    assert list(current["item_number"]) == ["1", "2", "3", "1", "2", "3"]
    assert list(current["group_title"])[::3] == ["（一）拓展边界,做大做强品牌活动", "（二）教研用相融合,提升科技馆综合“服务力”"]
    assert current["sentence"].iloc[0] == "统筹布局“科普西安”融媒体矩阵内容创作与宣传推广工作,做到“质”与“量”的同步提升。"
    assert current["sentence"].iloc[5].endswith("承办陕西省第二届密码技术竞赛(一类赛事)。打造标准化数字化的科普应用示范场景。")
    assert set(current["status"]) == {"not_started"} and set(current["source"]) == {"report"}


def test_seed_tasks_file_is_what_the_parser_reads_from_the_report():
    parsed = parse_bytes(REPORT.read_bytes(), "report.txt")
    with (REPORT.parent / "tasks.csv").open(encoding="utf-8", newline="") as handle:
        stored = [{**row, "year": int(row["year"]), "position": int(row["position"])} for row in csv.DictReader(handle)]
    assert stored == key_tasks(parsed)


@pytest.fixture
def unseeded(empty_db_path):
    """A migrated database with the catalog but without the embedded report."""
    with db.session(empty_db_path) as connection:
        migrations.migrate(connection)
        with db.transaction(connection):
            metrics.sync(connection)
        yield connection


def test_report_import_writes_key_tasks_in_its_batch_and_rollback_removes_them(unseeded):
    parsed = parse_bytes(REPORT.read_bytes(), "report.txt")
    result = report_import.commit(unseeded, parsed, actor="tester")
    assert result["status"] == "committed"
    current = tasks.current(unseeded, 1)
    assert len(current) == 6 and set(current["batch_id"]) == {result["batch_id"]}
    tasks.set_status(unseeded, 1, int(current["task_id"].iloc[0]), "in_progress", note="已启动", on=date(2025, 3, 1), actor="tester")
    # an edited re-import with the same plan leaves the tasks (and their status) alone
    again = report_import.commit(unseeded, parsed, actor="tester", edited=True)
    assert again["status"] == "committed"
    assert list(tasks.current(unseeded, 1)["status"])[:2] == ["in_progress", "not_started"]


def test_status_change_is_versioned_audited_and_rolled_back(con):
    first = int(tasks.current(con, 1)["task_id"].iloc[0])
    new_id = tasks.set_status(con, 1, first, "done", note="矩阵改版上线", on=date(2025, 6, 30), actor="editor1")
    row = tasks.current(con, 1).set_index("task_id").loc[new_id]
    assert (row["status"], row["status_note"], str(row["status_date"])[:10]) == ("done", "矩阵改版上线", "2025-06-30")
    assert con.execute("select action, user_name from audit order by audit_id desc limit 1").fetchall() == [("task_edit", "editor1")]
    batch = int(row["batch_id"])
    ingest.rollback(con, batch, actor="editor1")
    restored = tasks.current(con, 1)
    assert first in set(restored["task_id"]) and set(restored["status"]) == {"not_started"}


def test_task_edits_are_checked(con):
    first = int(tasks.current(con, 1)["task_id"].iloc[0])
    with pytest.raises(InputRejected) as error:
        tasks.set_status(con, 1, first, "finished", actor="t")
    assert error.value.message("zh") == "状态“finished”无效：请选择未开始、进行中或已完成。"
    with pytest.raises(InputRejected) as error:
        tasks.add_task(con, 1, 2025, "  ", actor="t")
    assert error.value.message("zh") == "任务内容为空：请填写任务。"
    added = tasks.add_task(con, 1, 2025, "筹办第二届密码技术竞赛", actor="t")
    assert tasks.current(con, 1).set_index("task_id").loc[added, "position"] == 7
    reworded = tasks.edit_sentence(con, 1, added, "承办第二届密码技术竞赛", actor="t")
    tasks.remove_task(con, 1, reworded, actor="t")
    assert len(tasks.current(con, 1)) == 6


def test_events_add_remove_and_rollback(con):
    first = timeline.add_event(con, 1, date(2024, 9, 14), date(2024, 9, 20), "全国科普日", "campaign", actor="t")
    timeline.add_event(con, 1, date(2024, 12, 28), date(2025, 1, 3), "元旦闭馆", "closure", actor="t")
    assert list(timeline.in_year(timeline.current(con, 1), 2025)["label"]) == ["元旦闭馆"]
    assert list(timeline.in_year(timeline.current(con, 1), 2024)["label"]) == ["全国科普日", "元旦闭馆"]
    removal = timeline.remove_event(con, 1, first, actor="t")
    assert list(timeline.current(con, 1)["label"]) == ["元旦闭馆"]
    ingest.rollback(con, removal, actor="t")
    assert list(timeline.current(con, 1)["label"]) == ["全国科普日", "元旦闭馆"]
    with pytest.raises(InputRejected) as error:
        timeline.add_event(con, 1, date(2024, 9, 20), date(2024, 9, 14), "x", "campaign", actor="t")
    assert error.value.message("zh") == "结束日期 2024-09-14 早于开始日期 2024-09-20：请改正。"
    with pytest.raises(InputRejected) as error:
        timeline.add_event(con, 1, date(2024, 9, 1), None, "x", "party", actor="t")
    assert error.value.message("en") == "The kind “party” is not valid: choose exhibition, closure, campaign or other."


def test_events_sheet_upload(con):
    good = "开始日期,结束日期,名称,类型,备注\r\n2024-09-14,2024-09-20,全国科普日,活动,\r\n2024/5/18,,科技活动周,活动,主场活动\r\n".encode("gbk")
    batch, problems = timeline.import_events(con, 1, good, "events.csv", actor="t")
    assert problems == [] and batch is not None
    current = timeline.current(con, 1)
    assert [(str(r["start_date"])[:10], str(r["end_date"])[:10], r["label"], r["kind"]) for r in current.to_dict("records")] == [
        ("2024-05-18", "2024-05-18", "科技活动周", "campaign"), ("2024-09-14", "2024-09-20", "全国科普日", "campaign")]
    bad = "开始日期,结束日期,名称,类型\r\n2024-13-01,,闭馆,闭馆\r\n2024-06-01,2024-05-01,展览,派对\r\n".encode("utf-8")
    batch, problems = timeline.import_events(con, 1, bad, "bad.csv", actor="t")
    assert batch is None and [p.as_json("zh") for p in problems] == [
        {"row": 2, "column": "开始日期", "value": "2024-13-01", "message": "不是日期：请写成 2024-09-14。"},
        {"row": 3, "column": "类型", "value": "派对", "message": "类型“派对”无效：请填写展览、闭馆、活动或其他。"},
        {"row": 3, "column": "结束日期", "value": "2024-05-01", "message": "结束日期早于开始日期：请改正。"},
    ]
    assert len(timeline.current(con, 1)) == 2
