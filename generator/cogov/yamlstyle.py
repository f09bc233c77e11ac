"""YAML written the way the form editor writes it, so that a record formatted once (``cogov fmt``)
and then saved through the editor changes only on the lines that were edited.

The editor (Decap CMS) writes YAML with the ``yaml`` JavaScript library, version 1, at its
defaults: two-space indentation, sequences indented under their key, strings plain where the
YAML 1.2 core schema reads them back as the same string and quoted otherwise, lines folded at 80
characters, multi-line text as literal blocks (folded blocks when a line is too long). This
module follows that library's rules for what records hold (mappings, lists, strings, integers,
booleans); its comments name the function each part follows. Lengths are counted in code points
where the library counts UTF-16 units, which differs only for characters outside the Basic
Multilingual Plane (most emoji) in lines near the width.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

LINE_WIDTH = 80
MIN_CONTENT_WIDTH = 20
MIN_MULTILINE_LENGTH = 40  # a double-quoted string shorter than this keeps its \n escapes
FOLD_FLOW, FOLD_BLOCK, FOLD_QUOTED = "flow", "block", "quoted"

# What the YAML 1.2 core schema reads as something other than a string (the library's tags).
_NOT_STRINGS = [
    re.compile(r"(?:~|[Nn]ull|NULL)?"),
    re.compile(r"(?:[Tt]rue|TRUE|[Ff]alse|FALSE)"),
    re.compile(r"0o[0-7]+"),
    re.compile(r"[-+]?[0-9]+"),
    re.compile(r"0x[0-9a-fA-F]+"),
    re.compile(r"(?:[-+]?\.inf|\.nan)", re.IGNORECASE),
    re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+"),
    re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)"),
]
_NOT_PLAIN = re.compile(r"^[\n\t ,[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z")
_DOCUMENT_MARKER = re.compile(r"^(?:%|---|\.\.\.)", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _consume_more_indented_lines(text: str, i: int) -> int:
    ch = text[i + 1] if i + 1 < len(text) else ""
    while ch in (" ", "\t") and ch:
        while True:
            i += 1
            ch = text[i] if i < len(text) else ""
            if not ch or ch == "\n":
                break
        ch = text[i + 1] if i + 1 < len(text) else ""
    return i


def fold_flow_lines(text: str, indent: str, mode: str, indent_at_start: int | None = None) -> str:
    """foldFlowLines: break ``text`` at spaces so that lines stay within the width."""
    end_step = max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - len(indent))
    if len(text) <= end_step:
        return text
    folds: list[int] = []
    escaped_folds: set[int] = set()
    end = LINE_WIDTH - len(indent)
    if indent_at_start is not None:
        if indent_at_start > LINE_WIDTH - max(2, MIN_CONTENT_WIDTH):
            folds.append(0)
        else:
            end = LINE_WIDTH - indent_at_start
    split: int | None = None
    prev: str | None = None
    i = -1
    esc_start = -1
    esc_end = -1
    if mode == FOLD_BLOCK:
        i = _consume_more_indented_lines(text, i)
        if i != -1:
            end = i + end_step
    while True:
        i += 1
        if i >= len(text):
            break
        ch = text[i]
        if mode == FOLD_QUOTED and ch == "\\":
            esc_start = i
            following = text[i + 1] if i + 1 < len(text) else ""
            i += {"x": 3, "u": 5, "U": 9}.get(following, 1)
            esc_end = i
        if ch == "\n":
            if mode == FOLD_BLOCK:
                i = _consume_more_indented_lines(text, i)
            end = i + end_step
            split = None
        else:
            following = text[i + 1] if i + 1 < len(text) else ""
            if (
                ch == " "
                and prev
                and prev not in (" ", "\n", "\t")
                and following
                and following not in (" ", "\n", "\t")
            ):
                split = i
            if i >= end:
                if split:
                    folds.append(split)
                    end = split + end_step
                    split = None
                elif mode == FOLD_QUOTED:
                    while prev in (" ", "\t"):
                        prev = ch
                        i += 1
                        ch = text[i] if i < len(text) else ""
                    j = i - 2 if i > esc_end + 1 else esc_start - 1
                    if j in escaped_folds:
                        return text
                    folds.append(j)
                    escaped_folds.add(j)
                    end = j + end_step
                    split = None
        prev = ch
    if not folds:
        return text
    out = text[: folds[0]]
    for n, fold in enumerate(folds):
        stop = folds[n + 1] if n + 1 < len(folds) else len(text)
        if fold == 0:
            out = f"\n{indent}{text[0:stop]}"
        else:
            if mode == FOLD_QUOTED and fold in escaped_folds:
                out += f"{text[fold]}\\"
            out += f"\n{indent}{text[fold + 1 : stop]}"
    return out


def _contains_document_marker(value: str) -> bool:
    return bool(_DOCUMENT_MARKER.search(value))


_SHORT_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e", "0085": "\\N", "00a0": "\\_"}
_SHORT_ESCAPES |= {"2028": "\\L", "2029": "\\P"}


def double_quoted(value: str, indent: str, indent_at_start: int | None, implicit_key: bool = False) -> str:
    """doubleQuotedString."""
    text = json.dumps(value, ensure_ascii=False)  # as JSON.stringify writes it
    indent = indent or ("  " if _contains_document_marker(value) else "")
    out = ""
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " " and text[i + 1 : i + 3] == "\\n":
            out += text[start:i] + "\\ "
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = text[i + 1] if i + 1 < len(text) else ""
            if following == "u":
                out += text[start:i]
                code = text[i + 2 : i + 6]
                if code in _SHORT_ESCAPES:
                    out += _SHORT_ESCAPES[code]
                elif code.startswith("00"):
                    out += "\\x" + code[2:]
                else:
                    out += text[i : i + 6]
                i += 5
                start = i + 1
            elif following == "n":
                if implicit_key or text[i + 2 : i + 3] == '"' or len(text) < MIN_MULTILINE_LENGTH:
                    i += 1
                else:
                    out += text[start:i] + "\n\n"
                    while text[i + 2 : i + 4] == "\\n" and text[i + 4 : i + 5] != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if text[i + 2 : i + 3] == " ":
                        out += "\\"
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    out = out + text[start:] if start else text
    return out if implicit_key else fold_flow_lines(out, indent, FOLD_QUOTED, indent_at_start)


def single_quoted(value: str, indent: str, indent_at_start: int | None) -> str:
    """singleQuotedString."""
    if re.search(r"[ \t]\n|\n[ \t]", value):
        return double_quoted(value, indent, indent_at_start)
    indent = indent or ("  " if _contains_document_marker(value) else "")
    body = "'" + re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value.replace("'", "''")) + "'"
    return fold_flow_lines(body, indent, FOLD_FLOW, indent_at_start)


def _line_length_over_limit(value: str, indent_length: int) -> bool:
    limit = LINE_WIDTH - indent_length
    if len(value) <= limit:
        return False
    start = 0
    for i, ch in enumerate(value):
        if ch == "\n":
            if i - start > limit:
                return True
            start = i + 1
            if len(value) - start <= limit:
                return False
    return True


def block(value: str, indent: str, indent_at_start: int | None) -> str:
    """blockString: a literal block (``|``), or a folded one (``>``) when a line is too long."""
    if re.search(r"\n[\t ]+\Z", value) or re.fullmatch(r"\s*", value):
        return double_quoted(value, indent, indent_at_start)
    indent = indent or ("  " if _contains_document_marker(value) else "")
    indent_size = "2" if indent else "1"
    literal = not _line_length_over_limit(value, len(indent))
    header = "|" if literal else ">"
    trailing = re.search(r"[\n\t ]*\Z", value)
    assert trailing is not None
    ws = trailing.group(0)
    n = ws.find("\n")
    if n == -1:
        header += "-"
    elif value == ws or n != len(ws) - 1:
        header += "+"
    ws_end = re.sub(r"\n\Z", "", ws, count=1)
    value = value[: len(value) - len(ws)]
    leading = re.match(r"[\n ]*", value)
    assert leading is not None
    lead = leading.group(0)
    ws_start = ""
    if " " in lead:
        header += indent_size
    spaces = re.search(r" +\Z", lead)
    if spaces:
        ws_start = lead[: -len(spaces.group(0))]
        value = spaces.group(0) + value[len(lead) :]
    else:
        ws_start = lead
        value = value[len(lead) :]
    if ws_end:
        ws_end = re.sub(r"\n+(?!\n|\Z)", lambda m: m.group(0) + indent, ws_end)
    if ws_start:
        ws_start = re.sub(r"\n+", lambda m: m.group(0) + indent, ws_start)
    if not value:
        return f"{header}{indent_size}\n{indent}{ws_end}"
    if literal:
        value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
        return f"{header}\n{indent}{ws_start}{value}{ws_end}"
    value = re.sub(r"\n+", lambda m: "\n" + m.group(0), value)
    value = re.sub(
        r"(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?",
        lambda m: (m.group(1) or "") + (m.group(2) or ""),
        value,
    )
    value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
    body = fold_flow_lines(f"{ws_start}{value}{ws_end}", indent, FOLD_BLOCK)
    return f"{header}\n{indent}{body}"


def string(value: str, indent: str, indent_at_start: int | None = None, implicit_key: bool = False) -> str:
    """stringifyString for a string the editor created (no style of its own: plain if it can be)."""
    if _CONTROL.search(value):
        return double_quoted(value, indent, indent_at_start, implicit_key)
    if implicit_key and re.search(r"[\n[\]{},]", value):
        return double_quoted(value, indent, indent_at_start, implicit_key)
    if not value or _NOT_PLAIN.search(value):
        if implicit_key or "\n" not in value:
            if '"' in value and "'" not in value:
                return single_quoted(value, indent, indent_at_start)
            return double_quoted(value, indent, indent_at_start, implicit_key)
        return block(value, indent, indent_at_start)
    if not implicit_key and "\n" in value:
        return block(value, indent, indent_at_start)
    if indent == "" and _contains_document_marker(value):
        return block(value, "  ", indent_at_start)
    plain = re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value)
    if any(pattern.fullmatch(plain) for pattern in _NOT_STRINGS):
        return double_quoted(value, indent, indent_at_start, implicit_key)
    return plain if implicit_key else fold_flow_lines(plain, indent, FOLD_FLOW, indent_at_start)


def _scalar(value: Any, indent: str, indent_at_start: int | None) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json.dumps(value)
    return string(str(value), indent, indent_at_start)


def _is_collection(value: Any) -> bool:
    return isinstance(value, Mapping) or (isinstance(value, Sequence) and not isinstance(value, str))


def _node(value: Any, indent: str, indent_at_start: int | None = None) -> str:
    """A value at ``indent`` (the indentation of its continuation lines)."""
    if isinstance(value, Mapping):
        return _mapping(value, indent) if value else "{}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return _sequence(value, indent) if value else "[]"
    return _scalar(value, indent, indent_at_start)


def _mapping(value: Mapping[str, Any], indent: str) -> str:
    """YAMLMap: one ``key: value`` per line at ``indent``."""
    lines = []
    for key, item in value.items():
        key_text = string(str(key), indent + "  ", implicit_key=True)
        head = f"{key_text}:"
        if _is_collection(item) and item:
            lines.append(f"{head}\n{indent}  {_node(item, indent + '  ')}")
        else:
            text = _node(item, indent + "  ", len(head) + 1)
            lines.append(head + ("" if text.startswith("\n") else " ") + text)
    return f"\n{indent}".join(lines)


def _sequence(value: Sequence[Any], indent: str) -> str:
    """YAMLSeq: one ``- item`` per line at ``indent``, items indented by two more."""
    return f"\n{indent}".join(f"- {_node(item, indent + '  ')}" for item in value)


def dump(data: Mapping[str, Any]) -> str:
    """A YAML document as the editor writes a record file."""
    return _node(data, "") + "\n"


def front_matter(data: Mapping[str, Any], body: str) -> str:
    """A Markdown record as the editor writes it: the front matter, then the text as it is."""
    matter = _node(data, "").strip() if data else ""
    head = f"---\n{matter}\n---\n" if matter else ""
    return head + body
