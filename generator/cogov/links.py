"""`cogov links`: check that the web addresses in the records still answer.

Evidence links rot. A scheduled job runs this and reports what it found; it changes nothing and
opens nothing. Requests are made concurrently, HEAD first (GET when a server refuses HEAD).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cogov import __version__
from cogov.messages import t
from cogov.records import Document, discover
from cogov.reporters import github_annotation, markdown_cell, visible

_URL_RE = re.compile(r"https?://[^\s<>\"'`)\]]+")


@dataclass(frozen=True)
class Use:
    path: str
    line: int


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None  # None: no answer
    error: str
    uses: tuple[Use, ...]

    @property
    def broken(self) -> bool:
        return self.status is None or self.status >= 400


def _walk(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*path, i))
    elif isinstance(value, str):
        for match in _URL_RE.finditer(value):
            yield path, match.group(0).rstrip(".,;:")


def collect_urls(documents: list[Document]) -> dict[str, list[Use]]:
    """Every external address in the records, with where it is used."""
    found: dict[str, list[Use]] = defaultdict(list)
    for doc in documents:
        for path, url in _walk(doc.data, ()):
            found[url].append(Use(doc.path, doc.positions.value(path)[0]))
        for i, line in enumerate(doc.markdown.split("\n")):
            for match in _URL_RE.finditer(line):
                found[match.group(0).rstrip(".,;:")].append(Use(doc.path, doc.markdown_line + i))
    return dict(found)


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": f"cogov-link-check/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def check_url(url: str, timeout: float) -> tuple[int | None, str]:
    try:
        status = _request(url, "HEAD", timeout)
        if status in (403, 405, 501):  # some servers refuse HEAD but serve GET
            status = _request(url, "GET", timeout)
        return status, ""
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, str(reason)


def check_links(project: Path, timeout: float = 10.0, workers: int = 8) -> list[Result]:
    documents, _ = discover(project)
    urls = collect_urls([d for d in documents if not d.broken])
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(urls, pool.map(lambda u: check_url(u, timeout), urls), strict=True))
    return [Result(url, *answers[url], tuple(urls[url])) for url in sorted(urls)]


def _answer(r: Result) -> str:
    return str(r.status) if r.status else " ".join(r.error.split())


def _summary(results: list[Result]) -> str:
    return t("links.summary", checked=len(results), broken=sum(1 for r in results if r.broken))


def _text(results: list[Result]) -> str:
    lines = [
        f"{visible(u.path)}:{u.line}: {visible(t('links.broken', url=r.url, answer=_answer(r)))}"
        for r in results
        if r.broken
        for u in r.uses
    ]
    return "\n".join([*lines, _summary(results)]) + "\n"


def _github(results: list[Result]) -> str:
    lines = [
        github_annotation("warning", t("links.broken", url=r.url, answer=_answer(r)), u.path, u.line)
        for r in results
        if r.broken
        for u in r.uses
    ]
    return "\n".join([*lines, _summary(results)]) + "\n"


def _markdown(results: list[Result]) -> str:
    out = [f"### {t('links.title')}", "", _summary(results), ""]
    broken = [r for r in results if r.broken]
    if broken:
        out += ["| Address | Answer | Used in |", "|---|---|---|"]
        for r in broken:
            uses = "<br>".join(markdown_cell(f"{u.path}:{u.line}") for u in r.uses)
            out.append(f"| {markdown_cell(r.url)} | {markdown_cell(_answer(r))} | {uses} |")
    return "\n".join(out) + "\n"


def _json(results: list[Result]) -> str:
    payload = {
        "checked": len(results),
        "broken": [
            {
                "url": r.url,
                "status": r.status,
                "error": r.error,
                "uses": [{"path": u.path, "line": u.line} for u in r.uses],
            }
            for r in results
            if r.broken
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


# Output formats, by name: the same strategy registry as validation's reporters.
FORMATS: dict[str, Callable[[list[Result]], str]] = {
    "text": _text,
    "github": _github,
    "markdown": _markdown,
    "json": _json,
}


def format_results(results: list[Result], fmt: str) -> str:
    return FORMATS[fmt](results)
