// Charter's search box. The index is plain <script> files (so it works from file:// and
// under any path) and is loaded only when the box is first used: the page table, then one
// term shard per word typed, then the text of the results shown, for their excerpts.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector(".search-status");
  var root = form.getAttribute("data-root") || "";
  // The status line's words, in the site's language (the search partial sets them).
  var phrases = {
    one: form.getAttribute("data-results-one") || "1 result",
    many: form.getAttribute("data-results") || "{count} results",
    some: form.getAttribute("data-results-some") || "{shown} of {count} results",
    none: form.getAttribute("data-no-results") || "No results"
  };
  // What the index calls a playbook, in the site's language: other kinds of page rank higher.
  var playbookKind = form.getAttribute("data-playbook") || "playbook";
  var requested = {};
  var active = -1;
  var timer = null;
  var shown = 0;
  var LIMIT = 20;
  form.hidden = false;

  function loaded(name) {
    var data = window.charterSearch;
    if (!data) return false;
    if (name === "pages") return !!data.pages;
    if (name.lastIndexOf("text-", 0) === 0) return !!(data.text && data.text[name.slice(5)]);
    return !!data.terms[name.slice(6)];
  }

  function load(name, done) {
    if (loaded(name)) { done(); return; }
    if (requested[name]) { requested[name].push(done); return; }
    requested[name] = [done];
    var script = document.createElement("script");
    script.src = root + "search/" + name + ".js";
    script.onload = script.onerror = function () {
      var waiting = requested[name];
      delete requested[name];
      waiting.forEach(function (f) { f(); });
    };
    document.head.appendChild(script);
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2; });
  }

  function shard(word) {
    var c = word.charAt(0);
    return /[a-z0-9]/.test(c) ? c : "_";
  }

  // The entries a word finds, each with its weight: a term in the title, a heading or a keyword
  // (its gap ends in "*") counts more than one in the body; the whole word more than a prefix.
  function postings(word) {
    var terms = (window.charterSearch.terms || {})[shard(word)] || {};
    var found = {};
    Object.keys(terms).forEach(function (term) {
      if (term.lastIndexOf(word, 0) !== 0) return;
      var exact = term === word;
      var number = 0;
      terms[term].split(",").forEach(function (gap) {
        number += parseInt(gap, 36);
        var strong = gap.charAt(gap.length - 1) === "*";
        var weight = strong ? (exact ? 10 : 7) : (exact ? 2 : 1);
        found[number] = Math.max(found[number] || 0, weight);
      });
    });
    return found;
  }

  function search(query) {
    var wanted = words(query);
    if (!wanted.length) { show([], query); return; }
    var pending = 1 + wanted.length;
    function ready() {
      if (--pending > 0) return;
      if (input.value !== query) return;
      var pages = window.charterSearch.pages || [];
      var score = null;
      wanted.forEach(function (word) {
        var hits = postings(word);
        var next = {};
        Object.keys(hits).forEach(function (n) {
          if (score === null || n in score) next[n] = (score ? score[n] : 0) + hits[n];
        });
        score = next;
      });
      var results = Object.keys(score || {}).map(function (n) {
        var page = pages[n];
        var inTitle = wanted.filter(function (w) { return find(page[0], w, 0) >= 0; }).length;
        var bonus = inTitle * 5 + (page[2] !== playbookKind ? 1 : 0);
        return { number: +n, page: page, score: score[n] + bonus };
      });
      results.sort(function (a, b) { return b.score - a.score || (a.page[0] < b.page[0] ? -1 : 1); });
      show(results.slice(0, LIMIT), query, results.length);
    }
    load("pages", ready);
    wanted.forEach(function (word) { load("terms-" + shard(word), ready); });
  }

  function isWordCharacter(c) { return /[\p{L}\p{N}]/u.test(c); }

  // Where a word of the text starts with `word`, from `from` on; -1 when nowhere.
  function find(text, word, from) {
    var lower = text.toLowerCase();
    var at = lower.indexOf(word, from);
    while (at >= 0) {
      if (at === 0 || !isWordCharacter(lower.charAt(at - 1))) return at;
      at = lower.indexOf(word, at + 1);
    }
    return -1;
  }

  // A short piece of the text around the first word found, cut at spaces; null when none is there.
  function excerpt(text, wanted) {
    var first = -1;
    wanted.forEach(function (w) {
      var at = find(text, w, 0);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    if (first < 0) return null;
    var start = Math.max(0, first - 40), end = Math.min(text.length, first + 100);
    if (start > 0) { var space = text.indexOf(" ", start); start = space >= 0 && space < first ? space + 1 : start; }
    if (end < text.length) { var last = text.lastIndexOf(" ", end); end = last > first ? last : end; }
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  // Appends the text to the element with every word that starts with a wanted word marked.
  function highlight(element, text, wanted) {
    var position = 0;
    while (position < text.length) {
      var next = -1;
      wanted.forEach(function (w) {
        var at = find(text, w, position);
        if (at >= 0 && (next < 0 || at < next)) next = at;
      });
      if (next < 0) { element.appendChild(document.createTextNode(text.slice(position))); break; }
      var end = next;
      while (end < text.length && isWordCharacter(text.charAt(end))) end++;
      if (next > position) element.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, end);
      element.appendChild(mark);
      position = end;
    }
  }

  // Replaces each result's summary with an excerpt of its text, once that text has loaded.
  function excerpts(results, wanted, generation) {
    var chunk = window.charterSearch.textChunk || 0;
    if (!chunk) return;
    results.forEach(function (result, index) {
      var file = Math.floor(result.number / chunk);
      load("text-" + file, function () {
        if (generation !== shown) return;
        var texts = (window.charterSearch.text || {})[file];
        var text = texts && texts[result.number % chunk];
        var piece = text && excerpt(text, wanted);
        var summary = document.getElementById("search-result-" + index + "-text");
        if (!piece || !summary) return;
        summary.textContent = "";
        highlight(summary, piece, wanted);
      });
    });
  }

  function show(results, query, total) {
    list.textContent = "";
    active = -1;
    shown += 1;
    input.removeAttribute("aria-activedescendant");
    var wanted = words(query);
    results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.id = "search-result-" + index;
      item.setAttribute("role", "option");
      var link = document.createElement("a");
      link.href = root + result.page[1];
      link.tabIndex = -1;
      highlight(link, result.page[0], wanted);
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = result.page[2];
      var summary = document.createElement("span");
      summary.className = "search-summary";
      summary.id = item.id + "-text";
      highlight(summary, result.page[3], wanted);
      link.appendChild(kind);
      item.appendChild(link);
      item.appendChild(summary);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = link.href; });
      list.appendChild(item);
    });
    excerpts(results, wanted, shown);
    list.hidden = !query.trim();
    input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    status.textContent = !query.trim() ? "" : !results.length ? phrases.none
      : (total > results.length ? phrases.some.replace("{shown}", results.length.toLocaleString(document.documentElement.lang || undefined))
        : total === 1 ? phrases.one : phrases.many).replace("{count}", total.toLocaleString(document.documentElement.lang || undefined));
  }

  function move(step) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    if (active >= 0) items[active].removeAttribute("aria-selected");
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", function () { load("pages", function () {}); }, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 80);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Escape") { input.value = ""; show([], ""); }
    else if (event.key === "Enter") {
      var items = list.querySelectorAll("[role=option] a");
      var chosen = items[active >= 0 ? active : 0];
      if (chosen) window.location.href = chosen.href;
      event.preventDefault();
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("blur", function () { setTimeout(function () { list.hidden = true; input.setAttribute("aria-expanded", "false"); }, 150); });
})();
