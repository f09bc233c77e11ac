"""Typed, frozen records with resolved references, backlinks and derived figures.

Built only from records that passed validation, so fields have the types the schemas promise.
Everything here is pure: no file access, no clock (``as_of`` is passed in).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

WITHHELD_PREFIX = "withheld-"  # reserved: no record ID may start with it


def withheld_id(person_id: str, key: bytes) -> str:
    """A stable public ID for a person whose name is withheld (their ID usually spells it).

    A keyed hash: without the project's secret key nobody can compute it from a guessed ID. With
    an empty key (no secret configured) it is stable but can be computed; the build says so."""
    return WITHHELD_PREFIX + hmac.new(key, person_id.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


SEAT_ROLES = frozenset({"chair", "co-chair", "vice-chair", "member"})


def active_on(start: str, end: str | None, day: str) -> bool:
    """Whether something that runs from ``start`` to ``end`` (inclusive; None: still running)
    is in force on ``day``: memberships here, and in the rules that check raw records."""
    return start <= day and (end is None or day <= end)


def next_day(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def add_years(day: str, years: int) -> str:
    """The same day ``years`` later or earlier (29 February: the 28th in a year without one)."""
    date = dt.date.fromisoformat(day)
    try:
        return date.replace(year=date.year + years).isoformat()
    except ValueError:
        return date.replace(year=date.year + years, day=28).isoformat()


def term_end(start: str, years: int) -> str:
    """The last day of a term of ``years`` that began on ``start``."""
    return day_before(add_years(start, years))


def holds_seat(role: str) -> bool:
    """Chairs, co-chairs, vice-chairs and members hold a seat; alternates, observers and the
    secretariat do not."""
    return role in SEAT_ROLES


ATTENDED = frozenset({"present", "remote"})


@dataclass(frozen=True, kw_only=True)
class Link:
    title: str
    url: str
    date: str | None = None
    type: str | None = None


@dataclass(frozen=True, kw_only=True)
class SiteMember:
    id: str
    name: str
    country: str | None
    member_type: str


@dataclass(frozen=True, kw_only=True)
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
    publisher_name: str | None = None
    publisher_url: str | None = None
    publisher_logo: str | None = None  # a path inside content/
    accessibility: dict[str, str] = field(default_factory=dict)  # the publisher's statement fields
    members: tuple[SiteMember, ...] = ()  # the OGP members a site covers, when it covers several
    standards: dict[str, int] = field(default_factory=dict)  # thresholds of the OGP standards (cogov.standards)
    editor: dict[str, str] | None = None  # the form editor's settings (cogov.editor), None for no editor
    # Every language the site is published in, the default (``language``) first; () for one.
    languages: tuple[str, ...] = ()
    prefix_all_languages: bool = False  # the default language under /<lang>/ too (cogov.translations)
    root_url: str | None = None  # the site's address, whichever language this edition is in

    @property
    def first_language(self) -> str:
        """The language the records are written in first: the site's own, which the other
        languages' editions show where a text has no translation (``language`` on its edition)."""
        return self.languages[0] if self.languages else self.language

    def prefix(self, language: str) -> str:
        """Where a language's pages are, from the site's root: "" or "fr/"."""
        if not self.languages or (language == self.first_language and not self.prefix_all_languages):
            return ""
        return f"{language}/"

    def path_to(self, language: str) -> str:
        """The way from this edition's root to another language's: "fr/", "../", "../fr/"."""
        return "../" * self.prefix(self.language).count("/") + self.prefix(language)

    def urn(self, key: str) -> str:
        """A stable absolute identifier for something this project publishes, for when the site has
        no address: a name-based UUID (RFC 4122) in the project's own namespace."""
        identity = self.repository or f"cogov:{self.country or ''}:{self.member_name or self.title}"
        return uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, identity), key).urn


@dataclass(frozen=True, kw_only=True)
class Organization:
    id: str
    path: str
    name: str
    sector: str
    abbreviation: str | None
    parent: str | None
    url: str | None
    description: str
    former_names: tuple[FormerName, ...] = ()


@dataclass(frozen=True, kw_only=True)
class FormerName:
    name: str
    start: str | None
    end: str


