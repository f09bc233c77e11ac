"""`cogov links`: check that the web addresses in the records still answer (report only)."""

from __future__ import annotations

import argparse
import sys

from cogov.commands.common import project_parent, settings

NAME = "links"
HELP = "check that the web addresses in the records still answer (report only)"
PARENTS = (project_parent(legacy=True),)


def add_arguments(p: argparse.ArgumentParser) -> None:
    from cogov.links import FORMATS

    p.add_argument("--format", choices=sorted(FORMATS), default="text", dest="links_format")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each address (default: 10)")
    p.add_argument("--fail-on-broken", action="store_true", help="exit 1 when an address does not answer")


def run(args: argparse.Namespace) -> int:
    from cogov.links import check_links, format_results

    config = settings(args)
    results = check_links(config.project, timeout=args.timeout)
    sys.stdout.write(format_results(results, args.links_format))
    return 1 if args.fail_on_broken and any(r.broken for r in results) else 0
