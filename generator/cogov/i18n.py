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
import zoneinfo
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import get_timezone_location
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "site"
# Messages of messages.py that are page text (the rest are diagnostics and command output): they
# enter the catalogue with their key as context and their English as the message ID.
SITE_KEYS = ("ui.", "feed.")
# Catalogues carry no build time, so regenerating them changes only what changed.
_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def page_text(message: str) -> str:
    """Marks ``message`` for the site's catalogue where it is defined (a table's description);
    it is translated where a page shows it."""
    return message


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


def time_zone(zone: str, day: str, time: str, language: str = "en") -> tuple[str, str]:
    """A time zone as a reader knows it: its city in the language (``Lima``, ``ليما``) and its UTC
    offset on that day and time (``−05:00``, summer time included)."""
    tz = zoneinfo.ZoneInfo(zone)
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time), tzinfo=tz)
    offset = moment.utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    try:
        city = str(get_timezone_location(zone, locale=locale(language), return_city=True))
    except LookupError:
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return city, f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def format_date(value: str | None, language: str = "en") -> str:
    """``2025-03-14`` -> ``14 March 2025`` (``14 de marzo de 2025``); other text is returned as is."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return str(babel_format_date(day, "long", locale=locale(language)))


def template() -> Catalog:
    """The site domain's messages, as ``make catalogues`` writes them to locales/site.pot: every
    ``tr("...")`` in the templates and the code, and the page text of messages.py (by key)."""
    from cogov.messages import CATALOGS

    catalog = Catalog(project="cogov", copyright_holder="cogov contributors", fuzzy=False, creation_date=_EPOCH)
    source = LOCALES.parent.parent
    method_map = [("cogov/render/templates/**.j2", "jinja2"), ("cogov/**.py", "python")]
    options = {"cogov/render/templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    keywords = {"tr": None, "tr_text": None, "page_text": None, "tr_plural": (1, 2)}
    for _file, _line, message, _comments, context in extract_from_dir(
        source, method_map, options, keywords=keywords, comment_tags=()
    ):
        catalog.add(message, context=context)
    for key, english in CATALOGS["en"].items():
        if key.startswith(SITE_KEYS):
            catalog.add(english, context=key)
    return catalog


def write_catalogues(new_language: str | None = None) -> list[Path]:
    """Write locales/site.pot and bring every language's PO file up to date with it (new
    messages untranslated, removed ones dropped); ``new_language`` starts a PO file."""
    pot = template()
    LOCALES.mkdir(exist_ok=True)
    with (LOCALES / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, pot, width=100, sort_output=True)
    languages = set(catalogue_languages()) | ({new_language} if new_language else set())
    written = [LOCALES / f"{DOMAIN}.pot"]
    for language in sorted(languages):
        path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            catalog = Catalog(locale=language, project="cogov", fuzzy=False, creation_date=_EPOCH)
        catalog.project, catalog.copyright_holder, catalog.fuzzy = "cogov", "cogov contributors", False
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_output=True)
        written.append(path)
    return written


if __name__ == "__main__":  # make catalogues [NEW_LANGUAGE=xx]
    import sys

    for path in write_catalogues(sys.argv[1] if len(sys.argv) > 1 else None):
        print(path)
