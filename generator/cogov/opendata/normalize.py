"""Every record as plain data, IDs with their resolved names alongside: the basis of records.json,
the CSV tables and Popolo. People whose names are withheld appear under a stable opaque ID."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cogov import SCHEMA_VERSION
from cogov.kinds import KINDS
from cogov.messages import t
from cogov.model import Body, Commitment, Meeting, Membership, Organization, Person, Plan, Proposal, Records


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


class _Normalizer:
    """References resolved to ``{"id", "name"}`` (a withheld person's opaque ID and label)."""

    def __init__(self, r: Records) -> None:
        self.r = r
        self.withheld = t("ui.withheld", r.site.language)

    def person_ref(self, pid: str | None) -> dict[str, Any] | None:
        if not pid:
            return None
        return {"id": self.r.public_person_id(pid), "name": self.r.person_name(pid, self.withheld)}

    def org_ref(self, oid: str | None) -> dict[str, Any] | None:
        if not oid:
            return None
        o = self.r.organizations.get(oid)
        return {"id": oid, "name": o.name if o else oid}

    def body_ref(self, bid: str | None) -> dict[str, Any] | None:
        return {"id": bid, "name": self.r.bodies[bid].name} if bid else None

    @staticmethod
    def links(items: Any) -> list[dict[str, Any]]:
        """Documents and evidence: title and address, with date and type where given."""
        return [_drop_empty(vars(item).copy()) for item in items]

    def owner_ref(self, oid: str | None) -> dict[str, Any] | None:
        if not oid:
            return None
        if oid in self.r.people:
            return {"type": "person", **(self.person_ref(oid) or {})}
        return {"type": "organization", **(self.org_ref(oid) or {})}

    def named(self, kind: str, rid: str) -> dict[str, Any]:
        if kind == "commitment":
            c = self.r.commitments.get(rid)
            return {"id": rid, "title": c.title if c else rid}
        m = self.r.meetings.get(rid)
        return {"id": rid, "title": m.title if m else rid, "date": m.date if m else None}

    # --- one function per kind: a record as plain data ------------------------------------------

    def organization(self, o: Organization) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": o.id,
                "name": o.name,
                "abbreviation": o.abbreviation,
                "sector": o.sector,
                "parent": self.org_ref(o.parent),
                "url": o.url,
                "description": o.description,
                "former_names": [_drop_empty({"name": f.name, "start": f.start, "end": f.end}) for f in o.former_names],
            }
        )

    def person(self, p: Person) -> dict[str, Any]:
        return _drop_empty(
            {
                **(self.person_ref(p.id) or {}),
                "withheld": True if p.withdrawn else None,
                "organization": None if p.withdrawn else self.org_ref(p.organization),
                "position": None if p.withdrawn else p.position,
            }
        )

    def membership(self, m: Membership) -> dict[str, Any]:
        return _drop_empty(
            {
                "person": self.person_ref(m.person),
                "organization": self.org_ref(m.organization),
                "personal": True if m.personal else None,
                "sector": self.r.membership_sector(m),
                "role": m.role,
                "title": m.title,
                "seat": m.seat,
                "start": m.start,
                "end": m.end,
                "alternate_for": self.person_ref(m.alternate_for),
                "note": m.note,
            }
        )

    def body(self, b: Body) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": b.id,
                "name": b.name,
                "type": b.type,
                "parent": self.body_ref(b.parent),
                "established": b.established,
                "dissolved": b.dissolved,
                "mandate": b.mandate,
                "rules_url": b.rules_url,
                "seats": "open"
                if b.open_membership
                else [
                    _drop_empty(
                        {
                            "id": x.id,
                            "name": x.name,
                            "sector": x.sector,
                            "organization": self.org_ref(x.organization),
                            "term_years": x.term_years,
                        }
                    )
                    for x in b.named_seats
                ]
                or dict(sorted(b.seats.items())),
                "commitments": [self.named("commitment", c) for c in b.commitments],
                "chair": b.chair,
                "meeting_target_per_year": b.meeting_target_per_year,
                "selection": b.selection,
                "memberships": [self.membership(m) for m in b.members],
            }
        )

    def plan(self, p: Plan) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": p.id,
                "title": p.title,
                "number": p.number,
                "member": p.member,
                "start": p.start,
                "end": p.end,
                "status": p.status,
                "forum": self.body_ref(p.forum),
                "submitted": p.submitted,
                "summary": p.summary,
                "documents": self.links(p.documents),
                "commitments": list(self.r.commitments_of_plan.get(p.id, [])),
            }
        )

    def proposal(self, p: Proposal) -> dict[str, Any]:
        source: dict[str, Any]
        if p.organization:
            source = {"organization": self.org_ref(p.organization)}
        elif p.person:
            source = {"person": self.person_ref(p.person)}
        else:
            source = _drop_empty({"public": True, "sector": p.public_sector, "description": p.public_description})
        return _drop_empty(
            {
                "id": p.id,
                "plan": p.plan,
                "title": p.title,
                "received": p.received,
                "channel": p.channel,
                "meeting": self.named("meeting", p.meeting) if p.meeting else None,
                "from": source,
                "text": p.text,
                "response": _drop_empty(
                    {
                        "status": p.status,
                        "commitments": [self.named("commitment", c) for c in p.commitments],
                        "text": p.response,
                        "date": p.response_date,
                        "document": p.response_document,
                    }
                ),
            }
        )

    def commitment(self, c: Commitment) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": c.id,
                "plan": c.plan,
                "ogp_id": c.ogp_id,
                "title": c.title,
                "lead": self.org_ref(c.lead),
                "supporting": [self.org_ref(o) for o in c.supporting],
                "values": list(c.values),
                "themes": list(c.themes),
                "start": c.start,
                "end": c.end,
                "status": c.status,
                "milestones": [
                    _drop_empty(
                        {
                            "title": m.title,
                            "start": m.start,
                            "end": m.end,
                            "status": m.status,
                            "evidence": self.links(m.evidence),
                        }
                    )
                    for m in c.milestones
                ],
                "updates": [
                    _drop_empty(
                        {"date": u.date, "status": u.status, "summary": u.summary, "evidence": self.links(u.evidence)}
                    )
                    for u in c.updates
                ],
                "irm": dict(sorted(c.irm.items())),
                "description": c.description.strip(),
                "decisions": [self.named("meeting", mid) for mid, _ in self.r.decisions_on_commitment.get(c.id, [])],
            }
        )

    def meeting(self, m: Meeting) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": m.id,
                "body": self.body_ref(m.body),
                "title": m.title,
                "date": m.date,
                "start_time": m.start_time,
                "end_time": m.end_time,
                "timezone": m.timezone,
                "kind": m.kind,
                "status": m.status,
                "announced": m.announced,
                "audience": m.audience,
                "channel": m.channel,
                "location": m.location,
                "online_url": m.online_url,
                "chair": self.person_ref(m.chairs[0]) if m.chairs else None,
                "chairs": [self.person_ref(c) for c in m.chairs] if len(m.chairs) > 1 else None,
                "attendance_rate": round(m.attendance_rate, 4) if m.attendance_rate is not None else None,
                "participants": dict(sorted(m.participants.items())),
                "attendance": [
                    _drop_empty(
                        {
                            "person": self.person_ref(a.person),
                            "status": a.status,
                            "on_behalf_of": self.person_ref(a.on_behalf_of),
                        }
                    )
                    for a in m.attendance
                ],
                "guests": [_drop_empty({"name": g.name, "organization": g.organization}) for g in m.guests],
                "agenda": list(m.agenda),
                "decisions": [
                    _drop_empty(
                        {
                            "text": d.text,
                            "commitments": [self.named("commitment", c) for c in d.commitments],
                            "vote": d.vote,
                        }
                    )
                    for d in m.decisions
                ],
                "actions": [
                    _drop_empty(
                        {
                            "text": a.text,
                            "owner": self.owner_ref(a.owner),
                            "due": a.due,
                            "status": a.status,
                            "commitments": [self.named("commitment", c) for c in a.commitments],
                        }
                    )
                    for a in m.actions
                ],
                "documents": self.links(m.documents),
                "minutes_status": m.minutes_status,
                "approved_in": m.approved_in,
                "minutes": m.minutes.strip(),
            }
        )


