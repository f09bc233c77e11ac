"""`cogov import ogp-commitments FILE`: records from the OGP commitments dataset."""

from __future__ import annotations

import argparse
from pathlib import Path

from cogov.commands.common import as_of_parent, project_parent, settings
from cogov.messages import t

NAME = "import"
HELP = "create records from an external dataset"
PARENTS = (project_parent(), as_of_parent())


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", choices=["ogp-commitments"], help="the kind of dataset")
    p.add_argument("file", type=Path, help="the CSV export of the OGP commitments dataset")
    p.add_argument("--country", required=True, help="the member's code in OGP IDs (UA for UA0068, BUE for BUE0009)")
    p.add_argument("--plan", required=True, help="the action plan's ID in content/action-plans/ (created if missing)")
    p.add_argument("--ogp-plan", help="the OGP action plan ID to import (e.g. AP_UKR03) when the file holds several")


def run(args: argparse.Namespace) -> int:
    from cogov.importer import import_ogp_commitments

    config = settings(args)
    result = import_ogp_commitments(config.project, args.file, args.country, args.plan, args.ogp_plan, config.as_of)
    created = t("import.plan_created") if result.plan_created else ""
    print(
        t(
            "import.done",
            commitments=result.commitments,
            organizations=result.organizations,
            plan=args.plan,
            created=created,
        )
    )
    if result.redacted:
        print(t("import.redacted_count", count=result.redacted))
    if result.notes:
        print(t("import.notes", count=len(result.notes)))
        print("\n".join(f"  {note}" for note in result.notes))
    return 0
