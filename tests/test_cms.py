"""The form editor's configuration generated from the schemas (cogov.cms); the editor published
with the site and its browser test are in test_editor.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cogov import cms, kinds
from cogov.config import Settings
from cogov.model import Records
from cogov.pipeline import generate
from cogov.schemas import default_schemas, schema_dir
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def records() -> Records:
    generated = generate(Settings.for_project(ROOT, as_of=dt.date(2026, 11, 26)))
    assert generated.records is not None
    return generated.records


def _by_name(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in items}


def test_a_collection_per_kind_and_per_folder(records: Records) -> None:
    collections = _by_name(cms.config(records)["collections"])
    assert {"organization", "person", "body", "plan"} <= set(collections)
    assert {f"meeting-{b}" for b in records.bodies} <= set(collections)  # meetings in their body's folder
    assert {f"commitment-{p}" for p in records.plans} | {f"proposal-{p}" for p in records.plans} <= set(collections)
    meetings = collections["meeting-msf"]
    assert (meetings["folder"], meetings["format"], meetings["slug"]) == (
        "content/meetings/msf",
        "yaml-frontmatter",
        "{{fields.date}}-{{slug}}",
    )
    assert collections["plan"]["path"] == "{{slug}}/plan"  # content/action-plans/<id>/plan.yml


def test_fields_have_the_widgets_their_types_call_for(records: Records) -> None:
    fields = _by_name(_by_name(cms.config(records)["collections"])["meeting-msf"]["fields"])
    assert list(fields)[:2] == ["title", "date"] and list(fields)[-1] == "body"  # the schema's order, then the text
    assert fields["title"]["required"] is True and fields["location"]["required"] is False
    assert (fields["date"]["widget"], fields["date"]["format"], fields["date"]["time_format"]) == (
        "datetime",
        "YYYY-MM-DD",
        False,
    )
    assert fields["start_time"]["format"] == "HH:mm"
    assert fields["status"]["widget"] == "select" and {"held", "scheduled"} <= {
        o["value"] for o in fields["status"]["options"]
    }
    chair = fields["chair"]  # a person, or several: the list holds one too
    assert (chair["widget"], chair["collection"], chair.get("multiple")) == ("relation", "person", True)
    attendance = _by_name(fields["attendance"]["fields"])
    assert attendance["person"]["widget"] == "relation" and attendance["status"]["widget"] == "select"
    assert _by_name(fields["participants"]["fields"])["civil-society"]["widget"] == "number"
    assert fields["approved_in"]["widget"] == "string"  # meetings are split by body: typed, checked
    assert fields["body"]["widget"] == "markdown"


def test_a_proposal_picks_commitments_of_its_own_plan(records: Records) -> None:
    fields = _by_name(_by_name(cms.config(records)["collections"])["proposal-nap-5"]["fields"])
    response = _by_name(fields["response"]["fields"])
    assert (response["commitments"]["collection"], response["commitments"]["multiple"]) == ("commitment-nap-5", True)
    source = _by_name(fields["from"]["fields"])
    assert source["organization"]["collection"] == "organization" and source["public"]["widget"] == "boolean"


def test_every_save_opens_a_pull_request_on_the_projects_repository(records: Records) -> None:
    config = cms.config(records)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "cogov/cogov", "branch": "main"}
    assert cms.config(records, backend="test-repo")["backend"] == {"name": "test-repo"}


@dataclass(frozen=True)
class _Minutes:
    id: str
    title: str


def test_a_kind_added_through_the_registry_appears_without_configuration(
    records: Records, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "schemas"
    shutil.copytree(schema_dir(), folder)
    schema = {
        "$id": "https://cogov.github.io/schemas/v1/report.json",
        "type": "object",
        "title": "Report",
        "properties": {
            "title": {"$ref": "https://cogov.github.io/schemas/v1/common.json#/$defs/line", "description": "Title."},
            "published": {"$ref": "https://cogov.github.io/schemas/v1/common.json#/$defs/date"},
            "authors": {
                "type": "array",
                "items": {"$ref": "https://cogov.github.io/schemas/v1/common.json#/$defs/id", "x-refers": ["person"]},
            },
        },
        "required": ["title"],
    }
    (folder / "report.json").write_text(json.dumps(schema), encoding="utf-8")
    report = kinds.Kind(
        name="report", noun="report", article="a report", heading="Report", files=("reports", "{id}.yml"),
        location="content/reports/<id>.yml", page="reports/{id}.md", template="page.md.j2", model=_Minutes,
    )  # fmt: skip
    monkeypatch.setattr(cms, "KINDS", (*kinds.KINDS, report))
    collections = _by_name(cms.config(records, schemas_folder=folder)["collections"])
    fields = _by_name(collections["report"]["fields"])
    assert collections["report"]["folder"] == "content/reports"
    assert fields["published"]["widget"] == "datetime" and fields["authors"]["collection"] == "person"


def test_the_forms_speak_the_sites_language(records: Records) -> None:
    spanish = dataclasses.replace(records, site=dataclasses.replace(records.site, language="es"))
    collections = _by_name(cms.config(spanish)["collections"])
    assert collections["meeting-msf"]["label"] == "Reuniones: Multi-stakeholder Forum"
    fields = _by_name(collections["meeting-msf"]["fields"])
    assert (fields["date"]["label"], fields["start_time"]["label"], fields["body"]["label"]) == (
        "Fecha",
        "Hora de inicio",
        "Texto",
    )
    assert fields["date"]["hint"] == "El día de la reunión; debe ser igual a la fecha del nombre del archivo."
    assert {o["value"]: o["label"] for o in fields["status"]["options"]}["held"] == "Celebrada"
    assert _by_name(fields["participants"]["fields"])["civil-society"]["label"] == "Sociedad civil"
    assert fields["decisions"]["label_singular"] == "Acuerdo"
    members = _by_name(_by_name(collections["body"]["fields"])["members"]["fields"])
    assert {o["value"]: o["label"] for o in members["role"]["options"]}["alternate"] == "Suplente"


def test_every_field_of_a_record_has_a_title_for_its_label() -> None:
    """A field added to a schema without a title would show its raw name in the forms."""
    schemas = default_schemas().schemas
    untitled = [
        f"{name}: {key}"
        for name in cms.edited_schemas()
        for properties in _property_maps(schemas[name])
        for key, node in properties.items()
        if isinstance(node, dict) and not isinstance(node.get("title"), str)
    ]
    assert untitled == []


def _property_maps(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            found.append(node["properties"])
        for key, value in node.items():
            if key not in ("examples", "default"):
                found += _property_maps(value)
    elif isinstance(node, list):
        for value in node:
            found += _property_maps(value)
    return found
