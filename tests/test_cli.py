from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cogov.cli import main
from tests.conftest import CASES, ROOT, materialize_case


def test_sample_content_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT), "--as-of", "2026-11-26", "--strict"]) == 0
    assert capsys.readouterr().out.startswith("No problems found in ")


def test_python_dash_m_and_version() -> None:
    out = subprocess.run([sys.executable, "-m", "cogov", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("cogov ")


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(ROOT), "--as-of", "14/03/2025"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no content/ folder" in err and "Traceback" not in err


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = materialize_case(CASES / "invalid" / "missing-reference", tmp_path / "p")
    assert main(["validate", str(project), "--format", "json", "--as-of", "2025-01-01"]) == 1
    payload = json.loads(capsys.readouterr().out)
    [diag] = payload["diagnostics"]
    assert diag["code"] == "REF001" and diag["line"] == 6 and diag["field"] == "chair"


def test_warnings_pass_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = materialize_case(CASES / "invalid" / "milestone-outside-period", tmp_path / "p")
    assert main(["validate", str(project), "--as-of", "2025-01-01"]) == 0
    assert main(["validate", str(project), "--as-of", "2025-01-01", "--strict"]) == 1


NEW_CASES = [
    ["meeting", "--body", "forum", "--date", "2024-06-01", "--title", "Second session"],
    ["meeting", "--body", "forum", "--date", "2025-06-01"],
    ["commitment", "--plan", "plan-1", "--title", "Open contracting: public works", "--lead", "ministry"],
    ["person", "--name", "Zoë Ångström", "--organization", "watchdog"],
    ["organization", "--name", "Ministry of Finance", "--sector", "government"],
    ["body", "--name", "Working group on open data", "--type", "working-group"],
    ["plan", "--title", "Second action plan", "--start", "2026-01-01", "--end", "2027-12-31"],
    ["proposal", "--plan", "plan-1", "--title", "Open the budget hearings", "--organization", "watchdog"],
    ["proposal", "--plan", "plan-1", "--title", "An idea from the public"],
]


@pytest.mark.parametrize("args", NEW_CASES, ids=lambda a: "-".join(a[:2]))
def test_new_writes_a_stub_that_validates(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = materialize_case(CASES / "valid" / "minimal", tmp_path / "p")
    assert main(["new", *args, "--project", str(project), "--as-of", "2025-01-01"]) == 0
    written = project / capsys.readouterr().out.strip()
    assert written.is_file()
    assert main(["validate", str(project), "--as-of", "2025-01-01", "--strict"]) == 0, capsys.readouterr().out
    before = written.read_bytes()
    assert main(["new", *args, "--project", str(project), "--as-of", "2025-01-01"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert written.read_bytes() == before


def test_new_meeting_lists_the_members_of_that_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = materialize_case(CASES / "valid" / "minimal", tmp_path / "p")
    main(["new", "meeting", "--body", "forum", "--date", "2024-06-01", "--project", str(project)])
    text = (project / capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    for person in ("bo-berg", "cy-dahl", "ana-quispe", "di-eng", "ed-fos"):
        assert f"{{person: {person}, status: present}}" in text
    assert "status: held" in text and "minutes: draft" in text


def test_new_with_unknown_body_suggests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = materialize_case(CASES / "valid" / "minimal", tmp_path / "p")
    assert main(["new", "meeting", "--body", "forun", "--date", "2024-06-01", "--project", str(project)]) == 2
    assert "did you mean `forum`" in capsys.readouterr().err


def test_the_project_is_given_the_same_way_in_every_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p"
    shutil.copytree(CASES / "base", project)
    assert main(["validate", "--project", str(project), "--as-of", "2025-01-01"]) == 0
    assert "note:" not in capsys.readouterr().err
    # The earlier spelling still works, and says how to write it now.
    assert main(["validate", str(project), "--as-of", "2025-01-01"]) == 0
    assert f"cogov validate --project {project}" in capsys.readouterr().err
    assert main(["validate", str(project), "--project", str(tmp_path), "--as-of", "2025-01-01"]) == 2
    assert "two projects" in capsys.readouterr().err
