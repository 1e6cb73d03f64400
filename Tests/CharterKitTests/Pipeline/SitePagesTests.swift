import Foundation
import Testing
@testable import CharterKit

/// Behaviour of the generated pages that golden files alone do not make obvious.
@Suite struct SitePagesTests {
    static func build(_ edits: [FixtureSite.Edit], today: CalendarDate = FixtureSite.today) throws -> TemporarySite {
        let site = try FixtureSite.make(edits)
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.today = today
        builder.allowErrors = true
        _ = try builder.build()
        return site
    }

    @Test("internal by default: noindex on every page, robots.txt disallows and does not name the sitemap")
    func internalByDefault() throws {
        let site = try Self.build([.write("charter.yaml", "title: Fixture\nbase_url: https://playbook.example.org/\n")])
        #expect(try site.outputText("robots.txt") == "User-agent: *\nDisallow: /\n")
        let pages = try TemporarySite.snapshot(of: site.output).filter { $0.key.hasSuffix(".html") }
        let indexable = pages.filter { page in
            !HTMLScanner(String(decoding: page.value, as: UTF8.self)).elements(named: "meta")
                .contains { $0.attributes["name"] == "robots" && $0.attributes["content"] == "noindex" }
        }
        #expect(pages.count == 41)
        #expect(indexable.keys.sorted() == [])
        // A site that knows its address still gets a sitemap, for tools given it by hand.
        #expect(try site.outputText("sitemap.xml").hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"))
    }

    @Test("a site that does not know its address gets no sitemap")
    func noSitemapWithoutAddress() throws {
        let site = try Self.build([.write("charter.yaml", "title: Fixture\npublic: true\n")])
        #expect(try site.outputText("robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "sitemap.xml").path))
    }

