"""The JSON Schema registry: every schema loaded once, validators compiled once.

The schemas are the public contract of the record format. They live in ``schemas/`` at the root of
the cogov repository; an installed cogov finds its copy under ``<prefix>/share/cogov/schemas``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cogov.kinds import NAMES
from cogov.resources import resource

KINDS = NAMES  # every kind has a schema of its name
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EMAIL_RE = re.compile(r"[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+")


def schema_dir() -> Path:
    """The folder holding the schema files (a checkout's ``schemas/`` or the installed copy)."""
    return resource("schemas")


def is_date(value: object) -> bool:
    """Strictly YYYY-MM-DD and a real calendar day (``datetime.date.fromisoformat`` alone accepts more)."""
    if not isinstance(value, str):
        return True
    if not _DATE_RE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_timezone(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not value or value.startswith(("/", ".")) or ".." in value:
        return False
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def is_email(value: object) -> bool:
    return not isinstance(value, str) or bool(_EMAIL_RE.fullmatch(value))


def format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    checker.checks("date")(is_date)
    checker.checks("timezone")(is_timezone)
    checker.checks("email")(is_email)
    return checker


@dataclass(frozen=True)
class SchemaSet:
    """The loaded schemas, their registry and one compiled validator per record kind.

    ``fast`` holds compiled (Rust) validators used only to say *whether* a record is valid: most
    are, and for those the answer costs microseconds. Every diagnostic still comes from the
    Python validator, so the messages are the same with or without the fast path.
    """

    schemas: dict[str, dict[str, Any]]
    registry: Registry[Any]
    validators: dict[str, Draft202012Validator]
    fast: dict[str, Any] | None = None

    def validator(self, kind: str) -> Draft202012Validator:
        return self.validators[kind]

    def is_valid_fast(self, kind: str, instance: object) -> bool:
        """True only when the record is certainly valid; False means "check it in full"."""
        return bool(self.fast and self.fast[kind].is_valid(instance))


def load_schemas(folder: Path | None = None, fast: bool = True) -> SchemaSet:
    folder = folder or schema_dir()
    schemas: dict[str, dict[str, Any]] = {}
    for file in sorted(folder.glob("*.json")):
        schemas[file.stem] = json.loads(file.read_text(encoding="utf-8"))
    resources = [(s["$id"], Resource.from_contents(s, default_specification=DRAFT202012)) for s in schemas.values()]
    registry: Registry[Any] = Registry().with_resources(resources)
    checker = format_checker()
    validators = {
        kind: Draft202012Validator(schemas[kind], registry=registry, format_checker=checker) for kind in KINDS
    }
    return SchemaSet(schemas, registry, validators, _fast_validators(schemas) if fast else None)


def _fast_validators(schemas: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without its wheels: the Python path alone
        return None
    registry = jsonschema_rs.Registry([(s["$id"], s) for s in schemas.values()])
    formats = {"date": is_date, "timezone": is_timezone, "email": is_email}
    return {
        kind: jsonschema_rs.Draft202012Validator(
            schemas[kind], formats=formats, validate_formats=True, registry=registry
        )
        for kind in KINDS
    }


def field_nodes(schema: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every node of a record's schema with the path of the field it describes: property names,
    and ``*`` for each item of a list. The shapes of a ``oneOf`` (``anyOf``, ``allOf``) describe
    the same field. References are not followed: a field's node holds its ``$ref``."""

    def walk(node: object, where: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
        if not isinstance(node, dict):
            return
        yield where, node
        for key in ("oneOf", "anyOf", "allOf"):
            for sub in node.get(key) or []:
                yield from walk(sub, where)
        for name, sub in (node.get("properties") or {}).items():
            yield from walk(sub, (*where, name))
        yield from walk(node.get("items"), (*where, "*"))

    yield from walk(schema, ())


@cache
def default_schemas() -> SchemaSet:
    """The schemas shipped with cogov, loaded once per process (they never change while it runs)."""
    return load_schemas()
