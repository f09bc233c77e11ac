"""The OGP Participation and Co-Creation Standards, computed from the records.

For each action plan (a cycle of co-creation and implementation) and each minimum requirement the
records can show, an :class:`Assessment`: a status, the evidence that decided it (records and
documents, each with its page or address), what is missing (gap dates, years short of meetings),
and the rule in plain words. No status without its evidence: a "met" names what meets it.

What the records cannot show, they do not claim: the Independent Reporting Mechanism (IRM) also
reads documents, interviews people and judges quality; a status here says what the records hold,
as of the day of the build. ``docs/standards.md`` says how each status is computed.

Thresholds are settings (``standards`` in content/site.yml) with the standards' values as
defaults, so a site can follow OGP Local's requirements instead.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cogov.model import ATTENDED, Meeting, Plan, Proposal, Records, day_before, next_day

# The statuses, from best to worst; "not-due" when the period has not begun or ended yet.
STATUSES = ("met", "partly", "not-met", "no-evidence", "not-due")
REQUIREMENTS = ("1.1", "2.1", "2.2", "3", "4.1", "5.1", "next-plan")
SOURCE = "https://www.opengovpartnership.org/ogp-participation-co-creation-standards/"


@dataclass(frozen=True)
class Settings:
    """The thresholds, with the OGP national standards' values as defaults."""

    meeting_months: int = 6  # 1.1: the forum meets at least every six months
    repository_updates: int = 2  # 2.2: the repository is updated at least twice a year
    implementation_meetings: int = 2  # 5.1: two meetings a year on implementation
    next_plan_months: int = 12  # a new plan within 12 months of the previous one's end
    notice_days: int = 14  # 3: co-creation activities announced at least this many days ahead

    @classmethod
    def from_site(cls, values: dict[str, Any] | None) -> Settings:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in (values or {}).items() if k in known and isinstance(v, int)})


@dataclass(frozen=True)
class Evidence:
    """A record or document that decided a status: its kind ("meeting", "proposal", "document",
    "body", "plan", "site", "commit"), its ID or address, a label and a date."""

    kind: str
    ref: str
    label: str
    date: str | None = None


@dataclass(frozen=True)
class Assessment:
    requirement: str  # "1.1", "5.1"...
    plan: str  # the plan (cycle) it is about
    period: str  # "2024-01-01/2026-11-27", or a year "2026"
    status: str
    evidence: tuple[Evidence, ...] = ()
    gaps: tuple[tuple[str, str], ...] = ()  # periods without what the rule asks (start, end)
    facts: dict[str, Any] = field(default_factory=dict)  # what a page says in words (counts, dates)


def add_months(day: str, months: int) -> str:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    d = dt.date.fromisoformat(day)
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    for last in (d.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(d.day, last)).isoformat()
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


# --- the cycles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cycle:
    plan: Plan
    start: str  # co-creation starts: the day after the previous plan ended (or a year before its start)
    end: str  # the plan's end, or today if it has not ended
    previous: Plan | None
    following: Plan | None
    forum: str | None


def cycles(r: Records) -> list[Cycle]:
    """One cycle per plan (per OGP member, on a site that covers several), in order of start."""
    out = []
    by_member: dict[str | None, list[Plan]] = {}
    for plan in sorted(r.plans.values(), key=lambda p: (p.start, p.id)):
        by_member.setdefault(plan.member, []).append(plan)
    forum_default = next((b.id for b in r.bodies.values() if b.type == "multi-stakeholder-forum"), None)
    for plans in by_member.values():
        for i, plan in enumerate(plans):
            previous = plans[i - 1] if i else None
            following = plans[i + 1] if i + 1 < len(plans) else None
            start = next_day(previous.end) if previous else add_months(plan.start, -12)
            forum = plan.forum if plan.forum in r.bodies else forum_default
            out.append(Cycle(plan, min(start, plan.start), min(plan.end, r.as_of), previous, following, forum))
    return out


# --- the requirements -------------------------------------------------------------------------------


def _held(r: Records, body: str | None, start: str, end: str) -> list[Meeting]:
    if body is None:
        return []
    ids = r.meetings_of_body.get(body, [])
    return sorted(
        (m for m in (r.meetings[i] for i in ids) if m.status == "held" and start <= m.date <= end),
        key=lambda m: (m.date, m.id),
    )


def _meeting(m: Meeting) -> Evidence:
    return Evidence("meeting", m.id, m.title, m.date)


