import Foundation
import Testing
@testable import CharterKit

/// Every link form, every anchor case and every link error, on the clean fixture site.
@Suite struct LinkResolutionTests {
    static let page = "content/guides/links.md"

    /// Builds the fixture with a page of links, one per line from line 3, and returns the diagnostics and the page's HTML.
    static func build(_ links: [String], edits: [FixtureSite.Edit] = []) throws -> (diagnostics: [String], html: String, hints: [String?]) {
        let body = "# Links\n\n" + links.joined(separator: "\n") + "\n\n## Local heading\n"
        let site = try FixtureSite.make(edits + [.write(page, body)])
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        let result = try builder.build()
        let html = try site.outputText("guides/links.html")
        return (located(result.diagnostics), html, result.diagnostics.map(\.fixHint))
    }

    /// The href of every link in the page's own text whose text is "a", as each test writes its
    /// links: the navigation, breadcrumbs and contents around it cannot stand in for them.
    static func bodyLinks(_ html: String) -> [String?] {
        HTMLScanner(html).elements(named: "a")
            .filter { $0.isInside("article.page") && $0.text == "a" }
            .map { $0.attributes["href"] }
    }

    @Test("relative file links point at the generated pages", arguments: [
        ("[a](listening-plan.md)", "listening-plan.html"),
        ("[a](listening-plan.md#sources)", "listening-plan.html#sources"),
        ("[a](./escalation.md)", "escalation.html"),
        ("[a](../index.md)", "../index.html"),
        ("[a](../guides/)", "index.html"),
        ("[a](../guides)", "index.html"),
        ("[a](../teams/hub.yaml)", "../teams/hub.html"),
        ("[a](../strategies/community.yaml#maturity)", "../strategies/community.html#maturity"),
        ("[a](../strategies/community.md)", "../strategies/community.html"),
        ("[a](/content/teams/hub.yaml)", "../teams/hub.html"),
        ("[a](#local-heading)", "#local-heading"),
    ])
    func relativeLinks(link: String, href: String) throws {
        let result = try Self.build([link])
        #expect(result.diagnostics == [])
        #expect(Self.bodyLinks(result.html) == [href], "\(link) should render a link to \(href)")
    }

    @Test("typed references resolve to model pages", arguments: [
        ("[a](strategy:community)", "../strategies/community.html"),
        ("[a](strategy:community#risks)", "../strategies/community.html#risks"),
        ("[a](team:hub)", "../teams/hub.html"),
        ("[a](stage:Engagement)", "../stages/engagement.html"),
        ("[a](stage:formalized)", "../stages/formalised.html"),
        ("[a](responsibility:conversation-shaping)", "../responsibilities/conversation-shaping.html"),
        ("[a](responsibility:Conversation%20Shaping)", "../responsibilities/conversation-shaping.html"),
        ("[a](program:community/ask-a-member)", "../strategies/community.html#program-ask-a-member"),
        ("[a](playbook:guides/listening-plan.md)", "listening-plan.html"),
        ("[a](playbook:guides/listening-plan#checklist)", "listening-plan.html#checklist"),
    ])
    func typedReferences(link: String, href: String) throws {
        let result = try Self.build([link])
        #expect(result.diagnostics == [])
        #expect(Self.bodyLinks(result.html) == [href], "\(link) should render a link to \(href)")
    }

    @Test("external links are left alone and never checked", arguments: [
        ("[a](https://example.org/missing.md#nowhere)", "https://example.org/missing.md#nowhere"),
        ("[a](mailto:hub@example.org)", "mailto:hub@example.org"),
        ("[a](//cdn.example.org/x)", "//cdn.example.org/x"),
        ("[a](<https://example.org>)", "https://example.org"),
    ])
    func external(link: String, href: String) throws {
        let result = try Self.build([link])
        #expect(result.diagnostics == [])
        #expect(Self.bodyLinks(result.html) == [href], "\(link) should render a link to \(href)")
    }

