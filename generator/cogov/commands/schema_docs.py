"""`cogov schema-docs`: write the field reference generated from the schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "schema-docs"
HELP = "write the field reference generated from the schemas"
PARENTS: tuple[argparse.ArgumentParser, ...] = ()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", "-o", type=Path, help="write to this file (default: print)")
    p.add_argument("--check", action="store_true", help="fail if --output is not up to date")


def run(args: argparse.Namespace) -> int:
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
