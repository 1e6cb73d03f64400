(function () {
  "use strict";
  if (window.__charterLive) return;
  window.__charterLive = true;
  var me = document.currentScript;
  var pageBuild = me ? Number(me.getAttribute("data-charter-build")) : 0;
  var scrollKey = "charter-scroll:" + location.pathname + location.search;
  var overlay = null, shownKey = null, dismissed = null, lastFocus = null;

  try {
    var saved = sessionStorage.getItem(scrollKey);
    if (saved) {
      sessionStorage.removeItem(scrollKey);
      var at = JSON.parse(saved);
      var restore = function () { window.scrollTo(at.x, at.y); };
      restore();
      window.addEventListener("load", restore);
    }
  } catch (e) {}

  function reload() {
    try { sessionStorage.setItem(scrollKey, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (e) {}
    location.reload();
  }

  function swapStylesheets(paths, build) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    var swapped = 0;
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin || paths.indexOf(decodeURIComponent(url.pathname).replace(/^\//, "")) < 0) continue;
      var next = link.cloneNode();
      url.search = "?charter=" + build;
      next.href = url.pathname + url.search;
      next.addEventListener("load", function (old) { return function () { old.remove(); }; }(link));
      next.addEventListener("error", function (old) { return function () { old.remove(); }; }(link));
      link.after(next);
      swapped++;
    }
    return swapped > 0;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  var style = [
    "#charter-overlay{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:flex-start;justify-content:center;",
    "padding:4vh 1rem;background:rgba(0,0,0,.45);overflow:auto;font:inherit;line-height:1.5}",
    "#charter-overlay .charter-panel{box-sizing:border-box;width:100%;max-width:var(--measure,46rem);",
    "background:var(--background,#fff);color:var(--text,#1d2430);border:1px solid var(--border,#d6dbe3);",
    "border-top:4px solid var(--danger,#cf222e);border-radius:6px;padding:1rem 1.25rem;box-shadow:0 8px 30px rgba(0,0,0,.3)}",
    "#charter-overlay .charter-panel:focus{outline:2px solid var(--accent,#1f5fbf);outline-offset:2px}",
    "#charter-overlay header{display:flex;gap:1rem;align-items:flex-start;justify-content:space-between}",
    "#charter-overlay h2{margin:0;font-size:1.2rem;color:var(--danger,#cf222e)}",
    "#charter-overlay button{font:inherit;cursor:pointer;background:var(--surface,#f4f6f9);color:var(--text,#1d2430);",
    "border:1px solid var(--border,#d6dbe3);border-radius:4px;padding:.2rem .6rem}",
    "#charter-overlay button:focus-visible{outline:2px solid var(--accent,#1f5fbf);outline-offset:2px}",
    "#charter-overlay .charter-lead{color:var(--muted,#5a6473);margin:.5rem 0 1rem}",
    "#charter-overlay ol{list-style:none;margin:0;padding:0}",
    "#charter-overlay li{border-top:1px solid var(--border,#d6dbe3);padding:.6rem 0}",
    "#charter-overlay code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;",
    "background:var(--code,#f0f2f5);padding:.05rem .3rem;border-radius:3px;overflow-wrap:anywhere}",
    "#charter-overlay .charter-severity{font-weight:600;text-transform:uppercase;font-size:.8em;margin:0 .4rem}",
    "#charter-overlay .charter-error{color:var(--danger,#cf222e)}#charter-overlay .charter-warning{color:var(--warn,#9a6700)}",
    "#charter-overlay .charter-note{color:var(--muted,#5a6473)}",
    "#charter-overlay p{margin:.25rem 0 0}#charter-overlay .charter-fix{color:var(--ok,#1a7f37)}"
  ].join("");

  function hide(restoreFocus) {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    if (restoreFocus && lastFocus && lastFocus.focus) lastFocus.focus();
  }

  function show(status) {
    var key = status.attempt;
    if (dismissed === key) return;
    hide(false);
    shownKey = key;
    if (!document.getElementById("charter-overlay-style")) {
      var sheet = el("style");
      sheet.id = "charter-overlay-style";
      sheet.textContent = style;
      document.head.appendChild(sheet);
    }
    overlay = el("div");
    overlay.id = "charter-overlay";
    var panel = el("div", "charter-panel");
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-modal", "false");
    panel.setAttribute("aria-labelledby", "charter-overlay-title");
    panel.setAttribute("aria-describedby", "charter-overlay-lead");
    panel.tabIndex = -1;
    var header = el("header");
    var title = el("h2", null, status.title);
    title.id = "charter-overlay-title";
    var words = status.words || {};
    var close = el("button", null, words.dismiss || "Dismiss");
    close.type = "button";
    close.setAttribute("aria-label", words.dismissLabel || "Dismiss (Escape)");
    close.addEventListener("click", function () { dismissed = key; hide(true); });
    header.appendChild(title);
    header.appendChild(close);
    panel.appendChild(header);
    var lead = el("p", "charter-lead", status.message);
    lead.id = "charter-overlay-lead";
    panel.appendChild(lead);
    var list = el("ol");
    (status.diagnostics || []).forEach(function (d) {
      var item = el("li");
      var line = el("div");
      line.appendChild(el("code", null, d.location.path + ":" + d.location.line + ":" + d.location.column));
      line.appendChild(el("span", "charter-severity charter-" + d.severity, words[d.severity === "note" ? "notice" : d.severity] || d.severity));
      line.appendChild(el("strong", null, d.code));
      if (d.summary) line.appendChild(el("span", "charter-summary", " " + d.summary + " "));
      // The message itself is Charter's English, as in the terminal.
      var message = el("span", null, " " + d.message);
      message.lang = "en";
      line.appendChild(message);
      item.appendChild(line);
      (d.notes || []).forEach(function (n) {
        var where = n.location ? n.location.path + ":" + n.location.line + ":" + n.location.column + ": " : "";
        var note = el("p", "charter-note", (words.note || "note") + ": " + where + n.message);
        note.lang = "en";
        item.appendChild(note);
      });
      if (d.fix) {
        var fix = el("p", "charter-fix", (words.help || "help") + ": " + d.fix);
        fix.lang = "en";
        item.appendChild(fix);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    overlay.appendChild(panel);
    lastFocus = document.activeElement;
    document.body.appendChild(overlay);
    panel.focus();
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && overlay) { dismissed = shownKey; hide(true); }
  });

  var source = new EventSource("/_charter/events");
  source.addEventListener("reload", function () { reload(); });
  source.addEventListener("css", function (e) {
    var change = JSON.parse(e.data);
    if (swapStylesheets(change.paths, change.build)) pageBuild = change.build; else reload();
  });
  source.addEventListener("status", function (e) {
    var status = JSON.parse(e.data);
    if (status.build !== pageBuild) { reload(); return; }
    if (status.state === "ok") hide(false); else show(status);
  });
  window.addEventListener("pagehide", function () { source.close(); });
})();
