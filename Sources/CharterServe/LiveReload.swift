public import Foundation

/// The browser side of the live preview: a script that every served HTML page loads, and the
/// one line that loads it. Neither is ever written to disk: `build` output has no trace of them.
public enum LiveReload {
    /// Adds the script to an HTML page, before its last `</body>` (at the end when it has none).
    /// `build` is the site version the page comes from, so that a page loaded just before a
    /// rebuild notices it is stale. With `baseHref`, a `<base>` is added too, for the 404 page
    /// served at another address than its own.
    public static func inject(into page: Data, build: Int, baseHref: String?) -> Data {
        var page = page
        if let baseHref, let head = range(of: "<head", in: page, last: false),
           range(of: "<base", in: page, last: false) == nil,
           let close = page[head.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
            page.insert(contentsOf: Data("<base href=\"\(baseHref)\">".utf8), at: close + 1)
        }
        let snippet = Data(snippet(build: build).utf8)
        if let body = range(of: "</body", in: page, last: true) {
            page.insert(contentsOf: snippet, at: body.lowerBound)
        } else {
            page.append(snippet)
        }
        return page
    }

    /// The line added to pages.
    public static func snippet(build: Int) -> String {
        "<script src=\"\(SiteResponder.scriptPath)\" data-charter-build=\"\(build)\"></script>\n"
    }

    /// Removes what `inject` added, for comparing served pages with the files on disk.
    public static func strip(_ page: Data) -> Data {
        var text = String(decoding: page, as: UTF8.self)
        if let start = text.range(of: "<script src=\"\(SiteResponder.scriptPath)\" data-charter-build=\""),
           let end = text.range(of: "</script>\n", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        text = text.replacingOccurrences(of: "<base href=\"/\">", with: "")
        return Data(text.utf8)
    }

    /// The byte range of an ASCII needle, case-insensitive; the first or the last one.
    static func range(of needle: String, in data: Data, last: Bool) -> Range<Data.Index>? {
        let needle = Array(needle.lowercased().utf8)
        guard data.count >= needle.count else { return nil }
        let starts = stride(from: data.startIndex, through: data.endIndex - needle.count, by: 1)
        func matches(at start: Data.Index) -> Bool {
            for offset in 0..<needle.count {
                var byte = data[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != needle[offset] { return false }
            }
            return true
        }
        let found = last ? starts.reversed().first(where: matches) : starts.first(where: matches)
        return found.map { $0..<($0 + needle.count) }
    }

    /// Served at `/_charter/live.js`. Listens to `/_charter/events`:
    ///
    /// - `reload`: the site changed; reload, keeping the scroll position;
    /// - `css`: only stylesheets changed; swap them without a reload;
    /// - `status`: the state of the last build; when it has errors, show them over the page
    ///   (focused, dismissed with Escape or its button); when it is fine again, remove them. A
    ///   status naming another site version than the page's (a missed event, a restarted
    ///   server) reloads.
    public static let script = #"""
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
        var close = el("button", null, "Dismiss");
        close.type = "button";
        close.setAttribute("aria-label", "Dismiss (Escape)");
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
          line.appendChild(el("span", "charter-severity charter-" + d.severity, d.severity));
          line.appendChild(el("strong", null, d.code));
          line.appendChild(document.createTextNode(" " + d.message));
          item.appendChild(line);
          (d.notes || []).forEach(function (n) {
            var where = n.location ? n.location.path + ":" + n.location.line + ":" + n.location.column + ": " : "";
            item.appendChild(el("p", "charter-note", "note: " + where + n.message));
          });
          if (d.fix) item.appendChild(el("p", "charter-fix", "help: " + d.fix));
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

    """#
}
