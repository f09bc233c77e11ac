"""Personal contact details: one recogniser for the post-build check and the importer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cogov.postbuild import inspect_site
from cogov.privacy import find_emails, find_phones, redact
from tests.test_postbuild import page

PHONES = [
    "+51 987654321",
    "(+51) 987654321",
    "+51 1 987 6543",
    "030/12345678",
    "+49\u00a030\u00a012345678",  # non-breaking spaces
    "0553602375",  # a single run after a trunk prefix (Kyrgyz plan 1 of the OGP sample)
    "+996312661170",
    "+996 312 66-48-62",
    "０５５３６０２３７５",  # full-width digits
]
NOT_PHONES = [
    "38,412 contracts",
    "123456789 soles",  # an amount: one run of digits without a trunk prefix or country code
    "2024-11-26",
    "01.09.2022 31.12.2022",
    "2019/2020/2021",
    "10/2018 06/2019",
    "1 250 000",
    "https://example.org/report/2024/123456789",
]
EMAILS = ["ana@gmail.com", "nombre@ministerio.gob.pe", "ana@correo.españa.es", "ana＠gmail.com", "ana@пример.рф"]


@pytest.mark.parametrize("text", PHONES)
def test_phone_numbers_are_recognised(text: str) -> None:
    assert list(find_phones(f"Call {text} today")), text
    redacted, count = redact(f"Call {text} today", "[x]")
    assert (redacted, count) == ("Call [x] today", 1)


@pytest.mark.parametrize("text", NOT_PHONES)
def test_figures_dates_and_addresses_are_not_phone_numbers(text: str) -> None:
    assert list(find_phones(f"See {text} here")) == []


@pytest.mark.parametrize("text", EMAILS)
def test_email_addresses_are_recognised(text: str) -> None:
    assert list(find_emails(f"Write to {text}.")), text
    assert redact(f"Write to {text}.", "[x]") == ("Write to [x].", 1)


@pytest.mark.parametrize("text", ["**ana**@example.org", "`ana`@example.org", "ana@**example**.org"])
def test_addresses_split_by_markdown_are_found(text: str) -> None:
    assert list(find_emails(text))


def test_the_published_text_is_read_as_a_visitor_reads_it(tmp_path: Path) -> None:
    """Decoded JSON strings and CSV cells, not raw bytes: an allowed office address after a line
    break stays allowed, and an address split by formatting on a page is found."""
    office = "ogp@pcm.example"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "records.json").write_text(json.dumps({"site": {"description": f"Office:\n{office}"}}))
    (tmp_path / "data" / "people.csv").write_text(f'"id","bio"\r\n"x","Office:\n{office}"\r\n', encoding="utf-8")
    page(tmp_path, "a/index.html", "<p>Write to <strong>ana</strong>@gmail.com or call +51&nbsp;987654321</p>")
    page(tmp_path, "b/index.html", f"<p>Office: {office}</p>")
    found = sorted((f.path, f.problem) for f in inspect_site(tmp_path, [office]))
    assert found == [
        ("a/index.html", "a phone number: +51 987654321"),
        ("a/index.html", "an e-mail address: ana@gmail.com"),
    ]
