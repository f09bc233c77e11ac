"""One real `mkdocs build --strict` of the sample content, and what a failed build leaves behind."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cogov import search_engine
from cogov.cli import main
from cogov.search_index import fragments
from tests.conftest import ROOT, in_one_language

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


def test_search_index_covers_records_not_lists(built: Path) -> None:
    """Pagefind's index (cogov.search_index): every record page with its kind, years and date;
    no list page (they would match every name they list), no long table, no permalink sign."""
    pages = {d["url"]: d for _, d in fragments(built / "site")}
    commitment = pages["/commitments/xa0042-beneficial-ownership/"]
    assert commitment["meta"] == {
        "title": "Beneficial ownership register",
        "date": "1 September 2024 – 31 December 2026",
    }
    assert commitment["filters"] == {"kind": ["Commitment"], "year": ["2024", "2025", "2026"]}
    meeting = pages["/meetings/2024-11-26-ordinary/"]
    assert meeting["filters"] == {"kind": ["Meeting"], "year": ["2024"]}
    assert meeting["meta"]["date"] == "26 November 2024"
    assert "will elect a replacement in December" in meeting["content"]  # the minutes
    # The attendance table is on the page but not in the index; nor are the breadcrumbs.
    assert "Jorge Salas" in html(built, "meetings/2024-11-26-ordinary")
    assert "Jorge Salas" not in meeting["content"] and "Home" not in meeting["content"]
    assert pages["/people/ana-quispe/"]["filters"] == {"kind": ["Person"]}
    for listing in ("/meetings/", "/meetings/2024/", "/people/", "/organizations/", "/actions/", "/search/"):
        assert listing not in pages
    assert not [url for url, d in pages.items() if "¶" in d["content"] or "¶" in d["meta"]["title"]]
    assert not (built / "site" / "search" / "search_index.json").exists()  # no theme search
    assert not (built / "site" / "pagefind" / "pagefind-ui.js").exists()  # nor unused files
    script = (built / "site" / "pagefind" / "pagefind.js").read_text(encoding="utf-8")
    assert script.startswith(f'const pagefind_version="{search_engine.VERSION}"')  # the release cogov pins


def test_search_page_and_header_form(built: Path) -> None:
    page = html(built, "search")
    assert '<form class="cogov-search__form" method="get" role="search"' in page
    assert 'data-bundle="../pagefind/"' in page and "Kind of record" in page
    # Without JavaScript the page leads to the lists.
    assert re.search(r'id="cogov-search-lists">\s*<p>Without JavaScript', page)
    home = html(built, "")
    assert '<form class="cogov-search-form" action="search/" method="get" role="search"' in home
    assert 'class="md-search"' not in home  # the theme's search dialog is gone


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

    def jsonld(page: str, kind: str = "Event") -> dict[str, object]:
        """The page's object of a schema.org type (a page also carries its BreadcrumbList)."""
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html(built, page), re.S)
        assert match, page
        data = json.loads(match.group(1))
        found: list[dict[str, object]] = [d for d in (data if isinstance(data, list) else [data]) if d["@type"] == kind]
        assert len(found) == 1, (page, kind)
        return found[0]

    event = jsonld("meetings/2025-12-16-extraordinary")
    assert event["@type"] == "Event" and event["eventStatus"] == "https://schema.org/EventCancelled"
    assert jsonld("meetings/2026-01-27-public-consultation")["startDate"] == "2026-01-27T17:00-05:00"
    body = jsonld("bodies/msf", "Organization")
    assert body["@type"] == "Organization" and len(body["member"]) == 14  # type: ignore[arg-type]
    assert jsonld("commitments/xa0041-open-contracting", "CreativeWork")["identifier"] == "XA0041"


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
    in_one_language(project, language)
    site_yml = project / "content" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
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
    in_one_language(project, "es")
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text(encoding="utf-8").replace("- pages/take-part.md", "- Participa: pages/take-part.md")
    )
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    flat = " ".join(home.split())
    for text in ('<html lang="es"', "> Planes de acción </a>", "> Órganos </a>", 'aria-label="Modo oscuro"',
                 'title="Actas, avances y cambios de membresía"', "Plan de acción vigente"):  # fmt: skip
        assert text in flat, text
    assert "> Acerca de </a>" in flat, "cogov's own word, which `cogov init` writes, is translated"
    assert '<span class="md-ellipsis"> Participa </span>' in flat, "a label the project wrote keeps its name"
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


def _json_ld(page_html: str, kind: str) -> dict[str, object]:
    import json

    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)
    assert match
    data = json.loads(match.group(1))
    found: list[dict[str, object]] = [d for d in (data if isinstance(data, list) else [data]) if d["@type"] == kind]
    assert len(found) == 1, kind
    return found[0]


