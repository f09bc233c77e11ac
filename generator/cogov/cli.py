"""The command line: parse, build settings, call the core, map outcomes to exit codes. No logic.

Exit codes: 0 valid (or done), 1 invalid records or failed build, 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cogov import __version__
from cogov.config import WITHHELD_KEY_VARIABLE, Settings, parse_date
from cogov.errors import CogovError, Terminated
from cogov.kinds import KINDS
from cogov.messages import t
from cogov.reporters import REPORTERS

if TYPE_CHECKING:
    from cogov.pipeline import Generated


def _date(value: str) -> object:
    try:
        return parse_date(value)
    except CogovError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cogov",
        description="Check and publish the records of Open Government Partnership co-governance.",
    )
    parser.add_argument("--version", action="version", version=f"cogov {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details, and tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check every record and report all problems at once")
    p.add_argument("project", nargs="?", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="the date to check against (default: today)")

    p = sub.add_parser("new", help="write a stub record that validates, ready to fill in")
    p.add_argument("kind", choices=[k.name for k in KINDS if k.stub])
    p.add_argument("--project", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--id", help="the record's ID (default: made from the title or name)")
    p.add_argument("--title", help="title (meeting, commitment, plan)")
    p.add_argument("--name", help="name (person, organization, body)")
    p.add_argument("--body", help="meeting: the body's ID")
    p.add_argument("--date", type=_date, help="meeting: the date (YYYY-MM-DD)")
    p.add_argument("--plan", help="commitment: the action plan's ID")
    p.add_argument("--lead", help="commitment: the lead organization's ID")
    p.add_argument("--sector", help="organization: its sector (default: government)")
    p.add_argument("--organization", help="person: the organization's ID")
    p.add_argument("--type", dest="body_type", help="body: its type (default: multi-stakeholder-forum)")
    p.add_argument("--start", type=_date, help="plan: first day")
    p.add_argument("--end", type=_date, help="plan: last day")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="today's date (default: today)")

    p = sub.add_parser("build", help="validate, generate the pages and build the site")
    p.add_argument("project", nargs="?", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--site-dir", type=Path, help="where to put the site (default: PROJECT/site)")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="the date the site is current on (default: today)")
    p.add_argument("--strict", action="store_true", help="refuse to build when there are warnings")

    p = sub.add_parser("generate", help="validate and write the pages and data into build/docs, without the builder")
    p.add_argument("project", nargs="?", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="the date the site is current on (default: today)")

    p = sub.add_parser("serve", help="preview the site, regenerating it when a record changes")
    p.add_argument("project", nargs="?", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT", help="address (default: %(default)s)")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="the date the site is current on (default: today)")

    p = sub.add_parser("diff", help="describe what changed in the records between two git revisions")
    p.add_argument("base", help="the earlier revision (a commit, branch or tag)")
    p.add_argument("head", nargs="?", help="the later revision (default: the working tree)")
    p.add_argument("--project", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--format", choices=["text", "markdown"], default="text", dest="diff_format", help="output format")

    p = sub.add_parser("links", help="check that the web addresses in the records still answer (report only)")
    p.add_argument("project", nargs="?", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--format", choices=["text", "markdown", "github"], default="text", dest="links_format")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each address (default: 10)")
    p.add_argument("--fail-on-broken", action="store_true", help="exit 1 when an address does not answer")

    p = sub.add_parser("init", help="create a new records project that builds at once")
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
    p.add_argument("--as-of", type=_date, metavar="DATE", help="today's date (default: today)")

    p = sub.add_parser("import", help="create records from an external dataset")
    p.add_argument("source", choices=["ogp-commitments"], help="the kind of dataset")
    p.add_argument("file", type=Path, help="the CSV export of the OGP commitments dataset")
    p.add_argument("--country", required=True, help="the member's code in OGP IDs (UA for UA0068, BUE for BUE0009)")
    p.add_argument("--plan", required=True, help="the action plan's ID in content/action-plans/ (created if missing)")
    p.add_argument("--ogp-plan", help="the OGP action plan ID to import (e.g. AP_UKR03) when the file holds several")
    p.add_argument("--project", default=".", type=Path, help="the records project (default: .)")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="today's date (default: today)")

    p = sub.add_parser("schema-docs", help="write the field reference generated from the schemas")
    p.add_argument("--output", "-o", type=Path, help="write to this file (default: print)")
    p.add_argument("--check", action="store_true", help="fail if --output is not up to date")
    return parser


def _validate(args: argparse.Namespace) -> int:
    from cogov.validate import validate_project

    settings = Settings.for_project(args.project, as_of=args.as_of, strict=args.strict)
    result = validate_project(settings)
    sys.stdout.write(REPORTERS[args.format](result.diagnostics, len(result.documents)))
    return 0 if result.passed(strict=args.strict) else 1


def _generated(settings: Settings) -> Generated | None:
    """Generate the pages; print the records' problems; None when they stop the build."""
    from cogov.pipeline import generate

    generated = generate(settings)
    report = generated.validation
    if report.diagnostics:
        sys.stderr.write(REPORTERS["text"](report.diagnostics, len(report.documents)))
    if not generated.ok:
        print(f"cogov: {t('build.invalid')}", file=sys.stderr)
        return None
    return generated


