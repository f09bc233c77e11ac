"""Checks and clean-up of the built site before it is published.

Second line of defence: validation already refuses HTML in records and every value is escaped,
but the content of every page is still sanitized with an allowlist (nh3), and the whole site is
scanned for anything executable and for personal contact data. Any finding fails the build, so
nothing reaches the public site that these checks would have caught.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import nh3

from cogov import privacy
from cogov.privacy import find_emails, find_phones
from cogov.records import strings

_ARTICLE_OPEN = '<article class="md-content__inner md-typeset">'
_ARTICLE_CLOSE = "</article>"

# What MkDocs, Python-Markdown (toc, tables, footnotes, admonition) and the cogov templates produce.
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "nav", "ol", "p",
    "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "svg", "rect", "line", "text", "title",
}  # fmt: skip
_ATTRIBUTES = {
    "*": {
        "class",
        "id",
        "title",
        "role",
        "aria-label",
        "aria-hidden",
        "lang",
        "dir",
        "hidden",
        # What the search index is made from (cogov.search_index): inert markers.
        "data-pagefind-body",
        "data-pagefind-ignore",
        "data-pagefind-filter",
        "data-pagefind-meta",
    },
    "a": {"href"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
    "svg": {"viewBox", "width", "height", "preserveAspectRatio"},
    "rect": {"x", "y", "width", "height"},
    "text": {"x", "y", "text-anchor"},
    "line": {"x1", "x2", "y1", "y2"},
}
_URL_SCHEMES = {"http", "https", "mailto"}

# An attribute name starting with "on"; whether it sits inside a tag is checked on each (rare) match.
_EVENT_ATTR = re.compile(r"\son[a-z]+\s*=")  # matched against lower-cased text
# A script scheme, and (checked on each rare match) an attribute that would load it just before.
_SCHEME = re.compile(r"(?:java|vb)script:|data:")
_LOADS = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*$""")
_TAG = re.compile(r"<[^>]+>")
_SEARCH_TAGS = re.compile(r"<\s*(?:script|iframe|object|embed|img|svg)\b", re.I)
_CODE_BLOCKS = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


# Pages, the search index and the open data: everything built from the records.
_SCANNED = frozenset({".html", ".json", ".csv", ".ics", ".xml"})


@dataclass(frozen=True)
class Finding:
    path: str
    problem: str
    kind: str = "executable"  # or "personal"


def sanitize_html(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _search_texts(index: str) -> Iterable[tuple[str, str]]:
    data = json.loads(index)
    for doc in data.get("docs", []):
        yield f"search/search_index.json ({doc.get('location', '')})", f"{doc.get('title', '')} {doc.get('text', '')}"


def _contacts(where: str, text: str, allowed: list[str], markup: bool = True) -> list[Finding]:
    """Contact details in what a visitor reads. In markup, addresses also hide in attributes
    (mailto: links) and can be split by tags (<strong>ana</strong>@x.org), so they are looked for
    in the raw text and in the text with tags removed; phone numbers only in the text (markup is
    full of digits), with tags as spaces."""
    emails = list(find_emails(text, allowed))
    if markup:
        body = _CODE_BLOCKS.sub(" ", text)
        emails += [e for e in find_emails(unescape(_TAG.sub("", body)), allowed) if e not in emails]
        text = unescape(_TAG.sub(" ", body))
    found = [Finding(where, f"an e-mail address: {e}", "personal") for e in emails]
    visible = privacy.EMAIL.sub(" ", privacy.fold(text)) if "@" in privacy.fold(text) else text
    found += [Finding(where, f"a phone number: {p}", "personal") for p in find_phones(visible, allowed)]
    return found


_ICS_ESCAPE = re.compile(r"\\([\\;,nN])")


def _visible_text(suffix: str, text: str) -> str:
    """A data file as a reader of its values sees it: decoded JSON strings, CSV cells, calendar
    values with their escapes undone (so an office address after a line break is still itself)."""
    if suffix == ".json":
        return "\n".join(strings(json.loads(text)))
    if suffix == ".csv":
        return "\n".join(cell for row in csv.reader(io.StringIO(text)) for cell in row)
    if suffix == ".ics":
        unfolded = re.sub(r"\r?\n[ \t]", "", text)
        unfolded = re.sub(r"^UID:.*$", "", unfolded, flags=re.MULTILINE)  # meeting@domain is no address
        return _ICS_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), unfolded)
    return text


def _inside_tag(html: str, index: int) -> bool:
    return html.rfind("<", 0, index) > html.rfind(">", 0, index)


def _executable(where: str, html: str) -> list[Finding]:
    found = []
    html = html.lower()  # one case-folding pass; the patterns are then simple and fast
    for match in _EVENT_ATTR.finditer(html):
        if _inside_tag(html, match.start()):
            found.append(Finding(where, f"an inline event handler: {match.group(0)[:80]}", "executable"))
            break
    for scheme in _SCHEME.finditer(html):
        before = html[max(0, scheme.start() - 40) : scheme.start()]
        if _LOADS.search(before):
            found.append(Finding(where, f"a script URL: {before.strip()}{scheme.group(0)}", "executable"))
            break
    return found


