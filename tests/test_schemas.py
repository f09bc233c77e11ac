from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from cogov.schemadocs import render_reference
from cogov.schemas import KINDS, default_schemas, is_date, is_timezone, schema_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", [*KINDS, "common", "records"])
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = default_schemas().schemas[name]
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"https://cogov.github.io/schemas/v1/{name}.json"


def _nodes(node: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    """Every mapping inside a schema, with where it sits."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((where, node))
        for key, value in node.items():
            found += _nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _nodes(value, f"{where}[{i}]")
    return found


def _properties(schema: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{at}.{name}", prop)
        for at, node in _nodes(schema, where)
        for name, prop in node.get("properties", {}).items()
    ]


def _objects(schema: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    return [(at, node) for at, node in _nodes(schema, where) if node.get("type") == "object" and "properties" in node]


def test_every_property_is_described_and_objects_are_closed() -> None:
    schemas = default_schemas().schemas
    for name, schema in schemas.items():
        for where, prop in _properties(schema, name):
            assert prop.get("description"), f"{where} has no description"
        for where, node in _objects(schema, name):
            assert node.get("additionalProperties") is False, f"{where} accepts unknown fields"


def test_field_reference_is_up_to_date() -> None:
    current = (ROOT / "schemas" / "REFERENCE.md").read_text(encoding="utf-8")
    assert current == render_reference(default_schemas()), "run `make docs` to regenerate schemas/REFERENCE.md"


def test_field_reference_lists_every_field() -> None:
    text = render_reference(default_schemas())
    for name in [*KINDS, "common"]:
        for where, _prop in _properties(default_schemas().schemas[name], name):
            assert f"`{where.rsplit('.', 1)[1]}`" in text


def test_schema_dir_is_the_checkout() -> None:
    assert schema_dir() == ROOT / "schemas"


@pytest.mark.parametrize("value", ["2025-02-29", "20250314", "2025-3-14", "2025-W10-1", "2025-03-14T10:00", ""])
def test_is_date_is_strict(value: str) -> None:
    assert not is_date(value)


def test_is_date_accepts_real_days() -> None:
    assert is_date("2024-02-29")


@pytest.mark.parametrize(
    ("value", "ok"), [("America/Lima", True), ("UTC", True), ("Mars/Olympus", False), ("../etc/passwd", False)]
)
def test_is_timezone(value: str, ok: bool) -> None:
    assert is_timezone(value) is ok
