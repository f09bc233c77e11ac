"""`cogov diff BASE [HEAD]`: what changed in the records between two git revisions, in words."""

from __future__ import annotations

import argparse
import sys

from cogov.commands.common import language_parent, project_parent, project_read

NAME = "diff"
HELP = "describe what changed in the records between two git revisions"
PARENTS = (project_parent(), language_parent())


def add_arguments(p: argparse.ArgumentParser) -> None:
    from cogov.diff import FORMATS

    p.add_argument("base", help="the earlier revision (a commit, branch or tag)")
    p.add_argument("head", nargs="?", help="the later revision (default: the working tree)")
    p.add_argument("--format", choices=sorted(FORMATS), default="text", dest="diff_format", help="output format")


def run(args: argparse.Namespace) -> int:
    from cogov.diff import diff_revisions, format_changes

    with project_read(args) as config:
        changes = diff_revisions(config.project, args.base, args.head, config.as_of.isoformat())
        sys.stdout.write(format_changes(changes, args.diff_format))
    return 0
