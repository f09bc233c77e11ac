"""The builder's configuration for one build: the project's mkdocs.yml, inherited unchanged, plus
what the records say, so that nothing is set twice. It sits beside mkdocs.yml, so that every
relative path in it means the same, and ``cogov build`` removes it afterwards.

From ``content/site.yml``: the title (``site_name``), the address (``site_url``: sitemap, canonical
links) and the language (``theme.language``: ``<html lang>`` and the theme's own words). In a
language other than English, the navigation's section names and the palette switch's names that
cogov wrote are given in that language too.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import yaml

from cogov.i18n import direction, page_plural, page_text, plural_forms, translations
from cogov.model import SiteInfo
from cogov.render import paths
from cogov.render.escape import yaml_string
from cogov.render.paths import SECTION_NAMES
from cogov.translations import language_name

BUILD_CONFIG = ".cogov-build.yml"

# The languages Material for MkDocs 9 has its interface in (templates/partials/languages/).
THEME_LANGUAGES = frozenset(
    [
        "af",
        "ar",
        "az",
        "be",
        "bg",
        "bn",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "fi",
        "fr",
        "gl",
        "he",
        "hi",
        "hr",
        "hu",
        "hy",
        "id",
        "is",
        "it",
        "ja",
        "ka",
        "kn",
        "ko",
        "ku-IQ",
        "lb",
        "lt",
        "lv",
        "mk",
        "mn",
        "ms",
        "my",
        "nb",
        "nl",
        "nn",
        "pl",
        "pt",
        "pt-BR",
        "ro",
        "ru",
        "sa",
        "sh",
        "si",
        "sk",
        "sl",
        "sq",
        "sr",
        "sv",
        "ta",
        "te",
        "th",
        "tl",
        "tr",
        "uk",
        "ur",
        "uz",
        "vi",
        "zh",
        "zh-Hant",
        "zh-TW",
    ]
)

PALETTE_NAMES = (page_text("Dark mode"), page_text("Light mode"))
# The theme's words (site_theme/): passed to it in the site's language by theme_context().
FEED_TITLE = page_text("Minutes, progress and membership changes")  # the feed link in the page's head
PUBLISHED_BY = page_text("A website of {publisher}")  # above the header
CONTACT_EMAIL = page_text("Write to the secretariat")
CONTACT_PAGE = page_text("Contact")
LICENCE = page_text("Licence of the records: {licence}")
STATEMENT = page_text("Accessibility statement")
FOOTER_LABEL = page_text("About this site")
LISTS_LABEL = page_text("Lists of records")
LANGUAGES_LABEL = page_text("This page in other languages")
NOT_FOUND = page_text("Page not found")
NOT_FOUND_TEXT = page_text(
    "If you typed the address, check it. The page may also have moved or been removed. Find records in the lists:"
)
NO_SCRIPT = page_text("Search needs JavaScript, which is off in this browser. Find records in the lists:")
# The search form in the header and the search page (site_theme/partials/header.html, search-page.html).
SEARCH_WORDS = {
    "label": page_text("Search"),
    "title": page_text("Search the records"),
    "field": page_text("Words to look for"),
    "kind": page_text("Kind of record"),
    "year": page_text("Year"),
    "any": page_text("All"),
    "submit": page_text("Search"),
    "more": page_text("More results"),
    "unavailable": page_text("Without JavaScript, or when the search cannot load, find records in the lists:"),
}
# Words the search page's script writes (site_theme/assets/cogov-search.js).
SEARCH_SCRIPT_WORDS = {
    "busy": page_text("Searching…"),
    "none": page_text("No record matches. Try other words, fewer words or another filter."),
    "failed": page_text("The search could not load. Find records in the lists below."),
}
SEARCH_RESULTS = page_plural("{count} record found", "{count} records found")


def theme_language(language: str) -> str | None:
    """The theme's language for the site's: the same, or its base language (es-PE: es), or None
    when the theme has neither (mkdocs.yml's then stays)."""
    for candidate in (language, language.split("-")[0]):
        if candidate in THEME_LANGUAGES:
            return candidate
    return None


class _Tagged:
    """A value mkdocs.yml gives with a tag (``!ENV``, ``!!python/name``): never constructed, and
    a part of the configuration that holds one is never rewritten."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for the parts cogov translates (navigation, palette, permalink titles)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: _Tagged())


def _has_tags(value: Any) -> bool:
    if isinstance(value, _Tagged):
        return True
    if isinstance(value, dict):
        return any(_has_tags(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_tags(v) for v in value)
    return False


PERMALINK_TITLE = page_text("Permanent link")


def _translated_extensions(extensions: Any, gettext: Any) -> list[Any] | None:
    """The Markdown extensions with the headings' permalink title in the site's language, or
    None when nothing changes or when the list holds tagged values it cannot rewrite."""
    if not isinstance(extensions, list) or _has_tags(extensions):
        return None
    out: list[Any] = []
    changed = False
    for item in extensions:
        if isinstance(item, dict) and isinstance(item.get("toc"), dict) and item["toc"].get("permalink"):
            item = {
                "toc": {
                    **item["toc"],
                    "permalink_title": gettext(item["toc"].get("permalink_title") or PERMALINK_TITLE),
                }
            }
            changed = True
        out.append(item)
    return out if changed else None


def _project_config(project: Path) -> dict[str, Any]:
    try:
        data = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


# Words of the navigation that `cogov init` writes besides the sections' names, wherever they lead.
NAV_WORDS = {"About": page_text("About")}


def _cogovs_word(label: Any, target: Any) -> bool:
    """Whether a label of mkdocs.yml's navigation is one of cogov's words, which it translates."""
    return (isinstance(target, str) and SECTION_NAMES.get(target) == label) or label in NAV_WORDS


def _translated_nav(nav: Any, gettext: Any) -> Any:
    """The navigation with the section names cogov wrote in the site's language."""
    if isinstance(nav, list):
        return [_translated_nav(item, gettext) for item in nav]
    if isinstance(nav, dict) and len(nav) == 1:
        ((label, target),) = nav.items()
        if _cogovs_word(label, target):
            label = gettext(label)
        return {label: _translated_nav(target, gettext)}
    return nav


def nav_labels_in(nav: Any) -> list[str]:
    """The labels mkdocs.yml's author wrote in its navigation (in the site's first language), not
    cogov's own words."""
    if isinstance(nav, list):
        return [label for item in nav for label in nav_labels_in(item)]
    if isinstance(nav, dict) and len(nav) == 1:
        ((label, target),) = nav.items()
        own = [] if _cogovs_word(label, target) or not isinstance(label, str) else [label]
        return own + nav_labels_in(target)
    return []


def _translated_palette(palette: Any, gettext: Any) -> Any:
    if not isinstance(palette, list) or _has_tags(palette):
        return None
    out = []
    for scheme in palette:
        if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
            name = scheme["toggle"].get("name")
            if name in PALETTE_NAMES:
                scheme = {**scheme, "toggle": {**scheme["toggle"], "name": gettext(name)}}
        out.append(scheme)
    return out


def _e(text: str) -> str:
    """The theme prints what it is given without escaping it (MkDocs' templates do not escape)."""
    return html.escape(text, quote=True)


def _link(text: str, href: str | None) -> str:
    return f'<a href="{_e(href)}">{_e(text)}</a>' if href else _e(text)


def theme_context(site: SiteInfo, gettext: Any, nav: Any = None) -> dict[str, Any]:
    """What cogov's theme overrides show on every page (site_theme/main.html, partials/), in the
    site's language and escaped: the publisher's line above the header, the footer's links and
    the words shown when JavaScript is off. Internal addresses are relative to the site's root
    (the theme passes them through MkDocs' ``url`` filter)."""
    publisher = site.publisher_name
    footer: list[dict[str, str]] = []
    if site.contact_email:
        footer.append({"text": _e(gettext(CONTACT_EMAIL)), "href": _e(f"mailto:{site.contact_email}")})
    if site.contact_url:
        footer.append({"text": _e(gettext(CONTACT_PAGE)), "href": _e(site.contact_url)})
    footer.append({"text": _e(gettext(SECTION_NAMES[paths.DATA])), "href": paths.url_path(paths.DATA)})
    if site.data_license:
        licence = gettext(LICENCE).format(licence=site.data_license)
        footer.append({"text": _e(licence), "href": _e(f"https://spdx.org/licenses/{site.data_license}.html")})
    footer.append({"text": _e(gettext(STATEMENT)), "href": paths.url_path(paths.ACCESSIBILITY)})
    lists = [
        {"text": _e(gettext(SECTION_NAMES[page])), "href": paths.url_path(page)}
        for page in (paths.INDEXES["plan"], paths.INDEXES["meeting"], paths.INDEXES["body"], paths.INDEXES["person"])
    ]
    words = {key: _e(gettext(text)) for key, text in SEARCH_WORDS.items()}
    script_words: dict[str, Any] = {key: gettext(text) for key, text in SEARCH_SCRIPT_WORDS.items()}
    script_words["results"] = plural_forms(*SEARCH_RESULTS, site.language)
    script_words["language"] = site.language
    return {
        "search": {**words, "words": _e(json.dumps(script_words, ensure_ascii=False))},
        "banner": _e(gettext(PUBLISHED_BY)).format(publisher=_link(publisher, site.publisher_url)) if publisher else "",
        "publisher": _e(publisher or site.title),
        "footer": footer,
        "footer_label": _e(gettext(FOOTER_LABEL)),
        "noscript": _e(gettext(NO_SCRIPT)),
        "noscript_lists": lists,
        "feed_title": _e(gettext(FEED_TITLE)),
        "lists_label": _e(gettext(LISTS_LABEL)),
        "not_found_title": _e(gettext(NOT_FOUND)),
        "not_found": _e(gettext(NOT_FOUND_TEXT)),
        # On a site in several languages: the others, each named in itself, for the language
        # links in the header and the hreflang alternates (site_theme/partials/languages.html).
        "language": _e(site.language),
        # the other languages: from this edition's root, the way to theirs ("fr/", "../"), and
        # their absolute address when the site has one
        "languages": [
            {
                "lang": _e(lang),
                "dir": direction(lang),
                "name": _e(language_name(lang, lang)),
                "path": _e(site.path_to(lang)),
                "url": _e(f"{site.root_url.rstrip('/')}/{site.prefix(lang)}") if site.root_url else "",
            }
            for lang in site.languages
            if lang != site.language
        ],
        "languages_label": _e(gettext(LANGUAGES_LABEL)),
        # In another language's edition, the navigation's labels its author wrote are in the
        # first language: the theme says so (site_theme/partials/cogov-nav-title.html).
        "nav_fallback": {
            "lang": _e(site.first_language),
            "dir": direction(site.first_language),
            "titles": nav_labels_in(nav),
        }
        if site.language != site.first_language and not _has_tags(nav)
        else None,
    }


_THEME_SEARCH = ("search", "material/search")


def _plugins_without_search(plugins: Any) -> list[Any] | None:
    """The project's plugins without the theme's search, which cogov's search replaces (a site
    would otherwise send every visitor its whole index). MkDocs adds that search when a project
    names no plugins, so the list is always written; None when it holds tagged values."""
    if plugins is None:
        return []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    if not isinstance(plugins, list) or _has_tags(plugins):
        return None
    return [
        p
        for p in plugins
        if not (p in _THEME_SEARCH or (isinstance(p, dict) and len(p) == 1 and next(iter(p)) in _THEME_SEARCH))
    ]


SEARCH_TEMPLATE = "search-page.html"


def theme_has_search(project: Path) -> bool:
    """Whether the project's theme folder (mkdocs.yml's ``theme.custom_dir``) has cogov's search
    page. A project made by an older cogov has not: it keeps the theme's own search, and the build
    says how to update the theme folder."""
    theme = _project_config(project).get("theme")
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return isinstance(folder, str) and (project / folder / SEARCH_TEMPLATE).is_file()


def write_builder_config(project: Path, site: SiteInfo, search: bool = True, docs_dir: str | None = None) -> Path:
    """The builder's configuration for one build; ``search``: the theme has cogov's search page
    (:func:`theme_has_search`), so the theme's own search is left out; ``docs_dir``: the pages of
    one language, on a site in several."""
    # The theme prints site_name without escaping it (in <title>, in attributes): it arrives escaped.
    lines = ["INHERIT: mkdocs.yml", f"site_name: {yaml_string(html.escape(site.title, quote=True))}"]
    if docs_dir:
        lines.append(f"docs_dir: {yaml_string(docs_dir)}")
    if site.url:
        lines.append(f"site_url: {yaml_string(site.url)}")
    language = theme_language(site.language)
    theme: dict[str, Any] = {"language": language} if language else {}
    gettext = translations(site.language).gettext
    config = _project_config(project)
    plugins = _plugins_without_search(config.get("plugins")) if search else None
    if plugins is not None:
        lines.append(f"plugins: {json.dumps(plugins, ensure_ascii=False)}")
    if not site.language.startswith("en"):
        # JSON is YAML: a list or a mapping written on one line.
        if isinstance(config.get("nav"), list) and not _has_tags(config["nav"]):
            lines.append(f"nav: {json.dumps(_translated_nav(config['nav'], gettext), ensure_ascii=False)}")
        extensions = _translated_extensions(config.get("markdown_extensions"), gettext)
        if extensions:
            lines.append(f"markdown_extensions: {json.dumps(extensions, ensure_ascii=False)}")
        palette = _translated_palette((config.get("theme") or {}).get("palette"), gettext)
        if palette:
            theme["palette"] = palette
    if site.publisher_logo:
        theme["logo"] = paths.logo(site.publisher_logo)
    context = theme_context(site, gettext, config.get("nav"))
    lines.append(f"extra: {json.dumps({'cogov': context}, ensure_ascii=False)}")
    if theme:
        lines.append(f"theme: {json.dumps(theme, ensure_ascii=False)}")
    path = project / BUILD_CONFIG
    header = "# Written by `cogov build` for one build and removed after it: edit mkdocs.yml instead.\n"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return path
