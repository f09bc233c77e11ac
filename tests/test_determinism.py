"""The same commit builds to byte-identical sites, whatever the day or the hash seed."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    sites = []
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH="1795651200")  # 2026-11-26
        site = tmp_path / f"site-{seed}"
        subprocess.run(
            [sys.executable, "-m", "cogov", "build", str(project), "--site-dir", str(site)],
            check=True,
            env=env,
            capture_output=True,
        )
        sites.append(site)
        shutil.rmtree(project / "build")  # the second build starts from nothing too
    first, second = (_tree(s) for s in sites)
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert different == []
    assert not filecmp.dircmp(sites[0], sites[1]).diff_files
