"""Backup and restore (museum.backup): the round trip gives identical results for every read query."""

import json
import re
from datetime import datetime, timedelta

import pandas as pd
import pytest

from museum import backup, catalog, demo, kpis, present, settings
from museum.access import auth
from museum.store import audit, batches, db
from museum.errors import DatabaseBusy, InputRejected


pytestmark = pytest.mark.duckdb_only  # the DuckDB file backup (Parquet); PostgreSQL's pg_dump backup: tests/unit/test_backup_pg.py

T0 = datetime(2030, 1, 2, 9, 0, 0)


@pytest.fixture(autouse=True)
def no_backup_key(monkeypatch, tmp_path_factory):
    """No signing key unless a test sets one (a real secrets.toml on this machine must not count)."""
    monkeypatch.delenv("MUSEUM_BACKUP_KEY", raising=False)
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path_factory.getbasetemp() / "no-secrets.toml"))


def read_queries() -> list[str]:
    """Every query in queries/ that reads (select/with) and takes only $institution_id or nothing."""
    names = []
    for name in db.query_names():
        sql = db.load_query(name)
        body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--")).strip().lower()
        if not re.match(r"(select|with)\b", body) or re.search(r"\bfrom frame\b", body):
            continue
        if name.startswith("backup_"):  # how DuckDB stores the data (sequence start values), not the data
            continue
        if db.parameters_of(sql) <= {"institution_id"}:
            names.append(name)
    return names


def snapshot(con) -> dict:
    institutions = [int(i) for i in db.query(con, "institutions")["institution_id"]]
    results = {}
    for name in read_queries():
        if "institution_id" in db.parameters_of(db.load_query(name)):
            for institution in institutions:
                results[(name, institution)] = db.query(con, name, institution_id=institution)
        else:
            results[(name, None)] = db.query(con, name)
    for institution in institutions:
        values = kpis.load_values(con, institution)
        for year in kpis.years_with_data(values):
            results[("kpis", institution, year)] = [
                present.kpi_json(k, lang) for lang in ("zh", "en") for k in kpis.kpis_for_year(values, catalog.load(), year)
            ]
    return results


def make_busy(path) -> None:
    """The embedded data plus demo history, a rollback, accounts and audit lines (also the PostgreSQL
    backup's tests, tests/unit/test_backup_pg.py)."""
    with db.session(path) as con:
        institution = int(db.query(con, "institutions")["institution_id"].iloc[0])
        demo.load(con, institution, actor="test")
        with db.transaction(con, institution=institution):
            batch = batches.create_batch(con, "upload", institution=institution, user="li",
                                         file_name="更正.csv", content=b"\x00\xff binary \xe4\xb8\xad")
            batches.write_observations(con, batch, institution, [
                {"metric_id": "posts", "year": 2019, "month": None, "value": 0.1 + 0.2, "qualifier": "approx",
                 "note": "备注 'quoted' \"double\"", "sentence": None},
            ])
        with db.transaction(con, institution=institution):
            batches.rollback(con, batch, user="li")
        auth.add_user(con, "boss", "admin", "password-1", actor="test", now=T0)
        audit.record(con, "export", "boss", "report pack", now=T0)


