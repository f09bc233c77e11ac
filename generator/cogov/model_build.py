"""Building the typed records (cogov.model) from validated documents, with their backlinks."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any

from cogov.kinds import KINDS
from cogov.model import (
    Action,
    Attendance,
    Body,
    Commitment,
    Decision,
    Evidence,
    FormerName,
    Guest,
    Link,
    Meeting,
    Membership,
    Milestone,
    Organization,
    Page,
    Person,
    Plan,
    Proposal,
    Records,
    Seat,
    SiteInfo,
    SiteMember,
    Update,
)
from cogov.records import Document
from cogov.translations import Languages


def _s(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _links(items: Iterable[dict[str, Any]] | None) -> tuple[Link, ...]:
    return tuple(
        Link(title=i["title"], url=i["url"], date=_s(i.get("date")), type=_s(i.get("type"))) for i in items or []
    )


def _evidence(items: Iterable[dict[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(Evidence(title=i["title"], url=i["url"]) for i in items or [])


def _site(doc: Document | None) -> SiteInfo:
    d: dict[str, Any] = doc.data if doc else {"title": "Co-governance records"}
    contact = d.get("contact") or {}
    publisher = d.get("publisher") or {}
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
        publisher_name=_s(publisher.get("name")),
        publisher_url=_s(publisher.get("url")),
        publisher_logo=_s(publisher.get("logo")),
        accessibility={k: v for k, v in (d.get("accessibility") or {}).items() if isinstance(v, str)},
        members=tuple(
            SiteMember(
                id=m["id"], name=m["name"], country=_s(m.get("country")), member_type=m.get("member_type", "national")
            )
            for m in d.get("members") or []
        ),
        standards=dict(d.get("standards") or {}),
        editor=dict(d["editor"]) if isinstance(d.get("editor"), dict) else None,
        languages=Languages.of(d).all if d.get("languages") else (),
        prefix_all_languages=d.get("prefix_all_languages") is True,
        root_url=_s(d.get("url")),
    )


# --- one builder per kind: the typed record, added to ``r`` with its backlinks --------------------


def _organization(r: Records, doc: Document) -> None:
    d = doc.data
    r.organizations[doc.id] = Organization(
        id=doc.id,
        path=doc.path,
        name=d["name"],
        sector=d["sector"],
        abbreviation=_s(d.get("abbreviation")),
        parent=_s(d.get("parent")),
        url=_s(d.get("url")),
        description=d.get("description", ""),
        former_names=tuple(
            FormerName(name=f["name"], start=_s(f.get("start")), end=f["end"]) for f in d.get("former_names") or []
        ),
    )


def _person(r: Records, doc: Document) -> None:
    d = doc.data
    r.people[doc.id] = Person(
        id=doc.id,
        path=doc.path,
        name=d["name"],
        organization=_s(d.get("organization")),
        position=_s(d.get("position")),
        bio=d.get("bio", ""),
        withdrawn=bool(d.get("withdrawn", False)),
    )
    if d.get("organization"):
        r.people_of_org[d["organization"]].append(doc.id)


def _membership(r: Records, body_id: str, index: int, m: dict[str, Any], seats: dict[str, Seat]) -> Membership:
    person = r.people.get(m["person"])
    personal = m.get("personal") is True
    seat = seats.get(m.get("seat") or "")
    # A named seat that belongs to an institution is held for it (an alternate's seat says whom
    # they stand in for, not whom they sit for).
    seat_org = seat.organization if seat and m["role"] != "alternate" else None
    org = None if personal else m.get("organization") or seat_org or (person.organization if person else None)
    membership = Membership(
        body=body_id,
        index=index,
        person=m["person"],
        organization=org,
        role=m["role"],
        start=m["start"],
        end=_s(m.get("end")),
        alternate_for=_s(m.get("alternate_for")),
        note=_s(m.get("note")),
        title=_s(m.get("title")),
        personal=personal,
        sector=_s(m.get("sector")) or (seat.sector if seat and m["role"] != "alternate" else None),
        seat=_s(m.get("seat")),
    )
    r.memberships_of_person[m["person"]].append(membership)
    if org:
        r.memberships_for_org[org].append(membership)
    return membership


def _body(r: Records, doc: Document) -> None:
    d = doc.data
    named = tuple(
        Seat(
            id=x["id"],
            name=_s(x.get("name")),
            sector=x["sector"],
            organization=_s(x.get("organization")),
            term_years=x.get("term_years"),
        )
        for x in (d["seats"] if isinstance(d.get("seats"), list) else [])
    )
    seats = {x.id: x for x in reversed(named)}
    counts = Counter(x.sector for x in named) if named else d.get("seats")
    r.bodies[doc.id] = Body(
        id=doc.id,
        path=doc.path,
        name=d["name"],
        type=d["type"],
        parent=_s(d.get("parent")),
        established=_s(d.get("established")),
        dissolved=_s(d.get("dissolved")),
        mandate=d.get("mandate", ""),
        rules_url=_s(d.get("rules_url")),
        seats=dict(counts) if isinstance(counts, dict) else {},
        open_membership=d.get("seats") == "open",
        named_seats=named,
        commitments=tuple(d.get("commitments") or ()),
        chair=_s(d.get("chair")),
        meeting_target_per_year=d.get("meeting_target_per_year"),
        selection=d.get("selection", ""),
        members=tuple(_membership(r, doc.id, i, m, seats) for i, m in enumerate(d.get("members") or [])),
    )
    for commitment in d.get("commitments") or ():
        r.teams_of_commitment[commitment].append(doc.id)


def _plan(r: Records, doc: Document) -> None:
    d = doc.data
    r.plans[doc.id] = Plan(
        id=doc.id,
        path=doc.path,
        title=d["title"],
        number=d.get("number"),
        start=d["start"],
        end=d["end"],
        status=d["status"],
        forum=_s(d.get("forum")),
        submitted=_s(d.get("submitted")),
        summary=d.get("summary", ""),
        documents=_links(d.get("documents")),
        member=_s(d.get("member")),
    )


def _commitment(r: Records, doc: Document) -> None:
    d = doc.data
    updates = (
        Update(date=u["date"], status=u["status"], summary=u["summary"], evidence=_evidence(u.get("evidence")))
        for u in d.get("updates") or []
    )
    milestones = tuple(
        Milestone(
            title=m["title"],
            start=_s(m.get("start")),
            end=m["end"],
            status=m["status"],
            evidence=_evidence(m.get("evidence")),
        )
        for m in d.get("milestones") or []
    )
    r.commitments[doc.id] = Commitment(
        id=doc.id,
        path=doc.path,
        plan=doc.parent,
        title=d["title"],
        ogp_id=_s(d.get("ogp_id")),
        lead=d["lead"],
        supporting=tuple(d.get("supporting") or ()),
        values=tuple(d.get("values") or ()),
        themes=tuple(d.get("themes") or ()),
        start=_s(d.get("start")),
        end=_s(d.get("end")),
        status=_s(d.get("status")),
        milestones=milestones,
        updates=tuple(sorted(updates, key=lambda u: u.date, reverse=True)),
        irm=dict(d.get("irm") or {}),
        description=doc.markdown,
    )
    r.commitments_of_plan[doc.parent].append(doc.id)
    r.commitments_led[d["lead"]].append(doc.id)
    for org in d.get("supporting") or ():
        r.commitments_supported[org].append(doc.id)


def _meeting(r: Records, doc: Document) -> None:
    d = doc.data
    actions = tuple(
        Action(
            meeting=doc.id,
            index=i,
            text=a["text"],
            owner=_s(a.get("owner")),
            due=_s(a.get("due")),
            status=a.get("status", "open"),
            commitments=tuple(a.get("commitments") or ()),
        )
        for i, a in enumerate(d.get("actions") or [])
    )
    decisions = tuple(
        Decision(text=x["text"], commitments=tuple(x.get("commitments") or ()), vote=x.get("vote"))
        for x in d.get("decisions") or []
    )
    attendance = tuple(
        Attendance(person=a["person"], status=a["status"], on_behalf_of=_s(a.get("on_behalf_of")))
        for a in d.get("attendance") or []
    )
    meeting = Meeting(
        id=doc.id,
        path=doc.path,
        body=doc.parent,
        title=d["title"],
        date=d["date"],
        start_time=_s(d.get("start_time")),
        end_time=_s(d.get("end_time")),
        timezone=d.get("timezone") or r.site.timezone,
        kind=d.get("kind", "ordinary"),
        status=d.get("status", "held"),
        location=_s(d.get("location")),
        online_url=_s(d.get("online_url")),
        chairs=tuple(chair) if isinstance(chair := d.get("chair"), list) else ((chair,) if chair else ()),
        attendance=attendance,
        guests=tuple(Guest(name=g["name"], organization=_s(g.get("organization"))) for g in d.get("guests") or []),
        agenda=tuple(d.get("agenda") or ()),
        decisions=decisions,
        actions=actions,
        documents=_links(d.get("documents")),
        minutes_status=_s(d.get("minutes")),
        approved_in=_s(d.get("approved_in")),
        minutes=doc.markdown,
        announced=_s(d.get("announced")),
        audience=_s(d.get("audience")),
        channel=_s(d.get("channel")),
        participants=dict(d.get("participants") or {}),
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


def _proposal(r: Records, doc: Document) -> None:
    d = doc.data
    source = d.get("from") or {}
    response = d.get("response") or {}
    proposal = Proposal(
        id=doc.id,
        path=doc.path,
        plan=doc.parent,
        title=d["title"],
        received=d["received"],
        channel=_s(d.get("channel")),
        meeting=_s(d.get("meeting")),
        organization=_s(source.get("organization")),
        person=_s(source.get("person")),
        public=source.get("public") is True,
        public_sector=_s(source.get("sector")),
        public_description=_s(source.get("description")),
        text=d.get("text", ""),
        status=response["status"],
        commitments=tuple(response.get("commitments") or ()),
        response=response.get("text", ""),
        response_date=_s(response.get("date")),
        response_document=_s(response.get("document")),
    )
    r.proposals[doc.id] = proposal
    r.proposals_of_plan[doc.parent].append(doc.id)
    for c in proposal.commitments:
        r.proposals_of_commitment[c].append(doc.id)
    if proposal.meeting:
        r.proposals_of_meeting[proposal.meeting].append(doc.id)


def _page(r: Records, doc: Document) -> None:
    d = doc.data
    r.pages[doc.id] = Page(
        id=doc.id,
        path=doc.path,
        title=_s(d.get("title")),
        description=_s(d.get("description")),
        order=d.get("order", 100),
        text=doc.markdown,
    )


Builder = Callable[[Records, Document], None]
# Kinds are built in the registry's order (people before the bodies whose memberships read them).
BUILDERS: dict[str, Builder] = {
    "site": lambda r, doc: None,  # read first, by build_records itself
    "organization": _organization,
    "person": _person,
    "body": _body,
    "plan": _plan,
    "commitment": _commitment,
    "meeting": _meeting,
    "proposal": _proposal,
    "page": _page,
}
# The order in which records of a kind are added (and so listed where no other order applies).
_ORDER: dict[str, Callable[[Document], tuple[str, ...]]] = {
    "commitment": lambda c: (c.parent, c.data.get("ogp_id") or "", c.id),
    "meeting": lambda m: (m.data["date"], m.id),
    "proposal": lambda p: (p.parent, p.data["received"], p.id),
}


def _from_fields(model: type, doc: Document) -> Any:
    """A record of a kind registered with a model class alone: each field from the record's field
    of that name (or the class's default), the file's own facts under their names."""
    known = {"id": doc.id, "path": doc.path, "parent": doc.parent, "markdown": doc.markdown}
    values: dict[str, Any] = {}
    for f in fields(model):
        if f.name in known:
            values[f.name] = known[f.name]
        elif f.name in doc.data:
            value = doc.data[f.name]
            values[f.name] = tuple(value) if isinstance(value, list) else value
    return model(**values)


def build_records(documents: Iterable[Document], as_of: str, withheld_key: bytes = b"") -> Records:
    """Typed records from validated documents (call only when validation found no errors)."""
    docs = list(documents)
    site_doc = next((d for d in docs if d.kind == "site"), None)
    r = Records(site=_site(site_doc), as_of=as_of, withheld_key=withheld_key)
    by_kind: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_kind[doc.kind].append(doc)
        r.sources[(doc.kind, doc.id)] = doc.path
    for kind in KINDS:
        order = _ORDER.get(kind.name)
        for doc in sorted(by_kind[kind.name], key=order) if order else by_kind[kind.name]:
            if kind.model is not None:
                r.other[kind.name][doc.id] = _from_fields(kind.model, doc)
            else:
                BUILDERS[kind.name](r, doc)
    return r
