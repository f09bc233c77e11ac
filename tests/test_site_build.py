"""One real `mkdocs build --strict` of the sample content, and what a failed build leaves behind."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cogov.cli import main
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("sample")
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["build", str(project), "--as-of", "2026-11-26"]) == 0
    return project


def html(project: Path, page: str) -> str:
    return (project / "site" / page / "index.html").read_text(encoding="utf-8")


def test_meeting_page_lists_attendees(built: Path) -> None:
    page = html(built, "meetings/2024-11-26-ordinary")
    for name in ("Lucía Mendoza", "Hugo Benites", "Valeria Núñez"):
        assert f">{name}</a>" in page
    assert 'href="../../people/ana-quispe/"' in page


def test_person_page_links_their_meetings(built: Path) -> None:
    page = html(built, "people/ana-quispe")
    assert 'href="../../meetings/2025-08-19-ordinary/"' in page
    assert "Attended <strong>" in page


def test_commitment_page_shows_milestones_and_backlinks(built: Path) -> None:
    page = html(built, "commitments/xa0041-open-contracting")
    assert "Red-flag dashboard co-designed with civil society" in page
    assert 'class="cogov-timeline"' in page
    assert 'href="../../meetings/2024-08-13-ordinary/"' in page  # the decision that approved the plan


def test_no_third_party_requests(built: Path) -> None:
    for file in (built / "site").rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//([^"/]+)', text):
            if match.group(2) != "cogov.github.io":  # the site's own address (canonical links) is not a third party
                pytest.fail(f"{file} loads {match.group(0)}")


def test_search_index_covers_records(built: Path) -> None:
    index = (built / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Beneficial ownership register" in index
    assert "Ana Quispe" in index


def test_invalid_records_build_nothing(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "broken"
    shutil.copytree(built, project)
    before = (project / "site" / "index.html").read_bytes()
    meeting = project / "content" / "meetings" / "msf" / "2024-11-26-ordinary.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("chair: lucia-mendoza", "chair: lucia"))
    assert main(["build", str(project), "--as-of", "2026-11-26"]) == 1
    err = capsys.readouterr().err
    assert "content/meetings/msf/2024-11-26-ordinary.md:9:8: error REF001 chair" in err
    assert (project / "site" / "index.html").read_bytes() == before


def test_failed_builder_keeps_previous_site(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "badnav"
    shutil.copytree(built, project)
    before = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pages/take-part.md", "pages/missing.md"))
    assert main(["build", str(project), "--as-of", "2026-11-26"]) == 1
    assert "missing.md" in capsys.readouterr().err
    assert sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*")) == before
    assert not list(project.glob(".site-*")), "no staging folder is left behind"


def test_structured_data_on_record_pages(built: Path) -> None:
    import json

    def jsonld(page: str) -> dict[str, object]:
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html(built, page), re.S)
        assert match, page
        data: dict[str, object] = json.loads(match.group(1))
        return data

    event = jsonld("meetings/2025-12-16-extraordinary")
    assert event["@type"] == "Event" and event["eventStatus"] == "https://schema.org/EventCancelled"
    assert jsonld("meetings/2026-01-27-public-consultation")["startDate"] == "2026-01-27T17:00-05:00"
    body = jsonld("bodies/msf")
    assert body["@type"] == "Organization" and len(body["member"]) == 14  # type: ignore[arg-type]
    assert jsonld("commitments/xa0041-open-contracting")["identifier"] == "XA0041"


def test_sigterm_stops_the_builder_and_cleans_up(tmp_path: Path) -> None:
    """A cancelled CI job sends SIGTERM: no builder keeps running, no staging folder stays behind."""
    import signal
    import subprocess
    import sys
    import time

    project = tmp_path / "sample"
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    command = [sys.executable, "-m", "cogov", "build", str(project), "--as-of", "2026-11-26"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(project.glob(".site-*")):
        assert proc.poll() is None and time.monotonic() < deadline, "the build never started its builder"
        time.sleep(0.02)
    time.sleep(0.3)  # the builder is running now
    builders = subprocess.run(["pgrep", "-f", str(project / ".cogov-build.yml")], capture_output=True, text=True)
    assert builders.stdout.split(), "the builder runs as a child process"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    time.sleep(0.2)
    for pid in builders.stdout.split():
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text(), pid
    assert not list(project.glob(".site-*")), "the staging folder was removed"
    assert not (project / ".cogov-build.yml").exists()
    assert not (project / "site").exists(), "nothing half-built was published"


@pytest.mark.parametrize(("language", "expected"), [("es", "es"), ("es-PE", "es"), ("qu", "en")])
def test_the_site_settings_come_from_the_records(tmp_path: Path, language: str, expected: str) -> None:
    """site.yml is the one source: its title, address and language reach the builder (the theme's
    language falls back to mkdocs.yml's when the theme has no words in the site's)."""
    project = tmp_path / "sample"
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    site_yml = project / "content" / "site.yml"
    text = site_yml.read_text(encoding="utf-8").replace("language: en", f"language: {language}")
    site_yml.write_text(text.replace("title: Open Government in Arandia", "title: Gobierno Abierto"), encoding="utf-8")
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{expected}"' in home
    assert "<title>Gobierno Abierto</title>" in home or "- Gobierno Abierto</title>" in home
    assert not (project / ".cogov-build.yml").exists()


def test_a_spanish_site_is_spanish_in_its_navigation_and_theme(tmp_path: Path) -> None:
    project = tmp_path / "sample"
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    site_yml = project / "content" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("language: en", "language: es"), "utf-8")
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    flat = " ".join(home.split())
    for text in ('<html lang="es"', "> Planes de acción </a>", "> Órganos </a>", 'aria-label="Modo oscuro"',
                 'title="Actas, avances y cambios de membresía"', "Plan de acción vigente"):  # fmt: skip
        assert text in flat, text
    assert "> About </a>" in flat, "a section the project named itself keeps its name"
    meeting = " ".join((project / "site/meetings/2024-11-26-ordinary/index.html").read_text(encoding="utf-8").split())
    assert "Asistencia" in meeting and "9 presentes" in meeting


def test_page_titles_name_the_page_then_the_site(built: Path) -> None:
    titles = {
        page: re.search(r"<title>(.*?)</title>", (built / "site" / page).read_text(encoding="utf-8"), re.S)
        for page in ("index.html", "meetings/2024-11-26-ordinary/index.html")
    }
    assert titles["index.html"] and titles["index.html"].group(1).strip() == "Open Government in Arandia"
    meeting = titles["meetings/2024-11-26-ordinary/index.html"]
    assert meeting and meeting.group(1).strip().endswith(" - Open Government in Arandia")
