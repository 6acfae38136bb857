"""Many viewers at once: N Streamlit sessions render the overview and the trends page while an
editor commits through the CLI; render time per session at 1, 5 and 20 sessions, the errors the
viewers saw, and the server's memory after a few hundred renders.

Each session is a websocket client speaking Streamlit's own protocol to `streamlit run` on
127.0.0.1 (what a browser tab does, without a browser's own CPU cost on this 2-core machine).
A render is timed from the rerun request to the server's "script finished". Loops are bounded.

On PostgreSQL (issue 25) the viewers are split over two `streamlit run` processes serving one
database (viewer n talks to process n mod 2, directly by port), against DuckDB's one process with
all viewers, measured in the same run. `--part uploads` (or `all`) runs bench/uploads.py: many
units committing at once.

    python bench/concurrency.py [--renders 6] [--sessions 1,5,20] [--engine duckdb|postgresql|both]
                                [--part viewers|uploads|all] [--units 64]
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
sys.path.insert(0, str(ROOT / "bench"))

import engines  # noqa: E402
import uploads  # noqa: E402
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


async def phase(urls: list[str], sessions: int, renders: int, db_path: Path, work: Path, with_editor: bool, think: float,
                edit_every: float):
    loop = asyncio.get_running_loop()
    stop_box = {"stop": time.monotonic() + 3600}  # the editor commits until the viewers are done
    edits = loop.run_in_executor(None, lambda: editor_until(db_path, stop_box, work, edit_every)) if with_editor else None
    results = await asyncio.gather(*(viewer(urls[n % len(urls)], renders, think, random.Random(SEED + n)) for n in range(sessions)))
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


def start_servers(database, count: int) -> list[tuple[subprocess.Popen, str]]:
    """`count` streamlit processes serving `database`, each warmed by one viewer; (process, websocket URL) each."""
    servers = []
    try:
        for _ in range(count):
            port = free_port()
            server = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.address", "127.0.0.1",
                 "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                cwd=ROOT, env={**os.environ, "MUSEUM_DB": str(database)}, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
            servers.append((server, f"ws://127.0.0.1:{port}/_stcore/stream"))
        for server, url in servers:
            deadline = time.monotonic() + 60
            while True:
                try:
                    asyncio.run(viewer(url, 1, 0, random.Random(SEED)))  # warm: imports, caches, the first page
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.3)
    except BaseException:
        stop_servers(servers)
        raise
    return servers


def stop_servers(servers) -> None:
    for server, _ in servers:
        server.terminate()
    for server, _ in servers:
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def viewers(engine: str, database, work: Path, args, processes: int) -> list[tuple[int, float, float]]:
    """Seed a demo unit into `database`, serve it with `processes` streamlit processes, run the phases;
    (sessions, median, p95) per phase."""
    with db.session(database) as con:
        seed.init(con)
        demo.load(con, 1, actor="bench")
    servers = start_servers(database, processes)
    measured = []
    try:
        urls = [url for _, url in servers]
        memory = " + ".join(f"{rss_mb(server.pid):.0f}" for server, _ in servers)
        print(f"\n{engine}: {processes} streamlit process{'es' if processes > 1 else ''} on one database, viewers split "
              f"evenly; {engines.load_line()}; server RSS after warm-up {memory} MB; think {args.think:g} s, a CLI commit "
              f"every {args.edit_every:g} s (in every phase of more than one session)")
        baseline = None
        total = 0
        for count in (int(n) for n in args.sessions.split(",")):
            times, problems, committed = asyncio.run(phase(urls, count, args.renders, database, work, count > 1, args.think,
                                                           args.edit_every))
            total += len(times) + count
            median = statistics.median(times)
            p95 = engines.p95(times)
            baseline = baseline or median
            measured.append((count, median, p95))
            print(f"{count:3d} sessions: {len(times):4d} renders, median {median:.3f} s, p95 {p95:.3f} s, "
                  f"{median / baseline:.2f}x one session; errors seen {len(problems)}; CLI commits meanwhile {committed}")
            for problem in sorted(set(problems))[:5]:
                print("      ", problem)
        memory = " + ".join(f"{rss_mb(server.pid):.0f}" for server, _ in servers)
        print(f"server RSS after {total} renders: {memory} MB")
    finally:
        stop_servers(servers)
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=6, help="renders per session (alternating overview and trends)")
    parser.add_argument("--sessions", default="1,5,20")
    parser.add_argument("--think", type=float, default=2.0,
                        help="mean seconds a viewer reads before the next click (0: back to back, a stress test)")
    parser.add_argument("--edit-every", type=float, default=5.0, help="seconds between the editor's CLI commits")
    parser.add_argument("--part", choices=("viewers", "uploads", "all"), default="viewers",
                        help="viewers (the default, as before), uploads (bench/uploads.py: many units committing at once) or both")
    parser.add_argument("--units", type=int, default=64, help="units uploading at once (--part uploads|all)")
    engines.add_argument(parser)
    args = parser.parse_args()
    chosen = engines.chosen(args.engine)
    failed = 0
    if args.part in ("uploads", "all"):
        failed = uploads.measure(chosen, args.units)
    if args.part == "uploads":
        return failed
    figures = {}
    with tempfile.TemporaryDirectory(prefix="museum-conc-") as tmp:
        work = Path(tmp)
        for engine in chosen:
            if engine == "duckdb":
                figures[engine] = viewers(engine, work / "museum.duckdb", work, args, 1)
            else:
                with engines.cluster() as cluster:
                    figures[engine] = viewers(engine, cluster.database("bench_viewers"), work, args, 2)
    if len(figures) == 2:
        print("\nPostgreSQL (two processes) against DuckDB (one process), same run:")
        for (count, median, p95), (_, base_median, base_p95) in zip(figures["postgresql"], figures["duckdb"]):
            print(f"{count:3d} sessions: median {median / base_median:.2f}x, p95 {p95 / base_p95:.2f}x DuckDB's")
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
