"""The published files, checked with the standards' own schemas (vendored in tests/standards/) and
the rules those schemas cannot express: Popolo (JSON Schema draft-03), the Sitemaps XSD, the Atom
grammar of RFC 4287 with its author and id rules, and the Data Package's declared keys."""

from __future__ import annotations

import json
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rnc2rng
from jsonschema import Draft3Validator
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from cogov.cli import main
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
STANDARDS = Path(__file__).parent / "standards"
ATOM = "{http://www.w3.org/2005/Atom}"


def _build(project: Path, url: str | None) -> Path:
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    site_yml = project / "content" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    text = re.sub(r"^url: .*\n", f"url: {url}\n" if url else "", text, flags=re.MULTILINE)
    site_yml.write_text(text, encoding="utf-8")
    assert main(["build", str(project), "--as-of", "2026-11-26"]) == 0
    return project / "site"


@pytest.fixture(scope="module", params=["https://cogov.github.io/cogov/", None], ids=["with-url", "without-url"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("standards"), request.param)


# --- Popolo ------------------------------------------------------------------------------------


def _popolo_validator(name: str) -> Draft3Validator:
    resources = []
    for path in sorted((STANDARDS / "popolo").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT3)))
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = json.loads((STANDARDS / "popolo" / f"{name}.json").read_text(encoding="utf-8"))
    return Draft3Validator(schema, registry=registry)


def test_popolo_validates_against_the_official_schemas(site: Path) -> None:
    data = json.loads((site / "data" / "popolo.json").read_text(encoding="utf-8"))
    for collection, schema in (("persons", "person"), ("organizations", "organization"),
                               ("memberships", "membership"), ("events", "event")):  # fmt: skip
        validator = _popolo_validator(schema)
        assert data[collection], collection
        for item in data[collection]:
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(item)]
            assert errors == [], (collection, item["id"], errors)
    timed = [e for e in data["events"] if "T" in e["start_date"]]
    assert timed and all(re.search(r"[+-]\d\d:\d\d$|Z$", e["start_date"]) for e in timed)


# --- Sitemaps ----------------------------------------------------------------------------------


def _has_url(site: Path) -> bool:
    return "\nurl: " in (site.parent / "content" / "site.yml").read_text(encoding="utf-8")


def test_sitemap_validates_against_the_xsd(site: Path) -> None:
    if not _has_url(site):
        # Without the site's address a sitemap could only be empty, which the XSD refuses.
        assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
        return
    schema = etree.XMLSchema(etree.parse(str(STANDARDS / "sitemap.xsd")))
    document = etree.parse(str(site / "sitemap.xml"))
    assert schema.validate(document), schema.error_log
    locations = [e.text or "" for e in document.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locations) > 50 and all(loc.startswith("https://cogov.github.io/cogov/") for loc in locations)


# --- Atom --------------------------------------------------------------------------------------


def _atom_grammar() -> etree.RelaxNG:
    rng = rnc2rng.dumps(rnc2rng.load(str(STANDARDS / "atom.rnc")))
    # The converter declares an empty prefix, which XML namespaces forbid; nothing uses it.
    return etree.RelaxNG(etree.fromstring(rng.replace(' xmlns:local=""', "").encode("utf-8")))


def _absolute_iri(value: str) -> bool:
    if value.startswith("urn:uuid:"):
        return bool(uuid.UUID(value.removeprefix("urn:uuid:")))
    if value.startswith("tag:"):
        return bool(re.fullmatch(r"tag:[\w.\-@]+,\d{4}(-\d\d){0,2}:\S*", value))
    return bool(re.fullmatch(r"https?://[^\s/]+/\S*", value))


def _entries(feed: etree._Element) -> Iterator[etree._Element]:
    yield from feed.iter(f"{ATOM}entry")


