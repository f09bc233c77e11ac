"""Sites in several languages (cogov.translations): records written once, an edition per
language, missing translations shown in the default language and marked as such."""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from cogov.cli import main
from cogov.translations import Fallback, Languages, localize, text
from tests.bilingual import make_bilingual
from tests.test_browser import CHROMIUM_ARGS, _Quiet, chromium_path


def test_a_fallback_is_marked_with_its_language_and_direction() -> None:
    from markupsafe import Markup

    from cogov.render.escape import in_its_language, md

    assert md(Fallback("Room 3", "en")) == Markup('<span lang="en" dir="ltr">Room 3</span>')
    arabic = in_its_language(Fallback("محضر", "ar"), Markup("<p>محضر</p>"), block=True)
    assert arabic.startswith('<div lang="ar" dir="rtl" markdown="1">')
    assert md("Room 3") == Markup("Room 3")  # a text in the page's own language is left as it is


def test_a_text_in_a_language_or_its_fallback() -> None:
    assert text({"en": "Forum", "fr": "Forum multipartite"}, "fr", "en") == "Forum multipartite"
    found = text({"en": "Forum"}, "fr", "en")
    assert found == "Forum" and isinstance(found, Fallback) and found.lang == "en"
    single = text("Room 3", "fr", "en")
    assert isinstance(single, Fallback) and single.lang == "en"  # one text is the default language's
    assert not isinstance(text("Room 3", "en", "en"), Fallback)
    assert Languages.of({"language": "en", "languages": ["fr", "en"]}).all == ("en", "fr")


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every language under its prefix (/en/, /fr/), with a page to choose one at the root."""
    project = make_bilingual(tmp_path_factory.mktemp("bilingual") / "project", prefix_all=True)
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    return project


@pytest.fixture(scope="module")
def own_at_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site's own language where it was, at the root; French under /fr/ (the default)."""
    project = make_bilingual(tmp_path_factory.mktemp("own-at-root") / "project")
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    return project


def test_adding_a_language_keeps_every_address_of_the_first(own_at_root: Path) -> None:
    site = own_at_root / "site"
    english = (site / "meetings" / "2026-05-26-ordinary" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Second ordinary session of 2026" in english
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "fr" / "pagefind" / "pagefind.js").is_file()
    assert not (site / "en").exists()
    link = (
        '<a class="cogov-languages__link" href="../../fr/meetings/2026-05-26-ordinary/" '
        'hreflang="fr" lang="fr" dir="ltr">'
    )
    assert link in english
    assert (
        '<link rel="alternate" hreflang="fr" href="https://cogov.github.io/cogov/'
        'fr/meetings/2026-05-26-ordinary/" data-cogov>' in (english)
    )
    french = (site / "fr" / "meetings" / "2026-05-26-ordinary" / "index.html").read_text(encoding="utf-8")
    assert '<a class="cogov-languages__link" href="../../../meetings/2026-05-26-ordinary/" hreflang="en"' in french
    assert (
        '<link rel="alternate" hreflang="en" href="https://cogov.github.io/cogov/'
        'meetings/2026-05-26-ordinary/" data-cogov>' in (french)
    )
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://cogov.github.io/cogov/meetings/2026-05-26-ordinary/" in sitemap and "/fr/" not in sitemap
    # the English search index holds no French page
    assert not any("/fr/" in line for line in (site / "pagefind" / "pagefind-entry.json").read_text().splitlines())


