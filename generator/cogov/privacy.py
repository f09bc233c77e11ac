"""Personal contact details: how they are recognised (one place, for the post-build check and
for the importer, which removes them from imported text).

Text is first folded, character for character, as a reader sees it: full-width forms
(``＠``, ``０５５…``) become their ASCII twins and non-breaking and other fixed-width spaces become
spaces. Positions do not move, so what is found in the folded text is removed from the original.

The phone pattern is a heuristic: groups of digits (nine or more digits in all) joined by single
spaces, dots, hyphens or a slash, optionally after +country and (area). A single run of digits is a
number to call only after a + or a trunk prefix 0 (``+996312661170``, ``0553602375``): otherwise it
is an amount or an identifier. Dates written with dots or slashes and year ranges are not numbers
to call; short local numbers are not caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
_FOLD.update({0xFE6B: ord("@"), 0xFF20: ord("@")})
_FOLD.update({c: ord(" ") for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)})


def fold(text: str) -> str:
    """The text with full-width forms and special spaces as their plain twins (same length)."""
    return text.translate(_FOLD)


# Any script in the domain (ñ, Cyrillic); the top-level domain is letters or an IDNA label.
EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.(?:[^\W\d_]{2,}|xn--[a-z0-9-]+)")
# Markdown that can split an address on the page while a reader still sees one (**ana**@x.org).
_MARKDOWN_MARKS = re.compile(r"[*`~\\]+")
PHONE = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[ .-]?)?(?:\(\+?\d{1,6}\)[ .-]?)?\d{1,15}(?:[ ./-]\d{2,12}){0,4}(?![\w/-])"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-–/]\s?(?:19|20)\d\d")
_YEARS_ONLY = re.compile(r"(?:(?:19|20)\d\d[ ./-]?)+")
# 01/04/2021, 10/2018: a date with slashes, or a month and year.
_SLASH_DATE = re.compile(r"(?<!\d)\d{1,2}/(?:\d{1,2}/)?(?:19|20)\d\d(?!\d)")

# Stretches that could hold a phone number: most text has none, and only these are looked at.
_CANDIDATE = re.compile(r"[+(]{0,2}\d[\d .()+/\-]{7,40}\d")


def _digits(text: str) -> str:
    return "".join(filter(str.isdigit, text))


def looks_like_phone(candidate: str) -> bool:
    digits = _digits(candidate)
    if len(digits) < 9 or len(digits) > 17:
        return False
    if candidate.isdigit():  # one run: a number to call only after a trunk prefix
        return candidate.startswith("0") and len(candidate) <= 15
    if _ISO_DATE.search(candidate) or _YEARS_ONLY.fullmatch(candidate) or _SLASH_DATE.search(candidate):
        return False
    if _YEAR_RANGE.search(candidate) or len(_YEAR.findall(candidate)) >= 2:
        return False
    # 01.09.2022 31.12 or 2021.11 2023.06: dates written with dots, not a number to call.
    return not ("." in candidate and _YEAR.search(candidate))


def find_emails(text: str, allowed: Iterable[str] = ()) -> Iterator[str]:
    """E-mail addresses in ``text`` that are not in ``allowed``, also when Markdown splits them."""
    text = fold(text)
    if "@" not in text:
        return
    allowed_emails = {a.lower() for a in allowed if "@" in a}
    seen: set[str] = set()
    variants = [text, _MARKDOWN_MARKS.sub("", text)] if _MARKDOWN_MARKS.search(text) else [text]
    for variant in variants:
        for match in EMAIL.finditer(variant):
            address = match.group(0)
            if address.lower() not in allowed_emails and address not in seen:
                seen.add(address)
                yield address


def _phone_spans(text: str, allowed: Iterable[str] = ()) -> Iterator[tuple[int, int]]:
    allowed_phones = {_digits(fold(a)) for a in allowed if "@" not in a}
    for candidate in _CANDIDATE.finditer(text):
        # The full pattern, with its look-behind and look-ahead seeing the real neighbours.
        end = min(len(text), candidate.end() + 1)
        for match in PHONE.finditer(text, candidate.start(), end):
            value = match.group(0).strip()
            if looks_like_phone(value) and _digits(value) not in allowed_phones:
                yield match.start(), match.end()


def find_phones(text: str, allowed: Iterable[str] = ()) -> Iterator[str]:
    """Phone numbers in ``text`` (that holds no e-mail address) that are not in ``allowed``."""
    folded = fold(text)
    for start, end in _phone_spans(folded, allowed):
        yield folded[start:end].strip()


def redact(text: str, replacement: str) -> tuple[str, int]:
    """The text with e-mail addresses and phone numbers replaced; and how many were."""
    folded = fold(text)
    spans = [m.span() for m in EMAIL.finditer(folded)] if "@" in folded else []
    without_emails = EMAIL.sub(lambda m: " " * len(m.group(0)), folded) if spans else folded
    spans += list(_phone_spans(without_emails))
    out: list[str] = []
    pos = count = 0
    for start, end in sorted(spans):
        if start >= pos:
            out += [text[pos:start], replacement]
            pos, count = end, count + 1
    out.append(text[pos:])
    return "".join(out), count
