"""One function per page family; each gathers the figures its template shows."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, cast

from jinja2 import Environment

from cogov.i18n import format_percent, list_separator, page_text, translations
from cogov.kinds import KINDS, NAMES, kind
from cogov.markup import first_heading
from cogov.messages import t
from cogov.model import (
    PROPOSAL_STATUSES,
    Body,
    Commitment,
    Meeting,
    Membership,
    Organization,
    Person,
    Plan,
    Records,
    add_years,
    next_day,
    term_end,
)
from cogov.render import charts, jsonld, paths
from cogov.render.environment import Helpers, build_environment
from cogov.render.paths import SECTION_NAMES
from cogov.translations import Fallback, language_name

STATUS_ORDER = ("completed", "in-progress", "delayed", "not-started", "withdrawn")
# The schema's order (common.json); a test keeps them the same.
SECTOR_ORDER = (
    "government", "civil-society", "private-sector", "academia", "parliament", "oversight-body",
    "multilateral", "other",
)  # fmt: skip

Pages = Iterator[tuple[str, str | None]]
# A body page lists its latest meetings only, so that it stays small as the archive grows.
RECENT_MEETINGS = 50
# A list (people, organizations, open actions, a year's meetings) is split into pages of at most
# this many bytes of rows, as estimated by its kind's ``size`` function, so that no page grows with
# the archive: with the theme's 20 KB around it, a page stays under 100 KB.
LIST_PAGE_BYTES = 45_000


def paginate(items: list[Any], size: Callable[[Any], int], budget: int | None = None) -> list[list[Any]]:
    """``items`` in order, in consecutive chunks whose estimated sizes add up to at most ``budget``
    (a single item larger than that gets a page of its own); at least one chunk, maybe empty."""
    budget = budget or LIST_PAGE_BYTES
    chunks: list[list[Any]] = [[]]
    used = 0
    for item in items:
        cost = size(item)
        if chunks[-1] and used + cost > budget:
            chunks.append([])
            used = 0
        chunks[-1].append(item)
        used += cost
    return chunks


# The evidence a standards page links for one requirement; the rest is in the open data.
EVIDENCE_LIMIT = 24


class SiteRenderer:
    """Renders the pages. ``only`` limits the work to some pages (the preview's incremental
    regeneration); ``touched`` records which records each rendered page showed, so the preview
    knows which pages a change to a record affects."""

    def __init__(self, records: Records, only: set[str] | None = None, listings: bool = True) -> None:
        self.r = records
        self.language = records.site.language
        self.env: Environment = build_environment(records, self.language)
        self.env.globals.update(sector=records.sector_of)
        self.helpers = cast(Helpers, self.env.globals["helpers"])
        self.only = only
        self.listings = listings
        self.touched: dict[str, set[tuple[str, str]]] = {}

    def page(
        self, template: str, path: str, values: Callable[[], dict[str, Any]], listing: bool = False
    ) -> tuple[str, str | None]:
        """Render one page, unless it is not wanted; its values are computed only when it is.
        With ``only``, a listing page (home, indexes, years) is rendered when it is in ``only`` or
        when ``self.listings`` is set (records were added or removed: any list may change)."""
        if self.only is not None and path not in self.only and not (listing and self.listings):
            return path, None
        self.helpers.touched = set()
        text = self.env.get_template(template).render(page_path=path, **values())
        self.touched[path] = self.helpers.touched
        return path, _tidy(text)

    # --- shared figures ----------------------------------------------------------------------

    def status_counts(self, commitment_ids: list[str]) -> list[tuple[str, int, str]]:
        counts = Counter(self.r.commitments[c].status or "none" for c in commitment_ids)
        order = [*STATUS_ORDER, "none"]
        return [(t(f"ui.status.{s}", self.language), counts[s], s) for s in order if counts[s]]

    def plan_figures(self, plan: Plan) -> dict[str, Any]:
        ids = self.r.commitments_of_plan.get(plan.id, [])
        parts = self.status_counts(ids)
        done = sum(self.r.commitments[c].milestones_done for c in ids)
        total = sum(len(self.r.commitments[c].milestones) for c in ids)
        tr = self.helpers.tr_text
        description = ", ".join(f"{label}: {count}" for label, count, _ in parts) or tr("no commitments")
        return {
            "chart": charts.figure(
                tr("Commitments by status"),
                charts.stacked_bar(parts, tr("Commitments by status: {description}", description=description)),
            ),
            "counts": [(status, count) for _, count, status in parts],
            "done": done,
            "total": total,
        }

    def seat_rows(self, body: Body) -> list[tuple[str, str, int, int]]:
        taken = self.r.seats_taken(body.id)
        sectors = [s for s in SECTOR_ORDER if s in body.seats or s in taken]
        return [(t(f"ui.sector.{s}", self.language), s, body.seats.get(s, 0), taken.get(s, 0)) for s in sectors]

    def seats_chart(self, rows: list[tuple[str, str, int, int]]) -> Any:
        tr = self.helpers.tr_text
        description = "; ".join(
            self.helpers.tr_plural(
                "{sector}: {members} of {count} seat taken",
                "{sector}: {members} of {count} seats taken",
                seats,
                sector=label,
                members=members,
            )
            for label, _, seats, members in rows
        )
        return charts.figure(
            tr("Current members against seats, by sector"),
            charts.seats_chart(
                rows,
                tr("Current members against seats by sector. {description}", description=description),
                legend=(tr("Members"), tr("Seats")),
            ),
        )

    def listing(
        self,
        template: str,
        first: str,
        items: list[Any],
        size: Callable[[Any], int],
        label: Callable[[Any], str],
        values: Callable[[list[Any]], dict[str, Any]],
    ) -> Pages:
        """A list over as many pages as its size needs, each with a pager: the pages' numbers and
        ranges (first and last entry), linked without JavaScript."""
        chunks = paginate(items, size)
        addresses = [paths.list_page(first, n) for n in range(1, len(chunks) + 1)]
        ranges = [(a, label(c[0]), label(c[-1])) if c else (a, "", "") for a, c in zip(addresses, chunks, strict=True)]
        for n, (address, chunk) in enumerate(zip(addresses, chunks, strict=True), start=1):
            pager = {"number": n, "count": len(chunks), "ranges": ranges}
            yield self.page(
                template, address, partial(lambda c, p: {**values(c), "pager": p}, chunk, pager), listing=True
            )

    def record(self, kind_name: str, record_id: str, values: Callable[[], dict[str, Any]]) -> tuple[str, str | None]:
        """A record's page: its kind's template at its kind's address, under its breadcrumbs."""
        template = kind(kind_name).template
        assert template is not None

        def with_trail() -> dict[str, Any]:
            out = values()
            trail = self.trail(kind_name, record_id)
            whole = [*trail, (self.helpers.label(kind_name, record_id), self.helpers.page(kind_name, record_id))]
            structured = [d for d in (out.get("structured"), jsonld.breadcrumbs(self.r, whole)) if d]
            return {
                **out,
                "trail": trail,
                "structured": structured[0] if len(structured) == 1 else structured,
                "facets": self.facets(kind_name, record_id),
            }

        return self.page(template, self.helpers.page(kind_name, record_id), with_trail)

    def facets(self, kind_name: str, record_id: str) -> dict[str, Any]:
        """What the search shows of a record beside its title and lets a visitor filter by: its
        kind (in the site's language), the years it covers and, for a meeting, its date."""
        registered = kind(kind_name)
        label = self.helpers.tr_text(registered.heading)  # the site's catalogue names the kinds it shows
        if label == registered.heading:
            label = registered.words("heading", self.language)
        out: dict[str, Any] = {"kind": label}
        start = end = None
        if kind_name == "meeting":
            meeting = self.r.meetings[record_id]
            start = end = meeting.date
            out["date"] = self.helpers.date(meeting.date)
        elif kind_name == "proposal":
            proposal = self.r.proposals[record_id]
            start = end = proposal.received
            out["date"] = self.helpers.date(proposal.received)
        elif kind_name in ("plan", "commitment"):
            plan_id = record_id if kind_name == "plan" else self.r.commitments[record_id].plan
            plan = self.r.plans.get(plan_id)
            if plan is not None:
                start, end = plan.start, plan.end
                out["date"] = f"{self.helpers.date(start)} – {self.helpers.date(end)}"
        if start and end:
            out["years"] = [str(y) for y in range(int(start[:4]), int(end[:4]) + 1)]
        return out

    def standards(self) -> Pages:
        """The OGP standards, computed from the records (cogov.standards): an overview and a page
        per plan with each requirement's status, the rule, what the records show and the evidence."""
        from cogov import standards

        found = standards.of_records(self.r)
        by_plan: dict[str, list[standards.Assessment]] = defaultdict(list)
        for a in found:
            by_plan[a.plan].append(a)
        plans = sorted((self.r.plans[p] for p in by_plan), key=lambda p: p.start, reverse=True)
        settings = standards.Settings.from_site(self.r.site.standards)
        overview = {
            "plans": plans,
            "by_plan": by_plan,
            "settings": settings,
            "source": standards.SOURCE,
            "requirements": standards.REQUIREMENTS,
        }
        yield self.page("standards.md.j2", paths.STANDARDS, lambda: overview, listing=True)
        for plan in plans:
            tr = self.helpers.tr_text
            trail = [(tr(SECTION_NAMES[paths.HOME]), paths.HOME), (tr(SECTION_NAMES[paths.STANDARDS]), paths.STANDARDS)]
            values = {
                **overview,
                "plan": plan,
                "assessments": by_plan[plan.id],
                "limit": EVIDENCE_LIMIT,
                "trail": trail,
            }
            yield self.page("standards_plan.md.j2", paths.standards_page(plan.id), partial(dict, values), listing=True)

    def search_page(self) -> Pages:
        """The search page: the theme's search-page.html does the work (site_theme/). The filters'
        values (the kinds and years of the records' pages) are written into the page, so that a
        visitor's browser loads the index's filter parts only when a filter is used."""

        def values() -> dict[str, Any]:
            kinds: set[str] = set()
            years: set[str] = set()
            for kind_name, record_id in self.r.sources:
                if kind(kind_name).page and kind_name != "site":
                    facets = self.facets(kind_name, record_id)
                    kinds.add(facets["kind"])
                    years.update(facets.get("years", ()))
            return {"filters": {"kind": sorted(kinds), "year": sorted(years, reverse=True)}}

        yield self.page("search.md.j2", paths.SEARCH, values, listing=True)

    def trail(self, kind_name: str, record_id: str) -> list[tuple[str, str]]:
        """The pages above a record's, as ``(name, page)``: the home page, its section's list and,
        for a commitment its plan, for a meeting its year."""
        tr = self.helpers.tr_text
        steps = [(tr(SECTION_NAMES[paths.HOME]), paths.HOME)]
        if kind_name in ("commitment", "proposal"):
            steps.append((tr(SECTION_NAMES[paths.INDEXES["plan"]]), paths.INDEXES["plan"]))
            plan = (self.r.commitments if kind_name == "commitment" else self.r.proposals)[record_id].plan
            if plan in self.r.plans:
                steps.append((self.helpers.label("plan", plan), paths.page_of("plan", plan)))
            return steps
        index = paths.INDEXES.get(kind_name)
        if index:
            steps.append(
                (
                    tr(SECTION_NAMES[index])
                    if index in SECTION_NAMES
                    else kind(kind_name).words("heading", self.language),
                    index,
                )
            )
        if kind_name == "meeting":
            year = self.r.meetings[record_id].date[:4]
            steps.append((year, paths.year_page(year)))
        return steps

    # --- page families -----------------------------------------------------------------------

    def home(self) -> Pages:
        yield self.page("home.md.j2", paths.HOME, self._home_values, listing=True)

    def _home_values(self) -> dict[str, Any]:
        r = self.r
        plans = sorted(r.plans.values(), key=lambda p: p.start)
        current = _current(plans)
        # A site that covers several OGP members shows each member's current plan instead of one.
        member_plans = [(m, _current([p for p in plans if p.member == m.id])) for m in r.site.members]
        if member_plans:
            current = None
        forum_id = current.forum if current and current.forum in r.bodies else None
        if forum_id is None:
            forum_id = next((b.id for b in r.bodies.values() if b.type == "multi-stakeholder-forum"), None)
        forum = r.bodies.get(forum_id or "")
        values: dict[str, Any] = {"plan": current, "forum": forum, "member_plans": member_plans}
        if current:
            values["figures"] = self.plan_figures(current)
        if forum:
            rows = self.seat_rows(forum)
            values.update(seat_rows=rows, seats_chart=self.seats_chart(rows))
        meetings = sorted(r.meetings.values(), key=lambda m: (m.date, m.id))
        values["next_meetings"] = [m for m in meetings if m.date >= r.as_of and m.status == "scheduled"][:3]
        values["latest_meetings"] = [m for m in reversed(meetings) if m.status == "held"][:3]
        open_actions = [a for a in r.all_actions() if a.status == "open"]
        values["open_actions"] = len(open_actions)
        values["overdue"] = sorted((a for a in open_actions if a.overdue(r.as_of)), key=lambda a: a.due or "")
        values["pages"] = sorted(r.pages.values(), key=lambda p: (p.order, p.id))
        return values

    def plans(self) -> Pages:
        r = self.r
        plans = sorted(r.plans.values(), key=lambda p: p.start, reverse=True)
        for plan in plans:
            yield self.record("plan", plan.id, partial(self._plan_values, plan))
        yield self.page(
            "plans_index.md.j2", paths.INDEXES["plan"], lambda: {"rows": self._plan_rows(plans)}, listing=True
        )
        for c in r.commitments.values():
            yield self.record("commitment", c.id, partial(self._commitment_values, c))
        for proposal in r.proposals.values():
            yield self.record("proposal", proposal.id, partial(dict, proposal=proposal))

    def _plan_values(self, plan: Plan) -> dict[str, Any]:
        commitments = [self.r.commitments[c] for c in self.r.commitments_of_plan.get(plan.id, [])]
        proposals = [self.r.proposals[p] for p in self.r.proposals_of_plan.get(plan.id, [])]
        counts = Counter(p.status for p in proposals)
        return {
            "plan": plan,
            "commitments": commitments,
            "figures": self.plan_figures(plan),
            "proposals": proposals,
            "proposal_counts": [(s, counts[s]) for s in PROPOSAL_STATUSES if counts[s]],
        }

    def _plan_rows(self, plans: list[Plan]) -> list[dict[str, Any]]:
        rows = []
        for plan in plans:
            figures = self.plan_figures(plan)
            count = len(self.r.commitments_of_plan.get(plan.id, []))
            rows.append({"plan": plan, "commitments": count, "done": figures["done"], "total": figures["total"]})
        return rows

    def _commitment_values(self, c: Commitment) -> dict[str, Any]:
        r = self.r
        return {
            "commitment": c,
            "decisions": sorted(r.decisions_on_commitment.get(c.id, []), key=lambda x: r.meetings[x[0]].date),
            "actions": sorted(r.actions_on_commitment.get(c.id, []), key=lambda a: r.meetings[a.meeting].date),
            "proposals": [r.proposals[p] for p in r.proposals_of_commitment.get(c.id, [])],
            "structured": jsonld.commitment(r, c),
        }

    def bodies(self) -> Pages:
        r = self.r
        bodies = sorted(r.bodies.values(), key=lambda b: b.name)
        for body in bodies:
            yield self.record("body", body.id, partial(self._body_values, body))
        yield self.page(
            "bodies_index.md.j2", paths.INDEXES["body"], lambda: {"rows": self._body_rows(bodies)}, listing=True
        )

    def _body_rows(self, bodies: list[Body]) -> list[dict[str, Any]]:
        r = self.r
        return [
            {
                "body": b,
                "members": sum(1 for m in r.current_members(b.id) if m.holds_seat),
                "held": sum(1 for m in r.meetings_of_body.get(b.id, []) if r.meetings[m].status == "held"),
            }
            for b in bodies
        ]

    def _body_values(self, body: Body) -> dict[str, Any]:
        r = self.r
        meetings = [r.meetings[m] for m in r.meetings_of_body.get(body.id, [])]
        held = [m for m in meetings if m.status == "held"]
        seat_rows = self.seat_rows(body) if body.seats else []
        chains = _tenures(body.members)
        # A membership that continues into a later one (a member who became chair) is shown inside
        # the later one's row, so "since" is the start of the whole tenure.
        continued = {m.index for chain in chains.values() for m in chain[:-1]}
        last_day = r.last_day(body.id)
        year_ago = add_years(last_day, -1)
        current = sorted((m for m in r.current_members(body.id) if m.index not in continued), key=_role_order)
        past = [m for m in r.past_members(body.id) if m.index not in continued]
        by_sector = Counter(r.membership_sector(m) or "other" for m in current if m.holds_seat)
        return {
            **self._attendance(meetings[-RECENT_MEETINGS:]),
            "body": body,
            "seat_rows": seat_rows,
            "seats_chart": self.seats_chart(seat_rows) if seat_rows else "",
            "open_rows": [(s, by_sector[s]) for s in SECTOR_ORDER if by_sector[s]] if body.open_membership else [],
            "current": [(m, chains[m.index]) for m in current],
            "past": [(m, chains[m.index]) for m in sorted(past, key=lambda m: (m.end or "", m.start), reverse=True)],
            "chairs": [m for m in reversed(held) if m.chairs],
            "meetings": list(reversed(meetings)),
            "recent": RECENT_MEETINGS,
            "last_day": last_day,
            "held_last_year": sum(1 for m in held if year_ago < m.date <= last_day),
            "team_of": [c for c in body.commitments if c in r.commitments],
            "named_seats": self._named_seats(body, chains, last_day),
            "structured": jsonld.body(r, body),
        }

    def _named_seats(self, body: Body, chains: dict[int, list[Membership]], day: str) -> list[dict[str, Any]]:
        """Each named seat on ``day``: its holder (since the start of their unbroken tenure) with the
        end of their term, its alternates beside them, or since when it has been vacant."""
        rows = []
        for seat in body.named_seats:
            on_seat = [m for m in body.members if m.seat == seat.id]
            holders = [m for m in on_seat if m.role != "alternate" and m.holds_seat]
            holder = next((m for m in holders if m.active_on(day)), None)
            alternates = [
                m
                for m in body.members
                if m.role == "alternate"
                and m.active_on(day)
                and (m.seat == seat.id or (holder is not None and m.alternate_for == holder.person))
            ]
            term_ends = None
            if holder is not None and seat.term_years:
                term_ends = term_end(holder.start, seat.term_years)
            ended = [m.end for m in holders if m.end and m.end < day]
            rows.append(
                {
                    "seat": seat,
                    "label": self.helpers.seat_label(body.id, seat.id),
                    "holder": holder,
                    "since": chains[holder.index][0].start if holder else None,
                    "term_ends": term_ends,
                    "alternates": alternates,
                    "vacant_since": max(ended) if holder is None and ended else None,
                }
            )
        return rows

    def _attendance(self, meetings: list[Meeting]) -> dict[str, Any]:
        """The attendance chart of the meetings held among ``meetings`` (oldest first): the same
        meetings whose rates the table beside it lists."""
        held = [m for m in meetings if m.status == "held" and m.attendance_rate is not None]
        if not held:
            return {"attendance_chart": ""}
        rates = [m.attendance_rate or 0.0 for m in held]
        tr, date = self.helpers.tr_text, self.helpers.date
        pct = partial(format_percent, language=self.language)
        description = tr(
            "Attendance rate of the {count} meetings held from {first} to {last}: {average} on average, "
            "{lowest} at the lowest, {highest} at the highest. The table below gives each meeting's.",
            count=len(held),
            first=date(held[0].date),
            last=date(held[-1].date),
            average=pct(sum(rates) / len(rates)),
            lowest=pct(min(rates)),
            highest=pct(max(rates)),
        )
        chart = charts.column_chart(
            [(f"{date(m.date)}: {m.title}", m.attendance_rate or 0.0) for m in held],
            description,
            ends=(date(held[0].date), date(held[-1].date)),
        )
        return {
            "attendance_chart": charts.figure(tr("Attendance rate at each meeting held, oldest on the left"), chart)
        }

    def meetings(self) -> Pages:
        r = self.r
        by_year: dict[str, list[Meeting]] = defaultdict(list)
        for m in sorted(r.meetings.values(), key=lambda m: (m.date, m.id), reverse=True):
            by_year[m.date[:4]].append(m)
            yield self.record("meeting", m.id, partial(self._meeting_values, m))
        bodies = sorted(r.bodies.values(), key=lambda b: b.name)
        years = list(by_year.items())

        def index_values() -> dict[str, Any]:
            upcoming = sorted(
                (m for m in r.meetings.values() if m.date >= r.as_of and m.status in ("scheduled", "postponed")),
                key=lambda m: (m.date, m.id),
            )
            return {"by_year": years, "bodies": bodies, "upcoming": upcoming}

        yield self.page("meetings_index.md.j2", paths.INDEXES["meeting"], index_values, listing=True)
        # One page per year keeps the lists short however long the archive grows.
        for i, (year, items) in enumerate(years):
            values = {
                "trail": self.trail("meeting", items[0].id)[:-1],
                "year": year,
                "next": years[i - 1][0] if i > 0 else None,
                "previous": years[i + 1][0] if i + 1 < len(years) else None,
            }
            yield from self.listing(
                "meetings_year.md.j2",
                paths.year_page(year),
                items,
                size=lambda m: 420 + 2 * len(m.title),
                label=lambda m: self.helpers.date(m.date),
                values=partial(lambda v, chunk: {**v, "items": chunk}, values),
            )
        actions = self._actions_values()
        yield from self.listing(
            "actions.md.j2",
            paths.ACTIONS,
            actions["open"],
            size=lambda a: 600 + 2 * len(a.text) + 150 * len(a.commitments),
            label=lambda a: self.helpers.date(a.due) if a.due else self.helpers.tr_text("no date"),
            values=lambda chunk: {**actions, "page_open": chunk},
        )

    def _meeting_values(self, m: Meeting) -> dict[str, Any]:
        present = Counter(a.status for a in m.attendance if a.on_behalf_of is None)
        stand_ins = sum(1 for a in m.attendance if a.on_behalf_of)
        tr, h = self.helpers.tr_text, self.helpers
        counts = {
            "present": lambda n: h.tr_plural("{count} present", "{count} present", n),
            "remote": lambda n: h.tr_plural("{count} online", "{count} online", n),
            "absent": lambda n: h.tr_plural("{count} absent", "{count} absent", n),
            "excused": lambda n: h.tr_plural("{count} excused", "{count} excused", n),
        }
        parts = [counts[s](present[s]) for s in present]
        if stand_ins:
            parts.append(h.tr_plural("{count} standing in", "{count} standing in", stand_ins))
        summary = list_separator(self.language).join(parts)
        if m.attendance_rate is not None:
            summary += ". " + tr("Attendance rate: {rate}%.", rate=round(m.attendance_rate * 100))
        notice = (dt.date.fromisoformat(m.date) - dt.date.fromisoformat(m.announced)).days if m.announced else 0
        participants = [(s, m.participants[s]) for s in SECTOR_ORDER if m.participants.get(s)]
        return {
            "meeting": m,
            "summary": summary,
            "notice_days": notice,
            "participants": participants,
            "participants_total": sum(count for _, count in participants),
            "proposals": [self.r.proposals[p] for p in self.r.proposals_of_meeting.get(m.id, [])],
            "structured": jsonld.meeting(self.r, m),
        }

    def _actions_values(self) -> dict[str, Any]:
        r = self.r
        actions = r.all_actions()
        open_actions = sorted(
            (a for a in actions if a.status == "open"),
            key=lambda a: (not a.overdue(r.as_of), a.due or "9999", a.meeting),
        )
        done = sorted((a for a in actions if a.status != "open"), key=lambda a: r.meetings[a.meeting].date)
        return {
            "open": open_actions,
            "overdue_count": sum(1 for a in open_actions if a.overdue(r.as_of)),
            "done": list(reversed(done))[:20],
        }

    def directory(self) -> Pages:
        r = self.r
        people = sorted(r.people.values(), key=lambda p: (p.withdrawn, p.name.casefold()))
        for p in people:
            yield self.record("person", p.id, partial(self._person_values, p))
        rows = self._people_rows(people)
        yield from self.listing(
            "people_index.md.j2",
            paths.INDEXES["person"],
            rows,
            size=lambda row: 160 + 120 * len(row["current"]),
            label=lambda row: self.helpers.person_label(row["person"].id),
            values=lambda chunk: {"rows": chunk},
        )
        organizations = sorted(r.organizations.values(), key=lambda o: o.name.casefold())
        for o in organizations:
            yield self.record("organization", o.id, partial(self._org_values, o))

        def by_sector(chunk: list[Organization]) -> dict[str, Any]:
            groups: dict[str, list[Organization]] = defaultdict(list)
            for o in chunk:
                groups[o.sector].append(o)
            return {"by_sector": [(s, groups[s]) for s in SECTOR_ORDER if s in groups]}

        # Grouped by sector, in the sectors' order, and split into pages like the other lists.
        order = {s: i for i, s in enumerate(SECTOR_ORDER)}
        grouped = sorted(organizations, key=lambda o: (order.get(o.sector, len(order)), o.name.casefold()))
        yield from self.listing(
            "organizations_index.md.j2",
            paths.INDEXES["organization"],
            grouped,
            size=lambda o: 140 + len(o.name) * 2,
            label=lambda o: o.name,
            values=by_sector,
        )

    def _people_rows(self, people: list[Person]) -> list[dict[str, Any]]:
        r = self.r
        return [
            {"person": p, "current": [m for m in r.memberships_of_person.get(p.id, []) if m.active_on(r.as_of)]}
            for p in people
        ]

    def _person_values(self, p: Person) -> dict[str, Any]:
        r = self.r
        attended, listed = r.person_attendance_rate(p.id)
        return {
            "person": p,
            "memberships": sorted(r.memberships_of_person.get(p.id, []), key=lambda m: m.start, reverse=True),
            # The latest only, as on a body's page, so that a long-serving member's page stays small.
            "meetings": sorted(r.attendance_of_person.get(p.id, []), key=lambda x: r.meetings[x[0]].date, reverse=True),
            "recent": RECENT_MEETINGS,
            "attended": attended,
            "listed": listed,
            "actions": sorted(r.actions_of_owner.get(p.id, []), key=lambda a: a.due or "", reverse=True),
        }

    def _org_values(self, o: Organization) -> dict[str, Any]:
        r = self.r
        return {
            "organization": o,
            "memberships": sorted(r.memberships_for_org.get(o.id, []), key=lambda m: m.start, reverse=True),
            "people": [pid for pid in r.people_of_org.get(o.id, []) if not r.people[pid].withdrawn],
            "led": r.commitments_led.get(o.id, []),
            "supported": r.commitments_supported.get(o.id, []),
            "actions": sorted(r.actions_of_owner.get(o.id, []), key=lambda a: a.due or "", reverse=True),
        }

    def data_page(self) -> Pages:
        from cogov.opendata.tables import TABLES

        bodies = sorted(self.r.bodies.values(), key=lambda b: b.name)
        # The tables of sections this site publishes (translations only on a site in several languages).
        tables = [t for t in TABLES if t.section is None or (t.section == "translations" and self.r.translations)]
        values = {"tables": tables, "bodies": bodies, "schemas": [*NAMES, "common"]}
        yield self.page("data.md.j2", paths.DATA, lambda: values, listing=True)

    def statement(self) -> Pages:
        """The accessibility statement, linked from every page's footer."""
        from cogov import __version__

        site = self.r.site
        values = {
            "publisher": site.publisher_name or site.title,
            "statement": site.accessibility,
            "version": __version__,
        }
        yield self.page("accessibility.md.j2", paths.ACCESSIBILITY, lambda: values, listing=True)

    def other_kinds(self) -> Pages:
        """The pages of kinds registered with a model class alone (kinds.Kind.model)."""
        for registered in KINDS:
            if registered.model is not None and registered.template:
                for record_id, record in sorted(self.r.other.get(registered.name, {}).items()):
                    yield self.record(registered.name, record_id, partial(dict, **{registered.name: record}))

    def free_pages(self) -> Pages:
        for page in self.r.pages.values():
            # Always a title of our own: a builder would take the first heading, and the theme
            # prints a page's title without escaping it.
            yield self.record("page", page.id, partial(dict, page=page, title=self.page_title(page)))

    def page_title(self, page: Any) -> str:
        """A free page's title in this edition: its front matter's, written in the site's first
        language, unless the page's text is a translation, whose first heading names it; a title
        in another language than the page's is marked as such (Fallback)."""
        site = self.r.site
        first = site.first_language
        shown_in = getattr(page.text, "lang", None) or site.language
        if page.title and shown_in != first:
            return first_heading(page.text) or Fallback(page.title, first)
        title = page.title or first_heading(page.text) or page.id
        return Fallback(title, shown_in) if shown_in != site.language else title


