"""Typed, frozen records with resolved references, backlinks and derived figures.

Built only from records that passed validation, so fields have the types the schemas promise.
Everything here is pure: no file access, no clock (``as_of`` is passed in).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cogov.records import Document


def withheld_id(person_id: str) -> str:
    """A stable public ID for a person whose name is withheld (their ID usually spells it)."""
    return "withheld-" + hashlib.sha256(person_id.encode("utf-8")).hexdigest()[:12]


SEAT_ROLES = frozenset({"chair", "co-chair", "member"})
ATTENDED = frozenset({"present", "remote"})


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    date: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class SiteInfo:
    title: str
    country: str | None
    member_type: str | None
    member_name: str | None
    language: str
    timezone: str
    description: str
    contact_email: str | None
    contact_url: str | None
    data_license: str | None
    repository: str | None
    branch: str
    fictional: bool
    url: str | None = None
    search_minutes: bool = True
    allowed_contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organization:
    id: str
    path: str
    name: str
    sector: str
    abbreviation: str | None
    parent: str | None
    url: str | None
    description: str


@dataclass(frozen=True)
class Person:
    id: str
    path: str
    name: str
    organization: str | None
    position: str | None
    bio: str
    withdrawn: bool


@dataclass(frozen=True)
class Membership:
    body: str
    index: int
    person: str
    organization: str | None  # on whose behalf (resolved: the membership's or the person's)
    role: str
    start: str
    end: str | None
    alternate_for: str | None
    note: str | None

    def active_on(self, day: str) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def holds_seat(self) -> bool:
        return self.role in SEAT_ROLES


@dataclass(frozen=True)
class Body:
    id: str
    path: str
    name: str
    type: str
    parent: str | None
    established: str | None
    dissolved: str | None
    mandate: str
    rules_url: str | None
    seats: dict[str, int]
    chair: str | None
    meeting_target_per_year: int | None
    selection: str
    members: tuple[Membership, ...]


@dataclass(frozen=True)
class Evidence:
    title: str
    url: str


@dataclass(frozen=True)
class Milestone:
    title: str
    start: str | None
    end: str
    status: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Update:
    date: str
    status: str
    summary: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Commitment:
    id: str
    path: str
    plan: str
    title: str
    ogp_id: str | None
    lead: str
    supporting: tuple[str, ...]
    values: tuple[str, ...]
    themes: tuple[str, ...]
    start: str | None
    end: str | None
    status: str | None
    milestones: tuple[Milestone, ...]
    updates: tuple[Update, ...]  # newest first
    irm: dict[str, str]
    description: str

    @property
    def milestones_done(self) -> int:
        return sum(1 for m in self.milestones if m.status == "completed")


@dataclass(frozen=True)
class Plan:
    id: str
    path: str
    title: str
    number: int | None
    start: str
    end: str
    status: str
    forum: str | None
    submitted: str | None
    summary: str
    documents: tuple[Link, ...]


@dataclass(frozen=True)
class Attendance:
    person: str
    status: str
    on_behalf_of: str | None


@dataclass(frozen=True)
class Decision:
    text: str
    commitments: tuple[str, ...]
    vote: dict[str, int] | None


@dataclass(frozen=True)
class Action:
    meeting: str
    index: int
    text: str
    owner: str | None
    due: str | None
    status: str
    commitments: tuple[str, ...]

    def overdue(self, as_of: str) -> bool:
        return self.status == "open" and self.due is not None and self.due < as_of


@dataclass(frozen=True)
class Guest:
    name: str
    organization: str | None


@dataclass(frozen=True)
class Meeting:
    id: str
    path: str
    body: str
    title: str
    date: str
    start_time: str | None
    end_time: str | None
    timezone: str
    kind: str
    status: str
    location: str | None
    online_url: str | None
    chair: str | None
    attendance: tuple[Attendance, ...]
    guests: tuple[Guest, ...]
    agenda: tuple[str, ...]
    decisions: tuple[Decision, ...]
    actions: tuple[Action, ...]
    documents: tuple[Link, ...]
    minutes_status: str | None
    approved_in: str | None
    minutes: str

    @property
    def attendance_rate(self) -> float | None:
        """Share of the members listed who attended in person, online or through a stand-in."""
        members = [a for a in self.attendance if a.on_behalf_of is None]
        if not members:
            return None
        represented = {a.on_behalf_of for a in self.attendance if a.on_behalf_of and a.status in ATTENDED}
        attended = sum(1 for a in members if a.status in ATTENDED or a.person in represented)
        return attended / len(members)


@dataclass(frozen=True)
class Page:
    id: str
    path: str
    title: str | None
    description: str | None
    order: int
    text: str


@dataclass
class Records:
    """All records, with lookups and backlinks. Build with :func:`build_records`."""

    site: SiteInfo
    as_of: str
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    commitments: dict[str, Commitment] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    # backlinks
    memberships_of_person: dict[str, list[Membership]] = field(default_factory=lambda: defaultdict(list))
    memberships_for_org: dict[str, list[Membership]] = field(default_factory=lambda: defaultdict(list))
    people_of_org: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    commitments_of_plan: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    commitments_led: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    commitments_supported: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    meetings_of_body: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    attendance_of_person: dict[str, list[tuple[str, Attendance]]] = field(default_factory=lambda: defaultdict(list))
    actions_of_owner: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    decisions_on_commitment: dict[str, list[tuple[str, Decision]]] = field(default_factory=lambda: defaultdict(list))
    actions_on_commitment: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    sources: dict[tuple[str, str], str] = field(default_factory=dict)

    # --- lookups used by pages ---------------------------------------------------------------

    def public_person_id(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return withheld_id(person_id) if person and person.withdrawn else person_id

    def person_name(self, person_id: str, withheld: str) -> str:
        """The name to publish: ``withheld`` (the translated label) when the person withdrew."""
        person = self.people.get(person_id)
        if person is None:
            return person_id
        return withheld if person.withdrawn else person.name

    def current_members(self, body_id: str) -> list[Membership]:
        return [m for m in self.bodies[body_id].members if m.active_on(self.as_of)]

    def past_members(self, body_id: str) -> list[Membership]:
        return [m for m in self.bodies[body_id].members if m.end is not None and m.end < self.as_of]

    def seat_organization(self, body_id: str, person_id: str, day: str) -> str | None:
        """The organization a person sat for in a body on a day (their own if not a member then)."""
        body = self.bodies.get(body_id)
        for m in body.members if body else ():
            if m.person == person_id and m.active_on(day):
                return m.organization
        person = self.people.get(person_id)
        return person.organization if person and not person.withdrawn else None

    def sector_of(self, org_id: str | None) -> str | None:
        org = self.organizations.get(org_id or "")
        return org.sector if org else None

    def seats_taken(self, body_id: str) -> dict[str, int]:
        taken: dict[str, int] = defaultdict(int)
        for m in self.current_members(body_id):
            sector = self.sector_of(m.organization)
            if m.holds_seat and sector:
                taken[sector] += 1
        return dict(taken)

    def all_actions(self) -> list[Action]:
        return [a for m in self.meetings.values() for a in m.actions]

    def held_meetings(self) -> list[Meeting]:
        return sorted((m for m in self.meetings.values() if m.status == "held"), key=lambda m: (m.date, m.id))

    def person_attendance_rate(self, person_id: str) -> tuple[int, int]:
        """(meetings attended, held meetings where the person was listed as a member)."""
        rows = [a for _, a in self.attendance_of_person.get(person_id, []) if a.on_behalf_of is None]
        return sum(1 for a in rows if a.status in ATTENDED), len(rows)


def _s(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _links(items: Iterable[dict[str, Any]] | None) -> tuple[Link, ...]:
    return tuple(Link(i["title"], i["url"], _s(i.get("date")), _s(i.get("type"))) for i in items or [])


def _evidence(items: Iterable[dict[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(Evidence(i["title"], i["url"]) for i in items or [])


def _site(doc: Document | None) -> SiteInfo:
    d: dict[str, Any] = doc.data if doc else {"title": "Co-governance records"}
    contact = d.get("contact") or {}
    return SiteInfo(
        title=d["title"],
        country=_s(d.get("country")),
        member_type=_s(d.get("member_type")),
        member_name=_s(d.get("member_name")),
        language=d.get("language", "en"),
        timezone=d.get("timezone", "UTC"),
        description=d.get("description", ""),
        contact_email=_s(contact.get("email")),
        contact_url=_s(contact.get("url")),
        data_license=_s(d.get("data_license")),
        repository=_s(d.get("repository")),
        branch=d.get("branch", "main"),
        fictional=bool(d.get("fictional", False)),
        allowed_contacts=tuple(d.get("allowed_contacts") or ()),
        url=_s(d.get("url")),
        search_minutes=d.get("search_minutes", True) is not False,
    )


def build_records(documents: Iterable[Document], as_of: str) -> Records:
    """Typed records from validated documents (call only when validation found no errors)."""
    docs = list(documents)
    site_doc = next((d for d in docs if d.kind == "site"), None)
    r = Records(site=_site(site_doc), as_of=as_of)
    by_kind: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_kind[doc.kind].append(doc)
        r.sources[(doc.kind, doc.id)] = doc.path
    for doc in by_kind["organization"]:
        d = doc.data
        r.organizations[doc.id] = Organization(
            doc.id,
            doc.path,
            d["name"],
            d["sector"],
            _s(d.get("abbreviation")),
            _s(d.get("parent")),
            _s(d.get("url")),
            d.get("description", ""),
        )
    for doc in by_kind["person"]:
        d = doc.data
        r.people[doc.id] = Person(
            doc.id,
            doc.path,
            d["name"],
            _s(d.get("organization")),
            _s(d.get("position")),
            d.get("bio", ""),
            bool(d.get("withdrawn", False)),
        )
        if d.get("organization"):
            r.people_of_org[d["organization"]].append(doc.id)
    for doc in by_kind["body"]:
        d = doc.data
        members = []
        for i, m in enumerate(d.get("members") or []):
            person = r.people.get(m["person"])
            org = m.get("organization") or (person.organization if person else None)
            membership = Membership(
                doc.id,
                i,
                m["person"],
                org,
                m["role"],
                m["start"],
                _s(m.get("end")),
                _s(m.get("alternate_for")),
                _s(m.get("note")),
            )
            members.append(membership)
            r.memberships_of_person[m["person"]].append(membership)
            if org:
                r.memberships_for_org[org].append(membership)
        r.bodies[doc.id] = Body(
            doc.id,
            doc.path,
            d["name"],
            d["type"],
            _s(d.get("parent")),
            _s(d.get("established")),
            _s(d.get("dissolved")),
            d.get("mandate", ""),
            _s(d.get("rules_url")),
            dict(d.get("seats") or {}),
            _s(d.get("chair")),
            d.get("meeting_target_per_year"),
            d.get("selection", ""),
            tuple(members),
        )
    for doc in by_kind["plan"]:
        d = doc.data
        r.plans[doc.id] = Plan(
            doc.id,
            doc.path,
            d["title"],
            d.get("number"),
            d["start"],
            d["end"],
            d["status"],
            _s(d.get("forum")),
            _s(d.get("submitted")),
            d.get("summary", ""),
            _links(d.get("documents")),
        )
    for doc in sorted(by_kind["commitment"], key=lambda c: (c.parent, c.data.get("ogp_id") or "", c.id)):
        d = doc.data
        updates = sorted(
            (
                Update(u["date"], u["status"], u["summary"], _evidence(u.get("evidence")))
                for u in d.get("updates") or []
            ),
            key=lambda u: u.date,
            reverse=True,
        )
        milestones = tuple(
            Milestone(m["title"], _s(m.get("start")), m["end"], m["status"], _evidence(m.get("evidence")))
            for m in d.get("milestones") or []
        )
        r.commitments[doc.id] = Commitment(
            doc.id,
            doc.path,
            doc.parent,
            d["title"],
            _s(d.get("ogp_id")),
            d["lead"],
            tuple(d.get("supporting") or ()),
            tuple(d.get("values") or ()),
            tuple(d.get("themes") or ()),
            _s(d.get("start")),
            _s(d.get("end")),
            _s(d.get("status")),
            milestones,
            tuple(updates),
            dict(d.get("irm") or {}),
            doc.body,
        )
        r.commitments_of_plan[doc.parent].append(doc.id)
        r.commitments_led[d["lead"]].append(doc.id)
        for org in d.get("supporting") or ():
            r.commitments_supported[org].append(doc.id)
    for doc in sorted(by_kind["meeting"], key=lambda m: (m.data["date"], m.id)):
        d = doc.data
        actions = tuple(
            Action(
                doc.id,
                i,
                a["text"],
                _s(a.get("owner")),
                _s(a.get("due")),
                a.get("status", "open"),
                tuple(a.get("commitments") or ()),
            )
            for i, a in enumerate(d.get("actions") or [])
        )
        decisions = tuple(
            Decision(x["text"], tuple(x.get("commitments") or ()), x.get("vote")) for x in d.get("decisions") or []
        )
        attendance = tuple(
            Attendance(a["person"], a["status"], _s(a.get("on_behalf_of"))) for a in d.get("attendance") or []
        )
        meeting = Meeting(
            doc.id,
            doc.path,
            doc.parent,
            d["title"],
            d["date"],
            _s(d.get("start_time")),
            _s(d.get("end_time")),
            d.get("timezone") or r.site.timezone,
            d.get("kind", "ordinary"),
            d.get("status", "held"),
            _s(d.get("location")),
            _s(d.get("online_url")),
            _s(d.get("chair")),
            attendance,
            tuple(Guest(g["name"], _s(g.get("organization"))) for g in d.get("guests") or []),
            tuple(d.get("agenda") or ()),
            decisions,
            actions,
            _links(d.get("documents")),
            _s(d.get("minutes")),
            _s(d.get("approved_in")),
            doc.body,
        )
        r.meetings[doc.id] = meeting
        r.meetings_of_body[doc.parent].append(doc.id)
        if meeting.status == "held":
            for a in attendance:
                r.attendance_of_person[a.person].append((doc.id, a))
        for action in actions:
            if action.owner:
                r.actions_of_owner[action.owner].append(action)
            for c in action.commitments:
                r.actions_on_commitment[c].append(action)
        for decision in decisions:
            for c in decision.commitments:
                r.decisions_on_commitment[c].append((doc.id, decision))
    for doc in by_kind["page"]:
        d = doc.data
        r.pages[doc.id] = Page(
            doc.id, doc.path, _s(d.get("title")), _s(d.get("description")), d.get("order", 100), doc.body
        )
    return r
