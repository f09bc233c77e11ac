"""`cogov import ogp-commitments` with the real OGP sample in ../shared/data/ogp-commitments/."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from cogov.cli import main
from cogov.config import Settings
from cogov.errors import FileExists
from cogov.importer import import_ogp_commitments
from cogov.init import NewProject, init_project
from cogov.validate import validate_project
from tests.conftest import ROOT

DATASET = ROOT.parent / "shared" / "data" / "ogp-commitments" / "open_parliament_0703.csv"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    if not DATASET.is_file():
        pytest.fail(f"the OGP sample is missing: {DATASET}")
    target = tmp_path / "ua"
    init_project(target, NewProject(title="Open Government Ukraine", country="UA"), TODAY)
    return target


def test_import_one_country_validates_and_builds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["import", "ogp-commitments", str(DATASET), "--country", "UA", "--plan", "nap-3"]
    assert main([*args, "--ogp-plan", "AP_UKR03", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    assert "Imported " in capsys.readouterr().out
    commitment = (project / "content/action-plans/nap-3/commitments/ua0068.md").read_text(encoding="utf-8")
    assert "ogp_id: UA0068\n" in commitment
    assert "start: 2016-12-01\n" in commitment and "end: 2016-12-31\n" in commitment
    plan = (project / "content/action-plans/nap-3/plan.yml").read_text(encoding="utf-8")
    assert "status: completed" in plan
    assert main(["validate", str(project), "--strict", "--as-of", "2026-11-26"]) == 0
    assert main(["build", str(project), "--as-of", "2026-11-26"]) == 0
    assert (project / "site/commitments/ua0068/index.html").is_file()


def test_several_plans_need_a_choice(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["import", "ogp-commitments", str(DATASET), "--country", "UA", "--plan", "x", "--project", str(project)])
        == 2
    )
    assert "AP_UKR01, AP_UKR02" in capsys.readouterr().err
    assert not (project / "content/action-plans/x").exists()


def test_import_refuses_to_overwrite(project: Path) -> None:
    first = import_ogp_commitments(project, DATASET, "UA", "nap", "AP_UKR02", TODAY)
    before = {p: p.read_bytes() for p in first.written}
    with pytest.raises(FileExists, match="already exists"):
        import_ogp_commitments(project, DATASET, "UA", "nap", "AP_UKR02", TODAY)
    assert {p: p.read_bytes() for p in first.written} == before


def test_values_and_assessments_are_mapped(tmp_path: Path, project: Path) -> None:
    with DATASET.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    row = dict.fromkeys(header, "NA")
    row.update({
        "Commitment Unique Identifier": "XB0001", "Commitment Title": "Open <b>budgets</b>",
        "Full Text": "# Not a heading\nContact ana@gmail.com or +51 1 987 6543 for details.",
        "Start Date": "1/15/2024", "End Date": "12/31/2025", "Lead Institution": "Ministry of Finance",
        "OGP Value Access To Information": "1", "OGP Value Technology": "1", "OGP Value Civic Participation": "0",
        "Potential Impact": "Transformative", "Completion (End Of Term)": "Substantial",
        "Did It Open Government (Overall)": "Did Not Change", "Action Plan ID": "AP_XB01",
    })  # fmt: skip
    small = tmp_path / "one.csv"
    with small.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerow(row)
    result = import_ogp_commitments(project, small, "XB", "plan-xb", None, TODAY)
    assert result.redacted == 2
    text = (project / "content/action-plans/plan-xb/commitments/xb0001.md").read_text(encoding="utf-8")
    assert "values: [access-to-information, technology-and-innovation]\n" in text
    assert "status: in-progress\n" in text
    assert (
        "irm:\n  potential_impact: transformative\n  completion: substantial\n"
        "  did_it_open_government: did-not-change\n" in text
    )
    assert "\\# Not a heading" in text and "ana@gmail.com" not in text and "987 6543" not in text
    assert "(contact details removed)" in text
    assert 'title: "Open <b>budgets</b>"' in text  # a title is text: it is escaped where it is shown
    assert main(["validate", str(project), "--strict", "--as-of", "2026-11-26"]) == 0


def test_the_whole_sample_imports_and_validates(project: Path) -> None:
    with DATASET.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pairs = sorted(
        {(re.match(r"[A-Z]+", r["Commitment Unique Identifier"]).group(0), r["Action Plan ID"]) for r in rows}  # type: ignore[union-attr]
    )
    imported = sum(
        import_ogp_commitments(project, DATASET, country, f"plan-{i}", plan, TODAY).commitments
        for i, (country, plan) in enumerate(pairs)
    )
    assert imported == len(rows) == 558
    result = validate_project(Settings.for_project(project, as_of=TODAY))
    assert result.diagnostics == []


def _one_row(tmp_path: Path, **values: str) -> Path:
    """The first UA row of the real dataset with some columns replaced."""
    with DATASET.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = [r for r in reader if r["Commitment Unique Identifier"].startswith("UA")][:2]
    for i, row in enumerate(rows):
        row.update({k: v.split("|")[i] if "|" in v else v for k, v in values.items()})
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_names_in_other_scripts_are_transliterated_and_never_merged(project: Path, tmp_path: Path) -> None:
    names = "Министерство юстиции|Государственная служба"
    source = _one_row(tmp_path, **{"Lead Institution": names, "Action Plan ID": "AP_X"})
    result = import_ogp_commitments(project, source, "UA", "nap-x", None, TODAY)
    created = sorted(p.name for p in result.written if "organizations" in p.parts)
    assert created == ["gosudarstvennaya-sluzhba.yml", "ministerstvo-yustitsii.yml"]
    # A later import whose name maps to an existing ID but is another organization gets its own file.
    clash = project / "content" / "organizations" / "ministerstvo-yustitsii.yml"
    clash.write_text('name: "Ministerstvo Yustitsii (another one)"\nsector: government\n', encoding="utf-8")
    changes = {"Lead Institution": "Министерство юстиции", "Commitment Unique Identifier": "UA9001|UA9002"}
    source = _one_row(tmp_path, **changes, **{"Action Plan ID": "AP_X"})
    result = import_ogp_commitments(project, source, "UA", "nap-y", None, TODAY)
    assert any(p.name == "ministerstvo-yustitsii-2.yml" for p in result.written)


def test_a_plan_number_that_is_not_a_number_is_left_out(project: Path, tmp_path: Path) -> None:
    source = _one_row(tmp_path, **{"Action Plan Number": "²", "Action Plan ID": "AP_X"})
    import_ogp_commitments(project, source, "UA", "nap-z", None, TODAY)
    plan = (project / "content" / "action-plans" / "nap-z" / "plan.yml").read_text(encoding="utf-8")
    assert "number:" not in plan
    assert validate_project(Settings.for_project(project, as_of=TODAY)).passed(strict=True)


def test_the_whole_sample_keeps_no_contact_details(project: Path) -> None:
    """Kyrgyzstan's first plan lists officials' numbers as single runs of digits (0553602375)."""
    import_ogp_commitments(project, DATASET, "KG", "nap-1", None, TODAY)
    text = "\n".join(p.read_text(encoding="utf-8") for p in (project / "content").rglob("*.md"))
    for number in ("0553602375", "0550999807", "0555507796", "+996312661170", "312 66-48-62", "312 638783"):
        assert number not in text
    assert "@mail.ru" not in text


def _commitment_text(project: Path, plan: str, ogp_id: str) -> str:
    return (project / "content" / "action-plans" / plan / "commitments" / f"{ogp_id.lower()}.md").read_text("utf-8")


def test_day_first_dates_are_read_day_first_for_the_whole_plan(project: Path) -> None:
    """Ukraine's 2014-2016 plan writes 31/12/2015, so its 01/5/2015 is the first of May."""
    result = import_ogp_commitments(project, DATASET, "UA", "nap-2", "AP_UKR02", TODAY)
    assert "end: 2015-05-01\n" in _commitment_text(project, "nap-2", "UA0034")
    assert "end: 2015-12-31\n" in _commitment_text(project, "nap-2", "UA0038")
    plan = (project / "content" / "action-plans" / "nap-2" / "plan.yml").read_text(encoding="utf-8")
    assert "end: 2016-12-31\n" in plan  # never before the plan's stated end year
    assert not [n for n in result.notes if "ambiguous" in n]


