"""A fake npm registry for the tests of what cogov fetches from it (cogov.npm): tarballs made in
the test, the registry's digest of them, and answers to urllib instead of the network."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import urllib.error
import urllib.request

import pytest

from cogov.npm import Package


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def package(data: bytes, name: str) -> Package:
    """``name`` 0.0.1, with the registry's digest of ``data``."""
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    return Package(name, "0.0.1", f"sha512-{digest}")


class _Response(io.BytesIO):
    def __enter__(self) -> _Response:
        return self

    def __exit__(self, *args: object) -> None:
        pass


def serve(monkeypatch: pytest.MonkeyPatch, data: bytes) -> list[str]:
    """Answer every download with ``data``; the addresses asked for, in order."""
    asked: list[str] = []

    def fetch(address: str, timeout: float) -> _Response:
        asked.append(address)
        return _Response(data)

    monkeypatch.setattr(urllib.request, "urlopen", fetch)
    return asked


def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(address: str, timeout: float) -> _Response:
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(urllib.request, "urlopen", fail)
