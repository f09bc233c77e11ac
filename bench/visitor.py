"""What a visitor pays for search: bytes and time in Chromium (Debian's) through Playwright.

The built site is served on 127.0.0.1 by a server that compresses text (HTML, CSS, JavaScript,
JSON) with gzip, as static hosts such as GitHub Pages do; Pagefind's index files are compressed
already and are sent as they are. For each query, in a fresh browser context (empty cache):

- the search page's own load (the theme's HTML, CSS and JavaScript), then
- the first search: everything fetched from opening the search page to the first result shown
  (the search script, Pagefind's script and WebAssembly module, its entry, the index chunk the
  words need, the filters and the results' fragments), then
- opening the first result (the record's page; the theme's files are cached by then).

Time to first result is measured on a throttled profile like Chrome DevTools' "Slow 4G" (562.5 ms
round trip, 1.6 Mbit/s down, 750 kbit/s up) with the CPU slowed 4 times (Lighthouse's mobile
setting), three ways: on the search page, with the words typed at 10 characters a second (the
page loads the index parts as the words are typed and searches when the typing pauses, as a
visitor's would; results for the first letters do not count), from pressing Enter 400 ms after
the last key, and from the last key itself; the same at a thumb's pace on a phone (3 characters a
second, so that the page searches after every key: each search must be over before the next key
for the last one's results to come soon); and cold, from opening ``search/?q=...``.
"""

from __future__ import annotations

import gzip
import io
import shutil
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
    "uploadThroughput": 750 * 1024 / 8 * 0.9,
}
CPU_SLOWDOWN = 4
PHONE_PAUSE = 333  # ms between two keys typed with a thumb: 3 a second
_TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml")


class _Compressing(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends
        super().end_headers()

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in _TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page closed while a file was on its way (the next measure's fresh browser context).
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = _Server(("127.0.0.1", 0), partial(_Compressing, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _Bytes:
    """Bytes received per request (headers and encoded body, as on the wire), including the
    requests of the search's worker."""

    def __init__(self, context: Any) -> None:
        self.sizes: list[int] = []
        context.on("requestfinished", self._done)

    def _done(self, request: Any) -> None:
        sizes = request.sizes()
        self.sizes.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

    def take(self) -> tuple[int, int]:
        """Bytes and requests since the last call."""
        total, count = sum(self.sizes), len(self.sizes)
        self.sizes = []
        return total, count


def _wait_for_results(page: Any, query: str) -> None:
    """Until the first result (or "no record") for exactly ``query`` without filters is shown."""
    page.wait_for_function(
        "(key) => { const list = document.getElementById('cogov-search-results'); "
        "return list && list.getAttribute('data-for') === key && "
        "(list.querySelector('li:not([hidden])') || list.children.length === 0); }",
        arg=query + "\n{}",
        timeout=120_000,
        polling=20,
    )


def measure(site: Path, queries: list[str]) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("Debian's chromium is needed for the visitor figures: run `make browser`")
    server, url = _serve(site)
    out: dict[str, Any] = {"queries": {}}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            for query in queries:
                entry: dict[str, Any] = {}
                context = browser.new_context(viewport={"width": 375, "height": 740})
                counter = _Bytes(context)
                page = context.new_page()
                page.goto(url + "search/", wait_until="load")
                entry["page_bytes"], _ = counter.take()  # the search page: HTML, theme CSS and JS
                page.wait_for_load_state("networkidle")
                page.fill("#cogov-q", query)
                page.press("#cogov-q", "Enter")
                _wait_for_results(page, query)
                page.wait_for_load_state("networkidle")
                entry["first_search_bytes"], entry["first_search_requests"] = counter.take()
                entry["results"] = page.locator(".cogov-search__results li").count()
                if entry["results"]:
                    page.locator(".cogov-search__results h2 a").first.click()
                    page.wait_for_load_state("networkidle")
                    entry["open_result_bytes"], _ = counter.take()
                context.close()
                entry["typed_ms"] = _throttled(browser, url, query, "enter")
                entry["last_key_ms"] = _throttled(browser, url, query, "last-key")
                entry["phone_ms"] = _throttled(browser, url, query, "phone")
                entry["cold_ms"] = _throttled(browser, url, query, "cold")
                out["queries"][query] = entry
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    entries = list(out["queries"].values())
    out["max_first_search_kb"] = round(max(e["first_search_bytes"] for e in entries) / 1e3, 1)
    out["max_open_result_kb"] = round(max(e.get("open_result_bytes", 0) for e in entries) / 1e3, 1)
    out["max_typed_ms"] = max(e["typed_ms"] for e in entries)
    out["max_last_key_ms"] = max(e["last_key_ms"] for e in entries)
    out["max_phone_ms"] = max(e["phone_ms"] for e in entries)
    out["max_cold_ms"] = max(e["cold_ms"] for e in entries)
    out["search_page_kb"] = round(max(e["page_bytes"] for e in entries) / 1e3, 1)
    return out


def _throttled(browser: Any, url: str, query: str, mode: str) -> int:
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_4G)
    session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    if mode == "enter":
        page.goto(url + "search/", wait_until="networkidle", timeout=120_000)
        page.click("#cogov-q")
        page.keyboard.type(query, delay=100)
        page.wait_for_timeout(400)  # the visitor reads what they typed before pressing Enter
        started = time.perf_counter()
        page.keyboard.press("Enter")
    elif mode in ("last-key", "phone"):
        pause = 100 if mode == "last-key" else PHONE_PAUSE
        page.goto(url + "search/", wait_until="networkidle", timeout=120_000)
        page.click("#cogov-q")
        page.keyboard.type(query[:-1], delay=pause)
        page.wait_for_timeout(pause)
        started = time.perf_counter()
        page.keyboard.type(query[-1])
    else:
        started = time.perf_counter()
        page.goto(url + "search/?q=" + query.replace(" ", "+"), wait_until="commit", timeout=120_000)
    _wait_for_results(page, query)
    elapsed = round((time.perf_counter() - started) * 1000)
    context.close()
    return elapsed
