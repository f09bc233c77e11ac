"""Untrusted Markdown, rendered by the builder's own Markdown library: whatever a record holds, the
defused text renders to nothing executable, under the sample's extensions and under the extensions
a project may add (attribute lists, fenced code, SuperFences). The checks read the rendered HTML,
not the Markdown, so they test what a visitor's browser would get."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cogov.markup import MAX_BRACKETS, MAX_NESTING, defuse, find_problems, inline

EXTENSION_SETS = {
    "sample": ["toc", "tables", "footnotes", "admonition", "md_in_html"],
    "python-markdown": ["toc", "tables", "footnotes", "admonition", "md_in_html", "attr_list", "fenced_code", "abbr"],
    "pymdownx": ["toc", "tables", "footnotes", "md_in_html", "attr_list", "pymdownx.superfences", "pymdownx.tasklist"],
}
_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote",
    "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div", "sup", "sub", "span", "dl", "dt", "dd", "abbr",
    "img", "label", "input",
}  # fmt: skip
_GENERATED_ID = re.compile(r"[\w\-:.]+")


class _Inspector(HTMLParser):
    """Everything in rendered HTML that a record must not be able to produce."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TAGS:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.bad.append(f"{name}=")
            if name in ("href", "src") and value:
                target = re.sub(r"[\t\n\r]", "", value).strip().lower()
                scheme = re.match(r"([a-z][a-z0-9+.\-]*):", target)
                if scheme and scheme.group(1) not in ("http", "https", "mailto"):
                    self.bad.append(f"{name}={value}")
            if name == "id" and value and not _GENERATED_ID.fullmatch(value):
                self.bad.append(f"id={value}")

    def handle_comment(self, data: str) -> None:
        self.bad.append("<!--")

    def handle_decl(self, decl: str) -> None:
        self.bad.append("<!")

    def handle_pi(self, data: str) -> None:
        self.bad.append("<?")


def _unsafe(text: str) -> list[str]:
    found = []
    for name, extensions in EXTENSION_SETS.items():
        for variant in (defuse(text), defuse(text, 1), inline(text), f"| a |\n|---|\n| {inline(text)} |\n"):
            inspector = _Inspector()
            inspector.feed(markdown.markdown(variant, extensions=extensions))
            inspector.close()
            found += [f"{name}: {bad}" for bad in inspector.bad]
    return found


_TOKENS = [
    "`", "``", "```", "~~~", "\n", "\n\n", "    ", "\t", " ", "# ", "- ", "> ", "1. ", "| a | b |\n|---|---|\n",
    "\\", "*", "_", "[a]", "[a]: ", "](", "(", ")", "[^1]", "[^1]: ", "![i](", "text", "<https://example.org>",
    "<script>", "</script>", "<!--", "-->", "<?", "<![CDATA[", '<div id="__config">', '<h2 markdown="1" id="x">',
    "<img src=x onerror=alert(1)>", "<javascript:x>", "&lt;", "&#106;avascript:alert(1)", "javascript:alert(1)",
    "java\tscript:x", "data:text/html,x", "{: onclick=alert(1)}", "{#x}", "{", "}",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=30).map("".join))
def test_defused_markdown_renders_nothing_executable(text: str) -> None:
    assert _unsafe(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A "code span" across paragraphs: Markdown ends it at the blank line, so the HTML between is live.
        'Minutes `start.\n\n<h2 markdown="1" id="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">Hi</h2>\n\nend` ok',
        'Minutes `start.\n\n<div id="__config">x</div>\n\nend` ok',
        # A fence is code only if the builder has the extension; without it, a blank line ends it.
        "```\n<script>\n\nalert(1)</script>\n```",
        # Python-Markdown backtracks a long backtick run: its code span is not CommonMark's.
        "```\t# x`{: onclick=alert(1)}`(",
        "`<img src=x onerror=alert(1)>` and ``<script></script>``",
        "Heading {: onclick=alert(1) }",
        "[x](&#106;avascript:alert(1)) [y](java\tscript:alert(1)) [z]: javascript&colon;alert(1)",
        "> [q]: javascript:alert(1)\n\n[q]",
    ],
)
def test_known_attacks_render_nothing_executable(text: str) -> None:
    assert _unsafe(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('Minutes `start.\n\n<h2 markdown="1" id="x">Hi</h2>\n\nend` ok', "html"),
        ("```\n<script>alert(1)</script>\n```", "html"),
        ("[x](&#106;avascript:alert(1))", "link"),
        ("[x](java\tscript:alert(1))", "link"),
        ("> [q]: javascript:alert(1)", "link"),
        ("[x](ftp://example.org/file)", "link"),
        ("[" * (MAX_BRACKETS + 1), "brackets"),
        ("".join("    " * depth + "- item\n" for depth in range(MAX_NESTING + 2)), "nesting"),
        (">" * (MAX_NESTING + 1) + " quote", "nesting"),
    ],
)
def test_validation_refuses_what_cannot_be_meant(text: str, kind: str) -> None:
    assert kind in [p.kind for p in find_problems(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A `<b>` tag in code, a [link](https://example.org) and <https://example.org>.",
        "Data: the survey (file: annex 2) shows it.",
        "- one\n    - two\n        - three\n",
        "***bold and italic*** and a rule:\n\n*****\n",
    ],
)
def test_ordinary_markdown_is_accepted(text: str) -> None:
    assert find_problems(text) == []


def test_code_spans_show_their_text() -> None:
    html = markdown.markdown(defuse("Use `<b>` and `a | b` and ``x`y``."), extensions=EXTENSION_SETS["sample"])
    assert "<code>&lt;b&gt;</code>" in html
    assert "<code>a | b</code>" in html
    assert "<code>x`y</code>" in html


def test_escaped_pipe_stays_in_its_cell() -> None:
    cell = inline("Publish \\| [evil](https://x.example) | 2030-01-01 | done")
    row = f"| {cell} | owner |"
    html = markdown.markdown(f"| Action | Owner |\n|---|---|\n{row}\n", extensions=["tables"])
    assert html.count("<td>") == 2, html


@pytest.mark.parametrize(
    "text",
    [
        "](" + " " * 40_000,  # quadratic in the old link pattern: 77 s
        "[a]: " + " " * 40_000,
        "[\n" * 20_000,
        "\\" * 40_000 + "{",
        "".join("`" * n + "a" for n in range(1, 300)),
    ],
)
def test_validation_is_linear_on_pathological_text(text: str) -> None:
    start = time.perf_counter()
    find_problems(text)
    defuse(text)
    assert time.perf_counter() - start < 2.0


def test_long_emphasis_runs_render_without_recursion() -> None:
    text = "*" * 5000 + "a" + "*" * 5000
    assert find_problems(text) == []
    html = markdown.markdown(defuse(text), extensions=EXTENSION_SETS["sample"])
    assert "a" in html
