import Foundation
@testable import CharterKit

/// Crawls a built site on disk the way a browser opening it from file:// would: every
/// href and src of every HTML page must lead to a file, and every #fragment to an id in it.
enum SiteCrawler {
    struct Report {
        var pagesVisited: Int
        var linksChecked: Int
        /// "page.html -> target" for every link that leads nowhere.
        var broken: [String]
    }

    static func crawl(_ folder: URL) throws -> Report {
        let files = try TemporarySite.snapshot(of: folder)
        var ids: [String: Set<String>] = [:]
        var report = Report(pagesVisited: 0, linksChecked: 0, broken: [])
        let pattern = try Regex(#"(?:href|src)="([^"]*)""#)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            report.pagesVisited += 1
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: pattern) {
                let url = String(match.output[1].substring ?? "")
                guard !url.contains("://"), !url.hasPrefix("mailto:"), !url.hasPrefix("//") else { continue }
                report.linksChecked += 1
                let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target: String?
                if parts[0].isEmpty {
                    target = path
                } else {
                    let decoded = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                    target = ContentPaths.resolve(decoded, from: ContentPaths.folder(of: path))
                }
                guard let target, let contents = files[target] else {
                    report.broken.append("\(path) -> \(url)")
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty {
                    if ids[target] == nil { ids[target] = AnchorChecker.ids(in: String(decoding: contents, as: UTF8.self)) }
                    if ids[target]?.contains(String(parts[1])) != true { report.broken.append("\(path) -> \(url)") }
                }
            }
        }
        return report
    }
}
