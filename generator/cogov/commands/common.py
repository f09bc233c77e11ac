"""What commands share: the project and ``--as-of`` arguments (one spelling everywhere), settings
from arguments, and the one path that reports the records' problems and says whether to stop."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from cogov.config import Settings, parse_date
from cogov.errors import CogovError, UsageError
from cogov.messages import reading_in, t
from cogov.reporters import REPORTERS
from cogov.validate import ValidationResult


def date(value: str) -> object:
    try:
        return parse_date(value)
    except CogovError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def project_parent(legacy: bool = False) -> argparse.ArgumentParser:
    """``--project DIR``, the same in every command. ``legacy``: the command once took the
    project as a positional argument; that spelling still works, with a note."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--project", "-p", type=Path, help="the records project (default: .)")
    if legacy:
        parent.add_argument("legacy_project", nargs="?", type=Path, help=argparse.SUPPRESS)
    return parent


def as_of_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--as-of",
        type=date,
        metavar="DATE",
        help="today's date, for every date-dependent check and page (default: today, or SOURCE_DATE_EPOCH)",
    )
    return parent


def language_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--lang", metavar="LANGUAGE", help="the language of the problems reported (default: the site's `language`)"
    )
    return parent


def reader_language(args: argparse.Namespace, project_dir: Path) -> str:
    """The language to report problems in: --lang, else content/site.yml's ``language`` (read
    leniently: a broken site.yml is itself one of the problems to report), else English."""
    if getattr(args, "lang", None):
        return str(args.lang)
    try:
        data = yaml.safe_load((project_dir / "content" / "site.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "en"
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) and language else "en"


def project(args: argparse.Namespace) -> Path:
    legacy: Path | None = getattr(args, "legacy_project", None)
    if legacy is not None:
        if args.project is not None and args.project != legacy:
            raise UsageError(t("cli.two_projects", first=legacy, second=args.project))
        print(f"cogov: {t('cli.positional_project', command=args.command, path=legacy)}", file=sys.stderr)
        return legacy
    return args.project if args.project is not None else Path()


def settings(args: argparse.Namespace, strict: bool = False) -> Settings:
    return Settings.for_project(project(args), as_of=getattr(args, "as_of", None), strict=strict)


def reading_parents() -> tuple[argparse.ArgumentParser, ...]:
    """The arguments of a command that reads a project and reports its problems."""
    return (project_parent(legacy=True), as_of_parent(), language_parent())


@contextmanager
def project_read(args: argparse.Namespace, strict: bool = False) -> Iterator[Settings]:
    """The project's settings, with problems reported in the reader's language inside the block."""
    config = settings(args, strict=strict)
    with reading_in(reader_language(args, config.project)):
        yield config


def report_problems(validation: ValidationResult, ok: bool, stopped: str) -> bool:
    """Print the records' problems (to stderr: the command's own output stays clean) and, when
    they stop the command, the message ``stopped``. True when the command may go on."""
    if validation.diagnostics:
        sys.stderr.write(REPORTERS["text"](validation.diagnostics, len(validation.documents)))
    if not ok:
        print(f"cogov: {t(stopped)}", file=sys.stderr)
    return ok
