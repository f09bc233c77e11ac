"""Which Pagefind makes the search index (cogov.search_engine): the pinned release from the npm
registry, fetched once and checked, else the wheel's, and the build says why."""

from __future__ import annotations

import subprocess
from importlib import metadata
from pathlib import Path

import pytest

from cogov import npm, search_engine
from cogov.cli import main
from cogov.npm import Package
from cogov.search_engine import EngineUnusable, build_for, install
from cogov.search_index import BUNDLE, index_site
from tests.npm_fake import offline, package, serve, tarball


@pytest.mark.parametrize(
    ("system", "machine", "build"),
    [
        ("linux", "x86_64", "linux-x64"),
        ("linux", "aarch64", "linux-arm64"),
        ("darwin", "arm64", "darwin-arm64"),
        ("darwin", "x86_64", "darwin-x64"),
        ("win32", "AMD64", "windows-x64"),
        ("win32", "ARM64", "windows-arm64"),
        ("freebsd14", "amd64", "freebsd-x64"),
        ("linux", "riscv64", None),
        ("sunos5", "i86pc", None),
    ],
)
def test_the_build_published_for_each_platform_is_found(system: str, machine: str, build: str | None) -> None:
    package = build_for(system, machine)
    if build is None:
        assert package is None
        return
    assert package is not None and package.name == f"@pagefind/{build}"
    assert package.version == search_engine.VERSION and package.integrity.startswith("sha512-")
    assert package.tarball(npm.REGISTRY) == (
        f"https://registry.npmjs.org/@pagefind/{build}/-/{build}-{search_engine.VERSION}.tgz"
    )
    assert package.folder == f"pagefind-{build}-{search_engine.VERSION}"


def _package(data: bytes) -> Package:
    return package(data, "@pagefind/linux-x64")


def _script(version: str) -> bytes:
    return f"#!/bin/sh\necho pagefind_extended {version}\n".encode()


def test_the_binary_is_fetched_once_checked_and_kept_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tarball(
        {
            "package/bin/pagefind_extended": _script("0.0.1"),
            "package/bin/pagefind_extended-v0.0.1.tar.gz.sha256": b"0" * 64,
            "package/bin/../../escaped": b"#!/bin/sh\n",
            "package/package.json": b"{}",
        }
    )
    package = _package(data)
    asked = serve(monkeypatch, data)
    binary = install(package, tmp_path)
    assert binary == tmp_path / "pagefind-linux-x64-0.0.1" / "pagefind_extended"
    assert install(package, tmp_path) == binary
    assert asked == ["https://registry.npmjs.org/@pagefind/linux-x64/-/linux-x64-0.0.1.tgz"]
    assert subprocess.run([binary, "--version"], capture_output=True, text=True).stdout == "pagefind_extended 0.0.1\n"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["pagefind_extended"]  # nothing else, no leftovers


@pytest.mark.parametrize(
    ("files", "tamper", "reason"),
    [
        ({"package/bin/pagefind_extended": _script("0.0.1")}, True, "SHA-512"),
        ({"package/bin/other": _script("0.0.1")}, False, "package/bin/pagefind_extended"),
        ({"package/bin/pagefind_extended": _script("9.9.9")}, False, "does not run here as Pagefind 0.0.1"),
        ({"package/bin/pagefind_extended": b"\x7fELF for another processor"}, False, "does not run here"),
    ],
)
def test_a_download_that_is_not_the_expected_pagefind_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes], tamper: bool, reason: str
) -> None:
    data = tarball(files)
    package = _package(data)
    serve(monkeypatch, tarball({**files, "package/README.md": b"changed"}) if tamper else data)
    with pytest.raises(EngineUnusable, match=reason):
        install(package, tmp_path)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_an_answer_larger_than_any_package_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tarball({"package/bin/pagefind_extended": _script("0.0.1")})
    serve(monkeypatch, data + b"\0" * 64)
    monkeypatch.setattr(npm, "MAX_BYTES", len(data))
    with pytest.raises(EngineUnusable, match="the registry sent more than 1 MB"):
        install(_package(data), tmp_path)
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_pagefind_binary_path_chooses_the_binary_without_any_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offline(monkeypatch)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/opt/pagefind")
    engine = search_engine.find(tmp_path)
    assert engine.command == ("/opt/pagefind",) and engine.note is None


@pytest.mark.slow
def test_without_the_pinned_release_the_wheels_pagefind_indexes_and_the_build_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline on a first build: the site is still built and searchable, with the Pagefind that
    was installed with cogov, and the build says what was used, why, and what happens next."""
    offline(monkeypatch)
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    monkeypatch.setenv("COGOV_CACHE", str(tmp_path / "cache"))
    wheel = metadata.version("pagefind_bin")
    target = tmp_path / "peru"
    assert main(["init", str(target), "--title", "Gobierno Abierto", "--country", "PE", "--as-of", "2026-03-01"]) == 0
    assert main(["build", str(target), "--as-of", "2026-03-01"]) == 0
    said = capsys.readouterr().err
    assert f"made with Pagefind {wheel} (installed with cogov) instead of Pagefind {search_engine.VERSION}" in said
    assert "Name or service not known" in said and "The next build tries again" in said
    assert str(tmp_path / "cache") in said
    bundle = target / "site" / BUNDLE
    assert (bundle / "pagefind.js").read_text(encoding="utf-8").startswith(f'const pagefind_version="{wheel}"')
    assert list((bundle / "fragment").glob("*.pf_fragment"))
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("pagefind_extended*"))


def test_a_site_is_indexed_with_the_pinned_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The release the build uses is the one cogov pins (fetched from the npm registry once, into
    the user's cache), not the wheel's older one."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Budget</h1></main></body></html>',
        encoding="utf-8",
    )
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    stats = index_site(tmp_path)
    assert stats.engine == search_engine.VERSION and stats.note is None
    script = (tmp_path / BUNDLE / "pagefind.js").read_text(encoding="utf-8")
    assert script.startswith(f'const pagefind_version="{search_engine.VERSION}"')