_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
# A quoted relative or absolute path prefix ("../..", ".", "/", "../../assets"): pages at different
# depths carry the same theme scripts with different prefixes.
_PATH_PREFIX = re.compile(r"""(["'(])(?:\.\.?/|/)*(?:\.\.?(?=["'/]))?""")
_OPEN_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_ID_ATTR = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
# What heading, footnote and extension ids look like; anything else came from somewhere else.
_GENERATED_ID = re.compile(r"[\w\-:.]+")
_JSON_LD = re.compile(r"""\s*type\s*=\s*["']?application/ld\+json["']?\s*""", re.IGNORECASE)


def _script_signature(attributes: str, body: str) -> str:
    return _PATH_PREFIX.sub(r"\1@", f"{attributes.strip()}>{body.strip()}")


def _theme_scripts(site_dir: Path, pages: list[Path], site_path: str) -> frozenset[str]:
    """The theme's own scripts: those of the 404 page, which no record reaches (its addresses start
    with the site's path); without one, the scripts every page has."""
    not_found = site_dir / "404.html"
    sources = [not_found] if not_found.is_file() else pages
    common: set[str] | None = None
    for source in sources:
        html = source.read_text("utf-8")
        if source == not_found and site_path.strip("/"):
            html = re.sub(r"""(["'(])""" + re.escape("/" + site_path.strip("/") + "/"), r"\1/", html)
        found = {_script_signature(m.group(1), m.group(2)) for m in _SCRIPT.finditer(html)}
        common = found if common is None else common & found
    return frozenset(common or ())


def _foreign_scripts_and_ids(where: str, html: str, theme: frozenset[str]) -> list[Finding]:
    """Scripts that are not the theme's (bar valid JSON-LD), ids that repeat (a second element
    named like one the theme looks up) and ids that no generator writes."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _JSON_LD.fullmatch(attributes) and "<" not in body and _is_json(body):
            continue
        if _script_signature(attributes, body) not in theme:
            found.append(Finding(where, f"a script that is not the theme's: {match.group(0)[:80]}", "executable"))
            break
    seen: set[str] = set()
    for tag in _OPEN_TAG.finditer(_SCRIPT.sub(lambda m: f"<script{m.group(1)}>", html)):
        for attr in _ID_ATTR.finditer(tag.group(0)):
            value = unescape(next(v for v in attr.groups() if v is not None))
            if value in seen or not _GENERATED_ID.fullmatch(value):
                problem = "repeats the id" if value in seen else "has an id no generator writes"
                found.append(Finding(where, f"an element that {problem} {value[:60]!r}", "executable"))
                return found
            seen.add(value)
    return found


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def inspect_site(site_dir: Path, allowed: Iterable[str], sanitize: bool = True, site_path: str = "/") -> list[Finding]:
    """One pass over the built site: sanitize each page's content area (in place), then look for
    anything executable and for personal contact data in what came from the records.

    The theme's own files and the published schemas (whose examples hold sample addresses) are
    not from records and are skipped; calendar UIDs (``meeting@domain``) are not addresses.
    """
    allowed = list(allowed)
    found: list[Finding] = []
    files = sorted(site_dir.rglob("*"))
    theme = _theme_scripts(site_dir, [p for p in files if p.suffix == ".html" and p.is_file()], site_path)
    for path in files:
        rel = path.relative_to(site_dir)
        if path.suffix not in _SCANNED or rel.parts[0] in ("assets", "schemas") or not path.is_file():
            continue
        where = rel.as_posix()
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            start, end = text.find(_ARTICLE_OPEN), text.rfind(_ARTICLE_CLOSE)
            content = text
            if 0 <= start < end:
                inner_start = start + len(_ARTICLE_OPEN)
                content = sanitize_html(text[inner_start:end]) if sanitize else text[inner_start:end]
                cleaned = text[:inner_start] + content + text[end:]
                if cleaned != text:
                    path.write_text(cleaned, encoding="utf-8")
                    text = cleaned
            found += _executable(where, text)
            if where != "404.html":  # the theme's own page, which the others are compared with
                found += _foreign_scripts_and_ids(where, text, theme)
            found += _contacts(where, content, allowed)
            continue
        if where == "search/search_index.json":
            for doc_where, doc_text in _search_texts(text):
                # Material shows result snippets as HTML: real tags matter, escaped text does not.
                if _SEARCH_TAGS.search(doc_text) or _executable(doc_where, doc_text):
                    found.append(Finding(doc_where, "markup that could run in search results", "executable"))
                found += _contacts(where, doc_text, allowed)
            continue
        found += _contacts(where, _visible_text(path.suffix, text), allowed, markup=path.suffix == ".xml")
    return found


def find_executable(site_dir: Path) -> list[Finding]:
    """Inline event handlers, script URLs, scripts that are not the theme's, repeated or foreign
    ids in any page, markup in the search index (no changes)."""
    return [f for f in inspect_site(site_dir, (), sanitize=False) if f.kind == "executable"]
