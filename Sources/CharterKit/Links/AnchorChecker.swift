import Foundation

/// Checks each link's `#fragment` against the ids that the rendered target page contains.
struct AnchorChecker {
    /// The ids of each page that a link with a fragment points into.
    let ids: [String: Set<String>]

    /// The stage: every link checked when `rendering.idsChanged`; otherwise only the links of
    /// the pages made from `edited`, the rest of the answer being that of the site `made`.
    static func check(
        _ rendering: SiteRendering, content: RenderedContent, edited: Set<String>? = nil, made: SiteRendering? = nil
    ) -> [Diagnostic] {
        let checker = AnchorChecker(ids: rendering.ids)
        guard let edited, let made, !rendering.idsChanged else {
            // Page by page, rather than every link of the site gathered into one more array.
            return content.pages.flatMap { checker.check($0.links) } + checker.check(content.otherLinks)
        }
        // Every page's ids are as they were: only the edited pages' links can have a new answer.
        return made.anchorDiagnostics.filter { !edited.contains($0.location.path) }
            + checker.check(content.pages.filter { edited.contains($0.page.sourcePath) }.flatMap(\.links))
    }

    func check(_ links: [SiteLink]) -> [Diagnostic] {
        links.compactMap { link in
            guard let fragment = link.fragment, !fragment.isEmpty, let known = ids[link.path], !known.contains(fragment) else {
                return nil
            }
            let suggestion = Suggestions.closest(to: fragment, in: known.sorted())
            return Diagnostic(
                .brokenAnchor, "broken anchor '#\(fragment)' in link '\(link.url)': the page has no such heading or id",
                at: link.location, fixHint: suggestion.map { "did you mean '#\($0)'?" })
        }
    }

    /// Every `id="…"` in the HTML, found in one pass over its UTF-8 bytes.
    static func ids(in html: String) -> Set<String> {
        let marker = Array(" id=\"".utf8)
        var found: Set<String> = []
        var html = html
        html.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            search: while index + marker.count <= count {
                for offset in marker.indices where bytes[index + offset] != marker[offset] {
                    index += 1
                    continue search
                }
                let start = index + marker.count
                var end = start
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                guard end < count else { break }
                let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                found.insert(id.contains("&amp;") ? id.replacingOccurrences(of: "&amp;", with: "&") : id)
                index = end
            }
        }
        return found
    }
}
