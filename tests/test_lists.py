"""Long lists (people, organizations, open actions, a year's meetings) split over pages that stay
small whatever the size of the archive, each page linked to the others without JavaScript.

The page budget is made small here so that the sample's short lists split as an archive's would.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from cogov.cli import main
from cogov.config import Settings
from cogov.incremental import IncrementalGenerator
from cogov.pipeline import generate
from cogov.render import paths, site
from cogov.schemas import default_schemas
from tests.conftest import ROOT

AS_OF = dt.date(2026, 11, 26)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site, "LIST_PAGE_BYTES", 1_200)


def _pages(project: Path) -> dict[str, str]:
    generated = generate(Settings.for_project(project, as_of=AS_OF))
    assert generated.ok
    return {p: d.decode("utf-8") for p, d in generated.files.items() if p.endswith(".md")}


def _people_links(page: str) -> list[str]:
    table = page[page.index("| Name |") :]
    return re.findall(r"^\| \[[^\]]+\]\(([^)]+)\)", table, re.MULTILINE)


def test_paginate_keeps_order_and_budget() -> None:
    chunks = site.paginate(list(range(10)), size=lambda i: 30, budget=100)
    assert chunks == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert site.paginate([], size=len, budget=100) == [[]]
    assert site.paginate(["x" * 500, "y"], size=len, budget=100) == [["x" * 500], ["y"]], (
        "an outsized entry stands alone"
    )


def test_list_page_addresses_never_meet_a_record_page() -> None:
    assert paths.list_page("people/index.md", 1) == "people/index.md"
    assert paths.list_page("people/index.md", 2) == "people/pages/2.md"
    assert paths.list_page("actions.md", 3) == "actions/3.md"
    assert paths.list_page("meetings/2024.md", 2) == "meetings/2024/2.md"
    assert paths.is_list_page("people/pages/2.md") and paths.is_list_page("meetings/2024/2.md")
    assert not paths.is_list_page("people/2.md"), "the page of a person whose ID is 2"
    assert not paths.is_list_page("meetings/2024.md")


def test_people_are_split_each_once_with_a_pager(small_pages: None) -> None:
    pages = _pages(ROOT)
    people = sorted(p for p in pages if p == "people/index.md" or p.startswith("people/pages/"))
    assert len(people) > 2
    seen = [link for page in people for link in _people_links(pages[page])]
    assert len(seen) == len(set(seen)) == len(list((ROOT / "content" / "people").glob("*.yml")))
    second = pages["people/pages/2.md"]
    pager = re.search(r'<nav class="cogov-pager" aria-label="Pages of this list">(.*?)</nav>', second)
    assert pager and "<p>Page 2 of" in pager.group(1)
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>', pager.group(1))
    assert links[0] == ("../../", "") and links[1] == ("../2/", ' aria-current="page"')
    assert len(links) == len(people)


def test_every_long_list_splits(small_pages: None) -> None:
    pages = _pages(ROOT)
    assert "organizations/pages/2.md" in pages and "## Government" in pages["organizations/index.md"]
    assert "actions/2.md" in pages and "## Recently closed" not in pages["actions/2.md"]
    assert "## Recently closed" in pages["actions.md"]
    assert "meetings/2025/2.md" in pages
    year = pages["meetings/2025/2.md"]
    assert "# Meetings in 2025" in year and '<li><a href="../../../">Home</a></li>' in year
    assert '\n\n<nav class="cogov-pager"' in year, "the pager is a block of its own"


@pytest.mark.slow
def test_split_lists_build_with_every_link_resolved(small_pages: None, tmp_path: Path) -> None:
    """MkDocs in strict mode: every pager link and every link from a later page resolves."""
    project = tmp_path / "p"
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["build", str(project), "--as-of", AS_OF.isoformat()]) == 0
    later = [
        project / "site" / "people" / "pages" / "2" / "index.html",
        project / "site" / "meetings" / "2025" / "2" / "index.html",
    ]
    assert all(page.is_file() for page in later)
    from tests.test_standards import vnu_errors, vnu_messages

    assert vnu_errors(vnu_messages(later)) == []


def test_the_preview_removes_list_pages_no_longer_needed(small_pages: None, tmp_path: Path) -> None:
    """People added make the list longer; once they are gone, its extra pages go too."""
    project = tmp_path / "p"
    shutil.copytree(ROOT / "content", project / "content")
    extra = [project / "content" / "people" / f"zz-visitor-{i:02d}.yml" for i in range(20)]
    for i, path in enumerate(extra):
        path.write_text(f"name: Visitor {i:02d}\n", encoding="utf-8")
    generator = IncrementalGenerator(Settings.for_project(project, as_of=AS_OF), default_schemas())
    assert generator.run().ok
    docs = project / "build" / "docs"
    before = {p.relative_to(docs).as_posix() for p in (docs / "people").rglob("*.md")}
    for path in extra:
        path.unlink()
    assert generator.run().ok
    after = {p.relative_to(docs).as_posix() for p in (docs / "people").rglob("*.md")}
    assert after == {p for p in _pages(project) if p.startswith("people/")}
    assert len([p for p in before if "/pages/" in p]) > len([p for p in after if "/pages/" in p])


def test_a_persons_page_lists_their_latest_meetings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long-serving member's page does not grow with the archive: the latest meetings, a count,
    and the way to the rest (as on a body's page)."""
    monkeypatch.setattr(site, "RECENT_MEETINGS", 3)
    page = _pages(ROOT)["people/lucia-mendoza.md"]
    part = page[page.index("## Meetings") :]
    rows = [
        line for line in part[: part.index("The 3 most recent")].splitlines() if line.startswith("| ") and "](" in line
    ]
    assert len(rows) == 3
    assert re.search(r"The 3 most recent of \d+ meetings; \[all meetings by year\]\(\.\./meetings/index\.md\)\.", part)
