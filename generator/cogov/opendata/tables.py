"""CSV tables for spreadsheets, described column by column in a Frictionless Data Package (v2)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cogov.i18n import page_text
from cogov.model import SiteInfo
from cogov.render import paths

Row = dict[str, Any]
Data = dict[str, Any]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[tuple[str, str, str], ...]  # (name, type, description)
    rows: Callable[[Data], Iterator[Row]]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())  # (field, table, field)
    section: str | None = None  # published only when records.json has this section


def _id(ref: dict[str, Any] | None) -> str:
    return str(ref["id"]) if ref else ""


def _name(ref: dict[str, Any] | None) -> str:
    return str(ref.get("name") or ref.get("title") or "") if ref else ""


def _ids(refs: list[dict[str, Any]] | None) -> str:
    return ";".join(_id(r) for r in refs or [])


def _organizations(d: Data) -> Iterator[Row]:
    for o in d["organizations"]:
        yield {
            "id": o["id"],
            "name": o["name"],
            "abbreviation": o.get("abbreviation"),
            "sector": o["sector"],
            "parent_id": _id(o.get("parent")),
            "url": o.get("url"),
            "former_names": "; ".join(
                f"{f['name']} ({f.get('start', '')}/{f['end']})" for f in o.get("former_names", [])
            ),
        }


def _people(d: Data) -> Iterator[Row]:
    for p in d["people"]:
        org = p.get("organization")
        yield {
            "id": p["id"],
            "name": p["name"],
            "withheld": bool(p.get("withheld")),
            "organization_id": _id(org),
            "organization_name": _name(org),
            "position": p.get("position"),
        }


def _bodies(d: Data) -> Iterator[Row]:
    for b in d["bodies"]:
        yield {
            "id": b["id"],
            "name": b["name"],
            "type": b["type"],
            "parent_id": _id(b.get("parent")),
            "established": b.get("established"),
            "dissolved": b.get("dissolved"),
            "chair": b.get("chair"),
            "meeting_target_per_year": b.get("meeting_target_per_year"),
            "rules_url": b.get("rules_url"),
            "open_membership": b.get("seats") == "open",
            "commitment_ids": ";".join(c["id"] for c in b.get("commitments", [])),
        }


def _seats(d: Data) -> Iterator[Row]:
    for b in d["bodies"]:
        seats_of = b.get("seats")
        if isinstance(seats_of, list):  # named seats: their count per sector
            counts: dict[str, int] = {}
            for seat in seats_of:
                counts[seat["sector"]] = counts.get(seat["sector"], 0) + 1
            seats_of = dict(sorted(counts.items()))
        for sector, seats in (seats_of if isinstance(seats_of, dict) else {}).items():
            yield {"body_id": b["id"], "sector": sector, "seats": seats}


def _named_seats(d: Data) -> Iterator[Row]:
    for b in d["bodies"]:
        for seat in b.get("seats") if isinstance(b.get("seats"), list) else []:
            yield {
                "body_id": b["id"],
                "seat_id": seat["id"],
                "name": seat.get("name"),
                "sector": seat["sector"],
                "organization_id": _id(seat.get("organization")),
                "term_years": seat.get("term_years"),
            }


def _memberships(d: Data) -> Iterator[Row]:
    for b in d["bodies"]:
        for m in b.get("memberships", []):
            yield {
                "body_id": b["id"],
                "body_name": b["name"],
                "person_id": _id(m.get("person")),
                "person_name": _name(m.get("person")),
                "organization_id": _id(m.get("organization")),
                "organization_name": _name(m.get("organization")),
                "personal": bool(m.get("personal")),
                "sector": m.get("sector"),
                "role": m["role"],
                "title": m.get("title"),
                "seat_id": m.get("seat"),
                "start": m["start"],
                "end": m.get("end"),
                "alternate_for_id": _id(m.get("alternate_for")),
                "note": m.get("note"),
            }


def _plans(d: Data) -> Iterator[Row]:
    for p in d["action_plans"]:
        yield {
            "id": p["id"],
            "title": p["title"],
            "number": p.get("number"),
            "start": p["start"],
            "end": p["end"],
            "status": p["status"],
            "forum_id": _id(p.get("forum")),
            "submitted": p.get("submitted"),
            "member_id": p.get("member"),
        }


def _commitments(d: Data) -> Iterator[Row]:
    for c in d["commitments"]:
        milestones = c.get("milestones", [])
        irm = c.get("irm", {})
        yield {
            "id": c["id"],
            "plan_id": c["plan"],
            "ogp_id": c.get("ogp_id"),
            "title": c["title"],
            "lead_id": _id(c["lead"]),
            "lead_name": _name(c["lead"]),
            "supporting_ids": _ids(c.get("supporting")),
            "values": ";".join(c.get("values", [])),
            "themes": ";".join(c.get("themes", [])),
            "start": c.get("start"),
            "end": c.get("end"),
            "status": c.get("status"),
            "milestones_total": len(milestones),
            "milestones_completed": sum(1 for m in milestones if m["status"] == "completed"),
            "irm_potential_impact": irm.get("potential_impact"),
            "irm_completion": irm.get("completion"),
            "irm_did_it_open_government": irm.get("did_it_open_government"),
        }


def _proposals(d: Data) -> Iterator[Row]:
    for p in d.get("proposals", []):
        source, response = p["from"], p["response"]
        who = source.get("organization") or source.get("person")
        yield {
            "id": p["id"],
            "plan_id": p["plan"],
            "title": p["title"],
            "received": p["received"],
            "channel": p.get("channel"),
            "meeting_id": _id(p.get("meeting")),
            "from_kind": "organization" if "organization" in source else "person" if "person" in source else "public",
            "from_id": _id(who),
            "from_name": _name(who) or source.get("description"),
            "from_sector": source.get("sector"),
            "text": p.get("text"),
            "response_status": response["status"],
            "commitment_ids": _ids(response.get("commitments")),
            "response_text": response.get("text"),
            "response_date": response.get("date"),
            "response_document": response.get("document"),
        }


def _standards(d: Data) -> Iterator[Row]:
    for a in d.get("standards", []):
        evidence = a.get("evidence", [])
        yield {
            "plan_id": a["plan"],
            "requirement": a["requirement"],
            "period": a["period"],
            "status": a["status"],
            "evidence_count": len(evidence),
            "evidence": " ; ".join(e.get("url") or e.get("label", "") for e in evidence),
            "gaps": "; ".join(f"{g['from']}/{g['to']}" for g in a.get("gaps", [])),
        }


def _translations(d: Data) -> Iterator[Row]:
    for x in d.get("translations", []):
        yield {
            "kind": x["kind"],
            "record_id": x["id"],
            "field": x["field"],
            "language": x["language"],
            "text": x["text"],
        }


def _milestones(d: Data) -> Iterator[Row]:
    for c in d["commitments"]:
        for i, m in enumerate(c.get("milestones", []), start=1):
            yield {
                "commitment_id": c["id"],
                "number": i,
                "title": m["title"],
                "start": m.get("start"),
                "end": m["end"],
                "status": m["status"],
                "evidence_urls": ";".join(e["url"] for e in m.get("evidence", [])),
            }


def _updates(d: Data) -> Iterator[Row]:
    for c in d["commitments"]:
        for u in c.get("updates", []):
            yield {"commitment_id": c["id"], "date": u["date"], "status": u["status"], "summary": u["summary"]}


def _meetings(d: Data) -> Iterator[Row]:
    for m in d["meetings"]:
        yield {
            "id": m["id"],
            "body_id": m["body"]["id"],
            "body_name": m["body"]["name"],
            "title": m["title"],
            "date": m["date"],
            "start_time": m.get("start_time"),
            "end_time": m.get("end_time"),
            "timezone": m["timezone"],
            "kind": m["kind"],
            "status": m["status"],
            "location": m.get("location"),
            "online_url": m.get("online_url"),
            "chair_id": _id(m.get("chair")),
            "chair_name": _name(m.get("chair")),
            "co_chair_ids": ";".join(c["id"] for c in m.get("chairs", [])[1:]),
            "announced": m.get("announced"),
            "audience": m.get("audience"),
            "channel": m.get("channel"),
            "participants": sum(m.get("participants", {}).values()) if m.get("participants") else None,
            "minutes_status": m.get("minutes_status"),
            "approved_in": m.get("approved_in"),
            "attendance_rate": m.get("attendance_rate"),
        }


def _attendance(d: Data) -> Iterator[Row]:
    for m in d["meetings"]:
        for a in m.get("attendance", []):
            yield {
                "meeting_id": m["id"],
                "meeting_date": m["date"],
                "body_id": m["body"]["id"],
                "person_id": _id(a["person"]),
                "person_name": _name(a["person"]),
                "status": a["status"],
                "on_behalf_of_id": _id(a.get("on_behalf_of")),
                "on_behalf_of_name": _name(a.get("on_behalf_of")),
            }


def _decisions(d: Data) -> Iterator[Row]:
    for m in d["meetings"]:
        for i, x in enumerate(m.get("decisions", []), start=1):
            vote = x.get("vote") or {}
            yield {
                "meeting_id": m["id"],
                "meeting_date": m["date"],
                "number": i,
                "text": x["text"],
                "commitment_ids": _ids(x.get("commitments")),
                "votes_for": vote.get("for"),
                "votes_against": vote.get("against"),
                "votes_abstain": vote.get("abstain"),
            }


def _actions(d: Data) -> Iterator[Row]:
    for m in d["meetings"]:
        for i, a in enumerate(m.get("actions", []), start=1):
            yield {
                "meeting_id": m["id"],
                "meeting_date": m["date"],
                "number": i,
                "text": a["text"],
                "owner_type": (a.get("owner") or {}).get("type"),
                "owner_id": _id(a.get("owner")),
                "owner_name": _name(a.get("owner")),
                "due": a.get("due"),
                "status": a["status"],
                "commitment_ids": _ids(a.get("commitments")),
            }


S, INT, D, N, B = "string", "integer", "date", "number", "boolean"
TABLES: tuple[Table, ...] = (
    Table("organizations", "Organizations", page_text("Government agencies, civil-society organizations and others."), (
        ("id", S, "Organization ID"), ("name", S, "Full name"), ("abbreviation", S, "Short name"),
        ("sector", S, "Sector: government, civil-society, private-sector, academia, parliament, oversight-body, "
         "multilateral or other"),
        ("parent_id", S, "ID of the organization it belongs to"), ("url", S, "Website"),
        ("former_names", S, "Former names, each with its dates (start/end), separated by ;"),
    ), _organizations, ("id",), (("parent_id", "organizations", "id"),)),
    Table("people", "People", page_text("Public profiles of people who serve on bodies. No contact data."), (
        ("id", S, "Person ID (an opaque ID when the name is withheld)"), ("name", S, "Public name"),
        ("withheld", B, "True when the person asked for their name to be withheld"),
        ("organization_id", S, "Current organization"), ("organization_name", S, "Current organization's name"),
        ("position", S, "Public position"),
    ), _people, ("id",), (("organization_id", "organizations", "id"),)),
    Table("bodies", "Bodies", page_text("Co-governance bodies."), (
        ("id", S, "Body ID"), ("name", S, "Name"), ("type", S, "Kind of body"),
        ("parent_id", S, "Body it reports to"), ("established", D, "Date established"),
        ("dissolved", D, "Date dissolved"), ("chair", S, "How it is chaired: rotating, fixed or co-chairs"),
        ("meeting_target_per_year", INT, "Meetings a year its rules ask for"), ("rules_url", S, "Terms of reference"),
        ("open_membership", B, "True when membership is open (no fixed seats)"),
        ("commitment_ids", S, "Commitments it is responsible for (a commitment team), separated by ;"),
    ), _bodies, ("id",), (("parent_id", "bodies", "id"),)),
    Table("seats", "Seats", page_text("Seats per sector on each body."), (
        ("body_id", S, "Body ID"), ("sector", S, "Sector"), ("seats", INT, "Number of seats"),
    ), _seats, ("body_id", "sector"), (("body_id", "bodies", "id"),)),
    Table("named_seats", "Named seats", page_text("The named seats of bodies whose rules name them."), (
        ("body_id", S, "Body ID"), ("seat_id", S, "Seat ID, unique in the body"), ("name", S, "The seat's name"),
        ("sector", S, "Sector"), ("organization_id", S, "The institution the seat belongs to"),
        ("term_years", INT, "Length of a holder's term, in years"),
    ), _named_seats, ("body_id", "seat_id"), (("body_id", "bodies", "id"), ("organization_id", "organizations", "id"))),
    Table("memberships", "Memberships", page_text("Who sits or sat on each body, for whom and when."), (
        ("body_id", S, "Body ID"), ("body_name", S, "Body name"), ("person_id", S, "Person ID"),
        ("person_name", S, "Person's public name"), ("organization_id", S, "Organization the member sits for"),
        ("organization_name", S, "Its name"),
        ("personal", B, "True when held in a personal capacity, for no organization"),
        ("sector", S, "The sector of the seat the membership takes (its own, else its organization's)"),
        ("role", S, "chair, co-chair, vice-chair, member, alternate, observer or secretariat"),
        ("title", S, "A title shown with the role"),
        ("seat_id", S, "The named seat held (for an alternate: whose holder they stand in for)"),
        ("start", D, "First day"), ("end", D, "Last day (empty while it lasts)"),
        ("alternate_for_id", S, "For an alternate: the member they stand in for"), ("note", S, "Public note"),
    ), _memberships, (), (("body_id", "bodies", "id"), ("person_id", "people", "id"),
          ("organization_id", "organizations", "id"), ("alternate_for_id", "people", "id"))),
    Table("action_plans", "Action plans", page_text("OGP action plans."), (
        ("id", S, "Plan ID"), ("title", S, "Title"), ("number", INT, "Number in the member's sequence"),
        ("start", D, "First day of implementation"), ("end", D, "Last day"),
        ("status", S, "co-creation, implementation or completed"), ("forum_id", S, "Body that steers it"),
        ("submitted", D, "Date submitted to OGP"),
        ("member_id", S, "On a site that covers several OGP members: the member whose plan it is"),
    ), _plans, ("id",), (("forum_id", "bodies", "id"),)),
    Table("commitments", "Commitments",
          page_text("Commitments of the action plans, with progress and IRM assessment."), (
        ("id", S, "Commitment ID"), ("plan_id", S, "Action plan ID"), ("ogp_id", S, "OGP identifier"),
        ("title", S, "Title"), ("lead_id", S, "Lead organization ID"), ("lead_name", S, "Lead organization"),
        ("supporting_ids", S, "Supporting organization IDs, separated by ;"),
        ("values", S, "OGP values, separated by ;"), ("themes", S, "Themes, separated by ;"),
        ("start", D, "Start"), ("end", D, "End"),
        ("status", S, "not-started, in-progress, completed, delayed or withdrawn"),
        ("milestones_total", INT, "Number of milestones"), ("milestones_completed", INT, "Milestones completed"),
        ("irm_potential_impact", S, "IRM: potential impact"), ("irm_completion", S, "IRM: completion"),
        ("irm_did_it_open_government", S, "IRM: did it open government"),
    ), _commitments, ("id",), (("plan_id", "action_plans", "id"), ("lead_id", "organizations", "id"))),
    Table("proposals", "Proposals",
          page_text("Proposals received for the action plans, and the government's reasoned response to each."), (
        ("id", S, "Proposal ID"), ("plan_id", S, "Action plan ID"), ("title", S, "Title"),
        ("received", D, "When it was received"),
        ("channel", S, "meeting, online-form, written, email or other"), ("meeting_id", S, "Meeting where it was made"),
        ("from_kind", S, "organization, person or public (a member of the public, not named)"),
        ("from_id", S, "ID of the organization or person"),
        ("from_name", S, "Name of the organization or person, or a description of a member of the public"),
        ("from_sector", S, "Sector of a member of the public, if given"), ("text", S, "What was proposed (Markdown)"),
        ("response_status", S, "adopted, merged, partly-adopted, not-adopted or pending"),
        ("commitment_ids", S, "Commitments that took it up, separated by ;"),
        ("response_text", S, "The reasoned response (Markdown)"), ("response_date", D, "Date of the response"),
        ("response_document", S, "Where the response is published"),
    ), _proposals, ("id",), (("plan_id", "action_plans", "id"), ("meeting_id", "meetings", "id"))),
    Table("standards", "OGP standards",
          page_text("Each action plan's minimum requirements of the OGP Participation and Co-Creation Standards, "
                    "as computed from the records, with the evidence that decided each status."), (
        ("plan_id", S, "Action plan ID"),
        ("requirement", S, "The requirement: 1.1, 2.1, 2.2, 3, 4.1, 5.1, or next-plan (a new plan on time)"),
        ("period", S, "The period assessed: a year, or two dates separated by /"),
        ("status", S, "met, partly (evidence of action), not-met, no-evidence or not-due"),
        ("evidence_count", INT, "Number of records and documents that decided the status"),
        ("evidence", S, "Their addresses (record pages or documents), separated by ' ; '"),
        ("gaps", S, "For 1.1: periods longer than the interval without a meeting, as from/to, separated by ;"),
    ), _standards, ("plan_id", "requirement", "period"), (("plan_id", "action_plans", "id"),)),
    Table("translations", "Translations",
          page_text("On a site in several languages, every translatable text of every record in each "
                    "language: the other tables hold the site's own language."), (
        ("kind", S, "The kind of record: organization, person, body, plan, commitment, meeting or proposal"),
        ("record_id", S, "The record's ID"),
        ("field", S, "The field, as the field reference names it (decisions[0].text); text for the record's text"),
        ("language", S, "The language, as a BCP 47 tag"), ("text", S, "The text (Markdown where the field is)"),
    ), _translations, ("kind", "record_id", "field", "language"), (), "translations"),
    Table("milestones", "Milestones", page_text("Milestones of each commitment, in order."), (
        ("commitment_id", S, "Commitment ID"), ("number", INT, "Position in the commitment"), ("title", S, "Title"),
        ("start", D, "Start"), ("end", D, "Due"), ("status", S, "Status"),
        ("evidence_urls", S, "Evidence web addresses, separated by ;"),
    ), _milestones, ("commitment_id", "number"), (("commitment_id", "commitments", "id"),)),
    Table("progress_updates", "Progress updates", page_text("Dated reports on commitments."), (
        ("commitment_id", S, "Commitment ID"), ("date", D, "Date"), ("status", S, "Status on that date"),
        ("summary", S, "What happened (Markdown)"),
    ), _updates, (), (("commitment_id", "commitments", "id"),)),
    Table("meetings", "Meetings", page_text("Meetings of the bodies."), (
        ("id", S, "Meeting ID"), ("body_id", S, "Body ID"), ("body_name", S, "Body"), ("title", S, "Title"),
        ("date", D, "Date"), ("start_time", S, "Start (HH:MM, local time)"), ("end_time", S, "End (HH:MM)"),
        ("timezone", S, "IANA time zone of the times"), ("kind", S, "Kind of meeting"),
        ("status", S, "scheduled, held, cancelled or postponed"), ("location", S, "Place"),
        ("online_url", S, "Public link to follow online"), ("chair_id", S, "Chair's person ID"),
        ("chair_name", S, "Chair (the first, when several chaired)"),
        ("co_chair_ids", S, "Further chairs of a co-chaired session, separated by ;"),
        ("announced", D, "When it was announced to the public (its notice)"),
        ("audience", S, "Who could take part: members, invited or public"),
        ("channel", S, "How people took part: in-person, online, hybrid or written"),
        ("participants", INT, "How many took part, when they are not named one by one"),
        ("minutes_status", S, "draft or approved"),
        ("approved_in", S, "Meeting where the minutes were approved"),
        ("attendance_rate", N, "Share of listed members who attended (in person, online or by a stand-in)"),
    ), _meetings, ("id",), (("body_id", "bodies", "id"), ("chair_id", "people", "id"),
          ("approved_in", "meetings", "id"))),
    Table("attendance", "Attendance", page_text("Who attended each meeting, one row per person."), (
        ("meeting_id", S, "Meeting ID"), ("meeting_date", D, "Meeting date"), ("body_id", S, "Body ID"),
        ("person_id", S, "Person ID"), ("person_name", S, "Person"),
        ("status", S, "present, remote, absent or excused"),
        ("on_behalf_of_id", S, "Member this person stood in for"), ("on_behalf_of_name", S, "Their name"),
    ), _attendance, ("meeting_id", "person_id"), (("meeting_id", "meetings", "id"), ("person_id", "people", "id"),
          ("body_id", "bodies", "id"), ("on_behalf_of_id", "people", "id"))),
    Table("decisions", "Decisions", page_text("Decisions taken in meetings."), (
        ("meeting_id", S, "Meeting ID"), ("meeting_date", D, "Meeting date"), ("number", INT, "Position"),
        ("text", S, "The decision (Markdown)"), ("commitment_ids", S, "Commitments concerned, separated by ;"),
        ("votes_for", INT, "Votes for"), ("votes_against", INT, "Votes against"), ("votes_abstain", INT, "Abstentions"),
    ), _decisions, ("meeting_id", "number"), (("meeting_id", "meetings", "id"),)),
    Table("actions", "Actions", page_text("Follow-up actions agreed in meetings."), (
        ("meeting_id", S, "Meeting ID"), ("meeting_date", D, "Meeting date"), ("number", INT, "Position"),
        ("text", S, "What will be done (Markdown)"), ("owner_type", S, "person or organization"),
        ("owner_id", S, "Owner's ID"), ("owner_name", S, "Owner"), ("due", D, "Due date"),
        ("status", S, "open, done or dropped"), ("commitment_ids", S, "Commitments concerned, separated by ;"),
    ), _actions, ("meeting_id", "number"), (("meeting_id", "meetings", "id"),)),
)  # fmt: skip


# A cell starting with one of these runs as a formula when the file is opened in a spreadsheet
# (OWASP, "CSV Injection"): such text gets a leading apostrophe, which spreadsheets read as "text".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_NOTE = (
    "Text that starts with =, +, -, @, a tab or a carriage return is published with a leading "
    "apostrophe (') so that spreadsheets show it as text instead of running it as a formula; "
    "records.json holds the text exactly as written."
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table_csv(table: Table, normalized: Data) -> str:
    buffer = io.StringIO()
    # Every cell quoted: a spreadsheet that splits on ; (the default in many languages) still
    # keeps "a;=1+1" in one cell, so a formula cannot start after a separator either.
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    names = [f[0] for f in table.fields]
    writer.writerow(names)
    for row in table.rows(normalized):
        writer.writerow([_cell(row.get(name)) for name in names])
    return buffer.getvalue()


def published_tables(normalized: Data) -> tuple[Table, ...]:
    """The tables a site publishes: every one, but those of a section its records.json lacks."""
    return tuple(t for t in TABLES if t.section is None or t.section in normalized)


def csv_files(normalized: Data) -> dict[str, bytes]:
    return {paths.table(t.name): table_csv(t, normalized).encode("utf-8") for t in published_tables(normalized)}


def _provenance(site: SiteInfo) -> dict[str, Any]:
    """Where the package lives and comes from, and who publishes it (Data Package v2)."""
    out: dict[str, Any] = {"id": f"{site.url.rstrip('/')}/{paths.DATAPACKAGE}" if site.url else site.urn("datapackage")}
    homepage = site.url or site.repository or site.contact_url
    if homepage:
        out["homepage"] = homepage
    if site.repository:
        out["sources"] = [{"title": "Records repository (YAML and Markdown)", "path": site.repository}]
    publisher: dict[str, Any] = {"title": site.member_name or site.title, "roles": ["publisher"]}
    publisher.update({k: v for k, v in (("path", site.contact_url), ("email", site.contact_email)) if v})
    out["contributors"] = [publisher]
    return out


def datapackage(normalized: Data, files: dict[str, bytes], publisher: SiteInfo) -> dict[str, Any]:
    """A Data Package v2 descriptor for the CSV tables (and records.json as a JSON resource)."""
    site = normalized["site"]
    resources: list[dict[str, Any]] = []
    for table in published_tables(normalized):
        schema: dict[str, Any] = {
            "fields": [{"name": n, "type": ty, "description": desc} for n, ty, desc in table.fields],
            "missingValues": [""],
        }
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        if table.foreign_keys:
            # A key into the same table names no resource (Data Package v2).
            schema["foreignKeys"] = [
                {"fields": [f], "reference": {**({"resource": res} if res != table.name else {}), "fields": [rf]}}
                for f, res, rf in table.foreign_keys
            ]
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(files[paths.table(table.name)]),
                "schema": schema,
            }
        )
    package: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "cogov-records",
        "title": f"{site['title']}: co-governance records",
        "description": "Action plans, commitments, co-governance bodies, memberships and meetings, "
        "published from the same records as the site. " + FORMULA_NOTE,
        "version": normalized["schema_version"],
        "created": f"{normalized['as_of']}T00:00:00Z",
        "resources": resources,
    }
    package.update(_provenance(publisher))
    if normalized.get("license"):
        license_id = normalized["license"]
        package["licenses"] = [{"name": license_id, "path": f"https://spdx.org/licenses/{license_id}.html"}]
    return package
