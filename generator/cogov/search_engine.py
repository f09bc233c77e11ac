"""Which Pagefind makes the search index: one pinned release, fetched once and verified.

The release matters to every visitor: Pagefind's WebAssembly ranks the results in the visitor's
browser, and from 1.6.0 it groups the matching words by page before scoring them, where 1.5 went
through every match once for every page found. On the benchmark's archive of 10,000 records, a
search of two words found on most pages took 0.5-0.7 s of ranking with 1.5.2 on a phone-like
profile (a CPU four times slower), and 0.05-0.12 s with 1.6.0, for the same index and results.

Pagefind's Python package on PyPI (a dependency of cogov, with its binary in a wheel) stops at
1.5.2, so the index is made with the binary that Pagefind publishes on the npm registry for each
platform (cogov.npm: checked against the SHA-512 digest written here, kept in the cache). Only the
binary is taken from the package, under a name made here, and it must answer ``--version`` with
the release expected before it is used.

Where that cannot be done (no connection on the first build, a platform without a published
build), the binary from PyPI's wheel makes the index: the site is the same, searches of common
words on a large archive are slower, and the build says so. ``$PAGEFIND_BINARY_PATH``, Pagefind's
own setting, chooses a binary outright.
"""

from __future__ import annotations

import io
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from cogov.messages import t
from cogov.npm import FetchFailed, Package, cache_dir, download, verified

VERSION = "1.6.0"
# Pagefind's builds on the npm registry, by platform, with the registry's digest of each.
_BUILDS = {
    "linux-x64": "sha512-IbMSx/+Vr/Xk0TTBlLkjgK+rvnbOXGmmb2/MKxQu99AR5DsqQoV3NKEA9PQz2tAhuCZjeD5xJBp4w5N5DHIC7Q==",
    "linux-arm64": "sha512-SLB2I+XqCZma8NvIGIH8nyKblgKIxw5PmqsVtofWOKxNHhEtOEsddbqU+hsrNcT3EV0faM6UmKDHVIxcPYq29w==",
    "darwin-x64": "sha512-rd3ZbtuxyYqjASKZAPuIV7eeQQHJ7VYpoNKKG8CvglaD3g30eT5Nb7XGNLYwVReBsCccpkURwrGwWjSwr8nyQQ==",
    "darwin-arm64": "sha512-611gl64aqN12UcMyKPtZ8+vRWBKlJFSh2JgO8uScxa1Eyjo1dXz9r4wZuRno0yCUE/KN0FauEoKZ3KEwUYHCCg==",
    "windows-x64": "sha512-cUA2+yXfbymdJllyMjY5YTBwuOgh0/H53Pn5fYKjDnDjk154Ft4U5RVj3TenWySPL/jG6zJfARUWSlyUyXHlZw==",
    "windows-arm64": "sha512-wUrniW3REr7VWJHz6xE6F/p/AQgHDFpGZiY9sbWT71KfEijDE5Jnc37V8zc7cilV9h/QkwJGXoEP2+ZLwDmhtw==",
    "freebsd-x64": "sha512-d+sXqsaThszmPWGVDSRKqIz9GpZcj/bAksNZfg19asSxU0ogNPOMND4kV4giQvOjPFMsltUFf6hQJfoHQ6+hSQ==",
}
_SYSTEMS = {"linux": "linux", "darwin": "darwin", "win32": "windows", "freebsd": "freebsd"}
_MACHINES = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}


class EngineUnusable(Exception):
    """Why the pinned release cannot be used here; the words are the reader's."""


@dataclass(frozen=True)
class Engine:
    command: tuple[str, ...]  # how to run it
    version: str  # the release, "" when chosen with PAGEFIND_BINARY_PATH
    note: str | None = None  # why it is not the pinned release, for the build's output


def build_for(system: str, machine: str) -> Package | None:
    """Pagefind's build for a platform (``sys.platform``, ``platform.machine()``), if published."""
    system = "freebsd" if system.startswith("freebsd") else system  # "freebsd14"
    name = _SYSTEMS.get(system, "") + "-" + _MACHINES.get(machine.lower(), "")
    integrity = _BUILDS.get(name)
    return Package(f"@pagefind/{name}", VERSION, integrity) if integrity else None


def _binary_name(package: Package) -> str:
    return "pagefind_extended.exe" if "windows" in package.name else "pagefind_extended"


def _answers(binary: Path, version: str) -> bool:
    try:
        done = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and version in done.stdout.split()


def install(package: Package, cache: Path | None = None) -> Path:
    """The package's Pagefind binary in the cache, downloaded and checked the first time."""
    folder = (cache or cache_dir()) / package.folder
    binary = folder / _binary_name(package)
    if binary.is_file() and os.access(binary, os.X_OK):
        return binary
    try:
        data = download(package, timeout=30)  # a build without it still publishes: wait less
    except FetchFailed as error:
        raise EngineUnusable(str(error.reason)) from error
    if not verified(data, package.integrity):
        raise EngineUnusable(t("build.search_engine_digest"))
    wanted = f"package/bin/{binary.name}"
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            member = archive.getmember(wanted)
            source = archive.extractfile(member) if member.isfile() else None
            executable = source.read() if source else b""
    except (tarfile.TarError, KeyError, OSError) as error:
        raise EngineUnusable(f"{wanted}: {error}") from error
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{binary.name}-", dir=folder)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(executable)
        temporary.chmod(0o755)
        if not _answers(temporary, package.version):
            raise EngineUnusable(t("build.search_engine_broken", version=package.version))
        temporary.replace(binary)  # in one step: another build never runs half a file
    finally:
        temporary.unlink(missing_ok=True)
    return binary


def _wheel() -> Engine:
    try:
        version = metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        version = ""
    return Engine((sys.executable, "-m", "pagefind"), version)


def find(cache: Path | None = None) -> Engine:
    """The Pagefind to make the index with: the one chosen with PAGEFIND_BINARY_PATH, else the
    pinned release (fetched the first time), else the wheel's, with a note saying why."""
    chosen = os.environ.get("PAGEFIND_BINARY_PATH")
    if chosen:
        return Engine((chosen,), "")
    package = build_for(sys.platform, platform.machine())
    try:
        if package is None:
            raise EngineUnusable(t("build.search_engine_platform", platform=f"{sys.platform} {platform.machine()}"))
        return Engine((str(install(package, cache)),), VERSION)
    except EngineUnusable as error:
        fallback = _wheel()
        note = t(
            "build.search_engine_fallback",
            wanted=VERSION,
            used=fallback.version,
            reason=str(error),
            cache=cache or cache_dir(),
        )
        return Engine(fallback.command, fallback.version, note)
