from __future__ import annotations

import json

from cogov.errors import Diagnostic, Severity
from cogov.reporters import REPORTERS

DIAGS = [
    Diagnostic("content/a,b.yml", 3, 5, "REF001", Severity.ERROR, "100% wrong:\nsecond line", "members[0].person"),
    Diagnostic("content/x.yml", 1, 1, "MEM003", Severity.WARNING, "too | many", ""),
]


def test_text() -> None:
    out = REPORTERS["text"](DIAGS, 7)
    assert out.splitlines()[0] == "content/a,b.yml:3:5: error REF001 members[0].person: 100% wrong: second line"
    assert out.splitlines()[-1] == "1 error(s) and 1 warning(s) in 2 file(s); 7 records checked."


def test_github_escapes_data_and_properties() -> None:
    lines = REPORTERS["github"](DIAGS, 7).splitlines()
    assert lines[0] == (
        "::error file=content/a%2Cb.yml,line=3,col=5,title=REF001 members[0].person::100%25 wrong: second line"
    )
    assert lines[1].startswith("::warning file=content/x.yml,line=1,col=1,title=MEM003::")


def test_json_round_trips() -> None:
    payload = json.loads(REPORTERS["json"](DIAGS, 7))
    assert payload["errors"] == 1 and payload["warnings"] == 1 and payload["records"] == 7
    assert payload["diagnostics"][0]["field"] == "members[0].person"


def test_markdown_table_escapes_cells() -> None:
    out = REPORTERS["markdown"](DIAGS, 7)
    assert "| content/x.yml | 1 | warning | MEM003 |  | too \\| many |" in out
    assert "second line" in out and "\nsecond line" not in out


def test_no_problems() -> None:
    assert REPORTERS["text"]([], 3) == "No problems found in 3 records.\n"


def test_names_and_values_cannot_start_a_workflow_command() -> None:
    """A file under content/ may be named with line breaks and `::error` or `::add-mask::`."""
    hostile = [
        Diagnostic(
            "content/x\n::add-mask::secret\r\n::error::pwned.yml", 0, 0, "FILE001", Severity.WARNING, "a\n::error::b"
        ),
        Diagnostic("content/y.yml", 2, 1, "SCH003", Severity.ERROR, "bad", "members\n::warning::x"),
    ]
    for name, reporter in REPORTERS.items():
        lines = reporter(hostile, 2).splitlines()
        commands = [line for line in lines if line.lstrip().startswith(("::", "##["))]
        expected = len(hostile) if name == "github" else 0
        assert len(commands) == expected, (name, lines)
        assert all(line.lstrip().startswith(("::error file=", "::warning file=")) for line in commands)
