"""End to end in headless Chromium (Debian's, never a downloaded one): a visitor's path through
the sample site, and finding a commitment through the search box."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cogov.cli import main
from cogov.render import site
from tests.conftest import ROOT, in_one_language

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Debian's chromium is not installed: run `make browser` (make test does it)")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("browser")
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["build", str(project), "--as-of", "2026-11-26"]) == 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(project / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def heading(page: object) -> str:
    """The page's h1 without its permalink sign."""
    text: str = page.locator("h1").inner_text()  # type: ignore[attr-defined]
    return text.rstrip("¶").strip()


def test_visitor_path(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url)
    assert heading(page) == "Open Government in Arandia"
    page.get_by_role("link", name="Fifth National Action Plan 2024-2026").first.click()
    assert heading(page) == "Fifth National Action Plan 2024-2026"
    page.locator("article").get_by_role("link", name="Open contracting for public works").click()
    assert heading(page) == "Open contracting for public works"
    page.locator("article").get_by_role("link", name="8 October 2024: Kick-off meeting").first.click()
    assert heading(page) == "Kick-off meeting"
    page.locator("article table").get_by_role("link", name="Tomás Herrera").first.click()
    assert heading(page) == "Tomás Herrera"
    assert page.url.endswith("/people/tomas-herrera/")
    page.close()
    # Every page links its feed (rel="alternate"); the theme's script would download the whole
    # sitemap, which grows with the archive, on each page for it.
    assert not [r for r in requests if "sitemap" in r]


def search_results(page: object) -> list[str]:
    """The titles of the search page's results, once its count and every result are shown (the
    count is said once the first three are)."""
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => /\\d/.test(document.getElementById('cogov-search-status').textContent)"
        " && !document.querySelector('#cogov-search-results li[hidden]')",
        timeout=15000,
    )
    return [t.strip() for t in page.locator(".cogov-search__results h2 a").all_inner_texts()]  # type: ignore[attr-defined]


