import Foundation

/// Crawls a built site on disk the way a browser opening it from file:// would: every href
/// and src of every HTML page must lead to a file, and every #fragment to an id in it.
///
/// It shares nothing with the builder: pages are read with the tests' own `HTMLScanner`, and
/// URLs are resolved here, by the rules of a relative URL against the page's own address.
enum SiteCrawler {
    struct Report {
        var pagesVisited: Int
        var linksChecked: Int
        var fragmentsChecked: Int
        /// External links (with a scheme a browser leaves the site for), not followed.
        var external: Int
        /// "page.html -> target" for every link that leads nowhere.
        var broken: [String]
    }

    /// Schemes that leave the site; anything else with a scheme (javascript:, data:, file:) is broken.
    static let externalSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    static func crawl(_ folder: URL) throws -> Report {
        let files = try TemporarySite.snapshot(of: folder)
        var ids: [String: Set<String>] = [:]
        var report = Report(pagesVisited: 0, linksChecked: 0, fragmentsChecked: 0, external: 0, broken: [])
        func idsOf(_ path: String) -> Set<String> {
            if let known = ids[path] { return known }
            let found = HTMLScanner(String(decoding: files[path] ?? Data(), as: UTF8.self)).ids
            ids[path] = found
            return found
        }
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            report.pagesVisited += 1
            let page = HTMLScanner(String(decoding: data, as: UTF8.self))
            ids[path] = page.ids
            for reference in page.references {
                if let scheme = scheme(of: reference) {
                    if externalSchemes.contains(scheme) { report.external += 1 } else { report.broken.append("\(path) -> \(reference)") }
                    continue
                }
                guard !reference.hasPrefix("//") else { report.external += 1; continue }
                report.linksChecked += 1
                let (target, fragment) = resolve(reference, on: path)
                guard let target, files[target] != nil else {
                    report.broken.append("\(path) -> \(reference)")
                    continue
                }
                guard let fragment, !fragment.isEmpty else { continue }
                report.fragmentsChecked += 1
                let decoded = fragment.removingPercentEncoding ?? fragment
                let known = idsOf(target)
                if !known.contains(fragment), !known.contains(decoded) { report.broken.append("\(path) -> \(reference)") }
            }
        }
        return report
    }

    /// The scheme of an absolute URL, lowercased; nil for a relative reference.
    static func scheme(of reference: String) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let candidate = reference[..<colon]
        guard let first = candidate.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first),
              candidate.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "+-.".unicodeScalars.contains($0) }),
              !candidate.contains("/") else { return nil }
        return candidate.lowercased()
    }

    /// The file a relative reference on `page` leads to (a path from the site's top, or nil
    /// when it would leave the site or is absolute), and its fragment.
    static func resolve(_ reference: String, on page: String) -> (path: String?, fragment: String?) {
        var rest = Substring(reference)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        if rest.isEmpty { return (page, fragment) }
        // A site opened from file:// has no top: a path from "/" leaves it.
        guard !rest.hasPrefix("/") else { return (nil, fragment) }
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false).map { String($0).removingPercentEncoding ?? String($0) }
        for (index, segment) in segments.enumerated() {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return (nil, fragment) }
                parts.removeLast()
            case "" where index == segments.count - 1:
                // A link to a folder: from file:// the browser shows a listing, not a page.
                return (nil, fragment)
            default:
                parts.append(segment)
            }
        }
        return (parts.joined(separator: "/"), fragment)
    }
}
