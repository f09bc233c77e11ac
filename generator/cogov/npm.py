"""Code that cogov fetches from the npm registry: one pinned version of a package, checked against
the registry's own SHA-512 digest of it (its "integrity") before anything is unpacked, and kept in a
cache so that later builds work offline.

The form editor (cogov.editor) and the search indexer (cogov.search_engine) come this way.
``$COGOV_NPM_REGISTRY`` points the downloads at a mirror of the registry and ``$COGOV_CACHE`` the
cache at another folder.
"""

from __future__ import annotations

import base64
import hashlib
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cogov.messages import t

REGISTRY = "https://registry.npmjs.org"
# Larger than any package cogov fetches (the search indexer's is 7.5 MB), so that a wrong answer
# cannot fill the memory before the digest is checked.
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Package:
    name: str  # "decap-cms", or a scoped name: "@pagefind/linux-x64"
    version: str
    integrity: str  # as the npm registry gives it: "sha512-<base64>"

    @property
    def folder(self) -> str:
        """The cache folder's name: "pagefind-linux-x64-1.6.0"."""
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}"

    def tarball(self, registry: str) -> str:
        return f"{registry.rstrip('/')}/{self.name}/-/{self.name.rsplit('/', 1)[-1]}-{self.version}.tgz"


class FetchFailed(Exception):
    def __init__(self, address: str, reason: object) -> None:
        super().__init__(f"{address}: {reason}")
        self.address = address
        self.reason = reason


def cache_dir() -> Path:
    """Where downloaded code is kept: $COGOV_CACHE, or the user's cache folder."""
    if os.environ.get("COGOV_CACHE"):
        return Path(os.environ["COGOV_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cogov"


def registry() -> str:
    return os.environ.get("COGOV_NPM_REGISTRY") or REGISTRY


def verified(data: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        return False
    return base64.b64encode(hashlib.sha512(data).digest()).decode("ascii") == expected


def download(package: Package, timeout: float = 120) -> bytes:
    """The package's tarball, as the registry sends it; the caller checks it with ``verified``."""
    address = package.tarball(registry())
    try:
        with urllib.request.urlopen(address, timeout=timeout) as response:
            data: bytes = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError) as error:
        raise FetchFailed(address, getattr(error, "reason", error)) from error
    if len(data) > MAX_BYTES:
        raise FetchFailed(address, t("build.download_too_large", megabytes=max(1, MAX_BYTES // (1024 * 1024))))
    return data
