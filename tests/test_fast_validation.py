"""The compiled fast path changes speed, never results: same diagnostics with or without it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cogov.config import Settings
from cogov.loader import parse_yaml
from cogov.records import discover
from cogov.schemas import KINDS, load_schemas
from cogov.validate import validate_documents
from tests.conftest import CASES, materialize_case
from tests.test_properties import structures

SLOW = load_schemas(fast=False)
FAST = load_schemas(fast=True)
CASE_DIRS = sorted(p for group in ("valid", "invalid", "hostile") for p in (CASES / group).iterdir() if p.is_dir())


def test_fast_path_is_available() -> None:
    assert FAST.fast is not None and SLOW.fast is None


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_diagnostics_on_every_case(case_dir: Path, tmp_path: Path) -> None:
    project = materialize_case(case_dir, tmp_path / "p")
    links = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8")).get("symlink") or {}
    for link, target in links.items():
        (project / link).symlink_to(target)
    config = Settings.for_project(project, as_of=dt.date(2025, 1, 1))
    docs, problems = discover(project)
    slow = validate_documents(docs, problems, config, SLOW).diagnostics
    docs, problems = discover(project)
    fast = validate_documents(docs, problems, config, FAST).diagnostics
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KINDS), structures)
def test_fast_validity_agrees_with_jsonschema(kind: str, value: Any) -> None:
    data = parse_yaml(yaml.safe_dump(value, allow_unicode=True), "x.yml").data
    python_valid = not any(True for _ in SLOW.validator(kind).iter_errors(data))
    assert FAST.is_valid_fast(kind, data) == python_valid


def test_fast_validity_on_the_sample_and_its_mutations() -> None:
    from tests.conftest import ROOT

    docs, _ = discover(ROOT)
    for doc in docs:
        for data in (doc.data, {**doc.data, "extra": 1}, {k: v for k, v in doc.data.items() if k != "title"}):
            python_valid = not any(True for _ in SLOW.validator(doc.kind).iter_errors(data))
            assert FAST.is_valid_fast(doc.kind, data) == python_valid, (doc.path, sorted(data))
