"""The commands: one module each, declaring its arguments (``add_arguments``, and the shared
``PARENTS`` for the project and ``--as-of``) and running (``run``). ``cogov.cli`` only builds
the parser from this list and maps outcomes to exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from types import ModuleType

from cogov import __version__
from cogov.commands import (
    build,
    cms,
    diff,
    fmt,
    generate,
    import_dataset,
    init,
    links,
    new,
    schema_docs,
    serve,
    standards,
    validate,
)

COMMANDS: tuple[ModuleType, ...] = (
    validate,
    new,
    build,
    generate,
    serve,
    diff,
    links,
    standards,
    cms,
    fmt,
    init,
    import_dataset,
    schema_docs,
)
Run = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cogov",
        description="Check and publish the records of Open Government Partnership co-governance.",
    )
    parser.add_argument("--version", action="version", version=f"cogov {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details, and tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(command.NAME, help=command.HELP, parents=list(command.PARENTS))
        command.add_arguments(p)
        p.set_defaults(run=command.run)
    return parser
