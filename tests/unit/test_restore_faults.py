"""Restore under faults: racing an ingest, killed at every step, refused while a dashboard serves.

No acknowledged batch may be lost: an ingest that races a restore either waits and lands in the
restored database, fails with exit 3, or — when it committed before the restore took the lock —
is named by the restore as replaced and is in the kept file. A restore killed at any step leaves
a live database (the old one or the new one), and every command goes on working.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from museum import backup, settings
from museum.access import auth
from museum.store import db


pytestmark = pytest.mark.duckdb_only  # a restore swaps the DuckDB file


@pytest.fixture(autouse=True)
def fast(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    monkeypatch.delenv("MUSEUM_BACKUP_KEY", raising=False)
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path_factory.getbasetemp() / "no-secrets.toml"))


def museum(*args, env=None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "museum", *map(str, args)], cwd=settings.ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, **kw)


def accounts(path) -> list[str]:
    with db.session(path, read_only=True) as con:
        return list(auth.list_users(con)["user_name"])


@pytest.fixture
def snapshot(db_path, tmp_path):
    """The database with the account boss, its backup, and afterwards a second account (later)
    that only the current database has: which of the two is live tells old from new."""
    with db.session(db_path) as con:
        auth.add_user(con, "boss", "admin", "password-1", actor="test")
        backup.backup(con, tmp_path / "snap", actor="test")
        auth.add_user(con, "later", "viewer", "password-1", actor="test")
    return tmp_path / "snap"


POINTS = ["restore.locked", "migration.0004", "query.backup_sequence_advance", "restore.staged", "restore.kept",
          "restore.replaced"]


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_a_restore_killed_at_any_step_leaves_a_live_database(db_path, snapshot, point):
    restore = museum("restore", snapshot, "--db", db_path, env={"MUSEUM_FAULT_KILL_AT": point})
    restore.communicate(timeout=120)
    assert restore.returncode == -signal.SIGKILL
    assert db_path.exists()
    assert accounts(db_path) == (["boss"] if point == "restore.replaced" else ["boss", "later"])
    kpis = museum("kpis", "--year", "2024", "--json", "--db", db_path)
    out, err = kpis.communicate(timeout=120)
    assert (kpis.returncode, err) == (0, "")
    assert json.loads(out)[0]["metric"] == "posts"
    # the next restore cleans up what the killed one left and finishes the job
    again = museum("restore", snapshot, "--db", db_path)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert accounts(db_path) == ["boss"]
    assert not db_path.with_name(db_path.name + ".restoring").exists()


def test_restore_refuses_while_a_dashboard_serves(db_path, snapshot):
    server = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom museum.store import db\ndb.serve(sys.argv[1])\n"
                               "print('serving', flush=True)\ntime.sleep(30)", str(db_path)],
                              cwd=settings.ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline() == "serving\n"
        restore = museum("restore", snapshot, "--db", db_path)
        out, err = restore.communicate(timeout=120)
    finally:
        server.kill()
        server.wait()
    assert (restore.returncode, out) == (3, "")
    assert err == (f"看板服务正在使用数据库 {db_path}，恢复已取消，未做任何更改。请先停止看板服务（如 systemctl stop "
                   "museum-dashboard；多进程部署为 systemctl stop 'museum-dashboard@*'），恢复完成后再启动。\n")
    assert accounts(db_path) == ["boss", "later"]
    assert not list(db_path.parent.glob("*.before-restore-*"))


def test_restore_replaces_a_damaged_database_and_keeps_it(db_path, snapshot):
    with db_path.open("r+b") as handle:
        handle.seek(4096 + 100)
        handle.write(b"\xff" * 64)
        handle.seek(8192 + 100)
        handle.write(b"\xff" * 64)
    damaged = db_path.read_bytes()
    result = backup.restore(snapshot, db_path, actor="test")
    assert accounts(db_path) == ["boss"]
    assert result["replaced_batches"] == []  # nothing could be read from the damaged file
    assert open(result["kept_previous"], "rb").read() == damaged


def test_restore_names_the_batches_it_replaces(db_path, snapshot, tmp_path):
    with db.session(db_path) as con, db.transaction(con):
        from museum.store import batches

        batch = batches.create_batch(con, "upload", institution=1, user="later", file_name="after.csv", content=b"x")
    result = backup.restore(snapshot, db_path, actor="test")
    assert result["replaced_batches"] == [batch]
    with db.session(result["kept_previous"], read_only=True) as con:
        assert db.scalar(con, "batch_count") == batch


@pytest.mark.slow
def test_restore_racing_an_ingest_loses_no_acknowledged_batch(db_path, snapshot, tmp_path):
    """restore DIR, then within 0–0.12 s ingest FILE on the same database, 10 trials: an ingest that
    reports its batch has it in the live database, whichever command won the lock."""
    pristine = db_path.read_bytes()
    jitter = random.Random(1)
    delays = [jitter.uniform(0, 0.12) for _ in range(10)]
    outcomes = {"ingest after the restore": 0, "ingest busy": 0, "restore refused: written after it started": 0}
    for trial, delay in enumerate(delays):
        for leftover in db_path.parent.glob("museum.*"):
            if leftover.name != db_path.name:
                leftover.unlink()
        db_path.write_bytes(pristine)
        upload = tmp_path / f"trial{trial}.csv"
        upload.write_bytes(f"年份,指标,数值\r\n2019,posts,{1000 + trial}\r\n".encode("utf-8"))
        restore = museum("restore", snapshot, "--db", db_path)
        time.sleep(delay)
        ingest = museum("ingest", upload, "--db", db_path, "--json")
        restore_out, restore_err = restore.communicate(timeout=120)
        ingest_out, ingest_err = ingest.communicate(timeout=120)
        assert restore.returncode in (0, 3), restore_err
        assert ingest.returncode in (0, 3), ingest_err
        if ingest.returncode == 3:
            outcomes["ingest busy"] += 1
            assert restore.returncode == 0
            continue
        batch = json.loads(ingest_out)["batch_id"]
        with db.session(db_path, read_only=True) as con:
            live = con.execute("select file_name from batch where batch_id = $b", {"b": batch}).fetchall()
        assert live == [(upload.name,)], (trial, restore_out, restore_err)
        if restore.returncode == 3:  # the ingest committed first, after the restore had started
            assert restore_err.startswith(f"恢复开始之后，数据库 {db_path} 又写入了 ")
            assert accounts(db_path) == ["boss", "later"]
            outcomes["restore refused: written after it started"] += 1
        else:
            assert accounts(db_path) == ["boss"]
            outcomes["ingest after the restore"] += 1
    assert sum(outcomes.values()) == 10
    print("restore race outcomes:", outcomes)


@pytest.mark.parametrize("point, published", [("query.audit_insert", False), ("backup.recorded", False), (None, True)])
def test_a_backup_is_never_without_its_audit_line(db_path, tmp_path, point, published):
    """Killed after its files and before its audit line, a backup leaves no restorable snapshot;
    killed after the line, a line and no snapshot; finished, both (issue 20)."""
    with db.session(db_path) as con:
        auth.add_user(con, "boss", "admin", "password-1", actor="test")
    run = museum("backup", tmp_path / "snap", "--db", db_path, env={"MUSEUM_FAULT_KILL_AT": point or ""})
    run.communicate(timeout=120)
    assert run.returncode == (0 if point is None else -signal.SIGKILL)
    with db.session(db_path, read_only=True) as con:
        lines = con.execute("select count(*) from audit where action = 'backup'").fetchone()[0]
    has_manifest = (tmp_path / "snap" / "manifest.json").exists()
    assert has_manifest == published
    assert lines == (0 if point == "query.audit_insert" else 1)
    assert not (has_manifest and lines == 0)