    @Test("a public site is indexable and its sitemap lists every page but the 404 page")
    func publicSite() throws {
        let site = try Self.build([.write("charter.yaml", "title: Fixture\npublic: true\nbase_url: https://playbook.example.org/docs\n")])
        #expect(try site.outputText("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://playbook.example.org/docs/sitemap.xml\n")
        #expect(!(try site.outputText("index.html").contains("noindex")))
        let sitemap = try site.outputText("sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://playbook.example.org/docs/strategies/community.html</loc></url>"))
        #expect(!sitemap.contains("404.html"))
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == 39)
    }

    @Test("a playbook past its review date carries a stale badge; before it, the next review date")
    func staleBadge() throws {
        let fresh = try Self.build([])
        #expect(try fresh.outputText("guides/listening-plan.html").contains("1 June 2026 <span class=\"detail\">next by 1 December 2026</span>"))
        let stale = try Self.build([], today: CalendarDate(year: 2027, month: 1, day: 5))
        #expect(try stale.outputText("guides/listening-plan.html").contains("<span class=\"badge stale\">review overdue since 1 December 2026</span>"))
        #expect(try stale.outputText("index.html").contains("0 errors, 1 warning, 1 page due for review"))
    }

    @Test("pages list the pages that link to them, and link to their neighbours in the folder")
    func backlinksAndNeighbours() throws {
        let site = try Self.build([])
        let plan = try site.outputText("guides/listening-plan.html")
        #expect(plan.contains("<h2 id=\"referenced-by\">Referenced by</h2>\n<ul>\n<li><a href=\"escalation.html\">Escalating a risk</a></li>\n<li><a href=\"../index.html\">Fixture Playbook</a></li>\n</ul>"))
        #expect(plan.contains("<a class=\"next\" rel=\"next\" href=\"escalation.html\">Escalating a risk <span class=\"arrow\" aria-hidden=\"true\">→</span></a>"))
        #expect(!plan.contains("rel=\"prev\""))
    }

    @Test("the header marks the section a page is in, also when the folder's name must be percent-encoded in links")
    func currentSection() throws {
        let site = try Self.build([
            .write("content/Équipe notes/index.md", "# Équipe notes\n\nNotes of the team.\n"),
            .write("content/Équipe notes/first.md", "---\ntitle: First note\n---\nText.\n"),
        ])
        func sections(_ path: String) throws -> String {
            let html = try site.outputText(path)
            let start = try #require(html.range(of: "<nav class=\"site-sections\""))
            let end = try #require(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
            return String(html[start.lowerBound..<end.upperBound])
        }
        let note = try sections("Équipe notes/first.html")
        #expect(note.contains("<li><a href=\"index.html\" aria-current=\"page\">Équipe notes</a></li>"))
        #expect(note.contains("<li><a href=\"../guides/index.html\">Guides</a></li>"))
        #expect(note.components(separatedBy: "aria-current").count == 2)
        let guide = try sections("guides/escalation.html")
        #expect(guide.contains("<li><a href=\"index.html\" aria-current=\"page\">Guides</a></li>"))
        #expect(guide.contains("<li><a href=\"../%C3%89quipe%20notes/index.html\">Équipe notes</a></li>"))
        #expect(try sections("strategies/community.html").contains("<li><a href=\"index.html\" aria-current=\"page\">Strategies</a></li>"))
    }

    @Test("a folder of more than 25 pages shows the first 25 and its own page in their place, then a link to all of them")
    func longFolder() throws {
        let notes = (1...30).map { number -> FixtureSite.Edit in
            let name = number < 10 ? "0\(number)" : "\(number)"
            return .write("content/notes/n\(name).md", "---\ntitle: Note \(name)\n---\nText \(name).\n")
        }
        let site = try Self.build(notes)
        // The addresses of a folder's links are made once for all the pages of another folder;
        // which one is current differs from page to page.
        let last = try site.outputText("notes/n30.html")
        #expect(last.contains(
            "<li><a href=\"n24.html\">Note 24</a></li>\n<li class=\"current\"><a href=\"n30.html\" aria-current=\"page\">Note 30</a></li>\n<li><a href=\"index.html\">All 30 entries</a></li>\n</ul>"))
        #expect(!last.contains("href=\"n25.html\""))
        #expect(last.contains("<li class=\"current\"><a href=\"index.html\" aria-current=\"page\">Notes</a></li>"))
        let third = try site.outputText("notes/n03.html")
        #expect(third.contains("<li class=\"current\"><a href=\"n03.html\" aria-current=\"page\">Note 03</a></li>"))
        #expect(third.contains("<li><a href=\"n25.html\">Note 25</a></li>\n<li><a href=\"index.html\">All 30 entries</a></li>"))
        #expect(!third.contains("href=\"n30.html\""))
        // Current three times: the folder in the header's sections and in the pages' list, and the page.
        #expect(third.components(separatedBy: "aria-current").count == 4)
        let guide = try site.outputText("guides/escalation.html")
        #expect(guide.contains("<li><a href=\"../notes/index.html\">Notes</a></li>"))
        #expect(guide.contains("<li class=\"current\"><a href=\"index.html\" aria-current=\"page\">Guides</a></li>"))
    }

    @Test("GitHub alert quotes become callouts with GitHub's classes")
    func callouts() throws {
        let site = try Self.build([.write("content/guides/alerts.md", "# Alerts\n\n> [!CAUTION]\n> Do not share claim numbers.\n")])
        #expect(try site.outputText("guides/alerts.html").contains(
            "<div class=\"markdown-alert markdown-alert-caution\" role=\"note\">\n<p class=\"markdown-alert-title\">Caution</p>\n<p>Do not share claim numbers.</p>\n</div>"))
    }

    @Test("the health page groups warnings and gaps by strategy")
    func healthPage() throws {
        let site = try Self.build([
            .replace("co_creators:\n  - {name: Broker advisory panel, kind: partner, from: 2026-01-12, to: 2026-04-30, shaped: [peer-answers],\n     contribution: Asked for answers from members first., signed_off: 2026-05-06}\n", with: ""),
            .replace("target: formalised", with: "target: strategic"),
            .replace("sponsor: Chief Customer Officer\n", with: ""),
        ])
        let health = try site.outputText("health.html")
        #expect(health.contains("<h2><a href=\"strategies/community.html\">Customer community</a></h2>"))
        #expect(health.contains("<span class=\"badge warning\">warning</span> strategy &#39;community&#39; names no co-creators"))
        #expect(health.contains("<span class=\"badge note\">note</span> to reach Strategic: a team from every area of the business Accountable or Responsible (counted as 3 areas, as charter.yaml declares none; 1 so far)"))
    }

    @Test("the health page holds each strategy against the three reasons strategies fail, a draft's gaps among them")
    func healthStandings() throws {
        let site = try Self.build([
            .replace("status: approved", with: "status: draft"),
            .replace("  governance: {accountable: executive, responsible: [hub]}\n", with: ""),
        ])
        let health = try site.outputText("health.html")
        #expect(health.contains("<h2 id=\"why-strategies-fail\">Why strategies fail</h2>"))
        #expect(health.contains(
            "<tr><th scope=\"row\"><a href=\"strategies/community.html\">Customer community</a> <span class=\"badge\">draft</span></th>"
            + "<td data-label=\"Defined\"><span class=\"badge ok\">yes</span> all six SMACAD elements</td>"
            + "<td data-label=\"Governed\"><span class=\"badge ok\">yes</span> Community Hub coordinates it (Accountable for Best Practice)</td>"
            + "<td data-label=\"Funded\"><span class=\"badge ok\">yes</span> GBP 40,000 a year</td></tr>"))
        // Above, the hub acts (Accountable for Best Practice), so the strategy is governed without a Governance row. With
        // only function teams it is not, and the health page lists the draft's note.
        let ungoverned = try Self.build([
            .replace("status: approved", with: "status: draft"),
            .replace("kind: coordination hub", with: "kind: function team\nfunction: community", in: "content/teams/hub.yaml"),
            .replace("kind: executive committee", with: "kind: function team\nfunction: leadership", in: "content/teams/executive.yaml"),
            .replace("  governance: {accountable: executive, responsible: [hub]}\n", with: ""),
        ])
        let page = try ungoverned.outputText("health.html")
        #expect(page.contains("<td data-label=\"Governed\"><span class=\"badge warn\">no</span> nobody is Accountable or Responsible for Governance</td>"))
        #expect(page.contains("<li class=\"note\"><span class=\"badge note\">note</span> strategy &#39;community&#39; risks failing for lack of governance: no team is Accountable or Responsible for Governance, and no coordinating team holds an A or an R (a note while it is a draft) <span class=\"detail\"><code>CH241</code> content/strategies/community.yaml:1:1</span></li>"))
    }

    @Test("a handbook without strategies or teams gets no model pages")
    func noModelPages() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let files = try TemporarySite.snapshot(of: try { try site.build(); return site.output }()).keys
            .filter { !$0.hasPrefix("search/") }.sorted()
        #expect(files == [".charter-site", "404.html", "a.html", "assets/charter.css", "assets/search.js", "index.html", "print.html", "robots.txt"])
    }
}

@Suite struct PrintPageTests {
    @Test("print.html holds every written page in reading order, with unique ids and in-page links")
    func printPage() throws {
        let site = try SitePagesTests.build([])
        let html = try site.outputText("print.html")
        let titles = html.components(separatedBy: "<h1 id=\"page-").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(titles == ["1\">Fixture Playbook", "2\">Listening plan", "3\">Escalating a risk"])
        let ids = HTMLScanner(html).elements.compactMap { $0.attributes["id"] }
        #expect(ids == [
            "search-input", "search-results", "main", "page-1", "page-2", "fnref-page-2-why", "page-2-sources", "page-2-checklist",
            "fn-page-2-why", "page-3",
        ])
        #expect(Set(ids).count == ids.count, "ids are unique")
        #expect(html.contains("href=\"#page-2-sources\""), "a link to another printed page's heading stays on the print page")
        #expect(html.contains("<h2 id=\"page-2-sources\">Sources</h2>"))
        #expect(html.contains("id=\"fn-page-2-why\""), "footnote ids carry the page's prefix")
        #expect(try site.outputText("index.html").contains("<a href=\"print.html\">Print the whole playbook</a>"))
    }
}
