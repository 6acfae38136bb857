"""The files beside a database that let processes coordinate, and the modes they are written with.

- `<db>.lock`: the write lock. Every process that opens the database for writing holds it
  exclusively (flock) for as long as its connection is open, and a restore holds it from its
  first check to its last rename; readers take it shared only while they open, so a waiting
  writer is seen by every reader (museum.store.pool). The file holds the PID and command line of
  the last exclusive holder, for the busy message.
- `<db>.serving`: a running dashboard holds it shared for the life of its process (`db.serve`);
  a restore refuses while anyone does. The kernel drops the lock when the process dies, so a
  killed server never leaves a stale marker.
- `<db>.restoring` and `<stem>.before-restore-<time><suffix>`: what a restore builds and what it
  keeps. Where the database itself is missing and one of them is there, a restore was interrupted.

Everything here is written private to its owner (0600 files, 0700 directories we create): the
database holds password hashes.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sys
import time
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def lock_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".lock")


def serving_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".serving")


def staging_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".restoring")


def wal_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".wal")


def kept_path(db_file: Path, stamp: str) -> Path:
    return db_file.with_name(f"{db_file.stem}.before-restore-{stamp}{db_file.suffix}")


def kept_files(db_file: Path) -> list[Path]:
    """Databases an earlier restore set aside (not their WAL files), oldest first."""
    prefix, suffix = f"{db_file.stem}.before-restore-", db_file.suffix
    return sorted(p for p in db_file.parent.glob(prefix + "*") if p.name.endswith(suffix) and not p.name.endswith(".wal"))


def interrupted_restore(db_file: Path) -> dict | None:
    """What an interrupted restore left where the database is missing: {"staging", "kept"}, or None."""
    if db_file.exists():
        return None
    staging = staging_path(db_file)
    kept = kept_files(db_file)
    if not staging.exists() and not kept:
        return None
    return {"staging": staging if staging.exists() else None, "kept": kept[-1] if kept else None}


def make_private(path: Path) -> None:
    """chmod 0600 a file we own that others could read (a no-op when it is already private)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if info.st_uid == os.geteuid() and info.st_mode & 0o077:
        try:
            os.chmod(path, PRIVATE_FILE)
        except OSError:  # e.g. a read-only file system: nothing we could write there anyway
            pass


def private_dir(path: Path) -> None:
    """Create `path` (and its parents) with the new directory itself 0700."""
    if path.is_dir():
        return
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    os.chmod(path, PRIVATE_DIR)  # mkdir's mode is masked by the umask


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (the directory entry itself is flushed)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _command() -> str:
    text = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv)) or "python"
    return text if len(text) <= 120 else text[:119] + "…"


class FileLock:
    """An flock on one small file, through its own open file description.

    Two FileLock objects on the same path conflict even inside one process (flock locks belong
    to the open file description), which is what lets threads and processes share one rule.
    """

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def _open(self) -> int:
        """Open (creating 0600) the lock file; OSError when the directory is read-only or missing."""
        return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, PRIVATE_FILE)

    def try_acquire(self, exclusive: bool) -> bool:
        """Take the lock without waiting; False when another holder conflicts."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this FileLock")
        fd = self._open()
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        self._fd = fd
        if exclusive:
            self._write_holder()
        return True

    def acquire(self, exclusive: bool, deadline: float, sleep=time.sleep) -> bool:
        """Take the lock, retrying until `deadline` (time.monotonic); False when it stayed taken.
        `sleep(seconds)` waits between tries (a condition's wait, so others may run meanwhile)."""
        delay = 0.005
        while not self.try_acquire(exclusive):
            if time.monotonic() >= deadline:
                return False
            sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 0.1)
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _write_holder(self) -> None:
        try:
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, f"PID {os.getpid()} ({_command()})\n".encode("utf-8", "replace"), 0)
        except OSError:
            pass  # the holder text only improves a message

    def holder(self) -> str:
        """Who took the lock exclusively last (the PID and command), for a busy message."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            text = ""
        return text[:200] or "?"

    def conflicting(self, exclusive: bool) -> bool:
        """Whether someone else holds the lock so that we could not take it (`exclusive` or shared)."""
        probe = FileLock(self.path)
        try:
            if probe.try_acquire(exclusive):
                probe.release()
                return False
            return True
        except OSError:
            return False  # no lock file can exist here, so nobody holds one


# The serving markers this process holds: db file -> FileLock (kept until the process exits).
_SERVING: dict[str, FileLock] = {}


def serve(db_file: Path, deadline: float) -> bool:
    """Mark this process as serving `db_file` until it exits; False if a restore kept it from
    doing so until `deadline`. Idempotent."""
    key = str(db_file.absolute())
    if key in _SERVING:
        return True
    marker = FileLock(serving_path(db_file))
    if not marker.acquire(False, deadline):
        return False
    _SERVING[key] = marker
    return True


def being_served(db_file: Path) -> bool:
    """Whether any process (this one included) holds the serving marker of `db_file`."""
    return FileLock(serving_path(db_file)).conflicting(exclusive=True)
