"""The preview's incremental regeneration gives exactly the pages a full generation gives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from cogov.config import Settings
from cogov.incremental import IncrementalGenerator
from cogov.pipeline import model
from cogov.render import render_site
from cogov.schemas import default_schemas
from cogov.validate import validate_project
from tests.conftest import ROOT

AS_OF = dt.date(2026, 11, 26)
MEETING = "content/meetings/msf/2024-11-26-ordinary.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "p" / "content")
    return tmp_path / "p"


def full_pages(project: Path) -> dict[str, str]:
    settings = Settings.for_project(project, as_of=AS_OF)
    result = validate_project(settings)
    return render_site(model(result.documents, settings))


def docs_pages(project: Path) -> dict[str, str]:
    docs = project / "build" / "docs"
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_incremental_equals_full(project: Path) -> None:
    generator = IncrementalGenerator(Settings.for_project(project, as_of=AS_OF), default_schemas())
    assert generator.run().ok
    assert docs_pages(project) == full_pages(project)

    # Attendance and minutes change: the meeting, the people concerned, and the lists.
    edit(project, MEETING, "{person: rosa-flores, status: excused}", "{person: rosa-flores, status: present}")
    outcome = generator.run()
    assert outcome.ok and "meetings/2024-11-26-ordinary.md" in outcome.written
    assert "people/rosa-flores.md" in outcome.written
    assert "commitments/xa0041-open-contracting.md" not in outcome.written
    assert docs_pages(project) == full_pages(project)

    # A person is renamed: every page that shows them.
    edit(project, "content/people/hugo-benites.yml", "Hugo Benites", "Hugo Benítez")
    outcome = generator.run()
    assert "bodies/msf.md" in outcome.written and "meetings/2025-08-19-ordinary.md" not in outcome.written
    assert docs_pages(project) == full_pages(project)

    # A new meeting appears, then goes away.
    new = project / "content/meetings/msf/2026-11-20-extraordinary.md"
    new.write_text("---\ntitle: Extra\ndate: 2026-11-20\nstatus: cancelled\n---\n", encoding="utf-8")
    assert generator.run().ok
    assert docs_pages(project) == full_pages(project)
    new.unlink()
    outcome = generator.run()
    assert outcome.removed == ["meetings/2026-11-20-extraordinary.md"]
    assert docs_pages(project) == full_pages(project)


def test_invalid_edit_keeps_last_pages(project: Path) -> None:
    generator = IncrementalGenerator(Settings.for_project(project, as_of=AS_OF), default_schemas())
    generator.run()
    before = docs_pages(project)
    edit(project, MEETING, "chair: lucia-mendoza", "chair: nobody-here")
    outcome = generator.run()
    assert not outcome.ok and outcome.validation.errors == 1
    assert docs_pages(project) == before


def test_deleting_a_withheld_person_removes_their_page(project: Path) -> None:
    generator = IncrementalGenerator(Settings.for_project(project, as_of=AS_OF), default_schemas())
    person = project / "content/people/zed-ray.yml"
    person.write_text("name: Zed Ray\nwithdrawn: true\n", encoding="utf-8")
    assert generator.run().ok
    assert docs_pages(project) == full_pages(project)
    person.unlink()
    outcome = generator.run()
    assert outcome.ok and len(outcome.removed) == 1 and outcome.removed[0].startswith("people/withheld-")
    assert docs_pages(project) == full_pages(project)
