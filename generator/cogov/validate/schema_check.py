"""JSON Schema validation of one record, translated into messages a secretariat understands."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from cogov.errors import Diagnostic, Severity, format_field
from cogov.i18n import HINT_CONTEXT
from cogov.messages import t, t_or
from cogov.records import Document
from cogov.validate.index import KIND_ARTICLE


def _type_name(value: Any) -> str:
    if value is None:
        return t("type.null")
    if isinstance(value, bool):
        return t("type.boolean")
    if isinstance(value, int):
        return t("type.integer")
    if isinstance(value, str):
        return t("type.string")
    if isinstance(value, list):
        return t("type.array")
    return t("type.object")


def _suggest(value: object, options: list[str]) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value.lower(), options, n=1, cutoff=0.6)
    return t("schema.did_you_mean", value=close[0]) if close else ""


def _object_label(error: ValidationError) -> str:
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    return f"this {title.lower()} entry" if title else "this entry"


def _messages(error: ValidationError, doc: Document) -> Iterator[tuple[tuple[str | int, ...], bool, str, str]]:
    """``(path, at_key, code, message)`` for one jsonschema error."""
    path = tuple(error.absolute_path)
    keyword = error.validator
    value = error.instance
    expected: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    if keyword == "required":
        for name in expected:
            if isinstance(value, dict) and name not in value:
                yield path, False, "SCH001", t("schema.required", field=name)
        return
    if keyword == "additionalProperties" and isinstance(value, dict):
        known = list(schema.get("properties", {}))
        kind = KIND_ARTICLE[doc.kind] if not path else _object_label(error)
        for name in value:
            if name not in known:
                message = t("schema.unknown_field", field=name, kind=kind, suggestion=_suggest(name, known))
                yield (*path, name), True, "SCH002", message
        return
    if keyword == "type":
        if value is None:
            yield path, False, "SCH003", t("schema.empty")
        else:
            names = [t(f"type.{e}") for e in ([expected] if isinstance(expected, str) else expected)]
            yield (
                path,
                False,
                "SCH003",
                t("schema.type", expected=" or ".join(names), found=_type_name(value)),
            )
        return
    if keyword == "enum":
        allowed = [str(v) for v in expected]
        yield (
            path,
            False,
            "SCH004",
            t("schema.enum", value=value, allowed=", ".join(allowed), suggestion=_suggest(value, allowed)),
        )
        return
    if keyword == "format":
        yield path, False, "SCH005", t(f"schema.format.{expected}", value=value)
        return
    if keyword in ("oneOf", "anyOf"):
        # A value of one of several shapes (`chair: id` or a list of IDs): a problem inside a shape
        # it clearly has (an item of the list) is reported there; otherwise the field's hint.
        deeper = [e for e in error.context or () if e.relative_path]
        if deeper:
            yield from _messages(best_match(deeper), doc)
            return
        if "x-hint" in schema:
            hint = t_or(HINT_CONTEXT, str(schema["x-hint"]))
            yield path, False, "SCH006", t("schema.pattern", value=_shorten(value), hint=hint)
            return
        # A value of one shape that breaks that shape's rule (an empty title, not a map of its
        # translations): that rule's message, not "none of the shapes".
        same_shape = [e for e in error.context or () if e.validator != "type"]
        if same_shape:
            yield from _messages(best_match(same_shape), doc)
            return
        # A value of none of the shapes' types: empty, or what the shapes expect.
        shapes: list[Any] = [e.validator_value for e in error.context or () if e.validator == "type"]
        if shapes and value is None:
            yield path, False, "SCH003", t("schema.empty")
            return
        if shapes:
            expected_types = list(dict.fromkeys(x for e in shapes for x in ([e] if isinstance(e, str) else e)))
            names = [t(f"type.{e}") for e in expected_types]
            yield path, False, "SCH003", t("schema.type", expected=" or ".join(names), found=_type_name(value))
            return
    if keyword == "pattern":
        hint = t_or(HINT_CONTEXT, str(schema["x-hint"])) if "x-hint" in schema else schema.get("description", "")
        yield path, False, "SCH006", t("schema.pattern", value=_shorten(value), hint=hint)
        return
    simple: dict[str, tuple[str, str, dict[str, Any]]] = {
        "minLength": ("SCH007", "schema.min_length", {}),
        "maxLength": ("SCH007", "schema.max_length", {"length": len(value) if isinstance(value, str) else 0}),
        "minimum": ("SCH007", "schema.minimum", {}),
        "maximum": ("SCH007", "schema.maximum", {}),
        "minItems": ("SCH007", "schema.min_items", {}),
        "uniqueItems": ("SCH007", "schema.unique", {}),
    }
    if keyword in simple:
        code, key, extra = simple[keyword]
        yield path, False, code, t(key, limit=expected, **extra)
        return
    yield path, False, "SCH009", t("schema.other", detail=error.message)


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _shorten(value: object, limit: int = 60) -> str:
    text = str(value).replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_document(doc: Document, validator: Draft202012Validator) -> list[Diagnostic]:
    """Every schema problem of one record, in words, with positions (found only now)."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Diagnostic] = []
    for error in validator.iter_errors(doc.data):
        for path, at_key, code, message in _messages(error, doc):
            container = _at(doc.data, path)
            if (
                not at_key
                and isinstance(container, dict)
                and isinstance(error.instance, str)
                and error.instance in container
            ):
                # A map key checked by propertyNames: jsonschema reports the key as the instance.
                line, col = doc.positions.key((*path, error.instance))
                field = format_field((*path, error.instance))
            elif at_key:
                line, col = doc.positions.key(path)
                field = format_field(path)
            else:
                line, col = doc.positions.value(path)
                field = format_field(path)
            if (field, code, message) in seen:
                continue
            seen.add((field, code, message))
            out.append(Diagnostic(doc.path, line, col, code, Severity.ERROR, message, field))
    return out
