"""The audit trail: record, filter, CSV and JSON (museum.store.audit)."""

from datetime import datetime, timedelta

import pytest

from museum.store import audit, db

T0 = datetime(2030, 1, 2, 9, 0, 0)


@pytest.fixture
def con(empty_db_path):
    with db.session(empty_db_path) as connection:
        db.migrate(connection)
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
        "时间 (UTC),用户,操作,详情,文件哈希 (SHA-256)\r\n"
        "2030-01-03 09:00:00,wang,导出,'=cmd|' /C calc'!A0,\r\n"
    )


def test_json_lines(con):
    fill(con)
    rows = [audit.entry_json(row) for _, row in audit.entries(con, user="li").iterrows()]
    assert rows == [
        {"time": "2030-01-02T10:00:00Z", "user": "li", "action": "upload_accepted",
         "detail": "visits.csv: 12 values", "file_sha256": "ab" * 32},
        {"time": "2030-01-02T09:00:00Z", "user": "li", "action": "sign_in_ok", "detail": "role=editor", "file_sha256": None},
    ]
