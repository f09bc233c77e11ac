"""Where each record's page lives in the generated docs folder. Paths derive from IDs only, so
permalinks survive a change of title."""

from __future__ import annotations

import re

from cogov.i18n import page_text
from cogov.kinds import KINDS
from cogov.model import Records

SECTIONS = {k.name: k.page for k in KINDS if k.page}
HOME = "index.md"
ACTIONS = "actions.md"
DATA = "data.md"
INDEXES = {k.name: k.index for k in KINDS if k.index}

# The names cogov gives the sections in the navigation it writes (cogov init, the sample) and in
# breadcrumbs, by page (in English: the site's catalogue translates them).
SECTION_NAMES = {
    HOME: page_text("Home"),
    INDEXES["plan"]: page_text("Action plans"),
    INDEXES["meeting"]: page_text("Meetings"),
    ACTIONS: page_text("Actions"),
    INDEXES["body"]: page_text("Bodies"),
    INDEXES["person"]: page_text("People"),
    INDEXES["organization"]: page_text("Organizations"),
    DATA: page_text("Data"),
    "standards/index.md": page_text("OGP standards"),
}
STANDARDS = "standards/index.md"  # how the records meet the OGP standards, plan by plan (cogov.standards)


# Published files: each name is defined here once, for the writers, the pages that link them and
# the checks. (site_theme/main.html links feed.xml itself: a theme template cannot import these.)
RECORDS_JSON = "data/records.json"
DATAPACKAGE = "data/datapackage.json"
POPOLO = "data/popolo.json"
FEED = "feed.xml"
CALENDAR = "meetings.ics"


ACCESSIBILITY = "accessibility.md"  # the accessibility statement, linked from every page's footer
SEARCH = "search.md"  # the search page, which the header's search form opens (site_theme/search-page.html)


def logo(source: str) -> str:
    """Where the publisher's logo (``publisher.logo`` in content/site.yml) is copied."""
    return "assets/publisher-logo" + source[source.rfind(".") :].lower()


def table(name: str) -> str:
    return f"data/{name}.csv"


def body_calendar(body_id: str) -> str:
    return f"bodies/{body_id}.ics"


def schema(name: str) -> str:
    return f"schemas/v1/{name}.json"


def url_path(page: str) -> str:
    """The address of a generated page on the built site, relative to its root (directory URLs:
    ``meetings/x.md`` is served at ``meetings/x/``)."""
    if page == "index.md" or page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def public_url(records: Records, page: str) -> str | None:
    """A page's absolute address, when the site has one (``url`` in content/site.yml)."""
    return f"{records.site.url.rstrip('/')}/{url_path(page)}" if records.site.url else None


def standards_page(plan_id: str) -> str:
    """A plan's page of the OGP standards."""
    return f"standards/{plan_id}.md"


def year_page(year: str) -> str:
    return f"meetings/{year}.md"


_LIST_PAGE = re.compile(r"(?:.+/pages|[^/]+|meetings/\d{4})/[1-9]\d*\.md")


def is_list_page(page: str) -> bool:
    """Whether ``page`` is a later page of a split list (see :func:`list_page`), never a record's."""
    parent = page.rsplit("/", 1)[0] if "/" in page else ""
    sections = {p.split("/")[0] for p in SECTIONS.values()}
    if parent in sections:  # people/2.md is the page of a person whose ID is 2
        return False
    return _LIST_PAGE.fullmatch(page) is not None


def list_page(first: str, number: int) -> str:
    """Page ``number`` of a list split over several pages (page 1 is ``first`` itself):
    ``people/index.md`` -> ``people/pages/2.md``, ``actions.md`` -> ``actions/2.md``,
    ``meetings/2024.md`` -> ``meetings/2024/2.md``. None can be a record's page: a record page sits
    directly in its section, and no record kind lives under ``actions/`` or a year."""
    if number == 1:
        return first
    if first.endswith("/index.md"):
        return f"{first[: -len('index.md')]}pages/{number}.md"
    return f"{first[: -len('.md')]}/{number}.md"


def record_page(records: Records, kind: str, record_id: str) -> str:
    """The page of a record as published (a withheld person's page has an opaque address)."""
    if kind == "person":
        record_id = records.public_person_id(record_id)
    return page_of(kind, record_id)


def page_of(kind: str, record_id: str) -> str:
    """The page of a record by its public ID (see :func:`record_page` for people)."""
    return SECTIONS[kind].format(id=record_id)


def relative(from_page: str, to_page: str) -> str:
    """A link from one generated page to another, as MkDocs resolves it (relative .md paths).

    Both are clean relative paths inside the docs folder, so this is plain list arithmetic
    (``posixpath.relpath`` consults the working directory, and a big site makes a million links)."""
    source = from_page.split("/")[:-1]
    target = to_page.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])
