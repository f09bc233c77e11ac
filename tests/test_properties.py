"""Property-based tests: whatever text or structure arrives, the loader and the validator return
diagnostics and never raise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cogov.config import Settings
from cogov.loader import Positions, load_markdown_file, parse_yaml
from cogov.records import Document
from cogov.schemas import KINDS, default_schemas
from cogov.validate import validate_documents

SETTINGS = Settings(project=Path(), as_of=dt.date(2025, 1, 1))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.text(max_size=30),
    st.sampled_from(["2025-03-14", "10:00", "NO", "yes", "0123", "ana-quispe", "held", "present", "government"]),
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["title", "name", "date", "members", "attendance", "person", "role", "start", "end", "status", "chair", "seats"]
    ),
)
structures = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=25
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_loader_never_raises_on_text(text: str) -> None:
    loaded = parse_yaml(text, "x.yml")
    assert isinstance(loaded.diagnostics, list)
    for diag in loaded.diagnostics:
        assert diag.line >= 1 and diag.col >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_markdown_loader_never_raises_on_bytes(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / "m.md"
    file.write_bytes(data)
    loaded = load_markdown_file(file, "m.md", front_matter_required=True)
    assert loaded.data is None or isinstance(loaded.data, dict | list | str | int | bool)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KINDS), structures), min_size=1, max_size=6))
def test_validator_never_raises_on_any_structure(records: list[tuple[str, Any]]) -> None:
    documents: list[Document] = []
    diagnostics = []
    for i, (kind, value) in enumerate(records):
        text = yaml.safe_dump(value, allow_unicode=True)
        loaded = parse_yaml(text, f"content/{kind}/{i}.yml")
        diagnostics.extend(loaded.diagnostics)
        data = loaded.data if isinstance(loaded.data, dict) else {}
        record_id = "2025-01-01-x" if kind == "meeting" else f"r{i}"
        documents.append(Document(kind, record_id, f"content/{kind}/{i}.yml", data, loaded.positions or Positions()))
    result = validate_documents(documents, diagnostics, SETTINGS, default_schemas())
    for diag in result.diagnostics:
        assert diag.path.startswith("content/") and diag.message
