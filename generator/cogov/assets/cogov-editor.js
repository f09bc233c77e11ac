/* cogov's part of the form editor (Decap CMS), loaded before it.
 *
 * Before each save, the entry is cleaned so that what the editor writes passes the check: a field
 * typed in and then cleared is left out instead of being written as "" or null, an object or a
 * list left empty is left out, the keys of every object follow the form's order (the schema's),
 * which Decap keeps only for the top level, and tabs that start a line of text become spaces.
 * The editor's own words that Decap lacks in the site's language are filled in (WORDS). ORDER is filled in by cogov when it
 * publishes the editor: for each collection, its field names ("") and those of its objects.
 */
(function () {
  "use strict";
  var ORDER = /*ORDER*/{};
  // The editor's own words that Decap lacks in the site's language, from cogov's catalogue.
  var WORDS = /*WORDS*/{};
  var KEYED = "@@__IMMUTABLE_KEYED__@@";
  var INDEXED = "@@__IMMUTABLE_INDEXED__@@";

  function rank(order, key) {
    var at = order && order[""] ? order[""].indexOf(key) : -1;
    return at === -1 ? 1e9 : at;
  }

  function clean(value, order) {
    if (value === null || value === undefined) return undefined;
    if (value[KEYED]) {
      var map = value
        .map(function (inner, key) { return clean(inner, order && order[key]); })
        .filter(function (inner) { return inner !== undefined; })
        .sortBy(function (inner, key) { return rank(order, key); });
      return map.size ? map : undefined;
    }
    if (value[INDEXED]) {
      var list = value
        .map(function (inner) { return clean(inner, order); })
        .filter(function (inner) { return inner !== undefined; });
      return list.size ? list : undefined;
    }
    if (typeof value === "string" && value.trim() === "") return undefined;
    // A line of text that starts with a tab would be written where YAML readers refuse it.
    if (typeof value === "string" && value.indexOf("\n") !== -1) {
      return value.replace(/^\t+/gm, function (tabs) { return "    ".repeat(tabs.length); });
    }
    if (typeof value === "number" && isNaN(value)) return undefined;
    return value;
  }

  function fill(target, words) {
    Object.keys(words).forEach(function (key) {
      if (typeof words[key] === "object") {
        target[key] = target[key] || {};
        fill(target[key], words[key]);
      } else if (target[key] === undefined) {
        target[key] = words[key];
      }
    });
    return target;
  }

  window.CMS_MANUAL_INIT = true;
  document.addEventListener("DOMContentLoaded", function () {
    var CMS = window.CMS;
    if (WORDS.locale && WORDS.phrases) {
      CMS.registerLocale(WORDS.locale, fill(CMS.getLocale(WORDS.locale) || {}, WORDS.phrases));
    }
    CMS.registerEventListener({
      name: "preSave",
      handler: function (event) {
        var data = event.entry.get("data");
        var cleaned = clean(data, ORDER[event.entry.get("collection")]);
        return cleaned === undefined ? data.clear() : cleaned;
      },
    });
    CMS.init();
  });
})();
