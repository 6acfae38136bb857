"""One DuckDB instance per database file per process, shared by every thread, with a cursor per caller.

Why: DuckDB keeps one instance per file in a process and fails with "Unique file handle
conflict" when one thread opens the file while another is closing it; it also refuses, inside
one process, a read-only and a read-write connection to the same file at once. So here each
process opens a file once — read-only for the shared read path (`db.reading`), read-write while
anything writes — hands every caller its own cursor, and closes the instance as soon as the last
caller is done (the read path after a short linger), so that another process, the CLI above
all, can take the file. Opens and closes of one file happen only under its lock.

Between processes, the write lock (`<db>.lock`, museum.store.files) decides: a writer holds it
exclusively while its instance is open; readers take it shared only while opening. A reader
instance that finds the lock taken drains (no new cursors) and closes, so a waiting writer gets
in within one query or one linger period; then readers wait for the writer to finish.
"""

from __future__ import annotations

import atexit
import os
import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from museum import settings
from museum.store import files as db_files
from museum.store.errors import database_error, is_fatal
from museum.errors import DatabaseBusy, DatabaseError

# Extension downloads stall and fail offline (DESIGN §6); nothing here needs one.
CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# "… Conflicting lock is held in /usr/bin/python3 (PID 123). However, you would be able to open …"
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<holder>.+?\(PID \d+\)|.+?(?=\. See also|\. However|$))")


