"""`enter`, `pending`, `approve`, `reject`, `settings review` (issue 23): exact JSON keys, texts, exit codes; SIGKILL during approve."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from museum import settings
from museum.cli import main
from museum.store import db

JSON_KEYS = ["status", "batch_id", "inserted", "updated", "unchanged", "skipped", "encoding", "layout", "warnings", "errors",
             "source_format", "platform", "period", "year_from"]


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


def add_account(path, name, role):
    from museum.access import auth

    with db.session(path) as con:
        auth.add_user(con, name, role, "password-1", actor="test")


def run(capsys, *argv):
    code = main([*argv])
    out, err = capsys.readouterr()
    return code, out, err


def april_visitors(path):
    with db.session(path, read_only=True) as con:
        return con.execute("select value from observation where metric_id = 'onsite_visitors' and year = 2025 and month = 4 "
                           "and retired_by_batch is null").fetchall()


def test_enter_json_has_the_keys_of_ingest_and_commits_without_review(db_path, capsys):
    code, out, err = run(capsys, "enter", "--period", "2025-04", "onsite_visitors=1,234", "outreach_events=超50", "--json")
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert list(payload) == JSON_KEYS
    assert payload == {"status": "committed", "batch_id": 2, "inserted": 2, "updated": 0, "unchanged": 0, "skipped": 0,
                       "encoding": None, "layout": "entry", "warnings": [], "errors": [], "source_format": "entry",
                       "platform": None, "period": {"from": "2025-04-01", "to": "2025-04-30"}, "year_from": "option"}
    assert april_visitors(db_path) == [(1234.0,)]


def test_enter_a_rejected_value_exits_1_naming_metric_value(db_path, capsys):
    code, out, err = run(capsys, "enter", "--period", "2025-04", "onsite_visitors=很多", "--lang", "en")
    assert (code, out) == (1, "")
    assert err == ("The entry of 2025-04 was not saved:\n  onsite_visitors=很多: Row 1 “接待观众人次”: not a number (unit 人次). "
                   "Type e.g. 1,234, 约3000, 超50, 2万余.\n")
    code, out, _ = run(capsys, "enter", "--period", "2025-04", "onsite_visitors=很多", "--json")
    assert code == 1 and json.loads(out)["status"] == "rejected" and json.loads(out)["errors"][0]["value"] == "很多"
    assert run(capsys, "enter", "--period", "2025-Q2", "posts=1")[0] == 1  # a month, not a quarter
    assert run(capsys, "enter", "--period", "2025-04", "posts")[0] == 2  # not METRIC=VALUE: a usage error
    assert april_visitors(db_path) == []


def test_with_review_on_enter_and_ingest_go_pending_and_an_admin_approves(db_path, capsys, tmp_path):
    add_account(db_path, "li", "editor")
    add_account(db_path, "boss", "admin")
    assert run(capsys, "settings", "review", "on", "--user", "li") [0] == 1  # admins only
    assert run(capsys, "settings", "review", "on", "--user", "boss", "--lang", "en") == (
        0, "Review is on for 西安市科学技术馆: from now on, changed figures count once approved.\n", "")
    code, out, _ = run(capsys, "enter", "--period", "2025-04", "onsite_visitors=12000", "--user", "li", "--json")
    assert code == 0 and list(json.loads(out)) == JSON_KEYS
    assert (json.loads(out)["status"], json.loads(out)["batch_id"]) == ("pending", 2)
    sheet = tmp_path / "april.csv"
    sheet.write_bytes("年份,月份,指标,数值\r\n2025,4,posts,321\r\n".encode("utf-8"))
    code, out, _ = run(capsys, "ingest", str(sheet), "--user", "li", "--json")
    assert code == 0 and (json.loads(out)["status"], json.loads(out)["batch_id"]) == ("pending", 3)
    may = tmp_path / "may.csv"
    may.write_bytes("年份,月份,指标,数值\r\n2025,5,posts,300\r\n".encode("utf-8"))
    code, out, _ = run(capsys, "ingest", str(may), "--user", "li")  # the text says pending too, never "not written"
    assert (code, out) == (0, "已提交待审核（批次 #4）。\n")
    assert run(capsys, "reject", "4", "--reason", "重复", "--user", "boss")[0] == 0
    assert run(capsys, "enter", "--period", "2025-05", "posts=1", "--user", "li") == (0, "已提交待审核（批次 #5）。\n", "")
    code, out, _ = run(capsys, "pending", "--json")
    listed = json.loads(out)
    assert [(p["batch_id"], p["kind"], p["submitted_by"]) for p in listed] == [(2, "entry", "li"), (3, "upload", "li"),
                                                                              (5, "entry", "li")]
    assert listed[0]["changes"] == [{"metric_id": "onsite_visitors", "year": 2025, "month": 4, "platform": None,
                                     "old_value": None, "old_qualifier": None, "new_value": 12000.0, "new_qualifier": "exact"}]
    assert april_visitors(db_path) == []  # pending values are nowhere official
    code, out, _ = run(capsys, "pending")  # each change old → new in the metric's unit
    assert code == 0 and "  接待观众人次 2025-04：— → 12,000人次\n" in out
    assert "  On-site visitors 2025-04: — → 12,000 visitors\n" in run(capsys, "pending", "--lang", "en")[1]
    code, out, _ = run(capsys, "kpis", "--period", "2025-04", "--json")
    assert code == 1 or "onsite_visitors" not in [k["metric"] for k in json.loads(out)]
    assert run(capsys, "approve", "2", "--user", "li", "--lang", "en")[0] == 1  # an editor may not approve
    assert run(capsys, "approve", "2", "--user", "boss") == (0, "批次 #2 已审核通过：新增 1，修改 0。\n", "")
    assert april_visitors(db_path) == [(12000.0,)]
    assert run(capsys, "reject", "3", "--reason", "月份有误", "--user", "boss") == (0, "批次 #3 已退回：月份有误\n", "")
    assert run(capsys, "reject", "3", "--reason", "again", "--user", "boss")[0] == 1
    assert [p["batch_id"] for p in json.loads(run(capsys, "pending", "--json")[1])] == [5]
    assert run(capsys, "settings", "review", "off", "--user", "boss")[0] == 0
    assert json.loads(run(capsys, "enter", "--period", "2025-06", "posts=1", "--json")[1])["status"] == "committed"


def test_a_conflict_is_printed_and_refused_unless_applied_over(db_path, capsys):
    add_account(db_path, "boss", "admin")
    assert run(capsys, "settings", "review", "on")[0] == 0
    assert run(capsys, "enter", "--period", "2025-04", "onsite_visitors=12000", "--user", "boss")[0] == 0
    assert run(capsys, "enter", "--period", "2025-04", "onsite_visitors=13000")[0] == 0
    assert run(capsys, "approve", "3", "--user", "boss")[0] == 0
    code, out, err = run(capsys, "approve", "2", "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith("  On-site visitors 2025-04: at submission —, current 13,000 visitors, proposed 12,000 visitors\n"
                          "Since batch #2 was submitted, 1 values were changed")
    assert run(capsys, "approve", "2", "--over-conflicts")[0] == 0
    assert april_visitors(db_path) == [(12000.0,)]


# --- SIGKILL during approve: the batch stays pending or is decided, never half-applied -----------------

APPROVE_POINTS = ["query.batch_review_get", "query.observation_unknown_references", "query.observation_insert_all",
                  "query.batch_finish", "query.batch_review_decide", "query.audit_insert", "commit:batch_review_decide",
                  "committed:batch_review_decide"]


def state(path):
    with db.session(path, read_only=True) as con:
        return {"status": con.execute("select status from batch_review where batch_id = 2").fetchall(),
                "rows": con.execute("select count(*) from observation where batch_id = 2").fetchall(),
                "finished": con.execute("select inserted from batch where batch_id = 2").fetchall(),
                "approved": con.execute("select count(*) from audit where action = 'review_approved'").fetchall()}


@pytest.mark.slow
@pytest.mark.parametrize("point", APPROVE_POINTS)
def test_sigkill_during_approve_leaves_the_batch_pending_or_decided(db_path, capsys, point):
    add_account(db_path, "boss", "admin")
    assert run(capsys, "settings", "review", "on")[0] == 0
    assert run(capsys, "enter", "--period", "2025-04", "onsite_visitors=12000", "outreach_events=超50")[0] == 0
    pending = state(db_path)
    result = subprocess.run([sys.executable, "-m", "museum", "approve", "2", "--user", "boss", "--db", str(db_path)],
                            cwd=settings.ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(settings.ROOT), "MUSEUM_FAULT_KILL_AT": point})
    assert result.returncode == -signal.SIGKILL
    after = state(db_path)
    if point.startswith("committed:"):
        assert after == {"status": [("approved",)], "rows": [(2,)], "finished": [(2,)], "approved": [(1,)]}
    else:
        assert after == pending == {"status": [("pending",)], "rows": [(0,)], "finished": [(0,)], "approved": [(0,)]}
    assert run(capsys, "approve", "2", "--user", "boss")[0] == (1 if point.startswith("committed:") else 0)
    assert state(db_path)["rows"] == [(2,)]


SUBMIT_POINTS = ["query.batch_insert", "query.batch_review_insert", "query.audit_insert", "commit:batch_review_insert",
                 "committed:batch_review_insert"]


@pytest.mark.slow
@pytest.mark.parametrize("point", SUBMIT_POINTS)
def test_sigkill_during_a_pending_submission_leaves_a_pending_batch_or_none(db_path, capsys, point):
    assert run(capsys, "settings", "review", "on")[0] == 0
    result = subprocess.run([sys.executable, "-m", "museum", "enter", "--period", "2025-04", "onsite_visitors=12000",
                             "--db", str(db_path)], cwd=settings.ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(settings.ROOT), "MUSEUM_FAULT_KILL_AT": point})
    assert result.returncode == -signal.SIGKILL
    with db.session(db_path, read_only=True) as con:
        found = (con.execute("select count(*) from batch where kind = 'entry'").fetchall(),
                 con.execute("select status from batch_review").fetchall(),
                 con.execute("select count(*) from audit where action = 'review_submitted'").fetchall(),
                 con.execute("select count(*) from observation where year = 2025 and month = 4").fetchall())
    submitted = point.startswith("committed:")
    assert found == ([(1 if submitted else 0,)], [("pending",)] if submitted else [], [(1 if submitted else 0,)], [(0,)])


def test_four_eyes_holds_however_the_submitters_name_is_spelled(db_path, capsys):
    add_account(db_path, "boss", "admin")
    assert run(capsys, "settings", "review", "on", "--user", "boss")[0] == 0
    code, out, _ = run(capsys, "enter", "--period", "2025-04", "posts=480", "--user", "ｂｏｓｓ", "--json")
    assert code == 0 and json.loads(out)["status"] == "pending"
    batch = str(json.loads(out)["batch_id"])
    assert json.loads(run(capsys, "pending", "--json")[1])[0]["submitted_by"] == "boss"  # the account's own name
    listed = run(capsys, "pending")[1]
    assert "posts" not in listed and "2025" in listed  # the month typed, in words: never a metric id or a note
    for spelled in ("boss", "boss ", " ｂｏｓｓ"):
        code, _, err = run(capsys, "approve", batch, "--user", spelled)
        assert code == 1 and "另一个账号" in err, (spelled, err)


def test_pending_warnings_read_as_sentences(db_path, capsys, tmp_path):
    """A pending batch's warnings are stored as written (names and lists in each language), never as Python objects."""
    add_account(db_path, "li", "editor")
    add_account(db_path, "boss", "admin")
    assert run(capsys, "settings", "review", "on", "--user", "boss")[0] == 0
    sheet = tmp_path / "sums.csv"
    sheet.write_bytes("年份,月份,指标,数值\r\n2023,,livestreams,10\r\n2023,1,livestreams,5\r\n2023,2,livestreams,5\r\n"
                      "2023,3,livestreams,5\r\n".encode("utf-8"))
    assert run(capsys, "ingest", str(sheet), "--user", "li")[0] == 0
    zh, en = run(capsys, "pending")[1], run(capsys, "pending", "--lang", "en")[1]
    assert "直播活动 2023: Σ3=15 ≠ 10" in zh and "Livestreams 2023: Σ3=15 ≠ 10" in en
    assert "Listing(" not in zh + en and "Phrase(" not in zh + en


def test_batches_say_which_are_pending_or_returned(db_path, capsys):
    add_account(db_path, "li", "editor")
    add_account(db_path, "boss", "admin")
    assert run(capsys, "settings", "review", "on", "--user", "boss")[0] == 0
    for month in ("04", "05"):
        assert run(capsys, "enter", "--period", f"2025-{month}", "posts=480", "--user", "li")[0] == 0
    assert run(capsys, "reject", "3", "--reason", "重复", "--user", "boss")[0] == 0
    listed = {b["batch_id"]: b["review_status"] for b in json.loads(run(capsys, "batches", "--json")[1])}
    assert (listed[2], listed[3], listed[1]) == ("pending", "rejected", None)
    text = run(capsys, "batches")[1]
    assert "待审核（未写入）" in text and "已退回（未写入）" in text
