"""`cogov standards`: how the records meet the OGP Participation and Co-Creation Standards."""

from __future__ import annotations

import argparse
import sys

from cogov.commands.common import project_read, reading_parents, report_problems

NAME = "standards"
HELP = "show how the records meet the OGP Participation and Co-Creation Standards, plan by plan"
PARENTS = reading_parents()


def add_arguments(p: argparse.ArgumentParser) -> None:
    from cogov.standards import FORMATS

    p.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        dest="standards_format",
        help="text (default), csv (the open data's standards table) or json (records.json's section)",
    )


def run(args: argparse.Namespace) -> int:
    from cogov import standards
    from cogov.pipeline import check, model

    with project_read(args) as config:
        validation = check(config)
        if not report_problems(validation, validation.passed(strict=False), "standards.invalid"):
            return 1
        records = model(validation.documents, config)
        found = standards.of_records(records)
        sys.stdout.write(standards.FORMATS[args.standards_format](records, found))
    return 0