@pytest.mark.parametrize(
    ("page", "tab", "trail"),
    [
        ("meetings/2024-02-20-ordinary", "Meetings", [("../../", "Home"), ("../", "Meetings"), ("../2024/", "2024")]),
        (
            "commitments/xa0041-open-contracting",
            "Action plans",
            [("../../", "Home"), ("../../action-plans/", "Action plans"), ("../../action-plans/nap-5/", None)],
        ),
        ("bodies/msf", "Bodies", [("../../", "Home"), ("../", "Bodies")]),
        ("people/ana-quispe", "People", [("../../", "Home"), ("../", "People")]),
        ("organizations/transparency-watch", "Organizations", [("../../", "Home"), ("../", "Organizations")]),
        ("action-plans/nap-5", "Action plans", [("../../", "Home"), ("../", "Action plans")]),
        ("meetings/2024", "Meetings", [("../../", "Home"), ("../", "Meetings")]),
    ],
)
def test_record_pages_say_where_they_are(built: Path, page: str, tab: str, trail: list[tuple[str, str | None]]) -> None:
    """A record's page marks its section's tab as current and shows breadcrumbs from the home page,
    in the page and (with the record itself) as a schema.org BreadcrumbList."""
    text = html(built, page)
    tab_re = r'<li class="md-tabs__item md-tabs__item--active">\s*<a [^>]*aria-current="true">\s*(.*?)\s*</a>'
    active = re.findall(tab_re, text)
    assert active == [tab]
    nav = r'<nav class="cogov-breadcrumbs" data-pagefind-ignore="" aria-label="Breadcrumbs"><ol>(.*?)</ol></nav>'
    crumbs = re.search(nav, text)
    assert crumbs, page
    links = re.findall(r'<li><a href="([^"]*)">([^<]*)</a></li>', crumbs.group(1))
    assert [href for href, _ in links] == [href for href, _ in trail]
    assert all(name == expected for (_, name), (_, expected) in zip(links, trail, strict=True) if expected)
    if page != "meetings/2024":
        items = _json_ld(text, "BreadcrumbList")["itemListElement"]
        assert isinstance(items, list) and len(items) == len(trail) + 1
        assert items[-1]["item"] == f"https://cogov.github.io/cogov/{page}/"
        assert [i["position"] for i in items] == list(range(1, len(trail) + 2))


def test_every_page_names_its_publisher_and_leads_to_contact_licence_and_statement(built: Path) -> None:
    # Every page of the English site; the form editor at admin/ is an application of its own
    # (test_editor.py), and the Spanish pages at es/ say it in Spanish (checked below).
    every = sorted((built / "site").rglob("*.html"))
    pages = [p for p in every if p.relative_to(built / "site").parts[0] not in ("admin", "es")]
    spanish = [p for p in every if p.relative_to(built / "site").parts[0] == "es"]
    assert len(spanish) > 80 and all("Un sitio web de <a" in p.read_text(encoding="utf-8") for p in spanish)
    assert len(pages) > 80
    for file in pages:
        text = file.read_text(encoding="utf-8")
        assert 'A website of <a href="https://www.pcm.arandia.example/">Presidency of the Council of Ministers' in text
        footer = re.search(r'<nav class="cogov-footer" aria-label="About this site">(.*?)</nav>', text, re.S)
        assert footer, file
        hrefs = re.findall(r'href="([^"]*)"', footer.group(1))
        assert "mailto:ogp.secretariat@pcm.arandia.example" in hrefs
        assert "https://spdx.org/licenses/CC-BY-4.0.html" in hrefs
        statement = "./" if file.parent.name == "accessibility" else "accessibility/"
        assert any(h.endswith(statement) for h in hrefs), file
        assert "Made with" not in text and "material/library" not in text
        assert re.search(r"<noscript>\s*<nav class=\"cogov-noscript", text), file
    logo = (built / "site" / "assets" / "publisher-logo.png").read_bytes()
    assert logo == (built / "content" / "logo.png").read_bytes()
    assert '<img src="../../assets/publisher-logo.png" alt="">' in html(built, "meetings/2024-02-20-ordinary")


def test_accessibility_statement_and_not_found_page(built: Path) -> None:
    statement = html(built, "accessibility")
    assert "<title>Accessibility statement - Open Government in Arandia</title>" in statement
    assert "partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.1, level AA" in statement
    assert "prepared on 2 March 2026" in statement and "last reviewed on 20 November 2026" in statement
    assert "Arandian Office\nfor Digital Accessibility" in statement  # the enforcement procedure
    not_found = (built / "site" / "404.html").read_text(encoding="utf-8")
    assert "<title>Page not found - Open Government in Arandia</title>" in not_found
    assert "<h1>Page not found</h1>" in not_found and "404 - Not found" not in not_found


def test_themes_and_calendar_links_read_as_words(built: Path) -> None:
    commitment = html(built, "commitments/xa0041-open-contracting")
    assert "Themes: Open contracting" in commitment and "open-contracting," not in commitment
    meeting = html(built, "meetings/2024-02-20-ordinary")
    assert "download this body's meetings</a> (an iCalendar file)" in meeting
