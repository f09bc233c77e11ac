"""Dates as the OGP commitments dataset writes them, read without guessing silently.

The dataset mixes forms: ``12/31/2020`` (month first, the documented order), ``31/12/2015`` (day
first, as many members write), two-digit years (``10/1/18``), ``August 2014``, ``2013``, quarters
(``I quarter of 2021``, ``Quarter 4 2016``) and spreadsheet serial numbers (``43525``). The order of
day and month is decided per action plan, from the dates that can only be read one way; a date
that could be read either way in a plan that gives no evidence is read month first and reported.
A period (a month, a quarter, a year) gives its first day as a start and its last day as an end.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

_SLASH = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SERIAL = re.compile(r"[3-5]\d{4}")  # spreadsheet day numbers: 1982 to 2173
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?,?\s+((?:19|20)\d\d)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(
    r"(?:(?P<a>i{1,3}|iv|[1-4])(?:st|nd|rd|th)?\s+quarter(?:\s+of)?|(?:quarter|q)\s*(?P<b>[1-4]))\s*,?\s*(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadDate:
    value: str | None  # ISO date, or None when the text holds none
    problem: str | None = None  # "ambiguous" (read month first) or "unreadable"


def day_first(texts: Iterable[str]) -> bool | None:
    """Whether a plan's slash dates put the day first: True, False, or None when no date says."""
    day, month = False, False
    for text in texts:
        match = _SLASH.fullmatch(text.strip())
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day |= first > 12 >= second
            month |= second > 12 >= first
    return None if day == month else day


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _period(year: int, first_month: int, last_month: int, end: bool) -> str:
    if end:
        return dt.date(year, last_month, calendar.monthrange(year, last_month)[1]).isoformat()
    return dt.date(year, first_month, 1).isoformat()


def read_date(text: str, order: bool | None, end: bool = False) -> ReadDate:
    """One date; ``order`` is the plan's :func:`day_first`; ``end`` picks a period's last day."""
    text = " ".join(text.split())
    if match := _SLASH.fullmatch(text):
        a, b, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        day_month = a > 12 or (order is True and b <= 12)
        value = _day(year, b, a) if day_month else _day(year, a, b)
        if value is None:
            return ReadDate(None, "unreadable")
        ambiguous = order is None and a != b and a <= 12 and b <= 12
        return ReadDate(value, "ambiguous" if ambiguous else None)
    if match := _ISO.fullmatch(text):
        value = _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return ReadDate(value, None if value else "unreadable")
    if match := _MONTH_YEAR.fullmatch(text):
        month = _MONTHS.get(match.group(1).lower())
        if month:
            return ReadDate(_period(int(match.group(2)), month, month, end))
    if match := _QUARTER.search(text):
        quarter = _ROMAN[(match.group("a") or match.group("b")).lower()]
        return ReadDate(_period(int(match.group("y")), 3 * quarter - 2, 3 * quarter, end))
    if _YEAR.fullmatch(text):
        return ReadDate(_period(int(text), 1, 12, end))
    if _SERIAL.fullmatch(text):
        return ReadDate((dt.date(1899, 12, 30) + dt.timedelta(days=int(text))).isoformat())
    return ReadDate(None, "unreadable")