def _current(plans: list[Plan]) -> Plan | None:
    """The plan being implemented (the latest, if several), else the latest (``plans`` by start)."""
    return next((p for p in reversed(plans) if p.status == "implementation"), plans[-1] if plans else None)


# The schema's order of roles (body.json); a test keeps them the same.
ROLE_ORDER = ("chair", "co-chair", "vice-chair", "member", "alternate", "observer", "secretariat")


def _role_order(m: Any) -> tuple[int, str]:
    return (ROLE_ORDER.index(m.role), m.start)


def _tenures(members: tuple[Membership, ...]) -> dict[int, list[Membership]]:
    """For each membership (by its index), the unbroken run of the same person's memberships of the
    body that ends with it: a membership that starts the day after another ended continues it."""
    by_person: dict[str, list[Membership]] = defaultdict(list)
    for m in members:
        by_person[m.person].append(m)
    chains: dict[int, list[Membership]] = {}
    for runs in by_person.values():
        chain: list[Membership] = []
        for m in sorted(runs, key=lambda m: m.start):
            previous = chain[-1] if chain else None
            if previous is None or previous.end is None or next_day(previous.end) < m.start:
                chain = []
            chain = [*chain, m]
            chains[m.index] = chain
    return chains


def _tidy(text: str) -> str:
    """Collapse runs of blank lines left by template conditionals, and make sure headings and
    tables start a new block (outside code fences); end with one newline."""
    lines: list[str] = []
    fence = ""
    for line in text.splitlines():
        line = line.rstrip()
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = "" if fence and stripped.startswith(fence) else (fence or stripped[:3])
        elif not fence and lines and lines[-1]:
            starts_block = line.startswith("#") or (line.startswith("|") and not lines[-1].startswith("|"))
            if starts_block:
                lines.append("")
        if not line and lines and not lines[-1] and not fence:
            continue
        lines.append(line)
    return "\n".join(lines).strip() + "\n"


