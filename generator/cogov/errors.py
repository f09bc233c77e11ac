"""Diagnostics (what is wrong, where) and the small exception tree.

Expected failures (bad input, bad usage) are reported as diagnostics or as a :class:`CogovError`
and end with a clean exit code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem in one file. ``line``/``col`` are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    col: int
    code: str
    severity: Severity
    message: str
    field: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.path, d.line, d.col, d.code, d.message)


def format_field(path: tuple[str | int, ...]) -> str:
    """``("attendance", 2, "person")`` -> ``attendance[2].person`` (the form the messages use)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM): unwind, so every clean-up runs, and exit 143."""


class CogovError(Exception):
    """An expected failure: reported in one line, exit code 2 unless a subclass says otherwise."""

    exit_code = 2


class UsageError(CogovError):
    """The command was called wrongly (bad option value, missing project folder)."""


class InvalidRecords(CogovError):
    """The records have errors; the diagnostics were already reported."""

    exit_code = 1


class BuildError(CogovError):
    """The site builder or a post-build check failed; the previous site was left in place."""

    exit_code = 1


class FileExists(CogovError):
    """A command would overwrite a file it must not touch."""
