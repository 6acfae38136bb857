"""Static chart rendering through kaleido and the system Chromium, one persistent server per process.

Starting Chromium costs seconds; a chart on a running server costs a fraction of one (DESIGN §7).
kaleido's global server is a process-wide singleton that answers one request at a time and is
not thread-safe, so every call goes through one lock (Streamlit runs download callbacks on
their own threads). Before Chromium is started we check that it and a CJK font exist: a missing
one is reported with the Debian package to install, never as a hang or a traceback.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import plotly.graph_objects as go

from museum.errors import MuseumError

FORMATS = ("png", "svg", "pdf")
PNG_SCALE = 2
DEFAULT_WIDTH = 960
DEFAULT_HEIGHT = 420
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"))
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
TABS = 2  # rendering tabs of the persistent server (this kind of machine has 2 cores)


class ExportUnavailable(MuseumError):
    """Something the export needs is not installed on this machine (a browser, a font)."""

    exit_code = 1


def find_chromium() -> str:
    """The Chromium executable: $BROWSER_PATH (choreographer's own variable), else on PATH."""
    explicit = os.environ.get("BROWSER_PATH", "").strip()
    if explicit:
        if os.path.isfile(explicit) and os.access(explicit, os.X_OK):
            return explicit
        raise ExportUnavailable("export.chromium_not_at_path", path=explicit)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ExportUnavailable("export.no_chromium")


def cjk_font_families() -> list[str]:
    """Installed font families that cover Chinese (fontconfig's view, as Chromium sees it)."""
    try:
        result = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=20, check=False)
        return sorted({line.split(",")[0].strip() for line in result.stdout.splitlines() if line.strip()})
    except FileNotFoundError:
        # no fontconfig tools: look for the font files themselves
        return sorted({p.stem for d in FONT_DIRS if os.path.isdir(d) for p in Path(d).rglob("*CJK*")})


def require_environment() -> str:
    """The Chromium path, after checking that Chromium and a CJK font are installed."""
    chromium = find_chromium()
    if not cjk_font_families():
        raise ExportUnavailable("export.no_cjk_font")
    return chromium


def _options(fig: go.Figure, fmt: str, width: int | None, height: int | None) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; use one of {FORMATS}")
    return {
        "format": fmt,
        "width": width or DEFAULT_WIDTH,
        "height": height or fig.layout.height or DEFAULT_HEIGHT,
        "scale": PNG_SCALE if fmt == "png" else 1,
    }


class Renderer:
    """Figure -> PNG/SVG/PDF bytes. persistent=True uses the process-wide kaleido server."""

    _lock = threading.Lock()
    _server_path: str | None = None

    def __init__(self, persistent: bool = True):
        self.persistent = persistent

    def problem(self) -> ExportUnavailable | None:
        """What is missing for rendering on this machine (checked once per renderer), or None."""
        if not hasattr(self, "_problem"):
            try:
                require_environment()
                self._problem = None
            except ExportUnavailable as missing:
                self._problem = missing
        return self._problem

    def start(self) -> None:
        """Start the process-wide server (once; later calls return at once)."""
        with Renderer._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if Renderer._server_path is not None:
            return
        import kaleido

        chromium = require_environment()
        # two tabs: the pack's charts render two at a time (one call, see render_many)
        kaleido.start_sync_server(path=chromium, mathjax=False, n=TABS, silence_warnings=True)
        Renderer._server_path = chromium

    def render(self, fig: go.Figure, fmt: str, *, width: int | None = None, height: int | None = None) -> bytes:
        import kaleido

        opts = _options(fig, fmt, width, height)
        if not self.persistent:
            chromium = require_environment()
            # a fresh Chromium per call, on its own thread and event loop (the slow path, for comparison)
            with ThreadPoolExecutor(max_workers=1) as pool:
                return pool.submit(
                    asyncio.run, kaleido.calc_fig(fig, opts=opts, kopts={"path": chromium, "mathjax": False})
                ).result()
        with Renderer._lock:
            self._start_locked()
            return kaleido.calc_fig_sync(fig, opts=opts)

    def render_many(self, figures: dict[str, go.Figure], formats: tuple[str, ...] = ("png", "svg")) -> dict[tuple[str, str], bytes]:
        """Every figure in every format, {(name, format): bytes}, in one request to the server so that
        its tabs work in parallel (a pack of 28 charts is 56 renders)."""
        import tempfile

        import kaleido

        if not self.persistent:
            return {(name, fmt): self.render(fig, fmt) for name, fig in figures.items() for fmt in formats}
        with tempfile.TemporaryDirectory(prefix="museum-charts-") as work:
            jobs = [{"fig": fig, "path": str(Path(work) / f"{index}.{fmt}"), "opts": _options(fig, fmt, None, None)}
                    for index, fig in enumerate(figures.values()) for fmt in formats]
            with Renderer._lock:
                self._start_locked()
                kaleido.write_fig_from_object_sync(jobs, cancel_on_error=True)
            return {(name, fmt): (Path(work) / f"{index}.{fmt}").read_bytes()
                    for index, name in enumerate(figures) for fmt in formats}

    def png(self, fig: go.Figure, **size) -> bytes:
        return self.render(fig, "png", **size)

    def svg(self, fig: go.Figure, **size) -> bytes:
        return self.render(fig, "svg", **size)

    def pdf(self, fig: go.Figure, **size) -> bytes:
        return self.render(fig, "pdf", **size)


@lru_cache(maxsize=1)
def default_renderer() -> Renderer:
    """The renderer of this process (the CLI and the pack use it; the pages cache it too)."""
    return Renderer(persistent=True)
