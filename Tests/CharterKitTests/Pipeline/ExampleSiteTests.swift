import Foundation
import Testing
@testable import CharterKit

/// The example playbook in content/, which the README's first command builds.
@Suite struct ExampleSiteTests {
    static let repository = DefaultTemplatesTests.templatesFolder.deletingLastPathComponent()
    /// Review dates are checked as of a fixed day, so the suite does not age.
    static let today = TestDay.example
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

    @Test("the example passes check --strict: no errors, no warnings but the stale assessment and the measures it shows on purpose")
    func strict() throws {
        var builder = SiteBuilder.pinned(root: Self.repository)
        builder.today = Self.today
        let result = try builder.check()
        let problems = result.diagnostics.filter { $0.severity == .error || ($0.severity == .warning && $0.code.failsStrict) }
        #expect(problems.isEmpty, "\(problems.map { "\($0.location): \($0.message) [\($0.code)]" })")
        // The scoreboard shows a measure overdue, one off track and one without recent data, and
        // an assessment grown old; all are reported, and none fails --strict.
        #expect(located(result.diagnostics.filter { $0.severity == .warning }) == [
            "CH285 warning content/strategies/customer-community.yaml:134:5",
            "CH261 warning content/strategies/storm-ready.yaml:16:16", "CH280 warning content/strategies/storm-ready.yaml:119:5",
            "CH284 warning content/strategies/storm-ready.yaml:130:5",
        ])
    }

    /// The stages and responsibilities of the SMACAD framework, each of which has a page.
    static let stages = ["planning", "presence", "engagement", "formalised", "strategic", "converged"]
    static let responsibilities = [
        "governance", "best-practice", "content-direction", "training", "technology", "leadership",
        "insight-dissemination", "conversation-shaping", "conflict-resolution",
    ]
    /// Pages every site with strategies has, whatever its content.
    static let fixedPages = [
        "index.html", "404.html", "print.html", "health.html", "organisation.html", "you-said-we-did.html", "stages/index.html", "responsibilities/index.html",
        "focus-areas/index.html", "program-kinds/index.html",
    ]

    /// The HTML pages the example must have, from its content files' names (and, for tag
    /// pages, the tags its pages' front matter lists); no code of the builder is asked:
    /// - `x/name.md` is `x/name.html`; `README.md` and `index.md` are their folder's `index.html`;
    /// - `x/name.yaml` (a strategy, a team) is `x/name.html`, and a `x/name.md` beside it is
    ///   that page's narrative, not a page of its own;
    /// - the objectives register `objectives.yaml` is `objectives/index.html`, and each `- id: X`
    ///   in it is `objectives/X.html`;
    /// - every folder on the way to a page has an `index.html` (written or generated);
    /// - each tag has `tags/<slug>.html`, and `tags/index.html` lists them;
    /// - the framework's stages and responsibilities and the fixed pages above.
    static func expectedPages(content: URL) throws -> [String] {
        let files = try TemporarySite.snapshot(of: content).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        let yaml = Set(files.keys.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { String($0[..<$0.lastIndex(of: ".")!]) })
        var pages = Set(fixedPages)
        pages.formUnion(stages.map { "stages/\($0).html" })
        pages.formUnion(responsibilities.map { "responsibilities/\($0).html" })
        pages.formUnion(yaml.filter { $0 != "objectives" }.map { "\($0).html" })
        if let register = files["objectives.yaml"] {
            pages.insert("objectives/index.html")
            for line in String(decoding: register, as: UTF8.self).split(separator: "\n") where line.hasPrefix("  - id: ") {
                pages.insert("objectives/\(line.dropFirst("  - id: ".count)).html")
            }
        }
        var tags: Set<String> = []
        for (file, data) in files where file.hasSuffix(".md") {
            let stem = String(file.dropLast(3))
            guard !yaml.contains(stem) else { continue }
            let name = file.split(separator: "/").last!
            if name == "README.md" || name == "index.md" {
                pages.insert(file.contains("/") ? "\(file[..<file.lastIndex(of: "/")!])/index.html" : "index.html")
            } else {
                pages.insert("\(stem).html")
            }
            tags.formUnion(Self.tags(in: String(decoding: data, as: UTF8.self)))
        }
        // Every folder on the way to a page is a section with a landing page.
        for page in pages {
            var parts = page.split(separator: "/").dropLast().map(String.init)
            while !parts.isEmpty {
                pages.insert(parts.joined(separator: "/") + "/index.html")
                parts.removeLast()
            }
        }
        if !tags.isEmpty {
            // tags/index.html lists the tags, so a tag whose slug is taken gets -1, -2, ...
            var taken: Set<String> = ["index"]
            for tag in tags.sorted() {
                let slug = tag.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "_- ".unicodeScalars.contains($0) }
                    .map { $0 == " " ? "-" : String($0) }.joined()
                var unique = slug, number = 0
                while taken.contains(unique) { number += 1; unique = "\(slug)-\(number)" }
                taken.insert(unique)
            }
            pages.insert("tags/index.html")
            pages.formUnion(taken.map { "tags/\($0).html" })
        }
        return pages.sorted()
    }

    /// The tags a page's front matter lists, as `tags: [a, b c]` or as a block list.
    static func tags(in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return [] }
        let header = lines[1..<end]
        guard let start = header.firstIndex(where: { $0.hasPrefix("tags:") }) else { return [] }
        let rest = header[start].dropFirst(5).trimmingCharacters(in: .whitespaces)
        var names: [String]
        if rest.hasPrefix("[") {
            names = rest.dropFirst().dropLast().split(separator: ",").map { String($0) }
        } else {
            names = header[(start + 1)...].prefix { $0.hasPrefix("  -") || $0.hasPrefix("- ") }
                .map { String($0.drop { $0 == " " || $0 == "-" }) }
        }
        return names.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("the built example has exactly the pages its content files name, and no broken link or anchor")
    func crawl() throws {
        let site = try Self.copy()
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.today = Self.today
        let result = try builder.build()
        #expect(result.outputDirectory != nil)
        let built = try TemporarySite.snapshot(of: site.output).keys.filter { $0.hasSuffix(".html") }.sorted()
        let expected = try Self.expectedPages(content: site.root.appending(path: "content"))
        #expect(built == expected, "built but not expected: \(Set(built).subtracting(expected).sorted()); expected but not built: \(Set(expected).subtracting(built).sorted())")
        // The five strategies and ten teams of the example, each with its page, and their listings.
        #expect(built.filter { $0.hasPrefix("strategies/") }.count == 6)
        #expect(built.filter { $0.hasPrefix("teams/") }.count == 11)

        let report = try SiteCrawler.crawl(site.output)
        #expect(report.broken == [])
        #expect(report.pagesVisited == built.count)
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
