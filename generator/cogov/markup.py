"""Untrusted Markdown (minutes, descriptions, free pages): what is refused, and how it is defused.

Records are written by anyone who can open a pull request. Validation refuses raw HTML, HTML
comments and links with executable schemes, and says what to remove; as a second line of defence
the renderer escapes every ``<`` outside code and drops such links, so nothing executable reaches a
page even if validation were bypassed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
# Opening tags, comments, declarations and processing instructions; a closing tag alone is
# harmless (and defused anyway), so one element gives one message.
_HTML_RE = re.compile(r"<(!--|[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|![A-Za-z]|\?)")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^\s<>]*)>", re.IGNORECASE)
# A link or image target, inline `[x](target)` or reference `[x]: target`, with a scheme that runs code.
_BAD_LINK_RE = re.compile(
    r"(\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?)\s*((?:java|vb)script|data|file)\s*:", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class Problem:
    line: int  # 0-based line within the text
    col: int  # 0-based
    kind: str  # "html", "comment" or "link"
    snippet: str


def _segments(text: str) -> Iterator[tuple[bool, str]]:
    """Split into (is_code, chunk): fenced blocks and inline code spans are code."""
    lines = text.splitlines(keepends=True)
    buffer: list[str] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE_RE.match(line)
        if fence is None and match:
            if buffer:
                yield from _inline_segments("".join(buffer))
                buffer = []
            fence = match.group(1)[0] * len(match.group(1))
            buffer.append(line)
        elif fence is not None and line.strip().startswith(fence):
            buffer.append(line)
            yield True, "".join(buffer)
            buffer, fence = [], None
        else:
            buffer.append(line)
    if buffer:
        if fence is not None:
            yield True, "".join(buffer)
        else:
            yield from _inline_segments("".join(buffer))


def _inline_segments(text: str) -> Iterator[tuple[bool, str]]:
    pos = 0
    for match in _CODE_SPAN_RE.finditer(text):
        yield False, text[pos : match.start()]
        yield True, match.group(0)
        pos = match.end()
    yield False, text[pos:]


def find_problems(text: str) -> list[Problem]:
    problems: list[Problem] = []
    offset = 0
    for is_code, chunk in _segments(text):
        if not is_code:
            without_autolinks = _AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), chunk)
            for match in _HTML_RE.finditer(without_autolinks):
                kind = "comment" if match.group(1) == "!--" else "html"
                problems.append(_problem(text, offset + match.start(), kind, chunk[match.start() : match.end() + 20]))
            for match in _BAD_LINK_RE.finditer(chunk):
                problems.append(_problem(text, offset + match.start(2), "link", match.group(2) + ":"))
        offset += len(chunk)
    return problems


def _problem(text: str, index: int, kind: str, snippet: str) -> Problem:
    line = text.count("\n", 0, index)
    col = index - (text.rfind("\n", 0, index) + 1)
    return Problem(line, col, kind, snippet.split("\n")[0].split(">")[0][:30])


_HEADING_RE = re.compile(r"^(#{1,5})(?=\s)", re.MULTILINE)


def defuse(text: str, demote: int = 0) -> str:
    """The Markdown with raw HTML shown literally and executable links removed (code untouched).
    ``demote`` pushes headings down so a record's own ``##`` sits under the page's sections."""
    out: list[str] = []
    for is_code, chunk in _segments(text):
        if is_code:
            out.append(chunk)
            continue
        if demote:
            chunk = _HEADING_RE.sub(lambda m: m.group(1) + "#" * demote, chunk)
        chunk = _BAD_LINK_RE.sub(lambda m: m.group(1) + "#blocked-", chunk)
        out.append(_escape_tags(chunk))
    return "".join(out)


def _escape_tags(text: str) -> str:
    """Every ``<`` becomes ``&lt;`` except those opening an http(s)/mailto autolink."""
    pieces: list[str] = []
    pos = 0
    for match in _AUTOLINK_RE.finditer(text):
        pieces.append(text[pos : match.start()].replace("<", "&lt;"))
        pieces.append(match.group(0))
        pos = match.end()
    pieces.append(text[pos:].replace("<", "&lt;"))
    return "".join(pieces)
