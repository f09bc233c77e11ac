"""`cogov fmt`: rewrite the record files in the form editor's style, once, so that later saves
through the editor show only the lines that changed."""

from __future__ import annotations

import argparse
import sys

from cogov.commands.common import project_read, reading_parents, report_problems
from cogov.messages import t

NAME = "fmt"
HELP = "rewrite the record files in the form editor's style (once, before using the editor)"
PARENTS = reading_parents()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--check", action="store_true", help="only list the files it would rewrite (exit 1 if any)")


def run(args: argparse.Namespace) -> int:
    from cogov.fmt import format_records
    from cogov.pipeline import check, model

    with project_read(args) as settings:
        validation = check(settings)
        if not report_problems(validation, validation.passed(strict=False), "fmt.invalid"):
            return 1
        records = model(validation.documents, settings)
        outcome = format_records(settings.project, validation.documents, records, write=not args.check)
        for path in outcome.changed:
            print(f"  {path}")
        if outcome.comments:
            print(t("fmt.comments", files=", ".join(outcome.comments)), file=sys.stderr)
        for path in outcome.refused:
            print(t("fmt.refused", path=path), file=sys.stderr)
        if args.check:
            print(t("fmt.to_rewrite", count=len(outcome.changed), total=outcome.total))
            return 1 if outcome.changed else 0
        print(t("fmt.rewritten", count=len(outcome.changed), total=outcome.total))
    return 0
