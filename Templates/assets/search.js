// Charter's search box. The index is plain <script> files (so it works from file:// and
// under any path) and is loaded only as a query needs it: search/meta.js (where each term
// shard starts, the kinds' ranges, the filters' values), the shard each word falls in, then
// the entries of the results on screen. A word that finds nothing loads the words of its
// first letter to correct one typo. window.charterSearchQuery(query, filters) runs a query
// and resolves to its ranked results, for themes and tests.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var input = form && form.querySelector("input");
  var list = form && form.querySelector("[role=listbox]");
  var status = form && form.querySelector(".search-status");
  var note = form && form.querySelector(".search-note");
  var root = form ? form.getAttribute("data-root") || "" : "";
  var PAGE = 10;

  function store() { return window.charterSearch || {}; }

  // Loads search/<file>.js once, unless `present` already finds what it defines.
  var pending = {};
  function need(file, present) {
    if (present()) return Promise.resolve();
    if (!pending[file]) {
      pending[file] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = root + "search/" + file + ".js";
        script.onload = script.onerror = function () { resolve(); };
        document.head.appendChild(script);
      });
    }
    return pending[file];
  }
  function meta() {
    return need("meta", function () { return store().meta; }).then(function () {
      return store().meta || { entries: 0, perFile: 1, shards: [], kinds: [], facets: {} };
    });
  }
  function shard(name) {
    return need("terms-" + name, function () { return (store().terms || {})[name]; })
      .then(function () { return (store().terms || {})[name] || {}; });
  }
  function entry(m, number) {
    var file = Math.floor(number / m.perFile);
    return need("entries-" + file, function () { return (store().entries || {})[file]; })
      .then(function () { return ((store().entries || {})[file] || [])[number % m.perFile] || null; });
  }

  // Words as the index has them: lower case, accents dropped, runs of letters, marks and digits.
  var ACCENTS = /[\u0300-\u036f]/g;
  function fold(text) { return text.toLowerCase().normalize("NFD").replace(ACCENTS, "").normalize("NFC"); }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}\p{M}]+/u).filter(function (w) { return w.length >= 2; });
  }

  // The shards a word's terms can be in: the one it falls in, and for a prefix the next ones
  // that start with it (three at most).
  function shardsOf(m, word, prefix) {
    var low = 0, high = m.shards.length - 1, at = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (m.shards[middle][0] <= word) { at = middle; low = middle + 1; } else { high = middle - 1; }
    }
    var names = m.shards.length ? [m.shards[at][1]] : [];
    for (var i = at + 1; prefix && i < m.shards.length && names.length < 3 && m.shards[i][0].lastIndexOf(word, 0) === 0; i++) {
      names.push(m.shards[i][1]);
    }
    return names;
  }

  // The loaded shards a word's terms can be in.
  function shardsFor(m, word, prefix) { return Promise.all(shardsOf(m, word, prefix).map(shard)); }

  // Calls visit(number, where, position) for each entry of a term's postings: where is 2 for
  // its title, 1 for a heading or keyword, 0 for its text, at `position` (words / 8).
  function postings(line, visit) {
    var number = 0, gap = 0, i = 0, n = line.length;
    while (i < n) {
      var c = line.charCodeAt(i);
      if (c >= 48 && c <= 57) { gap = gap * 36 + c - 48; i++; continue; }
      if (c >= 97 && c <= 122) { gap = gap * 36 + c - 87; i++; continue; }
      number += gap;
      gap = 0;
      if (c === 33) { visit(number, 2, -1); i++; }
      else if (c === 42) { visit(number, 1, -1); i++; }
      else {
        var position = 0;
        while (i < n && (c = line.charCodeAt(i)) >= 65 && c <= 90) { position = position * 26 + c - 65; i++; }
        visit(number, 0, position);
      }
    }
  }

  // What a match is worth: a title beats a heading or keyword, which beats the text; the whole
  // word beats a word it starts.
  var WEIGHT = [[2, 1], [6, 4], [12, 8]];

  // The entries a word finds, by number: { weight, position } (position -1 outside the text).
  function matches(shards, word, exactOnly) {
    var found = {}, any = false;
    shards.forEach(function (terms) {
      Object.keys(terms).forEach(function (term) {
        if (term.charAt(0) === ":" || term.lastIndexOf(word, 0) !== 0) return;
        var exact = term === word;
        if (exactOnly && !exact) return;
        any = true;
        postings(terms[term], function (number, where, position) {
          var weight = WEIGHT[where][exact ? 0 : 1];
          var old = found[number];
          if (!old) { found[number] = { weight: weight, position: position }; return; }
          if (weight > old.weight) old.weight = weight;
          if (position >= 0 && (old.position < 0 || position < old.position)) old.position = position;
        });
      });
    });
    return any ? found : null;
  }

  // Whether two words differ by one letter added, dropped, changed or two swapped.
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1)
        || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function letterOf(word) { return /[a-z0-9]/.test(word.charAt(0)) ? word.charAt(0) : "_"; }

  // A word's matches, corrected when it finds nothing: the most frequent word of the same first
  // letter one edit away.
  function lookup(m, word) {
    return shardsFor(m, word, true).then(function (shards) {
      var found = matches(shards, word, false);
      if (found || word.length < 4) return { word: word, found: found || {} };
      var letter = letterOf(word);
      return need("words-" + letter, function () { return (store().words || {})[letter] !== undefined; }).then(function () {
        var known = (store().words || {})[letter] || [];
        var better = null;
        for (var i = 0; i < known.length && !better; i++) {
          if (known[i].charAt(0) === word.charAt(0) && oneEdit(word, known[i])) better = known[i];
        }
        if (!better) return { word: word, found: {} };
        return shardsFor(m, better, false).then(function (shards) {
          return { word: better, typed: word, found: matches(shards, better, true) || {} };
        });
      });
    });
  }

  // The entry numbers a filter allows, or null when it allows all.
  function allowed(m, filters) {
    var sets = [];
    var kind = filters && filters.kind;
    if (kind) {
      sets.push(Promise.resolve(function (number) {
        return m.kinds.some(function (run) { return run[0] === kind && number >= run[2] && number < run[3]; });
      }));
    }
    ["strategy", "stage", "tag"].forEach(function (group) {
      var value = filters && filters[group];
      if (!value) return;
      var term = ":" + group + ":" + value;
      sets.push(shardsFor(m, term, false).then(function (shards) {
        var numbers = {};
        shards.forEach(function (terms) { if (terms[term]) postings(terms[term], function (n) { numbers[n] = true; }); });
        return function (number) { return numbers[number] === true; };
      }));
    });
    return Promise.all(sets).then(function (tests) {
      return tests.length ? function (number) { return tests.every(function (test) { return test(number); }); } : null;
    });
  }

  var KIND_BONUS = { strategy: 3, team: 1, party: 1, objective: 1, stage: 1, responsibility: 1 };

  function kindOf(m, number) {
    for (var i = 0; i < m.kinds.length; i++) if (number >= m.kinds[i][2] && number < m.kinds[i][3]) return m.kinds[i][0];
    return "";
  }

  // Runs a query: { results: [{ number, score }], wanted: the words found, corrections: [[typed, found]] }.
  function query(text, filters) {
    var wanted = words(text);
    if (!wanted.length) return Promise.resolve({ results: [], wanted: [], corrections: [] });
    return meta().then(function (m) {
      return Promise.all([Promise.all(wanted.map(function (w) { return lookup(m, w); })), allowed(m, filters)]).then(function (parts) {
        var looked = parts[0], test = parts[1];
        var scores = null;
        looked.forEach(function (result, index) {
          var next = {};
          Object.keys(result.found).forEach(function (n) {
            if (scores && !(n in scores)) return;
            var hit = result.found[n];
            var entry = scores ? scores[n] : { weight: 0, positions: [] };
            next[n] = { weight: entry.weight + hit.weight, positions: entry.positions.concat([hit.position]) };
          });
          scores = next;
        });
        var results = [];
        Object.keys(scores || {}).forEach(function (key) {
          var number = +key;
          if (test && !test(number)) return;
          var entry = scores[key], score = entry.weight + (KIND_BONUS[kindOf(m, number)] || 0);
          // Words near each other in the text beat scattered ones.
          if (entry.positions.length > 1 && entry.positions.every(function (p) { return p >= 0; })) {
            var spread = Math.max.apply(null, entry.positions) - Math.min.apply(null, entry.positions);
            score += spread <= 1 ? 3 : spread <= 4 ? 1 : 0;
          }
          results.push({ number: number, score: score });
        });
        results.sort(function (a, b) { return b.score - a.score || a.number - b.number; });
        return {
          results: results,
          wanted: looked.map(function (r) { return r.word; }),
          corrections: looked.filter(function (r) { return r.typed; }).map(function (r) { return [r.typed, r.word]; })
        };
      });
    });
  }

  // Ranked results with their entries: [{ title, path, kind, summary, score }].
  window.charterSearchQuery = function (text, filters, count) {
    return query(text, filters).then(function (found) {
      return meta().then(function (m) {
        var top = found.results.slice(0, count || PAGE);
        return Promise.all(top.map(function (r) { return entry(m, r.number); })).then(function (rows) {
          return {
            total: found.results.length,
            corrections: found.corrections,
            results: rows.map(function (row, i) {
              return { title: row && row[0], path: row && row[1], kind: row && row[2], summary: row && row[3], score: top[i].score };
            })
          };
        });
      });
    });
  };

  if (!form) return;
  var phrases = {
    one: form.getAttribute("data-results-one") || "1 result",
    many: form.getAttribute("data-results") || "{count} results",
    some: form.getAttribute("data-results-some") || "{shown} of {count} results",
    none: form.getAttribute("data-no-results") || "No results",
    corrected: form.getAttribute("data-corrected") || "Showing results for {word}"
  };
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var active = -1;
  var timer = null;
  var generation = 0;
  var current = null;
  form.hidden = false;

  function isWordCharacter(c) { return /[\p{L}\p{N}\p{M}]/u.test(c); }

  // The text folded as words are, with where each of its characters came from.
  function folded(text) {
    var out = "", from = [];
    for (var i = 0; i < text.length;) {
      var character = String.fromCodePoint(text.codePointAt(i));
      var f = fold(character);
      for (var k = 0; k < f.length; k++) { out += f[k]; from.push(i); }
      i += character.length;
    }
    from.push(text.length);
    return { text: out, from: from };
  }

  // Where a word of the folded text starts with `word`, from `start` on; -1 when nowhere.
  function find(text, word, start) {
    var at = text.indexOf(word, start);
    while (at >= 0) {
      if (at === 0 || !isWordCharacter(text.charAt(at - 1))) return at;
      at = text.indexOf(word, at + 1);
    }
    return -1;
  }

  // A short piece of the text around the first word found, cut at spaces; null when none is there.
  function excerpt(text, wanted) {
    var f = folded(text), first = -1;
    wanted.forEach(function (w) {
      var at = find(f.text, w, 0);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    if (first < 0) return null;
    first = f.from[first];
    var start = Math.max(0, first - 40), end = Math.min(text.length, first + 100);
    if (start > 0) { var space = text.indexOf(" ", start); start = space >= 0 && space < first ? space + 1 : start; }
    if (end < text.length) { var last = text.lastIndexOf(" ", end); end = last > first ? last : end; }
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  // Appends the text to the element with every word that starts with a wanted word marked.
  function highlight(element, text, wanted) {
    var f = folded(text), position = 0;
    while (position < f.text.length) {
      var next = -1;
      wanted.forEach(function (w) {
        var at = find(f.text, w, position);
        if (at >= 0 && (next < 0 || at < next)) next = at;
      });
      if (next < 0) break;
      var end = next;
      while (end < f.text.length && isWordCharacter(f.text.charAt(end))) end++;
      if (next > position) element.appendChild(document.createTextNode(text.slice(f.from[position], f.from[next])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(f.from[next], f.from[end]);
      element.appendChild(mark);
      position = end;
    }
    if (f.from[position] < text.length) element.appendChild(document.createTextNode(text.slice(f.from[position])));
  }

  function filters() {
    var chosen = {};
    selects.forEach(function (select) { if (select.value) chosen[select.getAttribute("data-filter")] = select.value; });
    return chosen;
  }

  // Fills the filters' lists from the index, once; a filter with nothing to offer is hidden.
  var filled = false;
  function fill() {
    if (filled) return;
    filled = true;
    meta().then(function (m) {
      selects.forEach(function (select) {
        var group = select.getAttribute("data-filter");
        var values = group === "kind"
          ? m.kinds.filter(function (run, i) { return m.kinds.findIndex(function (r) { return r[0] === run[0]; }) === i; })
            .map(function (run) { return [run[0], run[1]]; })
          : (m.facets[group] || []);
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value[0];
          option.textContent = value[1];
          select.appendChild(option);
        });
        select.parentNode.hidden = values.length < (group === "kind" ? 2 : 1);
      });
    });
  }

  function say(found, shownCount) {
    var total = found.results.length, lang = document.documentElement.lang || undefined;
    var count = !total ? phrases.none
      : (total > shownCount ? phrases.some.replace("{shown}", shownCount.toLocaleString(lang))
        : total === 1 ? phrases.one : phrases.many).replace("{count}", total.toLocaleString(lang));
    var corrected = found.corrections.map(function (c) { return phrases.corrected.replace("{word}", c[1]); }).join(" ");
    note.textContent = corrected;
    note.hidden = !corrected;
    status.textContent = (corrected ? corrected + ". " : "") + count;
  }

  // Shows the next page of results: their entries load first, then they are listed together.
  function more(found, mine) {
    var shownCount = list.querySelectorAll("[role=option]").length;
    var next = found.results.slice(shownCount, shownCount + PAGE);
    if (!next.length) return Promise.resolve();
    return meta().then(function (m) {
      return Promise.all(next.map(function (r) { return entry(m, r.number); })).then(function (rows) {
        if (mine !== generation) return;
        rows.forEach(function (row, i) {
          if (!row) return;
          var index = shownCount + i;
          var item = document.createElement("li");
          item.id = "search-result-" + index;
          item.setAttribute("role", "option");
          // The option holds no link, which would be a control inside a control: choosing it
          // (a click, or Enter on it) opens its page.
          item.setAttribute("data-href", root + row[1]);
          var link = document.createElement("span");
          link.className = "search-title";
          highlight(link, row[0], found.wanted);
          var kind = document.createElement("span");
          kind.className = "search-kind";
          kind.textContent = row[2];
          var summary = document.createElement("span");
          summary.className = "search-summary";
          var piece = row[4] && excerpt(row[4], found.wanted);
          highlight(summary, piece || row[3], found.wanted);
          link.appendChild(kind);
          item.appendChild(link);
          item.appendChild(summary);
          item.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = item.getAttribute("data-href"); });
          list.appendChild(item);
        });
        say(found, list.querySelectorAll("[role=option]").length);
      });
    });
  }

  function search() {
    var text = input.value, chosen = filters(), mine = ++generation;
    query(text, chosen).then(function (found) {
      if (mine !== generation) return;
      current = found;
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = !text.trim();
      input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
      if (!text.trim()) { status.textContent = ""; note.textContent = ""; note.hidden = true; return; }
      say(found, 0);
      more(found, mine);
    });
  }

  function move(step) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    if (step > 0 && active === items.length - 1 && current && current.results.length > items.length) {
      more(current, generation).then(function () { move(step); });
      return;
    }
    if (active >= 0) items[active].removeAttribute("aria-selected");
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", function () { meta(); fill(); }, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 40);
  });
  selects.forEach(function (select) { select.addEventListener("change", search); });
  form.querySelector(".search-filters").addEventListener("toggle", fill);
  list.addEventListener("scroll", function () {
    if (current && list.scrollTop + list.clientHeight >= list.scrollHeight - 40) more(current, generation);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Escape") { input.value = ""; search(); }
    else if (event.key === "Enter") {
      var items = list.querySelectorAll("[role=option]");
      var chosen = items[active >= 0 ? active : 0];
      if (chosen) window.location.href = chosen.getAttribute("data-href");
      event.preventDefault();
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("blur", function () {
    setTimeout(function () {
      // Not while the reader is choosing a filter.
      if (form.contains(document.activeElement)) return;
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }, 150);
  });
  input.addEventListener("focus", function () { if (input.value.trim() && list.children.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } });
})();
