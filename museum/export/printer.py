"""One Chromium kept open to print documents (HTML -> PDF over the DevTools protocol), so a report's PDF costs a
page load instead of a browser start. Started on first use, on its own thread and event loop; any failure
falls back to the one-off print (museum.export.pdf.print_once), which stays the reference."""

from __future__ import annotations

import asyncio
import base64
import tempfile
import threading
from pathlib import Path

from museum.export.render import require_environment

PRINT_TIMEOUT_SECONDS = 120
PDF_OPTIONS = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False,
               "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0}


class Printer:
    """A headless Chromium on a private loop; `print_html` is safe to call from any thread (one print at a time)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._browser = None

    def _start(self) -> None:
        import choreographer

        chromium = require_environment()
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="museum-printer", daemon=True).start()

        async def open_browser():
            browser = choreographer.Browser(path=chromium, headless=True)
            await browser.open()
            return browser

        self._browser = asyncio.run_coroutine_threadsafe(open_browser(), self._loop).result(PRINT_TIMEOUT_SECONDS)

    async def _print(self, uri: str) -> bytes:
        tab = await self._browser.create_tab("about:blank")
        try:
            await tab.send_command("Page.enable")
            loaded = tab.subscribe_once("Page.loadEventFired")
            await tab.send_command("Page.navigate", {"url": uri})
            await loaded
            answer = await tab.send_command("Page.printToPDF", PDF_OPTIONS)
        finally:
            await self._browser.close_tab(tab)
        if "error" in answer:
            raise RuntimeError(str(answer["error"])[:300])
        return base64.b64decode(answer["result"]["data"])

    def print_html(self, page_html: str) -> bytes:
        with self._lock, tempfile.TemporaryDirectory(prefix="museum-print-") as work:
            try:
                if self._browser is None:
                    self._start()
                source = Path(work) / "report.html"
                source.write_text(page_html, encoding="utf-8")
                return asyncio.run_coroutine_threadsafe(self._print(source.as_uri()), self._loop).result(PRINT_TIMEOUT_SECONDS)
            except BaseException:
                self._forget()  # a browser that failed once is not trusted again: the next print starts a new one
                raise

    def _forget(self) -> None:
        browser, loop, self._browser, self._loop = self._browser, self._loop, None, None
        if browser is not None and loop is not None:
            try:
                asyncio.run_coroutine_threadsafe(browser.close(), loop).result(10)
            except Exception:  # noqa: BLE001 (closing what already failed; nothing more to do)
                pass
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)


PRINTER = Printer()
