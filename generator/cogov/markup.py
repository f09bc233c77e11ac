"""Untrusted Markdown (minutes, descriptions, free pages): what is refused, and how it is defused.

Records are written by anyone who can open a pull request. Validation refuses raw HTML, HTML
comments, links with a scheme other than http(s) and mailto, and Markdown too large or too deeply
nested to render in bounded time, and says what to change. As a second line of defence the
renderer escapes every ``<`` outside code, every ``{`` (attribute lists) and every unsafe link
target, and turns code spans into escaped inline HTML, so nothing executable reaches a page even
if validation were bypassed.

What counts as code is decided conservatively, so that it never covers more than any Markdown
builder treats as code: only a code span that opens and closes on one line (CommonMark ends a
code span at a blank line, Python-Markdown at the end of a block, and a heading or list item
ends at its line). Fenced blocks are not trusted as code: whether they are depends on the
builder's extensions. Text wrongly taken for prose is merely escaped; text wrongly taken for code
would reach the page raw.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

# A code span: a run of backticks not escaped and not part of a longer run, the same run closing
# it on the same line. Lines are bounded by the record size limit, so the scan is bounded too.
_CODE_SPAN_RE = re.compile(r"(?<![\\`])(`+)(?!`)([^\n]+?)(?<!`)\1(?!`)")
# Opening tags, comments, declarations and processing instructions; a closing tag alone is
# harmless (and defused anyway), so one element gives one message.
_HTML_RE = re.compile(r"<(!--|[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|![A-Za-z]|\?)")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^\s<>]*)>", re.IGNORECASE)
# Where a link or image target starts: inline `[x](target` or a reference definition `[x]: target`
# (also inside quotes and list items, so not anchored to a line start). Each alternative is
# linear: no two adjacent unbounded runs can share characters.
_TARGET_START_RE = re.compile(r"\]\(\s*(?:<\s*)?|\]:[ \t]*(?:\n[ \t>]*)?(?:<[ \t]*)?")
_TARGET_RE = re.compile(r"[^ ()<>]*")  # browsers ignore tabs and newlines inside a URL
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Browsers drop these anywhere in a URL, and leading C0 controls and spaces, before reading the scheme.
_URL_IGNORED_RE = re.compile(r"[\t\n\r]|^[\x00-\x20]+")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# Bounds on the work one text may cause when rendered (Python-Markdown's link parsing is
# quadratic in the number of brackets, and its block parser recurses once per nesting level).
MAX_BRACKETS = 1000
MAX_NESTING = 12
_NESTING_RE = re.compile(r"^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+")


@dataclass(frozen=True)
class Problem:
    line: int  # 0-based line within the text
    col: int  # 0-based
    kind: str  # "html", "comment", "link", "brackets" or "nesting"
    snippet: str


def _segments(text: str) -> Iterator[tuple[bool, str]]:
    """Split into (is_code, chunk): only single-line code spans are code."""
    pos = 0
    for match in _CODE_SPAN_RE.finditer(text):
        yield False, text[pos : match.start()]
        yield True, match.group(0)
        pos = match.end()
    yield False, text[pos:]


def unsafe_target(target: str) -> bool:
    """Whether a link target has a scheme other than http(s) or mailto, as a browser would read it
    (character references decoded, tabs and newlines removed)."""
    decoded = _URL_IGNORED_RE.sub("", html.unescape(target))
    match = _SCHEME_RE.match(decoded)
    return match is not None and match.group(1).lower() not in SAFE_SCHEMES


def _unsafe_targets(chunk: str) -> Iterator[re.Match[str]]:
    for start in _TARGET_START_RE.finditer(chunk):
        target = _TARGET_RE.match(chunk, start.end())
        if target and target.group(0) and unsafe_target(target.group(0)):
            yield target


def _nesting(line: str) -> int:
    match = _NESTING_RE.match(line)
    return len(re.findall(r">|[-*+]|\d{1,9}[.)]", match.group(0))) if match else 0


def find_problems(text: str) -> list[Problem]:
    problems: list[Problem] = []
    offset = 0
    for is_code, chunk in _segments(text):
        if not is_code:
            without_autolinks = _AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), chunk)
            for match in _HTML_RE.finditer(without_autolinks):
                kind = "comment" if match.group(1) == "!--" else "html"
                problems.append(_problem(text, offset + match.start(), kind, chunk[match.start() : match.end() + 20]))
            for target in _unsafe_targets(chunk):
                problems.append(_problem(text, offset + target.start(), "link", target.group(0)))
        offset += len(chunk)
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        problems.append(Problem(0, 0, "brackets", str(brackets)))
    for number, line in enumerate(text.split("\n")):
        # Each nested list item or quote is prefixed or indented (by four columns) further.
        expanded = line.expandtabs(4)
        depth = max(_nesting(line), (len(expanded) - len(expanded.lstrip(" "))) // 4)
        if depth > MAX_NESTING:
            problems.append(Problem(number, 0, "nesting", str(depth)))
            break
    return problems


def _problem(text: str, index: int, kind: str, snippet: str) -> Problem:
    line = text.count("\n", 0, index)
    col = index - (text.rfind("\n", 0, index) + 1)
    return Problem(line, col, kind, snippet.split("\n")[0].split(">")[0][:30])


# Exactly the characters Python-Markdown (with tables) unescapes: a backslash before any other
# character would stay visible.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


_INLINE_MARKS = re.compile(r"([\\`*_\[\]|])")
_BLOCK_START = re.compile(r"^([#>+\-=])|^(\d+)([.)])(?=\s|$)")


def escape_text(value: str, *, minimal: bool = False) -> str:
    """Plain text as one line of Markdown that shows exactly that text, also in a table cell:
    HTML-escaped, whitespace folded, and Markdown punctuation escaped, so it can never become
    markup, a link or a table column. The one Markdown escaper: pages reach it through
    ``render.escape.md``; reports, ``cogov diff`` and imported text use it too.

    ``minimal`` escapes only what can start markup (emphasis, code, links, images, table
    columns, and a heading, quote or list at the start of the line), so that text meant to be
    read and edited as Markdown source (imported descriptions, job summaries) stays readable."""
    text = html.escape(" ".join(value.split()), quote=not minimal)
    if not minimal:
        return _MD_SPECIAL.sub(r"\\\1", text)
    text = _INLINE_MARKS.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


# Python-Markdown recurses once per emphasis marker of a long run: such runs are shown as text
# (a line that is only stars or underscores stays a horizontal rule).
_LONG_EMPHASIS_RE = re.compile(r"(?<![*_\\])[*_]{4,}(?![*_])(?!$)|(?<=[^\s*_])[*_]{4,}", re.MULTILINE)
_HEADING_RE = re.compile(r"^(#{1,5})(?=\s)", re.MULTILINE)
_FIRST_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_INLINE_SYNTAX = re.compile(r"\\(.)|[*_`]+")


def first_heading(text: str) -> str | None:
    """The text of the first heading, as a reader sees it (no emphasis or code marks, character
    references decoded): a page's title when its record gives none. Builders take a page's title
    from its first heading and themes print it without escaping, so cogov always gives one."""
    match = _FIRST_HEADING_RE.search(text)
    if not match:
        return None
    plain = _INLINE_SYNTAX.sub(lambda m: m.group(1) or "", match.group(1))
    return " ".join(html.unescape(plain).split()) or None


def defuse(text: str, demote: int = 0) -> str:
    """The Markdown with raw HTML shown literally, attribute lists kept as text and unsafe links
    removed, code spans as escaped HTML. ``demote`` pushes headings down so a record's own ``##`` sits
    under the page's sections."""
    out: list[str] = []
    for is_code, chunk in _segments(text):
        if is_code:
            out.append(_code_html(chunk))
            continue
        if demote:
            chunk = _HEADING_RE.sub(lambda m: m.group(1) + "#" * demote, chunk)
        chunk = _LONG_EMPHASIS_RE.sub(lambda m: re.sub(r"([*_])", r"\\\1", m.group(0)), _block_links(chunk))
        out.append(escape_unescaped(_escape_tags(chunk), "{"))
    return "".join(out)


