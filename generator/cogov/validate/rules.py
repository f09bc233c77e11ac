"""Cross-record rules. Each rule is a small function with stable codes; they run only on records
that passed their schema, so they can rely on types, and they never raise on odd values."""

from __future__ import annotations

import difflib
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cogov.errors import Diagnostic, Severity, format_field
from cogov.i18n import catalogue_languages
from cogov.markup import MAX_BRACKETS, MAX_NESTING, Problem, find_problems
from cogov.messages import READER_LANGUAGE, t
from cogov.model import PROPOSAL_REASONED, PROPOSAL_TAKEN_UP, active_on, holds_seat, term_end
from cogov.records import ID_RE, MEETING_NAME_RE, Document
from cogov.schemas import default_schemas, field_nodes
from cogov.translations import Languages, language_name, texts, translatable_fields, values_at
from cogov.validate.index import KIND_ARTICLE, KIND_LABEL, RecordIndex

PathT = tuple[str | int, ...]


@dataclass(frozen=True)
class Context:
    index: RecordIndex
    as_of: str  # YYYY-MM-DD; ISO dates compare correctly as text
    content: Path | None = None  # the content folder, for files that records name (the logo)


def _diag(doc: Document, path: PathT, code: str, message: str, severity: Severity = Severity.ERROR) -> Diagnostic:
    line, col = doc.positions.value(path)
    return Diagnostic(doc.path, line, col, code, severity, message, format_field(path))


def _warn(doc: Document, path: PathT, code: str, message: str) -> Diagnostic:
    return _diag(doc, path, code, message, Severity.WARNING)


