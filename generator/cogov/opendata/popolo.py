"""Popolo / Open Civic Data: persons, organizations (bodies included), memberships and events."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _moment(day: str, time: str | None, zone: str) -> str | None:
    """A date, or a local date and time with its UTC offset on that day (Popolo requires one)."""
    if not time:
        return None
    local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time), zoneinfo.ZoneInfo(zone))
    return local.isoformat(timespec="minutes")


def popolo(d: dict[str, Any]) -> dict[str, Any]:
    persons = [_clean({"id": p["id"], "name": p["name"], "summary": p.get("position")}) for p in d["people"]]
    organizations = [
        _clean(
            {
                "id": o["id"],
                "name": o["name"],
                "other_names": ([{"name": o["abbreviation"], "note": "abbreviation"}] if o.get("abbreviation") else [])
                + [
                    _clean({"name": f["name"], "start_date": f.get("start"), "end_date": f["end"]})
                    | {"note": "former name"}
                    for f in o.get("former_names", [])
                ],
                "classification": o["sector"],
                "parent_id": (o.get("parent") or {}).get("id"),
                "links": [{"url": o["url"], "note": "website"}] if o.get("url") else [],
            }
        )
        for o in d["organizations"]
    ]
    organizations += [
        _clean(
            {
                "id": f"body/{b['id']}",
                "name": b["name"],
                "classification": b["type"],
                "parent_id": f"body/{b['parent']['id']}" if b.get("parent") else None,
                "founding_date": b.get("established"),
                "dissolution_date": b.get("dissolved"),
                "links": [{"url": b["rules_url"], "note": "terms of reference"}] if b.get("rules_url") else [],
            }
        )
        for b in d["bodies"]
    ]
    # Named seats are Popolo posts; a membership that holds one names it (post_id).
    posts = [
        _clean(
            {
                "id": f"body/{b['id']}/seat/{seat['id']}",
                "label": seat.get("name") or (seat.get("organization") or {}).get("name") or seat["id"],
                "role": "member",
                "organization_id": f"body/{b['id']}",
            }
        )
        for b in d["bodies"]
        for seat in (b.get("seats") if isinstance(b.get("seats"), list) else [])
    ]
    memberships = []
    for b in d["bodies"]:
        for i, m in enumerate(b.get("memberships", []), start=1):
            memberships.append(
                _clean(
                    {
                        "id": f"body/{b['id']}/membership/{i}",
                        "person_id": m["person"]["id"],
                        "organization_id": f"body/{b['id']}",
                        "on_behalf_of_id": (m.get("organization") or {}).get("id"),
                        "post_id": f"body/{b['id']}/seat/{m['seat']}"
                        if m.get("seat") and m["role"] != "alternate"
                        else None,
                        "role": m["role"],
                        "label": m.get("title") or m.get("note"),
                        "start_date": m["start"],
                        "end_date": m.get("end"),
                    }
                )
            )
    events = []
    for m in d["meetings"]:
        start = _moment(m["date"], m.get("start_time"), m["timezone"]) or m["date"]
        end = _moment(m["date"], m.get("end_time"), m["timezone"])
        events.append(
            _clean(
                {
                    "id": f"meeting/{m['id']}",
                    "name": m["title"],
                    "classification": m["kind"],
                    "organization_id": f"body/{m['body']['id']}",
                    "start_date": start,
                    "end_date": end,
                    "timezone": m["timezone"],
                    "all_day": not m.get("start_time"),
                    "status": {"held": "passed", "scheduled": "confirmed"}.get(m["status"], m["status"]),
                    "location": m.get("location"),
                    "participants": [
                        _clean(
                            {
                                "entity_type": "person",
                                "entity_id": a["person"]["id"],
                                "name": a["person"]["name"],
                                "note": a["status"],
                            }
                        )
                        for a in m.get("attendance", [])
                    ],
                    "agenda": [{"description": item, "order": i} for i, item in enumerate(m.get("agenda", []), 1)],
                }
            )
        )
    out = {"persons": persons, "organizations": organizations, "memberships": memberships, "events": events}
    if posts:
        out["posts"] = posts
    return out
