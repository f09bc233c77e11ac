"""`cogov links` against a local server: broken addresses are reported with where they are used."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cogov.cli import main
from tests.conftest import CASES


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path.startswith("/ok") else 404)
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_links_report(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p"
    shutil.copytree(CASES / "base", project)
    (project / "content/organizations/ministry.yml").write_text(
        f"name: Ministry\nsector: government\nurl: {server}/ok\ndescription: See {server}/gone.\n"
    )
    (project / "content/organizations/watchdog.yml").write_text(
        f"name: Watchdog\nsector: civil-society\nurl: {server}/no-head\n"
    )
    assert main(["links", str(project), "--timeout", "5"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"content/organizations/ministry.yml:4: {server}/gone does not answer (404)",
        "3 addresses checked, 1 not answering.",
    ]
    assert main(["links", str(project), "--fail-on-broken", "--format", "markdown"]) == 1
    assert f"| {server}/gone | 404 | content/organizations/ministry.yml:4 |" in capsys.readouterr().out