class Connection:
    """A caller's cursor on the process's shared instance of one database file.

    Behaves as a DuckDB connection (execute, sql, register, …); `close()` hands it back, and the
    instance closes (releasing the file) when nobody in the process uses it any more.
    """

    __slots__ = ("_cursor", "_entry", "_owner", "write", "linger", "closed")

    def __init__(self, cursor, entry: "_Entry", owner: int, write: bool, linger: bool):
        self._cursor, self._entry, self._owner = cursor, entry, owner
        self.write, self.linger, self.closed = write, linger, False

    @property
    def path(self) -> Path:
        return self._entry.path

    @property
    def read_only(self) -> bool:
        return self._entry.mode == "read"

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._entry.release(self)

    def mark_broken(self) -> None:
        """DuckDB gave up on the instance (a fatal error): reopen it once its users are done."""
        self._entry.broken = True

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Entry:
    """The state of one database file in this process (all fields guarded by `cond`)."""

    def __init__(self, path: Path):
        self.path = path
        self.cond = threading.Condition()
        self.root = None                     # the instance's first connection; cursors come from it
        self.mode: str | None = None         # "read" | "write" while open
        self.users = 0
        self.writers = 0
        self.holders: dict[int, int] = {}    # thread id -> cursors it holds (nested use never waits)
        self.draining = False                # no new cursors: close when the last one is back
        self.broken = False
        self.opening = False
        self.exclusive_owner: int | None = None
        self.lock = db_files.FileLock(db_files.lock_path(path))
        self.lock_holds = 0                  # an open write instance and/or an exclusive section
        self.last_release = 0.0
        self.timer: threading.Timer | None = None

    # --- waiting --------------------------------------------------------------------------

    def _sleep(self, seconds: float) -> None:
        self.cond.wait(seconds)  # releases the lock while waiting, so other threads may proceed

    def _busy(self) -> DatabaseBusy:
        return DatabaseBusy("db.busy", path=str(self.path), holder=self.lock.holder())

    def _wait(self, deadline: float) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise self._busy()
        # wake at least every 0.05 s: another process's writer shows up without a notify
        self.cond.wait(min(remaining, 0.05))

    # --- opening and closing --------------------------------------------------------------

    def _hold_lock(self, deadline: float) -> None:
        if self.lock_holds == 0:
            try:
                acquired = self.lock.acquire(True, deadline, sleep=self._sleep)
            except OSError as exc:  # the lock file cannot be created: a read-only directory
                raise database_error(exc, self.path) from exc
            if not acquired:
                raise self._busy()
        self.lock_holds += 1

    def _drop_lock(self) -> None:
        self.lock_holds -= 1
        if self.lock_holds == 0:
            self.lock.release()

    def _writer_waiting(self) -> bool:
        """Whether another process (or thread) holds the write lock while we read."""
        return self.lock_holds == 0 and self.lock.conflicting(exclusive=False)

    def _connect(self, read_only: bool, deadline: float):
        delay = 0.01
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only, config=CONFIG)
            except duckdb.Error as exc:
                match = _LOCK_HOLDER.search(str(exc))
                if match is None:
                    if read_only and "database does not exist" in str(exc):
                        raise missing_database(self.path) from exc
                    raise database_error(exc, self.path) from exc
                if time.monotonic() >= deadline:
                    raise DatabaseBusy("db.busy", path=str(self.path), holder=match["holder"]) from exc
                self._sleep(delay)
                delay = min(delay * 2, 0.25)

    def _open(self, write: bool, deadline: float) -> None:
        self.opening = True
        try:
            if write:
                if not self.path.exists():
                    refuse_after_interrupted_restore(self.path)
                    db_files.private_dir(self.path.parent)
                self._hold_lock(deadline)
                try:
                    root = self._connect(False, deadline)
                except BaseException:
                    self._drop_lock()
                    raise
                db_files.make_private(self.path)  # new, or written 0644 by an earlier version
            else:
                if self.lock_holds == 0:
                    self._wait_for_writers(deadline)
                root = self._connect(True, deadline)
        finally:
            self.opening = False
            self.cond.notify_all()
        self.root, self.mode = root, ("write" if write else "read")

    def _wait_for_writers(self, deadline: float) -> None:
        """Take the write lock shared for a moment: a writer of another process goes first."""
        probe = db_files.FileLock(self.lock.path)
        try:
            acquired = probe.acquire(False, deadline, sleep=self._sleep)
        except OSError:
            return  # no lock file can be made here (read-only directory), so no writer can exist
        if not acquired:
            raise self._busy()
        probe.release()

    def _close(self) -> None:
        root, mode = self.root, self.mode
        self.root, self.mode, self.draining, self.broken = None, None, False, False
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        try:
            root.close()
        except duckdb.Error:
            # a checkpoint that fails (full disk) leaves the WAL, which the next open replays;
            # every commit was already durable, so there is nothing to report here
            pass
        if mode == "write":
            self._drop_lock()
        self.cond.notify_all()

    # --- handing out cursors --------------------------------------------------------------

    def _hand_out(self, write: bool, me: int, linger: bool) -> Connection:
        try:
            cursor = self.root.cursor()
        except duckdb.Error as exc:
            self.broken = True
            raise database_error(exc, self.path) from exc
        self.users += 1
        self.writers += write
        self.holders[me] = self.holders.get(me, 0) + 1
        return Connection(cursor, self, me, write, linger)

    def acquire(self, write: bool, deadline: float, linger: bool) -> Connection:
        me = threading.get_ident()
        with self.cond:
            while True:
                if self.exclusive_owner not in (None, me):
                    self._wait(deadline)
                    continue
                if self.root is not None and not self.broken:
                    if self.holders.get(me):
                        # nested use inside one thread: never wait for ourselves
                        if write and self.mode == "read":
                            raise RuntimeError(f"this thread reads {self.path} and asked to write it: close the reader first")
                        return self._hand_out(write, me, linger)
                    if not self.draining:
                        if self.mode == "write" and (write or self.writers > 0):
                            return self._hand_out(write, me, linger)
                        if self.mode == "read" and not write and not self._writer_waiting():
                            return self._hand_out(False, me, linger)
                    # the wrong mode, or a writer waits: let the current users finish, then close
                    self.draining = True
                if self.root is not None:
                    if self.users == 0:
                        self._close()
                    else:
                        self._wait(deadline)
                    continue
                if self.opening:
                    self._wait(deadline)
                    continue
                self._open(write, deadline)

    def release(self, connection: Connection) -> None:
        try:
            connection._cursor.close()
        except duckdb.Error:
            pass
        with self.cond:
            self.users -= 1
            self.writers -= connection.write
            left = self.holders.get(connection._owner, 1) - 1
            if left:
                self.holders[connection._owner] = left
            else:
                self.holders.pop(connection._owner, None)
            if self.users == 0 and self.root is not None:
                keep = self.mode == "read" and connection.linger and not self.draining and not self.broken
                if keep and not self._writer_waiting():
                    self.last_release = time.monotonic()
                    self._schedule_idle_close()
                else:
                    self._close()
            self.cond.notify_all()

    def _schedule_idle_close(self) -> None:
        if self.timer is None:
            self.timer = threading.Timer(settings.db_reader_idle_seconds(), self._idle_close)
            self.timer.daemon = True
            self.timer.start()

    def _idle_close(self) -> None:
        with self.cond:
            self.timer = None
            if self.root is None or self.users:
                return
            idle = settings.db_reader_idle_seconds()
            if time.monotonic() - self.last_release >= idle * 0.95 or self._writer_waiting():
                self._close()
            else:
                self._schedule_idle_close()

    @contextmanager
    def exclusive(self, deadline: float) -> Iterator[None]:
        """Hold the write lock and keep every other thread of this process out for the block."""
        me = threading.get_ident()
        with self.cond:
            while self.exclusive_owner not in (None, me):
                self._wait(deadline)
            if self.exclusive_owner == me:
                raise RuntimeError(f"{self.path} is already held exclusively by this thread")
            if self.holders.get(me):
                raise RuntimeError(f"this thread has {self.path} open: close it before holding it exclusively")
            self.exclusive_owner = me
            try:
                while self.root is not None or self.opening:
                    if self.root is not None and self.users == 0:
                        self._close()
                        continue
                    self.draining = True
                    self._wait(deadline)
                self._hold_lock(deadline)
            except BaseException:
                self.exclusive_owner = None
                self.cond.notify_all()
                raise
        try:
            yield
        finally:
            with self.cond:
                if self.root is not None and self.users == 0:
                    self._close()
                self._drop_lock()
                self.exclusive_owner = None
                self.cond.notify_all()


