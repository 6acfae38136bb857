"""Tally this corpus's downloads (read right, refused wrongly, misnamed …) with the museum package of the current directory.

Run from any checkout to measure that checkout's code against this corpus, e.g. before a fix:
`cd /path/to/older/checkout && .venv/bin/python /path/to/this/tests/data/sources/tally_downloads.py`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, os.getcwd())  # the checkout measured
sys.path.insert(1, str(Path(__file__).resolve().parents[2] / "unit"))  # this corpus and its expectations

import museum  # noqa: E402
import test_real_downloads as expected  # noqa: E402


def main() -> None:
    os.environ.setdefault("MUSEUM_PEOPLE_KEY", "tally-only-key-0123456789")  # no key file is made by a measurement
    tally = dict.fromkeys(("read right", "read wrongly", "refused rightly", "refused wrongly", "misnamed"), 0)
    for name in expected.DOWNLOADS:
        got = expected.outcome(name, expected.analyse(expected.SOURCES, name))
        tally[got] += 1
        if got not in ("read right", "refused rightly"):
            print(f"  {name}: {got}")
    print(f"{Path(museum.__file__).parent}: " + ", ".join(f"{k} {v}" for k, v in tally.items()))


if __name__ == "__main__":
    main()
