"""The site's search index: Pagefind, run over the built pages after the builder.

Pagefind splits the index into small compressed chunks, so a visitor's first search loads its
script, a WebAssembly module of about 70 KB and the one or two chunks the words need, however large
the archive grows (the theme's own search sends the whole index to every visitor). It reads plain
HTML, so it works with whichever builder made the pages, and it makes one index per language of
the pages (``<html lang>``).

What is indexed is decided in the pages themselves: the content of pages marked
``data-pagefind-body`` (every page but the lists: site_theme/main.html) without what is marked
``data-pagefind-ignore`` (long tables, breadcrumbs); the kind of record and its years are filters
and its date a result's detail. The search page's script (site_theme/assets/cogov-search.js)
loads the index from ``pagefind/``. Which Pagefind makes the index, and why it matters to visitors:
cogov.search_engine.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from cogov import search_engine
from cogov.errors import BuildError
from cogov.messages import t
from cogov.search_engine import Engine

BUNDLE = "pagefind"
# Pagefind's ready-made interfaces, which the site does not use (its own page has cogov's words).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")  # fmt: skip
_SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class IndexStats:
    pages: int
    seconds: float
    engine: str = ""  # Pagefind's release
    note: str | None = None  # why it is not the release cogov pins (cogov.search_engine)


# Never in the index: headings' permanent-link signs, and charts (their figures are in the tables).
_EXCLUDED = ".headerlink, svg"


def pagefind_command(site_dir: Path, engine: Engine) -> list[str]:
    return [*engine.command, "--site", str(site_dir), "--output-subdir", BUNDLE,
            "--exclude-selectors", _EXCLUDED, "--silent"]  # fmt: skip


def index_site(site_dir: Path, engine: Engine | None = None) -> IndexStats:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind`` with ``engine`` (by default
    the one cogov.search_engine finds); a failure is a BuildError."""
    engine = engine or search_engine.find()
    start = time.perf_counter()
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    try:
        done = subprocess.run(pagefind_command(site_dir, engine), capture_output=True, text=True, check=False)
    except OSError as error:
        raise BuildError(t("build.search_failed", detail=str(error))) from error
    if done.returncode != 0 or not (site_dir / BUNDLE / "pagefind.js").is_file():
        raise BuildError(t("build.search_failed", detail=(done.stdout + done.stderr).strip()[-4000:]))
    for name in _UNUSED:
        (site_dir / BUNDLE / name).unlink(missing_ok=True)
    make_reproducible(site_dir / BUNDLE)
    pages = sum(1 for _ in (site_dir / BUNDLE / "fragment").glob("*.pf_fragment"))
    return IndexStats(pages, time.perf_counter() - start, engine.version, engine.note)


# --- the same site, the same index ---------------------------------------------------------------
# Pagefind writes each filter's values, and the list of filters, in an order that changes from one
# run to the next (a hash map's), so two builds of the same records would differ in a few files
# and the names that point to them. They are rewritten in a fixed order and named after their
# bytes. The files are gzip-compressed CBOR after a signature; only the CBOR types Pagefind
# writes there are read (unsigned integers, strings, arrays).


def _cbor_decode(data: bytes, at: int = 0) -> tuple[object, int]:
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        width = 1 << (info - 24)
        n = int.from_bytes(data[at : at + width], "big")
        at += width
    else:
        raise ValueError(f"unexpected CBOR item {head:#x}")
    if major == 0:
        return n, at
    if major == 3:
        return data[at : at + n].decode("utf-8"), at + n
    if major == 4:
        items = []
        for _ in range(n):
            item, at = _cbor_decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unexpected CBOR type {major}")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([major << 5 | info]) + n.to_bytes(width, "big")
    raise ValueError("number too large")


def _cbor_encode(value: object) -> bytes:
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
    raise TypeError(type(value))


def _read(path: Path) -> list[object]:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind file")
    value, end = _cbor_decode(data, len(_SIGNATURE))
    if end != len(data) or not isinstance(value, list):
        raise ValueError(f"{path.name}: unexpected content")
    return value


def _named(prefix: str, value: list[object], digits: int) -> tuple[str, bytes]:
    """A file's name (from its bytes) and its compressed bytes."""
    data = _SIGNATURE + _cbor_encode(value)
    return f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}", gzip.compress(data, compresslevel=9, mtime=0)


def make_reproducible(bundle: Path) -> None:
    """Rewrite the filters and the metadata they are listed in, in a fixed order. Everything is
    read and prepared first; files change only when all of it could be, so an index in a form
    this does not know stays as Pagefind wrote it (working, if not reproducible)."""
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        writes: dict[Path, bytes] = {}
        removals: list[Path] = []
        for language, info in entry["languages"].items():
            meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = _read(meta_path)
            # [version, pages, index chunks, filters [[name, file]], sorts [[name, file]], meta fields]
            filters = cast(list[list[str]], meta[3])
            for pair in filters:
                path = bundle / "filter" / f"{pair[1]}.pf_filter"
                name, values = _read(path)
                canonical = [name, sorted(cast(list[list[Any]], values), key=lambda v: str(v[0]))]
                pair[1], data = _named(f"{language}_", canonical, 7)
                removals.append(path)
                writes[bundle / "filter" / f"{pair[1]}.pf_filter"] = data
            meta[3] = sorted(filters)
            meta[4] = sorted(cast(list[list[str]], meta[4]))
            name, data = _named(f"pagefind.{language}_", meta, 10)
            removals.append(meta_path)
            writes[bundle / f"{name}.pf_meta"] = data
            info["hash"] = name[len("pagefind.") :]
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return
    entry["languages"] = dict(sorted(entry["languages"].items()))
    for path in removals:
        path.unlink(missing_ok=True)
    for path, data in writes.items():
        path.write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def fragments(site_dir: Path) -> Iterator[tuple[str, dict[str, object]]]:
    """Each indexed page as the search shows it (its address, text, filters and details)."""
    for path in sorted((site_dir / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if data.startswith(_SIGNATURE):
            data = data[len(_SIGNATURE) :]
        yield path.relative_to(site_dir).as_posix(), json.loads(data)
