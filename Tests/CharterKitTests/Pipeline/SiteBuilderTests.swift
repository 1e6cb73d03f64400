import Foundation
import Testing
@testable import CharterKit

@Suite struct SiteBuilderTests {
    @Test("titles come from front matter, else the first H1, else the file name")
    func titleFallback() throws {
        let site = try TemporarySite([
            "content/a.md": "---\ntitle: From front matter\n---\n# Heading\n",
            "content/b.md": "Intro.\n\n# From the heading\n",
            "content/listening-plan.md": "No heading here.\n",
        ])
        let result = try site.build()
        #expect(result.diagnostics.isEmpty)
        #expect(try site.outputText("a.html").contains("<title>From front matter · Strategy playbook</title>"))
        #expect(try site.outputText("b.html").contains("<title>From the heading · Strategy playbook</title>"))
        #expect(try site.outputText("listening-plan.html").contains("<title>Listening plan · Strategy playbook</title>"))
        #expect(try site.outputText("listening-plan.html").contains("<h1>Listening plan</h1>"))
        #expect(!(try site.outputText("b.html").contains("<h1>From the heading</h1>")))
    }

    @Test("an opening H1 becomes the page title, placed once by the template, before the contents")
    func openingHeadingIsTitle() throws {
        let site = try TemporarySite([
            "content/a.md": "# Plan\n\n## One\n\n## Two\n",
            "content/b.md": "---\ntitle: Plan\n---\n# Plan\n\n## Plan\n",
            "content/c.md": "---\ntitle: Official name\n---\n# Working name\n",
            "content/guides/README.md": "Nothing but text.\n",
            "content/index.md": "Welcome.\n",
        ])
        try site.build()
        let a = try site.outputText("a.html")
        #expect(a.contains("<article class=\"page\">\n<h1 id=\"plan\">Plan</h1>\n<nav class=\"toc\""))
        #expect(a.components(separatedBy: "<h1").count == 2)
        // The lifted heading keeps its slug, so a second "Plan" is numbered as on GitHub.
        #expect(try site.outputText("b.html").contains("<h1 id=\"plan\">Plan</h1>\n<h2 id=\"plan-1\">Plan</h2>"))
        let c = try site.outputText("c.html")
        #expect(c.contains("<h1>Official name</h1>\n<h1 id=\"working-name\">Working name</h1>"))
        #expect(try site.outputText("guides/index.html").contains("<title>Guides · Strategy playbook</title>"))
        #expect(try site.outputText("index.html").contains("<title>Strategy playbook</title>"))
    }

