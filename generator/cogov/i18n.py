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
from babel.numbers import format_percent as babel_format_percent

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "site"
# The catalogues' domains and, for each, the messages.py keys it holds (with their key as context
# and their English as the message ID): page text for visitors; the diagnostics a secretariat reads.
SITE_KEYS = ("ui.", "feed.")
DIAGNOSTIC_KEYS = (
    "load.", "file.", "id.", "schema.", "type.", "ref.", "date.", "member.", "attend.", "minutes.",
    "markdown.", "summary.", "site.", "seat.", "proposal.", "translation.",
)  # fmt: skip
# What the commands say to whoever runs them, the pull-request summary of `cogov diff` included.
CLI_KEYS = ("cli.", "build.", "generate.", "serve.", "diff.", "links.", "import.", "standards.", "cms.", "fmt.")
DOMAINS = {"site": SITE_KEYS, "diagnostics": DIAGNOSTIC_KEYS, "cli": CLI_KEYS}


def domain_of(key: str) -> str | None:
    return next((domain for domain, prefixes in DOMAINS.items() if key.startswith(prefixes)), None)


# Catalogues carry no build time, so regenerating them changes only what changed.
_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def page_text(message: str) -> str:
    """Marks ``message`` for the site's catalogue where it is defined (a table's description);
    it is translated where a page shows it."""
    return message


def page_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural for the site's catalogue (as :func:`page_text`)."""
    return singular, plural


def plural_forms(singular: str, plural: str, language: str) -> dict[str, str]:
    """A plural message in ``language`` for each CLDR plural category of the language ("one",
    "few", "other"...), for a script that picks one with ``Intl.PluralRules`` (whole numbers)."""
    ngettext = translations(language).ngettext
    rule = locale(language).plural_form
    forms: dict[str, str] = {}
    for n in range(1000):
        forms.setdefault(rule(n), ngettext(singular, plural, n))
    return forms


def locale(language: str) -> Locale:
    """The Babel locale for a site's language (BCP 47, ``es``, ``pt-BR``); English dates are
    written day first, as most OGP members write them."""
    if language.split("-")[0] == "en":
        return Locale("en", "GB")
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(language.split("-")[0]) if language.split("-")[0].isalpha() else Locale("en", "GB")


def catalogue_languages(domain: str = DOMAIN) -> list[str]:
    """The languages a domain is translated into, besides English."""
    return sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{domain}.po"))


@functools.lru_cache(maxsize=32)
def translations(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """A domain's catalogue in ``language`` (or its base language); English when there is none."""
    for candidate in (language.replace("-", "_"), language.split("-")[0]):
        po = LOCALES / candidate / "LC_MESSAGES" / f"{domain}.po"
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


def direction(language: str) -> str:
    """Which way a language is written: ``rtl`` (Arabic, Hebrew, Persian…) or ``ltr``."""
    return "rtl" if locale(language).character_order == "right-to-left" else "ltr"


def list_separator(language: str = "en") -> str:
    """What separates the items of a list in the language (``, `` in English, ``، `` in Arabic)."""
    middle = str(locale(language).list_patterns["standard"]["middle"])
    return middle.replace("{0}", "").replace("{1}", "") or ", "


def format_percent(value: float, language: str = "en") -> str:
    """``0.91`` -> ``91%`` (``91 %`` in Spanish and French), rounded to whole percents."""
    return str(babel_format_percent(value, locale=locale(language)))


def format_date(value: str | None, language: str = "en") -> str:
    """``2025-03-14`` -> ``14 March 2025`` (``14 de marzo de 2025``); other text is returned as is."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return str(babel_format_date(day, "long", locale=locale(language)))


HINT_CONTEXT = "schema.hint"
TITLE_CONTEXT = "schema.title"
DESCRIPTION_CONTEXT = "schema.description"


def schema_annotations(key: str, names: tuple[str, ...] | None = None) -> list[str]:
    """Every string ``key`` annotation (``x-hint``, ``title``) in the schemas (or those ``names``)."""
    import json

    from cogov.schemas import schema_dir

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get(key), str) and node[key] not in found:
                found.append(node[key])
            for name, value in node.items():
                if name not in ("examples", "default", "const", "enum"):  # values, not annotations
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(schema_dir().glob("*.json")):
        if names is None or path.stem in names:
            walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def schema_hints() -> list[str]:
    """Every ``x-hint`` in the schemas: how to write a field's value, in words a diagnostic quotes."""
    return schema_annotations("x-hint")


def schema_titles() -> list[str]:
    """The fields' titles in the records' schemas: the form editor's labels, in the site's language."""
    from cogov.cms import TEXT_TITLE, edited_schemas

    return [*schema_annotations("title", edited_schemas()), TEXT_TITLE]


def schema_descriptions() -> list[str]:
    """The descriptions in the records' schemas: the form editor's hints, in the site's language."""
    from cogov.cms import edited_schemas

    return schema_annotations("description", edited_schemas())


def template(domain: str = DOMAIN) -> Catalog:
    """A domain's messages, as ``make catalogues`` writes them to locales/<domain>.pot: for the
    site, every ``tr("...")`` in the templates and the code; and the domain's keys of messages.py."""
    from cogov.messages import CATALOGS

    catalog = Catalog(project="cogov", copyright_holder="cogov contributors", fuzzy=False, creation_date=_EPOCH)
    for key, english in CATALOGS["en"].items():
        if key.startswith(DOMAINS[domain]):
            catalog.add(english, context=key)
    if domain == "diagnostics":
        from cogov.kinds import KINDS

        for kind in KINDS:  # the kinds' names that diagnostics and `cogov diff` use
            for form in ("noun", "article", "heading"):
                catalog.add(getattr(kind, form), context=f"kind.{kind.name}.{form}")
        for hint in schema_hints():  # the schemas' hints, which diagnostics quote (SCH006)
            catalog.add(hint, context=HINT_CONTEXT)
    if domain != DOMAIN:
        return catalog
    for title in schema_titles():  # the form editor's labels (cogov.cms)
        catalog.add(title, context=TITLE_CONTEXT)
    for description in schema_descriptions():  # and its hints
        catalog.add(description, context=DESCRIPTION_CONTEXT)
    source = LOCALES.parent.parent
    method_map = [("cogov/render/templates/**.j2", "jinja2"), ("cogov/**.py", "python")]
    options = {"cogov/render/templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    keywords = {"tr": None, "tr_text": None, "page_text": None, "tr_plural": (1, 2), "page_plural": (1, 2)}
    for _file, _line, message, _comments, context in extract_from_dir(
        source, method_map, options, keywords=keywords, comment_tags=()
    ):
        catalog.add(message, context=context)
    return catalog


def write_catalogues(new_language: str | None = None) -> list[Path]:
    """Write each domain's locales/<domain>.pot and bring every language's PO files up to date
    with it (new messages untranslated, removed ones dropped); ``new_language`` starts PO files."""
    written: list[Path] = []
    for domain in DOMAINS:
        written += _write_domain(domain, new_language)
    return written


def _write_domain(domain: str, new_language: str | None) -> list[Path]:
    pot = template(domain)
    LOCALES.mkdir(exist_ok=True)
    with (LOCALES / f"{domain}.pot").open("wb") as handle:
        write_po(handle, pot, width=100, sort_output=True)
    languages = set(catalogue_languages(domain)) | ({new_language} if new_language else set())
    written = [LOCALES / f"{domain}.pot"]
    for language in sorted(languages):
        path = LOCALES / language / "LC_MESSAGES" / f"{domain}.po"
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
