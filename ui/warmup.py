"""What the first page run needs, done before the first visitor (`make run`, ui/serve.py).

The first visitor of a fresh server waits for what the first script run does once per process:
importing pandas and the package, and building or checking the database (museum.seed.init).
None of that depends on the visitor, so a thread does it as soon as the server listens, while
the browser fetches Streamlit's scripts. Whoever comes first does the work: the thread, or a
first run that arrives before it (which then does it itself, as without this module); the other
waits for it or skips it. This module imports nothing heavy itself: the server's own start must
not wait for it.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from typing import Callable

log = logging.getLogger("museum.ui")
WAIT_SECONDS = 60  # the preparation's database waits are bounded well below this
LISTEN_SECONDS = 10  # how long the thread waits for the server to listen before it gives up
_done = threading.Event()
_done.set()  # nothing to prepare, nothing to wait for, unless start() is called
_claim_lock = threading.Lock()
_claimed = True


def start(address: str, port: int, preload: Callable[[], None] | None = None) -> None:
    """Prepare in a thread once the server listens on (address, port): `preload` (the imports every
    page makes, named by ui/serve.py: the modules that import this one cannot be imported here),
    then the database. A failure is not reported here: the first run's own initialisation
    (ui.data.ensure_initialised) meets it again and shows it to the visitor."""
    global _claimed
    _done.clear()
    _claimed = False
    threading.Thread(target=_prepare, args=(address, port, preload), name="museum-warmup", daemon=True).start()


def wait() -> None:
    """Before the first run initialises: wait for a preparation under way; none under way (or
    not yet begun), return at once and let the run do the work."""
    if _claim():
        _done.set()
        return
    _done.wait(timeout=WAIT_SECONDS)


def _claim() -> bool:
    """True for the first caller only: it does the preparation."""
    global _claimed
    with _claim_lock:
        first, _claimed = not _claimed, True
        return first


def _listening(address: str, port: int) -> bool:
    """Wait until the server accepts connections. Started earlier, this thread would hold the
    interpreter while Streamlit starts its server, and the browser would wait for both."""
    deadline = time.monotonic() + LISTEN_SECONDS
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((address, port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.02)
    return False


def _prepare(address: str, port: int, preload: Callable[[], None] | None = None) -> None:
    if not _listening(address, port) or not _claim():
        return  # the first run does the work itself
    try:
        from museum import seed
        from museum.store import db

        if preload is not None:
            preload()
        with db.session() as con:
            seed.init(con)
    except Exception as exc:  # noqa: BLE001 — see start()
        log.info("preparing at server start did not finish (%s); the first page run does it", exc)
    finally:
        _done.set()
