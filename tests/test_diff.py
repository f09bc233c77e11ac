"""`cogov diff` on a throwaway git repository: each kind of change, in words."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cogov.cli import main
from tests.conftest import CASES

MEETING = "content/meetings/forum/2024-03-14-ordinary.md"
BODY = "content/bodies/forum.yml"
COMMITMENT = "content/action-plans/plan-1/commitments/open-budgets.md"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "records"
    shutil.copytree(CASES / "base", repo)
    commitment = repo / COMMITMENT
    commitment.write_text(commitment.read_text().replace("status: completed}", "status: in-progress}"))
    meeting = repo / MEETING
    meeting.write_text(
        meeting.read_text().replace("minutes: draft", "minutes: approved\napproved_in: 2024-03-14-ordinary")
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Secretariat", "-c", "user.email=s@example.org", "commit", "-q", "-m", "base")
    return repo


def edit(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def diff(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["diff", *args, "--project", str(repo)]) == 0
    return capsys.readouterr().out


def test_new_minutes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "content/meetings/forum/2024-06-01-ordinary.md").write_text(
        "---\ntitle: Second session\ndate: 2024-06-01\nattendance:\n  - {person: bo-berg, status: present}\n"
        "minutes: draft\n---\n"
    )
    assert diff(repo, capsys, "HEAD") == (
        "- New minutes: Open Government Forum, 1 June 2024 (draft)\n"
        # How the change moves the OGP standards (cogov.standards): a second update that year.
        "- OGP standards, 2.2 for 2024 (First action plan): Not met → Met\n"
    )


def test_a_change_that_breaks_a_standard_is_for_reviewers_attention(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "content/meetings/forum/2024-06-01-ordinary.md").write_text(
        "---\ntitle: Second session\ndate: 2024-06-01\nattendance:\n  - {person: bo-berg, status: present}\n---\n"
    )
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Secretariat", "-c", "user.email=s@example.org", "commit", "-q", "-m", "more")
    (repo / "content/meetings/forum/2024-06-01-ordinary.md").unlink()
    out = diff(repo, capsys, "HEAD", "--format", "markdown")
    assert "- :warning: OGP standards, 2.2 for 2024 (First action plan): Met → Not met\n" in out, out


def test_membership_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(
        repo,
        BODY,
        "{person: di-eng, role: member, start: 2024-01-01}",
        "{person: di-eng, role: member, start: 2024-01-01, end: 2025-03-31}",
    )
    edit(
        repo,
        BODY,
        "  - {person: ed-fos,",
        "  - {person: cy-dahl, role: observer, start: 2025-04-01}\n  - {person: ed-fos,",
    )
    out = diff(repo, capsys, "HEAD")
    assert "- Di Eng leaves the Open Government Forum on 2025-03-31\n" in out
    assert "- Cy Dahl joins the Open Government Forum as observer on 2025-04-01\n" in out


def test_deleted_membership_is_flagged(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, BODY, "  - {person: di-eng, role: member, start: 2024-01-01}\n", "")
    out = diff(repo, capsys, "HEAD")
    assert out.startswith("! Di Eng: a membership of the Open Government Forum was deleted from the record")


def test_milestone_completed_and_progress_update(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, COMMITMENT, "status: in-progress}", "status: completed}")
    edit(
        repo,
        COMMITMENT,
        "---\nPublish the budget.",
        "updates:\n  - {date: 2024-07-01, status: in-progress, summary: Published.}\n---\nPublish the budget.",
    )
    edit(repo, COMMITMENT, "status: in-progress\nmilestones", "status: completed\nmilestones")
    out = diff(repo, capsys, "HEAD")
    assert "- Commitment open-budgets: status in-progress → completed\n" in out
    assert "- Commitment open-budgets: milestone 1 completed\n" in out
    assert "- Commitment open-budgets: progress update of 2024-07-01 (in-progress)\n" in out


def test_changing_approved_minutes_is_flagged(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, MEETING, "The forum adopts its rules.", "The forum rejects its rules.")
    edit(repo, MEETING, "The minutes.", "Other minutes.")
    out = diff(repo, capsys, "HEAD")
    assert "! Decision text changed in approved minutes of 14 March 2024 (Open Government Forum)\n" in out
    assert "! Text changed in approved minutes of 14 March 2024 (Open Government Forum)\n" in out


def test_two_committed_revisions_and_markdown(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, "content/people/ana-quispe.yml", "name: Ana Quispe", "name: Ana Quispe\nwithdrawn: true")
    edit(repo, MEETING, "status: done}", "status: open}")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=S", "-c", "user.email=s@example.org", "commit", "-q", "-m", "change")
    out = diff(repo, capsys, "HEAD~1", "HEAD", "--format", "markdown")
    assert out.startswith("### What changed in the records\n\n**For reviewers' attention**\n\n")
    assert "- :warning: The name of ana-quispe is now withheld on the site\n" in out
    assert "- Action from the meeting of 14 March 2024: Publish the rules: done → open\n" in out


def test_nothing_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert diff(repo, capsys, "HEAD") == "No record changed.\n"


def test_unknown_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "no-such-branch", "--project", str(repo)]) == 2
    assert "git" in capsys.readouterr().err


def test_every_changed_field_is_shown(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reviewers must see any change, at least as the list of changed fields."""
    edit(repo, MEETING, "title: First session", "title: A new title\nlocation: Room 2\nonline_url: https://x.example/j")
    edit(repo, COMMITMENT, "title: Open budgets", "title: Closed budgets")
    edit(repo, COMMITMENT, "lead: ministry", "lead: watchdog")
    edit(repo, COMMITMENT, "{title: Publish the budget as open data,", "{title: Publish a summary,")
    edit(repo, "content/people/ana-quispe.yml", "name: Ana Quispe", "name: Ana Quispe\nwithdrawn: true\nposition: X")
    out = diff(repo, capsys, "HEAD")
    assert f"- Meeting changed (location, online_url, title): {MEETING}\n" in out
    assert f"- Commitment changed (lead, milestones, title): {COMMITMENT}\n" in out
    assert "- Person changed (position): content/people/ana-quispe.yml\n" in out


def test_summary_text_is_inert(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "\u202eevil [Click](https://evil.example) ![x](https://evil.example/x.png) <b>b</b>"
    edit(repo, MEETING, "text: Publish the rules", f'text: "{hostile}"')
    out = diff(repo, capsys, "HEAD", "--format", "markdown")
    assert "](" not in out.replace("\\](", "") and "<b>" not in out and "\u202e" not in out
    assert "\\[Click\\]" in out and "&lt;U+202E&gt;evil" in out
    assert "<U+202E>evil" in diff(repo, capsys, "HEAD")


def test_the_summary_speaks_the_projects_language(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(
        repo,
        BODY,
        "{person: di-eng, role: member, start: 2024-01-01}",
        "{person: di-eng, role: member, start: 2024-01-01, end: 2025-03-31}",
    )
    assert "- Di Eng deja el Open Government Forum el 2025-03-31\n" in diff(repo, capsys, "HEAD", "--lang", "es")
    site = repo / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "language: fr\n", encoding="utf-8")
    out = diff(repo, capsys, "HEAD", "--format", "markdown")
    assert out.startswith("### Ce qui a changé dans les enregistrements") and "quitte l’instance" in out
