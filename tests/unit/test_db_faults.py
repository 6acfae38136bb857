"""The database layer under faults: file-size limit, full disk, read-only directory, damaged blocks,
traces of an interrupted restore, and SIGKILL at every step of a CLI write.

Each fault gives a message in the user's language and exit 1 (3 when busy), and leaves the
database as it was. The full-disk and (for root) read-only cases need a private mount namespace
(`unshare -m`, root only); elsewhere they are skipped with the reason, and the file-size limit
(`ulimit -f`, any user) covers the same code path.
"""

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from museum import settings
from museum.store import db

SMALL_CSV = "年份,指标,数值\r\n2019,posts,123\r\n".encode("utf-8")


def note(year: int, month: int) -> str:
    return "".join(hashlib.sha256(f"{year}-{month}-{i}".encode()).hexdigest() for i in range(4))


def big_csv() -> bytes:
    """288 monthly values with notes: a commit whose WAL is ~200 KB. The notes differ row by row
    (hex digests) so that neither the stored file nor the columns compress them away."""
    rows = ["年份,月份,指标,数值,备注"]
    rows += [f"{year},{month},posts,{year * 10 + month},{note(year, month)}" for year in range(2000, 2024) for month in range(1, 13)]
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


def cli(*args, env=None, preexec_fn=None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "museum", *map(str, args)], cwd=cwd or settings.ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(settings.ROOT), **(env or {})}, preexec_fn=preexec_fn)


def state(path: Path) -> dict:
    """What a write would change: batches, live observations, audit lines (read-only)."""
    with db.session(path, read_only=True) as con:
        return {"batches": db.scalar(con, "batch_count"),
                "observations": con.execute("select count(*) from observation where retired_by_batch is null").fetchall()[0][0],
                "audit": [tuple(r) for r in con.execute("select user_name, action, detail from audit order by audit_id").fetchall()]}


def file_size_limit(kib: int):
    limit = kib * 1024
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.duckdb_only  # faults of the DuckDB file
def test_a_commit_beyond_the_file_size_limit_is_a_message_and_changes_nothing(db_path, tmp_path):
    upload = tmp_path / "big.csv"
    upload.write_bytes(big_csv())
    before = state(db_path)
    limit = file_size_limit(64)
    assert cli("init", "--db", db_path, preexec_fn=limit).returncode == 0  # small writes still fit under the limit
    result = cli("ingest", upload, "--db", db_path, "--lang", "en", preexec_fn=limit)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"Could not write {db_path}.wal: it would exceed the file-size limit set for this program (ulimit -f). This change "
        f"was not saved; the database {db_path} is as it was. Raise the limit (ulimit -f unlimited, or LimitFSIZE in the "
        "service) and try again.\n")
    assert state(db_path) == before
    result = cli("ingest", upload, "--db", db_path)  # without the limit the same file goes in
    assert result.returncode == 0, result.stderr
    assert state(db_path)["batches"] == before["batches"] + 1


