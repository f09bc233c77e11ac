"""The open data validates against its standards: JSON Schema, Frictionless, iCalendar, Atom."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator

from cogov.config import Settings
from cogov.opendata import data_files
from cogov.pipeline import generate
from cogov.schemas import default_schemas, schema_dir
from tests.conftest import CASES, ROOT


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    generated = generate(Settings.for_project(ROOT, as_of=dt.date(2026, 11, 26)))
    assert generated.records is not None
    return data_files(generated.records, schema_dir())


def test_records_json_validates_against_its_schema(files: dict[str, bytes]) -> None:
    data = json.loads(files["data/records.json"])
    schemas = default_schemas()
    validator = Draft202012Validator(schemas.schemas["records"], registry=schemas.registry)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    assert data["schema_version"] == "1.1" and data["as_of"] == "2026-11-26" and data["license"] == "CC-BY-4.0"
    meeting = next(m for m in data["meetings"] if m["id"] == "2024-11-26-ordinary")
    assert meeting["chair"] == {"id": "lucia-mendoza", "name": "Lucía Mendoza"}
    assert {"person": {"id": "hugo-benites", "name": "Hugo Benites"}, "status": "present",
            "on_behalf_of": {"id": "ana-quispe", "name": "Ana Quispe"}} in meeting["attendance"]  # fmt: skip


def test_data_package_validates_with_frictionless(files: dict[str, bytes], tmp_path: Path) -> None:
    import frictionless

    for path, data in files.items():
        if path.startswith("data/"):
            (tmp_path / Path(path).name).write_bytes(data)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads(files["data/datapackage.json"])
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO(files[f"data/{resource['path']}"].decode())))
        assert header == [f["name"] for f in resource["schema"]["fields"]], "every column is described"
        assert all(f["description"] for f in resource["schema"]["fields"])


def test_tables_hold_the_records(files: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(files["data/memberships.csv"].decode())))
    leaving = next(r for r in rows if r["person_id"] == "elena-torres")
    assert (leaving["end"], leaving["sector"], leaving["body_name"]) == (
        "2025-03-31",
        "government",
        "Multi-stakeholder Forum",
    )
    attendance = list(csv.DictReader(io.StringIO(files["data/attendance.csv"].decode())))
    meetings = json.loads(files["data/records.json"])["meetings"]
    assert len(attendance) == sum(len(m.get("attendance", [])) for m in meetings) == 173


def test_popolo(files: dict[str, bytes]) -> None:
    data = json.loads(files["data/popolo.json"])
    assert set(data) == {"persons", "organizations", "memberships", "events", "posts"}
    membership = next(
        m for m in data["memberships"] if m["person_id"] == "tomas-herrera" and m["organization_id"] == "body/msf"
    )
    assert membership == {
        "id": membership["id"], "person_id": "tomas-herrera", "organization_id": "body/msf",
        "on_behalf_of_id": "journalists-association", "role": "member",
        "label": "Elected at the network assembly of December 2024", "start_date": "2025-01-01",
    }  # fmt: skip
    ids = {o["id"] for o in data["organizations"]} | {p["id"] for p in data["persons"]}
    for m in data["memberships"]:
        assert m["person_id"] in ids and m["organization_id"] in ids
    event = next(e for e in data["events"] if e["id"] == "meeting/2025-12-16-extraordinary")
    assert event["status"] == "cancelled"
    # The technical secretariat's named seats are posts, each held by a membership.
    posts = {p["id"]: p for p in data["posts"]}
    assert posts["body/technical-secretariat/seat/authority"]["label"] == (
        "National Authority for Transparency and Access to Information"
    )
    held = {m.get("post_id") for m in data["memberships"]}
    assert set(posts) <= held


def test_published_schemas_match_their_ids(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        if path.startswith("schemas/v1/"):
            assert json.loads(data)["$id"].endswith("/" + path)


def test_calendars_round_trip(files: dict[str, bytes]) -> None:
    data = files["meetings.ics"]
    cal = Calendar.from_ical(data)
    assert cal.to_ical() == data
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 21
    cancelled = events["2025-12-16-extraordinary@cogov.github.io"]
    assert str(cancelled["status"]) == "CANCELLED"
    meeting = events["2024-11-26-ordinary@cogov.github.io"]
    start = meeting.decoded("dtstart")
    assert start.isoformat() == "2024-11-26T10:00:00-05:00"
    assert [str(c["tzid"]) for c in cal.walk("VTIMEZONE")] == ["America/Lima"]
    forum = Calendar.from_ical(files["bodies/open-contracting-team.ics"])
    assert len(forum.walk("VEVENT")) == 6


def test_feed_parses_and_is_dated_from_records(files: dict[str, bytes]) -> None:
    feed = feedparser.parse(files["feed.xml"])
    assert feed.bozo == 0
    assert feed.feed.updated == "2026-11-17T00:00:00+00:00"
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Minutes (draft): Multi-stakeholder Forum, 17 November 2026"
    assert "Elena Torres leaves the Multi-stakeholder Forum" in titles
    leaving = next(e for e in feed.entries if e.title == "Elena Torres leaves the Multi-stakeholder Forum")
    assert leaving.updated.startswith("2025-03-31")
    assert all(e.updated[:10] <= "2026-11-26" for e in feed.entries), "nothing from the future"


def test_withheld_people_stay_withheld_in_the_data(tmp_path: Path) -> None:
    import shutil

    project = tmp_path / "p"
    shutil.copytree(ROOT / "content", project / "content")
    person = project / "content" / "people" / "ana-quispe.yml"
    person.write_text(person.read_text() + "withdrawn: true\n")
    # Free text (minutes) is edited by hand when someone withdraws; structured data follows the flag.
    for meeting in (project / "content" / "meetings").rglob("*.md"):
        meeting.write_text(meeting.read_text().replace("Ana Quispe", "a member"))
    generated = generate(Settings.for_project(project, as_of=dt.date(2026, 11, 26)))
    assert generated.records is not None
    files = data_files(generated.records, schema_dir())
    for path, data in files.items():
        if not path.startswith("schemas/"):
            text = data.decode("utf-8")
            assert "Ana Quispe" not in text and "ana-quispe" not in text, path


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    from tests.conftest import CASES, materialize_case

    project = materialize_case(CASES / "valid" / "minimal", tmp_path / "p")
    person = project / "content" / "people" / "bo-berg.yml"
    hostile = 'name: "=HYPERLINK(\\"https://evil.example\\",\\"Bo\\")"\nposition: "@SUM(A1)"\n'
    person.write_text(hostile, encoding="utf-8")
    meeting = project / "content" / "meetings" / "forum" / "2024-03-14-ordinary.md"
    text = meeting.read_text(encoding="utf-8").replace("text: Publish the rules", 'text: "-2+3; =1+1"')
    meeting.write_text(text, encoding="utf-8")
    generated = generate(Settings.for_project(project, as_of=dt.date(2025, 1, 1)))
    assert generated.records is not None, [d.message for d in generated.validation.diagnostics]
    files = data_files(generated.records, schema_dir())
    people = list(csv.DictReader(io.StringIO(files["data/people.csv"].decode())))
    bo = next(row for row in people if row["id"] == "bo-berg")
    assert bo["name"] == '\'=HYPERLINK("https://evil.example","Bo")' and bo["position"] == "'@SUM(A1)"
    actions = files["data/actions.csv"].decode()
    assert '"\'-2+3; =1+1"' in actions  # quoted, so a spreadsheet splitting on ; keeps one cell
    assert all(line.startswith('"') for line in actions.splitlines())
    exact = next(p for p in json.loads(files["data/records.json"])["people"] if p["id"] == "bo-berg")
    assert exact["name"] == '=HYPERLINK("https://evil.example","Bo")'  # JSON keeps the text as written


@pytest.mark.parametrize("case_dir", sorted(p for p in (CASES / "valid").iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_records_json_of_every_valid_case_validates(case_dir: Path, tmp_path: Path) -> None:
    """Whatever a valid project leaves out (a licence, a URL, seats), records.json still matches
    its published schema: a missing value is left out, never written as null."""
    import yaml

    from tests.conftest import materialize_case

    project = materialize_case(case_dir, tmp_path / "p")
    as_of = str((yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8")) or {}).get("as_of", "2025-01-01"))
    generated = generate(Settings.for_project(project, as_of=dt.date.fromisoformat(as_of)))
    assert generated.ok
    schemas = default_schemas()
    validator = Draft202012Validator(schemas.schemas["records"], registry=schemas.registry)
    data = json.loads(generated.files["data/records.json"])
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)] == []
