// Charter's search box. The index is plain <script> files (so it works from file:// and
// under any path) and is loaded only when the box is first used.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector(".search-status");
  var root = form.getAttribute("data-root") || "";
  var requested = {};
  var active = -1;
  var timer = null;
  form.hidden = false;

  function load(name, done) {
    var data = window.charterSearch;
    if (name === "pages" ? data && data.pages : data && data.terms[name.slice(6)]) { done(); return; }
    if (requested[name]) { requested[name].push(done); return; }
    requested[name] = [done];
    var script = document.createElement("script");
    script.src = root + "search/" + name + ".js";
    script.onload = function () { requested[name].forEach(function (f) { f(); }); };
    script.onerror = function () { requested[name].forEach(function (f) { f(); }); };
    document.head.appendChild(script);
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2; });
  }

  function shard(word) {
    var c = word.charAt(0);
    return /[a-z0-9]/.test(c) ? c : "_";
  }

  function postings(word) {
    var terms = (window.charterSearch.terms || {})[shard(word)] || {};
    var found = {};
    Object.keys(terms).forEach(function (term) {
      if (term.lastIndexOf(word, 0) !== 0) return;
      var number = 0;
      terms[term].split(",").forEach(function (gap) {
        number += parseInt(gap, 36);
        found[number] = Math.max(found[number] || 0, term === word ? 2 : 1);
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
        var title = page[0].toLowerCase();
        var bonus = wanted.filter(function (w) { return title.indexOf(w) >= 0; }).length * 5;
        if (page[2] !== "playbook") bonus += 1;
        return { page: page, score: score[n] + bonus };
      });
      results.sort(function (a, b) { return b.score - a.score || (a.page[0] < b.page[0] ? -1 : 1); });
      show(results.slice(0, 20), query);
    }
    load("pages", ready);
    wanted.forEach(function (word) { load("terms-" + shard(word), ready); });
  }

  function highlight(element, text, wanted) {
    var lower = text.toLowerCase();
    var position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      wanted.forEach(function (w) {
        var at = lower.indexOf(w, position);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = w.length; }
      });
      if (next < 0) { element.appendChild(document.createTextNode(text.slice(position))); break; }
      if (next > position) element.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      element.appendChild(mark);
      position = next + length;
    }
  }

  function show(results, query) {
    list.textContent = "";
    active = -1;
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
      highlight(summary, result.page[3], wanted);
      link.appendChild(kind);
      item.appendChild(link);
      item.appendChild(summary);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = link.href; });
      list.appendChild(item);
    });
    list.hidden = !query.trim();
    input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    status.textContent = !query.trim() ? "" : results.length ? results.length + (results.length === 20 ? "+" : "") + " results" : "No results";
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
