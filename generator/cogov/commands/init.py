"""`cogov init DIR`: create a records project for another OGP member that builds at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cogov.commands.common import as_of_parent
from cogov.messages import t

NAME = "init"
HELP = "create a new records project that builds at once"
PARENTS = (as_of_parent(),)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("directory", type=Path, help="where to create it (must not hold the files already)")
    p.add_argument("--title", default="Open government records", help="the site's title")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code of the OGP member")
    p.add_argument("--member-type", choices=["national", "local"], default="national")
    p.add_argument("--member-name", help="the member's name (country, city or region)")
    p.add_argument("--language", default="en", help="BCP 47 language tag (default: en)")
    p.add_argument("--timezone", default="UTC", help="IANA time zone (default: UTC)")
    p.add_argument("--url", help="the address the site will be published at, e.g. https://your-org.github.io/records/")
    p.add_argument("--maintainers", default="@your-org/maintainers", help="CODEOWNERS team for settings")
    p.add_argument("--secretariat", default="@your-org/secretariat", help="CODEOWNERS team for the records")
    p.add_argument("--cogov-requirement", help="what requirements.txt installs (default: this cogov version)")


def run(args: argparse.Namespace) -> int:
    from cogov.config import default_as_of
    from cogov.init import NewProject, init_project

    fields = {"cogov_requirement": args.cogov_requirement} if args.cogov_requirement else {}
    new_project = NewProject(
        title=args.title,
        country=args.country,
        member_type=args.member_type,
        member_name=args.member_name,
        language=args.language,
        timezone=args.timezone,
        url=args.url,
        maintainers=args.maintainers,
        secretariat=args.secretariat,
        **fields,
    )
    written = init_project(args.directory, new_project, args.as_of or default_as_of())
    print(t("cli.init_done", count=len(written), path=args.directory))
    if not args.url:
        print(f"cogov: {t('cli.no_url')}", file=sys.stderr)
    return 0
