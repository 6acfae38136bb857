"""The comparison's materialized view on PostgreSQL (migration 0020): refreshed after each committed
write, read by museum.compare.views with the time it holds the data of.

`after_commit(url)` is what museum.store.db.transaction calls after a commit that wrote: it asks for
a refresh in a background thread and returns at once (the writer never waits for a national-size
refresh). Per database and process one refresh thread runs at a time, and requests made while it
runs are folded into one more run after it; across processes an advisory lock lets one refresh run
at a time, and a refresh that finds the view already at the data version does nothing. A reader
that finds the view behind (`catch_up`) asks for a refresh itself (a writer's process may have ended
before its refresh did) and waits a moment for it.

The refresh reads the data version just before its snapshot and records it with the time; a later
data version means the view may be behind, so the comparison says "截至 hh:mm（正在更新）". The
refresh bypasses museum.store.db.transaction on purpose: its own commit is not a write of data
and must not draw a new data version (that would make the view behind forever and every page's
cache stale); the state row is left out of the data-version trigger by the migration.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import threading
from dataclasses import dataclass

import psycopg

from museum.store import dialect, pg

LOG = logging.getLogger(__name__)
VIEW = "compare_values"  # the materialized view and its state row (queries/migrations/postgresql/0020_compare_views.sql)
LOCK_KEY = 2025_0020  # pg_advisory_xact_lock: one refresh of the view at a time per database
READER_WAIT_SECONDS = 2.0  # how long a reader of a behind view waits for its refresh before showing it as it is
EXIT_WAIT_SECONDS = 60.0  # at interpreter exit, how long a running refresh may still take

_LOCK = threading.Lock()
_THREADS: dict[str, threading.Thread] = {}
_AGAIN: set[str] = set()


def _sql(name: str) -> str:
    """queries/postgresql/NAME.sql with its `$name` parameters as psycopg's (this module sits below
    museum.store.db, which calls it, so it reads its few queries itself)."""
    return pg.translate((dialect.PG_QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8"))[0]


@dataclass(frozen=True)
class ViewState:
    refreshed_at: dt.datetime   # UTC, naive (as the store's other times)
    refreshed_version: int      # the data version the view holds (read just before the refresh's snapshot)
    data_version: int           # the data version now

    @property
    def behind(self) -> bool:
        return self.data_version > self.refreshed_version


def state(con) -> ViewState | None:
    """When the view was refreshed, at which data version, and the data version now; None before
    migration 0020 (then the comparison reads each unit as its pages do)."""
    try:
        found = con.execute(_sql("compare_view_state")).fetchall()
    except pg.Error:
        return None
    if not found:
        return None
    refreshed_at, refreshed_version, now = found[0]
    return ViewState(refreshed_at, int(refreshed_version), int(now))


def catch_up(con, wait_seconds: float = READER_WAIT_SECONDS) -> ViewState | None:
    """state(con), after asking for a refresh and waiting up to `wait_seconds` for it when the view is
    behind: a small database's refresh takes milliseconds, so a page usually shows current figures;
    a national-size one goes on in the background and the page says how old its figures are."""
    found = state(con)
    if found is None or not found.behind:
        return found
    refresh_soon(con.path)
    with _LOCK:
        thread = _THREADS.get(str(con.path))
    if thread is not None:
        thread.join(wait_seconds)
    return state(con)


def refresh(url: str) -> bool:
    """Bring the view up to the data version now, waiting for another process's refresh first;
    False when it already was (nothing done). Raises psycopg.Error (a background caller logs it)."""
    # read committed (each statement its own snapshot), so the version read before the refresh is
    # no newer than the refresh's snapshot: a commit the view lacks always has a later version
    with psycopg.connect(str(url), autocommit=True) as raw:
        with raw.transaction():
            raw.execute(_sql("compare_view_no_timeout"))  # a national-size refresh, in the background
            raw.execute(_sql("compare_view_lock"), {"key": LOCK_KEY})
            version, at = raw.execute(_sql("compare_view_version_now")).fetchone()
            held = raw.execute(_sql("compare_view_held")).fetchone()
            if held is not None and held[0] >= version:
                return False
            raw.execute(_sql("compare_view_refresh"))
            raw.execute(_sql("compare_view_state_set"), {"at": at, "version": version})
    return True


def _run(url: str) -> None:
    while True:
        try:
            refresh(url)
        except psycopg.Error as exc:  # a dropped database, a stopped server: the next reader asks again
            LOG.warning("refresh of %s in %s failed: %s", VIEW, pg.redacted(url), exc)
        with _LOCK:
            if url not in _AGAIN:
                _THREADS.pop(url, None)
                return
            _AGAIN.discard(url)


def refresh_soon(url: str) -> None:
    """Refresh in this process's background thread for `url` (started if none runs; one more run
    after it if one does). Returns at once."""
    url = str(url)
    with _LOCK:
        if url in _THREADS:
            _AGAIN.add(url)
            return
        thread = _THREADS[url] = threading.Thread(target=_run, args=(url,), name=f"refresh {VIEW}", daemon=True)
    thread.start()


def after_commit(con) -> None:
    """museum.store.db.transaction's hook after a commit that wrote: refresh the view soon (only on
    PostgreSQL, only once migration 0020 made it)."""
    if pg.is_pg(con) and _has_view(con):
        refresh_soon(con.path)


def _has_view(con) -> bool:
    try:
        return bool(con.execute(_sql("compare_view_exists")).fetchall()[0][0])
    except pg.Error:
        return False


def wait(timeout: float | None = None) -> None:
    """Until this process's refreshes have ended (a database about to be renamed, copied or dropped
    must have no session; tests that read the view right after a write)."""
    while True:
        with _LOCK:
            running = list(_THREADS.values())
        if not running:
            return
        for thread in running:
            thread.join(timeout)
        if timeout is not None:
            return


atexit.register(wait, EXIT_WAIT_SECONDS)
