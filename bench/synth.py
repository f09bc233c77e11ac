"""Synthetic records projects of realistic shape, deterministic from a seed.

Shape (per 1,000 records): about 40 organizations, 150 people, 5 bodies with membership
histories, 5 action plans with 200 commitments (3 to 6 milestones, progress updates) and 600
meetings with attendance, decisions, actions and minutes of a few paragraphs.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

_PROSE = (
    "government civil society forum commitment transparency budget procurement data open public "
    "access information participation accountability ministry agency report milestone review plan "
    "members agreed proposal consultation regional workshop publish portal standard evidence law "
    "decree implementation progress delay recommendation response monitoring municipal national"
)
WORDS = _PROSE.split()
SECTORS = ["government", "civil-society", "civil-society", "academia", "private-sector", "parliament"]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def generate(target: Path, records: int, seed: int = 7) -> dict[str, int]:
    """Write a valid project with about ``records`` records into ``target`` (replaced)."""
    rng = random.Random(seed)
    shutil.rmtree(target, ignore_errors=True)
    content = target / "content"
    n_orgs = max(6, records * 4 // 100)
    n_people = max(20, records * 15 // 100)
    n_bodies = max(2, records // 200)
    n_plans = max(2, records // 200)
    n_commitments = max(10, records * 20 // 100)
    n_meetings = max(10, records - n_orgs - n_people - n_bodies - n_plans - n_commitments - 1)

    def write(rel: str, text: str) -> None:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    write("site.yml", 'title: "Benchmark records"\ncountry: XB\ntimezone: America/Lima\nurl: https://bench.example/\n')
    orgs = [f"org-{i:05d}" for i in range(n_orgs)]
    for i, org in enumerate(orgs):
        sector = "government" if i % 2 == 0 else SECTORS[i % len(SECTORS)]
        write(f"organizations/{org}.yml", f"name: {q('Organization ' + str(i))}\nsector: {sector}\n")
    people = [f"person-{i:05d}" for i in range(n_people)]
    for i, person in enumerate(people):
        write(f"people/{person}.yml", f"name: {q('Person ' + str(i))}\norganization: {orgs[i % n_orgs]}\n")

    start = dt.date(2015, 1, 1)
    span_days = 9 * 365
    bodies = [f"body-{i:04d}" for i in range(n_bodies)]
    members_of: dict[str, list[tuple[str, str, str | None]]] = {}
    pool = list(people)
    rng.shuffle(pool)
    per_body = max(6, n_people // n_bodies)
    for b, body in enumerate(bodies):
        chosen = pool[(b * per_body) % len(pool) :][:per_body] or pool[:per_body]
        memberships: list[tuple[str, str, str | None]] = []
        for k, person in enumerate(chosen):
            # Two thirds sit from the start; the others replace them half-way through.
            if k % 3 == 2:
                memberships.append((person, (start + dt.timedelta(days=span_days // 2)).isoformat(), None))
            elif k % 3 == 1 and k + 1 < len(chosen):
                memberships.append(
                    (person, start.isoformat(), (start + dt.timedelta(days=span_days // 2 - 1)).isoformat())
                )
            else:
                memberships.append((person, start.isoformat(), None))
        members_of[body] = memberships
        lines = [f"name: {q('Body ' + str(b))}", "type: multi-stakeholder-forum", f"established: {start.isoformat()}",
                 "meeting_target_per_year: 12", f"mandate: {q(paragraph(rng, 3))}", "members:"]  # fmt: skip
        for person, since, until in memberships:
            end = f", end: {until}" if until else ""
            lines.append(f"  - {{person: {person}, role: member, start: {since}{end}}}")
        write(f"bodies/{body}.yml", "\n".join(lines) + "\n")

    plans = [f"plan-{i:03d}" for i in range(n_plans)]
    for p, plan in enumerate(plans):
        plan_start = start + dt.timedelta(days=p * span_days // n_plans)
        plan_end = plan_start + dt.timedelta(days=729)
        write(
            f"action-plans/{plan}/plan.yml",
            f"title: {q('Action plan ' + str(p))}\nstart: {plan_start}\nend: {plan_end}\nstatus: completed\n"
            f"forum: {bodies[p % n_bodies]}\nsummary: {q(paragraph(rng, 2))}\n",
        )
    commitments = []
    for c in range(n_commitments):
        plan_index = c % n_plans
        plan = plans[plan_index]
        plan_start = start + dt.timedelta(days=plan_index * span_days // n_plans)
        cid = f"c{c:05d}"
        commitments.append(cid)
        lines = ["---", f"title: {q('Commitment ' + str(c) + ': ' + sentence(rng, 6))}", f"ogp_id: XB{c % 10000:04d}",
                 f"lead: {orgs[c % n_orgs]}", f"supporting: [{orgs[(c + 1) % n_orgs]}]",
                 "values: [access-to-information]", f"start: {plan_start}",
                 f"end: {plan_start + dt.timedelta(days=700)}", "status: completed", "milestones:"]  # fmt: skip
        for m in range(rng.randint(3, 6)):
            due = plan_start + dt.timedelta(days=100 * (m + 1))
            lines.append(f"  - {{title: {q(sentence(rng, 5))}, end: {due}, status: completed}}")
        lines.append("updates:")
        for u in range(2):
            day = plan_start + dt.timedelta(days=250 * (u + 1))
            lines.append(f"  - {{date: {day}, status: in-progress, summary: {q(sentence(rng, 12))}}}")
        lines += ["---", "", paragraph(rng, 4), ""]
        write(f"action-plans/{plan}/commitments/{cid}.md", "\n".join(lines))

    for i in range(n_meetings):
        body = bodies[i % n_bodies]
        day = start + dt.timedelta(days=(i * span_days) // n_meetings)
        mid = f"{day.isoformat()}-session-{i:05d}"
        attending = [
            person
            for person, since, until in members_of[body]
            if since <= day.isoformat() and (until is None or day.isoformat() <= until)
        ]
        lines = ["---", f"title: {q('Session ' + str(i))}", f"date: {day}", "start_time: 10:00", "end_time: 12:00",
                 f"chair: {attending[0]}", "attendance:"]  # fmt: skip
        for k, person in enumerate(attending):
            status = ["present", "present", "remote", "absent", "excused"][(i + k) % 5] if k else "present"
            lines.append(f"  - {{person: {person}, status: {status}}}")
        lines.append("agenda:")
        lines += [f"  - {q(sentence(rng, 6))}" for _ in range(3)]
        lines.append("decisions:")
        for _ in range(3):
            lines.append(
                f"  - {{text: {q(sentence(rng, 14))}, commitments: [{commitments[rng.randrange(n_commitments)]}]}}"
            )
        lines.append("actions:")
        for a in range(2):
            due = day + dt.timedelta(days=30)
            owner = attending[(a + 1) % len(attending)]
            lines.append(f"  - {{text: {q(sentence(rng, 10))}, owner: {owner}, due: {due}, status: done}}")
        lines += ["minutes: draft", "---", ""]
        for _ in range(3):
            lines += [f"## {sentence(rng, 3)[:-1]}", "", paragraph(rng, 5), ""]
        write(f"meetings/{body}/{mid}.md", "\n".join(lines))
    return {
        "organizations": n_orgs,
        "people": n_people,
        "bodies": n_bodies,
        "plans": n_plans,
        "commitments": n_commitments,
        "meetings": n_meetings,
    }
