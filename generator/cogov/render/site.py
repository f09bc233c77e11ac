"""One function per page family; each gathers the figures its template shows."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from cogov.messages import t
from cogov.model import Body, Plan, Records
from cogov.render import charts, jsonld, paths
from cogov.render.environment import build_environment

STATUS_ORDER = ("completed", "in-progress", "delayed", "not-started", "withdrawn")
SECTOR_ORDER = ("government", "civil-society", "private-sector", "academia", "parliament", "multilateral", "other")

Pages = Iterator[tuple[str, str]]


class SiteRenderer:
    def __init__(self, records: Records) -> None:
        self.r = records
        self.language = records.site.language
        self.env: Environment = build_environment(records, self.language)
        self.env.globals.update(sector=records.sector_of)

    def page(self, template: str, path: str, **values: Any) -> tuple[str, str]:
        text = self.env.get_template(template).render(page_path=path, **values)
        return path, _tidy(text)

    # --- shared figures ----------------------------------------------------------------------

    def status_counts(self, commitment_ids: list[str]) -> list[tuple[str, int, str]]:
        counts = Counter(self.r.commitments[c].status or "none" for c in commitment_ids)
        order = [*STATUS_ORDER, "none"]
        return [(t(f"ui.status.{s}", self.language), counts[s], s) for s in order if counts[s]]

    def plan_figures(self, plan: Plan) -> dict[str, Any]:
        ids = self.r.commitments_of_plan.get(plan.id, [])
        parts = self.status_counts(ids)
        done = sum(self.r.commitments[c].milestones_done for c in ids)
        total = sum(len(self.r.commitments[c].milestones) for c in ids)
        description = ", ".join(f"{label}: {count}" for label, count, _ in parts) or "no commitments"
        return {
            "chart": charts.stacked_bar(parts, f"Commitments by status: {description}"),
            "counts": [(label, count) for label, count, _ in parts],
            "done": done,
            "total": total,
        }

    def seat_rows(self, body: Body) -> list[tuple[str, str, int, int]]:
        taken = self.r.seats_taken(body.id)
        sectors = [s for s in SECTOR_ORDER if s in body.seats or s in taken]
        return [(t(f"ui.sector.{s}", self.language), s, body.seats.get(s, 0), taken.get(s, 0)) for s in sectors]

    def seats_chart(self, rows: list[tuple[str, str, int, int]]) -> Any:
        description = "; ".join(f"{label}: {members} members for {seats} seats" for label, _, seats, members in rows)
        return charts.seats_chart(rows, f"Current members against seats by sector. {description}")

    # --- page families -----------------------------------------------------------------------

    def home(self) -> Pages:
        r = self.r
        plans = sorted(r.plans.values(), key=lambda p: p.start)
        current = next((p for p in reversed(plans) if p.status == "implementation"), plans[-1] if plans else None)
        forum_id = current.forum if current and current.forum in r.bodies else None
        if forum_id is None:
            forum_id = next((b.id for b in r.bodies.values() if b.type == "multi-stakeholder-forum"), None)
        forum = r.bodies.get(forum_id or "")
        values: dict[str, Any] = {"plan": current, "forum": forum}
        if current:
            figures = self.plan_figures(current)
            values.update(
                plan_chart=figures["chart"],
                plan_counts=figures["counts"],
                milestones_done=figures["done"],
                milestones_total=figures["total"],
            )
        if forum:
            rows = self.seat_rows(forum)
            values.update(seat_rows=rows, seats_chart=self.seats_chart(rows))
        meetings = sorted(r.meetings.values(), key=lambda m: (m.date, m.id))
        values["next_meetings"] = [m for m in meetings if m.date >= r.as_of and m.status == "scheduled"][:3]
        values["latest_meetings"] = [m for m in reversed(meetings) if m.status == "held"][:3]
        open_actions = [a for a in r.all_actions() if a.status == "open"]
        values["open_actions"] = len(open_actions)
        values["overdue"] = sorted((a for a in open_actions if a.overdue(r.as_of)), key=lambda a: a.due or "")
        values["pages"] = sorted(r.pages.values(), key=lambda p: (p.order, p.id))
        yield self.page("home.md.j2", paths.HOME, **values)

    def plans(self) -> Pages:
        r = self.r
        rows = []
        for plan in sorted(r.plans.values(), key=lambda p: p.start, reverse=True):
            ids = r.commitments_of_plan.get(plan.id, [])
            figures = self.plan_figures(plan)
            rows.append({"plan": plan, "commitments": len(ids), "done": figures["done"], "total": figures["total"]})
            commitments = [r.commitments[c] for c in ids]
            yield self.page("plan.md.j2", paths.page_of("plan", plan.id), plan=plan, commitments=commitments, **figures)
        yield self.page("plans_index.md.j2", paths.INDEXES["plan"], rows=rows)
        for c in r.commitments.values():
            decisions = sorted(r.decisions_on_commitment.get(c.id, []), key=lambda x: r.meetings[x[0]].date)
            actions = sorted(r.actions_on_commitment.get(c.id, []), key=lambda a: r.meetings[a.meeting].date)
            yield self.page(
                "commitment.md.j2",
                paths.page_of("commitment", c.id),
                c=c,
                decisions=decisions,
                actions=actions,
                structured=jsonld.commitment(r, c),
            )

    def bodies(self) -> Pages:
        r = self.r
        year_ago = _shift_year(r.as_of, -1)
        rows = []
        for body in sorted(r.bodies.values(), key=lambda b: b.name):
            meetings = [r.meetings[m] for m in r.meetings_of_body.get(body.id, [])]
            held = [m for m in meetings if m.status == "held"]
            seat_rows = self.seat_rows(body) if body.seats else []
            points = [(f"{m.date} {m.title}", m.attendance_rate) for m in held if m.attendance_rate is not None]
            chart = charts.column_chart(
                [(label, rate) for label, rate in points if rate is not None],
                "Attendance rate of each meeting held, oldest first: "
                + ", ".join(f"{label} {round((rate or 0) * 100)}%" for label, rate in points),
            )
            current = sorted(r.current_members(body.id), key=_role_order)
            yield self.page(
                "body.md.j2",
                paths.page_of("body", body.id),
                b=body,
                seat_rows=seat_rows,
                seats_chart=self.seats_chart(seat_rows) if seat_rows else "",
                current=current,
                past=sorted(r.past_members(body.id), key=lambda m: (m.end or "", m.start), reverse=True),
                chairs=[m for m in reversed(held) if m.chair],
                meetings=list(reversed(meetings)),
                held_last_year=sum(1 for m in held if year_ago < m.date <= r.as_of),
                attendance_chart=chart,
                structured=jsonld.body(r, body),
            )
            rows.append({"body": body, "members": len([m for m in current if m.holds_seat]), "held": len(held)})
        yield self.page("bodies_index.md.j2", paths.INDEXES["body"], rows=rows)

    def meetings(self) -> Pages:
        r = self.r
        by_year: dict[str, list[Any]] = defaultdict(list)
        for m in sorted(r.meetings.values(), key=lambda m: (m.date, m.id), reverse=True):
            by_year[m.date[:4]].append(m)
            present = Counter(a.status for a in m.attendance if a.on_behalf_of is None)
            stand_ins = sum(1 for a in m.attendance if a.on_behalf_of)
            parts = [f"{present[s]} {t('ui.attendance.' + s, self.language).lower()}" for s in present]
            if stand_ins:
                parts.append(f"{stand_ins} standing in")
            summary = ", ".join(parts)
            if m.attendance_rate is not None:
                summary += f". Attendance rate: {round(m.attendance_rate * 100)}%."
            yield self.page(
                "meeting.md.j2", paths.page_of("meeting", m.id), mt=m, summary=summary, structured=jsonld.meeting(r, m)
            )
        bodies = sorted(r.bodies.values(), key=lambda b: b.name)
        upcoming = sorted(
            (m for m in r.meetings.values() if m.date >= r.as_of and m.status in ("scheduled", "postponed")),
            key=lambda m: (m.date, m.id),
        )
        years = list(by_year.items())
        yield self.page(
            "meetings_index.md.j2", paths.INDEXES["meeting"], by_year=years, bodies=bodies, upcoming=upcoming
        )
        # One page per year keeps the lists short however long the archive grows.
        for i, (year, items) in enumerate(years):
            newer = years[i - 1][0] if i > 0 else None
            older = years[i + 1][0] if i + 1 < len(years) else None
            yield self.page(
                "meetings_year.md.j2", f"meetings/{year}.md", year=year, items=items, next=newer, previous=older
            )
        actions = r.all_actions()
        open_actions = sorted(
            (a for a in actions if a.status == "open"),
            key=lambda a: (not a.overdue(r.as_of), a.due or "9999", a.meeting),
        )
        done = sorted((a for a in actions if a.status != "open"), key=lambda a: r.meetings[a.meeting].date)
        yield self.page(
            "actions.md.j2",
            paths.ACTIONS,
            open=open_actions,
            overdue_count=sum(1 for a in open_actions if a.overdue(r.as_of)),
            done=list(reversed(done))[:20],
        )

    def directory(self) -> Pages:
        r = self.r
        rows = []
        for p in sorted(r.people.values(), key=lambda p: (p.withdrawn, p.name.casefold())):
            memberships = sorted(r.memberships_of_person.get(p.id, []), key=lambda m: m.start, reverse=True)
            meetings = sorted(r.attendance_of_person.get(p.id, []), key=lambda x: r.meetings[x[0]].date, reverse=True)
            attended, listed = r.person_attendance_rate(p.id)
            actions = sorted(r.actions_of_owner.get(p.id, []), key=lambda a: a.due or "", reverse=True)
            yield self.page(
                "person.md.j2",
                paths.page_of("person", p.id, withheld=p.withdrawn),
                p=p,
                memberships=memberships,
                meetings=meetings,
                attended=attended,
                listed=listed,
                actions=actions,
            )
            rows.append({"person": p, "current": [m for m in memberships if m.active_on(r.as_of)]})
        yield self.page("people_index.md.j2", paths.INDEXES["person"], rows=rows)
        by_sector: dict[str, list[Any]] = defaultdict(list)
        for o in sorted(r.organizations.values(), key=lambda o: o.name.casefold()):
            by_sector[o.sector].append(o)
            yield self.page(
                "organization.md.j2",
                paths.page_of("organization", o.id),
                o=o,
                memberships=sorted(r.memberships_for_org.get(o.id, []), key=lambda m: m.start, reverse=True),
                people=[pid for pid in r.people_of_org.get(o.id, []) if not r.people[pid].withdrawn],
                led=r.commitments_led.get(o.id, []),
                supported=r.commitments_supported.get(o.id, []),
                actions=sorted(r.actions_of_owner.get(o.id, []), key=lambda a: a.due or "", reverse=True),
            )
        ordered = [(s, by_sector[s]) for s in SECTOR_ORDER if s in by_sector]
        yield self.page("organizations_index.md.j2", paths.INDEXES["organization"], by_sector=ordered)

    def data_page(self) -> Pages:
        from cogov.opendata.tables import TABLES

        yield self.page(
            "data.md.j2", paths.DATA, tables=TABLES, bodies=sorted(self.r.bodies.values(), key=lambda b: b.name)
        )

    def free_pages(self) -> Pages:
        for page in self.r.pages.values():
            yield self.page("page.md.j2", paths.page_of("page", page.id), page=page)


def _role_order(m: Any) -> tuple[int, str]:
    order = ["chair", "co-chair", "member", "alternate", "observer", "secretariat"]
    return (order.index(m.role), m.start)


def _shift_year(day: str, years: int) -> str:
    d = dt.date.fromisoformat(day)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


def _tidy(text: str) -> str:
    """Collapse runs of blank lines left by template conditionals, and make sure headings and
    tables start a new block (outside code fences); end with one newline."""
    lines: list[str] = []
    fence = ""
    for line in text.splitlines():
        line = line.rstrip()
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = "" if fence and stripped.startswith(fence) else (fence or stripped[:3])
        elif not fence and lines and lines[-1]:
            starts_block = line.startswith("#") or (line.startswith("|") and not lines[-1].startswith("|"))
            if starts_block:
                lines.append("")
        if not line and lines and not lines[-1] and not fence:
            continue
        lines.append(line)
    return "\n".join(lines).strip() + "\n"


def render_site(records: Records) -> dict[str, str]:
    """Every generated page, keyed by its path in the docs folder."""
    renderer = SiteRenderer(records)
    out: dict[str, str] = {}
    for family in (
        renderer.home,
        renderer.plans,
        renderer.bodies,
        renderer.meetings,
        renderer.directory,
        renderer.free_pages,
        renderer.data_page,
    ):
        out.update(family())
    return dict(sorted(out.items()))
