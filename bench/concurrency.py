"""Many viewers at once: N Streamlit sessions render the overview and the trends page while an
editor commits through the CLI; render time per session at 1, 5 and 20 sessions, the errors the
viewers saw, and the server's memory after a few hundred renders.

Each session is a websocket client speaking Streamlit's own protocol to `streamlit run` on
127.0.0.1 (what a browser tab does, without a browser's own CPU cost on this 2-core machine).
A render is timed from the rerun request to the server's "script finished". Loops are bounded.

    python bench/concurrency.py [--renders 6] [--sessions 1,5,20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from museum import demo, seed  # noqa: E402
from museum.store import db  # noqa: E402
from tests.e2e.conftest import free_port  # noqa: E402

SEED = 20241201
APOLOGY = ("抱歉，页面出现意外错误", "数据正在更新")  # the boundary's messages: an error a viewer saw


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Session:
    """One viewer: a websocket session that renders pages on request."""

    def __init__(self, url: str):
        self.url = url
        self.pages: dict[str, str] = {}  # url path -> page script hash

    async def __aenter__(self):
        self.socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=60)
        return self

    async def __aexit__(self, *exc):
        await self.socket.close()

    async def render(self, page: str = "") -> tuple[float, list[str]]:
        """(seconds, problems seen) for one run of `page` ("" = the default page)."""
        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_script_hash = self.pages.get(page, "")
        problems: list[str] = []
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(self.socket.recv(), timeout=120))
            kind = forward.WhichOneof("type")
            if kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in forward.navigation.app_pages}
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                which = element.WhichOneof("type")
                if which == "exception":
                    problems.append(element.exception.message[:120])
                elif which == "alert" and element.alert.body.startswith(APOLOGY):
                    problems.append(element.alert.body[:120])
            elif kind == "script_finished":
                return time.perf_counter() - started, problems


async def viewer(url: str, renders: int, think: float, rng: random.Random) -> tuple[list[float], list[str]]:
    times, problems = [], []
    async with Session(url) as session:
        await session.render()  # the session's first run: the menu and its page hashes
        for index in range(renders):
            if think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))  # a person reads before the next click
            seconds, seen = await session.render("" if index % 2 == 0 else "trends")
            times.append(seconds)
            problems += seen
    return times, problems


async def phase(url: str, sessions: int, renders: int, db_path: Path, work: Path, with_editor: bool, think: float,
                edit_every: float):
    loop = asyncio.get_running_loop()
    stop_box = {"stop": time.monotonic() + 3600}  # the editor commits until the viewers are done
    edits = loop.run_in_executor(None, lambda: editor_until(db_path, stop_box, work, edit_every)) if with_editor else None
    results = await asyncio.gather(*(viewer(url, renders, think, random.Random(SEED + n)) for n in range(sessions)))
    stop_box["stop"] = 0
    committed = await edits if edits is not None else 0
    times = [t for r in results for t in r[0]]
    problems = [p for r in results for p in r[1]]
    return times, problems, committed


def editor_until(db_path: Path, box: dict, work: Path, every: float) -> int:
    """Commit small uploads through the CLI until box["stop"]; returns how many went in."""
    done = 0
    while time.monotonic() < box["stop"]:
        file = work / f"edit{time.monotonic_ns()}.csv"
        file.write_text(f"年份,月份,指标,数值\n2024,{done % 12 + 1},直播活动,{done + 1}\n", encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "museum", "ingest", str(file), "--db", str(db_path)],
                                cwd=ROOT, capture_output=True, text=True, timeout=120,
                                env={**os.environ, "MUSEUM_DB_WAIT_SECONDS": "30"})
        done += result.returncode == 0
        time.sleep(every)
    return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=6, help="renders per session (alternating overview and trends)")
    parser.add_argument("--sessions", default="1,5,20")
    parser.add_argument("--think", type=float, default=2.0,
                        help="mean seconds a viewer reads before the next click (0: back to back, a stress test)")
    parser.add_argument("--edit-every", type=float, default=5.0, help="seconds between the editor's CLI commits")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="museum-conc-") as tmp:
        work = Path(tmp)
        db_path = work / "museum.duckdb"
        with db.session(db_path) as con:
            seed.init(con)
            demo.load(con, 1, actor="bench")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env={**os.environ, "MUSEUM_DB": str(db_path)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"ws://127.0.0.1:{port}/_stcore/stream"
            deadline = time.monotonic() + 60
            while True:
                try:
                    asyncio.run(viewer(url, 1, 0, random.Random(SEED)))  # warm: imports, caches, the first page
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            print(f"load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; server RSS after warm-up {rss_mb(server.pid):.0f} MB; "
                  f"think {args.think:g} s, a CLI commit every {args.edit_every:g} s (from 5 sessions on)")
            baseline = None
            total = 0
            for count in (int(n) for n in args.sessions.split(",")):
                times, problems, committed = asyncio.run(phase(url, count, args.renders, db_path, work, count > 1, args.think,
                                                               args.edit_every))
                total += len(times) + count
                median = statistics.median(times)
                p95 = sorted(times)[int(0.95 * (len(times) - 1))]
                baseline = baseline or median
                print(f"{count:3d} sessions: {len(times):4d} renders, median {median:.3f} s, p95 {p95:.3f} s, "
                      f"{median / baseline:.2f}x one session; errors seen {len(problems)}; CLI commits meanwhile {committed}")
                for problem in sorted(set(problems))[:5]:
                    print("      ", problem)
            print(f"server RSS after {total} renders: {rss_mb(server.pid):.0f} MB")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
