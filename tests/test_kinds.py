"""The registry of record kinds (cogov.kinds) is complete: every kind has what every part of
cogov needs, so a kind missed anywhere fails here rather than at run time."""

from __future__ import annotations

import json

import pytest

from cogov import kinds
from cogov.diff import _ORDER
from cogov.model_build import BUILDERS
from cogov.opendata.normalize import _RECORDS, _Normalizer
from cogov.opendata.tables import TABLES
from cogov.render.environment import TEMPLATES
from cogov.scaffold import STUBS
from cogov.schemas import field_nodes, schema_dir
from tests.conftest import ROOT

KINDS = kinds.KINDS


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_has_what_every_part_needs(kind: kinds.Kind) -> None:
    assert (schema_dir() / f"{kind.name}.json").is_file(), "a schema"
    assert kind.name in BUILDERS or kind.model is not None, "a model builder, or a model class to build from"
    assert kind.name in _ORDER, "a place in `cogov diff`"
    assert all(kind.words(form) for form in ("noun", "article", "heading")), "its names"
    assert f"`{kind.location}`" in (ROOT / "schemas" / "REFERENCE.md").read_text(encoding="utf-8"), "a section"
    if kind.page:
        assert kind.template and (TEMPLATES / kind.template).is_file(), "a page template"
    if kind.data:
        assert kind.name in _RECORDS and callable(getattr(_Normalizer, kind.name)), "an open-data form"
        assert kind.data in {table.name for table in TABLES}, "a CSV table"
        records_schema = json.loads((schema_dir() / "records.json").read_text(encoding="utf-8"))
        assert kind.data in records_schema["properties"], "a place in records.json"
    assert (kind.name in STUBS) == kind.stub, "a `cogov new` stub where the registry says so"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_files_are_classified_by_the_registry(kind: kinds.Kind) -> None:
    rel = tuple(
        part.replace("{id}", "an-id").replace("{parent}", "a-parent") if "{" in part else part for part in kind.files
    )
    found = kinds.classify(rel)
    assert found is not None and found[0] == kind.name
    assert found[1] == ("an-id" if any("{id}" in p for p in kind.files) else kind.name)


def test_names_are_unique_and_ordered_for_building() -> None:
    names = [k.name for k in KINDS]
    assert len(set(names)) == len(names)
    assert names.index("person") < names.index("body") < names.index("meeting")


def test_published_file_names_and_page_addresses_are_defined_once() -> None:
    """Every published file name and record address comes from cogov/render/paths.py (and the
    registry); retyped elsewhere, one copy would drift."""
    import re

    generator = ROOT / "generator" / "cogov"
    sources = [p for p in generator.rglob("*") if p.suffix in (".py", ".j2") and p.name not in ("paths.py", "kinds.py")]
    literal = re.compile(
        r"""["'](?:data/|feed\.xml|meetings\.ics|schemas/v1/|(?:meetings|bodies|commitments|people|organizations|pages|action-plans)/[^"'\s]*(?:\.md|/))"""
    )
    found = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in sources for m in literal.finditer(p.read_text("utf-8"))]
    assert found == []


# ID-shaped fields that name no other record: a seat's own ID and a membership's seat (checked
# against the same body by SEAT001), themes (slugs), a plan's OGP member and the site's members
# (checked against content/site.yml by SITE003).
NOT_REFERENCES = {
    "body": {("seats", "*", "id"), ("members", "*", "seat")},
    "commitment": {("themes", "*")},
    "plan": {("member",)},
    "site": {("members", "*", "id")},
}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_field_that_names_a_record_says_which_kind(kind: kinds.Kind) -> None:
    """The reference check (and the editor's relation lists) read ``x-refers`` from the schemas:
    an ID field without it would go unchecked."""
    from cogov.validate.rules import reference_fields

    schema = json.loads((schema_dir() / f"{kind.name}.json").read_text(encoding="utf-8"))
    ids = {path for path, node in field_nodes(schema) if str(node.get("$ref", "")).endswith("#/$defs/id")}
    annotated = {path for path, _ in reference_fields(kind.name)}
    assert ids - NOT_REFERENCES.get(kind.name, set()) == annotated
    assert all(set(refers) <= set(kinds.NAMES) for _, refers in reference_fields(kind.name))
