"""Output formats for diagnostics, chosen by name from a registry."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from cogov.errors import Diagnostic
from cogov.markup import escape_text
from cogov.messages import t


def summary(diagnostics: Sequence[Diagnostic], records: int) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return t("summary.ok", records=records)
    files = len({d.path for d in diagnostics})
    return t("summary.counts", errors=errors, warnings=warnings, files=files, records=records)


# Characters that reorder or hide text in a terminal or a pull-request page ("Trojan source"):
# diagnostics show them as <U+202E> so a reviewer sees what is really there.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def visible(text: str) -> str:
    return _INVISIBLE.sub(_code_point, text)


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _visible(d: Diagnostic) -> Diagnostic:
    """Every report prints a diagnostic on one line, so a name or a value can never start a line
    of its own (a CI log reads a line starting ``::`` as a workflow command): a line break in a
    file name or field is shown as <U+000A>; a message's lines are joined."""
    return replace(
        d,
        path=visible(_LINE_BREAK.sub(_code_point, d.path)),
        message=visible(" ".join(d.message.splitlines())),
        field=visible(_LINE_BREAK.sub(_code_point, d.field)),
    )


def _code_point(match: re.Match[str]) -> str:
    return "".join(f"<U+{ord(c):04X}>" for c in match.group())


def _location(d: Diagnostic) -> str:
    return f"{d.path}:{d.line}:{d.col}" if d.line else d.path


def text_report(diagnostics: Sequence[Diagnostic], records: int) -> str:
    diagnostics = [_visible(d) for d in diagnostics]
    lines = []
    for d in diagnostics:
        field = f" {d.field}:" if d.field else ""
        lines.append(f"{_location(d)}: {d.severity.value} {d.code}{field} {d.message}")
    lines.append(summary(diagnostics, records))
    return "\n".join(lines) + "\n"


def json_report(diagnostics: Sequence[Diagnostic], records: int) -> str:
    diagnostics = [_visible(d) for d in diagnostics]
    payload = {
        "records": records,
        "errors": sum(1 for d in diagnostics if d.is_error),
        "warnings": sum(1 for d in diagnostics if not d.is_error),
        "diagnostics": [
            {
                "path": d.path,
                "line": d.line,
                "col": d.col,
                "code": d.code,
                "severity": d.severity.value,
                "field": d.field,
                "message": d.message,
            }
            for d in diagnostics
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    # GitHub workflow commands: data escapes %, CR and LF; properties also , and :.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(
    command: str, message: str, file: str, line: int = 0, col: int = 0, title: str | None = None
) -> str:
    """One workflow command (``::error``, ``::warning``) whose file, title and message are inert."""
    props = [f"file={_escape_property(visible(file))}"]
    if line:
        props.append(f"line={line}")
    if col:
        props.append(f"col={col}")
    if title:
        props.append(f"title={_escape_property(visible(title))}")
    return f"::{command} {','.join(props)}::{_escape_data(visible(message))}"


def github_report(diagnostics: Sequence[Diagnostic], records: int) -> str:
    diagnostics = [_visible(d) for d in diagnostics]
    lines = []
    for d in diagnostics:
        title = d.code + (" " + d.field if d.field else "")
        command = "error" if d.is_error else "warning"
        lines.append(github_annotation(command, d.message, d.path, d.line, d.col if d.line else 0, title))
    lines.append(summary(diagnostics, records))
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    """Text for one cell of a Markdown table in a job summary: no column breaks, no HTML."""
    return escape_text(visible(text), minimal=True)


def markdown_report(diagnostics: Sequence[Diagnostic], records: int) -> str:
    """A table for the pull request's step summary: the full list, which annotations cap at 10."""
    diagnostics = [_visible(d) for d in diagnostics]
    out = [f"### {summary(diagnostics, records)}", ""]
    if diagnostics:
        out += ["| File | Line | Severity | Code | Field | Problem |", "|---|---|---|---|---|---|"]
        for d in diagnostics:
            cells = [d.path, str(d.line or ""), d.severity.value, d.code, d.field, d.message]
            out.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


Reporter = Callable[[Sequence[Diagnostic], int], str]
REPORTERS: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
    "markdown": markdown_report,
}
