"""The OGP Participation and Co-Creation Standards computed from the records (cogov.standards):
each rule at and around its threshold, on small hand-made projects, and on the sample."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from cogov import standards
from cogov.config import Settings
from cogov.model import Records
from cogov.pipeline import generate
from cogov.standards import add_months
from tests.conftest import ROOT

SITE = "title: Test\ncountry: XA\ntimezone: UTC\nurl: https://test.example/\n"
FORUM = """name: Forum
type: multi-stakeholder-forum
established: 2020-01-01
rules_url: https://test.example/rules
seats: {government: 2, civil-society: 2}
members:
  - {person: gov-member, role: member, organization: ministry, start: 2020-01-01}
  - {person: cso-member, role: member, organization: watchdog, start: 2020-01-01}
"""


def _records(
    tmp_path: Path,
    meetings: list[str],
    as_of: str,
    plans: list[tuple[str, str, str, str | None]] = (("plan-1", "2024-01-01", "2025-12-31", None),),  # type: ignore[assignment]
    site: str = SITE,
    present: str = "cso-member",
) -> Records:
    """A project with one forum, its meetings on ``meetings`` (held, the ``present`` member there)
    and the plans ``(id, start, end, submitted)``."""
    content = tmp_path / "p" / "content"
    shutil.rmtree(content.parent, ignore_errors=True)
    files = {
        "site.yml": site,
        "organizations/ministry.yml": "name: Ministry\nsector: government\n",
        "organizations/watchdog.yml": "name: Watchdog\nsector: civil-society\n",
        "people/gov-member.yml": "name: Gov Member\norganization: ministry\n",
        "people/cso-member.yml": "name: Cso Member\norganization: watchdog\n",
        "bodies/forum.yml": FORUM,
    }
    for plan_id, start, end, submitted in plans:
        lines = [f"title: Plan {plan_id}", f"start: {start}", f"end: {end}", "status: implementation", "forum: forum"]
        lines += [f"submitted: {submitted}"] if submitted else []
        files[f"action-plans/{plan_id}/plan.yml"] = "\n".join(lines) + "\n"
    for day in meetings:
        files[f"meetings/forum/{day}-session.md"] = (
            f"---\ntitle: Session\ndate: {day}\nattendance:\n  - {{person: {present}, status: present}}\n---\n"
        )
    for rel, text in files.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    generated = generate(Settings.for_project(content.parent, as_of=dt.date.fromisoformat(as_of)))
    assert generated.records is not None, [d.message for d in generated.validation.diagnostics]
    return generated.records


def _find(r: Records, requirement: str, period: str | None = None) -> standards.Assessment:
    found = [a for a in standards.assess(r) if a.requirement == requirement and (period is None or a.period == period)]
    assert len(found) == 1, found
    return found[0]


def test_months_are_added_as_the_calendar_has_them() -> None:
    assert add_months("2024-01-15", 6) == "2024-07-15"
    assert add_months("2024-08-31", 6) == "2025-02-28"  # no 31 February: the month's last day
    assert add_months("2023-08-31", 6) == "2024-02-29"
    assert add_months("2024-12-31", 12) == "2025-12-31"
    assert add_months("2024-03-31", -12) == "2023-03-31"


# --- 1.1: the forum meets at least every six months ------------------------------------------------


@pytest.mark.parametrize(
    ("second", "status"),
    [("2024-07-15", "met"), ("2024-07-16", "not-met")],  # exactly six months, then six months and a day
)
def test_a_gap_of_exactly_six_months_is_no_gap_and_one_day_more_is(tmp_path: Path, second: str, status: str) -> None:
    # The cycle starts a year before the plan (2023-01-01) for the first plan; meetings every
    # few months except between 2024-01-15 and the second date.
    days = ["2023-03-01", "2023-08-01", "2024-01-15", second, "2024-12-01", "2025-05-01", "2025-10-01"]
    r = _records(tmp_path, days, as_of="2025-12-31")
    found = _find(r, "1.1")
    assert found.status == status
    assert found.gaps == ((("2024-01-15", second),) if status == "not-met" else ())
    assert [e.date for e in found.evidence if e.kind == "meeting"] == days


def test_a_forum_that_has_not_met_for_six_months_is_not_meeting_regularly_now(tmp_path: Path) -> None:
    days = ["2023-03-01", "2023-08-01", "2024-01-15", "2024-06-01"]
    r = _records(tmp_path, days, as_of="2024-12-02")
    assert _find(r, "1.1").gaps == (("2024-06-01", "2024-12-02"),)  # until today
    r = _records(tmp_path, days, as_of="2024-12-01")
    assert _find(r, "1.1").status == "met"


def test_without_public_rules_the_forum_shows_evidence_of_action(tmp_path: Path) -> None:
    days = ["2023-03-01", "2023-08-01", "2024-01-15", "2024-06-01"]
    r = _records(tmp_path, days, as_of="2024-07-01")
    assert _find(r, "1.1").status == "met"
    (tmp_path / "p/content/bodies/forum.yml").write_text(FORUM.replace("rules_url: https://test.example/rules\n", ""))
    generated = generate(Settings.for_project(tmp_path / "p", as_of=dt.date(2024, 7, 1)))
    assert generated.records is not None
    assert _find(generated.records, "1.1").status == "partly"


# --- 2.2: the repository is updated at least twice a year -----------------------------------------


def test_a_repository_updated_once_in_a_year_is_not_kept_up_to_date(tmp_path: Path) -> None:
    r = _records(tmp_path, ["2024-03-01", "2025-02-01", "2025-09-01"], as_of="2025-12-31")
    once, twice = _find(r, "2.2", "2024"), _find(r, "2.2", "2025")
    assert (once.status, once.facts["updates"]) == ("not-met", 1)
    assert (twice.status, twice.facts["updates"]) == ("met", 2)
    assert [e.date for e in twice.evidence] == ["2025-02-01", "2025-09-01"]


def test_a_year_in_progress_is_not_yet_due_until_it_is_half_over_without_updates(tmp_path: Path) -> None:
    r = _records(tmp_path, ["2024-03-01", "2024-04-01"], as_of="2025-06-30")
    assert _find(r, "2.2", "2025").status == "not-due"
    r = _records(tmp_path, ["2024-03-01", "2024-04-01"], as_of="2025-07-01")
    assert _find(r, "2.2", "2025").status == "no-evidence"


# --- 5.1: two meetings a year on implementation ------------------------------------------------------


def test_implementation_years_need_two_meetings_with_civil_society(tmp_path: Path) -> None:
    r = _records(tmp_path, ["2024-03-01", "2024-09-01", "2025-05-01"], as_of="2026-03-01")
    assert _find(r, "5.1", "2024").status == "met"
    short = _find(r, "5.1", "2025")
    assert (short.status, short.facts["meetings"], short.facts["due"]) == ("not-met", 1, 2)
    # A meeting where no one from civil society was present does not count.
    r = _records(tmp_path, ["2024-03-01", "2024-09-01"], as_of="2026-03-01", present="gov-member")
    assert _find(r, "5.1", "2024").status == "no-evidence"


def test_a_year_the_plan_covers_in_part_asks_for_meetings_in_proportion(tmp_path: Path) -> None:
    plans = [("plan-1", "2024-09-01", "2025-12-31", None)]
    r = _records(tmp_path, ["2024-10-01"], as_of="2026-03-01", plans=plans)
    part = _find(r, "5.1", "2024")
    assert (part.status, part.facts["due"]) == ("met", 1)  # September to December: one of two


def test_a_year_in_progress_is_not_due_until_it_ends(tmp_path: Path) -> None:
    r = _records(tmp_path, ["2025-02-01"], as_of="2025-06-01")
    assert _find(r, "5.1", "2025").status == "partly"
    r = _records(tmp_path, [], as_of="2025-06-01")
    assert _find(r, "5.1", "2025").status == "not-due"


# --- a new plan within 12 months ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "status"),
    [("2026-12-31", "met"), ("2027-01-01", "not-met")],  # 12 months after the end, then a day more
)
def test_a_plan_published_twelve_months_and_a_day_after_the_previous_ended_is_late(
    tmp_path: Path, published: str, status: str
) -> None:
    plans = [("plan-1", "2024-01-01", "2025-12-31", None), ("plan-2", "2027-02-01", "2028-12-31", published)]
    r = _records(tmp_path, [], as_of="2027-06-01", plans=plans)
    found = [a for a in standards.assess(r) if a.requirement == "next-plan" and a.plan == "plan-1"]
    assert [(a.status, a.facts["deadline"], a.facts["published"]) for a in found] == [(status, "2026-12-31", published)]
    assert found[0].evidence[0].ref == "plan-2"


def test_the_next_plan_is_not_due_before_the_deadline_and_missing_after(tmp_path: Path) -> None:
    r = _records(tmp_path, [], as_of="2026-12-31")
    assert _find(r, "next-plan").status == "not-due"
    r = _records(tmp_path, [], as_of="2027-01-01")
    assert _find(r, "next-plan").status == "no-evidence"


def test_thresholds_are_settings(tmp_path: Path) -> None:
    """A site that follows other requirements (OGP Local's) sets its own thresholds."""
    days = ["2023-03-01", "2023-08-01", "2024-01-15", "2024-07-15", "2024-12-01", "2025-05-01", "2025-10-01"]
    site = SITE + "standards: {meeting_months: 4, next_plan_months: 24}\n"
    r = _records(tmp_path, days, as_of="2025-12-31", site=site)
    settings = standards.Settings.from_site(r.site.standards)
    assert (settings.meeting_months, settings.next_plan_months, settings.repository_updates) == (4, 24, 2)
    found = next(a for a in standards.assess(r, settings) if a.requirement == "1.1")
    assert found.status == "not-met" and ("2024-01-15", "2024-07-15") in found.gaps


# --- 4.1 and 3: proposals -------------------------------------------------------------------------------


def test_reasoned_response_needs_every_proposal_answered_with_reasons(tmp_path: Path) -> None:
    r = _records(tmp_path, [], as_of="2025-01-01")
    assert _find(r, "4.1").status == "no-evidence"
    folder = tmp_path / "p/content/action-plans/plan-1/proposals"
    folder.mkdir()
    base = "title: P\nreceived: 2023-10-01\nchannel: online-form\nfrom: {public: true}\n"
    (folder / "a.yml").write_text(base + "response: {status: not-adopted, text: Out of scope.}\n")
    (folder / "b.yml").write_text(base + "response: {status: pending}\n")
    generated = generate(Settings.for_project(tmp_path / "p", as_of=dt.date(2025, 1, 1)))
    assert generated.records is not None
    found = _find(generated.records, "4.1")
    assert (found.status, found.facts["pending"]) == ("partly", ["b"])
    (folder / "b.yml").write_text(base + "response: {status: not-adopted}\n")  # no reasons: a warning
    generated = generate(Settings.for_project(tmp_path / "p", as_of=dt.date(2025, 1, 1)))
    assert generated.records is not None
    found = _find(generated.records, "4.1")
    assert (found.status, found.facts["unreasoned"]) == ("partly", ["b"])
    assert _find(generated.records, "3").status == "partly"  # proposals, but no announced activity


# --- the sample -----------------------------------------------------------------------------------------


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(ROOT / "content", target / "content")
    return target


def _sample_records(project: Path) -> Records:
    generated = generate(Settings.for_project(project, as_of=dt.date(2026, 11, 26)))
    assert generated.records is not None
    return generated.records


def test_on_the_sample_every_requirement_has_a_status_and_every_status_its_evidence(sample: Path) -> None:
    found = standards.assess(_sample_records(sample))
    assert {a.status for a in found} == set(standards.STATUSES)  # every status appears somewhere
    for a in found:
        if a.status in ("met", "partly", "not-met"):
            assert a.evidence, a  # no tick without a link behind it
    assert {a.requirement for a in found if a.plan == "nap-5"} == set(standards.REQUIREMENTS)


def test_removing_the_forums_meetings_of_a_half_year_turns_1_1_to_not_met(sample: Path) -> None:
    before = _find(_sample_records(sample), "1.1", "2024-01-01/2026-11-26")
    assert (before.status, before.gaps) == ("met", ())
    for name in ("2025-05-20-ordinary.md", "2025-08-19-ordinary.md"):
        (sample / "content/meetings/msf" / name).unlink()
    earlier = sample / "content/meetings/msf/2025-02-18-ordinary.md"  # its minutes were approved at the first
    text = earlier.read_text("utf-8")
    earlier.write_text(text.replace("approved_in: 2025-05-20-ordinary", "approved_in: 2025-11-18-ordinary"))
    records = _sample_records(sample)
    after = _find(records, "1.1", "2024-01-01/2026-11-26")
    assert (after.status, after.gaps) == ("not-met", (("2025-02-18", "2025-11-18"),))
    pages = generate(Settings.for_project(sample, as_of=dt.date(2026, 11, 26))).files
    page = pages["standards/nap-5.md"].decode("utf-8")
    assert "No meeting from 18 February 2025 to 18 November 2025." in page
    assert 'cogov-badge--not-met">Not met</span> · 1 January 2024 – 26 November 2026' in page


def test_the_command_prints_each_plans_requirements(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cogov.cli import main

    assert main(["standards", "--project", str(sample), "--as-of", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    assert "Fifth National Action Plan 2024-2026 (nap-5)" in out
    assert "  1.1       2024-01-01/2026-11-26 Met                  15 record(s) or document(s) as evidence" in out
    assert main(["standards", "--project", str(sample), "--as-of", "2026-11-26", "--format", "csv"]) == 0
    csv_out = capsys.readouterr().out
    assert csv_out.startswith('"plan_id","requirement","period","status","evidence_count","evidence","gaps"\r\n')
    assert '"nap-5","4.1","2024-01-01/2024-08-31","met","6",' in csv_out
    (sample / "content/bodies/msf.yml").write_text("name: [broken\n")
    assert main(["standards", "--project", str(sample), "--as-of", "2026-11-26"]) == 1
    assert "the standards were not computed" in capsys.readouterr().err