# For each kind published in records.json (kinds.py names its collection): the records, in order.
_RECORDS: dict[str, Callable[[Records], list[Any]]] = {
    "organization": lambda r: sorted(r.organizations.values(), key=lambda o: o.id),
    "person": lambda r: sorted(r.people.values(), key=lambda p: r.public_person_id(p.id)),
    "body": lambda r: sorted(r.bodies.values(), key=lambda b: b.id),
    "plan": lambda r: sorted(r.plans.values(), key=lambda p: p.id),
    "commitment": lambda r: sorted(r.commitments.values(), key=lambda c: c.id),
    "meeting": lambda r: sorted(r.meetings.values(), key=lambda m: (m.date, m.id)),
    "proposal": lambda r: sorted(r.proposals.values(), key=lambda p: (p.plan, p.received, p.id)),
}


def normalize(r: Records) -> dict[str, Any]:
    site = r.site
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "as_of": r.as_of,
        **({"license": site.data_license} if site.data_license else {}),  # a project may not have chosen one
        "site": _drop_empty(
            {
                "title": site.title,
                "country": site.country,
                "member_type": site.member_type,
                "member_name": site.member_name,
                "members": [
                    _drop_empty({"id": m.id, "name": m.name, "country": m.country, "member_type": m.member_type})
                    for m in site.members
                ],
                "publisher": _drop_empty({"name": site.publisher_name, "url": site.publisher_url}),
                "language": site.language,
                "timezone": site.timezone,
                "url": site.url,
                "contact": _drop_empty({"email": site.contact_email, "url": site.contact_url}),
                "fictional": site.fictional or None,
            }
        ),
    }
    normalizer = _Normalizer(r)
    for kind in KINDS:
        if kind.data:
            convert = getattr(normalizer, kind.name)
            out[kind.data] = [convert(record) for record in _RECORDS[kind.name](r)]
    from cogov import standards

    out["standards"] = standards.as_data(r, standards.of_records(r))
    if r.translations:  # a site in several languages: every text in each of them
        out["translations"] = [
            {"kind": x.kind, "id": x.id, "field": x.field, "language": x.language, "text": x.text}
            for x in r.translations
        ]
    return out
