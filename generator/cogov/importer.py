"""`cogov import ogp-commitments`: commitment and organization records from the OGP commitments
dataset (its CSV export). ``ND``/``NA``/``NR`` mean no data and are left out, never guessed.

Supporting institutions are free text in the dataset (often a sentence listing several bodies),
so they go into the description rather than becoming organizations of doubtful identity.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from cogov.errors import FileExists, UsageError
from cogov.markup import escape_text
from cogov.messages import t
from cogov.ogp_dates import day_first, read_date
from cogov.privacy import redact
from cogov.records import slugify
from cogov.render.escape import url
from cogov.render.escape import yaml_string as q

NO_DATA = frozenset({"", "ND", "NA", "NR", "N/A", "Unclear", "No early results to report yet"})
VALUES = {
    "OGP Value Access To Information": "access-to-information",
    "OGP Value Civic Participation": "civic-participation",
    "OGP Value Public Accountability": "public-accountability",
    "OGP Value Technology": "technology-and-innovation",
}
IMPACT = {"None": "none", "Minor": "minor", "Moderate": "moderate", "Transformative": "transformative"}
COMPLETION = {"Not Started": "not-started", "Limited": "limited", "Substantial": "substantial", "Complete": "complete"}
OPENED = {
    "Worsened": "worsened",
    "Did Not Change": "did-not-change",
    "Marginal": "marginal",
    "Major": "major",
    "Outstanding": "outstanding",
}
STATUS_FROM_COMPLETION = {
    "not-started": "not-started",
    "limited": "in-progress",
    "substantial": "in-progress",
    "complete": "completed",
}
PARLIAMENT = re.compile(
    r"parliament|parlamento|parlement|congress|congreso|assembly|asamblea|assembleia|assemblée|house of|senate|senado"
    r"|sénat|jogorku kenesh|rada|sobranie|cámara de diputados|câmara dos deputados",
    re.I,
)
_ID_COLUMN = "Commitment Unique Identifier"
_FIRST_AREA = "Anti-Corruption and Integrity"
_AFTER_AREAS = "Report Publication Year (Progress Report)"


@dataclass(frozen=True)
class ImportResult:
    commitments: int
    organizations: int
    plan_created: bool
    written: tuple[Path, ...]
    redacted: int  # contact details removed from the imported text
    notes: tuple[str, ...] = ()  # dates left out or read one of two ways, for the user to check


def _value(row: dict[str, str], column: str) -> str | None:
    text = " ".join((row.get(column) or "").split())
    return None if text in NO_DATA else text


class _Dates:
    """A plan's dates: the order of day and month decided once for all its rows, and a note for
    every date left out or read one of two ways."""

    COLUMNS = ("Start Date", "End Date")

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.day_first = day_first(v for r in rows for c in self.COLUMNS if (v := _value(r, c)))
        self.notes: list[str] = []

    def read(self, row: dict[str, str], column: str) -> str | None:
        text = _value(row, column)
        if not text:
            return None
        read = read_date(text, self.day_first, end=column == "End Date")
        if read.problem:
            ogp_id = row[_ID_COLUMN].strip()
            self.notes.append(t(f"import.date_{read.problem}", id=ogp_id, column=column, text=text, value=read.value))
        return read.value


def _line(text: str, limit: int = 480) -> str:
    text, _ = redact(text, t("import.redacted"))
    text = "".join(ch for ch in " ".join(text.split()) if ch.isprintable())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Bullets as word processors export them (Symbol-font U+F0B7 and friends, •, ●, ▪, ◦, ·, ➢).
_BULLET = re.compile("^[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u2022\u25cf\u25aa\u25e6\u00b7\u27a2]\\s*")


def _markdown(text: str) -> str:
    """Dataset text as Markdown that shows literally, line by line: each line a paragraph (the
    dataset's line breaks are meaningful), word-processor bullets as a list, tabs as spaces, no
    HTML, no accidental emphasis, headings or numbered lists. Personal contact details (the
    dataset holds officials' e-mail addresses and phone numbers) are removed: the site must not
    publish them."""
    text, _ = redact(text, t("import.redacted"))
    text = re.sub(r"[\t\v\f]+", " ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch.isprintable() or ch == "\n" or _BULLET.match(ch))
    blocks: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        bullet = _BULLET.match(line)
        if bullet:
            item = "- " + escape_text(line[bullet.end() :], minimal=True)
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
                continue
            blocks.append(item)
        else:
            blocks.append(escape_text(line, minimal=True))
    return "\n\n".join(blocks)


def read_rows(csv_file: Path, country: str, ogp_plan: str | None) -> list[dict[str, str]]:
    try:
        with csv_file.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(t("import.unreadable", path=csv_file, reason=exc)) from None
    if rows and _ID_COLUMN not in rows[0]:
        raise UsageError(t("import.not_ogp", path=csv_file, column=_ID_COLUMN))
    prefix = country.upper()
    chosen = [r for r in rows if re.fullmatch(rf"{prefix}[0-9]{{4}}", r.get(_ID_COLUMN, "").strip())]
    if ogp_plan:
        chosen = [r for r in chosen if r.get("Action Plan ID") == ogp_plan]
    plans = sorted({r.get("Action Plan ID", "") for r in chosen})
    if not chosen:
        raise UsageError(t("import.none", country=prefix, plan=ogp_plan or "any"))
    if len(plans) > 1:
        raise UsageError(t("import.many_plans", country=prefix, plans=", ".join(plans)))
    return chosen


def _organization(name: str) -> str:
    sector = "parliament" if PARLIAMENT.search(name) else "government"
    return f"name: {q(_line(name))}\nsector: {sector}\n"


def _existing_name(path: Path) -> str | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    name = data.get("name") if isinstance(data, dict) else None
    if isinstance(name, dict):  # a name in several languages: the first written
        name = next((v for v in name.values() if isinstance(v, str)), None)
    return str(name) if name is not None else None


def _organization_ids(names: list[str], folder: Path) -> dict[str, str]:
    """An ID for each distinct name: transliterated, and never shared by two different names
    (nor with an existing record of another name: that one keeps its ID, the new gets -2, -3...)."""
    ids: dict[str, str] = {}
    taken: dict[str, str] = {}
    for name in names:
        if name in ids:
            continue
        base = slugify(name)[:80].strip("-")
        base = "organization" if base == "record" else base
        candidate, n = base, 1
        while True:
            owner = taken.get(candidate) or _existing_name(folder / f"{candidate}.yml")
            if owner is None or _line(owner) == _line(name):
                break
            n += 1
            candidate = f"{base}-{n}"
        taken[candidate] = name
        ids[name] = candidate
    return ids


def _policy_areas(row: dict[str, str]) -> list[str]:
    """The dataset's policy-area flags (the columns from "Anti-Corruption and Integrity" to
    "Money in Politics" hold 1 when they apply), as theme slugs."""
    columns = list(row)
    first, last = (
        columns.index(_FIRST_AREA) if _FIRST_AREA in row else 0,
        columns.index(_AFTER_AREAS) if _AFTER_AREAS in row else 0,
    )
    themes = [slugify(column)[:60].strip("-") for column in columns[first:last] if _value(row, column) == "1"]
    return list(dict.fromkeys(themes))


def _commitment(row: dict[str, str], lead_id: str, dates: _Dates) -> str:
    ogp_id = row[_ID_COLUMN].strip()
    lines = ["---", f"title: {q(_line(_value(row, 'Commitment Title') or ogp_id))}", f"ogp_id: {ogp_id}"]
    lines.append(f"lead: {lead_id}")
    values = [slug for column, slug in VALUES.items() if _value(row, column) == "1"]
    if values:
        lines.append("values: [" + ", ".join(values) + "]")
    themes = _policy_areas(row)
    if themes:
        lines.append("themes: [" + ", ".join(themes) + "]")
    start, end = dates.read(row, "Start Date"), dates.read(row, "End Date")
    if start:
        lines.append(f"start: {start}")
    if end and (not start or end >= start):
        lines.append(f"end: {end}")
    irm = {
        "potential_impact": IMPACT.get(_value(row, "Potential Impact") or ""),
        "completion": COMPLETION.get(_value(row, "Completion (End Of Term)") or ""),
        "did_it_open_government": OPENED.get(_value(row, "Did It Open Government (Overall)") or ""),
    }
    completion = irm["completion"]
    if completion:
        lines.append(f"status: {STATUS_FROM_COMPLETION[completion]}")
    if any(irm.values()):
        lines.append("irm:")
        lines += [f"  {key}: {value}" for key, value in irm.items() if value]
    lines += ["---", ""]
    body = _markdown(row.get("Full Text") or "")
    lines.append(body or "No description in the OGP dataset.")
    supporting = _value(row, "Supporting Institution(s)")
    if supporting:
        lines += ["", f"**Supporting institutions** (as listed in the OGP dataset): {_markdown(supporting)}"]
    theme = _value(row, "Theme")
    if theme:
        lines += ["", f"**Theme** (as listed in the OGP dataset): {_markdown(theme)}"]
    page = _value(row, "URL")
    if page and str(url(page)) != "#":
        lines += ["", f"[The commitment on the OGP website]({url(page)})"]
    lines += ["", f"*Imported from the OGP commitments dataset ({_value(row, 'Action Plan ID') or 'no plan ID'}).*", ""]
    return "\n".join(lines)


def _plan(rows: list[dict[str, str]], as_of: dt.date, dates: _Dates) -> str:
    first = rows[0]
    silent = _Dates(rows)  # the commitments report their own dates
    silent.day_first = dates.day_first
    starts = [d for d in (silent.read(r, "Start Date") for r in rows) if d]
    ends = [d for d in (silent.read(r, "End Date") for r in rows) if d]
    year = _value(first, "Year Of Submission") or str(as_of.year)
    end_year = _value(first, "Action Plan End Year") or year
    if not re.fullmatch(r"(?:19|20)\d\d", year):
        year = str(as_of.year)
    if not re.fullmatch(r"(?:19|20)\d\d", end_year):
        end_year = year
    start = min(starts) if starts else f"{year}-01-01"
    # A plan runs at least to the end of its stated end year, whatever its commitments' dates say.
    end = max([*ends, f"{end_year}-12-31", start])
    number = _value(first, "Action Plan Number")
    title = f"{_value(first, 'Country/Locality') or 'OGP'} action plan {number or ''} ({year}-{end_year})"
    lines = [
        f"title: {q(' '.join(title.split()))}",
        *([f"number: {int(number)}"] if number and re.fullmatch(r"[0-9]{1,4}", number) else []),
        f"start: {start}",
        f"end: {end}",
        f"status: {'completed' if end < as_of.isoformat() else 'implementation'}",
        f"summary: {q('Imported from the OGP commitments dataset (' + (_value(first, 'Action Plan ID') or '') + ').')}",
    ]
    return "\n".join(lines) + "\n"


def import_ogp_commitments(
    project: Path, csv_file: Path, country: str, plan: str, ogp_plan: str | None, as_of: dt.date
) -> ImportResult:
    """Write the records; refuses to overwrite any file (nothing is written then)."""
    if slugify(plan) != plan:
        raise UsageError(t("id.invalid", stem=plan, suggestion=slugify(plan)))
    rows = read_rows(csv_file, country, ogp_plan)
    content = project / "content"
    files: dict[Path, str] = {}
    plan_file = content / "action-plans" / plan / "plan.yml"
    plan_created = not plan_file.exists()
    dates = _Dates(rows)
    if plan_created:
        files[plan_file] = _plan(rows, as_of, dates)
    organizations: dict[str, str] = {}
    leads = [_value(row, "Lead Institution") or "Lead institution not recorded" for row in rows]
    lead_ids = _organization_ids(leads, content / "organizations")
    for row, lead in zip(rows, leads, strict=True):
        org_id = lead_ids[lead]
        if not (content / "organizations" / f"{org_id}.yml").exists():
            organizations[org_id] = _organization(lead)
        commitment_id = row[_ID_COLUMN].strip().lower()
        files[content / "action-plans" / plan / "commitments" / f"{commitment_id}.md"] = _commitment(row, org_id, dates)
    for org_id, text in organizations.items():
        files[content / "organizations" / f"{org_id}.yml"] = text
    redacted = sum(text.count(t("import.redacted")) for text in files.values())
    clashes = [path for path in files if path.exists()]
    if clashes:
        raise FileExists(t("cli.file_exists", path=clashes[0].relative_to(project).as_posix()))
    for path, text in sorted(files.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    return ImportResult(len(rows), len(organizations), plan_created, tuple(sorted(files)), redacted, tuple(dates.notes))