def forum_meets(r: Records, c: Cycle, s: Settings) -> Assessment:
    """1.1: the forum meets at least every ``meeting_months`` months over the cycle, and its basic
    rules are public. A gap runs from a meeting (or the cycle's start) to the next (or the cycle's
    end) when the next comes later than ``meeting_months`` months after."""
    period = f"{c.start}/{c.end}"
    if c.start > r.as_of:
        return Assessment("1.1", c.plan.id, period, "not-due")
    body = r.bodies.get(c.forum or "")
    if body is None:
        return Assessment("1.1", c.plan.id, period, "no-evidence", facts={"forum": None})
    meetings = _held(r, body.id, c.start, c.end)
    # A gap: from a meeting (or the cycle's start) to the next meeting (or the cycle's end, today
    # for a running cycle) when that is more than the interval later. Exactly the interval is no gap.
    gaps = []
    previous = c.start
    for day in [m.date for m in meetings] + [c.end]:
        if day > add_months(previous, s.meeting_months):
            gaps.append((previous, day))
        previous = day
    evidence = [Evidence("body", body.id, body.name)] + [_meeting(m) for m in meetings]
    if body.rules_url:
        evidence.append(Evidence("document", body.rules_url, "rules", None))
    facts = {"forum": body.id, "meetings": len(meetings), "rules": bool(body.rules_url), "months": s.meeting_months}
    if not meetings:
        status, gaps = "no-evidence", []
    elif gaps:
        status = "not-met"
    else:
        status = "met" if body.rules_url else "partly"
    return Assessment("1.1", c.plan.id, period, status, tuple(evidence), tuple(gaps), facts)


def website(r: Records, c: Cycle, s: Settings) -> Assessment:
    """2.1: a public website on the member's participation in OGP: this site, at its address."""
    period = f"{c.start}/{c.end}"
    if r.site.url:
        return Assessment("2.1", c.plan.id, period, "met", (Evidence("site", r.site.url, r.site.title),))
    return Assessment("2.1", c.plan.id, period, "partly", facts={"address": None})


def update_days(r: Records, extra: Iterable[str] = ()) -> dict[str, list[Evidence]]:
    """The days the repository shows something new: held meetings, dated documents and evidence,
    progress updates, proposals and responses, and (from git) commits that changed the records."""
    days: dict[str, list[Evidence]] = {}

    def add(day: str | None, evidence: Evidence) -> None:
        if day and day <= r.as_of:
            days.setdefault(day, []).append(evidence)

    for m in r.meetings.values():
        if m.status == "held":
            add(m.date, _meeting(m))
        for d in m.documents:
            add(d.date, Evidence("document", d.url, d.title, d.date))
    for p in r.plans.values():
        for d in p.documents:
            add(d.date, Evidence("document", d.url, d.title, d.date))
    for c in r.commitments.values():
        for u in c.updates:
            add(u.date, Evidence("commitment", c.id, c.title, u.date))
    for proposal in r.proposals.values():
        add(proposal.received, Evidence("proposal", proposal.id, proposal.title, proposal.received))
        add(proposal.response_date, Evidence("proposal", proposal.id, proposal.title, proposal.response_date))
    for day in extra:
        add(day, Evidence("commit", day, day, day))
    return days


def repository_years(r: Records, c: Cycle, s: Settings, days: dict[str, list[Evidence]]) -> list[Assessment]:
    """2.2: in each calendar year of the cycle, the repository was updated on at least
    ``repository_updates`` different days (the member has one repository: a year counts all its
    updates, whichever cycle they belong to). A year that has not ended is "not due" while it
    lacks them, unless it is half over with no update at all."""
    out = []
    for year in range(int(c.start[:4]), int(c.end[:4]) + 1):
        found = sorted(d for d in days if f"{year}-01-01" <= d <= f"{year}-12-31")
        ended = f"{year}-12-31" <= r.as_of
        facts = {"updates": len(found), "due": s.repository_updates, "ended": ended}
        evidence = tuple(days[d][0] for d in found)
        if len(found) >= s.repository_updates:
            status = "met"
        elif not ended:
            status = "no-evidence" if not found and r.as_of >= f"{year}-07-01" else "not-due"
        else:
            status = "not-met" if found else "no-evidence"
        out.append(Assessment("2.2", c.plan.id, str(year), status, evidence, facts=facts))
    return out


