"""`cogov validate`: check every record and report all problems at once."""

from __future__ import annotations

import argparse
import sys

from cogov.commands.common import project_read, reading_parents
from cogov.records import Document
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
        if args.format == "text":
            sys.stdout.write(translation_coverage(result.documents))
        return 0 if result.passed(strict=args.strict) else 1


def translation_coverage(documents: list[Document]) -> str:
    """On a site in several languages, how much of its text each other language has."""
    from cogov.i18n import format_percent
    from cogov.messages import READER_LANGUAGE, t
    from cogov.translations import Languages, coverage, language_name

    site = next((d for d in documents if d.kind == "site"), None)
    languages = Languages.of(site.data if site else None)
    reader = READER_LANGUAGE.get()
    lines = [
        t(
            "cli.translated",
            name=language_name(c.language, reader),
            done=c.translated,
            total=c.total,
            percent=format_percent(c.translated / c.total if c.total else 1, reader),
        )
        for c in coverage(documents, languages.others, languages.default)
    ]
    return "".join(line + "\n" for line in lines)
