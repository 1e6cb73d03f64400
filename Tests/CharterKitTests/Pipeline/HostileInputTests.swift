import Foundation
import Testing
@testable import CharterKit

/// Hostile input found in review: each case is reported at its position and nothing escapes or crashes.
@Suite struct HostileInputTests {
    @Test("a model ID that is a path is CH112 and nothing is written outside the output folder")
    func modelIDPathEscape() throws {
        let site = try FixtureSite.make([
            .write("model/responsibilities.yaml", "responsibilities:\n  - id: ../../../escaped\n    name: Escape\n"),
        ])
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        let result = try builder.build()
        #expect(located(result.diagnostics) == ["CH112 error model/responsibilities.yaml:2:9"])
        #expect(!FileManager.default.fileExists(atPath: site.folder.deletingLastPathComponent().appending(path: "escaped.html").path))
        #expect(try TemporarySite.snapshot(of: site.output).keys.allSatisfy { !$0.contains("..") })
    }

    @Test("the writer refuses a path that would leave the output folder")
    func writerRefusesEscapes() throws {
        let site = try TemporarySite()
        for path in ["../x.html", "/etc/x.html", "a/../../x.html", "a//b.html"] {
            #expect(throws: CharterError.self) {
                try SiteWriter().write(RenderedSite(files: [OutputFile(path: path, contents: .data(Data()))]), to: site.output)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("an absurd review interval is CH113, not an arithmetic overflow", arguments: [
        "9223372036854775807 weeks", "9223372036854775807 days", "10001 years",
    ])
    func hugeInterval(interval: String) throws {
        let found = try FixtureSite.check([
            .replace("review_interval: 6 months", with: "review_interval: \(interval)", in: "content/guides/listening-plan.md"),
        ])
        #expect(found == ["CH113 error content/guides/listening-plan.md:12:18"])
    }

    @Test("a site template that includes itself unconditionally is CH401 at the include, and the default is used")
    func selfIncludingTemplate() throws {
        let site = try FixtureSite.make([.write("Templates/partials/toc.mustache", "<p>toc</p>\n  {{>partials/toc}}\n")])
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        let result = try builder.build()
        #expect(located(result.diagnostics) == ["CH401 error Templates/partials/toc.mustache:2:3"])
        #expect(try site.outputText("guides/listening-plan.html").contains("<nav class=\"toc\" aria-label=\"On this page\">"))
        // Inside a section whose name climbs the context stack, the recursion never ends either.
        let climbing = try FixtureSite.check([.write("Templates/partials/toc.mustache", "{{#page.toc}}{{>partials/toc}}{{/page.toc}}\n")])
        #expect(climbing.filter { $0.hasPrefix("CH401") } == ["CH401 error Templates/partials/toc.mustache:1:14"])
        // Inside a section of the current object it goes one level deeper each time, and is allowed.
        let nested = try FixtureSite.check([.write("Templates/partials/field.mustache", "<li>{{#.fields}}{{>partials/field}}{{/.fields}}</li>\n")])
        #expect(!nested.contains { $0.hasPrefix("CH401") })
    }

    @Test("many broken links are checked in linear time")
    func manyBrokenLinks() throws {
        var files: [String: String] = [:]
        for page in 0..<200 {
            files["content/folder-\(page % 10)/page-\(page).md"] = "# Page \(page)\n\n"
                + (0..<10).map { "[x](../renamed-folder/page-\(page)-\($0).md)" }.joined(separator: "\n") + "\n"
        }
        let site = try TemporarySite(files)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = try clock.measure { count = try SiteBuilder.pinned(root: site.root).check().diagnostics.count }
        #expect(count == 2000)
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }

    @Test("tags that slug alike get their own pages; a tag with no slug characters still gets one")
    func tagSlugs() throws {
        let site = try TemporarySite([
            "content/a.md": "---\ntags: [C++]\n---\n# A\n",
            "content/b.md": "---\ntags: [\"C#\", \"!!!\"]\n---\n# B\n",
        ])
        try site.build()
        let files = try TemporarySite.snapshot(of: site.output).keys.filter { $0.hasPrefix("tags/") }.sorted()
        #expect(files == ["tags/c-1.html", "tags/c.html", "tags/index.html", "tags/tag.html"])
        #expect(try site.outputText("tags/c.html").contains("<title>Tagged “C#”"))
        #expect(try site.outputText("tags/c-1.html").contains("<title>Tagged “C++”"))
        #expect(try site.outputText("a.html").contains("<a class=\"tag\" href=\"tags/c-1.html\">C++</a>"))
    }

    @Test("script URLs in YAML are CH111 and never become links")
    func scriptURLs() throws {
        let edits: [FixtureSite.Edit] = [
            .replace("    channel: forum", with: "    channel: forum\n    url: \"javascript:alert(document.cookie)\""),
            .replace("support_content: [../guides/escalation.md]", with: "support_content: [../guides/escalation.md, \"data:text/html,hi\"]"),
        ]
        let found = try FixtureSite.check(edits)
        #expect(found == [
            "CH111 error content/strategies/community.yaml:60:10", "CH111 error content/strategies/community.yaml:61:44",
        ])
        let site = try FixtureSite.make(edits)
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        _ = try builder.build()
        let html = try site.outputText("strategies/community.html")
        #expect(!html.contains("javascript:") && !html.contains("data:text"))
    }

    @Test("model files: a criterion without a check, criteria that are not a list, a duplicate stage")
    func modelMistakes() throws {
        let model = """
            stages:
              - id: extra
                criteria:
                  - summary: something
              - id: other
                criteria: many
              - id: extra
            """
        #expect(try FixtureSite.check([.write("model/stages.yaml", model)]) == [
            "CH110 error model/stages.yaml:4:9", "CH105 error model/stages.yaml:6:15", "CH251 error model/stages.yaml:7:9",
        ])
    }

    @Test("a team member with a name and a role reads 'name, role'")
    func memberSeparator() throws {
        let site = try SitePagesTests.build([])
        #expect(try site.outputText("teams/hub.html").contains("<li>Ana Reyes, <span class=\"detail\">moderator</span></li>"))
    }
}