@pytest.mark.parametrize(
    ("text", "order", "end", "value", "problem"),
    [
        ("01/5/2015", True, True, "2015-05-01", None),
        ("1/5/2015", None, False, "2015-01-05", "ambiguous"),
        ("31/12/2015", None, True, "2015-12-31", None),
        ("10/1/18", False, False, "2018-10-01", None),
        ("August 2014", None, True, "2014-08-31", None),
        ("August 2014", None, False, "2014-08-01", None),
        ("I quarter of 2021", None, True, "2021-03-31", None),
        ("Quarter 4 2016", None, False, "2016-10-01", None),
        ("2013", None, True, "2013-12-31", None),
        ("43525", None, False, "2019-03-01", None),
        ("Permanent activity", None, False, None, "unreadable"),
        ("31/31/2015", None, False, None, "unreadable"),
    ],
)
def test_dates_in_the_forms_the_dataset_uses(
    text: str, order: bool | None, end: bool, value: str, problem: str
) -> None:
    from cogov.ogp_dates import read_date

    read = read_date(text, order, end)
    assert (read.value, read.problem) == (value, problem)


def test_every_date_dropped_or_guessed_is_reported(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _one_row(
        tmp_path, **{"Start Date": "1/5/2015", "End Date": "Permanent activity", "Action Plan ID": "AP_X"}
    )
    args = ["import", "ogp-commitments", str(source), "--country", "UA", "--plan", "nap-r", "--ogp-plan"]
    first = next(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"))))
    assert main([*args, first["Action Plan ID"], "--project", str(project), "--as-of", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    assert f"{first['Commitment Unique Identifier']}: Start Date `1/5/2015`" in out and "2015-01-05" in out
    assert f"{first['Commitment Unique Identifier']}: End Date `Permanent activity`" in out


def test_text_keeps_its_lines_bullets_and_numbers(project: Path, tmp_path: Path) -> None:
    full = "Goal:\tMore openness\n1. First step\n\uf0b7 A bullet\n\uf0b7 Another\nLast line"
    flags = {"Full Text": full, "Open Contracting": "1", "Public Procurement": "1", "Action Plan ID": "AP_X"}
    source = _one_row(tmp_path, **flags)
    import_ogp_commitments(project, source, "UA", "nap-t", None, TODAY)
    first = next(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"))))
    text = _commitment_text(project, "nap-t", first["Commitment Unique Identifier"])
    assert "Goal: More openness\n\n1\\. First step\n\n- A bullet\n- Another\n\nLast line" in text
    themes = re.search(r"^themes: \[(.*)\]$", text, re.MULTILINE)
    assert themes and {"open-contracting", "public-procurement"} <= set(themes.group(1).split(", "))
    assert f"]({first['URL']})" in text
    import markdown

    html = markdown.markdown(text.split("---\n", 2)[2])
    assert "<p>1. First step</p>" in html and "<li>A bullet</li>" in html and "\\" not in html
