"""Golden snapshots of the generated Markdown, and escaping of hostile values.

Snapshots live in tests/snapshots/<project>/; after an intended change run `make snapshots`
(pytest --update-snapshots) and review the diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import markdown
import pytest

from cogov.config import Settings
from cogov.pipeline import generate, write_docs
from tests.conftest import CASES, ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"


def _generate(project: Path, as_of: str = "2025-01-01") -> dict[str, str]:
    settings = Settings.for_project(project, as_of=dt.date.fromisoformat(as_of))
    generated = generate(settings)
    assert generated.ok, [d.message for d in generated.validation.diagnostics]
    return {path: data.decode("utf-8") for path, data in generated.files.items() if path.endswith(".md")}


def _compare_with_snapshots(pages: dict[str, str], folder: Path, update_snapshots: bool) -> None:
    if update_snapshots:
        shutil.rmtree(folder, ignore_errors=True)
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its snapshot (make snapshots to update)"


def test_snapshots_of_the_base_project(update_snapshots: bool) -> None:
    _compare_with_snapshots(_generate(CASES / "base"), SNAPSHOTS / "base", update_snapshots)


@pytest.mark.parametrize("language", ["es", "ar"])
def test_snapshots_of_the_base_project_in_other_languages(
    language: str, tmp_path: Path, update_snapshots: bool
) -> None:
    project = tmp_path / "project"
    shutil.copytree(CASES / "base", project)
    site_yml = project / "content" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + f"language: {language}\n", encoding="utf-8")
    _compare_with_snapshots(_generate(project), SNAPSHOTS / f"base-{language}", update_snapshots)


def test_every_record_has_a_page() -> None:
    pages = _generate(ROOT, "2026-11-26")
    content = ROOT / "content"
    expected = {"index.md", "actions.md", "data.md", "accessibility.md", "search.md"} | {
        f"{s}/index.md" for s in ("action-plans", "bodies", "meetings", "people", "organizations")
    }
    expected |= {f"people/{p.stem}.md" for p in (content / "people").glob("*.yml")}
    expected |= {f"organizations/{p.stem}.md" for p in (content / "organizations").glob("*.yml")}
    expected |= {f"bodies/{p.stem}.md" for p in (content / "bodies").glob("*.yml")}
    meetings = [p for p in (content / "meetings").rglob("*.md") if "." not in p.stem]  # not the translations
    expected |= {f"meetings/{p.stem}.md" for p in meetings}
    expected |= {f"meetings/{p.stem[:4]}.md" for p in meetings}  # one page a year
    expected |= {f"commitments/{p.stem}.md" for p in (content / "action-plans").rglob("commitments/*.md")}
    expected |= {f"action-plans/{p.parent.name}/index.md" for p in (content / "action-plans").glob("*/plan.yml")}
    expected |= {f"pages/{p.stem}.md" for p in (content / "pages").glob("*.md")}
    expected |= {f"proposals/{p.stem}.md" for p in (content / "action-plans").rglob("proposals/*.yml")}
    plans = {p.parent.name for p in (content / "action-plans").glob("*/plan.yml")}
    expected |= {"standards/index.md"} | {f"standards/{plan}.md" for plan in plans}  # the OGP standards
    assert set(pages) == expected


def test_backlinks_and_attendance_in_the_sample() -> None:
    pages = _generate(ROOT, "2026-11-26")
    commitment = pages["commitments/xa0042-beneficial-ownership.md"]
    # Decisions and actions of meetings that reference the commitment.
    assert "[20 May 2025: Second ordinary session of 2025](../meetings/2025-05-20-ordinary.md)" in commitment
    assert "Request a formal opinion of the data protection authority" in commitment
    meeting = pages["meetings/2024-11-26-ordinary.md"]
    assert "| [Hugo Benites](../people/hugo-benites.md) |" in meeting
    assert "| Present | for [Ana Quispe](../people/ana-quispe.md) |" in meeting  # standing in
    person = pages["people/elena-torres.md"]
    assert "(../meetings/2025-02-18-ordinary.md)" in person
    assert "31 March 2025" in person  # the end of her membership


def test_each_item_of_a_meetings_facts_is_its_own_line() -> None:
    """A co-chaired meeting with approved minutes: the chairs' line ends after the last chair."""
    lines = _generate(ROOT, "2026-11-26")["meetings/2026-09-15-ordinary.md"].splitlines()
    chairs = lines.index(
        "- Co-chaired by: [Lucía Mendoza](../people/lucia-mendoza.md), [Ana Quispe](../people/ana-quispe.md)"
    )
    assert lines[chairs + 1].startswith("- Minutes: approved at [17 November 2026: ")


