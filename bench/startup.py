"""Time from `make run` (dependencies installed, no database yet) to the overview visible in Chromium.

Baseline, measured in the same run: a one-line Streamlit app started the same way, so the ratio
shows what this project adds on top of Streamlit's own start-up. Also measured: the dashboard
started as `streamlit run dashboard.py`, without the preparation at server start that `make run`
(ui/serve.py) does. Usage: python bench/startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402

ATTEMPTS = 5  # start-up times vary by a few tenths of a second on a 2-core machine; pairs are compared


def time_to_text(command: list[str], url: str, text: str, env: dict, browser) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        tab = browser.new_page()
        deadline = started + 120
        while time.perf_counter() < deadline:
            try:
                tab.goto(url, timeout=5000)
                break
            except Exception:  # the server is not listening yet
                time.sleep(0.1)
        tab.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=120_000)
        elapsed = time.perf_counter() - started
        tab.close()
        return elapsed
    finally:
        os.killpg(process.pid, 15)
        process.wait()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        hello = Path(tmp) / "hello.py"
        hello.write_text('import streamlit as st\nst.write("hello baseline")\n', encoding="utf-8")
        results = []
        for attempt in range(ATTEMPTS):
            port = free_port()
            baseline = time_to_text(
                [str(ROOT / ".venv/bin/streamlit"), "run", str(hello), "--server.address", "127.0.0.1",
                 "--server.port", str(port), "--server.headless", "true"],
                f"http://127.0.0.1:{port}", "hello baseline", dict(os.environ), browser)
            port = free_port()
            env = {**os.environ, "MUSEUM_DB": str(Path(tmp) / f"run{attempt}.duckdb")}
            ours = time_to_text(["make", "--no-print-directory", "run", f"PORT={port}"],
                                f"http://127.0.0.1:{port}", "科普图文", env, browser)
            port = free_port()
            env = {**os.environ, "MUSEUM_DB": str(Path(tmp) / f"plain{attempt}.duckdb")}
            plain = time_to_text(
                [str(ROOT / ".venv/bin/streamlit"), "run", "dashboard.py", "--server.address", "127.0.0.1",
                 "--server.port", str(port)],
                f"http://127.0.0.1:{port}", "科普图文", env, browser)
            results.append((baseline, ours, plain))
            print(f"run {attempt + 1}: baseline hello-world {baseline:.2f} s, make run -> overview visible {ours:.2f} s "
                  f"(ratio {ours / baseline:.2f}); streamlit run dashboard.py, nothing prepared at start {plain:.2f} s "
                  f"(ratio {plain / baseline:.2f})")
        browser.close()
    best_base = min(r[0] for r in results)
    best_ours = min(r[1] for r in results)
    print(f"best: baseline {best_base:.2f} s, make run -> overview {best_ours:.2f} s, ratio {best_ours / best_base:.2f}")
    print(f"median of the {ATTEMPTS} paired ratios: make run {statistics.median(r[1] / r[0] for r in results):.2f}, "
          f"streamlit run dashboard.py {statistics.median(r[2] / r[0] for r in results):.2f} "
          f"(load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
