"""Peak memory and outcome of `python -m museum parse-report` on each hostile report (issue 20's closing note).

`python tests/data/report/hostile/measure.py DIR` runs the command once per file of DIR (built by
make_reports.py) in a child process limited to 3 GB of address space and 120 s, and prints the
child's peak resident memory, its exit code and the outcome: refused (exit 1, a message, no
traceback), read (exit 0), crashed (a traceback, a signal, out of memory or the time limit).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
LIMIT_BYTES = 3 * 1024 ** 3
TIMEOUT_SECONDS = 120


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def measure(path: Path) -> dict:
    """Run parse-report on `path`; the child's own peak RSS (MB, from wait4: not the largest of
    every child this process ever had), exit code and outcome."""
    command = [sys.executable, "-m", "museum", "parse-report", str(path), "--json", "--lang", "en"]
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=_limit)
        timer = threading.Timer(TIMEOUT_SECONDS, child.kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if child.returncode == 0:
        outcome = "read"
    elif child.returncode == 1 and "Traceback" not in text:
        outcome = "refused"
    else:
        outcome = "crashed"
    return {"file": path.name, "peak_mb": round(usage.ru_maxrss / 1024), "exit": child.returncode, "outcome": outcome,
            "message": text.strip().splitlines()[-1][:160] if text.strip() else ""}


if __name__ == "__main__":
    for file in sorted(Path(sys.argv[1]).iterdir()):
        print(measure(file))

