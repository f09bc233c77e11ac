"""Project settings, typed and checked in one place."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cogov.errors import UsageError
from cogov.messages import t
from cogov.schemas import is_date


def parse_date(value: str) -> dt.date:
    """A YYYY-MM-DD option value, or a UsageError that says how to write it."""
    if not is_date(value):
        raise UsageError(t("cli.bad_date", value=value))
    return dt.date.fromisoformat(value)


def default_as_of() -> dt.date:
    """Today, unless SOURCE_DATE_EPOCH pins the date (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


WITHHELD_KEY_VARIABLE = "COGOV_WITHHELD_KEY"


@dataclass(frozen=True)
class Settings:
    """Where the records project is and how to check it.

    ``as_of`` is "today" for every date-dependent rule and page, so results are reproducible.
    """

    project: Path
    as_of: dt.date
    strict: bool = False
    # The secret that makes withheld people's public IDs impossible to compute (see SECURITY.md).
    withheld_key: bytes = b""

    @property
    def content(self) -> Path:
        return self.project / "content"

    @classmethod
    def for_project(cls, project: Path, as_of: dt.date | None = None, strict: bool = False) -> Settings:
        project = project.resolve()
        if not (project / "content").is_dir():
            raise UsageError(t("cli.not_project", path=project))
        key = os.environ.get(WITHHELD_KEY_VARIABLE, "").encode("utf-8")
        return cls(project=project, as_of=as_of or default_as_of(), strict=strict, withheld_key=key)