def _code_html(span: str) -> str:
    """A code span as inline HTML with its text escaped for HTML and for Markdown: the text can
    then be read as nothing but text, whatever a builder makes of the backticks around it."""
    ticks = len(span) - len(span.lstrip("`"))
    return f"<code>{escape_text(span[ticks:-ticks].strip())}</code>"


def _block_links(chunk: str) -> str:
    pieces: list[str] = []
    pos = 0
    for target in _unsafe_targets(chunk):
        pieces.append(chunk[pos : target.start()])
        pieces.append("#blocked-link")
        pos = target.end()
    pieces.append(chunk[pos:])
    return "".join(pieces)


def escape_unescaped(text: str, char: str) -> str:
    """Put a backslash before every ``char`` that is not already escaped (an even number of
    backslashes before it escape each other, not the character)."""
    if char not in text:
        return text
    return re.sub(
        r"(?<!\\)(\\*)" + re.escape(char),
        lambda m: m.group(1) + ("\\" if len(m.group(1)) % 2 == 0 else "") + char,
        text,
    )


def inline(text: str) -> str:
    """One line of defused Markdown, safe inside a list item or a table cell: every pipe is
    escaped, even inside code (the table parser's idea of code may differ from ours)."""
    return escape_unescaped(" ".join(defuse(text).split()), "|")


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
