"""Sign-ins that survive a reload: a signed, expiring, revocable token the browser keeps in a cookie.

A token is `<random id>.<expiry, unix seconds>.<HMAC-SHA256 of both>` keyed with a per-database
secret (`app_secret`). The database keeps the SHA-256 of the random id only, with the account and
the credential version it signed in with. A token resumes its account until the first of: its
lifetime (MUSEUM_SESSION_DAYS), sign-out (revoked), or any change that ends an open session too —
the account removed or disabled, its role or password changed, a restore (credential versions,
museum.access.auth). Every resume reads the database, never a cache.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from museum import settings
from museum.store import db

COOKIE = "museum_session"
_KEY = "session_key"


@dataclass(frozen=True)
class Resumed:
    name: str
    role: str
    credential_version: int


def _key(con) -> bytes:
    value = db.scalar(con, "auth_secret_get", name=_KEY)
    if value is None:  # made once per database, in the sign-in's transaction
        db.execute(con, "auth_secret_insert", name=_KEY, value=secrets.token_hex(32))
        value = db.scalar(con, "auth_secret_get", name=_KEY)
    return bytes.fromhex(value)


def ensure_key(con) -> None:
    """Make the database's session key if it has none yet (call outside a transaction, before
    `issue`): the dashboard processes of one PostgreSQL database take turns at it (db.serialised),
    so two first sign-ins at once in two processes do not both try to make it."""
    if db.scalar(con, "auth_secret_get", name=_KEY) is not None:
        return
    with db.serialised(con, "session_key"), db.transaction(con):
        _key(con)


def _signature(key: bytes, payload: str) -> str:
    digest = hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _epoch(moment: datetime) -> int:
    """Seconds since 1970 of a naive UTC timestamp (as the accounts tables store time)."""
    return int(moment.replace(tzinfo=timezone.utc).timestamp())


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("ascii")).hexdigest()


def issue(con, name: str, credential_version: int, now: datetime) -> tuple[str, datetime]:
    """A new token for the account just signed in, and when it expires (call inside the sign-in's transaction)."""
    expires = now + timedelta(days=settings.session_days())
    db.execute(con, "app_session_forget_stale", before=now)
    session_id = secrets.token_urlsafe(24)
    db.execute(con, "app_session_insert", session_hash=_hash(session_id), user_name=name,
               credential_version=credential_version, created_at=now, expires_at=expires)
    payload = f"{session_id}.{_epoch(expires)}"
    return f"{payload}.{_signature(_key(con), payload)}", expires


def _parts(token: str | None) -> tuple[str, str, str] | None:
    parts = str(token or "").strip().split(".")
    if len(parts) != 3 or not all(parts) or len(token) > 200:
        return None
    return parts[0], parts[1], parts[2]


def resume(con, token: str | None, now: datetime) -> Resumed | None:
    """The account a token still stands for, or None (forged, expired, revoked, or the account's
    rights changed since). Reads only; a forged token costs one HMAC and no query."""
    parts = _parts(token)
    if parts is None:
        return None
    session_id, expiry, signature = parts
    key = db.scalar(con, "auth_secret_get", name=_KEY)
    if key is None or not hmac.compare_digest(signature, _signature(bytes.fromhex(key), f"{session_id}.{expiry}")):
        return None
    if not expiry.isdigit() or int(expiry) <= _epoch(now):
        return None
    found = db.rows(con, "app_session_get", session_hash=_hash(session_id))
    if not found:
        return None
    name, version, expires_at, revoked_at, role, disabled, current_version = found[0]
    if revoked_at is not None or expires_at <= now or disabled or int(version) != int(current_version):
        return None
    return Resumed(name, role, int(version))


def revoke(con, token: str | None, now: datetime) -> None:
    """Sign-out: the token resumes nothing any more (a token that is not one is ignored)."""
    parts = _parts(token)
    if parts is not None:
        db.execute(con, "app_session_revoke", session_hash=_hash(parts[0]), revoked_at=now)
