"""iCalendar files: every meeting in one calendar, and one per body, with stable UIDs and real time
zones (VTIMEZONE from the IANA database), cancelled meetings marked as such."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vText

from cogov.messages import t
from cogov.model import Meeting, Records
from cogov.render.paths import CALENDAR, body_calendar, public_url, record_page

_STATUS = {"scheduled": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def _domain(r: Records) -> str:
    return urlsplit(r.site.url).hostname or "cogov" if r.site.url else "cogov"


def _event(r: Records, m: Meeting) -> Event:
    event = Event()
    event.add("uid", f"{m.id}@{_domain(r)}")
    # DTSTAMP comes from the records, not the clock, so the file is the same for the same "today";
    # never later than "today" (a stamp in the future would say the event was written then).
    stamp = min(dt.date.fromisoformat(m.date), dt.date.fromisoformat(r.as_of))
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), tzinfo=dt.UTC))
    day = dt.date.fromisoformat(m.date)
    if m.start_time:
        zone = zoneinfo.ZoneInfo(m.timezone)
        start = dt.datetime.combine(day, dt.time.fromisoformat(m.start_time), tzinfo=zone)
        event.add("dtstart", start)
        if m.end_time:
            event.add("dtend", dt.datetime.combine(day, dt.time.fromisoformat(m.end_time), tzinfo=zone))
        else:
            event.add("duration", dt.timedelta(hours=2))
    else:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    body = r.bodies[m.body].name
    summary = f"{body}: {m.title}"
    if m.status in ("cancelled", "postponed"):
        summary = f"[{t(f'ui.meeting_status.{m.status}', r.site.language).upper()}] {summary}"
    event.add("summary", summary)
    event.add("status", _STATUS[m.status])
    if m.location:
        event.add("location", vText(m.location))
    if m.agenda:
        event.add("description", "\n".join(f"{i}. {item}" for i, item in enumerate(m.agenda, start=1)))
    if r.site.url:
        event.add("url", public_url(r, record_page(r, "meeting", m.id)))
    elif m.online_url:
        event.add("url", m.online_url)
    return event


def _calendar(r: Records, name: str, meetings: Iterable[Meeting], events: dict[str, bytes]) -> bytes:
    """One VCALENDAR; each meeting's VEVENT is serialized once and shared by every calendar."""
    cal = Calendar()
    cal.add("prodid", "-//cogov//co-governance records//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", r.site.timezone)
    items = sorted(meetings, key=lambda m: (m.date, m.id))
    for zone in sorted({m.timezone for m in items if m.start_time}):
        cal.add_component(Timezone.from_tzid(zone))
    head: bytes = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    return head[: -len(end)] + b"".join(events[m.id] for m in items) + end


def calendars(r: Records) -> dict[str, bytes]:
    events = {m.id: _event(r, m).to_ical() for m in r.meetings.values()}
    language = r.site.language
    files = {CALENDAR: _calendar(r, t("feed.calendar", language, name=r.site.title), r.meetings.values(), events)}
    for body in r.bodies.values():
        meetings = [r.meetings[m] for m in r.meetings_of_body.get(body.id, [])]
        files[body_calendar(body.id)] = _calendar(r, t("feed.calendar", language, name=body.name), meetings, events)
    return files
