"""schema.org JSON-LD for meeting, body and commitment pages (search engines, aggregators)."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from typing import Any

from cogov.messages import t
from cogov.model import Body, Commitment, Meeting, Records
from cogov.render.paths import public_url, record_page

_EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "held": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}


def encode(data: dict[str, Any] | list[dict[str, Any]]) -> str:
    """JSON that is safe inside a <script> element: <, > and & are written as escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _url(r: Records, kind: str, record_id: str) -> str | None:
    return public_url(r, record_page(r, kind, record_id))


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [])}


def _local(day: str, time: str | None, zone: str) -> str | None:
    """ISO 8601 with the meeting's UTC offset on that day (2025-03-14T10:00-05:00)."""
    if time is None:
        return None
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time), zoneinfo.ZoneInfo(zone))
    return moment.isoformat(timespec="minutes")


def breadcrumbs(r: Records, trail: list[tuple[str, str]]) -> dict[str, Any] | None:
    """A ``BreadcrumbList`` of ``(name, page)`` from the home page to the record itself; only for a
    site with an address, since each step needs an absolute one."""
    if not r.site.url or not trail:
        return None
    items = [
        {"@type": "ListItem", "position": i, "name": name, "item": public_url(r, page)}
        for i, (name, page) in enumerate(trail, start=1)
    ]
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def meeting(r: Records, m: Meeting) -> dict[str, Any]:
    start = _local(m.date, m.start_time, m.timezone) or m.date
    end = _local(m.date, m.end_time, m.timezone)
    if m.location and m.online_url:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif m.online_url:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    location: list[dict[str, Any]] = []
    if m.location:
        # Search engines require an address on an event's Place; the record has one line of text.
        location.append({"@type": "Place", "name": m.location, "address": m.location})
    if m.online_url:
        location.append({"@type": "VirtualLocation", "url": m.online_url})
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": f"{r.bodies[m.body].name}: {m.title}",
            "startDate": start,
            "endDate": end,
            "eventStatus": _EVENT_STATUS[m.status],
            "eventAttendanceMode": mode,
            "location": location[0] if len(location) == 1 else location,
            "organizer": _clean(
                {"@type": "Organization", "name": r.bodies[m.body].name, "url": _url(r, "body", m.body)}
            ),
            "url": _url(r, "meeting", m.id),
        }
    )


def body(r: Records, b: Body) -> dict[str, Any]:
    withheld = t("ui.withheld", r.site.language)
    members = [
        _clean(
            {
                "@type": "OrganizationRole",
                "roleName": m.title or m.role,
                "startDate": m.start,
                "member": {"@type": "Person", "name": r.person_name(m.person, withheld)},
            }
        )
        for m in r.current_members(b.id)
    ]
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": b.name,
            "description": b.mandate.strip().split("\n\n")[0] if b.mandate else None,
            "foundingDate": b.established,
            "member": members,
            "url": _url(r, "body", b.id),
        }
    )


def commitment(r: Records, c: Commitment) -> dict[str, Any]:
    lead = r.organizations.get(c.lead)
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "additionalType": "https://www.opengovpartnership.org/commitment",
            "name": c.title,
            "identifier": c.ogp_id or c.id,
            "isPartOf": {"@type": "CreativeWork", "name": r.plans[c.plan].title} if c.plan in r.plans else None,
            "creator": {"@type": "Organization", "name": lead.name} if lead else None,
            "keywords": list(c.themes),
            "temporalCoverage": f"{c.start}/{c.end}" if c.start and c.end else None,
            "creativeWorkStatus": c.status,
            "url": _url(r, "commitment", c.id),
        }
    )
