"""`cogov init`: a new project that validates and builds at once, and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from cogov.cli import main
from tests.conftest import ROOT


def test_init_validate_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "peru"
    args = ["init", str(target), "--title", "Gobierno Abierto", "--country", "PE", "--timezone", "America/Lima"]
    assert main([*args, "--as-of", "2026-03-01", "--secretariat", "@pcm/ogp"]) == 0
    assert main(["validate", str(target), "--strict", "--as-of", "2026-03-01"]) == 0
    assert main(["build", str(target), "--as-of", "2026-03-01"]) == 0
    assert (target / "site" / "meetings" / "2026-03-01-constitutive-session" / "index.html").is_file()
    assert "/content/          @pcm/ogp" in (target / ".github" / "CODEOWNERS").read_text()
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        assert (target / ".github" / "workflows" / workflow.name).read_text() == workflow.read_text()
    assert "For maintainers" not in (target / "CONTRIBUTING.md").read_text()
    assert (target / "requirements.txt").read_text().startswith("cogov==")
    capsys.readouterr()


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x"
    (target / "content").mkdir(parents=True)
    (target / "content" / "site.yml").write_text("title: Mine\n")
    assert main(["init", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (target / "content" / "site.yml").read_text() == "title: Mine\n"
    assert sorted(p.name for p in target.rglob("*")) == ["content", "site.yml"]


def test_init_takes_the_site_address_or_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "a"), "--url", "https://pcm.example/ogp/", "--as-of", "2026-03-01"]) == 0
    assert "no `url`" not in capsys.readouterr().err
    assert main(["build", str(tmp_path / "a"), "--as-of", "2026-03-01"]) == 0
    assert "<loc>https://pcm.example/ogp/</loc>" in (tmp_path / "a" / "site" / "sitemap.xml").read_text()
    assert main(["init", str(tmp_path / "b"), "--as-of", "2026-03-01"]) == 0
    assert "no `url`" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "b"), "--as-of", "2026-03-01"]) == 0
    assert "no `url`" in capsys.readouterr().err
    assert not (tmp_path / "b" / "site" / "sitemap.xml").exists()


def test_a_new_project_has_the_theme_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Structured data, the feed link and the publisher's footer need site_theme's templates."""
    assert main(["init", str(tmp_path / "p"), "--url", "https://x.example/", "--as-of", "2026-03-01"]) == 0
    theme = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "site_theme").rglob("*") if p.is_file())
    assert "site_theme/404.html" in theme and "site_theme/partials/tabs-item.html" in theme
    for rel in theme:
        assert (tmp_path / "p" / rel).read_text() == (ROOT / rel).read_text(), rel
    packaged = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for rel in theme:  # an installed cogov ships them too
        folder = rel.rpartition("/")[0]
        assert f'"share/cogov/{folder}" = [' in packaged, rel
        suffix = rel.rpartition(".")[2]
        assert any(f'"{pattern}"' in packaged for pattern in (rel, f"{folder}/*", f"{folder}/*.{suffix}")), rel
    assert main(["build", "--project", str(tmp_path / "p"), "--as-of", "2026-03-01"]) == 0
    home = (tmp_path / "p" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in home and "Made with" not in home
    assert (tmp_path / "p" / "site" / "pagefind" / "pagefind.js").is_file()  # cogov's search, not the theme's
    assert "theme folder has no search page" not in capsys.readouterr().err
    capsys.readouterr()