@pytest.fixture
def busy_db(db_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    make_busy(db_path)
    return db_path


def test_the_read_queries_cover_every_page_query():
    names = read_queries()
    for expected in ("metric_values", "institutions", "batches", "profile_fields", "awards_by_year",
                     "honors_by_year", "research_by_year", "auth_users", "audit_users"):
        assert expected in names


def test_round_trip_gives_identical_results(busy_db, tmp_path):
    with db.session(busy_db) as con:
        before = snapshot(con)
        manifest = backup.backup(con, tmp_path / "snap", actor="boss", now=T0)
    restored = tmp_path / "restored.duckdb"
    result = backup.restore(tmp_path / "snap", restored, actor="boss", now=T0)
    assert result == {"path": str(restored), "kept_previous": None, "tables": manifest["tables"], "signature": "unverified",
                      "replaced_batches": [], "account_changes": []}
    with db.session(restored) as con:
        after = snapshot(con)
        assert audit.entries(con).iloc[0][["user_name", "action"]].tolist() == ["boss", "restore"]
        # new rows continue the sequences instead of colliding with restored ids
        next_batch = batches.create_batch(con, "upload", institution=None, user="li")
        assert next_batch == int(db.query(con, "batches")["batch_id"].max())
        assert next_batch > max(int(b) for b in before[("batches", None)]["batch_id"])
    assert before.keys() == after.keys()
    for key in before:
        if isinstance(before[key], pd.DataFrame):
            pd.testing.assert_frame_equal(before[key], after[key], check_exact=True, obj=str(key))
        else:
            assert before[key] == after[key], key
    assert set(manifest["files"]) >= {"schema.sql", "load.sql", "observation.parquet", "stored_file.parquet"}
    assert manifest["signature"] is None  # no key configured in the tests' environment


def test_restore_keeps_the_database_it_replaces(busy_db, tmp_path):
    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap", now=T0)
        audit.record(con, "export", "boss", "after the backup")
    result = backup.restore(tmp_path / "snap", busy_db, now=T0)
    kept = busy_db.with_name("museum.before-restore-20300102T090000Z.duckdb")
    assert result["kept_previous"] == str(kept)
    with db.session(kept) as con:
        assert audit.entries(con).iloc[0]["detail"] == "after the backup"
    with db.session(busy_db) as con:
        assert "after the backup" not in set(audit.entries(con)["detail"])


def test_backup_refuses_a_non_empty_directory(con, tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "keep.txt").write_text("x")
    with pytest.raises(InputRejected) as caught:
        backup.backup(con, tmp_path / "old")
    assert caught.value.message("en") == (
        f"The backup directory {tmp_path / 'old'} exists and is not empty. "
        "Give a new or empty directory so no earlier backup is overwritten."
    )


@pytest.mark.parametrize("name", ["x'; drop table audit; --", "a\\b", "semi;colon", "new\nline", "quote\"d"])
def test_paths_that_could_leave_the_sql_literal_are_refused(con, tmp_path, name):
    with pytest.raises(InputRejected) as caught:
        backup.backup(con, tmp_path / name)
    assert caught.value.key == "backup.unsafe_path"
    assert not (tmp_path / name).exists()
    assert db.scalar(con, "auth_user_count") == 0  # the tables are still there


def test_path_literal_allows_chinese_and_spaces(tmp_path):
    assert backup.sql_path_literal(tmp_path / "备份 2030-01") == f"'{tmp_path}/备份 2030-01'"


def test_a_damaged_backup_changes_nothing(busy_db, tmp_path):
    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap")
        before = db.scalar(con, "batch_count")
    parquet = tmp_path / "snap" / "observation.parquet"
    parquet.write_bytes(parquet.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(InputRejected) as caught:
        backup.restore(tmp_path / "snap", busy_db)
    assert caught.value.message("en") == (
        f"The backup file {parquet} does not match its recorded checksum (damaged or altered). Nothing was changed."
    )
    with db.session(busy_db) as con:
        assert db.scalar(con, "batch_count") == before
    assert not busy_db.with_name(busy_db.name + ".restoring").exists()


def test_restore_needs_a_manifest(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputRejected) as caught:
        backup.restore(tmp_path / "empty", tmp_path / "x.duckdb")
    assert caught.value.key == "backup.no_manifest"
    json.dumps(caught.value.params)  # plain values only


def test_restore_refuses_while_the_database_is_open_elsewhere(busy_db, tmp_path, monkeypatch):
    import subprocess
    import sys

    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(30)", str(busy_db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        monkeypatch.setenv("MUSEUM_DB_WAIT_SECONDS", "0.2")
        with pytest.raises(DatabaseBusy):
            backup.restore(tmp_path / "snap", busy_db)
    finally:
        holder.kill()
        holder.wait()
    assert settings.db_path(busy_db).exists()


def test_a_restore_refuses_what_was_written_after_it_started(busy_db, tmp_path):
    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap", now=T0)
        audit.record(con, "export", "boss", "written while the restore was starting", now=T0 + timedelta(seconds=5))
    with pytest.raises(DatabaseBusy) as refused:
        backup.restore(tmp_path / "snap", busy_db, unchanged_since=T0 + timedelta(seconds=1), now=T0)
    assert refused.value.detail("en") == (
        f"After the restore started, 1 changes were written to the database {busy_db} (the first at 09:00:05 UTC). So that "
        "they are not lost, the restore was cancelled and nothing was changed. To replace the database with the backup all "
        "the same, run the restore again.")
    assert refused.value.message("en") == "The data is being updated. Please try again in a few seconds."
    with db.session(busy_db) as con:
        assert audit.entries(con).iloc[0]["detail"] == "written while the restore was starting"
    result = backup.restore(tmp_path / "snap", busy_db, unchanged_since=T0 + timedelta(seconds=6), now=T0)
    assert result["kept_previous"] is not None


def test_backup_and_database_files_are_private(con, db_path, tmp_path):
    import os
    import stat

    os.chmod(db_path, 0o644)  # as an earlier version wrote it
    manifest = backup.backup(con, tmp_path / "snap", actor="test")
    assert stat.S_IMODE(os.stat(tmp_path / "snap").st_mode) == 0o700
    assert {p.name: stat.S_IMODE(os.stat(p).st_mode) for p in (tmp_path / "snap").iterdir()} == {
        name: 0o600 for name in [*manifest["files"], "manifest.json"]}
    con.close()
    with db.session(db_path) as again, db.transaction(again):
        audit.record(again, "export", "t", "x")
        wal = db_path.with_name(db_path.name + ".wal")
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert not wal.exists() or stat.S_IMODE(os.stat(wal).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.with_name(db_path.name + ".lock")).st_mode) == 0o600


def test_a_backup_that_cannot_be_written_leaves_nothing(db_path, tmp_path):
    """Under a 64 KiB file-size limit the parquet of stored files (a 200 KB upload) cannot be written:
    a message, and no half backup left behind."""
    import os
    import random
    import resource
    import subprocess
    import sys

    with db.session(db_path) as con, db.transaction(con):
        batches.create_batch(con, "upload", institution=1, user="li", file_name="big.bin",
                             content=random.Random(0).randbytes(200_000))
    limit = 64 * 1024
    result = subprocess.run([sys.executable, "-m", "museum", "backup", str(tmp_path / "snap"), "--db", str(db_path), "--lang", "en"],
                            cwd=settings.ROOT, capture_output=True, text=True, env=dict(os.environ),
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"Could not write the backup {tmp_path / 'snap'}: a file would exceed this program's file-size limit (ulimit -f). "
        "No incomplete backup was left and the database is unchanged.\n")
    assert not (tmp_path / "snap").exists()


def test_signed_manifest_round_trip_and_tampering(busy_db, tmp_path, monkeypatch):
    from museum.backup import manifest as backup_manifest

    monkeypatch.setenv("MUSEUM_BACKUP_KEY", "k" * 32)
    with db.session(busy_db) as con:
        manifest = backup.backup(con, tmp_path / "snap", actor="boss", now=T0)
    assert manifest["signature"]["key_id"] == backup_manifest.key_id("k" * 32)
    assert backup.restore(tmp_path / "snap", tmp_path / "a.duckdb", now=T0)["signature"] == "signed"
    written = json.loads((tmp_path / "snap" / "manifest.json").read_text(encoding="utf-8"))
    written["created_by"] = "someone else"
    (tmp_path / "snap" / "manifest.json").write_text(json.dumps(written), encoding="utf-8")
    with pytest.raises(InputRejected) as refused:
        backup.restore(tmp_path / "snap", tmp_path / "b.duckdb", now=T0)
    assert refused.value.detail("zh") == (
        f"备份 {tmp_path / 'snap'} 的签名不正确：清单在签名后被改动过，或签名是伪造的。未做任何更改。")
    monkeypatch.delenv("MUSEUM_BACKUP_KEY")  # without a key nothing can be verified, and the result says so
    assert backup.restore(tmp_path / "snap", tmp_path / "c.duckdb", now=T0)["signature"] == "unverified"


def test_a_link_in_a_backup_is_refused(busy_db, tmp_path):
    import os

    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap", now=T0)
    parquet = tmp_path / "snap" / "app_user.parquet"
    os.replace(parquet, tmp_path / "elsewhere.parquet")
    os.symlink(tmp_path / "elsewhere.parquet", parquet)  # same bytes, so the hash alone would pass
    with pytest.raises(InputRejected) as refused:
        backup.restore(tmp_path / "snap", tmp_path / "x.duckdb")
    assert refused.value.detail("en") == (
        f"{parquet} in the backup is not a plain file (it is a link or a directory): the backup may have been altered; "
        "nothing was changed.")
