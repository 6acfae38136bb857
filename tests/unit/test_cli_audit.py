"""Every change made from the command line leaves exactly one audit line, written in the change's
own transaction: who (the account named with --user, else cli:<OS user>), what, and for files the
SHA-256 of the bytes. A refused file leaves one line too; a dry run leaves none."""

import getpass
import hashlib
from pathlib import Path

import pytest

from museum.access import auth
from museum.store import audit, db
from museum.cli import main

ROOT = Path(__file__).resolve().parents[1]
INTAKE = ROOT / "data" / "intake"
REPORTS = ROOT / "data" / "report"
OS_USER = f"cli:{getpass.getuser()}"


@pytest.fixture
def accounts(db_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    with db.session(db_path) as con:
        auth.add_user(con, "zhangsan", "editor", "password-1", actor="test")
    return db_path


def lines(path) -> list[dict]:
    """The audit lines after the account set-up, oldest first."""
    with db.session(path) as con:
        frame = audit.entries(con)
    records = [audit.entry_json(row) for _, row in frame.iterrows()][::-1]
    return [r for r in records if r["user"] != "test"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ingest_then_rollback_each_leave_one_line(accounts, capsys):
    file = INTAKE / "good_long_gbk.csv"
    assert main(["ingest", str(file), "--db", str(accounts), "--user", "zhangsan"]) == 0
    assert [(r["user"], r["action"], r["file_sha256"]) for r in lines(accounts)] == [("zhangsan", "upload_accepted", sha(file))]
    assert lines(accounts)[0]["detail"] == "good_long_gbk.csv → batch #2 (5 new, 0 changed)"
    assert main(["rollback", "2", "--db", str(accounts)]) == 0
    assert [(r["user"], r["action"], r["detail"], r["file_sha256"]) for r in lines(accounts)][1:] == [
        (OS_USER, "rollback", "batch #2 rolled back by batch #3", sha(file))]


def test_a_refused_file_is_audited_and_a_dry_run_is_not(accounts, capsys):
    bad = INTAKE / "bad_not_a_number.csv"
    assert main(["ingest", str(bad), "--db", str(accounts), "--dry-run"]) == 1
    assert main(["ingest", str(INTAKE / "good_long_gbk.csv"), "--db", str(accounts), "--dry-run"]) == 0
    assert lines(accounts) == []
    assert main(["ingest", str(bad), "--db", str(accounts)]) == 1
    assert [(r["user"], r["action"], r["file_sha256"]) for r in lines(accounts)] == [(OS_USER, "upload_rejected", sha(bad))]


def test_import_report_leaves_one_line_with_the_reports_hash(accounts, capsys):
    report = REPORTS / "cell_per_line.txt"
    # the report is of another unit than the database's: named as new (issue 24), never created silently
    assert main(["import-report", str(report), "--db", str(accounts), "--user", "zhangsan", "--new-institution"]) == 0
    found = lines(accounts)
    # the importing editor may see the unit it created: granted its role there, audited in the same transaction
    assert sorted((r["user"], r["action"], r["file_sha256"] or "") for r in found) == [
        ("zhangsan", "account_change", ""), ("zhangsan", "report_import", sha(report))]
    not_a_report = REPORTS / "not_a_report.txt"
    assert main(["import-report", str(not_a_report), "--db", str(accounts)]) == 1
    assert [(r["user"], r["action"], r["file_sha256"]) for r in lines(accounts)][2:] == [
        (OS_USER, "upload_rejected", sha(not_a_report))]


def test_account_changes_are_audited_as_the_os_user(db_path, capsys, monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("password-1\n"))
    assert main(["users", "add", "lisi", "--role", "viewer", "--password-stdin", "--db", str(db_path)]) == 0
    assert [(r["user"], r["action"], r["detail"]) for r in lines(db_path)] == [(OS_USER, "account_change", "add lisi role=viewer")]
    assert main(["users", "remove", "lisi", "--db", str(db_path)]) == 0
    assert [(r["user"], r["action"], r["detail"]) for r in lines(db_path)][1:] == [(OS_USER, "account_change", "remove lisi role=viewer")]


def test_a_name_that_is_no_account_is_refused_and_changes_nothing(accounts, capsys):
    assert main(["ingest", str(INTAKE / "good_long_gbk.csv"), "--db", str(accounts), "--user", "王伟"]) == 2
    assert main(["rollback", "1", "--db", str(accounts), "--user", "王伟"]) == 2
    assert main(["import-report", str(REPORTS / "cell_per_line.txt"), "--db", str(accounts), "--user", "王伟"]) == 2
    assert lines(accounts) == []
    with db.session(accounts) as con:
        assert db.scalar(con, "batch_count") == 1


KILL_CHILD = """
import sys, time
from museum.intake import ingest
from museum.store import audit, batches, db
point = sys.argv[3]
original = {"finish_batch": batches.finish_batch, "record": audit.record}

def pausing(module, name):
    def wrapped(*args, **kwargs):
        result = original[name](*args, **kwargs)
        if point == name:
            print("at", name, flush=True)
            time.sleep(60)
        return result
    setattr(module, name, wrapped)

pausing(batches, "finish_batch")
pausing(audit, "record")
con = db.connect(sys.argv[1])
analysis = ingest.analyse(open(sys.argv[2], "rb").read(), "a.csv")
ingest.commit(con, 1, analysis, actor="killed")
print("at committed", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("point", ["finish_batch", "record", "committed"])
def test_sigkill_leaves_the_change_and_its_audit_line_together_or_neither(db_path, point):
    import signal
    import subprocess
    import sys

    from museum import settings

    child = subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(db_path), str(INTAKE / "good_long_gbk.csv"), point],
                             stdout=subprocess.PIPE, text=True, cwd=settings.ROOT)
    try:
        while (line := child.stdout.readline()) and line.strip() != f"at {point}":
            pass
        assert line, "the process ended before the kill point"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    with db.session(db_path) as con:
        uploads = con.execute("select count(*) from batch where kind = 'upload'").fetchall()[0][0]
        audited = con.execute("select count(*) from audit where action = 'upload_accepted' and user_name = 'killed'").fetchall()[0][0]
    assert (uploads, audited) == ((1, 1) if point == "committed" else (0, 0))
