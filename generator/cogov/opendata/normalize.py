"""Every record as plain data, IDs with their resolved names alongside: the basis of records.json,
the CSV tables and Popolo. People whose names are withheld appear under a stable opaque ID."""

from __future__ import annotations

from typing import Any

from cogov import SCHEMA_VERSION
from cogov.messages import t
from cogov.model import Records


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def normalize(r: Records) -> dict[str, Any]:
    withheld = t("ui.withheld", r.site.language)

    def person(pid: str | None) -> dict[str, Any] | None:
        if not pid:
            return None
        return {"id": r.public_person_id(pid), "name": r.person_name(pid, withheld)}

    def org(oid: str | None) -> dict[str, Any] | None:
        if not oid:
            return None
        o = r.organizations.get(oid)
        return {"id": oid, "name": o.name if o else oid}

    def body(bid: str | None) -> dict[str, Any] | None:
        return {"id": bid, "name": r.bodies[bid].name} if bid else None

    def links(items: Any) -> list[dict[str, Any]]:
        """Documents and evidence: title and address, with date and type where given."""
        return [_drop_empty(vars(item).copy()) for item in items]

    def owner(oid: str | None) -> dict[str, Any] | None:
        if not oid:
            return None
        if oid in r.people:
            return {"type": "person", **(person(oid) or {})}
        return {"type": "organization", **(org(oid) or {})}

    def named(kind: str, rid: str) -> dict[str, Any]:
        if kind == "commitment":
            c = r.commitments.get(rid)
            return {"id": rid, "title": c.title if c else rid}
        m = r.meetings.get(rid)
        return {"id": rid, "title": m.title if m else rid, "date": m.date if m else None}

    site = r.site
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "as_of": r.as_of,
        "license": site.data_license,
        "site": _drop_empty(
            {
                "title": site.title,
                "country": site.country,
                "member_type": site.member_type,
                "member_name": site.member_name,
                "language": site.language,
                "timezone": site.timezone,
                "url": site.url,
                "contact": _drop_empty({"email": site.contact_email, "url": site.contact_url}),
                "fictional": site.fictional or None,
            }
        ),
    }
    out["organizations"] = [
        _drop_empty(
            {
                "id": o.id,
                "name": o.name,
                "abbreviation": o.abbreviation,
                "sector": o.sector,
                "parent": org(o.parent),
                "url": o.url,
                "description": o.description,
            }
        )
        for o in sorted(r.organizations.values(), key=lambda o: o.id)
    ]
    out["people"] = [
        _drop_empty(
            {
                **(person(p.id) or {}),
                "withheld": True if p.withdrawn else None,
                "organization": None if p.withdrawn else org(p.organization),
                "position": None if p.withdrawn else p.position,
            }
        )
        for p in sorted(r.people.values(), key=lambda p: r.public_person_id(p.id))
    ]
    out["bodies"] = [
        _drop_empty(
            {
                "id": b.id,
                "name": b.name,
                "type": b.type,
                "parent": body(b.parent),
                "established": b.established,
                "dissolved": b.dissolved,
                "mandate": b.mandate,
                "rules_url": b.rules_url,
                "seats": dict(sorted(b.seats.items())),
                "chair": b.chair,
                "meeting_target_per_year": b.meeting_target_per_year,
                "selection": b.selection,
                "memberships": [
                    _drop_empty(
                        {
                            "person": person(m.person),
                            "organization": org(m.organization),
                            "sector": r.sector_of(m.organization),
                            "role": m.role,
                            "start": m.start,
                            "end": m.end,
                            "alternate_for": person(m.alternate_for),
                            "note": m.note,
                        }
                    )
                    for m in b.members
                ],
            }
        )
        for b in sorted(r.bodies.values(), key=lambda b: b.id)
    ]
    out["action_plans"] = [
        _drop_empty(
            {
                "id": p.id,
                "title": p.title,
                "number": p.number,
                "start": p.start,
                "end": p.end,
                "status": p.status,
                "forum": body(p.forum),
                "submitted": p.submitted,
                "summary": p.summary,
                "documents": links(p.documents),
                "commitments": list(r.commitments_of_plan.get(p.id, [])),
            }
        )
        for p in sorted(r.plans.values(), key=lambda p: p.id)
    ]
    out["commitments"] = [
        _drop_empty(
            {
                "id": c.id,
                "plan": c.plan,
                "ogp_id": c.ogp_id,
                "title": c.title,
                "lead": org(c.lead),
                "supporting": [org(o) for o in c.supporting],
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
                            "evidence": links(m.evidence),
                        }
                    )
                    for m in c.milestones
                ],
                "updates": [
                    _drop_empty(
                        {
                            "date": u.date,
                            "status": u.status,
                            "summary": u.summary,
                            "evidence": links(u.evidence),
                        }
                    )
                    for u in c.updates
                ],
                "irm": dict(sorted(c.irm.items())),
                "description": c.description.strip(),
                "decisions": [named("meeting", mid) for mid, _ in r.decisions_on_commitment.get(c.id, [])],
            }
        )
        for c in sorted(r.commitments.values(), key=lambda c: c.id)
    ]
    out["meetings"] = [
        _drop_empty(
            {
                "id": m.id,
                "body": body(m.body),
                "title": m.title,
                "date": m.date,
                "start_time": m.start_time,
                "end_time": m.end_time,
                "timezone": m.timezone,
                "kind": m.kind,
                "status": m.status,
                "location": m.location,
                "online_url": m.online_url,
                "chair": person(m.chair),
                "attendance_rate": round(m.attendance_rate, 4) if m.attendance_rate is not None else None,
                "attendance": [
                    _drop_empty(
                        {"person": person(a.person), "status": a.status, "on_behalf_of": person(a.on_behalf_of)}
                    )
                    for a in m.attendance
                ],
                "guests": [_drop_empty({"name": g.name, "organization": g.organization}) for g in m.guests],
                "agenda": list(m.agenda),
                "decisions": [
                    _drop_empty(
                        {
                            "text": d.text,
                            "commitments": [named("commitment", c) for c in d.commitments],
                            "vote": d.vote,
                        }
                    )
                    for d in m.decisions
                ],
                "actions": [
                    _drop_empty(
                        {
                            "text": a.text,
                            "owner": owner(a.owner),
                            "due": a.due,
                            "status": a.status,
                            "commitments": [named("commitment", c) for c in a.commitments],
                        }
                    )
                    for a in m.actions
                ],
                "documents": links(m.documents),
                "minutes_status": m.minutes_status,
                "approved_in": m.approved_in,
                "minutes": m.minutes.strip(),
            }
        )
        for m in sorted(r.meetings.values(), key=lambda m: (m.date, m.id))
    ]
    return out
