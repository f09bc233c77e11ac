"""Personal contact details: how they are recognised (one place, for the post-build check and
for the importer, which removes them from imported text).

The phone pattern is a heuristic: groups of digits (nine or more digits in all) joined by single
spaces, dots or hyphens, optionally after +country and (area); a single run of digits is not one.
Dates written with dots and year ranges are not numbers to call; short local numbers are not caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w/.-])(?:\+\d{1,3}[ .-]?)?(?:\(\+?\d{1,6}\)[ .-]?)?\d{1,8}(?:[ .-]\d{2,8}){0,4}(?![\w/-])")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d")
_YEARS_ONLY = re.compile(r"(?:(?:19|20)\d\d[ .-]?)+")


# Stretches that could hold a phone number: most text has none, and only these are looked at.
_CANDIDATE = re.compile(r"[+(]{0,2}\d[\d .()+\-]{7,40}\d")


def _digits(text: str) -> str:
    return "".join(filter(str.isdigit, text))


def looks_like_phone(candidate: str) -> bool:
    if candidate.isdigit():  # one run of digits: an amount or an identifier, not a number to call
        return False
    if len(_digits(candidate)) < 9 or _ISO_DATE.search(candidate) or _YEARS_ONLY.fullmatch(candidate):
        return False
    if _YEAR_RANGE.search(candidate) or len(_YEAR.findall(candidate)) >= 2:
        return False
    # 01.09.2022 31.12 or 2021.11 2023.06: dates written with dots, not a number to call.
    return not ("." in candidate and _YEAR.search(candidate))


def find_emails(text: str, allowed: Iterable[str] = ()) -> Iterator[str]:
    """E-mail addresses in ``text`` that are not in ``allowed``."""
    if "@" not in text:
        return
    allowed_emails = {a.lower() for a in allowed if "@" in a}
    for match in EMAIL.finditer(text):
        if match.group(0).lower() not in allowed_emails:
            yield match.group(0)


def find_phones(text: str, allowed: Iterable[str] = ()) -> Iterator[str]:
    """Phone numbers in ``text`` (that holds no e-mail address) that are not in ``allowed``."""
    allowed_phones = {_digits(a) for a in allowed if "@" not in a}
    for candidate in _CANDIDATE.finditer(text):
        # The full pattern, with its look-behind and look-ahead seeing the real neighbours.
        end = min(len(text), candidate.end() + 1)
        for match in PHONE.finditer(text, candidate.start(), end):
            value = match.group(0).strip()
            if looks_like_phone(value) and _digits(value) not in allowed_phones:
                yield value


def redact(text: str, replacement: str) -> tuple[str, int]:
    """The text with e-mail addresses and phone numbers replaced; and how many were."""
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        if match.re is PHONE and not looks_like_phone(match.group(0).strip()):
            return match.group(0)
        count += 1
        return replacement

    if "@" in text:
        text = EMAIL.sub(swap, text)
    text = PHONE.sub(swap, text)
    return text, count
