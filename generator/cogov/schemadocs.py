"""The field reference, generated from the schemas so that it cannot drift from them."""

from __future__ import annotations

import json
from typing import Any

from cogov.kinds import BY_NAME, KINDS
from cogov.schemas import SchemaSet


def _resolve(schemas: SchemaSet, node: dict[str, Any]) -> dict[str, Any]:
    """Inline a ``$ref`` to the shared definitions, keeping the local description."""
    ref = node.get("$ref")
    if not ref:
        return node
    name = ref.rsplit("/", 1)[-1]
    target = dict(schemas.schemas["common"]["$defs"][name])
    target.update({k: v for k, v in node.items() if k != "$ref"})
    target["x-def"] = name
    return target


def _type(schemas: SchemaSet, node: dict[str, Any]) -> str:
    node = _resolve(schemas, node)
    kind = node.get("type", "")
    named = {
        "id": "ID",
        "line": "text (one line)",
        "markdown": "Markdown",
        "date": "date (YYYY-MM-DD)",
        "time": "time (HH:MM)",
        "url": "web address",
        "email": "e-mail address",
    }
    if node.get("x-def") in named:
        return named[str(node["x-def"])]
    if node.get("x-translatable") and node.get("anyOf"):
        # One text, or one per language of the site (docs/languages.md).
        return f"{_type(schemas, node['anyOf'][0])}, translatable"
    if "enum" in node:
        return "one of: " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    if "oneOf" in node:
        return " or ".join(_type(schemas, branch) for branch in node["oneOf"])
    if kind == "array":
        return "list of " + _type(schemas, node["items"])
    if kind == "object":
        if "propertyNames" in node:
            return "map of sector to number"
        return "fields (see below)"
    if node.get("format") == "timezone":
        return "time zone (IANA name)"
    return {"integer": "whole number", "boolean": "true or false", "string": "text"}.get(kind, str(kind))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(schemas: SchemaSet, title: str, node: dict[str, Any], level: int, out: list[str]) -> None:
    node = _resolve(schemas, node)
    required = set(node.get("required", []))
    out += [f"{'#' * level} {title}", "", node.get("description", ""), ""]
    out += ["| Field | Required | Type | Meaning |", "|---|---|---|---|"]
    nested: list[tuple[str, dict[str, Any]]] = []
    for name, prop in node.get("properties", {}).items():
        resolved = _resolve(schemas, prop)
        meaning = resolved.get("description", "")
        item_node = _resolve(schemas, resolved["items"]) if resolved.get("type") == "array" else resolved
        refers = item_node.get("x-refers") or resolved.get("x-refers")
        if refers:
            meaning += " Refers to " + " or ".join(BY_NAME[k].words("article", "en") for k in refers) + "."
        values = item_node.get("x-enum-descriptions") or {}
        if values:
            meaning += " Values: " + "; ".join(f"`{k}`: {v}" for k, v in values.items()) + "."
        if "examples" in resolved:
            meaning += " Example: " + ", ".join(f"`{json.dumps(e, ensure_ascii=False)}`" for e in resolved["examples"])
        mark = "yes" if name in required else ""
        out.append(f"| `{name}` | {mark} | {_cell(_type(schemas, prop))} | {_cell(meaning)} |")
        # The fields of its entries: its own, or those of the shape among several that has fields
        # (`seats` given as a list of named seats).
        for shape in [resolved, *resolved.get("oneOf", [])]:
            item = _resolve(schemas, shape["items"]) if shape.get("type") == "array" else shape
            if item.get("type") == "object" and "properties" in item:
                nested.append((f"`{name}`", item))
                break
    out.append("")
    for sub_title, sub in nested:
        _table(schemas, f"{title}: {sub_title} entries", sub, min(level + 1, 4), out)


def render_reference(schemas: SchemaSet) -> str:
    out = [
        "# Field reference",
        "",
        "Generated from the JSON Schemas in `schemas/` by `cogov schema-docs`; do not edit by hand.",
        "Every record rejects fields that are not listed here, so a typo is caught at once.",
        "",
        "This is version 1.1 of the record format. It only adds to 1.0: a project valid under 1.0 is valid",
        "under 1.1 without an edit.",
        "",
        "Dates are written `YYYY-MM-DD` and times `HH:MM`, without quotes. IDs are file names: lower-case",
        'letters, digits and single hyphens. A field that names another record says which kind ("Refers to',
        'a person"); in the schemas this is the annotation `x-refers`, which the check and editors read.',
        "",
        "A *translatable* text holds one text, in the site's language, or, on a site in several languages",
        "(`languages`), one text per language: `title: {en: Ordinary session, fr: Séance ordinaire}`. In the",
        "schemas it is the annotation `x-translatable` (docs/languages.md).",
        "",
    ]
    for kind in KINDS:
        schema = schemas.schemas[kind.name]
        out += [f"<!-- {schema['$id']} -->"]
        _table(schemas, f"{schema['title']} (`{kind.location}`)", schema, 2, out)
    return "\n".join(out).rstrip() + "\n"
