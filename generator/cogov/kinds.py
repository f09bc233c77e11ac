"""The one registry of record kinds: where each kind's files live, its schema, its page and list
page, its labels and its open-data collection. Every list of kinds elsewhere is derived from here,
and ``tests/test_kinds.py`` fails when a kind lacks a schema, a template, a diff description, a
table, a ``cogov new`` stub or a section of the field reference.

To add a kind: its schema in ``schemas/``, an entry here, its model class and builder
(``model.py``, ``model_build.py``), its page template and a case folder; then regenerate the field
reference (see docs/development.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cogov.messages import t_or


@dataclass(frozen=True, kw_only=True)
class Kind:
    name: str  # also the schema's file name
    # Its names in English (translations: the catalogue's "kind.<name>.noun", ".article", ".heading").
    noun: str  # "action plan", in sentences
    article: str  # "an action plan"
    heading: str  # "Action plan", at the start of a line
    # Where its files live, relative to content/: literal parts, "{parent}", and "{id}" or
    # "{id}.<ext>" for the part that names the record.
    files: tuple[str, ...]
    location: str  # the same, as the field reference writes it
    page: str | None = None  # its page in the generated docs, with "{id}"
    index: str | None = None  # its section's list page
    data: str | None = None  # its collection in records.json (and CSV table)
    template: str | None = None  # its page template
    stub: bool = False  # `cogov new <kind>` writes one
    front_matter: bool = True  # a Markdown record must start with its fields (a free page need not)
    # A kind added with a model class alone: its records are built from their fields (the class's
    # field names are the schema's; ``id``, ``path``, ``parent`` and ``markdown`` come from the file)
    # and each is shown on its page by its template, which receives it under the kind's name.
    # The kinds above have their own builders and pages (model_build.py, render/site.py).
    model: type | None = None

    @property
    def markdown(self) -> bool:
        """A Markdown file with front matter (the text below it is the record's body)."""
        return self.files[-1].endswith(".md")

    def words(self, form: str, language: str | None = None) -> str:
        """The kind's name as ``form`` ("noun", "article" or "heading") in ``language`` (default:
        the reader's, see messages.reading_in)."""
        return t_or(f"kind.{self.name}.{form}", getattr(self, form), language)

    def match(self, rel: tuple[str, ...]) -> tuple[str, str] | None:
        """``(id, parent)`` when ``rel`` (a path relative to content/) is a file of this kind."""
        if len(rel) != len(self.files):
            return None
        record_id, parent = self.name, ""
        for part, pattern in zip(rel, self.files, strict=True):
            if pattern == "{parent}":
                parent = part
            elif pattern.startswith("{id}"):
                suffix = pattern[len("{id}") :]
                if not part.endswith(suffix):
                    return None
                record_id = part[: len(part) - len(suffix)] if suffix else part
            elif part != pattern:
                return None
        return record_id, parent


KINDS: tuple[Kind, ...] = (
    Kind(
        name="site",
        noun="site",
        article="the site",
        heading="Site settings",
        files=("site.yml",),
        location="content/site.yml",
    ),
    Kind(
        name="organization",
        noun="organization",
        article="an organization",
        heading="Organization",
        files=("organizations", "{id}.yml"),
        location="content/organizations/<id>.yml",
        page="organizations/{id}.md",
        index="organizations/index.md",
        data="organizations",
        template="organization.md.j2",
        stub=True,
    ),
    Kind(
        name="person",
        noun="person",
        article="a person",
        heading="Person",
        files=("people", "{id}.yml"),
        location="content/people/<id>.yml",
        page="people/{id}.md",
        index="people/index.md",
        data="people",
        template="person.md.j2",
        stub=True,
    ),
    Kind(
        name="body",
        noun="body",
        article="a body",
        heading="Body",
        files=("bodies", "{id}.yml"),
        location="content/bodies/<id>.yml",
        page="bodies/{id}.md",
        index="bodies/index.md",
        data="bodies",
        template="body.md.j2",
        stub=True,
    ),
    Kind(
        name="plan",
        noun="action plan",
        article="an action plan",
        heading="Action plan",
        files=("action-plans", "{id}", "plan.yml"),
        location="content/action-plans/<id>/plan.yml",
        page="action-plans/{id}/index.md",
        index="action-plans/index.md",
        data="action_plans",
        template="plan.md.j2",
        stub=True,
    ),
    Kind(
        name="commitment",
        noun="commitment",
        article="a commitment",
        heading="Commitment",
        files=("action-plans", "{parent}", "commitments", "{id}.md"),
        location="content/action-plans/<plan>/commitments/<id>.md (front matter)",
        page="commitments/{id}.md",
        data="commitments",
        template="commitment.md.j2",
        stub=True,
    ),
    Kind(
        name="meeting",
        noun="meeting",
        article="a meeting",
        heading="Meeting",
        files=("meetings", "{parent}", "{id}.md"),
        location="content/meetings/<body>/<YYYY-MM-DD>-<name>.md (front matter)",
        page="meetings/{id}.md",
        index="meetings/index.md",
        data="meetings",
        template="meeting.md.j2",
        stub=True,
    ),
    Kind(
        name="proposal",
        noun="proposal",
        article="a proposal",
        heading="Proposal",
        files=("action-plans", "{parent}", "proposals", "{id}.yml"),
        location="content/action-plans/<plan>/proposals/<id>.yml",
        page="proposals/{id}.md",
        data="proposals",
        template="proposal.md.j2",
        stub=True,
    ),
    Kind(
        name="page",
        noun="page",
        article="a page",
        heading="Page",
        files=("pages", "{id}.md"),
        location="content/pages/<id>.md (optional front matter)",
        page="pages/{id}.md",
        template="page.md.j2",
        front_matter=False,
    ),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
NAMES: tuple[str, ...] = tuple(BY_NAME)


def kind(name: str) -> Kind:
    return BY_NAME[name]


def with_pages() -> Iterator[Kind]:
    return (k for k in KINDS if k.page)


def classify(rel: tuple[str, ...]) -> tuple[str, str, str] | None:
    """``(kind, id, parent)`` for a path relative to content/, or None when it is no record."""
    for candidate in KINDS:
        found = candidate.match(rel)
        if found:
            return candidate.name, found[0], found[1]
    return None
