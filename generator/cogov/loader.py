"""Files -> records with the position of every value.

The YAML loader is strict on purpose. Secretariats write ``date: 2025-03-14`` and ``start_time: 10:00``
unquoted, so a plain scalar becomes only one of: text, ``null``, ``true``/``false`` or a whole number
written canonically. Everything else (dates, times, ``NO``, ``yes``, ``0123``, ``+44...``, ``1.10``)
stays exactly the text written. Tags, aliases and merge keys are refused; duplicate keys are errors
naming both lines; file size and nesting depth are bounded.

Parsing uses libyaml's C parser when present and PyYAML's pure parser otherwise; both feed the same
node walk, so the guarantees do not depend on which one ran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cogov.errors import Diagnostic, Severity, format_field
from cogov.messages import t

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 24

try:  # pragma: no cover - depends on how PyYAML was built
    _Base: Any = yaml.CBaseLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.BaseLoader

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_INT_RE = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
# Unicode noncharacters: never text, and XML (Atom, sitemaps) cannot hold U+FFFE and U+FFFF.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0, 0x110000, 0x10000))
# C0 and C1 control characters other than tab, newline and carriage return, and noncharacters.
_CONTROL_RE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_NONCHARACTERS}]")
_BAD_TEXT_RE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")

PathT = tuple[str | int, ...]


class _YamlLoader(_Base):  # type: ignore[misc]
    """The parser with tag resolution reduced to "text, list or mapping": plain scalars are typed
    by ``_scalar`` below, and the composer calls these hooks for every node, so they are cheap."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        if kind is yaml.ScalarNode:
            return _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


