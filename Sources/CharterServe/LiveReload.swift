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
    /// The script is `Resources/live-reload.js`, embedded at build time.
    public static let script: String = {
        guard case .text(let text)? = ServeFiles.files["live-reload.js"] else { return "" }
        return text
    }()
}
