"""The root of a site in several languages: a page to choose one (as Canada.ca's), and a sitemap
index that lists each language's sitemap. Each language's pages live under its own prefix."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from cogov.i18n import direction
from cogov.translations import language_name

if TYPE_CHECKING:
    from cogov.pipeline import Generated


def _in(language: str) -> str:
    """The attributes of a text in ``language``: its tag and the way it is written."""
    return f'lang="{html.escape(language)}" dir="{direction(language)}"'


def choice_page(generated: Generated, base: str = "") -> str:
    """A page that names the site in each language and leads to each language's home page;
    ``base``: where the site's root is from the page (the not-found page is served at any depth,
    so it leads from the site's own path)."""
    editions = generated.editions
    default = editions[0].language
    alternates = "".join(
        f'<link rel="alternate" hreflang="{html.escape(e.language)}" href="{html.escape(base + e.language)}/">\n'
        for e in editions
    )
    titles = " · ".join(f"<span {_in(e.language)}>{html.escape(e.records.site.title)}</span>" for e in editions)
    links = "".join(
        f'<li><a href="{html.escape(base + e.language)}/" hreflang="{html.escape(e.language)}" '
        f"{_in(e.language)}>{html.escape(language_name(e.language, e.language))}</a></li>\n"
        for e in editions
    )
    plain_titles = " / ".join(e.records.site.title for e in editions)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(default)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(plain_titles)}</title>\n"
        f"{alternates}"
        f'<link rel="alternate" hreflang="x-default" href="{html.escape(base or "./")}">\n'
        "<style>\n"
        "body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;line-height:1.5;color:#1b1b1b;"
        "background:#fff}\n"
        "main{max-width:40rem;margin:0 auto}\n"
        "h1{font-size:1.5rem}\n"
        "ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}\n"
        "a{display:inline-block;padding:.75rem 1.5rem;border:2px solid #00796b;border-radius:.25rem;"
        "color:#00584e;font-weight:600;text-decoration:none}\n"
        "a:hover,a:focus{background:#00796b;color:#fff}\n"
        "@media (prefers-color-scheme:dark){body{background:#1e2129;color:#e2e4e9}"
        "a{color:#7fd6c8;border-color:#7fd6c8}a:hover,a:focus{background:#7fd6c8;color:#1e2129}}\n"
        "</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"<h1>{titles}</h1>\n"
        f"<ul>\n{links}</ul>\n"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def sitemap_index(generated: Generated) -> str | None:
    """A sitemap index of each language's sitemap (sitemaps.org), when the site has an address."""
    records = generated.records
    assert records is not None
    if not records.site.url:
        return None
    entries = "".join(
        f"<sitemap><loc>{html.escape(e.records.site.url or '')}sitemap.xml</loc></sitemap>" for e in generated.editions
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>\n'
    )


def write_language_choice(site_dir: Path, generated: Generated) -> None:
    assert generated.records is not None
    root_url = generated.records.site.root_url
    (site_dir / "index.html").write_text(choice_page(generated), encoding="utf-8")
    root = urlsplit(root_url).path.rstrip("/") + "/" if root_url else ""
    (site_dir / "404.html").write_text(choice_page(generated, root), encoding="utf-8")
    index = sitemap_index(generated)
    if index:
        (site_dir / "sitemap.xml").write_text(index, encoding="utf-8")
