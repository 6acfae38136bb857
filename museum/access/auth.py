"""Staff accounts, sign-in with rate limiting, session checks and the role permission table.

Passwords are stored only as bcrypt hashes. Names are NFKC-normalised and may not mix in
look-alike letters (museum.access.names). Failed sign-ins are counted per account name and client, and per
client address in the database, atomically (museum.access.throttle), so neither a restart nor a burst
of parallel attempts lifts a limit; an admin lifts one at once with `users unlock`. Each account
has a credential version that changes with its password, role or disabled flag (and at a
restore): a session signed in with another version has ended (`session_end_reason`). Every
account change and every sign-in attempt goes into the audit trail, in the change's transaction;
a failed attempt on a name that is no account is recorded under a salted hash, never the text.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import bcrypt
import pandas as pd

from museum import clock, settings
from museum.access import names as account_names, throttle
from museum.store import audit, db
from museum.access.names import MAX_TYPED_CHARS
from museum.errors import InputRejected
from museum.access.throttle import Throttle, client_address  # noqa: F401  (part of this module's interface)

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
    "approve",          # approve or reject figures pending review (another account than the submitter)
)
_VIEWER = frozenset({"view", "export"})
_EDITOR = _VIEWER | {"upload", "import_report", "correct", "rollback", "view_history"}
_ADMIN = _EDITOR | {"manage_accounts", "view_audit", "backup", "approve"}
PERMISSIONS: dict[str, frozenset[str]] = {"viewer": _VIEWER, "editor": _EDITOR, "admin": _ADMIN}

MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_BYTES = 72  # bcrypt's limit; bcrypt 5 refuses longer input instead of truncating
# Why a session ended (session_end_reason); message keys access.session_ended.<reason>.
SESSION_END_REASONS = ("removed", "disabled", "role_changed", "credentials_changed")


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created_at: datetime
    disabled: bool = False
    credential_version: int = 0


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
    """The name as it is stored (NFKC), or InputRejected: see museum.access.names."""
    return account_names.validate(name)


def new_credential_version() -> int:
    """A fresh, unguessable credential version (never 0, the value of accounts before 0007)."""
    return secrets.randbits(62) | 1


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
    if not isinstance(password, str) or len(password) > MAX_PASSWORD_BYTES:
        return False
    encoded = password.encode("utf-8", "surrogatepass")
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
    name, role, _hash, created_at, disabled, credential_version = row
    return User(name=name, role=role, created_at=created_at, disabled=bool(disabled), credential_version=int(credential_version))


def _lookup(con, name) -> tuple | None:
    """The account row of a typed name (normalised), or None; over-long input is never looked up."""
    if not isinstance(name, str) or len(name) > MAX_TYPED_CHARS:
        return None
    normal = account_names.normalise(name)
    if not 1 <= len(normal) <= account_names.MAX_NAME_CHARS:
        return None
    found = db.rows(con, "auth_user_by_name", user_name=normal)
    return found[0] if found else None


def get_user(con, name: str) -> User | None:
    row = _lookup(con, name)
    return _row_to_user(row) if row else None


def require_user(con, name: str) -> User:
    """The account named `name` (any spelling that normalises to it), or InputRejected naming it."""
    user = get_user(con, name)
    if user is None:
        raise InputRejected("auth.unknown_user", name=account_names.shown(name if isinstance(name, str) else ""))
    return user


def has_accounts(con) -> bool:
    return db.scalar(con, "auth_user_count") > 0


def list_users(con) -> pd.DataFrame:
    """Every account: user_name, role, created_at, disabled, failures, locked_until."""
    return db.query(con, "auth_users")


def add_user(con, name: str, role: str, password: str, *, actor: str, now: datetime | None = None,
             institutions=None) -> User:
    """Add an account with `role` in each of `institutions` (ids; None: every institution there is,
    as before rights per institution: museum.access.rights), in one audited transaction."""
    name = validate_name(name)
    validate_role(role)
    password_hash = hash_password(password)
    now = now or utc_now()
    version = new_credential_version()
    with db.transaction(con):
        if get_user(con, name) is not None:
            raise InputRejected("auth.user_exists", name=name)
        similar = [n for (n,) in db.rows(con, "auth_user_names") if n.casefold() == name.casefold()]
        if similar:
            raise InputRejected("auth.user_exists_other_case", name=name, existing=similar[0])
        db.execute(con, "auth_user_insert", user_name=name, role=role, password_hash=password_hash, created_at=now,
                   credential_version=version)
        units = [int(i) for (i, _n) in db.rows(con, "institution_list")] if institutions is None else institutions
        for institution_id in units:
            db.execute(con, "membership_set", user_name=name, institution_id=int(institution_id), role=role)
        audit.record(con, "account_change", actor, f"add {name} role={role}", now=now)
    return User(name=name, role=role, created_at=now, credential_version=version)


def _refuse_losing_last_admin(con, user: User) -> None:
    """Keep at least one usable admin while any account exists (else nobody can manage them)."""
    if user.role == "admin" and not user.disabled and db.scalar(con, "auth_admin_count") <= 1:
        if db.scalar(con, "auth_user_count") > 1:
            raise InputRejected("auth.last_admin", name=user.name)


def _renew(con, name: str) -> None:
    db.execute(con, "auth_user_set_credential_version", user_name=name, credential_version=new_credential_version())


def remove_user(con, name: str, *, actor: str, now: datetime | None = None) -> None:
    with throttle.serialised(con), db.transaction(con):
        user = require_user(con, name)
        _refuse_losing_last_admin(con, user)
        db.execute(con, "auth_user_delete", user_name=user.name)
        db.execute(con, "membership_delete_user", user_name=user.name)  # a later account of that name starts with none
        throttle.clear_account(con, user.name)
        audit.record(con, "account_change", actor, f"remove {user.name} role={user.role}", now=now)


def set_password(con, name: str, password: str, *, actor: str, now: datetime | None = None) -> None:
    password_hash = hash_password(password)
    with throttle.serialised(con), db.transaction(con):
        user = require_user(con, name)
        db.execute(con, "auth_user_set_password", user_name=user.name, password_hash=password_hash)
        _renew(con, user.name)
        # A new password lifts a lock: this is how an admin lets a locked-out colleague back in.
        throttle.clear_account(con, user.name)
        audit.record(con, "account_change", actor, f"password {user.name}", now=now)


def set_role(con, name: str, role: str, *, actor: str, now: datetime | None = None) -> None:
    validate_role(role)
    with db.transaction(con):
        user = require_user(con, name)
        if role != "admin":
            _refuse_losing_last_admin(con, user)
        db.execute(con, "auth_user_set_role", user_name=user.name, role=role)
        _renew(con, user.name)
        audit.record(con, "account_change", actor, f"role {user.name} {user.role}->{role}", now=now)


def set_disabled(con, name: str, disabled: bool, *, actor: str, now: datetime | None = None) -> None:
    with db.transaction(con):
        user = require_user(con, name)
        if disabled:
            _refuse_losing_last_admin(con, user)
        db.execute(con, "auth_user_set_disabled", user_name=user.name, disabled=disabled)
        _renew(con, user.name)
        audit.record(con, "account_change", actor, f"{'disable' if disabled else 'enable'} {user.name}", now=now)


def renew_all_credentials(con) -> None:
    """Give every account a new credential version (call inside a transaction): a restore does,
    so that no session signed in before it keeps its rights."""
    for (name,) in db.rows(con, "auth_user_names"):
        _renew(con, name)


def unlock(con, name: str, *, actor: str, now: datetime | None = None) -> None:
    """Lift the sign-in lock (and forget the failures) of an account, e.g. `users unlock NAME`."""
    with throttle.serialised(con), db.transaction(con):
        user = require_user(con, name)
        throttle.clear_account(con, user.name)
        audit.record(con, "account_change", actor, f"unlock {user.name}", now=now)


def unlock_client(con, address: str, *, actor: str, now: datetime | None = None) -> str:
    """Lift the sign-in lock of a client address (`users unlock --client ADDRESS`); its canonical form."""
    normal = throttle.normalise_address(address)
    if normal is None:
        raise InputRejected("auth.bad_address", address=account_names.shown(address if isinstance(address, str) else ""))
    with throttle.serialised(con), db.transaction(con):
        throttle.clear_client(con, normal)
        audit.record(con, "account_change", actor, f"unlock client {normal}", now=now)
    return normal


def locked_clients(con, now: datetime | None = None) -> pd.DataFrame:
    """Client addresses locked now: client, failures, locked_until."""
    return db.query(con, "auth_clients_locked", now=now or utc_now())


def session_end_reason(con, name: str, role: str, credential_version: int) -> str | None:
    """None while the session signed in as (`name`, `role`, `credential_version`) may go on; else
    why it has ended: "removed", "disabled", "role_changed" or "credentials_changed" (password
    reset, role change, disable/enable, restore). Check on every request."""
    found = db.rows(con, "auth_user_session", user_name=name) if isinstance(name, str) else []
    if not found:
        return "removed"
    current_role, disabled, version = found[0]
    if disabled:
        return "disabled"
    if current_role != role:
        return "role_changed"
    if int(version) != credential_version:
        return "credentials_changed"
    return None


# --- sign-in with rate limiting ---------------------------------------------------------------


def _lock_refusal(shown: str, account: Throttle, address: str | None, client: Throttle,
                  now: datetime) -> tuple[str, InputRejected] | None:
    """(audit detail, refusal) when the client address or the account is locked at `now`: the
    refusal says until when (UTC) and in how many minutes; None when neither is locked."""
    if client.locked(now):
        return "client locked", _until("auth.client_locked", client, now, client=address)
    if account.locked(now):
        return "locked", _until("auth.locked", account, now, name=shown)
    return None


def _until(key: str, state: Throttle, now: datetime, **who) -> InputRejected:
    seconds = int((state.locked_until - now).total_seconds())
    # the time as the person reads a clock: in the institution's zone, named in each language ("北京时间 20:15")
    until = clock.local_time(state.locked_until)
    return InputRejected(key, failures=state.failures, until=f"{until:%H:%M}",
                         zone_zh=clock.zone_label("zh", until), zone_en=clock.zone_label("en", until),
                         minutes=max(1, -(-seconds // 60)), **who)  # rounded up, at least 1


def sign_in(con, name: str, password: str, *, client: str | None = None, now: datetime | None = None) -> User:
    """The account when name and password match; otherwise InputRejected with a message that
    says how many tries are left, or until when the name (or the client address) is locked.

    `client` is the request's client address (see `client_address`); without it only the
    per-account limit applies. Every attempt is audited under the account's name, or under
    "unknown:<hash>" when the name is no account. Over-long input is refused unread.
    """
    now = now or utc_now()
    max_failures, lock_minutes = settings.sign_in_max_failures(), settings.sign_in_lock_minutes()
    typed = name if isinstance(name, str) else ""
    row = _lookup(con, typed)
    address = throttle.normalise_address(client)
    suffix = f" from {address}" if address else ""
    with throttle.serialised(con):
        key = row[0] if row else throttle.unknown_key(con, typed[:MAX_TYPED_CHARS])
        shown = row[0] if row else account_names.shown(account_names.normalise(typed[:MAX_TYPED_CHARS]))
        early = throttle.account(con, key, address), throttle.client(con, address)
    locked = _lock_refusal(shown, early[0], address, early[1], now)
    if locked is not None:
        with throttle.serialised(con), db.transaction(con):
            audit.record(con, "sign_in_failed", key, locked[0] + suffix, now=now)
        raise locked[1]
    # bcrypt takes a quarter of a second: check outside the lock, then count under it
    password_ok = check_password(password, row[2] if row else _dummy_hash(settings.bcrypt_rounds()))
    user = _row_to_user(row) if row else None
    with throttle.serialised(con), db.transaction(con):
        account, client_state = throttle.account(con, key, address), throttle.client(con, address)
        locked = _lock_refusal(shown, account, address, client_state, now)
        if locked is not None:
            audit.record(con, "sign_in_failed", key, locked[0] + suffix, now=now)
            refusal = locked[1]
        elif user is not None and password_ok and user.disabled:
            audit.record(con, "sign_in_failed", key, "disabled" + suffix, now=now)
            refusal = InputRejected("auth.disabled", name=user.name)
        elif user is not None and password_ok:
            throttle.clear_account_from(con, key, address)
            audit.record(con, "sign_in_ok", key, f"role={user.role}{suffix}", now=now)
            return user
        else:
            throttle.forget_stale(con, now, lock_minutes)
            account = account.after_failure(now, max_failures, lock_minutes)
            throttle.save_account(con, key, address, account)
            if address is not None:
                client_state = client_state.after_failure(now, settings.sign_in_client_max_failures(), lock_minutes)
                throttle.save_client(con, address, client_state)
            audit.record(con, "sign_in_failed", key, ("wrong password" if user else "unknown user") + suffix, now=now)
            locked = _lock_refusal(shown, account, address, client_state, now)
            if locked is not None:
                refusal = locked[1]
            else:
                refusal = InputRejected("auth.sign_in_failed", remaining=max_failures - account.failures,
                                        minutes=f"{lock_minutes:g}")
    raise refusal