def _items(doc: Document, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for i, item in enumerate(doc.data.get(key) or []):
        if isinstance(item, dict):
            yield i, item


def _ref(ctx: Context, doc: Document, path: PathT, value: object, *kinds: str) -> Iterator[Diagnostic]:
    """A reference at ``path`` must name a record of one of ``kinds``."""
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        return  # the schema already reported it
    if any(ctx.index.get(kind, value) for kind in kinds):
        return
    found = ctx.index.kinds_of(value)
    if found:
        article = " or ".join(KIND_ARTICLE[k] for k in kinds)
        message = t("ref.wrong_kind", id=value, found=KIND_ARTICLE[found[0]], kind=article)
        yield _diag(doc, path, "REF002", message)
        return
    wanted = " or ".join(KIND_LABEL[k] for k in kinds)
    close = ctx.index.closest(kinds, value)
    suggestion = t("schema.did_you_mean", value=close) if close else ""
    yield _diag(doc, path, "REF001", t("ref.missing", kind=wanted, id=value, suggestion=suggestion))


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _name(ctx: Context, person_id: str) -> str:
    doc = ctx.index.get("person", person_id)
    if doc and isinstance(doc.data.get("name"), str) and not doc.data.get("withdrawn"):
        return str(doc.data["name"])
    return person_id


# --- references -----------------------------------------------------------------------------


@functools.cache
def reference_fields(kind: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Where a kind's records name other records, and of which kinds: every field the schema
    marks ``x-refers`` (``*`` for each item of a list). A field added to any kind, or a new kind,
    has its references checked without being listed here."""
    schema = default_schemas().schemas.get(kind, {})
    found = ((path, tuple(node["x-refers"])) for path, node in field_nodes(schema) if node.get("x-refers"))
    return tuple(dict.fromkeys(found))


def rule_references(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    for field, kinds in reference_fields(doc.kind):
        for where, value in values_at(doc.data, field):
            yield from _ref(ctx, doc, where, value, *kinds)
    if doc.kind == "meeting" and ctx.index.get("body", doc.parent) is None:
        close = ctx.index.closest(["body"], doc.parent)
        suggestion = t("schema.did_you_mean", value=close) if close else ""
        message = t("ref.meeting_folder", body=doc.parent, suggestion=suggestion)
        yield Diagnostic(doc.path, 1, 1, "REF003", Severity.ERROR, message)


# --- dates ----------------------------------------------------------------------------------


def _order(doc: Document, path: PathT, item: dict[str, Any], start: str, end: str) -> Iterator[Diagnostic]:
    a, b = item.get(start), item.get(end)
    if isinstance(a, str) and isinstance(b, str) and b < a:
        yield _diag(doc, (*path, end), "DATE002", t("date.end_before_start", start=a, end=b))


def rule_date_order(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    d = doc.data
    match doc.kind:
        case "body":
            yield from _order(doc, (), d, "established", "dissolved")
            for i, m in _items(doc, "members"):
                yield from _order(doc, ("members", i), m, "start", "end")
        case "plan":
            yield from _order(doc, (), d, "start", "end")
        case "commitment":
            yield from _order(doc, (), d, "start", "end")
            for i, m in _items(doc, "milestones"):
                yield from _order(doc, ("milestones", i), m, "start", "end")
        case "meeting":
            yield from _order(doc, (), d, "start_time", "end_time")
            announced, date = d.get("announced"), d.get("date")
            if isinstance(announced, str) and isinstance(date, str) and announced > date:
                yield _diag(doc, ("announced",), "DATE007", t("date.announced_after", announced=announced, date=date))


def rule_proposal(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """A proposal's response: the commitments that took it up, of its own plan; reasons where the
    standards ask for them; dates in order; the meeting where it was made on the day it was received."""
    if doc.kind != "proposal":
        return
    d = doc.data
    response = _mapping(d.get("response"))
    status, commitments = response.get("status"), response.get("commitments") or []
    if status in PROPOSAL_TAKEN_UP and not commitments:
        yield _diag(doc, ("response", "status"), "PRO001", t("proposal.no_commitments", status=status))
    for i, c in enumerate(commitments):
        found = ctx.index.valid("commitment", c)
        if found is not None and found.parent != doc.parent:
            message = t("proposal.other_plan", commitment=c, plan=found.parent, own=doc.parent)
            yield _diag(doc, ("response", "commitments", i), "PRO002", message)
    text = response.get("text")
    if status in PROPOSAL_REASONED and not (isinstance(text, str) and text.strip()):
        yield _warn(doc, ("response", "status"), "PRO003", t("proposal.no_reasons", status=status))
    received, answered = d.get("received"), response.get("date")
    if isinstance(received, str) and isinstance(answered, str) and answered < received:
        yield _diag(doc, ("response", "date"), "DATE008", t("date.response_before", date=answered, received=received))
    meeting = ctx.index.valid("meeting", d.get("meeting"))
    held = meeting.data.get("date") if meeting is not None else None
    if isinstance(received, str) and isinstance(held, str) and held != received:
        message = t("proposal.meeting_date", received=received, meeting=d.get("meeting"), date=held)
        yield _warn(doc, ("received",), "PRO004", message)


def rule_meeting_file_name(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    if doc.kind != "meeting":
        return
    match = MEETING_NAME_RE.fullmatch(doc.id)
    if match is None:
        yield Diagnostic(doc.path, 1, 1, "ID003", Severity.ERROR, t("id.meeting_name"))
        return
    date = doc.data.get("date")
    if isinstance(date, str) and date != match.group(1):
        yield _diag(doc, ("date",), "DATE001", t("date.meeting_name", date=date, name_date=match.group(1)))


def rule_meeting_status(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    if doc.kind != "meeting":
        return
    date, status = doc.data.get("date"), doc.data.get("status", "held")
    if not isinstance(date, str):
        return
    where: PathT = ("status",) if "status" in doc.data else ("date",)
    if status == "held" and date > ctx.as_of:
        yield _diag(doc, where, "DATE003", t("date.held_in_future", date=date, today=ctx.as_of))
    if status == "scheduled" and date < ctx.as_of:
        yield _warn(doc, ("status",), "DATE005", t("date.scheduled_past", date=date))


def rule_site_language(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """The site's own text (headings, labels, values) exists in the languages with a catalogue."""
    language = doc.data.get("language") if doc.kind == "site" else None
    if not isinstance(language, str):
        return
    available = ["en", *catalogue_languages()]
    if language.split("-")[0] not in available and language.replace("-", "_") not in available:
        message = t("site.language_untranslated", code=language, available=", ".join(available))
        yield _warn(doc, ("language",), "SITE001", message)


# The first bytes of the image formats a logo may have.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _is_image(head: bytes) -> bool:
    return head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def site_logo(doc: Document) -> str | None:
    """The publisher's logo that content/site.yml names (a path inside content/), if any."""
    publisher = doc.data.get("publisher") if doc.kind == "site" else None
    logo = publisher.get("logo") if isinstance(publisher, dict) else None
    return logo if isinstance(logo, str) else None


def rule_site_logo(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """The publisher's logo is a raster image inside content/ (the header shows it)."""
    logo = site_logo(doc)
    if logo is None or ctx.content is None:
        return
    path = ctx.content / logo
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        yield _diag(doc, ("publisher", "logo"), "SITE002", t("site.logo_missing", path=logo))
        return
    if not _is_image(head):
        yield _diag(doc, ("publisher", "logo"), "SITE002", t("site.logo_not_image", path=logo))


def rule_plan_member(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """On a site that covers several OGP members, each plan names one of them."""
    if doc.kind != "plan":
        return
    site = next(iter(ctx.index.by_kind.get("site", {}).values()), None)
    listed = site.data.get("members") if site is not None else None
    ids = [str(m.get("id")) for m in listed if isinstance(m, dict)] if isinstance(listed, list) else []
    member = doc.data.get("member")
    if isinstance(member, str) and member not in ids:
        close = difflib.get_close_matches(member, ids, n=1)
        suggestion = t("schema.did_you_mean", value=close[0]) if close else ""
        yield _diag(doc, ("member",), "SITE003", t("site.member_unknown", member=member, suggestion=suggestion))
    elif member is None and len(ids) > 1:
        yield _warn(doc, (), "SITE003", t("site.member_missing", members=", ".join(ids)))


def rule_commitment_periods(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """Milestones should fall within their commitment's period, and that within the plan's."""
    if doc.kind != "commitment":
        return
    plan = ctx.index.valid("plan", doc.parent)
    periods: list[tuple[str, str | None, str | None]] = [
        ("commitment", doc.data.get("start"), doc.data.get("end")),
    ]
    if plan is not None:
        periods.append(("action plan", plan.data.get("start"), plan.data.get("end")))
    for i, m in _items(doc, "milestones"):
        start, end = m.get("start") or m.get("end"), m.get("end")
        for owner, pstart, pend in periods:
            if not (pstart and pend and isinstance(start, str) and isinstance(end, str)) or pend < pstart:
                continue
            if start < pstart or end > pend:
                message = t("date.milestone_outside", start=start, end=end, owner=owner, pstart=pstart, pend=pend)
                yield _warn(doc, ("milestones", i, "end" if end > pend else "start"), "DATE004", message)
                break
    for i, u in _items(doc, "updates"):
        date = u.get("date")
        if isinstance(date, str) and date > ctx.as_of:
            yield _warn(doc, ("updates", i, "date"), "DATE006", t("date.update_future", date=date, today=ctx.as_of))


# --- memberships ----------------------------------------------------------------------------


def _chairs(meeting: dict[str, Any]) -> list[tuple[PathT, str]]:
    """Who chaired a meeting, with where each is written: ``chair: id`` or ``chair: [id, id]``."""
    chair = meeting.get("chair")
    if isinstance(chair, list):
        return [(("chair", i), c) for i, c in enumerate(chair) if isinstance(c, str)]
    return [(("chair",), chair)] if isinstance(chair, str) else []


def _named_seats(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A body's named seats by ID (``seats`` given as a list), or {}."""
    seats = body.get("seats")
    if not isinstance(seats, list):
        return {}
    return {str(s["id"]): s for s in seats if isinstance(s, dict) and isinstance(s.get("id"), str)}


def _sector(ctx: Context, membership: dict[str, Any], named: dict[str, dict[str, Any]] | None = None) -> str | None:
    """The sector whose seat the membership takes; "" when it cannot be known because a record it
    depends on is itself invalid (already reported), None when no organization is named at all."""
    if isinstance(membership.get("sector"), str):
        return str(membership["sector"])
    seat = (named or {}).get(str(membership.get("seat")))
    if seat is not None:
        return str(seat["sector"])
    if membership.get("personal") is True:
        return None
    org_id = membership.get("organization")
    if not org_id:
        person = ctx.index.valid("person", membership.get("person"))
        if person is None:
            return ""
        org_id = person.data.get("organization")
        if not org_id:
            return None
    org = ctx.index.valid("organization", org_id)
    return str(org.data["sector"]) if org else ""


def _active(m: dict[str, Any], day: str) -> bool:
    """A raw membership entry (one that passed its schema) in force on ``day``."""
    return active_on(str(m.get("start")), None if m.get("end") is None else str(m.get("end")), day)


def rule_memberships(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    if doc.kind != "body":
        return
    members = list(_items(doc, "members"))
    by_person: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    established = doc.data.get("established")
    for i, m in members:
        role, alt = m.get("role"), m.get("alternate_for")
        if role == "alternate" and not alt and not m.get("seat"):
            yield _diag(doc, ("members", i), "MEM002", t("member.alternate_for_missing"))
        if alt and role != "alternate":
            yield _diag(doc, ("members", i, "alternate_for"), "MEM002", t("member.alternate_for_not_alternate"))
        if alt and alt == m.get("person"):
            yield _diag(doc, ("members", i, "alternate_for"), "MEM002", t("member.alternate_for_self"))
        if m.get("personal") is True and m.get("organization"):
            person = _name(ctx, str(m.get("person")))
            message = t("member.personal_with_organization", person=person, organization=m["organization"])
            yield _diag(doc, ("members", i, "organization"), "MEM006", message)
        if isinstance(established, str) and str(m.get("start")) < established:
            yield _warn(
                doc,
                ("members", i, "start"),
                "MEM004",
                t("member.membership_outside_body", established=established),
            )
        for j, other in by_person[str(m.get("person"))]:
            o_end, m_end = other.get("end") or "9999-12-31", m.get("end") or "9999-12-31"
            if str(m.get("start")) <= o_end and str(other.get("start")) <= m_end:
                message = t(
                    "member.overlap",
                    person=_name(ctx, str(m.get("person"))),
                    start=other.get("start"),
                    end=other.get("end") or "now",
                    other=j + 1,
                )
                yield _diag(doc, ("members", i, "start"), "MEM001", message)
                break
        by_person[str(m.get("person"))].append((i, m))
    seats = doc.data.get("seats")
    named = _named_seats(doc.data)
    if named:  # every listed seat counts, a repeated ID too (that is reported once, by rule_seats)
        seats = dict(Counter(str(s["sector"]) for s in doc.data["seats"] if isinstance(s, dict)))
    if not isinstance(seats, dict) or not seats:
        return
    holders: Counter[str] = Counter()
    for i, m in members:
        if not holds_seat(str(m.get("role"))) or not _active(m, ctx.as_of):
            continue
        sector = _sector(ctx, m, named)
        if sector == "":
            continue
        if sector is None:
            name = _name(ctx, str(m.get("person")))
            key = "member.personal_no_sector" if m.get("personal") is True else "member.no_sector"
            yield _warn(doc, ("members", i), "MEM005", t(key, person=name))
            continue
        holders[sector] += 1
    for sector, count in sorted(holders.items()):
        allowed = seats.get(sector, 0)
        if count > allowed:
            message = t("member.seats_exceeded", count=count, sector=sector, seats=allowed)
            where: PathT = ("seats", sector) if sector in seats and not named else ("seats",)
            yield _warn(doc, where, "MEM003", message)


def rule_seats(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """Named seats (``seats`` as a list): each membership names a seat the body has, one holder at a
    time, terms that ran out, vacant seats; and, for every body, alternates whose principal no
    longer sits."""
    if doc.kind != "body":
        return
    members = list(_items(doc, "members"))
    seats = doc.data.get("seats")
    named = _named_seats(doc.data)
    if isinstance(seats, list):
        seen: set[str] = set()
        for k, seat in enumerate(seats):
            if isinstance(seat, dict) and seat.get("id") in seen:
                yield _diag(doc, ("seats", k, "id"), "SEAT001", t("seat.duplicate", seat=seat["id"]))
            seen.add(str(seat.get("id")) if isinstance(seat, dict) else "")
            if isinstance(seat, dict) and seat.get("organization"):
                yield from _ref(ctx, doc, ("seats", k, "organization"), seat["organization"], "organization")
    last_day = ctx.as_of
    dissolved = doc.data.get("dissolved")
    if isinstance(dissolved, str) and dissolved < last_day:
        last_day = dissolved
    holders: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    misnamed = False  # a seat named wrongly: who holds what is unknown, so vacancies are not judged
    for i, m in members:
        seat_id = m.get("seat")
        if not isinstance(seat_id, str):
            continue
        if seat_id not in named:
            misnamed = True
            if named:
                close = difflib.get_close_matches(seat_id, list(named), n=1)
                suggestion = t("schema.did_you_mean", value=close[0]) if close else ""
                message = t("seat.unknown", seat=seat_id, suggestion=suggestion)
            else:
                message = t("seat.no_named_seats", seat=seat_id)
            yield _diag(doc, ("members", i, "seat"), "SEAT001", message)
            continue
        if m.get("role") == "alternate" or not holds_seat(str(m.get("role"))):
            continue
        for j, other in holders[seat_id]:
            o_end, m_end = other.get("end") or "9999-12-31", m.get("end") or "9999-12-31"
            if str(m.get("start")) <= o_end and str(other.get("start")) <= m_end:
                message = t(
                    "seat.double",
                    seat=seat_id,
                    person=_name(ctx, str(m.get("person"))),
                    other=_name(ctx, str(other.get("person"))),
                    entry=j + 1,
                )
                yield _diag(doc, ("members", i, "seat"), "SEAT002", message)
                break
        holders[seat_id].append((i, m))
        term = named[seat_id].get("term_years")
        if isinstance(term, int) and m.get("end") is None:
            ends = term_end(str(m.get("start")), term)
            if ends < last_day:
                message = t("seat.term_over", person=_name(ctx, str(m.get("person"))), seat=seat_id, years=term,
                            start=m.get("start"), ended=ends)  # fmt: skip
                yield _warn(doc, ("members", i, "start"), "SEAT004", message)
    # Each named seat at the first place it is listed (a repeated ID is reported above).
    places: dict[str, int] = {}
    for k, seat in enumerate(seats if isinstance(seats, list) else []):
        if isinstance(seat, dict):
            places.setdefault(str(seat.get("id")), k)
    for seat_id, k in sorted(places.items(), key=lambda item: item[1]) if not misnamed else []:
        if not any(_active(m, last_day) for _, m in holders[seat_id]):
            ended = [str(m["end"]) for _, m in holders[seat_id] if m.get("end")]
            message = (
                t("seat.vacant_since", seat=seat_id, date=max(ended)) if ended else t("seat.never_filled", seat=seat_id)
            )
            yield _warn(doc, ("seats", k), "SEAT003", message)
    for i, m in members:
        if m.get("role") != "alternate" or not _active(m, last_day):
            continue
        principal = m.get("alternate_for")
        if isinstance(principal, str):
            sitting = any(str(o.get("person")) == principal and _active(o, last_day) for _, o in members)
            whom = _name(ctx, principal)
        elif isinstance(m.get("seat"), str) and m["seat"] in named and not misnamed:
            sitting = any(_active(o, last_day) for _, o in holders[m["seat"]])
            whom = t("seat.holder_of", seat=m["seat"])
        else:
            continue
        if not sitting:
            message = t("member.alternate_without_principal", person=_name(ctx, str(m.get("person"))), principal=whom)
            yield _warn(doc, ("members", i), "MEM007", message)


# --- attendance and minutes -----------------------------------------------------------------


def rule_attendance(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    if doc.kind != "meeting":
        return
    d = doc.data
    status, date = d.get("status", "held"), d.get("date")
    attendance = list(_items(doc, "attendance"))
    if status == "held" and not attendance and not d.get("participants"):
        yield _diag(doc, (), "ATT003", t("attend.missing"))
    body = ctx.index.valid("body", doc.parent)
    if body is None or not isinstance(date, str):
        return
    members = [m for m in body.data.get("members") or [] if isinstance(m, dict)]
    on_date = {str(m.get("person")) for m in members if _active(m, date)}
    body_name = str(body.data.get("name") or body.id)
    seen: dict[str, int] = {}
    attending = {str(a.get("person")) for _, a in attendance if a.get("status") in ("present", "remote")}
    for i, a in attendance:
        person = str(a.get("person"))
        if person in seen:
            yield _diag(doc, ("attendance", i, "person"), "ATT004", t("attend.duplicate", person=_name(ctx, person)))
            continue
        seen[person] = i
        if ctx.index.get("person", person) is None:
            continue  # reported as a missing reference
        stand_in_for = a.get("on_behalf_of")
        if isinstance(stand_in_for, str):
            if ctx.index.get("person", stand_in_for) is None:
                continue
            if stand_in_for not in on_date:
                message = t(
                    "attend.stand_in_not_member",
                    person=_name(ctx, person),
                    member=_name(ctx, stand_in_for),
                    body=body_name,
                    date=date,
                )
                yield _diag(doc, ("attendance", i, "on_behalf_of"), "ATT001", message)
            elif stand_in_for in attending and a.get("status") in ("present", "remote"):
                message = t("attend.stand_in_for_present", person=_name(ctx, person), member=_name(ctx, stand_in_for))
                yield _warn(doc, ("attendance", i, "on_behalf_of"), "ATT005", message)
        elif person not in on_date:
            message = t("attend.not_member", person=_name(ctx, person), body=body_name, date=date)
            yield _diag(doc, ("attendance", i, "person"), "ATT001", message)
    if status == "held" and attendance:
        for where, chair in _chairs(d):
            if chair not in attending and ctx.index.get("person", chair) is not None:
                yield _diag(doc, where, "ATT002", t("attend.chair_absent", person=_name(ctx, chair)))


def rule_minutes(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    if doc.kind != "meeting":
        return
    minutes, approved_in = doc.data.get("minutes"), doc.data.get("approved_in")
    if minutes == "approved" and not approved_in:
        yield _diag(doc, ("minutes",), "MIN001", t("minutes.approved_without_meeting"))
    if approved_in and minutes != "approved":
        yield _diag(doc, ("approved_in",), "MIN002", t("minutes.approved_in_without_approved"))
    if isinstance(approved_in, str):
        other = ctx.index.valid("meeting", approved_in)
        date = doc.data.get("date")
        other_date = other.data.get("date") if other else None
        if isinstance(date, str) and isinstance(other_date, str) and other_date < date:
            message = t("minutes.approved_before", meeting=approved_in, date=other_date)
            yield _diag(doc, ("approved_in",), "MIN003", message)


_MARKDOWN = "#/$defs/markdown"


@functools.cache
def markdown_fields(kind: str) -> tuple[tuple[str, ...], ...]:
    """Where a kind's records hold Markdown: every field whose schema is common.json's
    ``markdown``, found in the schema itself (``*`` for each item of a list), so that a field added
    to any kind, or a new kind, is checked without being listed here."""
    schema = default_schemas().schemas.get(kind, {})
    found = (path for path, node in field_nodes(schema) if str(node.get("$ref", "")).endswith(_MARKDOWN))
    return tuple(dict.fromkeys(found))


def _markdown_texts(doc: Document) -> Iterator[tuple[PathT, str]]:
    for field in markdown_fields(doc.kind):
        for where, value in values_at(doc.data, field):
            yield from texts(value, where)  # one text, or one per language


def _markdown_message(problem: Problem) -> str:
    return t(
        f"markdown.{problem.kind}",
        snippet=problem.snippet,
        limit={"brackets": MAX_BRACKETS}.get(problem.kind, MAX_NESTING),
    )


def rule_markdown(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """Markdown written by contributors holds no HTML, comments or links that run code."""
    for path, text in _markdown_texts(doc):
        for problem in find_problems(text):
            line, col = doc.positions.value(path)
            yield Diagnostic(
                doc.path, line, col, "MD001", Severity.ERROR, _markdown_message(problem), format_field(path)
            )
    if doc.markdown:
        for problem in find_problems(doc.markdown):
            line = doc.markdown_line + problem.line
            yield Diagnostic(doc.path, line, problem.col + 1, "MD001", Severity.ERROR, _markdown_message(problem))
    for translation in doc.translations.values():  # the text in other languages, from its own file
        for problem in find_problems(translation.markdown):
            line = translation.markdown_line + problem.line
            message = _markdown_message(problem)
            yield Diagnostic(translation.path, line, problem.col + 1, "MD001", Severity.ERROR, message)


# --- translations ---------------------------------------------------------------------------


def _languages(ctx: Context) -> Languages:
    site = next(iter(ctx.index.by_kind.get("site", {}).values()), None)
    return Languages.of(site.data if site is not None else None)


def rule_translations(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """Texts in several languages use the site's languages; required translations are there."""
    if doc.kind == "site":
        return
    languages = _languages(ctx)
    published = ", ".join(languages.all)
    reader = READER_LANGUAGE.get()
    required = doc.kind in languages.require
    severity = Severity.ERROR if languages.severity == "error" else Severity.WARNING
    for field in translatable_fields(doc.kind):
        for where, value in values_at(doc.data, field):
            if isinstance(value, dict):
                for lang in value:
                    if str(lang) not in languages.all:
                        message = t("translation.unknown_language", lang=lang, languages=published)
                        yield Diagnostic(doc.path, *doc.positions.key((*where, lang)), "TRN001", Severity.ERROR,
                                         message, format_field((*where, lang)))  # fmt: skip
                if languages.default not in value and any(str(k) in languages.all for k in value):
                    name = language_name(languages.default, reader)
                    yield _warn(doc, where, "TRN005", t("translation.no_default", name=name))
            if not required or value is None:
                continue
            for lang in languages.others:
                if not (isinstance(value, dict) and lang in value):
                    message = t("translation.missing", name=language_name(lang, reader), lang=lang)
                    yield _diag(doc, where, "TRN002", message, severity)
    for lang, translation in doc.translations.items():
        if lang not in languages.others:
            message = t("translation.unknown_file_language", lang=lang, languages=published)
            yield Diagnostic(translation.path, 1, 1, "TRN003", Severity.ERROR, message)
    if required and doc.markdown.strip():
        for lang in languages.others:
            if lang not in doc.translations:
                name = language_name(lang, reader)
                file = doc.path.rsplit("/", 1)[-1].removesuffix(".md") + f".{lang}.md"
                message = t("translation.missing_text", name=name, file=file)
                yield Diagnostic(doc.path, doc.markdown_line or 1, 1, "TRN002", severity, message)


Rule = Callable[[Document, Context], Iterator[Diagnostic]]
# Rules that read only the record itself (and "today"): their results can be kept per record.
LOCAL_RULES: tuple[Rule, ...] = (
    rule_date_order,
    rule_meeting_file_name,
    rule_meeting_status,
    rule_markdown,
    rule_site_language,
)
# Rules that look at other records.
CROSS_RULES: tuple[Rule, ...] = (
    rule_references,
    rule_commitment_periods,
    rule_memberships,
    rule_seats,
    rule_attendance,
    rule_minutes,
    rule_site_logo,
    rule_plan_member,
    rule_proposal,
    rule_translations,
)