_ENTRIES: dict[str, _Entry] = {}
_ENTRIES_LOCK = threading.Lock()


def close_idle() -> None:
    """Close every instance nobody uses (the lingering read path): at exit, and for tests."""
    with _ENTRIES_LOCK:
        entries = list(_ENTRIES.values())
    for found in entries:
        with found.cond:
            if found.root is not None and found.users == 0:
                found._close()


atexit.register(close_idle)


def entry(path: Path) -> _Entry:
    key = os.path.normpath(str(Path(path).absolute()))
    with _ENTRIES_LOCK:
        found = _ENTRIES.get(key)
        if found is None:
            found = _ENTRIES[key] = _Entry(Path(key))
        return found


def missing_database(path: Path) -> DatabaseError:
    trace = db_files.interrupted_restore(path)
    if trace is not None:
        return interrupted_restore_error(path, trace)
    return DatabaseError("db.missing", visitor_key="db.failed_visitor", path=str(path))


def interrupted_restore_error(path: Path, trace: dict) -> DatabaseError:
    if trace["staging"] is not None:
        return DatabaseError("db.restore_interrupted", visitor_key="db.failed_visitor", path=str(path),
                             staging=str(trace["staging"]))
    return DatabaseError("db.restore_kept_only", visitor_key="db.failed_visitor", path=str(path), kept=str(trace["kept"]))


def refuse_after_interrupted_restore(path: Path) -> None:
    """Refuse to create a new, empty database where a restore was interrupted (its traces say so)."""
    trace = db_files.interrupted_restore(path)
    if trace is not None:
        raise interrupted_restore_error(path, trace)


def fatal(connection: Connection, exc: BaseException) -> None:
    """After a fatal DuckDB error, make the instance reopen once its users are done."""
    if isinstance(connection, Connection) and is_fatal(exc):
        connection.mark_broken()
