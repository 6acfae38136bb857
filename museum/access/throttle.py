"""Sign-in limits: failed attempts counted per account name and client address, and per client address, atomically.

Counting is a read-modify-write of one row; two sign-ins at once would each add one to the
same old count (or fail with DuckDB's "Conflict on update", PostgreSQL's serialization failure).
So every change of a throttle row happens under `serialised(con)`, in the transaction that writes
the attempt's audit line: one lock for this process's threads; between processes DuckDB itself
serialises (one process has the file open for writing at a time) and on PostgreSQL, where several
dashboard processes share the database, an advisory lock does.

A name that is not an account is counted (and audited) under a salted hash of what was typed,
so the same refusal text is shown for known and unknown names without ever storing the text.
A client address is the connection's, or — behind a reverse proxy, when MUSEUM_TRUSTED_PROXY_HEADER
names its header — the last address in that header.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterator, Mapping

from museum import settings
from museum.store import db

LOCK = threading.Lock()


@contextmanager
def serialised(con) -> Iterator[None]:
    """Hold while reading and changing throttle rows: LOCK for this process's threads, and for the
    other dashboard processes of one PostgreSQL database its advisory lock (museum.store.db.serialised;
    take it before the attempt's transaction begins)."""
    with LOCK, db.serialised(con, "sign_in"):
        yield
_SALT = "sign_in_salt"
UNKNOWN_PREFIX = "unknown:"


@dataclass(frozen=True)
class Throttle:
    """Consecutive failures of one name (or client) and the lock they caused, if any."""

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


def account(con, key: str, address: str | None) -> Throttle:
    """The failures of the account `key` from `address` (per client: a stranger's guesses lock the
    account for the stranger's address only, never for its owner elsewhere)."""
    found = db.rows(con, "auth_throttle_get", user_name=key, client=address or "")
    return Throttle(*found[0]) if found else Throttle()


def client(con, address: str | None) -> Throttle:
    if address is None:
        return Throttle()
    found = db.rows(con, "auth_client_get", client=address)
    return Throttle(*found[0]) if found else Throttle()


def save_account(con, key: str, address: str | None, state: Throttle) -> None:
    db.execute(con, "auth_throttle_set", user_name=key, client=address or "", **state.__dict__)


def save_client(con, address: str | None, state: Throttle) -> None:
    if address is not None:
        db.execute(con, "auth_client_set", client=address, **state.__dict__)


def clear_account(con, key: str) -> None:
    """Every count of the account, from every address (an admin's unlock, a new password)."""
    db.execute(con, "auth_throttle_clear", user_name=key)


def clear_account_from(con, key: str, address: str | None) -> None:
    """The count of the account from this address only (its owner signed in from here; a stranger's
    count elsewhere stays)."""
    db.execute(con, "auth_throttle_clear_pair", user_name=key, client=address or "")


def clear_client(con, address: str) -> None:
    db.execute(con, "auth_client_clear", client=address)


def forget_stale(con, now: datetime, lock_minutes: float) -> None:
    """Drop counts older than the lock period (call inside the attempt's transaction)."""
    before = now - timedelta(minutes=lock_minutes)
    db.execute(con, "auth_throttle_forget_stale", before=before, now=now)
    db.execute(con, "auth_client_forget_stale", before=before, now=now)


def _salt(con) -> str:
    value = db.scalar(con, "auth_secret_get", name=_SALT)
    if value is None:  # a database whose salt row was lost: make one (under serialised(), in a transaction)
        db.execute(con, "auth_secret_insert", name=_SALT, value=secrets.token_hex(32))
        value = db.scalar(con, "auth_secret_get", name=_SALT)
    return value


def unknown_key(con, typed: str) -> str:
    """The key a name that is no account is counted under: never the typed text itself."""
    digest = hmac.new(_salt(con).encode("ascii"), typed.encode("utf-8", "surrogatepass"), hashlib.sha256)
    return UNKNOWN_PREFIX + digest.hexdigest()[:12]


def normalise_address(address) -> str | None:
    """An IP address in its canonical form (IPv4-mapped IPv6 as IPv4), else None."""
    if not isinstance(address, str) or not address or len(address) > 64:
        return None
    try:
        parsed = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    return str(parsed)


def request_address(remote_address: str | None, headers: Mapping[str, str] | None) -> str | None:
    """The connection's address as Streamlit reports it, except that Streamlit reports a loopback
    connection as None: a request (it has headers) without an address came from 127.0.0.1, and is
    limited like any other client (a local proxy without MUSEUM_TRUSTED_PROXY_HEADER shares it)."""
    if remote_address is None and headers:
        return "127.0.0.1"
    return remote_address


def client_address(remote_address: str | None, headers: Mapping[str, str] | None = None) -> str | None:
    """The client a sign-in comes from: with MUSEUM_TRUSTED_PROXY_HEADER set, the last address in
    that header (what the proxy itself saw); otherwise the connection's own address. None when
    unknown (then only the per-account limit applies)."""
    header = settings.trusted_proxy_header()
    if header and headers:
        wanted = header.lower()
        value = next((v for k, v in headers.items() if isinstance(k, str) and k.lower() == wanted), None)
        if isinstance(value, str) and value.strip():
            return normalise_address(value[-200:].split(",")[-1].strip())
    return normalise_address(remote_address)
