"""The site's search (cogov.search_index, the builder configuration and the theme's words)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cogov.builder_config import _plugins_without_search, theme_context
from cogov.cli import main
from cogov.errors import BuildError
from cogov.i18n import plural_forms, translations
from cogov.search_index import BUNDLE, fragments, index_site
from tests.conftest import ROOT, site_info


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        (None, []),  # MkDocs would add its search: the list is always written
        (["search"], []),
        (["search", "tags", {"material/search": {"lang": "en"}}, {"privacy": {}}], ["tags", {"privacy": {}}]),
        ({"search": {}, "tags": {"x": 1}}, [{"tags": {"x": 1}}]),
    ],
)
def test_the_theme_search_is_left_out_of_any_plugin_list(plugins: object, expected: list[object]) -> None:
    assert _plugins_without_search(plugins) == expected


def test_result_counts_follow_each_languages_plural_rules() -> None:
    assert plural_forms("{count} record found", "{count} records found", "en") == {
        "one": "{count} record found",
        "other": "{count} records found",
    }
    arabic = plural_forms("{count} record found", "{count} records found", "ar")
    assert set(arabic) == {"zero", "one", "two", "few", "many", "other"}
    assert len(set(arabic.values())) > 2 and all("{count}" in v or "record" not in v for v in arabic.values())


def test_the_search_words_reach_the_theme_escaped_in_the_sites_language() -> None:
    site = site_info(language="es")
    words = theme_context(site, translations("es").gettext)["search"]
    assert words["title"] == "Buscar en los registros" and words["kind"] == "Tipo de registro"
    assert "&quot;language&quot;: &quot;es&quot;" in words["words"]


def test_indexing_a_site_without_pages_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="search index could not be made"):
        index_site(tmp_path)


def test_indexing_keeps_only_what_the_site_uses(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body><main data-pagefind-body>'
        '<h1>Budget <a class="headerlink" href="#x">¶</a></h1><p>Open budget data.</p>'
        '<svg><text>42 %</text></svg><span hidden data-pagefind-ignore data-pagefind-filter="kind">Page</span>'
        "</main></body></html>",
        encoding="utf-8",
    )
    stats = index_site(tmp_path)
    assert stats.pages == 1
    assert sorted(p.name for p in (tmp_path / BUNDLE).glob("*.js")) == ["pagefind-worker.js", "pagefind.js"]
    ((_, page),) = list(fragments(tmp_path))
    assert page["content"].split() == ["Budget", "Open", "budget", "data."]  # no ¶, no chart, no filter
    assert page["filters"] == {"kind": ["Page"]} and page["meta"]["title"] == "Budget"


@pytest.mark.slow
def test_a_project_with_an_older_theme_folder_keeps_the_themes_search(
    sample_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project made before cogov's search page (no site_theme/search-page.html) still builds,
    with the theme's own search, and is told how to update."""
    shutil.copytree(ROOT / "site_theme", sample_project / "site_theme")
    (sample_project / "site_theme" / "search-page.html").unlink()
    (sample_project / "site_theme" / "partials" / "header.html").unlink()
    (sample_project / "mkdocs.yml").write_text(
        (sample_project / "mkdocs.yml").read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search"),
        encoding="utf-8",
    )
    assert main(["build", "--project", str(sample_project), "--as-of", "2026-11-26"]) == 0
    assert "copy the site_theme folder of a project made by `cogov init`" in capsys.readouterr().err
    site = sample_project / "site"
    assert (site / "search" / "search_index.json").is_file() and not (site / BUNDLE).exists()
    assert not (site / "search" / "index.html").exists()  # no search page without its template


def _bundle(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / BUNDLE).rglob("*")) if p.is_file()}


def test_the_index_is_the_same_on_every_run_and_left_alone_when_its_form_is_unknown(tmp_path: Path) -> None:
    """Pagefind lists filter values in a hash map's order; cogov rewrites them in a fixed order.
    An index whose form it does not know is left as Pagefind wrote it, never half rewritten."""
    from cogov.search_index import make_reproducible

    kinds = ["Meeting", "Person", "Commitment", "Body", "Page", "Proposal", "Organization"]
    for i, kind in enumerate(kinds * 3):
        page = tmp_path / f"p{i}" / "index.html"
        page.parent.mkdir()
        page.write_text(
            f'<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Page {i}</h1><p>Words {i}.</p>'
            f'<span hidden data-pagefind-ignore data-pagefind-filter="kind">{kind}</span>'
            f'<span hidden data-pagefind-ignore data-pagefind-filter="year">{2020 + i % 5}</span></main></body></html>',
            encoding="utf-8",
        )
    runs = []
    for _ in range(3):
        index_site(tmp_path)
        runs.append(_bundle(tmp_path))
    assert runs[0] == runs[1] == runs[2]
    filter_file = next((tmp_path / BUNDLE / "filter").iterdir())
    filter_file.write_bytes(b"not what Pagefind writes")
    before = _bundle(tmp_path)
    make_reproducible(tmp_path / BUNDLE)
    assert _bundle(tmp_path) == before
