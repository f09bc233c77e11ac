"""Building the typed records (cogov.model) from validated documents, with their backlinks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from cogov.model import (
    Action,
    Attendance,
    Body,
    Commitment,
    Decision,
    Evidence,
    Guest,
    Link,
    Meeting,
    Membership,
    Milestone,
    Organization,
    Page,
    Person,
    Plan,
    Records,
    SiteInfo,
    Update,
)
from cogov.records import Document


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


def build_records(documents: Iterable[Document], as_of: str, withheld_key: bytes = b"") -> Records:
    """Typed records from validated documents (call only when validation found no errors)."""
    docs = list(documents)
    site_doc = next((d for d in docs if d.kind == "site"), None)
    r = Records(site=_site(site_doc), as_of=as_of, withheld_key=withheld_key)
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
