"""What a restore would do to the accounts, and the backup serial that tells an older snapshot.

An older backup brings back the accounts it holds as they were: an account since removed, a role
since lowered, a password since changed. A restore lists every such difference and refuses, unless
the admin says `--allow-account-changes`, when one would give someone access back (an account
returns or is enabled again, a role or a password reverts). Each backup carries a serial, counted
in the database and signed in its manifest: a snapshot older than the database's latest backup is
refused unless the admin says `--allow-older`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from museum.store import db, migrations
from museum.errors import DatabaseError, InputRejected

SERIAL = "backup_serial"
MAX_LISTED = 20


@dataclass(frozen=True)
class Change:
    user_name: str
    kind: str        # returns | removed | role | password | enabled | disabled
    detail: str = ""

    @property
    def grants(self) -> bool:
        """Whether the change can give someone access back (these need the explicit flag)."""
        return self.kind in ("returns", "role", "password", "enabled")

    def text(self) -> str:
        return f"{self.user_name}: {self.kind}" + (f" ({self.detail})" if self.detail else "")


def accounts(con) -> dict[str, tuple]:
    return {name: (role, password_hash, bool(disabled)) for name, role, password_hash, disabled in db.rows(con, "backup_accounts")}


def serial(con) -> int:
    value = db.scalar(con, "auth_secret_get", name=SERIAL)
    return int(value) if value is not None else 0


def next_serial(con) -> int:
    """Count one more backup of this database (in its own transaction); the new serial."""
    with db.transaction(con):
        number = serial(con) + 1
        db.execute(con, "app_secret_set", name=SERIAL, value=str(number))
    return number


def keep_serial(con, number: int) -> None:
    """The restored database goes on counting from the larger of its own and the replaced one's serial."""
    db.execute(con, "app_secret_set", name=SERIAL, value=str(max(serial(con), number)))


def current_state(target: Path) -> tuple[dict[str, tuple], int] | None:
    """(accounts, serial) of the database a restore replaces; None when there is none or it cannot be read."""
    if not target.exists():
        return None
    try:
        with db.session(target, read_only=True) as con:
            if not migrations.applied_migrations(con):
                return None
            return accounts(con), serial(con)
    except DatabaseError:
        return None


def differences(current: dict[str, tuple], restored: dict[str, tuple]) -> list[Change]:
    """Every account difference the restore would make, by name."""
    changes = []
    for name in sorted(set(current) | set(restored)):
        if name not in current:
            changes.append(Change(name, "returns", restored[name][0]))
            continue
        if name not in restored:
            changes.append(Change(name, "removed"))
            continue
        (role_now, hash_now, disabled_now), (role_then, hash_then, disabled_then) = current[name], restored[name]
        if role_now != role_then:
            changes.append(Change(name, "role", f"{role_now} → {role_then}"))
        if hash_now != hash_then:
            changes.append(Change(name, "password"))
        if disabled_now != disabled_then:
            changes.append(Change(name, "enabled" if disabled_now else "disabled"))
    return changes


def check_serial(manifest: dict, current: tuple | None, source: Path, *, allow_older: bool) -> None:
    """Refuse a snapshot whose serial is below the database's latest backup (a replayed older backup)."""
    if current is None or allow_older:
        return
    snapshot, latest = int(manifest.get("serial") or 0), current[1]
    if snapshot < latest:
        raise InputRejected("backup.older_snapshot", path=str(source), serial=snapshot, latest=latest)


def check_accounts(changes: list[Change], source: Path, *, allow_account_changes: bool) -> None:
    granting = [c for c in changes if c.grants]
    if granting and not allow_account_changes:
        listed = "; ".join(c.text() for c in changes[:MAX_LISTED]) + ("; …" if len(changes) > MAX_LISTED else "")
        raise InputRejected("backup.account_changes", path=str(source), count=len(granting), changes=listed)