def in_namespace(script: str) -> subprocess.CompletedProcess:
    """Run a shell script in a private mount namespace (its mounts vanish with it)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) for a private mount namespace")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this machine refuses mount namespaces: " + probe.stderr.decode(errors="replace").strip())
    return subprocess.run(["unshare", "-m", "sh", "-ec", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(settings.ROOT)})


@pytest.mark.duckdb_only  # faults of the DuckDB file
def test_a_commit_on_a_full_disk_is_a_message_and_changes_nothing(db_path, tmp_path):
    """The database on a tmpfs with 96 KiB to spare; the commit needs ~200 KiB."""
    upload = tmp_path / "big.csv"
    upload.write_bytes(big_csv())
    mount, out = tmp_path / "disk", tmp_path / "out"
    mount.mkdir()
    out.mkdir()
    size_kib = db_path.stat().st_size // 1024 + 96
    python = sys.executable
    result = in_namespace(f"""
        mount -t tmpfs -o size={size_kib}k tmpfs {mount}
        cp {db_path} {mount}/museum.duckdb
        set +e
        {python} -m museum ingest {upload} --db {mount}/museum.duckdb > {out}/stdout 2> {out}/stderr
        echo $? > {out}/rc
        set -e
        cp {mount}/museum.duckdb {out}/museum.duckdb
        if [ -e {mount}/museum.duckdb.wal ]; then cp {mount}/museum.duckdb.wal {out}/museum.duckdb.wal; fi
    """)
    assert result.returncode == 0, result.stderr
    assert (out / "rc").read_text().strip() == "1"
    assert (out / "stdout").read_text() == ""
    assert (out / "stderr").read_text() == (
        f"无法写入 {mount}/museum.duckdb.wal：磁盘已满。本次更改没有保存，数据库 {mount}/museum.duckdb 保持原样。"
        f"请清理 {mount} 所在磁盘的空间后重试。\n")
    assert state(out / "museum.duckdb") == state(db_path)


@pytest.mark.duckdb_only  # faults of the DuckDB file
def test_a_write_in_a_read_only_directory_is_a_message_and_reads_still_work(db_path, tmp_path, tmp_path_factory):
    upload = tmp_path / "small.csv"
    upload.write_bytes(SMALL_CSV)
    directory = db_path.parent
    before = state(db_path)
    python = sys.executable
    if os.geteuid() == 0:  # root writes anywhere: make the directory a read-only mount instead
        out = tmp_path_factory.mktemp("out")  # outside the directory made read-only
        shutil.move(str(upload), out / "small.csv")
        upload = out / "small.csv"
        result = in_namespace(f"""
            mount --bind {directory} {directory}
            mount -o remount,bind,ro {directory}
            set +e
            {python} -m museum ingest {upload} --db {db_path} > {out}/ingest.out 2> {out}/ingest.err; echo $? > {out}/ingest.rc
            {python} -m museum kpis --year 2024 --json --db {db_path} > {out}/kpis.out 2> {out}/kpis.err; echo $? > {out}/kpis.rc
            {python} -m museum init --db {directory}/new.duckdb --lang en > {out}/init.out 2> {out}/init.err; echo $? > {out}/init.rc
        """)
        assert result.returncode == 0, result.stderr
        ingest = ((out / "ingest.rc").read_text().strip(), (out / "ingest.err").read_text())
        kpis = ((out / "kpis.rc").read_text().strip(), (out / "kpis.out").read_text())
        init = ((out / "init.rc").read_text().strip(), (out / "init.err").read_text())
    else:
        directory.chmod(0o555)
        try:
            run = cli("ingest", upload, "--db", db_path)
            ingest = (str(run.returncode), run.stderr)
            run = cli("kpis", "--year", "2024", "--json", "--db", db_path)
            kpis = (str(run.returncode), run.stdout)
            run = cli("init", "--db", directory / "new.duckdb", "--lang", "en")
            init = (str(run.returncode), run.stderr)
        finally:
            directory.chmod(0o755)
    # the command reads through a read-only connection, so its write is what fails, with the database named
    assert ingest == ("1", (
        f"无法写入 {db_path}：目录 {directory} 或该文件是只读的。本次更改没有保存，数据库 {db_path} 保持原样。"
        "请让运行本程序的用户可以写入该目录（数据库旁需要创建锁文件和日志文件），或用 --db 指定可写的位置。\n"))
    assert kpis[0] == "0" and json.loads(kpis[1])[0]["metric"] == "posts"
    assert init == ("1", (
        f"Could not write {directory}/new.duckdb.lock: the directory {directory} or the file is read-only. This change was "
        f"not saved; the database {directory}/new.duckdb is as it was. Let the user running this program write to that "
        "directory (lock and log files are created beside the database), or give a writable location with --db.\n"))
    assert state(db_path) == before and not (directory / "new.duckdb").exists()


def damage(path: Path, offset: int) -> bytes:
    with path.open("r+b") as handle:
        handle.seek(offset)
        original = handle.read(64)
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in original))
    return original


@pytest.mark.duckdb_only  # faults of the DuckDB file
def test_a_damaged_header_block_is_a_message(db_path):
    damage(db_path, 4096 + 100)
    damage(db_path, 8192 + 100)
    result = cli("kpis", "--year", "2024", "--db", db_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"数据库文件 {db_path} 已损坏（数据块校验和不符）。请不要再向它写入：停止看板服务，从最近的备份恢复："
        f"python -m museum restore 备份目录 --db {db_path}（损坏的文件会保留在旁边）。\n")


@pytest.mark.duckdb_only  # faults of the DuckDB file
def test_a_damaged_data_block_is_a_message_when_it_is_read(db_path, monkeypatch):
    """DuckDB checks a block's checksum when it reads the block: find one that `kpis` reads."""
    block, header = 262144, 3 * 4096
    blocks = (db_path.stat().st_size - header) // block
    for number in range(blocks):
        offset = header + number * block + 64
        original = damage(db_path, offset)
        result = cli("kpis", "--year", "2024", "--json", "--db", db_path, "--lang", "en")
        if result.returncode != 0 and "damaged" in result.stderr:
            break
        with db_path.open("r+b") as handle:  # not a block kpis reads: undo and try the next one
            handle.seek(offset)
            handle.write(original)
    else:
        pytest.fail("no block of the database is read by kpis")
    assert result.stderr == (
        f"The database file {db_path} is damaged (a block checksum does not match). Do not write to it any more: stop the "
        f"dashboard and restore the latest backup: python -m museum restore BACKUP_DIR --db {db_path} (the damaged file "
        "is kept beside it).\n")
    assert "Traceback" not in result.stderr


