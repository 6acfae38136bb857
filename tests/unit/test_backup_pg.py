"""Backup and restore of the PostgreSQL store (museum.backup.pg): pg_dump into the signed snapshot
directory, pg_restore into a new database swapped in by name. The DuckDB file's backup is
tests/unit/test_backup.py (duckdb_only); these run only with --engine postgresql."""

import pytest

from museum import backup
from museum.backup import accounts as backup_accounts
from museum.errors import DatabaseBusy, InputRejected
from museum.store import audit, batches, db, pg_databases as pg_store
from tests.tables import dump
from tests.unit.test_backup import T0, make_busy


@pytest.fixture(autouse=True)
def postgresql_only(engine, monkeypatch, tmp_path_factory):
    if engine != "postgresql":
        pytest.skip("the PostgreSQL store's backup (pg_dump)")
    monkeypatch.delenv("MUSEUM_BACKUP_KEY", raising=False)
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path_factory.getbasetemp() / "no-secrets.toml"))
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


@pytest.fixture
def busy_db(db_path, pg_server, monkeypatch):
    """The test's database as its admin sees it: a restore creates and renames databases (CREATEDB),
    the admin's step in docs/deployment.md §5a, also when the suite runs as museum_writer."""
    db_path = pg_server.url(pg_server.name_of(db_path))
    monkeypatch.setenv("MUSEUM_DB", str(db_path))
    make_busy(db_path)
    return db_path


def data(path) -> tuple[dict, dict]:
    """Every table but the audit trail and the accounts' credential versions (a restore renews
    them), and the accounts as a restore compares them."""
    tables = dump(path)
    tables.pop("app_user")
    with db.session(path, read_only=True) as con:
        return tables, backup_accounts.accounts(con)


def test_a_backup_restores_the_same_data(busy_db, tmp_path):
    with db.session(busy_db) as con:
        manifest = backup.backup(con, tmp_path / "snap", actor="boss", now=T0)
    before = data(busy_db)  # after the backup, which counts its serial before the snapshot
    with db.session(busy_db) as con:
        # written after the backup: the restore replaces it, says so, and keeps the old database
        with db.transaction(con):
            later = batches.create_batch(con, "upload", institution=None, user="li")
    assert manifest["engine"] == "postgresql" and set(manifest["files"]) == {"database.dump"}
    result = backup.restore(tmp_path / "snap", busy_db, actor="boss", now=T0)
    assert result["tables"] == manifest["tables"] and result["replaced_batches"] == [later]
    assert result["kept_previous"] and result["signature"] == "unverified"
    after = data(busy_db)
    assert [t for t in before[0] if before[0][t] != after[0][t]] == [] and after[1] == before[1]
    with db.session(busy_db) as con:
        assert audit.entries(con).iloc[0][["user_name", "action"]].tolist() == ["boss", "restore"]
        next_batch = batches.create_batch(con, "upload", institution=None, user="li")
        assert next_batch == later  # the sequence continues where the snapshot stopped
    kept = pg_store.database_name(result["kept_previous"])
    kept_url = pg_store.database_url(busy_db, kept)
    with db.session(kept_url, read_only=True) as con:
        assert later in [int(b) for b, _ in db.rows(con, "backup_batch_ids")]
    pg_store.drop_database(busy_db, kept)


def test_a_restore_refuses_while_a_session_is_connected(busy_db, tmp_path):
    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap", actor="boss", now=T0)
    before = data(busy_db)
    with db.session(busy_db, read_only=True), pytest.raises(DatabaseBusy) as refused:
        backup.restore(tmp_path / "snap", busy_db, actor="boss", now=T0)
    assert refused.value.key == "backup.dashboard_serving"
    assert data(busy_db) == before
    with db.session(busy_db, read_only=True) as con:
        assert "restore" not in set(audit.entries(con)["action"])


def test_a_changed_dump_is_refused(busy_db, tmp_path):
    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap", actor="boss", now=T0)
    with (tmp_path / "snap" / "database.dump").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(InputRejected) as refused:
        backup.restore(tmp_path / "snap", busy_db, actor="boss", now=T0)
    assert refused.value.key == "backup.file_changed"


def test_two_restores_in_one_second_keep_both_databases(busy_db, tmp_path):
    with db.session(busy_db) as con:
        backup.backup(con, tmp_path / "snap", actor="boss", now=T0)
    first = backup.restore(tmp_path / "snap", busy_db, actor="boss", now=T0)
    second = backup.restore(tmp_path / "snap", busy_db, actor="boss", now=T0, allow_older=True)
    assert first["kept_previous"] != second["kept_previous"]
    for result in (first, second):
        pg_store.drop_database(busy_db, pg_store.database_name(result["kept_previous"]))
