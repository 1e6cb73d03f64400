import Foundation
import Testing
@testable import CharterKit

/// A plain Markdown handbook (no front matter, no strategies) from the project's own benchmark
/// corpus generator, scripts/bench/gen_corpus.py.
@Suite struct HandbookTests {
    static let generator = DefaultTemplatesTests.templatesFolder.deletingLastPathComponent()
        .appending(path: "scripts/bench/gen_corpus.py")

    static func generate(pages: Int, seed: Int, into folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, "--pages", "\(pages)", "--seed", "\(seed)", "--out", folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("300 plain pages build into a navigable site; each planted broken anchor is one diagnostic on its line")
    func plainHandbook() throws {
        let scratch = try TemporarySite()
        let corpus = scratch.folder.appending(path: "corpus")
        try Self.generate(pages: 300, seed: 3, into: corpus)
        let root = corpus.appending(path: "pages")
        let result = try SiteBuilder.pinned(root: root, output: scratch.output).check()

        // The generator lists the links whose #fragment it made dangle.
        let dangling = try String(contentsOf: corpus.appending(path: "dangling-anchors.txt"), encoding: .utf8)
            .split(separator: "\n").map { line -> (source: String, target: String) in
                let parts = line.components(separatedBy: " -> ")
                return (parts[0], parts[1])
            }
        #expect(dangling.count == 2)
        #expect(result.diagnostics.map(\.code) == Array(repeating: .brokenAnchor, count: dangling.count))
        for (diagnostic, expected) in zip(result.diagnostics, dangling) {
            #expect(diagnostic.location.path == expected.source)
            let line = try #require(result.sources[expected.source]?.line(diagnostic.location.line))
            let fragment = String(expected.target.split(separator: "#")[1])
            let column = line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: diagnostic.location.column - 1)
            #expect(String(line.unicodeScalars[column...]).hasPrefix("["), "the column points at the link")
            #expect(String(line.unicodeScalars[column...]).contains("#\(fragment))"))
        }

        var builder = SiteBuilder.pinned(root: root, output: scratch.output)
        builder.allowErrors = true
        _ = try builder.build()
        let crawl = try SiteCrawler.crawl(scratch.output)
        #expect(crawl.pagesVisited == 306)
        // Each planted broken anchor dangles on its own page and again on the print page.
        #expect(crawl.broken.count == 2 * dangling.count, "\(crawl.broken)")
        #expect(crawl.broken.filter { $0.hasPrefix("print.html -> #page-") }.count == dangling.count)
        let home = try scratch.outputText("index.html")
        #expect(home.contains("<li class=\"folder\"><a href=\"s001/index.html\">Playbooks s001</a></li>"))
        let section = try scratch.outputText("s002/index.html")
        let listing = try #require(section.components(separatedBy: "<ul class=\"listing\">").last?.components(separatedBy: "</ul>").first)
        #expect(listing.components(separatedBy: "<li><a href=\"p00").count == 101)
        // The sidebar shows 25 of the folder's 100 pages and a link to the full listing.
        let sidebar = try #require(section.components(separatedBy: "<ul class=\"nav-section\">").last?.components(separatedBy: "</ul>").first)
        #expect(sidebar.components(separatedBy: "<li").count == 27)
        #expect(sidebar.contains("<a href=\"index.html\">All 100 entries</a>"))
        let page = try scratch.outputText("s002/p00250.html")
        #expect(page.contains("<li><a href=\"../index.html\">Home</a></li>\n<li><a href=\"index.html\">Playbooks s002</a></li>"))
    }
}
