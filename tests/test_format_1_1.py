"""Format 1.1 as the pages and the open data show it: personal capacity, titles, unbroken tenures,
open membership, commitment teams, co-chaired sessions, former names and dissolved bodies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cogov.config import Settings
from cogov.pipeline import generate
from tests.conftest import CASES, materialize_case


def _build(project: Path, as_of: str = "2025-01-01") -> dict[str, str]:
    generated = generate(Settings.for_project(project, as_of=dt.date.fromisoformat(as_of)))
    assert generated.ok, [d.message for d in generated.validation.diagnostics]
    _check_data_package(generated.files, project / "package")
    # Pages without Markdown's backslash escapes (Co\\-chair), to read them as a visitor does.
    return {
        path: data.decode("utf-8") if path.endswith(".json") else data.decode("utf-8").replace("\\", "")
        for path, data in generated.files.items()
        if path.endswith((".md", ".json"))
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _build(materialize_case(CASES / "valid" / "format-1-1", tmp_path_factory.mktemp("f11") / "p"))


def _check_data_package(files: dict[str, bytes], folder: Path) -> None:
    """The CSV tables and their Data Package, as Frictionless reads them (new columns, new tables)."""
    import frictionless

    folder.mkdir()
    for path, data in files.items():
        if path.startswith("data/"):
            (folder / Path(path).name).write_bytes(data)
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def _row(page: str, name: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(f"| [{name}]"))


def test_an_unbroken_tenure_is_one_row_since_its_first_day(files: dict[str, str]) -> None:
    """Bo Berg was a member, then co-chair from the next day on: one row, member since the start,
    the earlier role inside it; no past-member row for the first period."""
    forum = files["bodies/forum.md"]
    row = _row(forum, "Bo Berg")
    assert "Co-chair (Lead government co-chair); Member from 1 January 2024 to 29 February 2024" in row
    assert row.endswith("| 1 January 2024 |")
    assert "Past members" not in forum


def test_personal_capacity_titles_and_vice_chairs(files: dict[str, str]) -> None:
    forum = files["bodies/forum.md"]
    assert _row(forum, "Fa Gro") == (
        "| [Fa Gro](../people/fa-gro.md) | Member · Independent expert | In a personal capacity | Academia "
        "| 1 January 2024 |"
    )
    assert "| Vice-chair |" in _row(forum, "Cy Dahl")
    assert "Co-chair (Incoming civil-society co-chair)" in _row(forum, "Ana Quispe")
    # The personal seat counts in its sector: 1 of 1 academic seat taken; a vice-chair holds a seat.
    assert "| Academia | 1 | 1 |" in forum
    assert "| Government | 2 | 2 |" in forum
    data = json.loads(files["data/records.json"])
    assert data["schema_version"] == "1.1"
    forum_data = next(b for b in data["bodies"] if b["id"] == "forum")
    fa = next(m for m in forum_data["memberships"] if m["person"]["id"] == "fa-gro")
    assert fa["personal"] is True and fa["sector"] == "academia" and "organization" not in fa


def test_a_team_and_its_commitment_name_each_other(files: dict[str, str]) -> None:
    team = files["bodies/budget-team.md"]
    assert "Membership is open: the body has no fixed seats." in team
    assert "| Civil society | 1 |" in team  # current members by sector, with no seats to count against
    assert "## Commitments it is responsible for" in team and "(../commitments/open-budgets.md)" in team
    assert "- Team: [Open Budgets Team](../bodies/budget-team.md)" in files["commitments/open-budgets.md"]
    assert "team: [Open Budgets Team](../../bodies/budget-team.md)" in files["action-plans/plan-1/index.md"]
    team_data = next(b for b in json.loads(files["data/records.json"])["bodies"] if b["id"] == "budget-team")
    assert team_data["seats"] == "open" and team_data["commitments"] == [
        {"id": "open-budgets", "title": "Open budgets"}
    ]


def test_a_co_chaired_session(files: dict[str, str]) -> None:
    meeting = files["meetings/2024-03-14-ordinary.md"]
    assert "- Co-chaired by: [Bo Berg](../people/bo-berg.md), [Cy Dahl](../people/cy-dahl.md)" in meeting
    forum = files["bodies/forum.md"]
    assert "[Bo Berg](../people/bo-berg.md) (Government), [Cy Dahl](../people/cy-dahl.md) (Government)" in forum
    data = json.loads(files["data/records.json"])
    session = next(m for m in data["meetings"] if m["id"] == "2024-03-14-ordinary")
    assert session["chair"]["id"] == "bo-berg" and [c["id"] for c in session["chairs"]] == ["bo-berg", "cy-dahl"]


def test_former_names(files: dict[str, str]) -> None:
    assert "Formerly: Public Complaints Board (until 31 December 2019)." in files["organizations/ombudsman.md"]
    popolo = json.loads(files["data/popolo.json"])
    ombudsman = next(o for o in popolo["organizations"] if o["id"] == "ombudsman")
    assert {"name": "Public Complaints Board", "end_date": "2019-12-31", "note": "former name"} in ombudsman[
        "other_names"
    ]


def test_a_dissolved_body_is_read_on_its_last_day(tmp_path: Path) -> None:
    """Members who never left are its members when it was dissolved, not today's; its meetings are
    counted in the twelve months to its dissolution."""
    project = materialize_case(CASES / "valid" / "format-1-1", tmp_path / "p")
    forum = project / "content" / "bodies" / "forum.yml"
    text = forum.read_text(encoding="utf-8").replace(
        "established: 2024-01-01\n", "established: 2024-01-01\ndissolved: 2024-06-30\nmeeting_target_per_year: 4\n"
    )
    forum.write_text(text, encoding="utf-8")
    page = _build(project, "2026-01-01")["bodies/forum.md"]
    assert "### Members when it was dissolved" in page and "### Current members" not in page
    assert "1 were held in the twelve months to 30 June 2024" in page


@pytest.fixture(scope="module")
def seated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    project = materialize_case(CASES / "valid" / "named-seats", tmp_path_factory.mktemp("seats") / "p")
    return _build(project, "2025-06-01")


def test_named_seats_show_holders_alternates_terms_and_vacancies(seated: dict[str, str]) -> None:
    forum = seated["bodies/forum.md"]
    seats = forum[forum.index("### Seats") : forum.index("### Current members")]
    rows = [line for line in seats.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows == [
        "| Ministry of Digitalisation | Government | [Bo Berg](../people/bo-berg.md) | 1 January 2024 |  |",
        "| Transparency Authority | Oversight body | Vacant since 31 March 2025 |  |  |",
        "| Civil-society seat 1 | Civil society | [Di Eng](../people/di-eng.md) (term until 31 December 2026) "
        "| 1 January 2025 | [Ed Fos](../people/ed-fos.md) |",
        "| Civil-society seat 2 | Civil society | [Fa Gro](../people/fa-gro.md) (term until 31 December 2025) "
        "| 1 January 2024 |  |",
    ]
    # The seat's institution is whom its holder sits for; an alternate of a seat says which.
    assert "[Ministry of Digitalisation](../organizations/ministry.md)" in _row(forum, "Bo Berg")
    assert "Alternate for the seat Civil-society seat 1" in _row(forum, "Ed Fos")


def test_named_seats_in_the_open_data(seated: dict[str, str]) -> None:
    from tests.test_standards import _popolo_validator

    data = json.loads(seated["data/records.json"])
    forum = next(b for b in data["bodies"] if b["id"] == "forum")
    assert [s["id"] for s in forum["seats"]] == ["ministry", "authority", "civil-society-1", "civil-society-2"]
    assert next(m for m in forum["memberships"] if m["person"]["id"] == "di-eng")["seat"] == "civil-society-1"
    popolo = json.loads(seated["data/popolo.json"])
    validator = _popolo_validator("post")
    assert len(popolo["posts"]) == 4
    for post in popolo["posts"]:
        assert list(validator.iter_errors(post)) == []
    held = {m["post_id"] for m in popolo["memberships"] if "post_id" in m}
    assert held == {"body/forum/seat/" + s for s in ("ministry", "authority", "civil-society-1", "civil-society-2")}


def test_every_sector_is_ordered_labelled_and_coloured() -> None:
    """The sectors the schema allows are the ones pages group by, name and colour (a sector added to
    the schema alone would drop its organizations from the lists and its seats from the charts)."""
    from cogov.messages import CATALOGS
    from cogov.render.site import SECTOR_ORDER
    from cogov.schemas import default_schemas
    from tests.conftest import ROOT

    sectors = default_schemas().schemas["common"]["$defs"]["sector"]["enum"]
    assert list(SECTOR_ORDER) == sectors
    css = (ROOT / "site_theme" / "assets" / "cogov.css").read_text(encoding="utf-8")
    for sector in sectors:
        assert f"ui.sector.{sector}" in CATALOGS["en"]
        assert f".cogov-fill-{sector}" in css, sector


def test_the_theme_receives_the_publisher_escaped() -> None:
    """MkDocs' templates print what they are given as it is: every word cogov gives the theme
    (publisher, contact, licence, the no-JavaScript line) arrives escaped."""
    from cogov.builder_config import theme_context
    from cogov.i18n import translations
    from tests.conftest import site_info

    site = site_info(
        contact_email="office@x.example",
        contact_url='https://x.example/"><script>',
        data_license="CC-BY-4.0",
        publisher_name="<svg onload=alert(3)>",
        publisher_url="https://x.example/?a=1&b=2",
    )
    context = theme_context(site, translations("en").gettext)
    assert context["banner"] == 'A website of <a href="https://x.example/?a=1&amp;b=2">&lt;svg onload=alert(3)&gt;</a>'
    assert context["publisher"] == "&lt;svg onload=alert(3)&gt;"
    assert {"text": "Contact", "href": "https://x.example/&quot;&gt;&lt;script&gt;"} in context["footer"]
    assert all("<" not in item["text"] for item in context["footer"])


def test_a_consultation_counts_its_participants_and_its_notice(tmp_path: Path) -> None:
    """A co-creation activity: when it was announced (days ahead), who could come, how, and how
    many came by sector when they are not named."""
    files = _build(materialize_case(CASES / "valid" / "consultation-with-participants", tmp_path / "p"))
    page = files["meetings/2024-05-02-consultation.md"]
    assert "- Announced: 11 April 2024, 21 days before" in page
    assert "- Open to: The public" in page and "- Taking part: Online" in page
    assert "38 people took part." in page
    assert page.index("| Government | 3 |") < page.index("| Civil society | 31 |") < page.index("| Academia | 4 |")
    data = json.loads(files["data/records.json"])
    meeting = next(m for m in data["meetings"] if m["id"] == "2024-05-02-consultation")
    assert meeting["participants"] == {"academia": 4, "civil-society": 31, "government": 3}
    assert meeting["announced"] == "2024-04-11" and meeting["audience"] == "public" and "attendance" not in meeting


def test_every_role_is_ordered_labelled_and_counted_or_not() -> None:
    """The roles the schema allows are the ones pages order and name, and each either holds a seat
    or is one of the roles documented as holding none (a role added to the schema alone would not
    be counted against the seats)."""
    from cogov.messages import CATALOGS
    from cogov.model import SEAT_ROLES
    from cogov.render.site import ROLE_ORDER
    from cogov.schemas import default_schemas

    roles = default_schemas().schemas["body"]["properties"]["members"]["items"]["properties"]["role"]["enum"]
    assert list(ROLE_ORDER) == roles
    assert set(roles) - SEAT_ROLES == {"alternate", "observer", "secretariat"}
    assert all(f"ui.role.{role}" in CATALOGS["en"] for role in roles)
