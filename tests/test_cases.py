"""Data-driven validation cases: every folder under tests/cases/{valid,invalid}/ is one test.

A case folder holds files laid over tests/cases/base/, a case.yml (description, as_of, strict,
delete, exit) and expected.txt, the exact `cogov validate` text output. Add a case by adding a
folder; write expected.txt by hand or with `pytest tests/test_cases.py --update-snapshots` and review it.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import yaml

from cogov.cli import main
from tests.conftest import CASES, materialize_case

CASE_DIRS = sorted(p for group in ("valid", "invalid") for p in (CASES / group).iterdir() if p.is_dir())


def run_validate(project: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["validate", str(project), *args])
    return code, out.getvalue()


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(case_dir: Path, tmp_path: Path, update_snapshots: bool) -> None:
    meta = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8"))
    project = materialize_case(case_dir, tmp_path / "project")
    args = ["--as-of", str(meta.get("as_of", "2025-01-01"))]
    if meta.get("strict"):
        args.append("--strict")
    code, output = run_validate(project, *args)
    expected_file = case_dir / "expected.txt"
    if update_snapshots:
        expected_file.write_text(output, encoding="utf-8")
    assert output == expected_file.read_text(encoding="utf-8")
    expected_exit = meta.get("exit", 0 if case_dir.parent.name == "valid" else 1)
    assert code == expected_exit
    if case_dir.parent.name == "invalid":
        # Every invalid case points at a file and a line, never only at the project.
        first = output.splitlines()[0]
        assert re.match(r"content/\S+?:(\d+:\d+:)? (error|warning) [A-Z]+[0-9]{3} ", first), first
        assert "FILE003" in first or re.match(r"\S+:\d+:\d+: ", first), "a line and column are given"
        assert "Traceback" not in output


def test_there_are_enough_invalid_cases() -> None:
    assert len([p for p in CASE_DIRS if p.parent.name == "invalid"]) >= 25
