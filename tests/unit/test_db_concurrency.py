"""Opening the database from many threads and processes at once (museum.store.db, museum.store.pool).

Before the shared instance, `db.session()` from 5 threads with 0–20 ms jitter failed on a third
of the opens with DuckDB's "Unique file handle conflict". Now no open fails; readers share one
read-only instance; a writer of another process gets in while this process keeps reading; the
write lock and the serving marker keep a restore from racing anyone. Every wait here is bounded
by MUSEUM_DB_WAIT_SECONDS; nothing asserts a duration.
"""

import os
import random
import subprocess
import sys
import threading
import time

import pytest

from museum import settings
from museum.access import auth
from museum.store import db
from museum.errors import DatabaseBusy


pytestmark = pytest.mark.duckdb_only  # the DuckDB instance pool and file lock


def run_threads(count: int, work) -> list[str]:
    errors: list[str] = []

    def wrapped(number: int) -> None:
        try:
            work(number)
        except Exception as exc:  # every failure counts, whatever its type
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=wrapped, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_sessions_and_reads_from_many_threads_never_conflict(db_path):
    """8 threads × 40 opens, writers and readers mixed, 0–20 ms jitter: 0 errors (was 68 of 200)."""
    counts = []

    def work(number: int) -> None:
        jitter = random.Random(number)
        for _ in range(40):
            time.sleep(jitter.random() * 0.02)
            if jitter.random() < 0.5:
                with db.session(db_path) as con:
                    counts.append(db.scalar(con, "batch_count"))
            else:
                counts.append(int(db.read(db_path, "batch_count").iloc[0, 0]))

    assert run_threads(8, work) == []
    assert counts == [1] * 320


def test_writes_from_many_threads_all_commit(db_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")

    def work(number: int) -> None:
        with db.session(db_path) as con:
            auth.add_user(con, f"user{number:02d}", "viewer", "password-1", actor="test")
        db.read(db_path, "auth_users")

    assert run_threads(12, work) == []
    assert list(db.read(db_path, "auth_users")["user_name"]) == [f"user{n:02d}" for n in range(12)]


def test_a_thread_that_writes_may_read_inside_its_write(db_path):
    with db.session(db_path) as con:
        with db.transaction(con):
            db.execute(con, "audit_insert", occurred_at=auth.utc_now(), user_name="t", action="export", detail="x",
                       file_sha256=None)
            # the shared read path, asked from inside a write in the same thread, does not wait for itself
            assert int(db.read(db_path, "auth_user_count").iloc[0, 0]) == 0


def test_a_thread_that_reads_may_not_start_writing(db_path):
    with db.reading(db_path):
        with pytest.raises(RuntimeError, match="close the reader first"):
            db.connect(db_path)


def test_the_read_path_is_read_only(db_path):
    with db.reading(db_path) as con:
        assert con.read_only is True
        with pytest.raises(Exception) as refused:
            db.execute(con, "audit_insert", occurred_at=auth.utc_now(), user_name="t", action="export", detail="x",
                       file_sha256=None)
    assert refused.value.key == "db.read_only"


def test_an_exclusive_hold_keeps_other_threads_out(db_path):
    seen = []
    with db.exclusive(db_path):
        def other(number):
            try:
                db.connect(db_path, wait_seconds=0.2)
            except DatabaseBusy as exc:
                seen.append(exc.key)
        assert run_threads(1, other) == []
        with db.session(db_path) as con:  # the holder itself opens as usual
            assert db.scalar(con, "batch_count") == 1
    assert seen == ["db.busy"]
    with db.session(db_path, wait_seconds=0.2) as con:  # and afterwards anyone may
        assert db.scalar(con, "batch_count") == 1


def python(code: str, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=settings.ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


WRITE_ONE = """
import sys
from museum.store import audit, db
with db.session(sys.argv[1]) as con, db.transaction(con):
    audit.record(con, "export", "other-process", "written while the first process reads")
print("wrote", flush=True)
"""


def test_a_writer_of_another_process_gets_in_while_this_one_keeps_reading(db_path):
    """The reader instance sees the waiting writer (the write lock is taken) and hands the file over."""
    stop = threading.Event()
    reads = []

    def keep_reading(number: int) -> None:
        while not stop.is_set():
            reads.append(int(db.read(db_path, "batch_count").iloc[0, 0]))

    readers = [threading.Thread(target=keep_reading, args=(n,)) for n in range(4)]
    for thread in readers:
        thread.start()
    try:
        while not reads:
            time.sleep(0.01)
        writer = python(WRITE_ONE, str(db_path), env={"MUSEUM_DB_WAIT_SECONDS": "10"})
        out, err = writer.communicate(timeout=60)
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert (writer.returncode, out, err) == (0, "wrote\n", "")
    assert set(reads) == {1}
    details = list(db.read(db_path, "audit_entries", user_name="other-process", action=None, since=None, until=None,
                           text=None, max_rows=None)["detail"])
    assert details == ["written while the first process reads"]


def test_an_idle_reader_lets_another_process_write(db_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_DB_READER_IDLE_SECONDS", "0.2")
    assert int(db.read(db_path, "batch_count").iloc[0, 0]) == 1  # the read path is open now, and then idle
    writer = python(WRITE_ONE, str(db_path), env={"MUSEUM_DB_WAIT_SECONDS": "10"})
    assert writer.communicate(timeout=60) == ("wrote\n", "")


HOLD_READ_ONLY = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("ready", flush=True)
time.sleep(30)
"""


def test_readers_of_two_processes_read_at_once(db_path):
    holder = python(HOLD_READ_ONLY, str(db_path))
    try:
        assert holder.stdout.readline() == "ready\n"
        assert int(db.read(db_path, "batch_count").iloc[0, 0]) == 1
        with pytest.raises(DatabaseBusy) as busy:
            db.connect(db_path, wait_seconds=0.3)
    finally:
        holder.kill()
        holder.wait()
    assert f"(PID {holder.pid})" in busy.value.detail("en")
    assert busy.value.message("en") == "The data is being updated. Please try again in a few seconds."


SERVE = """
import sys, time
from museum.store import db
db.serve(sys.argv[1])
print("serving", flush=True)
time.sleep(30)
"""


def test_serve_marks_the_process_until_it_dies(db_path):
    from museum.store import files as db_files

    assert db_files.being_served(db_path) is False
    server = python(SERVE, str(db_path))
    try:
        assert server.stdout.readline() == "serving\n"
        assert db_files.being_served(db_path) is True
    finally:
        server.kill()
        server.wait()
    assert db_files.being_served(db_path) is False  # a killed server leaves no stale marker


def test_data_version_changes_with_every_write_and_a_new_file(db_path):
    first = db.data_version(db_path)
    with db.session(db_path) as con, db.transaction(con):
        db.execute(con, "audit_insert", occurred_at=auth.utc_now(), user_name="t", action="export", detail="x",
                   file_sha256=None)
    second = db.data_version(db_path)
    assert second != first
    copy = db_path.with_name("copy.duckdb")
    copy.write_bytes(db_path.read_bytes())
    os.replace(copy, db_path)  # what a restore does: same size, another file
    assert db.data_version(db_path) != second
