"""`cogov build`: validate, generate the pages and build the site atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cogov.commands.common import project_read, reading_parents, report_problems
from cogov.config import WITHHELD_KEY_VARIABLE
from cogov.messages import t

NAME = "build"
HELP = "validate, generate the pages and build the site"
PARENTS = reading_parents()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site-dir", type=Path, help="where to put the site (default: PROJECT/site)")
    p.add_argument("--strict", action="store_true", help="refuse to build when there are warnings")


def run(args: argparse.Namespace) -> int:
    from cogov.pipeline import build_site, generate

    with project_read(args, strict=args.strict) as config:
        generated = generate(config)
        if not report_problems(generated.validation, generated.ok, "build.invalid"):
            return 1
        assert generated.records is not None
        site_dir = args.site_dir or config.project / "site"
        stats = build_site(config, site_dir, generated)
        files = [path for edition in generated.editions for path in edition.files]  # every language's
        pages = sum(1 for path in files if path.endswith(".md"))
        data, records = len(files) - pages, len(generated.validation.documents)
        print(t("build.done", pages=pages, data=data, changed=stats.written, records=records, site=site_dir))
        if stats.search:
            print(t("build.indexed", pages=stats.search.pages, seconds=stats.search.seconds))
            if stats.search.note:
                print(f"cogov: {stats.search.note}", file=sys.stderr)
        else:
            print(f"cogov: {t('build.old_theme')}", file=sys.stderr)
        if not generated.records.site.url:
            print(f"cogov: {t('cli.no_url')}", file=sys.stderr)
        if not config.withheld_key and any(p.withdrawn for p in generated.records.people.values()):
            print(f"cogov: {t('build.withheld_key_missing', variable=WITHHELD_KEY_VARIABLE)}", file=sys.stderr)
        return 0
