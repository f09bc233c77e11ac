"""`cogov new KIND`: write a stub record that validates, ready to fill in."""

from __future__ import annotations

import argparse

from cogov.commands.common import as_of_parent, date, project_parent, settings
from cogov.kinds import KINDS

NAME = "new"
HELP = "write a stub record that validates, ready to fill in"
PARENTS = (project_parent(), as_of_parent())


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=[k.name for k in KINDS if k.stub])
    p.add_argument("--id", help="the record's ID (default: made from the title or name)")
    p.add_argument("--title", help="title (meeting, commitment, plan, proposal)")
    p.add_argument("--name", help="name (person, organization, body)")
    p.add_argument("--body", help="meeting: the body's ID")
    p.add_argument("--date", type=date, help="meeting: the date (YYYY-MM-DD)")
    p.add_argument("--plan", help="commitment or proposal: the action plan's ID")
    p.add_argument("--lead", help="commitment: the lead organization's ID")
    p.add_argument("--sector", help="organization: its sector (default: government)")
    p.add_argument("--organization", help="person: the organization's ID; proposal: the organization that made it")
    p.add_argument("--type", dest="body_type", help="body: its type (default: multi-stakeholder-forum)")
    p.add_argument("--start", type=date, help="plan: first day")
    p.add_argument("--end", type=date, help="plan: last day")


def run(args: argparse.Namespace) -> int:
    from cogov.scaffold import NewRecord, write_new_record

    config = settings(args)
    request = NewRecord(
        kind=args.kind,
        record_id=args.id,
        title=args.title or args.name,
        body=args.body,
        date=args.date,
        plan=args.plan,
        lead=args.lead,
        sector=args.sector,
        organization=args.organization,
        body_type=args.body_type,
        start=args.start,
        end=args.end,
    )
    path = write_new_record(config, request)
    print(path.relative_to(config.project).as_posix())
    return 0