def co_creation(r: Records, c: Cycle, s: Settings) -> Assessment:
    """3: during co-creation (from the cycle's start to the plan's start), activities open to
    people beyond the forum (public or invited), announced at least ``notice_days`` ahead, and
    proposals received through at least one channel."""
    period = f"{c.start}/{day_before(c.plan.start)}"
    if c.start > r.as_of:
        return Assessment("3", c.plan.id, period, "not-due")
    end = min(day_before(c.plan.start), r.as_of)
    activities = sorted(
        (m for m in r.meetings.values() if m.status == "held" and c.start <= m.date <= end and _open(m)),
        key=lambda m: (m.date, m.id),
    )
    noticed = [m for m in activities if m.announced and m.announced <= _days_before(m.date, s.notice_days)]
    proposals = [p for p in _proposals(r, c) if p.received <= end]
    channels = sorted({p.channel for p in proposals if p.channel})
    evidence = tuple(_meeting(m) for m in activities) + tuple(
        Evidence("proposal", p.id, p.title, p.received) for p in proposals
    )
    facts = {
        "activities": len(activities),
        "announced": len(noticed),
        "proposals": len(proposals),
        "channels": channels,
        "notice_days": s.notice_days,
    }
    if noticed and proposals:
        status = "met"
    elif activities or proposals:
        status = "partly"
    elif c.plan.start > r.as_of:
        status = "not-due"
    else:
        status = "no-evidence"
    return Assessment("3", c.plan.id, period, status, evidence, facts=facts)


def _open(m: Meeting) -> bool:
    """An activity open to people beyond the forum's members."""
    return m.audience in ("public", "invited") or m.kind == "public-consultation"


def _days_before(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=days)).isoformat()


def _proposals(r: Records, c: Cycle) -> list[Proposal]:
    return sorted((r.proposals[i] for i in r.proposals_of_plan.get(c.plan.id, [])), key=lambda p: (p.received, p.id))


def reasoned_response(r: Records, c: Cycle, s: Settings) -> Assessment:
    """4.1: every proposal received before the plan started has a response, with reasons where it
    was not taken up as it was (merged, partly adopted, not adopted); an adopted proposal names
    the commitments that took it up."""
    period = f"{c.start}/{day_before(c.plan.start)}"
    proposals = [p for p in _proposals(r, c) if p.received < c.plan.start]
    if not proposals:
        status = "not-due" if c.plan.start > r.as_of else "no-evidence"
        return Assessment("4.1", c.plan.id, period, status, facts={"proposals": 0})
    pending = [p for p in proposals if p.status == "pending"]
    unreasoned = [p for p in proposals if p.status not in ("pending", "adopted") and not p.response.strip()]
    evidence = tuple(Evidence("proposal", p.id, p.title, p.response_date) for p in proposals)
    documents = sorted({p.response_document for p in proposals if p.response_document})
    evidence += tuple(Evidence("document", url, "response", None) for url in documents)
    facts = {
        "proposals": len(proposals),
        "answered": len(proposals) - len(pending),
        "pending": [p.id for p in pending],
        "unreasoned": [p.id for p in unreasoned],
    }
    if not pending and not unreasoned:
        status = "met"
    elif len(pending) == len(proposals):
        status = "not-due" if c.plan.start > r.as_of else "not-met"
    else:
        status = "partly"
    return Assessment("4.1", c.plan.id, period, status, evidence, facts=facts)


def _with_civil_society(r: Records, m: Meeting) -> bool:
    if m.participants.get("civil-society"):
        return True
    return any(a.status in ATTENDED and r.sector_on(m.body, a.person, m.date) == "civil-society" for a in m.attendance)


def implementation_years(r: Records, c: Cycle, s: Settings) -> list[Assessment]:
    """5.1: in each calendar year of implementation, the forum held at least
    ``implementation_meetings`` meetings with civil society present (in a year the plan covers
    only in part, that many in proportion, rounded up: one for a plan that starts in September).
    A year that has not ended is "not due" until it has them."""
    out = []
    if c.plan.start > r.as_of:
        return [Assessment("5.1", c.plan.id, c.plan.start[:4], "not-due")]
    for year in range(int(c.plan.start[:4]), int(min(c.plan.end, r.as_of)[:4]) + 1):
        first, last = max(c.plan.start, f"{year}-01-01"), min(c.plan.end, f"{year}-12-31")
        meetings = [m for m in _held(r, c.forum, first, last) if _with_civil_society(r, m)]
        ended = last <= r.as_of
        covered = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days + 1
        in_year = (dt.date(year, 12, 31) - dt.date(year, 1, 1)).days + 1
        due = math.ceil(s.implementation_meetings * covered / in_year)
        facts = {"meetings": len(meetings), "due": due, "ended": ended}
        evidence = tuple(_meeting(m) for m in meetings)
        if len(meetings) >= due:
            status = "met"
        elif not ended:
            status = "not-due" if not meetings else "partly"
        else:
            status = "not-met" if meetings else "no-evidence"
        out.append(Assessment("5.1", c.plan.id, str(year), status, evidence, facts=facts))
    return out


