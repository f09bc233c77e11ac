"""The configuration of a git-based form editor (Decap CMS) generated from the schemas.

One collection per record kind, and for kinds whose files sit in another record's folder (meetings
in their body's, commitments and proposals in their plan's) one per folder; a field per schema
property, in the schema's order, with the widget its type calls for: dates and times in the
format the records use, enumerations as selects, records named by ID (``x-refers``) as relation
lists, lists of entries and sub-records as lists and objects, Markdown bodies as Markdown. Labels
and hints come from the schemas. Every save opens a pull request (the editorial workflow), so the
check stays the gate: the editor knows no cross-record rule.

This is the generator alone; serving the editor at ``/admin/`` and the browser test come next
(see the README).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cogov.kinds import KINDS, Kind
from cogov.model import Records
from cogov.schemas import default_schemas, load_schemas

DATE_REF = "#/$defs/date"
TIME_REF = "#/$defs/time"
MARKDOWN_REF = "#/$defs/markdown"
# The field a relation list shows and searches, by kind.
DISPLAY = {"person": "name", "organization": "name", "body": "name", "plan": "title", "commitment": "title"}


def _schemas(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    return load_schemas(folder, fast=False).schemas if folder else default_schemas().schemas


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    ref = str(node.get("$ref", ""))
    address, _, pointer = ref.partition("#/$defs/")
    if not pointer:
        return node
    target = schemas.get(address.rsplit("/", 1)[-1].removesuffix(".json"), {}).get("$defs", {}).get(pointer, {})
    return {**_resolve(target, schemas), **{k: v for k, v in node.items() if k != "$ref"}}


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def collection_name(kind: Kind, parent: str | None = None) -> str:
    return f"{kind.name}-{parent}" if parent else kind.name


# Kinds kept in another record's folder have a collection per folder; a relation can name one
# collection only, so it lists them only where the folder is known (a plan's commitments, from
# that plan's proposals). Elsewhere the ID is typed, and the check names what is wrong.
_PER_FOLDER = {k.name for k in KINDS if "{parent}" in k.files}


def field(
    name: str, node: dict[str, Any], required: bool, schemas: dict[str, dict[str, Any]], parent: str | None = None
) -> dict[str, Any]:
    """One Decap field for a schema property."""
    ref = str(node.get("$ref", ""))
    resolved = _resolve(node, schemas)
    out: dict[str, Any] = {"name": name, "label": _label(name), "required": required}
    if resolved.get("description"):
        out["hint"] = resolved["description"]
    refers = node.get("x-refers") or resolved.get("x-refers")
    items = resolved.get("items") if resolved.get("type") == "array" else None
    item_refers = (items or {}).get("x-refers")
    kinds = refers or item_refers
    target = None
    if kinds and len(kinds) == 1:
        target = kinds[0] if kinds[0] not in _PER_FOLDER else (f"{kinds[0]}-{parent}" if parent else None)
    if kinds and target:
        kind = kinds[0]
        out.update(widget="relation", collection=target, value_field="{{slug}}")
        shown = DISPLAY.get(kind, "title")
        out.update(search_fields=[shown], display_fields=[shown])
        if item_refers:
            out["multiple"] = True
        return out
    if ref.endswith(DATE_REF):
        return {**out, "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if ref.endswith(TIME_REF):
        return {**out, "widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm"}
    if ref.endswith(MARKDOWN_REF):
        return {**out, "widget": "markdown"}
    if "enum" in resolved:
        return {**out, "widget": "select", "options": [{"label": _label(str(v)), "value": v} for v in resolved["enum"]]}
    kind_of = resolved.get("type")
    if kind_of == "boolean" or resolved.get("const") is True:
        return {**out, "widget": "boolean"}
    if kind_of == "integer":
        return {**out, "widget": "number", "value_type": "int"}
    if kind_of == "array" and isinstance(items, dict):
        inner = _resolve(items, schemas)
        if "enum" in inner:
            options = [{"label": _label(str(v)), "value": v} for v in inner["enum"]]
            return {**out, "widget": "select", "multiple": True, "options": options}
        if inner.get("type") == "object":
            return {**out, "widget": "list", "fields": _fields(inner, schemas, parent)}
        return {**out, "widget": "list"}
    if kind_of == "object" and "propertyNames" in resolved:
        # A count per value of an enumeration (participants by sector): a number field for each.
        names = _resolve(resolved["propertyNames"], schemas).get("enum", [])
        numbers = [
            {"name": n, "label": _label(n), "widget": "number", "value_type": "int", "required": False} for n in names
        ]
        return {**out, "widget": "object", "fields": numbers}
    if kind_of == "object" and "properties" in resolved:
        return {**out, "widget": "object", "fields": _fields(resolved, schemas, parent)}
    if "oneOf" in resolved:
        # One record or a list of them (a meeting's chair or co-chairs): the list, which holds one too.
        for shape in resolved["oneOf"]:
            if shape.get("type") == "array" and (shape.get("items") or {}).get("x-refers"):
                return field(name, {**shape, "description": resolved.get("description", "")}, required, schemas, parent)
        # A choice of shapes (who made a proposal, a body's seats): the fields of every shape,
        # each optional; the check says which combinations are allowed.
        merged: dict[str, Any] = {}
        for shape in resolved["oneOf"]:
            shape = _resolve(shape, schemas)
            for key, sub in (shape.get("properties") or {}).items():
                merged.setdefault(key, sub)
        if merged:
            return {
                **out,
                "widget": "object",
                "fields": [field(k, v, False, schemas, parent) for k, v in merged.items()],
            }
    return {**out, "widget": "string"}


def _fields(
    node: dict[str, Any], schemas: dict[str, dict[str, Any]], parent: str | None = None
) -> list[dict[str, Any]]:
    required = set(node.get("required", []))
    properties = (node.get("properties") or {}).items()
    return [field(name, prop, name in required, schemas, parent) for name, prop in properties]


def _folder_and_path(kind: Kind, parent: str | None) -> tuple[str, str | None]:
    """Decap's folder for a kind's files and, when each record has a folder of its own, the path
    inside it (``{{slug}}/plan`` for content/action-plans/<id>/plan.yml)."""
    parts = [(parent or "") if p == "{parent}" else p for p in kind.files]
    at = next(i for i, p in enumerate(parts) if p.startswith("{id}"))
    folder = "/".join(["content", *parts[:at]])
    rest = parts[at + 1 :]
    if rest:
        return folder, "{{slug}}/" + "/".join(rest).rsplit(".", 1)[0]
    return folder, None


def collection(kind: Kind, schemas: dict[str, dict[str, Any]], parent: str | None = None) -> dict[str, Any]:
    schema = schemas[kind.name]
    folder, path = _folder_and_path(kind, parent)
    extension = kind.files[-1].rsplit(".", 1)[-1]
    # Only a plan's folder is a context a relation can use (its commitments).
    fields = _fields(schema, schemas, parent if "action-plans" in kind.files else None)
    markdown = extension == "md"
    if markdown:
        fields.append({"name": "body", "label": "Text", "widget": "markdown", "required": False})
    title_field = "title" if "title" in schema.get("properties", {}) else "name"
    out: dict[str, Any] = {
        "name": collection_name(kind, parent),
        "label": kind.words("heading", "en") + (f" ({parent})" if parent else ""),
        "label_singular": kind.words("heading", "en"),
        "folder": folder,
        "extension": extension,
        "format": "yaml-frontmatter" if markdown else "yaml",
        "create": True,
        "identifier_field": title_field,
        "summary": "{{" + title_field + "}}",
        "fields": fields,
    }
    if kind.name == "meeting":
        out["slug"] = "{{fields.date}}-{{slug}}"  # the file naming rule: <date>-<name>
    if path:
        out["path"] = path
    return out


def _parents(kind: Kind, records: Records) -> list[str | None]:
    if "{parent}" not in kind.files:
        return [None]
    holder = kind.files[kind.files.index("{parent}") - 1]
    parents: list[str | None] = [*sorted(records.bodies if holder == "meetings" else records.plans)]
    return parents


def config(records: Records, backend: str = "github", schemas_folder: Path | None = None) -> dict[str, Any]:
    """The editor's configuration for a project."""
    schemas = _schemas(schemas_folder)
    collections = []
    for kind in KINDS:
        if kind.name not in schemas or kind.name == "site" or kind.name == "page":
            continue
        for parent in _parents(kind, records):
            collections.append(collection(kind, schemas, parent))
    site = records.site
    repo = re.sub(r"^https://github\.com/", "", site.repository or "").strip("/")
    back: dict[str, Any] = {"name": backend}
    if backend == "github":
        back.update(repo=repo or "OWNER/REPOSITORY", branch=site.branch)
    return {
        "backend": back,
        "publish_mode": "editorial_workflow",
        "media_folder": "content/files",
        "locale": site.language.split("-")[0],
        "collections": collections,
    }
