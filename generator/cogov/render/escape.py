"""Escaping by destination. Every value from a record reaches a page through one of these.

- ``md``: Markdown text (also safe in a table cell): HTML-escaped, then Markdown punctuation escaped,
  newlines folded, so a name can never become markup, a link or a table column.
- ``h``: inside a raw HTML block (Markdown is not processed there): HTML-escaped only.
- ``url``: a link target: only http(s) and mailto survive; anything else becomes ``#``.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from markupsafe import Markup

from cogov.i18n import direction
from cogov.markup import escape_text

_SAFE_URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"'`\x00-\x1f]+", re.IGNORECASE)


def md(value: object) -> Markup:
    return in_its_language(value, Markup(escape_text(str(value))))


def marks(value: object) -> dict[str, str] | None:
    """The language and direction of a text shown for want of a translation; None for a text in
    the page's own language."""
    lang = getattr(value, "lang", None)
    if not isinstance(value, str) or not isinstance(lang, str):
        return None
    return {"lang": lang, "dir": direction(lang)}


def in_its_language(value: object, rendered: Markup, block: bool = False) -> Markup:
    """A text shown in a language it was not written in (a missing translation) is marked with the
    language it is in, and the way it is written, so that screen readers read it right, an English
    text keeps its order on an Arabic page (and the reverse), and search indexes it as such."""
    found = marks(value)
    if found is None or not rendered:
        return rendered
    attributes = f'lang="{html.escape(found["lang"])}" dir="{found["dir"]}"'
    if block:
        return Markup(f'<div {attributes} markdown="1">\n\n{rendered}\n\n</div>')
    return Markup(f"<span {attributes}>{rendered}</span>")


def h(value: object) -> Markup:
    return Markup(html.escape(str(value), quote=True))


def url(value: object) -> Markup:
    text = str(value).strip()
    if not _SAFE_URL.fullmatch(text):
        return Markup("#")
    # Parentheses and spaces would end a Markdown link target early; quote them.
    return Markup(html.escape(quote(text, safe=":/?#[]@!$&'*+,;=%~-._"), quote=True))


def link(label: object, target: object) -> Markup:
    return Markup(f"[{md(label)}]({url(target)})")


def yaml_string(value: object) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML), so any text stays text: used for
    generated front matter and for the records `cogov new`, `init` and `import` write."""
    return json.dumps(str(value), ensure_ascii=False)
