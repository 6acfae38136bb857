"""An older backup does not silently bring back removed accounts and old passwords (issue 20, item 8).

Every backup carries a serial, signed in its manifest; a restore refuses a snapshot older than the
database's latest backup without --allow-older, and lists every account difference, refusing
without --allow-account-changes when one gives access back.
"""

from __future__ import annotations

import json

import pytest

from museum import backup
from museum.access import auth
from museum.backup import accounts as backup_accounts
from museum.store import db
from museum.cli import main
from museum.errors import InputRejected


pytestmark = pytest.mark.duckdb_only  # the DuckDB file backup and restore

KEY = "restore-accounts-test-key-0001"


@pytest.fixture(autouse=True)
def signed(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    monkeypatch.setenv("MUSEUM_BACKUP_KEY", KEY)
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path_factory.getbasetemp() / "no-secrets.toml"))


@pytest.fixture
def old_and_new(db_path, tmp_path):
    """Backup `old` with boss (admin) and eve (editor); then eve removed, boss's password changed,
    carol demoted to viewer; backup `new` of that."""
    with db.session(db_path) as con:
        auth.add_user(con, "boss", "admin", "password-1", actor="test")
        auth.add_user(con, "eve", "editor", "password-1", actor="test")
        auth.add_user(con, "carol", "admin", "password-1", actor="test")
        backup.backup(con, tmp_path / "old", actor="test")
        auth.remove_user(con, "eve", actor="test")
        auth.set_password(con, "boss", "password-2", actor="test")
        auth.set_role(con, "carol", "viewer", actor="test")
        backup.backup(con, tmp_path / "new", actor="test")
    return tmp_path / "old", tmp_path / "new"


def test_each_backup_has_a_larger_signed_serial(old_and_new):
    serials = [json.loads((d / "manifest.json").read_text(encoding="utf-8"))["serial"] for d in old_and_new]
    assert serials[1] == serials[0] + 1


def test_an_older_snapshot_needs_allow_older_then_lists_and_refuses_account_changes(db_path, old_and_new):
    old, _new = old_and_new
    before = db_path.read_bytes()
    with pytest.raises(InputRejected) as older:
        backup.restore(old, db_path, actor="test")
    assert older.value.key == "backup.older_snapshot" and "--allow-older" in older.value.message("en")
    with pytest.raises(InputRejected) as accounts:
        backup.restore(old, db_path, actor="test", allow_older=True)
    assert accounts.value.key == "backup.account_changes" and accounts.value.params["count"] == 3
    assert accounts.value.params["changes"] == "boss: password; carol: role (viewer → admin); eve: returns (editor)"
    assert db_path.read_bytes() == before  # refused: nothing changed
    result = backup.restore(old, db_path, actor="test", allow_older=True, allow_account_changes=True)
    assert [c.text() for c in result["account_changes"]] == ["boss: password", "carol: role (viewer → admin)", "eve: returns (editor)"]
    with db.session(db_path, read_only=True) as con:
        assert sorted(auth.list_users(con)["user_name"]) == ["boss", "carol", "eve"]
        assert backup_accounts.serial(con) == 2  # counting goes on from the replaced database's serial


def test_the_latest_backup_restores_without_flags(db_path, old_and_new):
    _old, new = old_and_new
    result = backup.restore(new, db_path, actor="test")
    assert result["account_changes"] == []


def test_a_removed_account_is_listed_but_needs_no_flag(db_path, tmp_path):
    with db.session(db_path) as con:
        auth.add_user(con, "boss", "admin", "password-1", actor="test")
        backup.backup(con, tmp_path / "snap", actor="test")
        auth.add_user(con, "later", "viewer", "password-1", actor="test")
    result = backup.restore(tmp_path / "snap", db_path, actor="test")
    assert [c.text() for c in result["account_changes"]] == ["later: removed"]


def test_the_cli_lists_the_changes_and_keeps_its_flags(db_path, old_and_new, capsys):
    old, _new = old_and_new
    assert main(["restore", str(old), "--db", str(db_path), "--lang", "en"]) == 1
    assert "--allow-older" in capsys.readouterr().err
    assert main(["restore", str(old), "--db", str(db_path), "--lang", "en", "--allow-older", "--allow-account-changes"]) == 0
    err = capsys.readouterr().err
    assert "Account changes (3): boss: password; carol: role (viewer → admin); eve: returns (editor)" in err


def test_a_forged_serial_breaks_the_signature(db_path, old_and_new):
    old, _new = old_and_new
    manifest = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    manifest["serial"] = 99
    (old / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(InputRejected) as refused:
        backup.restore(old, db_path, actor="test", allow_older=True, allow_account_changes=True)
    assert refused.value.key == "backup.bad_signature"
