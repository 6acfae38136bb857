"""Peak memory and outcome of `python -m museum parse-report` on each hostile report (issue 20's closing note).

`python tests/data/report/hostile/measure.py DIR` runs the command once per file of DIR (built by
make_reports.py) in a child process limited to 3 GB of address space and 120 s, and prints the
child's peak resident memory, its exit code and the outcome: refused (exit 1, a message, no
traceback), read (exit 0), crashed (a traceback, a signal, out of memory or the time limit).
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
LIMIT_BYTES = 3 * 1024 ** 3
TIMEOUT_SECONDS = 120


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def measure(path: Path) -> dict:
    """Run parse-report on `path`; peak RSS (MB), exit code and outcome."""
    command = [sys.executable, "-m", "museum", "parse-report", str(path), "--json", "--lang", "en"]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_limit)
    try:
        _out, err = child.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        _out, err = child.communicate()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the largest child so far: run one file per process
    text = err.decode("utf-8", "replace")
    if child.returncode == 0:
        outcome = "read"
    elif child.returncode == 1 and "Traceback" not in text:
        outcome = "refused"
    else:
        outcome = "crashed"
    return {"file": path.name, "peak_mb": round(usage.ru_maxrss / 1024), "exit": child.returncode, "outcome": outcome,
            "message": text.strip().splitlines()[-1][:160] if text.strip() else ""}


if __name__ == "__main__":
    if len(sys.argv) == 3:  # one file, in this (fresh) process: ru_maxrss of children is per process tree
        print(measure(Path(sys.argv[2])))
        sys.exit(0)
    for file in sorted(Path(sys.argv[1]).iterdir()):
        subprocess.run([sys.executable, __file__, "--one", str(file)], check=False)

