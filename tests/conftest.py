from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
SAMPLE_AS_OF = dt.date(2026, 11, 26)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite expected outputs (case folders and Markdown snapshots) from the current code",
    )


@pytest.fixture
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A copy of the repository's sample project (content/ and mkdocs.yml) to build or modify."""
    target = tmp_path / "sample"
    shutil.copytree(ROOT / "content", target / "content")
    if (ROOT / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def materialize_case(case_dir: Path, target: Path) -> Path:
    """The base project with the case's files laid over it and its deletions applied."""
    import yaml

    shutil.copytree(CASES / "base", target)
    meta = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8")) or {}
    for rel in meta.get("delete", []):
        (target / rel).unlink()
    overlay = case_dir / "content"
    if overlay.is_dir():
        shutil.copytree(overlay, target / "content", dirs_exist_ok=True)
    return target
