"""`make run`: Streamlit's own `streamlit run dashboard.py`, with the first page prepared while the
browser loads.

What the first script run would do once per process (imports, museum.seed.init) is done by a
thread as soon as the server listens (ui/warmup.py); the first run then finds it done.
`streamlit run dashboard.py` still works: it is only slower to show the first page.
bench/startup.py measures both.

    python -m ui.serve [streamlit options, e.g. --server.address 127.0.0.1 --server.port 8501]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from streamlit.web import cli

from ui import warmup

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"


def option(args: list[str], name: str, default: str) -> str:
    """A server option as Streamlit takes it: `--server.NAME VALUE`, `--server.NAME=VALUE`, or
    STREAMLIT_SERVER_NAME; else `default`."""
    flag = f"--server.{name}"
    for index, arg in enumerate(args):
        if arg == flag and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return os.environ.get(f"STREAMLIT_SERVER_{name.upper()}") or default


def preload() -> None:
    """What every page imports, imported once by the warm-up thread (ui.warmup cannot import these
    itself: through ui.data they import it)."""
    from ui import blocks, context  # noqa: F401


def main() -> None:
    args = sys.argv[1:]
    # a server bound to every interface answers on 127.0.0.1 too
    address = option(args, "address", "") or "127.0.0.1"
    warmup.start("127.0.0.1" if address in ("0.0.0.0", "::") else address, int(option(args, "port", "8501")),
                 preload)
    sys.argv = ["streamlit", "run", str(DASHBOARD), *args]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
