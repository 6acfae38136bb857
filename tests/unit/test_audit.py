"""The audit trail: record, filter, CSV and JSON (museum.store.audit)."""

from datetime import datetime, timedelta

import pytest

from museum.store import audit, db, migrations

T0 = datetime(2030, 1, 2, 9, 0, 0)


@pytest.fixture
def con(empty_db_path):
    with db.session(empty_db_path) as connection:
        migrations.migrate(connection)
        yield connection


def fill(con):
    audit.record(con, "sign_in_ok", "li", "role=editor", now=T0)
    audit.record(con, "upload_accepted", "li", "visits.csv: 12 values", "ab" * 32, now=T0 + timedelta(hours=1))
    audit.record(con, "export", "wang", "=cmd|' /C calc'!A0", now=T0 + timedelta(days=1))
    audit.record(con, "sign_in_failed", "ghost", "unknown user", now=T0 + timedelta(days=2))


def test_record_and_list_newest_first(con):
    fill(con)
    lines = audit.entries(con)
    assert list(lines["action"]) == ["sign_in_failed", "export", "upload_accepted", "sign_in_ok"]
    assert lines.iloc[2]["file_sha256"] == "ab" * 32
    assert lines.iloc[2]["occurred_at"] == T0 + timedelta(hours=1)


def test_filters(con):
    fill(con)
    assert list(audit.entries(con, user="li")["action"]) == ["upload_accepted", "sign_in_ok"]
    assert list(audit.entries(con, action="export")["user_name"]) == ["wang"]
    assert list(audit.entries(con, since=T0 + timedelta(hours=1), until=T0 + timedelta(days=2))["action"]) == [
        "export", "upload_accepted",
    ]
    assert list(audit.entries(con, text="VISITS")["action"]) == ["upload_accepted"]
    assert list(audit.entries(con, limit=1)["action"]) == ["sign_in_failed"]
    assert audit.users(con) == ["ghost", "li", "wang"]


def test_unknown_action_fails_loudly(con):
    with pytest.raises(ValueError, match="unknown audit action 'launch'"):
        audit.record(con, "launch", "li")


def test_long_detail_is_cut(con):
    audit.record(con, "export", "li", "x" * 5000)
    assert len(audit.entries(con).iloc[0]["detail"]) == audit.MAX_DETAIL_CHARS


def test_csv_is_translated_neutralised_and_has_a_bom(con):
    fill(con)
    content = audit.csv_bytes(audit.entries(con, action="export"), "zh")
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig") == (
        "时间,用户,操作,详情,文件哈希 (SHA-256)\r\n"
        "北京时间 2030-01-03 17:00:00,wang,导出,'=cmd|' /C calc'!A0,\r\n"
    )


def test_json_lines(con):
    fill(con)
    rows = [audit.entry_json(row) for _, row in audit.entries(con, user="li").iterrows()]
    assert rows == [
        {"time": "2030-01-02T10:00:00Z", "user": "li", "action": "upload_accepted",
         "detail": "visits.csv: 12 values", "file_sha256": "ab" * 32},
        {"time": "2030-01-02T09:00:00Z", "user": "li", "action": "sign_in_ok", "detail": "role=editor", "file_sha256": None},
    ]


def test_the_admin_page_reads_details_and_times_in_chinese():
    import pandas as pd
    from datetime import datetime
    frame = pd.DataFrame([
        {"occurred_at": datetime(2030, 1, 2, 9, 0), "user_name": "boss", "action": "rollback",
         "detail": "batch #24 rolled back by batch #29", "file_sha256": None},
        {"occurred_at": datetime(2030, 1, 2, 9, 1), "user_name": "boss", "action": "sign_in_ok",
         "detail": "role=admin from 127.0.0.1", "file_sha256": None},
        {"occurred_at": datetime(2030, 1, 2, 9, 2), "user_name": "boss", "action": "account_change",
         "detail": "add 新同事 role=editor", "file_sha256": None},
        {"occurred_at": datetime(2030, 1, 2, 9, 3), "user_name": "ed", "action": "target_edit",
         "detail": "2025 获奖总数: deviation → batch #31", "file_sha256": None},
    ])
    shown = audit.display_frame(frame, "zh")
    assert shown.iloc[:, 3].tolist() == ["批次 #24 已由批次 #29 撤销", "角色：管理员（来自 127.0.0.1）",
                                         "添加账号 新同事（编辑者）", "2025 获奖总数：偏差原因 → 批次 #31"]
    assert shown.iloc[0, 0] == "北京时间 2030-01-02 17:00:00"
    assert audit.display_frame(frame, "en").iloc[0, 3] == "batch #24 rolled back by batch #29"
