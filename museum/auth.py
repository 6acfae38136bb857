"""Staff accounts, sign-in with rate limiting, session timeout and the role permission table.

Passwords are stored only as bcrypt hashes. Failed sign-ins are counted per user name in the
database (table sign_in_throttle), so a restart does not lift a lock. Every account change and
every sign-in attempt goes into the audit trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import bcrypt
import pandas as pd

from museum import audit, db, settings
from museum.errors import InputRejected

ROLES = ("viewer", "editor", "admin")

# What each role may do. Pages and CLI commands ask `can(role, action)`; nothing else decides.
ACTIONS = (
    "view",             # read the dashboard pages
    "export",           # download charts, tables, report packs
    "upload",           # add figures from CSV / Excel
    "import_report",    # import an annual report's text
    "correct",          # edit single values by hand
    "rollback",         # undo a batch
    "view_history",     # the batch history page
    "manage_accounts",  # add, remove, change accounts
    "view_audit",       # read and download the audit trail
    "backup",           # take a snapshot of the database
)
_VIEWER = frozenset({"view", "export"})
_EDITOR = _VIEWER | {"upload", "import_report", "correct", "rollback", "view_history"}
_ADMIN = _EDITOR | {"manage_accounts", "view_audit", "backup"}
PERMISSIONS: dict[str, frozenset[str]] = {"viewer": _VIEWER, "editor": _EDITOR, "admin": _ADMIN}

# Letters (any script), digits, and . _ - @ so that e-mail addresses work as names.
_NAME = re.compile(r"[\w.@-]{1,64}")
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_BYTES = 72  # bcrypt's limit; bcrypt 5 refuses longer input instead of truncating


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created_at: datetime
    disabled: bool = False


def utc_now() -> datetime:
    """Now as a naive UTC timestamp (how the accounts and audit tables store time)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def can(role: str | None, action: str) -> bool:
    """Whether `role` may do `action`; no role (not signed in) may do nothing."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; known: {', '.join(ACTIONS)}")
    return role in PERMISSIONS and action in PERMISSIONS[role]


def effective_role(accounts_exist: bool, signed_in_role: str | None) -> str | None:
    """The role a visitor acts with: their own when signed in; before any account exists,
    everyone may view and export (first run); otherwise none until they sign in."""
    if signed_in_role is not None:
        return signed_in_role
    return None if accounts_exist else "viewer"


def session_expired(last_activity: datetime | None, now: datetime, timeout_minutes: float | None = None) -> bool:
    """True when a session idle since `last_activity` has timed out by `now`."""
    if last_activity is None:
        return True
    limit = settings.session_timeout_minutes() if timeout_minutes is None else timeout_minutes
    return now - last_activity >= timedelta(minutes=limit)


def sso_role(email: str | None, roles_by_email: dict[str, str]) -> str | None:
    """The role mapped to an e-mail address in the SSO settings (case-insensitive), if any."""
    if not email:
        return None
    wanted = email.strip().lower()
    for address, role in roles_by_email.items():
        if address.strip().lower() == wanted and role in ROLES:
            return role
    return None


# --- validation and hashing -----------------------------------------------------------------


def validate_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise InputRejected("auth.bad_name", name=name)
    return name


def validate_role(role: str) -> str:
    if role not in ROLES:
        raise InputRejected("auth.bad_role", role=role, roles=", ".join(ROLES))
    return role


def validate_password(password: str) -> bytes:
    encoded = password.encode("utf-8")
    if len(password) < MIN_PASSWORD_CHARS:
        raise InputRejected("auth.password_too_short", minimum=MIN_PASSWORD_CHARS)
    if len(encoded) > MAX_PASSWORD_BYTES:
        raise InputRejected("auth.password_too_long", maximum=MAX_PASSWORD_BYTES)
    return encoded


def hash_password(password: str) -> str:
    return bcrypt.hashpw(validate_password(password), bcrypt.gensalt(settings.bcrypt_rounds())).decode("ascii")


def check_password(password: str, password_hash: str) -> bool:
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        return False
    return bcrypt.checkpw(encoded, password_hash.encode("ascii"))


@lru_cache(maxsize=4)
def _dummy_hash(rounds: int) -> str:
    # Checked against when the user name is unknown, so that a wrong name takes as long as a
    # wrong password and timing does not reveal which names exist.
    return bcrypt.hashpw(b"not-a-real-password", bcrypt.gensalt(rounds)).decode("ascii")


# --- accounts ---------------------------------------------------------------------------------


def _row_to_user(row) -> User:
    name, role, _hash, created_at, disabled = row
    return User(name=name, role=role, created_at=created_at, disabled=bool(disabled))


def get_user(con, name: str) -> User | None:
    found = db.rows(con, "auth_user_by_name", user_name=name)
    return _row_to_user(found[0]) if found else None


def _require_user(con, name: str) -> User:
    user = get_user(con, name)
    if user is None:
        raise InputRejected("auth.unknown_user", name=name)
    return user


def has_accounts(con) -> bool:
    return db.scalar(con, "auth_user_count") > 0


def list_users(con) -> pd.DataFrame:
    """Every account: user_name, role, created_at, disabled, failures, locked_until."""
    return db.query(con, "auth_users")


def add_user(con, name: str, role: str, password: str, *, actor: str, now: datetime | None = None) -> User:
    validate_name(name)
    validate_role(role)
    password_hash = hash_password(password)
    now = now or utc_now()
    with db.transaction(con):
        if get_user(con, name) is not None:
            raise InputRejected("auth.user_exists", name=name)
        db.execute(con, "auth_user_insert", user_name=name, role=role, password_hash=password_hash, created_at=now)
        audit.record(con, "account_change", actor, f"add {name} role={role}", now=now)
    return User(name=name, role=role, created_at=now)


def _refuse_losing_last_admin(con, user: User) -> None:
    """Keep at least one usable admin while any account exists (else nobody can manage them)."""
    if user.role == "admin" and not user.disabled and db.scalar(con, "auth_admin_count") <= 1:
        if db.scalar(con, "auth_user_count") > 1:
            raise InputRejected("auth.last_admin", name=user.name)


def remove_user(con, name: str, *, actor: str, now: datetime | None = None) -> None:
    with db.transaction(con):
        user = _require_user(con, name)
        _refuse_losing_last_admin(con, user)
        db.execute(con, "auth_user_delete", user_name=name)
        db.execute(con, "auth_throttle_clear", user_name=name)
        audit.record(con, "account_change", actor, f"remove {name} role={user.role}", now=now)


def set_password(con, name: str, password: str, *, actor: str, now: datetime | None = None) -> None:
    password_hash = hash_password(password)
    with db.transaction(con):
        _require_user(con, name)
        db.execute(con, "auth_user_set_password", user_name=name, password_hash=password_hash)
        # A new password lifts a lock: this is how an admin lets a locked-out colleague back in.
        db.execute(con, "auth_throttle_clear", user_name=name)
        audit.record(con, "account_change", actor, f"password {name}", now=now)


def set_role(con, name: str, role: str, *, actor: str, now: datetime | None = None) -> None:
    validate_role(role)
    with db.transaction(con):
        user = _require_user(con, name)
        if role != "admin":
            _refuse_losing_last_admin(con, user)
        db.execute(con, "auth_user_set_role", user_name=name, role=role)
        audit.record(con, "account_change", actor, f"role {name} {user.role}->{role}", now=now)


def set_disabled(con, name: str, disabled: bool, *, actor: str, now: datetime | None = None) -> None:
    with db.transaction(con):
        user = _require_user(con, name)
        if disabled:
            _refuse_losing_last_admin(con, user)
        db.execute(con, "auth_user_set_disabled", user_name=name, disabled=disabled)
        audit.record(con, "account_change", actor, f"{'disable' if disabled else 'enable'} {name}", now=now)


# --- sign-in with rate limiting ---------------------------------------------------------------


@dataclass(frozen=True)
class Throttle:
    """Consecutive failures of one user name and the lock they caused, if any."""

    failures: int = 0
    last_failure_at: datetime | None = None
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime, max_failures: int, lock_minutes: float) -> "Throttle":
        """The state after one more failure at `now`. Failures older than the lock period, or
        from before an expired lock, no longer count."""
        window = timedelta(minutes=lock_minutes)
        stale = (self.locked_until is not None and now >= self.locked_until) or (
            self.last_failure_at is not None and now - self.last_failure_at > window
        )
        failures = 1 if stale else self.failures + 1
        locked_until = now + window if failures >= max_failures else None
        return Throttle(failures=failures, last_failure_at=now, locked_until=locked_until)


def _throttle(con, name: str) -> Throttle:
    found = db.rows(con, "auth_throttle_get", user_name=name)
    return Throttle(*found[0]) if found else Throttle()


def _locked(name: str, throttle: Throttle, now: datetime) -> InputRejected:
    """The refusal that says until when `name` is locked (UTC) and in how many minutes."""
    seconds = int((throttle.locked_until - now).total_seconds())
    return InputRejected(
        "auth.locked",
        name=name,
        failures=throttle.failures,
        until=throttle.locked_until.strftime("%H:%M"),
        minutes=max(1, -(-seconds // 60)),  # rounded up, at least 1
    )


def sign_in(con, name: str, password: str, *, now: datetime | None = None) -> User:
    """The account when name and password match; otherwise InputRejected with a message that
    says how many tries are left, or until when the name is locked. Every attempt is audited."""
    now = now or utc_now()
    max_failures, lock_minutes = settings.sign_in_max_failures(), settings.sign_in_lock_minutes()
    throttle = _throttle(con, name)
    if throttle.locked(now):
        audit.record(con, "sign_in_failed", name, "locked", now=now)
        raise _locked(name, throttle, now)
    found = db.rows(con, "auth_user_by_name", user_name=name)
    password_ok = check_password(password, found[0][2] if found else _dummy_hash(settings.bcrypt_rounds()))
    if found and password_ok:
        user = _row_to_user(found[0])
        if user.disabled:
            audit.record(con, "sign_in_failed", name, "disabled", now=now)
            raise InputRejected("auth.disabled", name=name)
        with db.transaction(con):
            db.execute(con, "auth_throttle_clear", user_name=name)
            audit.record(con, "sign_in_ok", name, f"role={user.role}", now=now)
        return user
    after = throttle.after_failure(now, max_failures, lock_minutes)
    with db.transaction(con):
        db.execute(con, "auth_throttle_set", user_name=name, **after.__dict__)
        audit.record(con, "sign_in_failed", name, "unknown user" if not found else "wrong password", now=now)
    if after.locked(now):
        raise _locked(name, after, now)
    raise InputRejected("auth.sign_in_failed", remaining=max_failures - after.failures, minutes=f"{lock_minutes:g}")
