"""Checks and clean-up of the built site before it is published.

Second line of defence: validation already refuses HTML in records and every value is escaped,
but the content of every page is still sanitized with an allowlist (nh3), and the whole site is
scanned for anything executable and for personal contact data. Any finding fails the build, so
nothing reaches the public site that these checks would have caught.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nh3

from cogov.privacy import find_contacts

_ARTICLE_OPEN = '<article class="md-content__inner md-typeset">'
_ARTICLE_CLOSE = "</article>"

# What MkDocs, Python-Markdown (toc, tables, footnotes, admonition) and the cogov templates produce.
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "svg", "rect", "text", "title",
}  # fmt: skip
_ATTRIBUTES = {
    "*": {"class", "id", "title", "role", "aria-label", "aria-hidden", "lang", "dir"},
    "a": {"href"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
    "svg": {"viewBox", "width", "height", "preserveAspectRatio"},
    "rect": {"x", "y", "width", "height"},
    "text": {"x", "y"},
}
_URL_SCHEMES = {"http", "https", "mailto"}

_EVENT_ATTR = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_BAD_SCHEME = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|data):""", re.I)
_TAG = re.compile(r"<[^>]+>")
_SEARCH_MARKUP = re.compile(
    r"<\s*(script|iframe|object|embed|img|svg)\b|<[^>]*\son[a-z]+\s*=|href\s*=\s*[\"']?\s*javascript:", re.I
)
_CODE_BLOCKS = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


# Pages, the search index and the open data: everything built from the records.
_SCANNED = frozenset({".html", ".json", ".csv", ".ics", ".xml"})


@dataclass(frozen=True)
class Finding:
    path: str
    problem: str


def sanitize_html(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def sanitize_pages(site_dir: Path) -> int:
    """Sanitize the content area of every page in place; returns how many pages were rewritten."""
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        start = html.find(_ARTICLE_OPEN)
        end = html.rfind(_ARTICLE_CLOSE)
        if start < 0 or end < start:
            continue
        inner_start = start + len(_ARTICLE_OPEN)
        cleaned = html[:inner_start] + sanitize_html(html[inner_start:end]) + html[end:]
        if cleaned != html:
            page.write_text(cleaned, encoding="utf-8")
            changed += 1
    return changed


def _search_texts(site_dir: Path) -> Iterable[tuple[str, str]]:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data.get("docs", []):
        yield f"search/search_index.json ({doc.get('location', '')})", f"{doc.get('title', '')} {doc.get('text', '')}"


def find_executable(site_dir: Path) -> list[Finding]:
    """Inline event handlers or script URLs anywhere, and markup in the search index."""
    found: list[Finding] = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site_dir).as_posix()
        for pattern, what in ((_EVENT_ATTR, "an inline event handler"), (_BAD_SCHEME, "a script URL")):
            match = pattern.search(html)
            if match:
                found.append(Finding(rel, f"{what}: {match.group(0)[:80]}"))
    for where, text in _search_texts(site_dir):
        # Material shows result snippets as HTML: real tags matter, escaped text (&lt;...) does not.
        if re.search(
            r"<\s*(script|iframe|object|embed|img|svg)\b|<[^>]*\son[a-z]+\s*=|href\s*=\s*[\"']?\s*javascript:",
            text,
            re.I,
        ):
            found.append(Finding(where, "markup that could run in search results"))
    return found


def find_personal_data(site_dir: Path, allowed: Iterable[str]) -> list[Finding]:
    """E-mail addresses and phone numbers that are not an allowed office contact."""
    allowed = list(allowed)
    found: list[Finding] = []
    what = {"email": "an e-mail address", "phone": "a phone number"}

    def scan(where: str, text: str) -> None:
        visible = _TAG.sub(" ", _CODE_BLOCKS.sub(" ", text))
        # Addresses also hide in attributes (mailto: links), so those are looked for in the raw text.
        contacts = [c for c in find_contacts(text, allowed) if c[0] == "email"]
        contacts += [c for c in find_contacts(visible, allowed) if c[0] == "phone"]
        found.extend(Finding(where, f"{what[kind]}: {value}") for kind, value in contacts)

    for page in sorted(site_dir.rglob("*")):
        rel = page.relative_to(site_dir)
        # The theme's assets and the published schemas (with their examples) are not from records.
        if page.suffix not in _SCANNED or not page.is_file() or rel.parts[0] in ("assets", "schemas"):
            continue
        text = page.read_text(encoding="utf-8")
        if page.suffix == ".html":
            # What the records put on a page is its content area; the rest is the theme's frame.
            start, end = text.find(_ARTICLE_OPEN), text.rfind(_ARTICLE_CLOSE)
            if start >= 0 and end > start:
                text = text[start:end]
        if page.suffix == ".ics":
            # Calendar UIDs have the form meeting@domain by the standard's advice: not addresses.
            text = re.sub(r"^UID:.*$", "", text, flags=re.MULTILINE)
        scan(rel.as_posix(), text)
    return found
