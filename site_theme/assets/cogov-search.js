/* The search page (search/, site_theme/search-page.html): searches the site's Pagefind index,
 * which `cogov build` writes into pagefind/. Only the parts of the index that a search needs are
 * loaded, so a first search costs about the same on a small site and on a large archive.
 *
 * The words come from cogov's catalogue in the site's language (the form's data-words). Results
 * are built as elements with their text set, never as markup; only Pagefind's <mark> around the
 * matched words is kept. The query and filters live in the address (?q=&kind=&year=), so a
 * search can be shared and the header's form (which works without JavaScript) leads here.
 *
 * On every page, first: the theme's script downloads the sitemap beside each
 * <link rel="alternate"> of the page, to map a language menu that cogov does not use (its header
 * links to the same page in each language). Every page links its feed, and the sitemap grows with
 * the archive (42 KB compressed at 10,000 records), so each page view would pay for it. The links
 * cogov writes (marked data-cogov) stay in the page as feed readers and search engines read them;
 * in the browser they become rel="alternate " (the same link type, read as space-separated
 * words), which the theme's exact match skips. This script is deferred, so it runs before the
 * theme looks (on DOMContentLoaded). */
(function () {
  "use strict";

  document.querySelectorAll('link[rel="alternate"][data-cogov]').forEach(function (link) {
    link.setAttribute("rel", "alternate ");
  });

  var form = document.querySelector("form.cogov-search__form");
  if (!form) return;

  var words = JSON.parse(form.getAttribute("data-words") || "{}");
  var language = words.language || document.documentElement.lang || "en";
  var input = document.getElementById("cogov-q");
  var kind = document.getElementById("cogov-kind");
  var year = document.getElementById("cogov-year");
  var status = document.getElementById("cogov-search-status");
  var list = document.getElementById("cogov-search-results");
  var moreBox = document.querySelector(".cogov-search__more");
  var more = document.getElementById("cogov-search-more");
  var lists = document.getElementById("cogov-search-lists");
  var PAGE = 10;
  var FIRST = 3; // the results a phone shows before the visitor scrolls
  var plural = new Intl.PluralRules(language);
  var root = new URL(form.getAttribute("data-root") || "./", location.href).pathname.replace(/\/?$/, "/");
  var bundle = new URL(form.getAttribute("data-bundle") || "../pagefind/", location.href);
  var pagefind = null;
  var results = [];
  var shown = 0;
  var run = 0;
  var shownFor = null;
  var asked = Promise.resolve(); // the search the index is working on, if any

  function say(text) {
    status.textContent = text;
  }

  function counted(n) {
    var forms = words.results || {};
    var text = forms[plural.select(n)] || forms.other || "{count}";
    return text.replace("{count}", n.toLocaleString(language));
  }

  function failed() {
    say(words.failed || "");
    lists.hidden = false;
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
        return module.options({ baseUrl: root, excerptLength: 24 }).then(function () {
          module.init();
          return module;
        });
      });
      pagefind.catch(failed);
    }
    return pagefind;
  }

  function find(query, filters, mine) {
    // The index answers one search at a time, in turn, and a search of common words on a large
    // archive takes most of a second on a phone: longer than a visitor's pause between two keys.
    // So a search asked for while another runs waits for it, and is dropped if other words or
    // filters were asked for meanwhile: only the latest runs next, instead of every one in turn.
    function start() {
      if (mine !== run) return null;
      return load().then(function (module) {
        return module.search(query || null, { filters: filters });
      });
    }
    var found = asked.then(start, start);
    asked = found.then(
      function () {},
      function () {}
    );
    return found;
  }

  function chosen() {
    var filters = {};
    if (kind.value) filters.kind = kind.value;
    if (year.value) filters.year = year.value;
    return filters;
  }

  function excerpt(markup) {
    // Pagefind's excerpt is text with <mark> around the matched words: keep exactly that.
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + markup + "</body>", "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.append(link);
    li.append(heading);
    var details = [];
    if (data.filters && data.filters.kind && data.filters.kind.length) details.push(data.filters.kind[0]);
    if (data.meta && data.meta.date) details.push(data.meta.date);
    if (details.length) {
      var meta = document.createElement("p");
      meta.className = "cogov-search__detail";
      meta.textContent = details.join(" · ");
      li.append(meta);
    }
    if (data.excerpt) li.append(excerpt(data.excerpt));
    return li;
  }

  function showMore() {
    // Each result is shown as soon as its own part arrives, in the order of relevance. Each part is
    // a file a round trip away, and a browser opens at most six connections to a site: a new
    // search asks for its first three parts, and for the rest once they have come and its words
    // are still the latest. While a visitor types, every pause starts a search; asking for ten
    // parts each time would queue them behind each other, and the last words' results behind them.
    var mine = run;
    var first = shown;
    var slice = results.slice(shown, shown + PAGE);
    shown += slice.length;
    moreBox.hidden = true;
    var places = slice.map(function () {
      var li = document.createElement("li");
      li.hidden = true;
      list.append(li);
      return li;
    });
    function fill(from, to) {
      if (mine !== run) return Promise.resolve();
      return Promise.all(
        slice.slice(from, to).map(function (result, i) {
          return result.data().then(function (data) {
            if (mine !== run) return;
            places[from + i].replaceWith(item(data));
            list.setAttribute("data-for", shownFor); // what the results shown are for
          });
        })
      );
    }
    var ahead = first > 0 ? PAGE : FIRST; // "More results" was asked for: all of them at once
    var firstShown = fill(0, ahead);
    firstShown
      .then(function () {
        return fill(ahead, PAGE);
      })
      .then(function () {
        if (mine !== run) return;
        moreBox.hidden = shown >= results.length;
        if (first > 0 && list.children[first]) list.children[first].querySelector("a").focus();
      })
      .catch(failed);
    return firstShown; // the status line says how many were found once the first are shown
  }

  function remember(query, filters) {
    var address = new URLSearchParams();
    if (query) address.set("q", query);
    Object.keys(filters).forEach(function (key) {
      address.set(key, filters[key]);
    });
    var text = address.toString();
    history.replaceState(null, "", text ? "?" + text : location.pathname);
  }

  function search() {
    var mine = ++run;
    var query = input.value.trim();
    var filters = chosen();
    shownFor = query + "\n" + JSON.stringify(filters);
    remember(query, filters);
    results = [];
    shown = 0;
    list.replaceChildren();
    moreBox.hidden = true;
    if (!query && !Object.keys(filters).length) {
      say("");
      return Promise.resolve();
    }
    say(words.busy || "");
    return find(query, filters, mine)
      .then(function (found) {
        if (mine !== run || !found) return;
        results = found.results;
        if (!results.length) list.setAttribute("data-for", shownFor);
        return showMore().then(function () {
          if (mine === run) say(results.length ? counted(results.length) : words.none || "");
        });
      })
      .catch(failed);
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  [kind, year].forEach(function (select) {
    var value = params.get(select.name);
    if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.value = value;
    }
  });
  lists.hidden = true;
  if (input.value || kind.value || year.value) {
    search();
  } else {
    load().catch(failed); // ready before the visitor has typed
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    // The results of these very words and filters may already be shown.
    if (shownFor !== input.value.trim() + "\n" + JSON.stringify(chosen())) search();
  });
  kind.addEventListener("change", search);
  year.addEventListener("change", search);
  more.addEventListener("click", showMore);
  // While the visitor types, fetch the parts of the index the words will need (Pagefind loads
  // each part once), and search once they pause (150 ms), as the theme's own search did: results follow
  // the words, and pressing Enter has little or nothing left to wait for.
  var typing = 0;
  input.addEventListener("input", function () {
    var query = input.value.trim();
    if (query) {
      load().then(function (module) {
        module.preload(query, { filters: chosen() });
      });
    }
    clearTimeout(typing);
    typing = setTimeout(search, 150);
  });
  // Arrived from the header's search button with nothing typed (on a phone): ready to type.
  if (params.has("q") && !input.value) input.focus();
})();