def next_plan(r: Records, c: Cycle, s: Settings) -> Assessment:
    """Acting contrary to process: a new plan is published (submitted to OGP, or else started)
    within ``next_plan_months`` months after this one ends."""
    deadline = add_months(c.plan.end, s.next_plan_months)
    period = f"{next_day(c.plan.end)}/{deadline}"
    facts: dict[str, Any] = {"deadline": deadline, "months": s.next_plan_months}
    following = c.following
    if following is not None:
        published = following.submitted or following.start
        facts["published"] = published
        evidence = (Evidence("plan", following.id, following.title, published),)
        status = "met" if published <= deadline else "not-met"
        if published > r.as_of and deadline >= r.as_of:
            status = "not-due"
        return Assessment("next-plan", c.plan.id, period, status, evidence, facts=facts)
    if deadline >= r.as_of:
        return Assessment("next-plan", c.plan.id, period, "not-due", facts=facts)
    return Assessment("next-plan", c.plan.id, period, "no-evidence", facts=facts)


def assess(r: Records, settings: Settings | None = None, commit_days: Iterable[str] = ()) -> list[Assessment]:
    """Every requirement for every cycle, in the order of the plans and of the standards."""
    s = settings or Settings()
    days = update_days(r, commit_days)
    out: list[Assessment] = []
    for c in cycles(r):
        out.append(forum_meets(r, c, s))
        out.append(website(r, c, s))
        out += repository_years(r, c, s, days)
        out.append(co_creation(r, c, s))
        out.append(reasoned_response(r, c, s))
        out += implementation_years(r, c, s)
        out.append(next_plan(r, c, s))
    return out


def of_records(r: Records) -> list[Assessment]:
    """The assessments of the records with the site's settings, computed once for the pages, the
    open data and the command."""
    if "standards" not in r.derived:
        r.derived["standards"] = assess(r, Settings.from_site(r.site.standards))
    found: list[Assessment] = r.derived["standards"]
    return found


# --- as data: records.json's "standards" and the standards table (cogov.opendata) -----------------


def evidence_address(r: Records, e: Evidence) -> str:
    """Where a piece of evidence can be read: its record's page on the site (absolute when the site
    has an address), or the document's own address."""
    from cogov.render import paths

    if e.kind in ("meeting", "proposal", "commitment", "body", "plan"):
        page = paths.record_page(r, e.kind, e.ref)
        return paths.public_url(r, page) or paths.url_path(page)
    return e.ref if e.kind != "commit" else ""


def as_data(r: Records, assessments: Iterable[Assessment]) -> list[dict[str, Any]]:
    out = []
    for a in assessments:
        evidence = []
        for e in a.evidence:
            item = {"kind": e.kind, "label": e.label, "date": e.date, "url": evidence_address(r, e) or None}
            if e.kind not in ("document", "site", "commit"):
                item["id"] = e.ref
            evidence.append({k: v for k, v in item.items() if v is not None})
        row: dict[str, Any] = {"plan": a.plan, "requirement": a.requirement, "period": a.period, "status": a.status}
        if evidence:
            row["evidence"] = evidence
        if a.gaps:
            row["gaps"] = [{"from": start, "to": end} for start, end in a.gaps]
        out.append(row)
    return out


# --- `cogov standards` --------------------------------------------------------------------------------


def _text(r: Records, assessments: list[Assessment]) -> str:
    from cogov.messages import t

    lines: list[str] = []
    plan = None
    for a in assessments:
        if a.plan != plan:
            plan = a.plan
            lines += ["", f"{r.plans[plan].title} ({plan})"]
        status = t(f"ui.standard_status.{a.status}")
        gaps = "; ".join(f"{start} – {end}" for start, end in a.gaps)
        detail = t("standards.evidence", count=len(a.evidence))
        if gaps:
            detail += f"; {t('standards.gaps', gaps=gaps)}"
        lines.append(f"  {a.requirement:<9} {a.period:<21} {status:<20} {detail}")
    return "\n".join(lines).lstrip("\n") + "\n"


def _csv(r: Records, assessments: list[Assessment]) -> str:
    from cogov.opendata.tables import TABLES, table_csv

    table = next(t for t in TABLES if t.name == "standards")
    return table_csv(table, {"standards": as_data(r, assessments)})


def _json(r: Records, assessments: list[Assessment]) -> str:
    import json

    return json.dumps({"as_of": r.as_of, "standards": as_data(r, assessments)}, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": _text, "csv": _csv, "json": _json}
