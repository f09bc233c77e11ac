"""`cogov serve`: regenerate the docs folder when a record changes; MkDocs serves and reloads.

MkDocs' own server watches the generated folder and reloads the browser; this loop watches
``content/`` and rewrites only the pages whose bytes changed, so a one-file edit stays small.
Invalid records are reported and the last good pages stay in place.

Search in the preview uses the index of the last ``cogov build`` (``site/pagefind``, copied into
the generated folder, which MkDocs serves as it is): indexing needs the built pages, which the
preview never writes to disk. ``make serve`` builds first, so its search is current at start.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cogov.commands import common
from cogov.config import Settings
from cogov.incremental import IncrementalGenerator
from cogov.messages import t
from cogov.pipeline import builder_environment
from cogov.schemas import default_schemas
from cogov.search_index import BUNDLE
from cogov.translations import Languages

NAME = "serve"
HELP = "preview the site, regenerating it when a record changes"
PARENTS = common.reading_parents()
POLL_SECONDS = 0.4


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT", help="address (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    with common.project_read(args) as config:
        return serve(config, args.dev_addr)


def snapshot(content: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under ``content`` (cheap change detection)."""
    out: dict[str, tuple[int, int]] = {}
    for file in content.rglob("*"):
        if file.is_file():
            stat = file.stat()
            out[str(file)] = (stat.st_size, stat.st_mtime_ns)
    return out


def regenerate(generator: IncrementalGenerator) -> bool:
    """One generation pass; prints problems. True when the docs folder was updated."""
    outcome = generator.run()
    if not common.report_problems(outcome.validation, outcome.ok, "serve.invalid"):
        return False
    print(t("serve.regenerated", seconds=outcome.seconds, written=len(outcome.written), removed=len(outcome.removed)))
    return True


def serve(settings: Settings, dev_addr: str) -> int:
    generator = IncrementalGenerator(settings, default_schemas())
    regenerate(generator)
    # The preview shows the site's own language; a site in several has its index in that tree.
    built = settings.project / "site"
    site = next((d for d in generator.documents.values() if d.kind == "site"), None)  # as the preview read it
    language = Languages.of(site.data if site else None).default
    built_index = next((d for d in (built / BUNDLE, built / language / BUNDLE) if d.is_dir()), built / BUNDLE)
    if built_index.is_dir():
        shutil.copytree(built_index, generator.docs_dir / BUNDLE, dirs_exist_ok=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(settings.project / "mkdocs.yml")]
    command += ["--dev-addr", dev_addr, "--livereload"]
    server = subprocess.Popen(command, cwd=settings.project, env=builder_environment(settings.as_of))
    seen = snapshot(settings.content)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            current = snapshot(settings.content)
            if current != seen:
                seen = current
                regenerate(generator)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0