@dataclass(frozen=True, kw_only=True)
class Person:
    id: str
    path: str
    name: str
    organization: str | None
    position: str | None
    bio: str
    withdrawn: bool


@dataclass(frozen=True, kw_only=True)
class Membership:
    body: str
    index: int
    person: str
    # On whose behalf: the membership's organization or else the person's; None in a personal capacity.
    organization: str | None
    role: str
    start: str
    end: str | None
    alternate_for: str | None
    note: str | None
    title: str | None = None  # shown with the role ("Lead civil-society co-chair")
    personal: bool = False  # sits in a personal capacity, for no organization
    sector: str | None = None  # the seat's sector when given in the record (else the organization's)
    seat: str | None = None  # a named seat: the one held, or for an alternate the one whose holder they stand in for

    def active_on(self, day: str) -> bool:
        return active_on(self.start, self.end, day)

    @property
    def holds_seat(self) -> bool:
        return holds_seat(self.role)


@dataclass(frozen=True, kw_only=True)
class Seat:
    """A named seat of a body (``seats`` given as a list)."""

    id: str
    name: str | None
    sector: str
    organization: str | None
    term_years: int | None


@dataclass(frozen=True, kw_only=True)
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
    open_membership: bool = False  # `seats: open`: no fixed seats
    named_seats: tuple[Seat, ...] = ()  # `seats` as a list (then ``seats`` holds their count per sector)
    commitments: tuple[str, ...] = ()  # the commitments it is responsible for (a commitment team)


@dataclass(frozen=True, kw_only=True)
class Evidence:
    title: str
    url: str


@dataclass(frozen=True, kw_only=True)
class Milestone:
    title: str
    start: str | None
    end: str
    status: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, kw_only=True)
class Update:
    date: str
    status: str
    summary: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
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
    member: str | None = None  # on a site that covers several OGP members: whose plan it is


@dataclass(frozen=True, kw_only=True)
class Attendance:
    person: str
    status: str
    on_behalf_of: str | None


@dataclass(frozen=True, kw_only=True)
class Decision:
    text: str
    commitments: tuple[str, ...]
    vote: dict[str, int] | None


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
class Guest:
    name: str
    organization: str | None


@dataclass(frozen=True, kw_only=True)
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
    chairs: tuple[str, ...]  # who chaired it: one person, or several for a co-chaired session
    attendance: tuple[Attendance, ...]
    guests: tuple[Guest, ...]
    agenda: tuple[str, ...]
    decisions: tuple[Decision, ...]
    actions: tuple[Action, ...]
    documents: tuple[Link, ...]
    minutes_status: str | None
    approved_in: str | None
    minutes: str
    announced: str | None = None  # the notice date
    audience: str | None = None  # members, invited or public
    channel: str | None = None  # in-person, online, hybrid or written
    participants: dict[str, int] = field(default_factory=dict)  # by sector, when people are not named

    @property
    def attendance_rate(self) -> float | None:
        """Share of the members listed who attended in person, online or through a stand-in."""
        members = [a for a in self.attendance if a.on_behalf_of is None]
        if not members:
            return None
        represented = {a.on_behalf_of for a in self.attendance if a.on_behalf_of and a.status in ATTENDED}
        attended = sum(1 for a in members if a.status in ATTENDED or a.person in represented)
        return attended / len(members)


# The responses to a proposal that took it into the plan, and those that need their reasons given.
PROPOSAL_TAKEN_UP = ("adopted", "merged", "partly-adopted")
PROPOSAL_REASONED = ("merged", "partly-adopted", "not-adopted")
PROPOSAL_STATUSES = ("adopted", "merged", "partly-adopted", "not-adopted", "pending")


@dataclass(frozen=True, kw_only=True)
class Proposal:
    """A proposal received for a plan and the response to it (a reasoned response)."""

    id: str
    path: str
    plan: str
    title: str
    received: str
    channel: str | None
    meeting: str | None
    organization: str | None  # who proposed it: an organization,
    person: str | None  # a person,
    public: bool  # or a member of the public,
    public_sector: str | None
    public_description: str | None  # described without personal data
    text: str
    status: str
    commitments: tuple[str, ...]
    response: str
    response_date: str | None
    response_document: str | None


