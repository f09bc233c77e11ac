"""`cogov generate`: validate and write the pages and data, without running the builder."""

from __future__ import annotations

import argparse

from cogov.commands.common import project_read, reading_parents, report_problems
from cogov.messages import t

NAME = "generate"
HELP = "validate and write the pages and data into build/docs, without the builder"
PARENTS = reading_parents()


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from cogov.pipeline import DOCS_DIR, generate, write_docs

    with project_read(args) as config:
        generated = generate(config)
        if not report_problems(generated.validation, generated.ok, "build.invalid"):
            return 1
        stats = write_docs(generated.files, config.project / DOCS_DIR)
        print(t("generate.done", files=len(generated.files), changed=stats.written, folder=config.project / DOCS_DIR))
        return 0