    @Test("an autolink is left alone, its address as its text")
    func autolink() throws {
        let result = try Self.build(["<https://example.org>"])
        #expect(result.diagnostics == [])
        let links = HTMLScanner(result.html).elements(named: "a").filter { $0.isInside("article.page") && $0.text == "https://example.org" }
        #expect(links.map { $0.attributes["href"] } == ["https://example.org"])
    }

    @Test("images are checked and copied like pages")
    func images() throws {
        let result = try Self.build(["![chart](chart.png)", "![missing](nope.png)"],
                                    edits: [.write("content/guides/chart.png", "png")])
        #expect(result.diagnostics == ["CH301 error \(Self.page):4:1"])
        let images = HTMLScanner(result.html).elements(named: "img").filter { $0.isInside("article.page") }
        #expect(images.map(\.attributes) == [["src": "chart.png", "alt": "chart"], ["src": "nope.png", "alt": "missing"]])
    }

    @Test("broken links are CH301 at their own line and column, with the closest target")
    func brokenLinks() throws {
        let result = try Self.build([
            "[a](listening-plam.md)",
            "Text first, then [a](../teams/hbu.yaml).",
            "[a](strategy:comunity)",
            "[a](stratgy:community)",
            "[a](../../../outside.md)",
            "[a](program:community/ask-a-membr)",
            "[a](team:nobody-like-this)",
        ])
        #expect(result.diagnostics == [
            "CH301 error \(Self.page):3:1", "CH301 error \(Self.page):4:18", "CH301 error \(Self.page):5:1",
            "CH301 error \(Self.page):6:1", "CH301 error \(Self.page):7:1", "CH301 error \(Self.page):8:1",
            "CH301 error \(Self.page):9:1",
        ])
        #expect(result.hints == [
            "did you mean 'listening-plan.md'?", "did you mean '../teams/hub.yaml'?", "did you mean 'strategy:community'?",
            "did you mean 'strategy:'?", nil, "did you mean 'program:community/ask-a-member'?", nil,
        ])
    }

    @Test("broken anchors are CH302, checked against the ids the target page really has")
    func brokenAnchors() throws {
        let result = try Self.build([
            "[a](listening-plan.md#sourcez)",
            "[a](#local-headin)",
            "[a](strategy:community#nowhere)",
            "[a](listening-plan.md#fn-why)",
            "[a](../strategies/community.yaml#method-peer-answers)",
        ])
        #expect(result.diagnostics == ["CH302 error \(Self.page):3:1", "CH302 error \(Self.page):4:1", "CH302 error \(Self.page):5:1"])
        #expect(result.hints == ["did you mean '#sources'?", "did you mean '#local-heading'?", nil])
    }

    @Test("a site can make broken anchors warnings while it migrates")
    func anchorSeverity() throws {
        let result = try Self.build(["[a](listening-plan.md#sourcez)"],
                                    edits: [.write("charter.yaml", "title: Fixture\nseverity:\n  CH302: warning\n")])
        #expect(result.diagnostics == ["CH302 warning \(Self.page):3:1"])
    }

    @Test("links inside YAML text fields are checked at their place in the YAML file")
    func yamlTextLinks() throws {
        let result = try Self.build([], edits: [
            .replace("mission: Answers from people who have been there.",
                     with: "mission: Answers from [people](../guides/nope.md) who have been there."),
        ])
        #expect(result.diagnostics == ["CH301 error content/strategies/community.yaml:23:23"])
    }

    @Test("a link in a front-matter title's page is reported once per link, on its own line")
    func onePerLink() throws {
        let result = try Self.build(["[a](x.md) [b](y.md)", "[c](x.md)"])
        #expect(result.diagnostics == ["CH301 error \(Self.page):3:1", "CH301 error \(Self.page):3:11", "CH301 error \(Self.page):4:1"])
    }
}
