import Foundation
import Testing
@testable import CharterKit

/// `check` makes only what its diagnostics need, and reports exactly what a build reports.
@Suite struct CheckTests {
    /// A site whose problems need the parts a check usually leaves out: a content file on a
    /// search index path (CH004 needs the index's paths), links into the print page (their
    /// anchors need its HTML), a broken anchor into an ordinary page, and a good one to an id
    /// that the template gives, not a heading (`#main`).
    static let edgeSite: [String: String] = [
        "content/index.md": "# Home\n\n[b](b.md#missing) [whole](print.md#page-1) [lost](print.md#nowhere)\n\n[steps](b.md#steps) [top](b.md#b) [skip to the text](b.md#main)\n",
        "content/b.md": "# B\n\n## Steps\n",
        "content/print.md": "# My print notes\n",
        "content/search/meta.js": "// not the index\n",
        "content/search/entries-0.js": "// not the entries\n",
        "content/search/tips.md": "# Search tips\n",
    ]

    /// Diagnostics of a check and of a build that writes (errors allowed), which must be equal.
    static func both(_ site: TemporarySite, today: CalendarDate = TestDay.fixture) throws -> (check: BuildResult, build: BuildResult) {
        var builder = SiteBuilder.pinned(root: site.root, output: site.output, today: today)
        builder.allowErrors = true
        return (try builder.check(), try builder.build())
    }

    @Test("a check reports the diagnostics of a build, when they need the search index's paths and the print page's anchors")
    func edgeCases() throws {
        let site = try TemporarySite(Self.edgeSite)
        let (check, build) = try Self.both(site)
        #expect(located(check.diagnostics) == [
            "CH302 error content/index.md:3:1", "CH302 error content/index.md:3:44",
            "CH004 error content/print.md:1:1", "CH004 error content/search/entries-0.js:1:1", "CH004 error content/search/meta.js:1:1",
        ])
        #expect(check.diagnostics == build.diagnostics)
        // A build writes the entry files as the index makes them: Charter's, not the content's.
        let entries = try String(contentsOf: site.output.appending(path: "search/entries-0.js"), encoding: .utf8)
        #expect(entries.hasPrefix(SearchIndex.prologue + "(s.entries=s.entries||{})[0]=["))
        #expect(check.diagnostics.filter { $0.code == .brokenAnchor }.map(\.message) == [
            "broken anchor '#missing' in link 'b.md#missing': the page has no such heading or id",
            "broken anchor '#nowhere' in link 'print.md#nowhere': the page has no such heading or id",
        ])
        // The content file on the index's path was seen because the index was made.
        #expect(check.paths.contains("search/meta.js"))
        #expect(check.paths == build.paths)
    }

    @Test("without a content file in the search folder, a check makes no search index; the pages it claims are a build's")
    func noSearchIndex() throws {
        var files = Self.edgeSite
        files["content/search/meta.js"] = nil
        files["content/search/entries-0.js"] = nil
        files["content/search/tips.md"] = nil
        let site = try TemporarySite(files)
        let (check, build) = try Self.both(site)
        #expect(check.diagnostics == build.diagnostics)
        #expect(build.paths.contains("search/meta.js"))
        #expect(check.paths == build.paths.filter { !$0.hasPrefix("search/") })
        #expect(check.pageCount == build.pageCount)
    }

    @Test("a site's own page template that leaves out the content: a link to a heading is broken in a check as in a build")
    func ownTemplates() throws {
        let site = try TemporarySite([
            "content/index.md": "# Home\n\n[steps](b.md#steps)\n",
            "content/b.md": "# B\n\n## Steps\n",
            "Templates/page.mustache": "<!DOCTYPE html><title>{{page.title}}</title><h1>{{page.title}}</h1>\n",
        ])
        let (check, build) = try Self.both(site)
        #expect(located(check.diagnostics) == ["CH302 error content/index.md:3:1"])
        #expect(check.diagnostics == build.diagnostics)
    }

    @Test("with the default templates, every Markdown heading's id is in its page, as the check's shortcut for anchors assumes")
    func headingIDsArePublished() throws {
        let example = try ExampleSiteTests.copy()
        var builder = SiteBuilder.pinned(root: example.root, output: example.output, today: TestDay.example)
        builder.allowErrors = true
        let result = try builder.build()
        let model = try #require(result.model)
        var checked = 0
        let content = try PageRenderer(options: MarkdownOptions()).render(model, links: LinkResolver(site: model))
        for rendered in content.pages where !rendered.page.isGenerated {
            let html = try example.outputText(rendered.page.outputPath)
            let ids = AnchorChecker.ids(in: html)
            let headings = Set(rendered.markdown.headings.compactMap(\.id))
            #expect(headings.isSubset(of: ids), "\(rendered.page.outputPath) lacks \(headings.subtracting(ids).sorted())")
            checked += headings.count
        }
        #expect(checked > 50)
    }

    @Test("the example playbook and the basic fixture: a check's diagnostics are a build's")
    func fixtures() throws {
        let example = try ExampleSiteTests.copy()
        let (exampleCheck, exampleBuild) = try Self.both(example, today: TestDay.example)
        #expect(!exampleCheck.diagnostics.isEmpty)
        #expect(exampleCheck.diagnostics == exampleBuild.diagnostics)
        let basic = try FixtureSite.make([.write("content/extra.md", "# Extra\n\n[x](guides/nowhere.md) [y](index.md#nope)\n")])
        let (basicCheck, basicBuild) = try Self.both(basic)
        #expect(basicCheck.diagnostics.contains { $0.code == .brokenAnchor })
        #expect(basicCheck.diagnostics == basicBuild.diagnostics)
    }
}