def _build(args: argparse.Namespace) -> int:
    from cogov.pipeline import build_site

    settings = Settings.for_project(args.project, as_of=args.as_of, strict=args.strict)
    generated = _generated(settings)
    if generated is None:
        return 1
    site_dir = args.site_dir or settings.project / "site"
    stats = build_site(settings, site_dir, generated)
    pages = sum(1 for path in generated.files if path.endswith(".md"))
    data, records = len(generated.files) - pages, len(generated.validation.documents)
    print(t("build.done", pages=pages, data=data, changed=stats.written, records=records, site=site_dir))
    assert generated.records is not None
    if not generated.records.site.url:
        print(f"cogov: {t('cli.no_url')}", file=sys.stderr)
    if not settings.withheld_key and any(p.withdrawn for p in generated.records.people.values()):
        print(f"cogov: {t('build.withheld_key_missing', variable=WITHHELD_KEY_VARIABLE)}", file=sys.stderr)
    return 0


def _generate(args: argparse.Namespace) -> int:
    from cogov.pipeline import DOCS_DIR, write_docs

    settings = Settings.for_project(args.project, as_of=args.as_of)
    generated = _generated(settings)
    if generated is None:
        return 1
    stats = write_docs(generated.files, settings.project / DOCS_DIR)
    print(t("generate.done", files=len(generated.files), changed=stats.written, folder=settings.project / DOCS_DIR))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from cogov.serve import serve

    settings = Settings.for_project(args.project, as_of=args.as_of)
    return serve(settings, args.dev_addr)


def _new(args: argparse.Namespace) -> int:
    from cogov.scaffold import NewRecord, write_new_record

    settings = Settings.for_project(args.project, as_of=args.as_of)
    request = NewRecord(
        kind=args.kind,
        record_id=args.id,
        title=args.title or args.name,
        body=args.body,
        date=args.date,
        plan=args.plan,
        lead=args.lead,
        sector=args.sector,
        organization=args.organization,
        body_type=args.body_type,
        start=args.start,
        end=args.end,
    )
    path = write_new_record(settings, request)
    print(path.relative_to(settings.project).as_posix())
    return 0


def _diff(args: argparse.Namespace) -> int:
    from cogov.diff import diff_revisions, format_changes

    settings = Settings.for_project(args.project)
    changes = diff_revisions(settings.project, args.base, args.head)
    sys.stdout.write(format_changes(changes, args.diff_format))
    return 0


def _links(args: argparse.Namespace) -> int:
    from cogov.links import check_links, format_results

    settings = Settings.for_project(args.project)
    results = check_links(settings.project, timeout=args.timeout)
    sys.stdout.write(format_results(results, args.links_format))
    return 1 if args.fail_on_broken and any(r.broken for r in results) else 0


def _init(args: argparse.Namespace) -> int:
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


def _import(args: argparse.Namespace) -> int:
    from cogov.importer import import_ogp_commitments

    settings = Settings.for_project(args.project, as_of=args.as_of)
    result = import_ogp_commitments(settings.project, args.file, args.country, args.plan, args.ogp_plan, settings.as_of)
    created = t("import.plan_created") if result.plan_created else ""
    print(
        t(
            "import.done",
            commitments=result.commitments,
            organizations=result.organizations,
            plan=args.plan,
            created=created,
        )
    )
    if result.redacted:
        print(t("import.redacted_count", count=result.redacted))
    if result.notes:
        print(t("import.notes", count=len(result.notes)))
        print("\n".join(f"  {note}" for note in result.notes))
    return 0


def _schema_docs(args: argparse.Namespace) -> int:
    from cogov.schemadocs import render_reference
    from cogov.schemas import default_schemas

    text = render_reference(default_schemas())
    if args.output is None:
        sys.stdout.write(text)
        return 0
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run `cogov schema-docs -o {args.output}`", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": _validate,
    "build": _build,
    "generate": _generate,
    "serve": _serve,
    "new": _new,
    "diff": _diff,
    "links": _links,
    "init": _init,
    "import": _import,
    "schema-docs": _schema_docs,
}


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    # SIGTERM (a cancelled CI job, a service manager) unwinds like Ctrl-C: temporary folders are
    # removed and the builder is stopped. Only the main thread may set a handler.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        return COMMANDS[args.command](args)
    except Terminated:
        return 128 + signal.SIGTERM
    except CogovError as exc:
        print(f"cogov: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback behind -v
        if args.verbose:
            traceback.print_exc()
        else:
            print(f"cogov: internal error: {exc!r} (run with -v for the traceback)", file=sys.stderr)
        return 2
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