def test_search_from_the_header_finds_a_commitment_and_opens_it(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(site_url + "meetings/")
    box = page.locator("header input[name=q]")
    box.fill("beneficial ownership")
    box.press("Enter")
    page.wait_for_url("**/search/?q=beneficial+ownership")
    assert "Beneficial ownership register" in search_results(page)
    first = page.locator(".cogov-search__results li").filter(has_text="Beneficial ownership register").first
    assert first.locator(".cogov-search__detail").inner_text() == "Commitment · 1 September 2024 – 31 December 2026"
    assert first.locator("mark").count() >= 1  # the matched words are marked
    first.get_by_role("link").click()
    page.wait_for_url("**/commitments/xa0042-beneficial-ownership/")
    assert heading(page) == "Beneficial ownership register"
    page.close()


def test_search_finds_people_minutes_and_filters_by_kind_and_year(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(site_url + "search/?q=Benites")
    titles = search_results(page)
    assert "Hugo Benites" in titles and "Fourth ordinary session of 2024" in titles
    # The kinds and years of the records' pages, written into the page by the generator.
    kinds = page.locator("#cogov-kind option").all_inner_texts()
    assert kinds[0] == "All" and {"Person", "Meeting", "Commitment", "Proposal"} <= set(kinds)
    assert page.locator("#cogov-year option").all_inner_texts()[1:4] == ["2027", "2026", "2025"]
    page.select_option("#cogov-kind", "Person")
    page.wait_for_url("**/search/?q=Benites&kind=Person")
    page.wait_for_function("() => document.querySelectorAll('.cogov-search__results li').length === 1")
    assert search_results(page) == ["Hugo Benites"]
    # A word found only in a meeting's minutes; then all meetings of a year, without words.
    page.goto(site_url + "search/?q=replacement")
    assert "Fourth ordinary session of 2024" in search_results(page)  # and pages with "replace"
    page.goto(site_url + "search/?kind=Meeting&year=2025")
    titles = search_results(page)
    details = page.locator(".cogov-search__detail").all_inner_texts()
    assert len(titles) >= 5 and all(d.startswith("Meeting · ") and d.endswith("2025") for d in details), details
    assert page.locator("#cogov-search-status").inner_text() == f"{len(titles)} records found"
    page.goto(site_url + "search/?q=zzzyqx")
    page.wait_for_function("() => document.getElementById('cogov-search-status').textContent.startsWith('No record')")
    assert page.locator(".cogov-search__results li").count() == 0
    page.close()


def test_search_loads_only_parts_of_the_index(browser: object, site_url: str) -> None:
    """A search fetches the search script, its module and chunks, never a whole index, and
    nothing from another host."""
    page = browser.new_page()  # type: ignore[attr-defined]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "search/?q=contracting")
    search_results(page)
    assert all(r.startswith(site_url) for r in requests), [r for r in requests if not r.startswith(site_url)]
    index = [r for r in requests if "/pagefind/" in r]
    assert any(r.endswith("pagefind.js") for r in index) and any(".pf_fragment" in r for r in index)
    assert not any(r.endswith("search_index.json") for r in requests)
    page.close()


# Pagefind's module as the search page imports it, with its search made slow, as it is on a phone
# for common words of a large archive (most of a second), and every search recorded.
_SLOW_INDEX = """
import * as real from "./pagefind.js?as-built";
export const options = real.options, init = real.init, preload = real.preload, filters = real.filters;
window.cogovSearches = [];
let running = 0;
export async function search(term, options) {
  running += 1;
  window.cogovSearches.push({ term, running });
  try {
    await new Promise((done) => setTimeout(done, 700));
    return await real.search(term, options);
  } finally {
    running -= 1;
  }
}
"""


def test_while_a_visitor_types_the_index_answers_one_search_at_a_time(browser: object, site_url: str) -> None:
    """Typed at a phone's pace, the words pause long enough between keys to start a search, and a
    search can take longer than that: searches must not queue behind each other (the index runs
    them in turn, so the last words' results would come seconds late), only the latest waits."""
    page = browser.new_page()  # type: ignore[attr-defined]
    module = site_url + "pagefind/pagefind.js"
    page.route(module, lambda route: route.fulfill(content_type="text/javascript", body=_SLOW_INDEX))
    page.goto(site_url + "search/")
    page.locator("#cogov-q").press_sequentially("contracting", delay=250)
    titles = search_results(page)
    assert page.locator("#cogov-search-results").get_attribute("data-for") == "contracting\n{}"
    assert "Open contracting for public works" in titles
    searches = page.evaluate("window.cogovSearches")
    assert max(s["running"] for s in searches) == 1, searches
    assert searches[-1]["term"] == "contracting" and len(searches) < len("contracting"), searches
    page.close()


# Pagefind's module with each result's part (its title, address and excerpt, one file each) coming
# one slow round trip later, as on a mobile connection, and every part asked for recorded.
_SLOW_PARTS = """
import * as real from "./pagefind.js?as-built";
export const options = real.options, init = real.init, preload = real.preload, filters = real.filters;
window.cogovParts = [];
export async function search(term, options) {
  const found = await real.search(term, options);
  found.results.forEach((result, i) => {
    const data = result.data;
    result.data = () => {
      window.cogovParts.push({ term, i, of: found.results.length });
      return new Promise((done) => setTimeout(done, 700)).then(data);
    };
  });
  return found;
}
"""


def test_typing_at_a_phones_pace_asks_few_result_parts_for_words_the_visitor_has_not_finished(
    browser: object, site_url: str
) -> None:
    """Each result's title comes in a file of its own, a round trip away, and a browser opens at
    most six connections to a site. Typed at a thumb's pace, every pause starts a search; if each
    asked for its ten results' parts, they would queue behind each other and the last words'
    results would come seconds late. A search asks for its first three, and for the other seven
    once those have come and its words are still the latest."""
    page = browser.new_page()  # type: ignore[attr-defined]
    module = site_url + "pagefind/pagefind.js"
    page.route(module, lambda route: route.fulfill(content_type="text/javascript", body=_SLOW_PARTS))
    page.goto(site_url + "search/")
    page.locator("#cogov-q").press_sequentially("contracting", delay=300)
    page.wait_for_function(
        "() => document.querySelectorAll('#cogov-search-results li:not([hidden])').length >= 10", timeout=20_000
    )
    assert page.locator("#cogov-search-results").get_attribute("data-for") == "contracting\n{}"
    parts = page.evaluate("window.cogovParts")
    asked: dict[str, list[int]] = {}
    for part in parts:
        asked.setdefault(part["term"], []).append(part["i"])
    superseded = {term: sorted(i) for term, i in asked.items() if term != "contracting"}
    assert superseded and any(part["of"] > 3 for part in parts if part["term"] != "contracting"), parts
    assert all(i == list(range(len(i))) and len(i) <= 3 for i in superseded.values()), superseded
    assert sorted(asked["contracting"]) == list(range(10)), asked
    page.close()


def test_readable_on_a_phone_without_javascript(site_url: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_url + "meetings/2024-11-26-ordinary/")
    assert heading(page) == "Fourth ordinary session of 2024"
    assert page.get_by_text("Hugo Benites").first.is_visible()
    page.mouse.wheel(600, 0)
    assert page.evaluate("window.scrollX") == 0, "the page does not scroll sideways on a phone"
    right = page.evaluate("document.querySelector('article').getBoundingClientRect().right")
    assert right <= 375, "the content fits the screen (wide tables scroll inside themselves)"
    # The header's search button still leads to the search page, which says where the lists are.
    page.locator("header button[type=submit]").click()
    page.wait_for_url("**/search/?q=")
    lists = page.locator("#cogov-search-lists")
    assert lists.is_visible() and lists.get_by_role("link", name="Meetings").is_visible()
    context.close()


def _build_in(language: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[ThreadingHTTPServer, str]:
    """The sample built in ``language``, served at the path of its address (/cogov/), as on
    GitHub Pages, so that the pages that use absolute addresses (404.html) work too."""
    project = tmp_path_factory.mktemp(f"browser-{language}")
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    in_one_language(project, language)
    # Lists split as an archive's would, so that a later list page and its pager are checked too.
    budget = site.LIST_PAGE_BYTES
    site.LIST_PAGE_BYTES = 2_500
    try:
        assert main(["build", "--project", str(project), "--as-of", "2026-11-26"]) == 0
    finally:
        site.LIST_PAGE_BYTES = budget
    root = project / "served"
    root.mkdir()
    (root / "cogov").symlink_to(project / "site", target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/cogov/"


def test_search_in_the_sites_language_under_a_path(browser: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A Spanish site served under /cogov/ (as on GitHub Pages): Pagefind's index for the page's
    language, the filters in Spanish, and results that lead to the record under the path."""
    server, base = _build_in("es", tmp_path_factory)
    try:
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(base + "search/?q=Benites")
        titles = search_results(page)
        assert "Hugo Benites" in titles
        assert page.locator("#cogov-search-status").inner_text().endswith("registros encontrados")
        assert "Persona" in page.locator("#cogov-kind option").all_inner_texts()
        page.locator(".cogov-search__results a", has_text="Hugo Benites").first.click()
        page.wait_for_url(base + "people/hugo-benites/")
        assert heading(page) == "Hugo Benites"
        page.close()
    finally:
        server.shutdown()
        server.server_close()


# Elements a page's layout must keep inside the screen and inside their box.
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('article h1, article h2, article p, article li, .md-header__title')) {
    const r = el.getBoundingClientRect();
    const outside = r.left < -1 || r.right > width + 1;
    if (r.width && outside) out.push(el.tagName + ': ' + el.textContent.trim().slice(0, 40));
  }
  for (const svg of document.querySelectorAll('svg.cogov-chart')) {
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) out.push('chart label: ' + text.textContent);
    }
  }
  return out;
}"""


@pytest.mark.parametrize(("language", "direction", "word"), [("es", "ltr", "Asistencia"), ("ar", "rtl", "الحضور")])
def test_spanish_and_arabic_sites_fit_phones_and_desktops(
    browser: object, tmp_path_factory: pytest.TempPathFactory, language: str, direction: str, word: str
) -> None:
    server, base = _build_in(language, tmp_path_factory)
    shots = ROOT / "tests" / ".artifacts"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        for width in (375, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
            page = context.new_page()
            for path in ("", "bodies/msf/", "meetings/2024-11-26-ordinary/", "commitments/xa0041-open-contracting/"):
                page.goto(base + path)
                assert page.evaluate("document.documentElement.lang") == language
                assert page.evaluate("getComputedStyle(document.body).direction") == direction
                assert page.evaluate(_OVERFLOW) == [], (language, width, path)
                page.screenshot(
                    path=str(shots / f"{language}-{width}-{path.strip('/').replace('/', '-') or 'home'}.png")
                )
            page.goto(base + "meetings/2024-11-26-ordinary/")
            assert word in [h.rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
            context.close()
    finally:
        server.shutdown()
        server.server_close()


AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
# One page of every type.
PAGE_TYPES = [
    "", "action-plans/", "action-plans/nap-5/", "commitments/xa0041-open-contracting/", "meetings/",
    "meetings/2024/", "meetings/2024-11-26-ordinary/", "actions/", "bodies/", "bodies/msf/", "people/",
    "people/lucia-mendoza/", "organizations/", "organizations/transparency-watch/", "data/", "pages/about/",
    "accessibility/", "404.html", "bodies/technical-secretariat/", "people/pages/2/",
    "proposals/climate-data/", "standards/", "standards/nap-5/", "standards/nap-4/", "search/",
]  # fmt: skip
_AXE_RUN = """async () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => v.id + ' ' + v.nodes[0].target.join(' ') + ': ' + v.nodes[0].failureSummary);
}"""


@pytest.mark.parametrize(("language", "widths"), [("en", (1280, 375)), ("ar", (1280, 375))])
def test_every_page_type_passes_axe_in_both_palettes(
    browser: object, tmp_path_factory: pytest.TempPathFactory, language: str, widths: tuple[int, ...]
) -> None:
    """WCAG 2.2 AA as axe-core checks it (npm, injected into Debian's Chromium): every page type,
    light and dark, on a desktop and a phone, left to right and right to left."""
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make tools` (make test does it)")
    server, base = _build_in(language, tmp_path_factory)
    script = AXE.read_text(encoding="utf-8")
    violations = []
    try:
        for width in widths:
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[attr-defined]
                page = context.new_page()
                for path in PAGE_TYPES:
                    page.goto(base + path)
                    page.evaluate(
                        "document.querySelectorAll('details').forEach(d => d.open = true)"
                    )  # folded parts too
                    page.add_script_tag(content=script)
                    violations += [f"{language} {width}px {scheme} /{path}: {v}" for v in page.evaluate(_AXE_RUN)]
                context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert violations == []


# What has keyboard focus: whether it can be seen, and its outline (or, for the palette switch's
# radio buttons, which the theme hides, their label's).
_FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const shown = e.classList.contains('md-option') ? e.nextElementSibling : e;
  const s = getComputedStyle(shown), r = shown.getBoundingClientRect();
  const name = e.tagName + '.' + [...e.classList].filter(c => c !== 'focus-visible').join('.') + ' '
    + (e.getAttribute('href') || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30));
  const inside = r.right > 0 && r.left < innerWidth;  // not in a drawer moved off the screen
  return {name, visible: r.width > 0 && r.height > 0 && inside && s.visibility !== 'hidden',
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
}"""


@pytest.mark.parametrize("width", [1280, 375])
def test_keyboard_reaches_every_control_with_a_visible_focus(browser: object, site_url: str, width: int) -> None:
    """Tabbing through a page of each kind stops only on what can be seen, and shows where it is
    with an outline at least 2 px thick (WCAG 2.4.7, 2.4.11 and 2.4.13)."""
    problems = []
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    for path in ("", "bodies/msf/", "meetings/2024-11-26-ordinary/", "commitments/xa0041-open-contracting/"):
        page.goto(site_url + path)
        seen = 0
        for _ in range(60):
            page.keyboard.press("Tab")
            focus = page.evaluate(_FOCUS)
            if focus is None:
                break
            seen += 1
            if not focus["visible"] or not focus["outline"]:
                problems.append(f"{width}px /{path}: {focus}")
        assert seen >= 20, (path, seen)
    context.close()
    assert problems == []


@pytest.mark.parametrize("width", [1280, 375])
def test_search_results_pass_axe_in_both_palettes(browser: object, site_url: str, width: int) -> None:
    """The search page with results shown, and the header's search form."""
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make tools` (make test does it)")
    script = AXE.read_text(encoding="utf-8")
    violations = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(site_url + "search/?q=contracting&kind=Meeting")
        search_results(page)
        page.add_script_tag(content=script)
        violations += [f"{width}px {scheme} search: {v}" for v in page.evaluate(_AXE_RUN)]
        context.close()
    assert violations == []
