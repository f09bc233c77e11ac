"""Record files rewritten in the form editor's style (``cogov fmt``).

The editor rewrites a whole file the first time it saves it: its own YAML style, keys in the
form's order, no comments. Formatting a project once beforehand makes that first save, and every
later one, change only the lines that were edited. The rewrite never changes what a record says:
each new file is read back and compared with the old before it is written.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cogov import yamlstyle
from cogov.cms import collection_name, config
from cogov.editor import field_order
from cogov.kinds import BY_NAME
from cogov.loader import parse_yaml, split_front_matter
from cogov.model import Records
from cogov.records import Document
from cogov.translations import translatable_replaced

_COMMENT = re.compile(r"^\s*#", re.MULTILINE)


@dataclass
class Outcome:
    changed: list[str] = field(default_factory=list)  # files rewritten (or, checking, to rewrite)
    comments: list[str] = field(default_factory=list)  # files whose comments the style leaves out
    refused: list[str] = field(default_factory=list)  # files the rewrite would have changed in meaning
    total: int = 0


def ordered(value: Any, order: Mapping[str, Any] | None) -> Any:
    """``value`` with every mapping's keys in the form's order, others after in their own order."""
    if isinstance(value, dict):
        names = list((order or {}).get("", []))
        rank = {name: i for i, name in enumerate(names)}
        keys = sorted(value, key=lambda k: rank.get(k, len(rank)))
        return {k: ordered(value[k], (order or {}).get(k)) for k in keys}
    if isinstance(value, list):
        return [ordered(item, order) for item in value]
    return value


def render(
    text: str, markdown: bool, order: Mapping[str, Any], kind: str = "", default: str | None = None
) -> tuple[str, bool] | None:
    """The file in the editor's style, and whether comments were left out; None when it does not
    read back as the same record (it is then left as it is). With ``default`` (a site in several
    languages), a translatable field's single text becomes the default language's entry of its
    map, where the form edits it: the same text, in the shape the other languages need."""
    if markdown:
        split = split_front_matter(text)
        if split is None:
            return None
        front, body, _ = split
    else:
        front, body = text, ""
    loaded = parse_yaml(front, "")
    if loaded.diagnostics or not isinstance(loaded.data, dict):
        return None
    expected = as_maps(loaded.data, kind, default) if default else loaded.data
    data = ordered(expected, order)
    new = yamlstyle.front_matter(data, body) if markdown else yamlstyle.dump(data)
    again = split_front_matter(new) if markdown else (new, "", 0)
    if again is None or again[1] != body:
        return None
    reread = parse_yaml(again[0], "")
    if reread.diagnostics or reread.data != expected:
        return None
    return new, bool(_COMMENT.search(front))


def as_maps(data: dict[str, Any], kind: str, default: str) -> dict[str, Any]:
    """``data`` with each translatable field's single text as the ``default`` language's entry."""
    result: dict[str, Any] = translatable_replaced(
        data, kind, lambda value: {default: value} if isinstance(value, str) else value
    )
    return result


def format_records(project: Path, documents: list[Document], records: Records, write: bool = True) -> Outcome:
    """Rewrite (or, without ``write``, find) the record files the editor edits that are not in its style."""
    orders = {c["name"]: field_order(c["fields"]) for c in config(records)["collections"]}
    default = records.site.language if records.site.languages else None
    outcome = Outcome()
    for doc in sorted(documents, key=lambda d: d.path):
        kind = BY_NAME.get(doc.kind)
        name = collection_name(kind, doc.parent or None) if kind else ""
        if doc.broken or name not in orders or kind is None:
            continue
        outcome.total += 1
        path = project / doc.path
        text = path.read_text(encoding="utf-8")
        rendered = render(text, kind.markdown, orders[name], kind.name, default)
        if rendered is None:
            outcome.refused.append(doc.path)
            continue
        new, had_comments = rendered
        if new == text:
            continue
        outcome.changed.append(doc.path)
        if had_comments:
            outcome.comments.append(doc.path)
        if write:
            _replace(path, new)
    return outcome


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
