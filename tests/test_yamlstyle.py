"""cogov fmt writes YAML exactly as the form editor does: checked against the JavaScript library
the editor writes with (yaml 1.10, installed by `make tools`), on hard cases and on many random
strings, and read back by cogov's own loader as the same record."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from typing import Any

import pytest

from cogov import yamlstyle
from cogov.fmt import render
from cogov.loader import parse_yaml, split_front_matter
from tests.conftest import ROOT

YAMLJS = ROOT / ".tools" / "node_modules" / "yaml"
# How Decap CMS writes a record (decap-cms-core, formats/yaml.ts): a node made from the data, set
# as the contents of a new document, stringified with the library's defaults.
SCRIPT = """
const yaml = require(process.argv[1]);
const values = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = values.map(data => {
  const doc = new yaml.Document();
  doc.contents = yaml.createNode(data);
  return doc.toString();
});
process.stdout.write(JSON.stringify(out));
"""


def editor_yaml(values: list[dict[str, Any]]) -> list[str]:
    node = shutil.which("node")
    if node is None or not YAMLJS.is_dir():
        pytest.fail("Node.js and the yaml library are needed: run `make tools` (make test does it)")
    done = subprocess.run(
        [node, "-e", SCRIPT, str(YAMLJS)], input=json.dumps(values), capture_output=True, text=True, check=True
    )
    result: list[str] = json.loads(done.stdout)
    return result


LONG = (
    "The Forum co-creates the action plans, follows their implementation and publishes a reasoned "
    "response to every proposal it receives; it meets at least once a quarter."
)
HARD = [
    "plain",
    "",
    " leading space",
    "trailing space ",
    "a: b",
    "ends with colon:",
    "a #hash",
    "a#b",
    "# comment-like",
    "- dash",
    "-",
    "?",
    "? question",
    "'single'",
    '"double"',
    "it's",
    'say "hi"',
    "both ' and \"",
    "42",
    "-7",
    "1.5",
    "1e3",
    ".5",
    "0x1F",
    "0o17",
    ".inf",
    ".NaN",
    "true",
    "False",
    "null",
    "~",
    "yes",
    "2026-11-24",
    "10:00",
    "https://www.example.org/a?b=c#d",
    "[bracket",
    "{brace}",
    "a, b",
    "*star",
    "&amp",
    "!bang",
    "|pipe",
    ">gt",
    "%percent",
    "@at",
    "`tick",
    "tab\there",
    "bell\x07",
    "del\x7f",
    "nbsp\u00a0here",
    "Ministerio de Economía y Finanzas",
    "وزارة الاقتصاد والمالية",
    "emoji 🙂",
    LONG,
    LONG + " " + LONG,
    "x" * 120,
    "a " + "y" * 100 + " b",
    "line one\nline two",
    "line one\nline two\n",
    "line one\nline two\n\n",
    "one\n\ntwo\n",
    "  indented first\nsecond\n",
    "first\n  indented second\nthird\n",
    LONG + "\n" + LONG + "\n",
    "short\n" + LONG + " " + LONG + "\n\nshort again\n",
    "---\nlooks like a document\n",
    "text\n--- not a marker\n",
    "ends with spaces\n  ",
    "\n",
    "   ",
    "x\n",
    "colon: inside\nand # hash\n",
    '"quoted" start\nsecond line',
]


def _records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = [{"title": value} for value in HARD]
    records += [{"members": [{"person": "ana", "note": value}]} for value in HARD]
    records += [{"agenda": [value, "next item"]} for value in HARD]
    records.append(
        {
            "title": "A meeting",
            "date": "2026-11-24",
            "start_time": "10:00",
            "chair": ["lucia-mendoza"],
            "attendance": [{"person": "ana", "status": "present"}, {"person": "jorge", "status": "excused"}],
            "participants": {"government": 5, "civil-society": 7},
            "decisions": [{"text": LONG, "vote": {"for": 9, "against": 0, "abstain": 1}}],
            "documents": [],
            "seats": {},
            "withdrawn": False,
            "public": True,
            "empty": None,
        }
    )
    return records


def test_fmt_writes_what_the_editors_yaml_library_writes() -> None:
    records = _records()
    expected = editor_yaml(records)
    mismatches = [(r, e, yamlstyle.dump(r)) for r, e in zip(records, expected, strict=True) if yamlstyle.dump(r) != e]
    assert mismatches == []


def _random_strings(count: int, seed: int) -> list[str]:
    pieces = [*"abcxyz AZ09", " ", " ", "  ", "\n", "\n\n", ":", ": ", " #", "#", "-", "- ", "'", '"', "\t"]
    pieces += [",", "[", "]", "{", "}", "é", "ع", "---", "...", "%", "?", "*", "&", "!", "|", ">", "@", "`", "\\"]
    pieces += ["word ", "longerword ", "x" * 30]
    generator = random.Random(seed)
    return ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 60))) for _ in range(count)]


def test_fmt_agrees_with_the_editor_on_random_text() -> None:
    values = _random_strings(1500, seed=2026)
    records = [{"text": v} for v in values] + [{"list": [{"note": v}]} for v in values[:500]]
    expected = editor_yaml(records)
    mismatches = [(r, e) for r, e in zip(records, expected, strict=True) if yamlstyle.dump(r) != e]
    assert mismatches[:3] == []


def test_what_fmt_writes_reads_back_as_the_same_record() -> None:
    values = [*HARD, *_random_strings(1500, seed=7)]
    # Records hold no control characters; and a line of text that starts with a tab is written as
    # the editor writes it, which YAML readers refuse (the editor's save hook turns such tabs into
    # spaces; `cogov fmt` leaves such a file as it is: see test_fmt_leaves_alone_what_it_cannot_write).
    readable = (v for v in values if not any(c in v for c in "\x07\x7f") and not re.search(r"(?:^|\n)\t", v))
    for value in readable:
        record = {"title": value, "items": [value, {"note": value}]}
        loaded = parse_yaml(yamlstyle.dump(record), "x.yml")
        assert not loaded.diagnostics, (value, yamlstyle.dump(record))
        assert loaded.data == record, value


def test_a_markdown_record_keeps_its_text() -> None:
    for body in ("", "Text.", "Text.\n", "# Minutes\n\n- item\n\n---\n\nmore\n"):
        split = split_front_matter(yamlstyle.front_matter({"title": "T", "date": "2026-11-24"}, body))
        assert split is not None and split[1] == body
    original = "---\ntitle: T\n---\n\n\nText after blank lines.\n"
    assert render(original, True, {}) == (original, False)


def test_fmt_leaves_alone_what_it_cannot_write() -> None:
    original = 'title: "\\tTabbed first line\\nsecond line"\n'
    assert parse_yaml(original, "x.yml").data == {"title": "\tTabbed first line\nsecond line"}
    assert render(original, False, {}) is None
