from __future__ import annotations

from pathlib import Path

import pytest

from cogov.loader import MAX_DEPTH, load_markdown_file, parse_yaml, split_front_matter


def values(text: str) -> object:
    loaded = parse_yaml(text, "x.yml")
    assert loaded.diagnostics == []
    return loaded.data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date: 2025-03-14", "2025-03-14"),
        ("t: 10:00", "10:00"),
        ("t: 1:30", "1:30"),
        ("c: NO", "NO"),
        ("c: yes", "yes"),
        ("c: off", "off"),
        ("n: 0123", "0123"),
        ("n: +44 20 7946 0000", "+44 20 7946 0000"),
        ("n: 1.10", "1.10"),
        ("n: 1e3", "1e3"),
        ("n: .inf", ".inf"),
        ("n: 0x1F", "0x1F"),
        ("n: 12", 12),
        ("n: -3", -3),
        ("n: 0", 0),
        ("b: true", True),
        ("b: False", False),
        ("e:", None),
        ("e: ~", None),
        ("q: '12'", "12"),
        ('q: "true"', "true"),
    ],
)
def test_plain_scalars_keep_what_was_written(text: str, expected: object) -> None:
    data = values(text)
    assert isinstance(data, dict)
    assert list(data.values()) == [expected]


def test_positions_of_values_and_keys() -> None:
    loaded = parse_yaml("a: 1\nlist:\n  - {x: y}\n  - z\n", "x.yml", line_offset=1)
    assert loaded.positions.value(("a",)) == (2, 4)
    assert loaded.positions.key(("list",)) == (3, 1)
    assert loaded.positions.value(("list", 0, "x")) == (4, 9)
    assert loaded.positions.value(("list", 1)) == (5, 5)
    # A missing path falls back to its nearest existing ancestor.
    assert loaded.positions.value(("list", 0, "missing")) == (4, 5)


def test_duplicate_key_names_both_lines() -> None:
    loaded = parse_yaml("a: 1\nb: 2\na: 3\n", "x.yml")
    [diag] = loaded.diagnostics
    assert (diag.code, diag.line, diag.col) == ("LOAD003", 3, 1)
    assert "line 1" in diag.message


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 30):
        lines.append(f"{chr(97 + i % 26)}{i}: &{chr(97 + i % 26)}{i} [*{lines[-1].split('&')[1].split()[0]}]")
    loaded = parse_yaml("\n".join(lines), "bomb.yml")
    assert {d.code for d in loaded.diagnostics} == {"LOAD004"}


def test_merge_key_is_refused() -> None:
    loaded = parse_yaml("base: {a: 1}\nother:\n  <<: {a: 1}\n", "x.yml")
    assert [d.code for d in loaded.diagnostics] == ["LOAD004"]


def test_nesting_is_bounded() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    assert [d.code for d in parse_yaml(deep, "x.yml").diagnostics] == ["LOAD006"]
    block = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 3)) + "  " * (MAX_DEPTH + 3) + "end"
    assert [d.code for d in parse_yaml(block, "x.yml").diagnostics] == ["LOAD006"]


def test_multiple_documents_are_an_error() -> None:
    [diag] = parse_yaml("a: 1\n---\nb: 2\n", "x.yml").diagnostics
    assert diag.code == "LOAD002"
    assert "one document" in diag.message


def test_front_matter_split() -> None:
    assert split_front_matter("---\na: 1\n---\nBody\n") == ("a: 1\n", "Body\n", 4)
    assert split_front_matter("no front matter") is None
    assert split_front_matter("---\na: 1\n") is None


def test_broken_front_matter_yields_no_body(tmp_path: Path) -> None:
    file = tmp_path / "m.md"
    file.write_text("---\ntitle: [unclosed\n---\n<script>alert(1)</script>\n", encoding="utf-8")
    loaded = load_markdown_file(file, "m.md", front_matter_required=True)
    assert loaded.data is None
    assert loaded.body == ""
    assert loaded.diagnostics[0].code == "LOAD002"
    assert loaded.diagnostics[0].line >= 2  # the line in the file, not in the front matter


def test_front_matter_positions_are_file_lines(tmp_path: Path) -> None:
    file = tmp_path / "m.md"
    file.write_text("---\ntitle: x\ndate: 2025-01-01\n---\nBody\n", encoding="utf-8")
    loaded = load_markdown_file(file, "m.md", front_matter_required=True)
    assert loaded.positions.value(("date",)) == (3, 7)
    assert loaded.body_line == 5


def test_crlf_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "m.md"
    file.write_bytes(b"---\r\ntitle: x\r\n---\r\nBody\r\n")
    loaded = load_markdown_file(file, "m.md", front_matter_required=True)
    assert loaded.diagnostics == []
    assert loaded.data == {"title": "x"}
    assert loaded.body == "Body\n"
