"""`cogov validate`: check every record and report all problems at once."""

from __future__ import annotations

import argparse
import sys

from cogov.commands.common import as_of_parent, language_parent, project_parent, reader_language, settings
from cogov.messages import reading_in
from cogov.reporters import REPORTERS

NAME = "validate"
HELP = "check every record and report all problems at once"
PARENTS = (project_parent(legacy=True), as_of_parent(), language_parent())


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args: argparse.Namespace) -> int:
    from cogov.validate import validate_project

    config = settings(args, strict=args.strict)
    with reading_in(reader_language(args, config.project)):
        result = validate_project(config)
        sys.stdout.write(REPORTERS[args.format](result.diagnostics, len(result.documents)))
        return 0 if result.passed(strict=args.strict) else 1