@dataclass(frozen=True, kw_only=True)
class Page:
    id: str
    path: str
    title: str | None
    description: str | None
    order: int
    text: str


@dataclass(frozen=True)
class TranslatedText:
    """One text of a record in one language, on a site in several (the open data's translations)."""

    kind: str
    id: str
    field: str  # decisions[0].text; "text" for a Markdown record's text
    language: str
    text: str


@dataclass
class Records:
    """All records, with lookups and backlinks. Build with :func:`build_records`."""

    site: SiteInfo
    as_of: str
    withheld_key: bytes = b""
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    commitments: dict[str, Commitment] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    proposals: dict[str, Proposal] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    translations: tuple[TranslatedText, ...] = ()  # every language's texts, on a site in several
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
    teams_of_commitment: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # body IDs
    proposals_of_plan: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    proposals_of_commitment: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    proposals_of_meeting: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    # Records of kinds registered with a model class alone (see kinds.Kind.model), by kind and ID.
    other: dict[str, dict[str, Any]] = field(default_factory=lambda: defaultdict(dict))
    # Figures computed from all the records and used by several outputs, computed once (the OGP
    # standards: cogov.standards.of_records).
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # --- lookups used by pages ---------------------------------------------------------------

    def public_person_id(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return withheld_id(person_id, self.withheld_key) if person and person.withdrawn else person_id

    def person_name(self, person_id: str, withheld: str) -> str:
        """The name to publish: ``withheld`` (the translated label) when the person withdrew."""
        person = self.people.get(person_id)
        if person is None:
            return person_id
        return withheld if person.withdrawn else person.name

    def last_day(self, body_id: str) -> str:
        """The day a body's membership is read on: today, or the day it was dissolved."""
        dissolved = self.bodies[body_id].dissolved
        return min(self.as_of, dissolved) if dissolved else self.as_of

    def current_members(self, body_id: str) -> list[Membership]:
        """Its members today (for a dissolved body: on the day it was dissolved)."""
        day = self.last_day(body_id)
        return [m for m in self.bodies[body_id].members if m.active_on(day)]

    def past_members(self, body_id: str) -> list[Membership]:
        day = self.last_day(body_id)
        return [m for m in self.bodies[body_id].members if m.end is not None and m.end < day]

    def seat_organization(self, body_id: str, person_id: str, day: str) -> str | None:
        """The organization a person sat for in a body on a day (their own if not a member then)."""
        body = self.bodies.get(body_id)
        for m in body.members if body else ():
            if m.person == person_id and m.active_on(day):
                return m.organization
        person = self.people.get(person_id)
        return person.organization if person and not person.withdrawn else None

    def sector_on(self, body_id: str, person_id: str, day: str) -> str | None:
        """The sector a person sat for in a body on a day (their organization's if not a member then)."""
        body = self.bodies.get(body_id)
        for m in body.members if body else ():
            if m.person == person_id and m.active_on(day):
                return self.membership_sector(m)
        return self.sector_of(self.seat_organization(body_id, person_id, day))

    def sector_of(self, org_id: str | None) -> str | None:
        org = self.organizations.get(org_id or "")
        return org.sector if org else None

    def membership_sector(self, m: Membership) -> str | None:
        """The sector whose seat a membership holds: the one the record gives, else its organization's."""
        return m.sector or self.sector_of(m.organization)

    def seats_taken(self, body_id: str) -> dict[str, int]:
        taken: dict[str, int] = defaultdict(int)
        for m in self.current_members(body_id):
            sector = self.membership_sector(m)
            if m.holds_seat and sector:
                taken[sector] += 1
        return dict(taken)

    def all_actions(self) -> list[Action]:
        return [a for m in self.meetings.values() for a in m.actions]

    def person_attendance_rate(self, person_id: str) -> tuple[int, int]:
        """(meetings attended, held meetings where the person was listed as a member)."""
        rows = [a for _, a in self.attendance_of_person.get(person_id, []) if a.on_behalf_of is None]
        return sum(1 for a in rows if a.status in ATTENDED), len(rows)