@dataclass(slots=True)
class Positions:
    """Line and column (1-based) of every value and every mapping key of one document.

    Most records have no problem, so positions are found lazily: ``source`` re-parses the text
    the first time a position is asked for (a diagnostic is being written).
    """

    values: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    source: tuple[str, str, int] | None = None  # (yaml text, path, line offset) not parsed yet

    def _ensure(self) -> None:
        if self.source is not None:
            text, path, offset = self.source
            self.source = None
            parsed = parse_yaml(text, path, offset, record_positions=True).positions
            self.values, self.keys = parsed.values, parsed.keys

    def value(self, path: PathT) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest existing ancestor."""
        self._ensure()
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def key(self, path: PathT) -> tuple[int, int]:
        """Position of the key naming ``path`` (falls back to the value's position)."""
        self._ensure()
        return self.keys.get(path) or self.value(path)


@dataclass(slots=True)
class Loaded:
    """The outcome of reading one file: data (None when unreadable) and its problems."""

    data: Any
    positions: Positions
    diagnostics: list[Diagnostic]
    body: str = ""
    body_line: int = 0
    has_front_matter: bool = False


class _Walk:
    """Turns a composed node tree into plain Python values, recording positions and problems."""

    def __init__(self, path: str, line_offset: int, record_positions: bool) -> None:
        self.path = path
        self.offset = line_offset
        self.record = record_positions
        self.positions = Positions()
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[int] = set()

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def error(self, node: yaml.Node, code: str, message: str, at: PathT = ()) -> None:
        line, col = self._pos(node)
        self.diagnostics.append(Diagnostic(self.path, line, col, code, Severity.ERROR, message, format_field(at)))

    def build(self, node: yaml.Node, at: PathT, depth: int) -> Any:
        if id(node) in self._seen:
            # The composer returns the anchored node again for an alias: refuse before expanding.
            self.error(node, "LOAD004", t("load.alias"), at)
            return None
        self._seen.add(id(node))
        if self.record:
            self.positions.values[at] = self._pos(node)
        if depth > MAX_DEPTH:
            self.error(node, "LOAD006", t("load.too_deep", limit=MAX_DEPTH), at)
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag != _STR_TAG:
                self.error(node, "LOAD005", t("load.tag", tag=_short_tag(node.tag)), at)
                return None
            value = _scalar(node)
            if isinstance(value, str) and _BAD_TEXT_RE.search(value):
                # Escapes inside double quotes ("\x07", "\ud800") can smuggle what the file itself may not hold.
                self.error(node, "LOAD001", t("load.escaped_character"), at)
                return None
            return value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self.error(node, "LOAD005", t("load.tag", tag=_short_tag(node.tag)), at)
                return None
            return [self.build(child, (*at, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                self.error(node, "LOAD005", t("load.tag", tag=_short_tag(node.tag)), at)
                return None
            return self._mapping(node, at, depth)
        raise AssertionError(f"unexpected YAML node {node!r}")  # pragma: no cover

    def _mapping(self, node: yaml.MappingNode, at: PathT, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
                self.error(key_node, "LOAD003", t("load.bad_key"), at)
                continue
            key = key_node.value
            if key == "<<" and not key_node.style:
                self.error(key_node, "LOAD004", t("load.merge_key"), at)
                continue
            line = self._pos(key_node)[0]
            if key in first_line:
                self.error(key_node, "LOAD003", t("load.duplicate_key", key=key, first=first_line[key]), (*at, key))
                continue
            first_line[key] = line
            if self.record:
                self.positions.keys[(*at, key)] = self._pos(key_node)
            out[key] = self.build(value_node, (*at, key), depth + 1)
        return out


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _scalar(node: yaml.ScalarNode) -> Any:
    text: str = node.value
    if node.style:  # quoted or block scalar: always the text written
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT_RE.fullmatch(text):
        return int(text)
    return text


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_BRACKET_RE = re.compile(r"[\[\]{}]")


def _flow_depth_exceeded(text: str) -> int | None:
    """Index where ``[``/``{`` nesting passes MAX_DEPTH (a guard for the recursive composer)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for match in _BRACKET_RE.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        else:
            depth = max(0, depth - 1)
    return None


_YAML_HINTS = (
    ("mapping values are not allowed", "load.hint.colon"),
    ("cannot start any token", "load.hint.tab_or_char"),
    ("tab character", "load.hint.tab_or_char"),
    ("could not find expected ':'", "load.hint.missing_colon"),
    ("did not find expected key", "load.hint.indent"),
    ("did not find expected '-' indicator", "load.hint.indent"),
    ("found unexpected end of stream", "load.hint.unclosed_quote"),
    ("found unknown escape character", "load.hint.escape"),
    ("found another document", "load.hint.single_document"),
    ("found undefined alias", "load.hint.alias"),
    ("found undefined tag handle", "load.hint.tag"),
)


def parse_yaml(text: str, path: str, line_offset: int = 0, record_positions: bool = False) -> Loaded:
    """Parse one YAML document strictly. Never raises for bad input: problems become diagnostics.

    Positions are recorded now with ``record_positions``, else found again when first asked for."""
    positions = Positions()
    where = _flow_depth_exceeded(text)
    if where is not None:
        line, col = _line_col(text, where)
        diag = Diagnostic(path, line + line_offset, col, "LOAD006", Severity.ERROR, t("load.too_deep", limit=MAX_DEPTH))
        return Loaded(None, positions, [diag])
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or exc.context or "").strip()
        hint = next((t(key) for needle, key in _YAML_HINTS if needle in problem), "")
        message = t("load.yaml_syntax", problem=problem, hint=hint).strip()
        diag = Diagnostic(path, line + line_offset, col, "LOAD002", Severity.ERROR, message)
        return Loaded(None, positions, [diag])
    except yaml.YAMLError as exc:  # reader errors (bad characters) carry no mark
        diag = Diagnostic(path, 1 + line_offset, 1, "LOAD002", Severity.ERROR, t("load.yaml_other", problem=exc))
        return Loaded(None, positions, [diag])
    except RecursionError:
        diag = Diagnostic(path, 1 + line_offset, 1, "LOAD006", Severity.ERROR, t("load.too_deep", limit=MAX_DEPTH))
        return Loaded(None, positions, [diag])
    finally:
        loader.dispose()
    if node is None:
        return Loaded(None, positions, [])
    anchors = _anchors(text, path, line_offset)
    if anchors:
        return Loaded(None, positions, anchors)
    walk = _Walk(path, line_offset, record_positions)
    data = walk.build(node, (), 0)
    if not record_positions:
        walk.positions.source = (text, path, line_offset)
    return Loaded(data, walk.positions, walk.diagnostics)


def _anchors(text: str, path: str, line_offset: int) -> list[Diagnostic]:
    """Anchors (``&name``) are refused even when unused; only files containing ``&`` pay for the scan."""
    if "&" not in text:
        return []
    for event in yaml.parse(text, Loader=_YamlLoader):
        anchor = getattr(event, "anchor", None)
        mark = event.start_mark
        if anchor and mark is not None and not isinstance(event, yaml.AliasEvent):
            line, col = mark.line + 1 + line_offset, mark.column + 1
            # One message is enough: an alias bomb defines dozens of anchors.
            return [Diagnostic(path, line, col, "LOAD004", Severity.ERROR, t("load.anchor", name=anchor))]
    return []


def read_text(file: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a file as strict UTF-8 text with no BOM and no control characters."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_whole(rel, "LOAD006", t("load.too_big", size=size, limit=MAX_FILE_BYTES))]
        raw = file.read_bytes()
    except OSError as exc:
        return None, [_whole(rel, "LOAD001", t("load.unreadable", reason=exc.strerror or str(exc)))]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Diagnostic(rel, 1, 1, "LOAD001", Severity.ERROR, t("load.bom"))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(prefix, len(prefix))
        return None, [Diagnostic(rel, line, col, "LOAD001", Severity.ERROR, t("load.not_utf8"))]
    bad = _CONTROL_RE.search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        return None, [Diagnostic(rel, line, col, "LOAD001", Severity.ERROR, t("load.control", char=code))]
    return text.replace("\r\n", "\n"), []


def _whole(path: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, code, Severity.ERROR, message)


_FENCE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(yaml, body, body_line)`` when ``text`` starts with a closed ``---`` block, else None."""
    if not (text.startswith("---\n") or text == "---"):
        return None
    closing = _FENCE_RE.search(text, 4)
    if closing is None:
        return None
    front = text[4 : closing.start()]
    rest = text[closing.end() :]
    body_line = front.count("\n") + 3
    if rest.startswith("\n"):
        rest = rest[1:]
    return front, rest, body_line


def load_yaml_file(file: Path, rel: str) -> Loaded:
    text, problems = read_text(file, rel)
    if text is None:
        return Loaded(None, Positions(), problems)
    return parse_yaml(text, rel)


def load_markdown_file(file: Path, rel: str, *, front_matter_required: bool) -> Loaded:
    """A Markdown record: front matter (YAML) + body. A front matter that does not parse yields
    no body at all, so broken records are never rendered."""
    text, problems = read_text(file, rel)
    if text is None:
        return Loaded(None, Positions(), problems)
    split = split_front_matter(text)
    if split is None:
        if text.startswith("---"):
            diag = Diagnostic(rel, 1, 1, "LOAD007", Severity.ERROR, t("load.front_matter_unclosed"))
            return Loaded(None, Positions(), [diag])
        if front_matter_required:
            diag = Diagnostic(rel, 1, 1, "LOAD007", Severity.ERROR, t("load.front_matter_missing"))
            return Loaded(None, Positions(), [diag])
        return Loaded({}, Positions(), [], body=text, body_line=1)
    front, body, body_line = split
    loaded = parse_yaml(front, rel, line_offset=1)
    if loaded.diagnostics:
        loaded.data = None
        return loaded
    if loaded.data is None:
        loaded.data = {}
    loaded.body, loaded.body_line, loaded.has_front_matter = body, body_line, True
    return loaded