def test_the_navigation_is_in_the_pages_language_or_says_which_it_is_in(own_at_root: Path) -> None:
    """cogov's own words in the navigation are translated ("About", which `cogov init` writes
    too); a page with no text in the language yet is named in the language it is in."""
    french = (own_at_root / "site" / "fr" / "meetings" / "2026-05-26-ordinary" / "index.html").read_text(
        encoding="utf-8"
    )
    assert re.search(r'class="md-tabs__link">\s*À propos\s*</a>', french)
    assert re.search(r'<span class="md-ellipsis">\s*<span lang="en" dir="ltr">About this site</span>', french)
    english = (own_at_root / "site" / "meetings" / "2026-05-26-ordinary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="md-ellipsis">\s*About this site\s*</span>', english)


def test_a_translated_free_page_is_named_by_its_translation(own_at_root: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(own_at_root, project, ignore=shutil.ignore_patterns("site", "build"))
    (project / "content" / "pages" / "about.fr.md").write_text("# À propos de ce site\n\nUn texte.\n", encoding="utf-8")
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    page = (project / "site" / "fr" / "pages" / "about" / "index.html").read_text(encoding="utf-8")
    assert "<title>À propos de ce site - " in page
    assert re.search(r'<span class="md-ellipsis">\s*À propos de ce site\s*</span>', page)


def test_a_language_is_named_in_its_own_language_and_direction() -> None:
    """The header's link to the Arabic pages, on an English page, is read and laid out as Arabic."""
    from cogov.builder_config import theme_context
    from cogov.i18n import translations
    from tests.conftest import site_info

    site = site_info(language="en", languages=("en", "ar"))
    (arabic,) = theme_context(site, translations("en").gettext)["languages"]
    assert (arabic["lang"], arabic["dir"], arabic["name"]) == ("ar", "rtl", "العربية")


def test_the_navigations_own_labels_are_named_in_the_language_they_are_in(tmp_path: Path) -> None:
    from cogov.builder_config import nav_labels_in

    nav = [
        {"Home": "index.md"},
        {"About": [{"Take part": "pages/take-part.md"}, "pages/about.md"]},
        {"Meetings": "meetings/index.md"},
        {"Rules": "meetings/index.md"},
    ]
    assert nav_labels_in(nav) == ["Take part", "Rules"]  # what the author wrote, not cogov's words


def test_a_bilingual_build_has_a_tree_per_language_and_a_page_to_choose(bilingual: Path) -> None:
    site = bilingual / "site"
    for lang in ("en", "fr"):
        assert (site / lang / "index.html").is_file() and (site / lang / "pagefind" / "pagefind.js").is_file()
        assert (site / lang / "feed.xml").is_file() and (site / lang / "meetings.ics").is_file()
        assert (site / lang / "data" / "records.json").is_file()
    choice = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="en/" hreflang="en" lang="en" dir="ltr">English</a>' in choice
    assert '<a href="fr/" hreflang="fr" lang="fr" dir="ltr">Français</a>' in choice
    assert '<span lang="fr" dir="ltr">Gouvernement ouvert en Arandia</span>' in choice
    # The not-found page is served at any depth: it leads from the site's own path.
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert '<a href="/cogov/fr/" hreflang="fr" lang="fr" dir="ltr">Français</a>' in missing
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://cogov.github.io/cogov/fr/sitemap.xml</loc>" in sitemap
    assert "https://cogov.github.io/cogov/fr/meetings/2026-05-26-ordinary/" in (site / "fr" / "sitemap.xml").read_text(
        encoding="utf-8"
    )
    french = (site / "fr" / "meetings" / "2026-05-26-ordinary" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french and "Deuxième séance ordinaire de 2026" in french
    assert "Procès-verbal de la séance (2026-05-26)" in french  # the translation beside the minutes
    assert (
        '<link rel="alternate" hreflang="en" href="https://cogov.github.io/cogov/'
        'en/meetings/2026-05-26-ordinary/" data-cogov>' in (french)
    )
    english = (site / "en" / "meetings" / "2026-05-26-ordinary" / "index.html").read_text(encoding="utf-8")
    assert "Second ordinary session of 2026" in english and "Procès-verbal" not in english
    assert 'lang="en"' not in english.split("<article", 1)[1]  # nothing marked in its own language


class _Lang(HTMLParser):
    """The text of a page's article with the language each piece is in."""

    def __init__(self, page_language: str) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = [("html", page_language)]
        self.pieces: list[tuple[str, str]] = []
        self.inside = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        lang = dict(attrs).get("lang") or self.stack[-1][1]
        self.stack.append((tag, lang))
        if tag == "article":
            self.inside += 1

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            done, _ = self.stack.pop()
            if done == "article":
                self.inside -= 1
            if done == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.inside and data.strip():
            self.pieces.append((data.strip(), self.stack[-1][1]))


def _languages_of(page: Path, language: str) -> list[tuple[str, str]]:
    parser = _Lang(language)
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.pieces


# Texts written in English only in the bilingual sample, one per kind of page that shows them.
ENGLISH_ONLY = {
    "meetings/2026-11-17-ordinary": "Presidency of the Council of Ministers, Room 3",  # the location
    "meetings/2026-05-26-ordinary": "Presidency of the Council of Ministers, Room 3",
    "bodies/msf": "The Forum co-creates Arandia's action plans",  # the mandate
    "action-plans/nap-5": "The fifth plan was co-created with 48 organizations",  # the summary
    "organizations/presidency-of-the-council-of-ministers": "Presidency of the Council of Ministers",  # the name
    "people/ana-quispe": "Ana Quispe",
    "meetings/2024": "First ordinary session of 2024",  # a list: a link labelled with date and title
    "": "Open Contracting Commitment Team",  # the home page
}


@pytest.mark.parametrize("page", sorted(ENGLISH_ONLY))
def test_untranslated_text_on_a_french_page_is_marked_english(bilingual: Path, page: str) -> None:
    path = bilingual / "site" / "fr" / page / "index.html"
    assert path.is_file(), page
    pieces = _languages_of(path, "fr")
    wanted = ENGLISH_ONLY[page]
    found = [(piece, lang) for piece, lang in pieces if wanted in piece]
    if page == "people/ana-quispe":
        assert found and all(lang == "fr" for _, lang in found)  # a name is in no language: not marked
        return
    assert found, f"{wanted!r} not on {page}"
    assert all(lang == "en" for _, lang in found), found


def test_minutes_without_a_translation_are_shown_in_english_and_marked(bilingual: Path) -> None:
    page = bilingual / "site" / "fr" / "meetings" / "2026-11-17-ordinary" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<div dir="ltr" lang="en">' in html  # (attributes in the order the sanitizer writes them)
    assert "Quatrième séance ordinaire de 2026" in html  # the title is translated


def test_the_check_names_wrong_and_missing_translations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_bilingual(tmp_path / "project")
    site = project / "content" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace(
            "languages: [es, fr]\n", "languages: [es, fr]\ntranslations:\n  require: [body]\n"
        ),
        encoding="utf-8",
    )
    body = project / "content" / "bodies" / "msf.yml"
    body.write_text(
        body.read_text(encoding="utf-8").replace("  fr: Forum multipartite\n", "  de: Forum\n"), encoding="utf-8"
    )
    meetings = project / "content" / "meetings" / "msf"
    (meetings / "2026-09-15-ordinary.de.md").write_text("Protokoll.\n", encoding="utf-8")
    (meetings / "2026-11-17-ordinary.fr.md").write_text("---\ntitle: x\n---\nTexte.\n", encoding="utf-8")
    assert main(["validate", "--project", str(project), "--as-of", "2026-11-26"]) == 1
    out = capsys.readouterr().out
    assert (
        "content/bodies/msf.yml:4:3: error TRN001 name.de: `de` is not one of the site's languages (en, es, fr)" in out
    )
    assert "TRN002 mandate: there is no French text here (`fr:`)" in out
    assert "content/meetings/msf/2026-09-15-ordinary.de.md:1:1: error TRN003" in out
    assert "content/meetings/msf/2026-11-17-ordinary.fr.md:1:1: error TRN004" in out
    assert re.search(r"Translated into French: \d+ of \d+ texts \(\d+%\)", out)


def test_a_markdown_translation_is_checked_like_the_original(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_bilingual(tmp_path / "project")
    minutes = project / "content" / "meetings" / "msf" / "2026-05-26-ordinary.fr.md"
    minutes.write_text("Texte.\n\n<script>alert(1)</script>\n", encoding="utf-8")
    assert main(["validate", "--project", str(project), "--as-of", "2026-11-26"]) == 1
    assert "content/meetings/msf/2026-05-26-ordinary.fr.md:3:1: error MD001" in capsys.readouterr().out


def test_a_record_localized_in_its_own_language_is_the_same_record(tmp_path: Path) -> None:
    from cogov.records import discover

    documents, _ = discover(make_bilingual(tmp_path / "project"))
    plain = [d for d in documents if d.kind == "person"]
    assert all(localize(d, "en", "en") is d for d in plain)


@pytest.fixture(scope="module")
def served(bilingual: Path) -> Iterator[str]:
    yield from _serve(bilingual / "site")


def _serve(site: Path) -> Iterator[str]:
    """A built site on 127.0.0.1, for as long as the fixture that yields from this lasts."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.slow
@pytest.mark.browser
def test_the_language_link_leads_to_the_same_meeting(served: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 800})
        page.goto(served)
        page.get_by_role("link", name="Français").click()
        assert page.url == served + "fr/"
        page.goto(served + "fr/meetings/2026-05-26-ordinary/")
        assert "Deuxième séance ordinaire de 2026" in page.locator("h1").inner_text()
        page.get_by_role("link", name="English").click()
        assert page.url == served + "en/meetings/2026-05-26-ordinary/"
        assert "Second ordinary session of 2026" in page.locator("h1").inner_text()
        page.get_by_role("link", name="Français").click()
        assert page.url == served + "fr/meetings/2026-05-26-ordinary/"
        browser.close()


def test_a_site_in_one_language_has_no_language_links(tmp_path: Path) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--title", "Open Government", "--as-of", "2026-11-26"]) == 0
    assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    pages = list((project / "site").rglob("*.html"))
    assert pages and not any("cogov-languages" in p.read_text(encoding="utf-8") for p in pages)
    assert not any("hreflang" in p.read_text(encoding="utf-8") for p in pages)
    assert not (project / "site" / "data" / "translations.csv").exists()


def test_diff_says_which_translations_a_change_adds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_diff import git

    project = make_bilingual(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", "content")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "records")
    meetings = project / "content" / "meetings" / "msf"
    (meetings / "2026-11-17-ordinary.fr.md").write_text("Procès-verbal.\n", encoding="utf-8")
    plan = project / "content" / "action-plans" / "nap-5" / "plan.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("fr: Cinquième plan", "fr: Le cinquième plan"), encoding="utf-8"
    )
    assert main(["diff", "HEAD", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "French added for the meeting of 2026-11-17 (Multi-stakeholder Forum): the text" in out
    assert "French changed for the action plan “Fifth National Action Plan 2024-2026”: title" in out
    assert "Fifth National Action Plan 2024-2026 changed" not in out  # the English did not change


def test_the_open_data_carries_every_language(bilingual: Path, tmp_path: Path) -> None:
    import csv
    import io
    import json

    import frictionless
    from jsonschema import Draft202012Validator

    from cogov.schemas import default_schemas

    for lang in ("en", "fr"):
        data = bilingual / "site" / lang / "data"
        records = json.loads((data / "records.json").read_text(encoding="utf-8"))
        schemas = default_schemas()
        validator = Draft202012Validator(schemas.schemas["records"], registry=schemas.registry)
        assert [e.message for e in validator.iter_errors(records)] == []
        rows = {(x["kind"], x["id"], x["field"], x["language"]): x["text"] for x in records["translations"]}
        assert rows[("body", "msf", "name", "fr")] == "Forum multipartite"
        assert rows[("body", "msf", "name", "en")] == "Multi-stakeholder Forum"
        decision = ("meeting", "2026-05-26-ordinary", "decisions[0].text", "es")
        assert rows[decision] == "La cocreación del sexto plan comienza en septiembre de 2026."
        assert not any(k[0] == "meeting" and k[2] == "text" for k in rows)  # minutes: on the site, as before
        table = list(csv.DictReader(io.StringIO((data / "translations.csv").read_text(encoding="utf-8"))))
        assert {"kind": "plan", "record_id": "nap-5", "field": "title", "language": "fr"} | {
            "text": "Cinquième plan d'action national 2024-2026"
        } in table
        folder = tmp_path / lang
        shutil.copytree(data, folder)
        report = frictionless.validate(str(folder / "datapackage.json"))
        assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]
    french = json.loads((bilingual / "site" / "fr" / "data" / "records.json").read_text(encoding="utf-8"))
    assert next(b for b in french["bodies"] if b["id"] == "msf")["name"] == "Forum multipartite"


def test_a_site_in_one_language_publishes_no_translations_table(tmp_path: Path) -> None:
    from cogov.opendata.tables import TABLES, published_tables

    assert [t.name for t in published_tables({"site": {}})] == [t.name for t in TABLES if t.name != "translations"]


def test_the_form_editor_has_a_field_per_language_and_fmt_gives_single_texts_their_language(
    tmp_path: Path,
) -> None:
    import datetime as dt

    from cogov import cms
    from cogov.config import Settings
    from cogov.fmt import format_records
    from cogov.pipeline import check, model

    project = make_bilingual(tmp_path / "project")
    settings = Settings.for_project(project, as_of=dt.date(2026, 11, 26))
    validation = check(settings)
    records = model(validation.documents, settings)
    collections = {c["name"]: c for c in cms.config(records)["collections"]}
    fields = {f["name"]: f for f in collections["meeting-msf"]["fields"]}
    title = fields["title"]
    assert title["widget"] == "object" and [(f["name"], f["label"]) for f in title["fields"]] == [
        ("en", "English"),
        ("es", "Spanish"),
        ("fr", "French"),
    ]
    assert [f["widget"] for f in fields["decisions"]["fields"][0]["fields"]] == ["markdown"] * 3
    assert fields["date"]["widget"] == "datetime"  # facts are written once
    outcome = format_records(project, validation.documents, records)
    assert outcome.refused == [] and "content/people/ana-quispe.yml" in outcome.changed
    person = (project / "content" / "people" / "ana-quispe.yml").read_text(encoding="utf-8")
    assert "position:\n  en: " in person and "name: Ana Quispe\n" in person  # a name is in no language
    assert main(["validate", "--project", str(project), "--as-of", "2026-11-26"]) == 0


def test_the_pages_of_a_bilingual_site_are_valid_html(bilingual: Path) -> None:
    from tests.test_standards import vnu_errors, vnu_messages

    site = bilingual / "site"
    pages = [
        site / "index.html",
        site / "404.html",
        site / "fr" / "index.html",
        site / "fr" / "meetings" / "2026-11-17-ordinary" / "index.html",
        site / "fr" / "bodies" / "msf" / "index.html",
        site / "en" / "meetings" / "2026-05-26-ordinary" / "index.html",
    ]
    assert vnu_errors(vnu_messages(pages)) == []


@pytest.mark.slow
@pytest.mark.browser
def test_the_language_pages_meet_wcag(served: str) -> None:
    """axe-core on the page to choose a language and on French pages with untranslated text, light
    and dark, on a phone and a desktop."""
    from playwright.sync_api import sync_playwright

    from tests.test_browser import _AXE_RUN, AXE

    script = AXE.read_text(encoding="utf-8")
    violations = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width in (375, 1280):
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                page = context.new_page()
                for path in ("", "fr/meetings/2026-11-17-ordinary/", "fr/bodies/msf/"):
                    page.goto(served + path)
                    page.add_script_tag(content=script)
                    violations += [f"{width}px {scheme} /{path}: {v}" for v in page.evaluate(_AXE_RUN)]
                context.close()
        browser.close()
    assert violations == []


def test_every_french_page_marks_every_english_text_it_shows(bilingual: Path) -> None:
    """Each translatable text written in English only, wherever a French page shows it whole (a
    title, a name, a link's label), is inside an element marked lang="en": on every page type."""
    from cogov.records import discover, strings
    from cogov.translations import translatable_fields, values_at

    documents, _ = discover(bilingual)
    english_only = set()
    for doc in documents:
        for path in translatable_fields(doc.kind):
            for _, value in values_at(doc.data, path):
                text_value = value.get("en") if isinstance(value, dict) and "fr" not in value else value
                if isinstance(text_value, str) and "\n" not in text_value.strip() and len(text_value) < 120:
                    english_only.add(" ".join(text_value.split()))
    # (a text also written in a field that has no language, a document's title, is left out)
    english_only -= {" ".join(t.split()) for d in documents for t in strings(_without_translatable(d))}
    unmarked = []
    pages = sorted((bilingual / "site" / "fr").rglob("*.html"))
    assert len(pages) > 80
    for page in pages:
        for piece, lang in _languages_of(page, "fr"):
            if " ".join(piece.split()) in english_only and lang != "en":
                unmarked.append(f"{page.relative_to(bilingual / 'site')}: {piece!r}")
    assert unmarked == [], "\n".join(unmarked)


def _without_translatable(doc: object) -> object:
    """A record's data with its translatable fields emptied."""
    from cogov.records import Document
    from cogov.translations import translatable_replaced

    assert isinstance(doc, Document)
    return translatable_replaced(doc.data, doc.kind, lambda value: None)


@pytest.fixture(scope="module")
def served_own_at_root(own_at_root: Path) -> Iterator[str]:
    yield from _serve(own_at_root / "site")


@pytest.mark.slow
@pytest.mark.browser
def test_from_the_sites_own_language_to_another_and_back(served_own_at_root: str) -> None:
    """The sample's layout: English where it always was, Spanish and French under their prefix."""
    from playwright.sync_api import sync_playwright

    url = served_own_at_root
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url + "meetings/2026-09-15-ordinary/")
        page.get_by_role("link", name="Español").click()
        assert page.url == url + "es/meetings/2026-09-15-ordinary/"
        assert "Tercera sesión ordinaria de 2026" in page.locator("h1").inner_text()
        assert "El equipo de la universidad presentó la metodología" in page.locator("article").inner_text()
        page.get_by_role("link", name="Français").click()
        assert page.url == url + "fr/meetings/2026-09-15-ordinary/"
        page.get_by_role("link", name="English").click()
        assert page.url == url + "meetings/2026-09-15-ordinary/"
        browser.close()
    assert not [r for r in requests if "sitemap" in r]  # neither per alternate nor for the feed