@pytest.mark.duckdb_only  # faults of the DuckDB file
def test_no_new_database_where_a_restore_was_interrupted(tmp_path):
    target = tmp_path / "museum.duckdb"
    staging = tmp_path / "museum.duckdb.restoring"
    staging.write_bytes(b"half a database")
    result = cli("kpis", "--year", "2024", "--db", target, "--lang", "en")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"The database {target} is missing, but {staging} is there: a restore was interrupted. Nothing was created, so "
        "that an empty database without any accounts does not take its place. Run the restore again: python -m museum "
        f"restore BACKUP_DIR --db {target}; to start from an empty database instead, delete {staging} first.\n")
    assert not target.exists()
    staging.unlink()  # what the message says to do: then a fresh database is made
    assert cli("init", "--db", target).returncode == 0


@pytest.mark.duckdb_only  # faults of the DuckDB file
def test_no_new_database_beside_a_kept_one(db_path):
    kept = db_path.with_name("museum.before-restore-20300102T090000Z.duckdb")
    os.replace(db_path, kept)
    result = cli("users", "list", "--db", db_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"数据库 {db_path} 不存在，但有恢复时保留的旧数据库 {kept}：可能有一次恢复被中断，或数据库被移走了。为免用一个没有任何账号的空数据库顶替，"
        f"本次没有创建数据库。要撤销恢复，请把它改回原名：mv {kept} {db_path}；或重新运行恢复：python -m museum restore 备份目录 --db {db_path}。\n")
    assert not db_path.exists()
    os.replace(kept, db_path)  # the undo the message describes
    assert cli("users", "list", "--db", db_path).returncode == 0


# --- SIGKILL at every step of a CLI write: the change and its audit line, or neither ---------------

USER = ["--user", "boss"]


def with_boss(db_path) -> None:
    """An account for `--user boss` (the CLI credits a change only to an existing account)."""
    from museum.access import auth

    with db.session(db_path) as con:
        auth.add_user(con, "boss", "admin", "password-1", actor="test")


# every statement of the ingest's transaction, then just before and just after its commit
KILL_POINTS = ["query.stored_file_insert", "query.batch_insert", "query.observation_unknown_references",
               "query.batch_finish", "query.audit_insert", "commit:audit_insert", "committed:audit_insert"]


