"""`cogov validate`: check every record and report all problems at once."""

from __future__ import annotations

import argparse
import sys

from cogov.commands.common import project_read, reading_parents
from cogov.reporters import REPORTERS

NAME = "validate"
HELP = "check every record and report all problems at once"
PARENTS = reading_parents()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args: argparse.Namespace) -> int:
    from cogov.validate import validate_project

    with project_read(args, strict=args.strict) as config:
        result = validate_project(config)
        sys.stdout.write(REPORTERS[args.format](result.diagnostics, len(result.documents)))
        return 0 if result.passed(strict=args.strict) else 1
