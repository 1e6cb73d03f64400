import Foundation
import Testing
@testable import CharterKit

/// The example playbook in content/, which the README's first command builds.
@Suite struct ExampleSiteTests {
    static let repository = DefaultTemplatesTests.templatesFolder.deletingLastPathComponent()
    /// Review dates are checked as of a fixed day, so the suite does not age.
    static let today = CalendarDate(year: 2026, month: 11, day: 23)
    /// What a build of the example reads from the repository; the rest is the tool itself.
    static let inputs = ["charter.yaml", "content", "model", "Templates"]

    /// A copy of the example's inputs in a temporary folder, so that builds write nothing
    /// (such as the build cache) into the repository.
    static func copy() throws -> TemporarySite {
        let site = try TemporarySite()
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        for name in inputs where FileManager.default.fileExists(atPath: repository.appending(path: name).path) {
            try FileManager.default.copyItem(at: repository.appending(path: name), to: site.root.appending(path: name))
        }
        return site
    }

    @Test("the example passes check --strict: no errors, no warnings")
    func strict() throws {
        var builder = SiteBuilder(root: Self.repository)
        builder.today = Self.today
        let result = try builder.check()
        let problems = result.diagnostics.filter { $0.severity != .note }
        #expect(problems.isEmpty, "\(problems.map { "\($0.location): \($0.message) [\($0.code)]" })")
    }

    /// The stages and responsibilities of the SMACAD framework, each of which has a page.
    static let stages = ["planning", "presence", "engagement", "formalised", "strategic", "converged"]
    static let responsibilities = [
        "governance", "best-practice", "content-direction", "training", "technology", "leadership",
        "insight-dissemination", "conversation-shaping", "conflict-resolution",
    ]
    /// Pages every site with strategies has, whatever its content.
    static let fixedPages = [
        "index.html", "404.html", "print.html", "health.html", "stages/index.html", "responsibilities/index.html",
        "focus-areas/index.html", "program-kinds/index.html",
    ]

    /// The HTML pages the example must have, from the names of its content files alone (no
    /// code of the builder is asked):
    /// - `x/name.md` is `x/name.html`; `README.md` and `index.md` are their folder's `index.html`;
    /// - `x/name.yaml` (a strategy, a team) is `x/name.html`, and a `x/name.md` beside it is
    ///   that page's narrative, not a page of its own;
    /// - a folder of Markdown pages without a landing page gets a generated `index.html`;
    /// - the framework's stages and responsibilities and the fixed pages above.
    static func expectedPages(content: URL) throws -> [String] {
        let files = try TemporarySite.snapshot(of: content).keys.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        let yaml = Set(files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { String($0[..<$0.lastIndex(of: ".")!]) })
        var pages = Set(fixedPages)
        pages.formUnion(stages.map { "stages/\($0).html" })
        pages.formUnion(responsibilities.map { "responsibilities/\($0).html" })
        pages.formUnion(yaml.map { "\($0).html" })
        var landings: Set<String> = [""]
        var folders: Set<String> = []
        for file in files where file.hasSuffix(".md") {
            let stem = String(file.dropLast(3))
            guard !yaml.contains(stem) else { continue }
            let folder = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : ""
            let name = file.split(separator: "/").last!
            if name == "README.md" || name == "index.md" {
                pages.insert(folder.isEmpty ? "index.html" : "\(folder)/index.html")
                landings.insert(folder)
            } else {
                pages.insert("\(stem).html")
                folders.insert(folder)
            }
        }
        // Every folder on the way to a page is a section with a landing page.
        for folder in folders {
            var parts = folder.split(separator: "/").map(String.init)
            while !parts.isEmpty {
                pages.insert(parts.joined(separator: "/") + "/index.html")
                parts.removeLast()
            }
        }
        return pages.sorted()
    }

    @Test("the built example has exactly the pages its content files name, and no broken link or anchor")
    func crawl() throws {
        let site = try Self.copy()
        var builder = SiteBuilder(root: site.root, output: site.output)
        builder.today = Self.today
        let result = try builder.build()
        #expect(result.outputDirectory != nil)
        let built = try TemporarySite.snapshot(of: site.output).keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("tags/") }.sorted()
        let expected = try Self.expectedPages(content: site.root.appending(path: "content"))
        #expect(built == expected, "built but not expected: \(Set(built).subtracting(expected).sorted()); expected but not built: \(Set(expected).subtracting(built).sorted())")
        #expect(built.filter { $0.hasPrefix("strategies/") }.count == 5)
        #expect(built.filter { $0.hasPrefix("teams/") }.count == 10)

        let pageCount = try TemporarySite.snapshot(of: site.output).keys.filter { $0.hasSuffix(".html") }.count
        let report = try SiteCrawler.crawl(site.output)
        #expect(report.broken == [])
        #expect(report.pagesVisited == pageCount)
        #expect(report.linksChecked > 5000)
        #expect(report.fragmentsChecked > 500)
    }

    @Test("two builds of the example in separate processes write the same bytes, file for file")
    func deterministic() throws {
        // Separate copies, so that the second build cannot reuse anything of the first.
        let first = try Self.copy(), second = try Self.copy()
        let runs = try [(first, ["--jobs", "1"]), (second, [])].map { site, options in
            try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path, "--today", "2026-11-23"] + options)
        }
        #expect(runs.map(\.status) == [0, 0], "\(runs.map(\.stderr))")
        let one = try TemporarySite.snapshot(of: first.output), two = try TemporarySite.snapshot(of: second.output)
        #expect(one.count > 150)
        #expect(one.keys.sorted() == two.keys.sorted())
        let differing = one.keys.filter { one[$0] != two[$0] }.sorted()
        #expect(differing == [])
    }
}
