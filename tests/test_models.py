"""The seven co-governance models of the seed, each recorded as a project in tests/models/<model>/
(the worked examples of docs/models.md): each validates with --strict, builds, keeps a golden
snapshot of its body page, and shows its distinctive feature."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from cogov.cli import main
from cogov.config import Settings
from cogov.pipeline import generate
from tests.conftest import ROOT

MODELS = ROOT / "tests" / "models"
AS_OF = "2026-11-26"
# Each model's body, whose page is kept as a golden snapshot.
BODIES = {
    "canada": "advisory-board",
    "georgia": "steering-board",
    "ghana": "national-steering-committee",
    "mexico": "secretariado-tecnico",
    "peru": "comision-multisectorial",
    "united-states": "participation-team",
    "steering-committee": "steering-committee",
}


def _pages(model: str) -> dict[str, str]:
    generated = generate(Settings.for_project(MODELS / model, as_of=dt.date.fromisoformat(AS_OF)))
    assert generated.ok
    # As a reader sees them: without Markdown's backslash escapes.
    return {p: d.decode("utf-8").replace("\\", "") for p, d in generated.files.items() if p.endswith(".md")}


def test_every_model_has_its_snapshot_and_nothing_else() -> None:
    assert sorted(p.name for p in MODELS.iterdir() if p.is_dir()) == sorted(BODIES)


@pytest.mark.parametrize("model", sorted(BODIES))
def test_model_validates_strictly_and_keeps_its_body_page(model: str, update_snapshots: bool) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["validate", "--project", str(MODELS / model), "--strict", "--as-of", AS_OF])
    assert code == 0, out.getvalue()
    page = _pages(model)[f"bodies/{BODIES[model]}.md"]
    snapshot = MODELS / model / "expected-body.md"
    if update_snapshots:
        snapshot.write_text(page, encoding="utf-8")
    assert page == snapshot.read_text(encoding="utf-8"), f"{model}: the body page changed (make snapshots)"


@pytest.mark.parametrize("model", sorted(BODIES))
def test_model_open_data_validates(model: str, tmp_path: Path) -> None:
    """records.json against the published schema, the tables against their Data Package."""
    import json

    import frictionless
    from jsonschema import Draft202012Validator

    from cogov.schemas import default_schemas

    generated = generate(Settings.for_project(MODELS / model, as_of=dt.date.fromisoformat(AS_OF)))
    schemas = default_schemas()
    validator = Draft202012Validator(schemas.schemas["records"], registry=schemas.registry)
    data = json.loads(generated.files["data/records.json"])
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)] == []
    assert data["schema_version"] == "1.1"
    for path, content in generated.files.items():
        if path.startswith("data/"):
            (tmp_path / Path(path).name).write_bytes(content)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.slow
@pytest.mark.parametrize("model", sorted(BODIES))
def test_model_builds(model: str, tmp_path: Path) -> None:
    project = tmp_path / model
    shutil.copytree(MODELS / model, project, ignore=shutil.ignore_patterns("expected-body.md"))
    assert main(["build", "--project", str(project), "--as-of", AS_OF]) == 0
    assert (project / "site" / "bodies" / BODIES[model] / "index.html").is_file()


def test_canada_an_advisory_board_with_two_co_chairs_and_an_expert() -> None:
    page = _pages("canada")["bodies/advisory-board.md"]
    assert "Advisory board · Co-chairs" in page
    assert "Co-chair (Government co-chair)" in page and "Co-chair (Civil-society co-chair)" in page
    assert re.search(
        r"\| \[Alex Martin\]\([^)]*\) \| Member · Open data researcher[^|]*"
        r"\| In a personal capacity \| Civil society \|",
        page,
    )


def test_georgia_the_chair_rotates_between_government_and_civil_society() -> None:
    page = _pages("georgia")["bodies/steering-board.md"]
    history = page[page.index("Chair history") :]
    sectors = re.findall(r"\((Government|Civil society)\) \|", history)
    assert sectors == ["Civil society", "Government", "Civil society", "Government"]  # newest first


def test_ghana_parity_with_the_information_commission_named() -> None:
    page = _pages("ghana")["bodies/national-steering-committee.md"]
    for row in ("| Government | 2 | 2 |", "| Oversight body | 1 | 1 |", "| Civil society | 3 | 3 |"):
        assert row in page


def test_mexico_three_seats_one_per_sector_the_authority_under_its_old_and_new_name() -> None:
    pages = _pages("mexico")
    page = pages["bodies/secretariado-tecnico.md"]
    seats = [r.split(" | ")[1] for r in page.splitlines() if r.startswith("| ") and "(../people/" in r][:3]
    assert seats == ["Gobierno", "Órgano de control", "Sociedad civil"]
    assert "Suplente del puesto Núcleo de la Sociedad Civil" in page
    assert (
        "Antes: Instituto Federal de Acceso a la Información y Protección de Datos (IFAI) (hasta el 4 de mayo de 2015)"
        in (pages["organizations/inai.md"])
    )


def test_peru_five_and_five_each_principal_beside_an_alternate() -> None:
    page = _pages("peru")["bodies/comision-multisectorial.md"]
    seats = page[page.index("### Puestos") : page.index("### Miembros actuales")]
    rows = [r for r in seats.splitlines() if r.startswith("| [") or (r.startswith("| ") and "(../people/" in r)]
    assert len(rows) == 10
    assert all(r.count("(../people/") == 2 for r in rows), "a principal and an alternate on every seat"
    assert "| Gobierno | 5 | 5 |" in page and "| Sociedad civil | 5 | 5 |" in page


def test_united_states_teams_and_their_commitments_name_each_other() -> None:
    pages = _pages("united-states")
    assert "(../commitments/public-participation-playbook.md)" in pages["bodies/participation-team.md"]
    assert "Membership is open" in pages["bodies/participation-team.md"]
    assert "- Team: [Federal Spending Transparency Team]" in pages["commitments/federal-spending-transparency.md"]
    plan = pages["action-plans/nap-6/index.md"]
    assert "team: [Public Participation Team]" in plan and "team: [Federal Spending Transparency Team]" in plan


def test_steering_committee_lead_and_incoming_co_chairs_on_overlapping_terms() -> None:
    pages = _pages("steering-committee")
    page = pages["bodies/steering-committee.md"]
    for title in ("Lead government co-chair", "Incoming government co-chair", "Lead civil-society co-chair",
                  "Incoming civil-society co-chair"):  # fmt: skip
        assert f"Co-chair ({title})" in page
    terms = set(re.findall(r"term until (\d+ \w+ \d{4})", page))
    assert terms == {"30 September 2027", "30 September 2028", "30 September 2029"}, "three overlapping cohorts"
    assert "| Government | 11 | 11 |" in page and "| Civil society | 11 | 11 |" in page
    home = pages["index.md"]
    assert "## Current action plans" in home and "| Kenya | [Kenya" in home and "| Spain | [Spain" in home
    assert home.count("No plan recorded yet.") == 9
