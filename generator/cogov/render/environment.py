"""The Jinja2 environment for pages: every ``{{ value }}`` is escaped for Markdown unless it is
already Markup (built by a helper that escaped it for its destination)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markdown.extensions.toc import slugify as toc_slugify
from markupsafe import Markup

from cogov.i18n import format_date, format_percent, list_separator, time_zone, translations
from cogov.markup import defuse, inline
from cogov.messages import CATALOGS, t
from cogov.model import Records
from cogov.render import escape, jsonld, paths
from cogov.render.paths import record_page, relative

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return escape.md(value)


class Helpers:
    """Functions the templates call; they know the records and the language. Labels, badges and
    page addresses are computed once per record: a large site links the same records many times."""

    def __init__(self, records: Records, language: str) -> None:
        self.records = records
        self.language = language
        self._labels: dict[tuple[str, str], Markup] = {}
        self._pages: dict[tuple[str, str], str] = {}
        self._badges: dict[tuple[str | None, str], Markup] = {}
        self.touched: set[tuple[str, str]] = set()  # records linked from the page being rendered
        self.catalogue = translations(language)

    def tr(self, message: str, **fields: Any) -> Markup:
        """A sentence of page text in the site's language (gettext, English message IDs). The
        translation is trusted Markdown; each field is escaped for Markdown unless a helper built it."""
        text = self.catalogue.gettext(message)
        if fields:
            text = text.format(**{k: v if isinstance(v, Markup) else escape.md(v) for k, v in fields.items()})
        return Markup(text)

    def tr_plural(self, singular: str, plural: str, n: int, **fields: Any) -> str:
        """Plain text whose wording depends on a number ``n`` (also given as ``{count}``)."""
        return self.catalogue.ngettext(singular, plural, n).format(count=n, **fields)

    def tr_text(self, message: str, **fields: Any) -> str:
        """The same as plain text, for where it is escaped afterwards (a link's label)."""
        text = self.catalogue.gettext(message)
        return text.format(**fields) if fields else text

    def label_markup(self, kind: str, record_id: str) -> Markup:
        key = (kind, record_id)
        if key not in self._labels:
            self._labels[key] = self._label_markup(kind, record_id)
        return self._labels[key]

    def _label_markup(self, kind: str, record_id: str) -> Markup:
        """The label as Markdown; a title shown for want of a translation is marked with its
        language on its own, not the date or code before it (which are in the page's)."""
        r = self.records
        if kind == "meeting" and record_id in r.meetings:
            m = r.meetings[record_id]
            return escape.md(f"{self.date(m.date)}:") + Markup(" ") + escape.md(m.title)
        if kind == "commitment" and record_id in r.commitments and r.commitments[record_id].ogp_id:
            c = r.commitments[record_id]
            return escape.md(f"{c.ogp_id}:") + Markup(" ") + escape.md(c.title)
        return escape.md(self.label(kind, record_id))

    def badge(self, value: str | None, family: str = "status") -> Markup:
        """A coloured status label (the CSS class says which colour)."""
        key = (value, family)
        if key not in self._badges:
            text = t(f"ui.{family}.{value or 'none'}", self.language)
            css = escape.h(value or "none")
            self._badges[key] = Markup(f'<span class="cogov-badge cogov-badge--{css}">{escape.h(text)}</span>')
        return self._badges[key]

    def _(self, key: str, **fields: Any) -> str:
        return t(key, self.language, **fields)

    def zone(self, zone: str, day: str, time: str) -> Markup:
        """``Lima time, UTC−05:00``: a meeting's time zone as a city and its offset that day."""
        city, offset = time_zone(zone, day, time, self.language)
        return self.tr("{city} time, UTC{offset}", city=city, offset=offset)

    def theme(self, slug: str) -> str:
        """A commitment's theme in words: OGP's name for its policy areas, in the site's language;
        any other theme's ID with spaces (``open-budgets``: "Open budgets")."""
        if f"ui.theme.{slug}" in CATALOGS["en"]:
            return t(f"ui.theme.{slug}", self.language)
        return slug.replace("-", " ").capitalize()

    def seat_label(self, body_id: str, seat_id: str) -> str:
        """A named seat as the site names it: its name, else its institution's, else its ID."""
        body = self.records.bodies.get(body_id)
        seat = next((x for x in body.named_seats if x.id == seat_id), None) if body else None
        if seat is None:
            return seat_id
        if seat.name:
            return seat.name
        org = self.records.organizations.get(seat.organization or "")
        return org.name if org else seat.id

    def date(self, value: str | None) -> str:
        return format_date(value, self.language)

    def person_label(self, person_id: str) -> str:
        return self.records.person_name(person_id, self._("ui.withheld"))

    def label(self, kind: str, record_id: str) -> str:
        r = self.records
        match kind:
            case "person":
                return self.person_label(record_id)
            case "organization":
                org = r.organizations.get(record_id)
                return org.name if org else record_id
            case "body":
                return r.bodies[record_id].name if record_id in r.bodies else record_id
            case "plan":
                return r.plans[record_id].title if record_id in r.plans else record_id
            case "commitment":
                c = r.commitments.get(record_id)
                return (f"{c.ogp_id}: {c.title}" if c.ogp_id else c.title) if c else record_id
            case "meeting":
                m = r.meetings.get(record_id)
                return f"{self.date(m.date)}: {m.title}" if m else record_id
            case "proposal":
                p = r.proposals.get(record_id)
                return p.title if p else record_id
        other = r.other.get(kind, {}).get(record_id)
        return str(getattr(other, "title", None) or getattr(other, "name", None) or record_id)

    def page(self, kind: str, record_id: str) -> str:
        key = (kind, record_id)
        if key not in self._pages:
            self._pages[key] = record_page(self.records, kind, record_id)
        return self._pages[key]


def build_environment(records: Records, language: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    helpers = Helpers(records, language)

    @pass_context
    def ref(ctx: Context, kind: str, record_id: str, label: str | None = None) -> Markup:
        """A Markdown link to a record's page, relative to the page being rendered."""
        helpers.touched.add((kind, record_id))
        target = relative(ctx["page_path"], helpers.page(kind, record_id))
        text = escape.md(label) if label is not None else helpers.label_markup(kind, record_id)
        return Markup(f"[{text}]({target})")

    @pass_context
    def owner(ctx: Context, owner_id: str | None) -> Markup:
        """A link to whoever owns an action: a person or an organization."""
        if not owner_id:
            return Markup("")
        kind = "person" if owner_id in records.people else "organization"
        return ref(ctx, kind, owner_id)

    @pass_context
    def proposer(ctx: Context, proposal: Any) -> Markup:
        """Who made a proposal: a link to the organization or person, or "a member of the public"."""
        if proposal.organization:
            return ref(ctx, "organization", proposal.organization)
        if proposal.person:
            return ref(ctx, "person", proposal.person)
        return escape.md(helpers.tr_text("a member of the public"))

    @pass_context
    def evidence_link(ctx: Context, e: Any) -> Markup:
        """One piece of evidence of the OGP standards pages (cogov.standards.Evidence): a link to the
        record's page, or to the document, with its date."""
        if e.kind in ("meeting", "proposal", "commitment", "body", "plan"):
            return ref(ctx, e.kind, e.ref)
        when = Markup(" ") + escape.md(f"({helpers.date(e.date)})") if e.date else Markup("")
        if e.kind == "commit":
            return escape.md(helpers.tr_text("A change to the records on {date}", date=helpers.date(e.date)))
        words = {"rules": helpers.tr_text("The forum's rules"), "response": helpers.tr_text("The published response")}
        return Markup(escape.link(words.get(e.label, e.label), e.ref) + when)

    @pass_context
    def href(ctx: Context, page: str) -> Markup:
        return Markup(relative(ctx["page_path"], page))

    @pass_context
    def html_href(ctx: Context, page: str) -> Markup:
        """A link usable in raw HTML: MkDocs does not rewrite those, so point at the built URL."""
        target = relative(ctx["page_path"], page)
        if target.endswith("index.md"):
            target = target[: -len("index.md")] or "./"
            if target == "./" and not ctx["page_path"].endswith("index.md"):
                return Markup("../")
        elif target.endswith(".md"):
            target = target[:-3] + "/"
        # With directory URLs every page except an index is one folder deeper than its source.
        if not ctx["page_path"].endswith("index.md"):
            target = "../" + target
        return escape.h(target)

    env.globals.update(
        helpers=helpers,
        ref=ref,
        owner=owner,
        proposer=proposer,
        evidence_link=evidence_link,
        status=helpers.badge,
        href=href,
        html_href=html_href,
        files=paths,
        _=helpers._,
        tr=helpers.tr,
        tr_text=helpers.tr_text,
        tr_plural=helpers.tr_plural,
        # The id the builder gives a heading (Python-Markdown's toc), to link to a section by its
        # translated title; empty for titles in scripts it does not transliterate.
        heading_id=lambda title: Markup(toc_slugify(title, "-")),
        date=helpers.date,
        zone=helpers.zone,
        theme=helpers.theme,
        seat_label=helpers.seat_label,
        membership_sector=records.membership_sector,
        sector_on=records.sector_on,
        comma=Markup(escape.h(list_separator(language))),
        label=helpers.label,
        person_label=helpers.person_label,
        r=records,
        link=escape.link,
        url=escape.url,
        title_marks=escape.marks,
    )
    env.filters.update(
        # HTML text; a text shown for want of a translation is marked with its language (the
        # templates put |h in attributes only for words of their own, which are never marked).
        h=lambda value: escape.in_its_language(value, escape.h(value)),
        md=escape.md,
        jsonld=lambda data: Markup(escape.yaml_string(jsonld.encode(data))),
        meta_title=lambda v: Markup(escape.yaml_string(escape.h(" ".join(str(v).split())))),
        markdown=lambda text, demote=0: escape.in_its_language(text, Markup(defuse(text or "", demote)), block=True),
        # One line of Markdown, safe inside a list item or a table cell.
        inline=lambda text: escape.in_its_language(text, Markup(inline(text or ""))),
        pct=lambda v: "" if v is None else format_percent(v, language),
    )
    return env
