"""Fault points (tests only): the process kills itself (SIGKILL) at a named step of a write when
MUSEUM_FAULT_KILL_AT names it, so a test can stop a write exactly there and check that nothing is half
done; inert otherwise."""

from __future__ import annotations

import os
import signal
import threading

from museum import settings

_ARMED = threading.local()


def fault_point(name: str) -> None:
    """Tests only: the process kills itself (SIGKILL) here when MUSEUM_FAULT_KILL_AT names this
    point, so a test can stop a write at an exact step; inert otherwise.

    Points: `query.NAME` (before a named query runs), `restore.*`, `backup.recorded`, `migration.NNNN`, and
    `commit:NAME` / `committed:NAME` — just before / just after the commit of the transaction in
    which the query NAME ran (plain `transaction.*` points would hit whichever transaction comes first).
    """
    spec = settings.fault_kill_at()
    if not spec:
        return
    if spec == name:
        os.kill(os.getpid(), signal.SIGKILL)
    when, _, query_name = spec.partition(":")
    if when in ("commit", "committed") and name == f"query.{query_name}":
        _ARMED.when = when


def at_commit(stage: str) -> None:
    if getattr(_ARMED, "when", None) == stage:
        os.kill(os.getpid(), signal.SIGKILL)