# A template line that writes something and ends with a block tag (``{% endif %}``, ``{% endfor %}``)
# loses its line break (trim_blocks), and is joined to whatever the template writes next: a list
# item or a table row would swallow the next one. Such a line is followed by an empty line (which
# gives the break back), ends with ``+%}`` (which keeps it), or hands over to whitespace control
# (``{%-``) or to HTML that may be joined.
_BLOCK_AT_END = re.compile(r"\{%[+-]?\s*(?:end\w+|else|elif\b.*|set\b.*|if\b.*|for\b.*)\s*%\}$")


def test_no_template_line_is_joined_to_the_next_by_accident() -> None:
    joined = []
    for template in sorted((ROOT / "generator" / "cogov" / "render" / "templates").glob("*.j2")):
        lines = template.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines, 1):
            text = line.strip()
            writes = re.sub(r"\{%.*?%\}|\{#.*?#\}", "", text).strip()
            if not writes or not _BLOCK_AT_END.search(text) or text.endswith("+%}"):
                continue
            following = lines[number].strip() if number < len(lines) else ""
            if following == "" or following.startswith(("{%-", "</")):
                continue
            joined.append(f"{template.name}:{number}: {text[:80]}")
    assert not joined, joined


HOSTILE = {
    "html": "<img src=x onerror=alert(1)>",
    "pipe": "Eve | Admin",
    "link": "[Official](javascript:alert(1))",
    "emphasis": "*Bold* _and_ `code` # heading",
}


@pytest.mark.parametrize("name", HOSTILE.values(), ids=HOSTILE.keys())
def test_names_render_literally(name: str, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(CASES / "base", project)
    (project / "content" / "people" / "bo-berg.yml").write_text(
        f"name: {name!r}\norganization: ministry\n".replace("'", '"'), encoding="utf-8"
    )
    pages = _generate(project)
    front, body = pages["people/bo-berg.md"].split("---\n", 2)[1:]
    assert "<img" not in front and "<img" not in body and "](javascript" not in body
    heading = next(line for line in body.splitlines() if line.startswith("# "))
    # Rendering the escaped heading with Python-Markdown gives back exactly the name, as text.
    html = markdown.markdown(heading[2:], extensions=["tables"])
    assert html == "<p>" + name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"
    meeting = pages["meetings/2024-03-14-ordinary.md"]
    row = next(line for line in meeting.splitlines() if "(../people/bo-berg.md)" in line and line.startswith("|"))
    assert row.count(" | ") == 3, "a name cannot add a table column"


def test_write_docs_touches_only_changed_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = write_docs({"a.md": b"A", "b/c.md": b"C", "old.md": b"O"}, docs)
    assert (first.written, first.unchanged, first.removed) == (3, 0, 0)
    before = (docs / "a.md").stat().st_mtime_ns
    second = write_docs({"a.md": b"A", "b/c.md": b"C2"}, docs)
    assert (second.written, second.unchanged, second.removed) == (1, 1, 1)
    assert (docs / "a.md").stat().st_mtime_ns == before
    assert not (docs / "old.md").exists()


def test_relative_links_match_posixpath() -> None:
    import posixpath

    from cogov.render.paths import relative

    pages = ["index.md", "actions.md", "people/a.md", "action-plans/p/index.md", "action-plans/index.md", "data/x.csv"]
    for source in pages:
        for target in pages:
            assert relative(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


def test_withheld_ids_need_the_key_to_compute() -> None:
    import hashlib

    from cogov.model import withheld_id

    keyed = withheld_id("ana-quispe", b"secret")
    assert keyed == withheld_id("ana-quispe", b"secret")  # stable from build to build
    assert keyed != withheld_id("ana-quispe", b"other") != withheld_id("ana-quispe", b"")
    assert keyed.removeprefix("withheld-") not in hashlib.sha256(b"ana-quispe").hexdigest()
