"""The form editor published with the site (cogov.editor): its code fetched once and verified,
served from the site itself, and what it writes through the forms accepted by the check."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from cogov import cms, editor
from cogov.cli import main
from cogov.config import Settings
from cogov.editor import field_order
from cogov.errors import BuildError
from cogov.fmt import render
from cogov.model import Records
from cogov.pipeline import generate
from tests.conftest import ROOT
from tests.npm_fake import offline, package, serve, tarball
from tests.test_browser import CHROMIUM_ARGS, chromium_path

FAKE = {
    "package/dist/decap-cms.js": b"/* the bundle */",
    "package/dist/21.decap-cms.js": b"/* a part loaded on demand */",
    "package/dist/dd5d52671a5763720504.wasm": b"\0asm",
    "package/dist/decap-cms.js.map": b"{}",
    "package/dist/21.cms.js": b"/* the same parts again, for another entry point */",
    "package/package.json": b'{"license": "MIT", "repository": {"url": "https://example.org/decap"}}',
    "package/dist/../../escaped.js": b"alert(1)",
}


def test_unpacking_checks_the_digest_and_keeps_only_what_the_editor_loads(tmp_path: Path) -> None:
    data = tarball(FAKE)
    target = tmp_path / "cache" / "decap-cms-0.0.1"
    editor.unpack(data, package(data, "decap-cms"), target)
    assert sorted(p.name for p in target.iterdir()) == [
        ".complete",
        "21.decap-cms.js",
        "dd5d52671a5763720504.wasm",
        "decap-cms.js",
        "decap-cms.js.LICENSE.txt",
    ]
    assert "Licence: MIT\nSource: https://example.org/decap" in (target / editor.NOTICE).read_text(encoding="utf-8")
    assert not (tmp_path / "escaped.js").exists() and not (tmp_path / "cache" / "escaped.js").exists()

    tampered = tarball({**FAKE, "package/dist/decap-cms.js": b"/* something else */"})
    with pytest.raises(BuildError, match="SHA-512"):
        editor.unpack(tampered, package(data, "decap-cms"), tmp_path / "other")
    assert not (tmp_path / "other").exists()


def test_the_editor_is_downloaded_once_and_a_failed_download_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tarball(FAKE)
    decap = package(data, "decap-cms")
    calls = serve(monkeypatch, data)
    first = editor.bundle(decap, tmp_path)
    assert editor.bundle(decap, tmp_path) == first and (first / "decap-cms.js").is_file()
    assert calls == ["https://registry.npmjs.org/decap-cms/-/decap-cms-0.0.1.tgz"]

    offline(monkeypatch)
    with pytest.raises(BuildError) as raised:
        editor.bundle(editor.Package("decap-cms", "0.0.2", decap.integrity), tmp_path)
    message = str(raised.value)
    assert "decap-cms 0.0.2" in message and "Name or service not known" in message
    assert "previous one was left in place" in message and "remove `editor` from content/site.yml" in message


def _project(tmp_path: Path, **editor_settings: Any) -> Path:
    project = tmp_path / "project"
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    site_yml = project / "content" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    block = "editor:\n" + "".join(f"  {k}: {v}\n" for k, v in {"path": "admin", **editor_settings}.items())
    site_yml.write_text(text.replace("editor:\n  path: admin\n", block), encoding="utf-8")
    return project


def test_the_sample_site_serves_the_editor_from_itself(tmp_path: Path) -> None:
    project = _project(tmp_path, auth_url="https://auth.arandia.example", auth_endpoint="oauth/start")
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    admin = project / "site" / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and '<meta name="robots" content="noindex, nofollow">' in page
    assert "<title>Records editor: Open Government in Arandia</title>" in page
    assert "http" not in page  # every script from the site itself
    assert page.index("cogov-editor.js") < page.index("decap-cms.js")  # the save hook is registered first
    assert (admin / f"{editor.DECAP.name}.js").is_file()
    assert "Licence: MIT" in (admin / editor.NOTICE).read_text(encoding="utf-8")
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {
        "name": "github",
        "repo": "cogov/cogov",
        "branch": "main",
        "base_url": "https://auth.arandia.example",
        "auth_endpoint": "oauth/start",
    }
    assert config["publish_mode"] == "editorial_workflow" and config["site_url"] == "https://cogov.github.io/cogov/"
    script = (admin / editor.SCRIPT).read_text(encoding="utf-8")
    order = json.loads(script.split("var ORDER = ", 1)[1].split(";\n", 1)[0])
    assert order["meeting-msf"][""][:2] == ["title", "date"]
    assert order["meeting-msf"]["decisions"][""][:2] == ["text", "commitments"]
    # The editor is not a page of the site: not in the sitemap, nor in the search index.
    assert "admin" not in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_the_editor_cannot_take_the_place_of_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path, path="people")
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) != 0
    assert "cannot open at /people/" in capsys.readouterr().err
    assert not (project / "site").exists()  # nothing half-published


# --- the forms, in Chromium, against the editor's in-browser repository (test-repo) ---------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


# The test repository holds the project's records: as a tree, as Decap writes it, and under each
# folder's whole path, as it lists a collection's folder.
REPOSITORY = """
(() => {
  const files = %s;
  const tree = {};
  for (const [path, content] of Object.entries(files)) {
    const parts = path.split('/');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
    node[parts[parts.length - 1]] = {path, content};
  }
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      let node = tree;
      for (const part of parts.slice(0, i)) node = node[part];
      tree[parts.slice(0, i).join('/')] = node;
    }
  }
  window.repoFiles = tree;
})();
"""


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    project = _project(tmp_path_factory.mktemp("editor"), backend="test-repo")
    # Formatted in the editor's style first, as docs/editor.md asks, so that a save changes only
    # the lines edited (checked below).
    assert main(["fmt", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(project / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", project
    server.shutdown()
    server.server_close()


def _records(project: Path) -> dict[str, str]:
    content = project / "content"
    return {
        f.relative_to(project).as_posix(): f.read_text(encoding="utf-8")
        for f in sorted(content.rglob("*"))
        if f.suffix in (".yml", ".md")
    }


def _model(project: Path) -> Records:
    generated = generate(Settings.for_project(project, as_of=dt.date(2026, 11, 26)))
    assert generated.records is not None
    return generated.records


def _by_name(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in items}


def _choose(page: Any, box: Any, text: str) -> None:
    """Pick an option of a select or relation list by typing part of it."""
    box.click()
    box.type(text)
    page.get_by_role("option", name=text, exact=False).first.wait_for()
    page.keyboard.press("Enter")


def _saved(page: Any) -> dict[str, str]:
    """The files of every unpublished entry: what the pull requests would hold."""
    entries = page.evaluate("() => Object.values(window.repoFilesUnpublished)")
    return {diff["path"]: diff["content"] for entry in entries for diff in entry["diffs"]}


@pytest.mark.slow
@pytest.mark.browser
def test_a_meeting_and_a_membership_written_through_the_forms_pass_the_check(
    editor_site: tuple[str, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    url, project = editor_site
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        def only_the_site(route: Any) -> None:
            if route.request.url.startswith(url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_site)
        page.add_init_script(REPOSITORY % json.dumps(_records(project)))
        page.goto(url + "admin/")
        page.get_by_role("button", name="Login").click()
        page.get_by_role("link", name="Meetings: Multi-stakeholder Forum").wait_for()
        assert "Config Errors" not in page.inner_text("body")  # Decap checks its configuration on load

        # A new meeting, with attendance, a decision with its vote, and minutes.
        page.get_by_role("link", name="Meetings: Multi-stakeholder Forum").click()
        page.locator('a[href="#/collections/meeting-msf/new"]').click()
        # The sample is published in English and Spanish: a translatable text has a box per language.
        page.get_by_label("English", exact=True).nth(0).fill("Extraordinary session on the sixth plan")
        page.get_by_label("Spanish (optional)", exact=True).nth(0).fill("Sesión extraordinaria sobre el sexto plan")
        page.get_by_label("Date", exact=True).fill("2026-11-24")
        page.get_by_label("Start time (optional)").fill("10:00")
        location = page.get_by_label("English (optional)", exact=True).nth(0)  # the location's English
        location.fill("Room 3")
        location.fill("")  # typed in, then cleared: left out
        _choose(page, page.get_by_label("Kind (optional)"), "Extraordinary")
        _choose(page, page.get_by_label("Chair (optional)"), "Lucía Mendoza")
        for i, (person, status) in enumerate([("Lucía Mendoza", "Present"), ("Ana Quispe", "Excused")]):
            page.get_by_role("button", name="Add attendance").click()
            _choose(page, page.get_by_label("Person", exact=True).nth(i), person)
            _choose(page, page.get_by_label("Status", exact=True).nth(i), status)
        page.get_by_role("button", name="Add decision").click()
        page.locator("[data-slate-editor]").first.click()
        page.keyboard.type("The Forum opens the co-creation of the sixth plan.")
        for label, count in (("For (optional)", "9"), ("Against (optional)", "0"), ("Abstentions (optional)", "1")):
            page.get_by_label(label).fill(count)
        page.locator("[data-slate-editor]").last.click()
        page.keyboard.type("The Forum met to open the co-creation of the sixth plan.")
        page.get_by_role("button", name="Save").click()
        page.wait_for_function("() => Object.keys(window.repoFilesUnpublished).length === 1")

        # A new membership of the Forum, added to the body's existing record.
        # (through the editor's own links, as a secretariat would: the drafts live in this page)
        page.locator('a[href="#/collections/meeting-msf"]').first.click()  # back to the list
        page.get_by_role("link", name="Bodies").click()
        page.get_by_role("link", name="Multi-stakeholder Forum", exact=True).click()
        members = page.get_by_label("Person", exact=True).count()
        page.get_by_role("button", name="Add membership").click()
        page.get_by_label("Person", exact=True).nth(members).wait_for()
        _choose(page, page.get_by_label("Person", exact=True).nth(members), "Paula Rojas")
        _choose(page, page.get_by_label("Role", exact=True).nth(members), "Observer")
        page.get_by_label("Start", exact=True).nth(members).fill("2026-11-24")
        page.get_by_role("button", name="Save").click()
        page.wait_for_function("() => Object.keys(window.repoFilesUnpublished).length === 2")
        saved = _saved(page)
        browser.close()

    assert outside == [] and errors == []
    meeting = "content/meetings/msf/2026-11-24-extraordinary-session-on-the-sixth-plan.md"
    assert sorted(saved) == ["content/bodies/msf.yml", meeting]
    text = saved[meeting]
    assert text.startswith(
        "---\ntitle:\n  en: Extraordinary session on the sixth plan\n  es: Sesión extraordinaria sobre el sexto plan\n"
        "date: 2026-11-24\nstart_time: 10:00\n"
    )
    assert "location" not in text  # cleared, so left out rather than written empty
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["attendance"] == [
        {"person": "lucia-mendoza", "status": "present"},
        {"person": "ana-quispe", "status": "excused"},
    ]
    assert front["decisions"] == [
        {
            "text": {"en": "The Forum opens the co-creation of the sixth plan."},
            "vote": {"for": 9, "against": 0, "abstain": 1},
        }
    ]
    assert text.endswith("---\nThe Forum met to open the co-creation of the sixth plan.\n")
    body = yaml.safe_load(saved["content/bodies/msf.yml"])
    assert body["members"][-1] == {"person": "paula-rojas", "role": "observer", "start": dt.date(2026, 11, 24)}
    before = yaml.safe_load((project / "content" / "bodies" / "msf.yml").read_text(encoding="utf-8"))
    assert body["members"][:-1] == before["members"]  # nothing else changed, nothing lost
    assert {k: v for k, v in body.items() if k != "members"} == {k: v for k, v in before.items() if k != "members"}
    assert list(body) == list(before)  # in the schema's order, the seats (not in the form) included
    # The editor's first save of a formatted file changes only what was edited: here, lines added
    # at the end of the members; and `cogov fmt` leaves what the editor wrote as it is.
    formatted = (project / "content" / "bodies" / "msf.yml").read_text(encoding="utf-8")
    added = "  - person: paula-rojas\n    role: observer\n    start: 2026-11-24\n"
    assert saved["content/bodies/msf.yml"] == formatted + added
    order = field_order(_by_name(cms.config(_model(project))["collections"])["meeting-msf"]["fields"])
    assert render(saved[meeting], True, order) == (saved[meeting], False)

    # The files, put in the project as the pull request would, pass the check.
    checked = tmp_path / "checked"
    shutil.copytree(project / "content", checked / "content")
    for path, content in saved.items():
        (checked / path).write_text(content, encoding="utf-8")
    assert main(["validate", "--project", str(checked), "--as-of", "2026-11-26"]) == 0