    @Test("index.md and README.md are landing pages; nested folders nest; assets are copied")
    func layout() throws {
        let site = try TemporarySite([
            "content/README.md": "# Home\n",
            "content/guides/index.md": "# Guides\n",
            "content/guides/deep/README.md": "# Deep\n",
            "content/guides/deep/page.md": "# Page\n\n![chart](chart.png)\n",
        ])
        try site.write("content/guides/deep/chart.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
        try site.build()
        // The search index's own files are checked by SearchIndexTests.
        let files = try TemporarySite.snapshot(of: site.output).keys.filter { !$0.hasPrefix("search/") }.sorted()
        #expect(files == [
            ".charter-site", "404.html", "assets/charter.css", "assets/search.js", "guides/deep/chart.png", "guides/deep/index.html",
            "guides/deep/page.html", "guides/index.html", "index.html", "print.html", "robots.txt",
        ])
        #expect(try TemporarySite.snapshot(of: site.output)["guides/deep/chart.png"] == Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
    }

    @Test("folders without a landing page get a generated listing")
    func generatedListing() throws {
        let site = try TemporarySite(["content/playbooks/b.md": "# Beta\n", "content/playbooks/a.md": "# Alpha\n"])
        try site.build()
        let listing = try site.outputText("playbooks/index.html")
        #expect(listing.contains("<ul class=\"listing\">\n<li><a href=\"a.html\">Alpha</a></li>\n<li><a href=\"b.html\">Beta</a></li>\n</ul>"))
        #expect(try site.outputText("index.html").contains("<li class=\"folder\"><a href=\"playbooks/index.html\">Playbooks</a></li>"))
    }

    @Test("relative Markdown links point at the generated pages, keeping anchors")
    func relativeLinks() throws {
        let site = try TemporarySite([
            "content/guides/a.md": "[b](../teams/b.md#when) [folder](../teams/) [img](pic.png) [ext](https://example.org/x.md)\n",
            "content/teams/b.md": "# B\n\n## When\n",
            "content/teams/README.md": "# Teams\n",
        ])
        try site.write("content/guides/pic.png", "png")
        try site.build()
        let html = try site.outputText("guides/a.html")
        #expect(html.contains("<a href=\"../teams/b.html#when\">b</a>"))
        #expect(html.contains("<a href=\"../teams/index.html\">folder</a>"))
        #expect(html.contains("<a href=\"pic.png\">img</a>"))
        #expect(html.contains("<a href=\"https://example.org/x.md\">ext</a>"))
    }

    @Test("unknown front-matter keys reach templates as parameters")
    func customParameters() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nrollout: phase 2\naudience: [sales, support]\n---\nBody\n",
            "Templates/page.mustache": "{{page.params.rollout}}|{{#page.params.audience}}{{.}};{{/page.params.audience}}",
        ])
        let result = try site.build()
        #expect(result.diagnostics.isEmpty)
        #expect(try site.outputText("a.html") == "phase 2|sales;support;")
    }

    @Test("a site template replaces the default of the same name, partials included")
    func templateOverride() throws {
        let site = try TemporarySite([
            "content/a.md": "# A\n",
            "Templates/partials/footer.mustache": "<footer>Our own footer</footer>",
        ])
        try site.build()
        let html = try site.outputText("a.html")
        #expect(html.contains("<footer>Our own footer</footer>"))
        #expect(!html.contains("Built with Charter."))
    }

    @Test("a site template that does not parse is CH401 at its position and nothing is written")
    func templateSyntaxError() throws {
        let site = try TemporarySite([
            "content/a.md": "# A\n",
            "Templates/page.mustache": "<p>\n{{#page}}\n{{/pages}}\n",
        ])
        let result = try site.build()
        #expect(located(result.diagnostics) == ["CH401 error Templates/page.mustache:3:4"])
        #expect(result.outputDirectory == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("a Markdown folder without content/ builds as it is")
    func bareHandbook() throws {
        let site = try TemporarySite(["README.md": "# Handbook\n", "ops/runbook.md": "# Runbook\n"])
        let result = try SiteBuilder.pinned(root: site.root).build()
        #expect(result.diagnostics.isEmpty)
        let built = try TemporarySite.snapshot(of: site.root.appending(path: "_site")).keys.filter { !$0.hasPrefix("search/") }.sorted()
        #expect(built == [".charter-site", "404.html", "assets/charter.css", "assets/search.js", "index.html", "ops/index.html",
                          "ops/runbook.html", "print.html", "robots.txt"])
        // A second build must not read its own output as content.
        let again = try SiteBuilder.pinned(root: site.root).build()
        #expect(again.pageCount == 5)
    }

    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        var files: [String: String] = [:]
        for index in 0..<40 {
            files["content/s\(index % 4)/p\(index).md"] = "---\ntitle: Page \(index)\ntags: [t\(index % 3)]\n---\n## Part\n\nSee [next](p\((index + 4) % 40).md)[^n].\n\n[^n]: Note.\n"
        }
        let site = try TemporarySite(files)
        try site.build()
        let first = try TemporarySite.snapshot(of: site.output)
        try site.build()
        let second = try TemporarySite.snapshot(of: site.output)
        // 40 pages, 4 folder listings, home, 404, print page, tags index and 3 tag pages, stylesheet,
        // search script, robots.txt, marker (55), and the search index: its meta file, one term
        // shard, its 40 entries two to a file, and the word lists of the first letters 1, 2, 3,
        // n, p, s and t.
        #expect(first.count == 55 + 1 + 1 + 20 + 7)
        #expect(first.keys.filter { $0.hasPrefix("search/words-") }.sorted() == ["1", "2", "3", "n", "p", "s", "t"].map { "search/words-\($0).js" })
        #expect(first == second)
    }

    @Test("every internal link and asset reference in the output is relative")
    func relativeURLsOnly() throws {
        let site = try TemporarySite([
            "content/index.md": "# Home\n\n[a](a/b/c.md)\n",
            "content/a/b/c.md": "# C\n\n[home](../../index.md) [d](../d.md)\n",
            "content/a/d.md": "# D\n",
            "content/strategies/growth.yaml": "title: Growth\n",
            "content/teams/hub.yaml": "name: Hub\n",
        ])
        // The strategy is far from complete; the links are what this test is about.
        try site.build(allowErrors: true)
        var checked = 0
        for (path, data) in try TemporarySite.snapshot(of: site.output) where path.hasSuffix(".html") {
            for url in HTMLScanner(String(decoding: data, as: UTF8.self)).references {
                checked += 1
                #expect(!url.hasPrefix("/"), "\(path) links to \(url)")
                #expect(!url.contains("://") || url.hasPrefix("http"), "\(path) links to \(url)")
                if !url.contains("://"), !url.hasPrefix("#") {
                    let target = SiteCrawler.resolve(url, on: path).path
                    #expect(target.map { FileManager.default.fileExists(atPath: site.output.appending(path: $0).path) } == true,
                            "\(path) links to missing \(url)")
                }
            }
        }
        #expect(checked > 30)
    }
}
