"""`cogov new`: stub records that validate as written, with comments that say what to fill in."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cogov.config import Settings
from cogov.errors import FileExists, UsageError
from cogov.loader import load_yaml_file
from cogov.messages import t
from cogov.model import active_on
from cogov.records import ID_RE, slugify
from cogov.render.escape import yaml_string as q


@dataclass(frozen=True)
class NewRecord:
    kind: str
    record_id: str | None = None
    title: str | None = None
    body: str | None = None
    date: dt.date | None = None
    plan: str | None = None
    lead: str | None = None
    sector: str | None = None
    organization: str | None = None
    body_type: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def _existing(folder: Path, pattern: str) -> list[str]:
    return sorted(p.stem if p.is_file() else p.name for p in folder.glob(pattern)) if folder.is_dir() else []


def _require(value: str | None, options: list[str], key: str) -> str:
    if value and value in options:
        return value
    close = difflib.get_close_matches(value or "", options, n=1)
    suggestion = t("schema.did_you_mean", value=close[0]) if close else ""
    raise UsageError(t(key, id=value or "", suggestion=suggestion))


def _check_id(record_id: str) -> str:
    if not ID_RE.fullmatch(record_id):
        raise UsageError(t("id.invalid", stem=record_id, suggestion=slugify(record_id)))
    return record_id


def _members_on(project: Path, body: str, day: str) -> list[str]:
    loaded = load_yaml_file(project / "content" / "bodies" / f"{body}.yml", f"content/bodies/{body}.yml")
    members = loaded.data.get("members") if isinstance(loaded.data, dict) else None
    out = []
    for m in members or []:
        if not isinstance(m, dict) or m.get("role") == "secretariat":
            continue
        end = None if m.get("end") is None else str(m.get("end"))
        if active_on(str(m.get("start")), end, day) and m.get("person") not in out:
            out.append(str(m.get("person")))
    return out


def _meeting(settings: Settings, r: NewRecord) -> tuple[Path, str]:
    content = settings.content
    body = _require(r.body, _existing(content / "bodies", "*.yml"), "cli.unknown_body")
    day = (r.date or settings.as_of).isoformat()
    title = r.title or "Ordinary session"
    record_id = _check_id(r.record_id or f"{day}-{slugify(title)}")
    if not record_id.startswith(day + "-"):
        record_id = _check_id(f"{day}-{record_id}")
    lines = [
        "---",
        f"title: {q(title)}",
        f"date: {day}",
        "start_time: 10:00",
        "end_time: 12:00",
        "kind: ordinary",
    ]
    if day > settings.as_of.isoformat():
        lines += [
            "status: scheduled",
            '# location: "Where it takes place"',
            "# online_url: https://...",
            "agenda:",
            '  - "Approval of the previous minutes"',
            "---",
            "",
            "The agenda and documents will be published before the meeting.",
        ]
    else:
        members = _members_on(settings.project, body, day)
        lines += ["status: held", "# chair: person-id (must be listed as present or remote below)"]
        lines += ["# Change each status to present, remote, absent or excused.", "attendance:"]
        lines += [f"  - {{person: {m}, status: present}}" for m in members] or ["  []"]
        if not members:
            lines[-2:] = ["attendance: []  # add: - {person: person-id, status: present}"]
        lines += [
            "agenda:",
            '  - "Approval of the previous minutes"',
            'decisions: []  # add: - text: "What was decided"',
            'actions: []  # add: - {text: "What will be done", owner: person-id, due: YYYY-MM-DD}',
            "minutes: draft",
            "---",
            "",
            "## Summary",
            "",
            "Write the minutes here, in Markdown.",
        ]
    return content / "meetings" / body / f"{record_id}.md", "\n".join(lines) + "\n"


def _commitment(settings: Settings, r: NewRecord) -> tuple[Path, str]:
    plans = sorted(p.parent.name for p in (settings.content / "action-plans").glob("*/plan.yml"))
    plan = _require(r.plan, plans, "cli.unknown_plan")
    title = r.title or "New commitment"
    record_id = _check_id(r.record_id or slugify(title))
    orgs = _existing(settings.content / "organizations", "*.yml")
    lead = _require(r.lead, orgs, "ref.missing_org_cli") if r.lead else (orgs[0] if orgs else "lead-organization")
    text = "\n".join(
        [
            "---",
            f"title: {q(title)}",
            "# ogp_id: XX0000",
            f"lead: {lead}",
            "supporting: []",
            "# values: any of access-to-information, civic-participation, public-accountability,",
            "#         technology-and-innovation",
            "values: []",
            "status: not-started",
            'milestones: []  # add: - {title: "...", end: YYYY-MM-DD, status: not-started}',
            "---",
            "",
            "Describe the problem the commitment addresses and what it will change.",
            "",
        ]
    )
    return settings.content / "action-plans" / plan / "commitments" / f"{record_id}.md", text


def _proposal(settings: Settings, r: NewRecord) -> tuple[Path, str]:
    plans = sorted(p.parent.name for p in (settings.content / "action-plans").glob("*/plan.yml"))
    plan = _require(r.plan, plans, "cli.unknown_plan")
    title = r.title or "New proposal"
    record_id = _check_id(r.record_id or slugify(title))
    if r.organization:
        orgs = _existing(settings.content / "organizations", "*.yml")
        source = f"from: {{organization: {_require(r.organization, orgs, 'ref.missing_org_cli')}}}"
    else:
        source = "from: {public: true}  # or {organization: org-id}, or {person: person-id}"
    lines = [
        f"title: {q(title)}",
        f"received: {settings.as_of.isoformat()}",
        "# channel: one of meeting, online-form, written, email, other",
        "# meeting: meeting-id",
        source,
        "text: |",
        "  What was proposed.",
        "response:",
        "  status: pending  # then adopted, merged, partly-adopted or not-adopted",
        "  # commitments: [commitment-id]",
        "  # date: YYYY-MM-DD",
        "  # text: |",
        "  #   Why it was or was not included in the plan.",
    ]
    return settings.content / "action-plans" / plan / "proposals" / f"{record_id}.yml", "\n".join(lines) + "\n"


def _person(settings: Settings, r: NewRecord) -> tuple[Path, str]:
    name = r.title or "New person"
    record_id = _check_id(r.record_id or slugify(name))
    lines = [f"name: {q(name)}"]
    if r.organization:
        orgs = _existing(settings.content / "organizations", "*.yml")
        lines.append(f"organization: {_require(r.organization, orgs, 'ref.missing_org_cli')}")
    lines += ['# position: "Their public position"', '# bio: "A short public biography"']
    return settings.content / "people" / f"{record_id}.yml", "\n".join(lines) + "\n"


def _organization(settings: Settings, r: NewRecord) -> tuple[Path, str]:
    name = r.title or "New organization"
    record_id = _check_id(r.record_id or slugify(name))
    sector = r.sector or "government"
    lines = [f"name: {q(name)}", f"sector: {sector}", "# abbreviation: ABC", "# url: https://..."]
    return settings.content / "organizations" / f"{record_id}.yml", "\n".join(lines) + "\n"


def _body(settings: Settings, r: NewRecord) -> tuple[Path, str]:
    name = r.title or "New body"
    record_id = _check_id(r.record_id or slugify(name))
    body_type = r.body_type or "multi-stakeholder-forum"
    lines = [
        f"name: {q(name)}",
        f"type: {body_type}",
        f"established: {settings.as_of.isoformat()}",
        "seats: {government: 5, civil-society: 5}",
        "meeting_target_per_year: 4",
        "members: []  # add: - {person: person-id, role: member, start: YYYY-MM-DD}",
    ]
    return settings.content / "bodies" / f"{record_id}.yml", "\n".join(lines) + "\n"


def _plan(settings: Settings, r: NewRecord) -> tuple[Path, str]:
    name = r.title or "New action plan"
    record_id = _check_id(r.record_id or slugify(name))
    start = r.start or settings.as_of
    end = r.end or start.replace(year=start.year + 2)
    lines = [
        f"title: {q(name)}",
        f"start: {start.isoformat()}",
        f"end: {end.isoformat()}",
        "status: co-creation",
        "# forum: body-id",
        "documents: []",
    ]
    return settings.content / "action-plans" / record_id / "plan.yml", "\n".join(lines) + "\n"


# The stub of each kind that `cogov new` writes (kinds.py marks them with ``stub=True``).
STUBS: dict[str, Callable[[Settings, NewRecord], tuple[Path, str]]] = {
    "organization": _organization,
    "person": _person,
    "body": _body,
    "plan": _plan,
    "commitment": _commitment,
    "proposal": _proposal,
    "meeting": _meeting,
}


def write_new_record(settings: Settings, request: NewRecord) -> Path:
    """Write the stub; never overwrite. Returns the new file's path."""
    path, text = STUBS[request.kind](settings, request)
    if path.exists():
        raise FileExists(t("cli.file_exists", path=path.relative_to(settings.project).as_posix()))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": fail rather than overwrite, even in a race
        handle.write(text)
    return path