@pytest.mark.slow
@pytest.mark.parametrize("point", KILL_POINTS)
def test_sigkill_during_a_cli_ingest_leaves_the_batch_and_its_audit_line_or_neither(db_path, tmp_path, point, monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    with_boss(db_path)
    upload = tmp_path / "small.csv"
    upload.write_bytes(SMALL_CSV)
    assert cli("init", "--db", db_path).returncode == 0  # the catalog sync's own transaction is not the one killed
    before = state(db_path)
    result = cli("ingest", upload, "--db", db_path, *USER, env={"MUSEUM_FAULT_KILL_AT": point})
    assert result.returncode == -signal.SIGKILL
    after = state(db_path)
    uploads = [line for line in after["audit"] if line[1] == "upload_accepted"]
    if point.startswith("committed:"):
        assert after["batches"] == before["batches"] + 1 and after["observations"] == before["observations"] + 1
        assert uploads == [("boss", "upload_accepted", f"small.csv → batch #{after['batches']} (1 new, 0 changed)")]
    else:
        assert after == before


ROLLBACK_POINTS = ["query.batch_insert", "query.audit_insert", "commit:audit_insert", "committed:audit_insert"]


@pytest.mark.slow
@pytest.mark.parametrize("point", ROLLBACK_POINTS)
def test_sigkill_during_a_cli_rollback_leaves_the_rollback_and_its_audit_line_or_neither(db_path, tmp_path, point,
                                                                                          monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    with_boss(db_path)
    upload = tmp_path / "small.csv"
    upload.write_bytes(SMALL_CSV)
    assert cli("ingest", upload, "--db", db_path, *USER).returncode == 0
    before = state(db_path)
    result = cli("rollback", str(before["batches"]), "--db", db_path, *USER, env={"MUSEUM_FAULT_KILL_AT": point})
    assert result.returncode == -signal.SIGKILL
    after = state(db_path)
    if point.startswith("committed:"):
        assert after["batches"] == before["batches"] + 1 and after["observations"] == before["observations"] - 1
        assert [line[:2] for line in after["audit"][len(before["audit"]):]] == [("boss", "rollback")]
    else:
        assert after == before


@pytest.mark.slow
@pytest.mark.parametrize("point", ["query.auth_user_insert", "query.audit_insert", "commit:audit_insert",
                                   "committed:audit_insert"])
def test_sigkill_during_users_add_leaves_the_account_and_its_audit_line_or_neither(db_path, point):
    result = subprocess.run([sys.executable, "-m", "museum", "users", "add", "li", "--role", "editor", "--password-stdin",
                             "--db", str(db_path)], input="password-1\n", cwd=settings.ROOT, capture_output=True, text=True,
                            env={**os.environ, "MUSEUM_BCRYPT_ROUNDS": "4", "MUSEUM_FAULT_KILL_AT": point})
    assert result.returncode == -signal.SIGKILL
    with db.session(db_path, read_only=True) as con:
        accounts = [r[0] for r in con.execute("select user_name from app_user").fetchall()]
        lines = [r[0] for r in con.execute("select detail from audit where action = 'account_change'").fetchall()]
    assert (accounts, lines) == ((["li"], ["add li role=editor"]) if point.startswith("committed:") else ([], []))


@pytest.mark.slow
def test_sigkill_at_random_moments_of_cli_ingests(db_path, tmp_path):
    """Kills at 12 fixed pseudo-random moments of a running ingest: every outcome is all or nothing."""
    import random

    upload = tmp_path / "big.csv"
    upload.write_bytes(big_csv())
    assert cli("init", "--db", db_path).returncode == 0
    moments = sorted(random.Random(14).uniform(0.3, 1.2) for _ in range(12))
    outcomes = []
    for moment in moments:
        before = state(db_path)
        process = subprocess.Popen([sys.executable, "-m", "museum", "ingest", str(upload), "--db", str(db_path)],
                                   cwd=settings.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            process.kill()
        process.wait()
        after = state(db_path)
        uploads = len([a for a in after["audit"] if a[1] == "upload_accepted"]) - len(
            [a for a in before["audit"] if a[1] == "upload_accepted"])
        grew = after["batches"] - before["batches"]
        assert (grew, uploads) in ((0, 0), (1, 1)), moment
        assert after["observations"] - before["observations"] == (288 if grew else 0), moment
        outcomes.append(grew)
        if grew:  # the next trial must write again: roll the committed batch back
            assert cli("rollback", str(after["batches"]), "--db", db_path).returncode == 0
    assert len(outcomes) == 12
