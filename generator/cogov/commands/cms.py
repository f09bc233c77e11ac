"""`cogov cms`: the configuration of a form editor (Decap CMS) generated from the schemas."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cogov.commands.common import project_read, reading_parents, report_problems

NAME = "cms"
HELP = "write the configuration of a form editor (Decap CMS) for the records, generated from the schemas"
PARENTS = reading_parents()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", type=Path, help="where to write it (default: print it)")
    p.add_argument(
        "--backend",
        default="github",
        choices=["github", "gitlab", "gitea", "test-repo"],
        help="the git host: github (default), gitlab or gitea, or test-repo to try the editor",
    )


def run(args: argparse.Namespace) -> int:
    from cogov.cms import config
    from cogov.pipeline import check, model

    with project_read(args) as settings:
        validation = check(settings)
        if not report_problems(validation, validation.passed(strict=False), "cms.invalid"):
            return 1
        text = json.dumps(config(model(validation.documents, settings), args.backend), indent=2, ensure_ascii=False)
        if args.output:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
    return 0
