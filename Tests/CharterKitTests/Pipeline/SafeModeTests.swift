import Foundation
import Testing
@testable import CharterKit

/// Raw HTML through a whole site build: left out by default, in pages and in YAML text
/// fields alike, and published as written once `unsafe_html: true` says every author is trusted.
@Suite struct SafeModeTests {
    static let page = "content/guides/raw.md"
    static let body = """
        # Raw

        <div class="raw-block">block <script>alert(1)</script></div>

        Inline <span class="raw-inline">span</span> text.

        """
    static let edits: [FixtureSite.Edit] = [
        .write(page, body),
        .replace("mission: Answers from people who have been there.",
                 with: "mission: Answers from <em class=\"raw-yaml\">people</em> who have been there."),
    ]

    static func build(_ edits: [FixtureSite.Edit]) throws -> (site: TemporarySite, diagnostics: [String]) {
        let site = try FixtureSite.make(edits)
        let builder = SiteBuilder.pinned(root: site.root, output: site.output)
        let result = try builder.build()
        #expect(result.outputDirectory != nil)
        return (site, located(result.diagnostics))
    }

    /// The elements the raw HTML would make, as "name.class: text", from the page's own content.
    static func rawElements(_ html: String, in container: String) -> [String] {
        HTMLScanner(html).elements
            .filter { $0.isInside(container) && ($0.attributes["class"]?.hasPrefix("raw-") == true || $0.name == "script") }
            .map { "\($0.name).\($0.attributes["class"] ?? ""): \($0.text)" }
    }

    @Test("by default raw HTML in a page and in a strategy's text is left out, and each place is noted")
    func leftOutByDefault() throws {
        let (site, diagnostics) = try Self.build(Self.edits)
        let page = try site.outputText("guides/raw.html")
        #expect(Self.rawElements(page, in: "article.page") == [])
        #expect(!page.contains("alert(1)"))
        #expect(page.contains("<p>Inline <!-- raw HTML omitted -->span<!-- raw HTML omitted --> text.</p>"))
        let strategy = try site.outputText("strategies/community.html")
        #expect(Self.rawElements(strategy, in: "main") == [])
        #expect(strategy.contains("Answers from <!-- raw HTML omitted -->people<!-- raw HTML omitted --> who have been there."))
        #expect(diagnostics == [
            "CH403 note content/guides/raw.md:3:1", "CH403 note content/guides/raw.md:5:8", "CH403 note content/guides/raw.md:5:37",
            "CH403 note content/strategies/community.yaml:23:23", "CH403 note content/strategies/community.yaml:23:50",
        ])
    }

    @Test("with unsafe_html: true the same raw HTML is published as written, without a note, but a script stays text")
    func keptWhenTrusted() throws {
        let (site, diagnostics) = try Self.build(Self.edits + [.write("charter.yaml", "title: Fixture\nunsafe_html: true\n")])
        #expect(diagnostics == [])
        let html = try site.outputText("guides/raw.html")
        // GFM's tag filter still turns a script tag into text, even from a trusted author.
        #expect(Self.rawElements(html, in: "article.page") == ["div.raw-block: block <script>alert(1)</script>", "span.raw-inline: span"])
        #expect(html.contains("<div class=\"raw-block\">block &lt;script>alert(1)&lt;/script></div>"))
        #expect(Self.rawElements(try site.outputText("strategies/community.html"), in: "main") == ["em.raw-yaml: people"])
    }
}