def test_atom_feed_follows_rfc_4287(site: Path) -> None:
    document = etree.parse(str(site / "feed.xml"))
    grammar = _atom_grammar()
    assert grammar.validate(document), grammar.error_log
    feed = document.getroot()
    entries = list(_entries(feed))
    assert entries
    # 4.1.1: a feed has an author, or every entry has one.
    feed_author = feed.find(f"{ATOM}author")
    assert feed_author is not None or all(e.find(f"{ATOM}author") is not None for e in entries)
    if feed_author is not None:
        assert (feed_author.findtext(f"{ATOM}name") or "").strip()
    # 4.2.6: ids are absolute IRIs, and unique.
    ids = [feed.findtext(f"{ATOM}id") or ""] + [e.findtext(f"{ATOM}id") or "" for e in entries]
    assert all(_absolute_iri(i) for i in ids), [i for i in ids if not _absolute_iri(i)][:3]
    assert len(set(ids)) == len(ids)
    links = {link.get("rel", "alternate"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    if _has_url(site):
        assert links.get("self") == "https://cogov.github.io/cogov/feed.xml"


# --- Data Package ------------------------------------------------------------------------------


def test_data_package_declares_its_keys_and_provenance(site: Path) -> None:
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("id", "homepage", "sources", "contributors"):
        assert package.get(key), key
    declared = {
        (resource["name"], fk["fields"][0]): (
            fk["reference"].get("resource", resource["name"]),
            fk["reference"]["fields"][0],
        )
        for resource in package["resources"]
        for fk in resource["schema"].get("foreignKeys", [])
    }
    for key in [("memberships", "organization_id"), ("memberships", "alternate_for_id"),
                ("people", "organization_id"), ("meetings", "chair_id"), ("attendance", "on_behalf_of_id"),
                ("action_plans", "forum_id"), ("organizations", "parent_id"), ("bodies", "parent_id"),
                ("meetings", "approved_in")]:  # fmt: skip
        assert key in declared, key


# --- iCalendar and schema.org -------------------------------------------------------------------


def test_calendar_stamps_are_never_in_the_future(site: Path) -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical((site / "meetings.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    future = [e for e in events if e.decoded("dtstart").isoformat()[:10] > "2026-11-26"]
    assert future, "the sample has scheduled meetings"
    assert all(e.decoded("dtstamp").date().isoformat() <= "2026-11-26" for e in events)


def test_event_places_have_an_address(site: Path) -> None:
    pages = list((site / "meetings").glob("*/index.html"))
    places = []
    for page in pages:
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S):
            data = json.loads(block)
            data = next(d for d in (data if isinstance(data, list) else [data]) if d["@type"] == "Event")
            location = data.get("location")
            for place in location if isinstance(location, list) else [location] if location else []:
                if place.get("@type") == "Place":
                    places.append(place)
    assert places and all(p.get("address") for p in places)


# --- HTML (the Nu HTML checker) -------------------------------------------------------------------

VNU = ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Errors of Material for MkDocs' own base.html that no theme override can reach, with where they
# were reported: its two checkbox toggles carry autocomplete="off" on purpose (Firefox would
# otherwise restore them checked after "back": squidfunk/mkdocs-material#1513; the checker's side:
# validator/validator#1141). Only these exact elements are excused.
_MATERIAL_DEFECTS = [
    (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'data-md-toggle="(drawer|search)" type="checkbox"'),
    ),
]


def _excused(message: dict[str, Any]) -> bool:
    return any(
        m.search(message.get("message", "")) and e.search(message.get("extract", "")) for m, e in _MATERIAL_DEFECTS
    )


def vnu_messages(pages: list[Path]) -> list[dict[str, Any]]:
    """The Nu HTML checker's errors on ``pages`` (vnu-jar from npm, on Debian's Java: `make tools`)."""
    import subprocess

    java = shutil.which("java")
    if not VNU.is_file() or java is None:
        pytest.fail("the Nu HTML checker is not installed: run `make tools` (make test does it)")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    messages: list[dict[str, Any]] = json.loads(done.stderr or done.stdout)["messages"]
    return messages


def vnu_errors(messages: list[dict[str, Any]]) -> list[str]:
    """The errors no generator page or theme override may have (Material's own excused, see above)."""
    return [
        f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") == "error" and not _excused(m)
    ]


def test_every_page_is_valid_html(site: Path) -> None:
    """The Nu HTML checker finds no error in any page of the site, other than the two of Material's
    base template documented above."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 80
    messages = vnu_messages(pages)
    assert vnu_errors(messages) == []
    assert any(_excused(m) for m in messages), "the excused defects are still Material's: drop them if they are gone"
