from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

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


if TYPE_CHECKING:
    from cogov.model import SiteInfo


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


def site_info(**fields: object) -> SiteInfo:
    """The settings of a site (content/site.yml as cogov reads it), with ``fields`` set."""
    from cogov.model import SiteInfo

    defaults: dict[str, object] = {
        "title": "T", "country": None, "member_type": None, "member_name": None, "language": "en",
        "timezone": "UTC", "description": "", "contact_email": None, "contact_url": None,
        "data_license": None, "repository": None, "branch": "main", "fictional": False,
    }  # fmt: skip
    return SiteInfo(**{**defaults, **fields})  # type: ignore[arg-type]


def in_one_language(project: Path, language: str = "en") -> Path:
    """A copy of the sample, which is published in English and Spanish, made a site in one
    ``language``: every translatable text reduced to its English (the text the records are
    written in), the translation files removed, and ``language`` set."""
    from cogov import yamlstyle
    from cogov.kinds import BY_NAME
    from cogov.records import discover
    from cogov.translations import localize

    documents, _ = discover(project)
    for doc in documents:
        for translation in doc.translations.values():
            (project / translation.path).unlink()
        plain = localize(doc, "en", "en")
        data = dict(plain.data)
        if doc.kind == "site":
            data.pop("languages", None)
            data.pop("prefix_all_languages", None)
            data["language"] = language
        elif plain is doc:
            continue
        path = project / doc.path
        if BY_NAME[doc.kind].markdown:
            path.write_text(yamlstyle.front_matter(data, doc.markdown), encoding="utf-8")
        else:
            path.write_text(yamlstyle.dump(data), encoding="utf-8")
    return project