def render_site(
    records: Records,
    only: set[str] | None = None,
    touched: dict[str, set[tuple[str, str]]] | None = None,
    listings: bool = True,
) -> dict[str, str]:
    """The generated pages, keyed by their path in the docs folder: all of them, or those in
    ``only`` (and every listing page unless ``listings`` is false). ``touched``, when given,
    receives the records each rendered page showed."""
    renderer = SiteRenderer(records, only, listings)
    out: dict[str, str] = {}
    for family in (
        renderer.home,
        renderer.plans,
        renderer.bodies,
        renderer.meetings,
        renderer.directory,
        renderer.free_pages,
        renderer.other_kinds,
        renderer.data_page,
        renderer.statement,
        renderer.search_page,
        renderer.standards,
    ):
        out.update((path, text) for path, text in family() if text is not None)
    site = records.site
    if site.language != site.first_language:
        out = {path: with_untranslated_notice(text, site.language, site.first_language) for path, text in out.items()}
    if touched is not None:
        touched.update(renderer.touched)
    return dict(sorted(out.items()))


UNTRANSLATED = page_text("Parts of this page are not translated into {language} yet: they are shown in {default}.")
_H1 = re.compile(r"^# .*\n", re.MULTILINE)


def with_untranslated_notice(text: str, language: str, default: str) -> str:
    """A page that shows text in the default language for want of a translation (marked with its
    ``lang`` by the templates) says so under its title."""
    if f'lang="{default}"' not in text:
        return text
    words = (
        translations(language)
        .gettext(UNTRANSLATED)
        .format(
            language=language_name(language, language, capital=False),
            default=language_name(default, language, capital=False),
        )
    )
    notice = f'\n<p class="cogov-untranslated" data-pagefind-ignore>{html.escape(words)}</p>\n'
    heading = _H1.search(text)
    at = heading.end() if heading else len(text)
    return text[:at] + notice + text[at:]
