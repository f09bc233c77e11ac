"""The site's language: gettext catalogues (Babel's PO files) and Babel's formatting of dates.

Page text lives in the ``site`` domain: English message IDs in the templates (``tr("Attendance")``),
one ``locales/<language>/LC_MESSAGES/site.po`` per language, which translators edit with the tools
they know (Poedit, Weblate). ``make catalogues`` extracts the messages into ``locales/site.pot`` and
updates every PO file; a test fails when a catalogue is stale. PO files are compiled in memory
when first used, so the repository holds no binary files.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "site"


def locale(language: str) -> Locale:
    """The Babel locale for a site's language (BCP 47, ``es``, ``pt-BR``); English dates are
    written day first, as most OGP members write them."""
    if language.split("-")[0] == "en":
        return Locale("en", "GB")
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(language.split("-")[0]) if language.split("-")[0].isalpha() else Locale("en", "GB")


def catalogue_languages() -> list[str]:
    """The languages the site's text is translated into, besides English."""
    return sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@functools.lru_cache(maxsize=16)
def translations(language: str) -> gettext.NullTranslations:
    """The site's catalogue in ``language`` (or its base language); English when there is none."""
    for candidate in (language.replace("-", "_"), language.split("-")[0]):
        po = LOCALES / candidate / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.is_file():
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=candidate)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            buffer.seek(0)
            return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def format_date(value: str | None, language: str = "en") -> str:
    """``2025-03-14`` -> ``14 March 2025`` (``14 de marzo de 2025``); other text is returned as is."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return str(babel_format_date(day, "long", locale=locale(language)))
