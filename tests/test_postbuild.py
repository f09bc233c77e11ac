"""The post-build inspection finds what must not be published, and sanitizing removes markup."""

from __future__ import annotations

import json
from pathlib import Path

from cogov.postbuild import find_executable, inspect_site

ARTICLE = '<article class="md-content__inner md-typeset">{}</article>'


def page(site: Path, rel: str, body: str, head: str = "") -> Path:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><head>{head}</head><body>{ARTICLE.format(body)}</body></html>", encoding="utf-8")
    return path


def test_event_handlers_and_script_urls_are_found(tmp_path: Path) -> None:
    page(tmp_path, "a/index.html", '<p>Fine <img src=x onerror="alert(1)"></p>')
    page(tmp_path, "b/index.html", "<p>ok</p>", head='<link rel="x" href="JavaScript:alert(1)">')
    page(tmp_path, "c/index.html", "<p>Talk on = text, and data: here, onclick=x in words</p>")
    problems = {f.path: f.problem for f in find_executable(tmp_path)}
    assert problems["a/index.html"].startswith("an inline event handler")
    assert problems["b/index.html"].startswith("a script URL")
    assert "c/index.html" not in problems


def test_sanitizing_removes_markup_from_content(tmp_path: Path) -> None:
    path = page(tmp_path, "a/index.html", '<p>Fine <img src=x onerror="alert(1)"><!-- note --></p><script>x</script>')
    assert inspect_site(tmp_path, []) == []
    html = path.read_text(encoding="utf-8")
    assert "onerror" not in html and "<script" not in html and "note" not in html and "Fine" in html


def test_sanitizing_keeps_the_search_markers(tmp_path: Path) -> None:
    """What Pagefind indexes is marked in the content (cogov.search_index): inert attributes that
    the sanitizer keeps, while it still drops what could run."""
    body = (
        '<div data-pagefind-body><p>Text</p><div data-pagefind-ignore=""><p>Table</p></div>'
        '<span hidden="" data-pagefind-ignore="" data-pagefind-filter="kind">Meeting</span>'
        '<span hidden="" data-pagefind-ignore="" data-pagefind-meta="date">1 May 2026</span></div>'
    )
    path = page(tmp_path, "a/index.html", body.replace("<p>Text</p>", '<p onclick="x()">Text</p>'))
    assert inspect_site(tmp_path, []) == []
    assert ARTICLE.format(body.replace("data-pagefind-body>", 'data-pagefind-body="">')) in path.read_text("utf-8")


def test_search_index_markup_is_found(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    docs = [{"location": "x/", "title": "T", "text": "<p>&lt;img src=x&gt; is text</p>"},
            {"location": "y/", "title": "T", "text": "<img src=x onerror=alert(1)>"}]  # fmt: skip
    index.write_text(json.dumps({"docs": docs}), encoding="utf-8")
    assert [f.path for f in find_executable(tmp_path)] == ["search/search_index.json (y/)"]


def test_contacts_are_found_unless_allowed(tmp_path: Path) -> None:
    page(tmp_path, "a/index.html", '<p>Write to <a href="mailto:ana@gmail.com">Ana</a> or call +51 1 987 6543.</p>')
    page(tmp_path, "b/index.html", "<p>Office: ogp@pcm.example, 2024-11-26, 38,412 contracts</p>")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "people.csv").write_text("id,name\nx,Call 0800 123 4567\n", encoding="utf-8")
    found = sorted((f.path, f.problem) for f in inspect_site(tmp_path, ["ogp@pcm.example"]))
    assert found == [
        ("a/index.html", "a phone number: +51 1 987 6543"),
        ("a/index.html", "an e-mail address: ana@gmail.com"),
        ("data/people.csv", "a phone number: 0800 123 4567"),
    ]


THEME = (
    '<script>__md_scope=new URL("{base}",location)</script>'
    '<script id="__config" type="application/json">{{"base": "{base}", "search": "{prefix}assets/search.js"}}</script>'
    '<script src="{prefix}assets/javascripts/bundle.js"></script>'
)


def themed(site: Path, rel: str, base: str, prefix: str, body: str = "<p>ok</p>", head: str = "") -> Path:
    return page(site, rel, body, head=head + THEME.format(base=base, prefix=prefix))


def test_scripts_and_ids_are_compared_with_the_theme(tmp_path: Path) -> None:
    themed(tmp_path, "404.html", "/", "/")
    themed(tmp_path, "index.html", ".", "")
    themed(tmp_path, "a/b/index.html", "../..", "../../", head='<script type="application/ld+json">{"a": 1}</script>')
    themed(tmp_path, "c/index.html", "..", "../", head='<a href="#x"><script>alert(1)</script>" class="md-nav__link">')
    themed(tmp_path, "d/index.html", "..", "../", head='<div id="__config">{}</div>')
    themed(tmp_path, "e/index.html", "..", "../", head='<a id="x&quot;&gt;y">toc</a>')
    themed(tmp_path, "f/index.html", "..", "../", head='<script type="application/ld+json">{"a": </script>')
    problems = {f.path: f.problem for f in find_executable(tmp_path)}
    assert sorted(problems) == ["c/index.html", "d/index.html", "e/index.html", "f/index.html"], problems
    assert problems["c/index.html"].startswith("a script that is not the theme's")
    assert problems["d/index.html"] == "an element that repeats the id '__config'"
    assert problems["e/index.html"] == "an element that has an id no generator writes 'x\">y'"
