"""Hostile and broken input: tests/cases/hostile/<case>/ (see case.yml in each folder).

- kind `validate`: `cogov validate` exits 1 and prints exactly expected.txt (a file:line diagnostic,
  never a traceback).
- kind `render`: the records are valid; a real build shows the values literally (checked in the
  built HTML) and nothing executable appears in any page.
- kind `build-fails`: the build refuses to publish and says why; no site is written.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from cogov.cli import main
from cogov.postbuild import find_executable
from tests.conftest import CASES, materialize_case

HOSTILE = sorted(p for p in (CASES / "hostile").iterdir() if p.is_dir())


def _meta(case: Path) -> dict[str, object]:
    meta: dict[str, object] = json.loads((case / "case.yml").read_text(encoding="utf-8"))
    return meta


def _project(case: Path, tmp_path: Path) -> Path:
    project = materialize_case(case, tmp_path / "project")
    for link, target in dict(_meta(case).get("symlink") or {}).items():  # type: ignore[call-overload]
        (project / link).symlink_to(target)
    return project


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _cases(kind: str) -> list[Path]:
    return [c for c in HOSTILE if _meta(c)["kind"] == kind]


@pytest.mark.parametrize("case", _cases("validate"), ids=lambda p: p.name)
def test_hostile_input_is_reported(case: Path, tmp_path: Path, update_snapshots: bool) -> None:
    project = _project(case, tmp_path)
    code, out, err = _run("validate", str(project), "--as-of", "2025-01-01")
    expected = case / "expected.txt"
    if update_snapshots:
        expected.write_text(out, encoding="utf-8")
    assert out == expected.read_text(encoding="utf-8")
    assert code == 1
    assert "Traceback" not in out + err
    assert re.match(r"content/\S+:\d+:\d+: error [A-Z]+[0-9]{3} ", out), out


@pytest.mark.slow
@pytest.mark.parametrize("case", _cases("render"), ids=lambda p: p.name)
def test_hostile_values_render_literally(case: Path, tmp_path: Path) -> None:
    project = _project(case, tmp_path)
    code, _out, err = _run("build", str(project), "--as-of", "2025-01-01")
    assert code == 0, err
    site = project / "site"
    for page, checks in dict(_meta(case)["pages"]).items():  # type: ignore[call-overload]
        html = (site / page).read_text(encoding="utf-8")
        for text in checks.get("contains", []):
            assert text in html, f"{page} lacks {text!r}"
        for text in checks.get("absent", []):
            assert text not in html, f"{page} shows {text!r}"
    assert find_executable(site) == []


@pytest.mark.slow
@pytest.mark.parametrize("case", _cases("build-fails"), ids=lambda p: p.name)
def test_unsafe_site_is_not_published(case: Path, tmp_path: Path) -> None:
    project = _project(case, tmp_path)
    code, _out, err = _run("build", str(project), "--as-of", "2025-01-01")
    assert code == 1
    for text in dict(_meta(case)["pages"])["stderr"]["contains"]:  # type: ignore[call-overload]
        assert text in err
    assert not (project / "site").exists()
    assert not list(project.glob(".site-*"))
