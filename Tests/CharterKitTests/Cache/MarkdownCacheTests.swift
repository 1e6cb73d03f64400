import Foundation
import Testing
@testable import CharterKit

/// The binary form of a cached page: every field comes back as it went in, and damaged bytes
/// are refused rather than misread.
@Suite struct MarkdownCacheTests {
    static func sample() throws -> MarkdownCache.Entry {
        let text = """
            # Título with an [inline link](other.md)

            Some text, <b>raw HTML</b>, an ![image](pic.png) and [a broken one](missing.md#x).

            ## Second heading

            [^1]: A footnote.
            """
        var hrefs: [String?] = []
        let markdown = try MarkdownRenderer(options: MarkdownOptions()).render(
            text, path: "content/a.md", lineOffset: 3,
            rewriteLink: { link in
                let href: String? = link.url.hasPrefix("missing") ? nil : "rewritten/\(link.url)"
                hrefs.append(href)
                return href
            })
        return MarkdownCache.Entry(markdown: markdown, hrefs: hrefs)
    }

    @Test("an entry survives encoding: HTML, headings, links, extracted title, hrefs and diagnostics")
    func roundTrip() throws {
        var entry = try Self.sample()
        #expect(entry.markdown.headings.count == 2)
        #expect(entry.markdown.links.count == 3)
        #expect(entry.hrefs.contains(nil))
        #expect(entry.markdown.diagnostics.map(\.code) == [.rawHTMLDropped, .rawHTMLDropped])
        #expect(MarkdownCache.Entry(decoding: entry.encoded()) == entry)
        entry.markdown.extractedTitle = entry.markdown.headings.first
        #expect(MarkdownCache.Entry(decoding: entry.encoded()) == entry)
    }

    @Test("truncated, extended or foreign bytes are refused", arguments: [1, 7, 40, -1])
    func damaged(cut: Int) throws {
        let bytes = try Self.sample().encoded()
        let damaged = cut > 0 ? Array(bytes.dropLast(cut)) : bytes + [0]
        #expect(MarkdownCache.Entry(decoding: damaged) == nil)
        #expect(MarkdownCache.Entry(decoding: Array("{\"markdown\":1}".utf8)) == nil)
    }
}
