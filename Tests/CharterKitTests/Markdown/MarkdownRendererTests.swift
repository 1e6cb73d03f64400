import Foundation
import Testing
@testable import CharterKit

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test("GFM tables, task lists, strikethrough, autolinks and footnotes render")
    func gfmFeatures() throws {
        let markdown = """
            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - [ ] open

            ~~old~~ www.example.org

            Claim[^src].

            [^src]: The source.

            """
        let html = try renderer.render(markdown).html
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th>b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td>2</td>
            </tr>
            </tbody>
            </table>
            <ul>
            <li><input type="checkbox" checked="" disabled="" aria-label="done" /> done</li>
            <li><input type="checkbox" disabled="" aria-label="open" /> open</li>
            </ul>
            <p><del>old</del> <a href="http://www.example.org">www.example.org</a></p>
            <p>Claim<sup class="footnote-ref"><a href="#fn-src" id="fnref-src" data-footnote-ref>1</a></sup>.</p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-src">
            <p>The source. <a href="#fnref-src" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test("each task-list checkbox is named after its item's text, up to a nested list; not with --cmark")
    func taskCheckboxNames() throws {
        let markdown = "- [ ] call *the* \"duty\" officer & log it\n- [x] done\n  - [ ] nested\n\n1. [ ] loose\n\n2. [x] two\n"
        let html = try renderer.render(markdown).html
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"call the &quot;duty&quot; officer &amp; log it\" /> call"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" /> done\n<ul>"))
        #expect(html.contains("aria-label=\"nested\""))
        #expect(html.contains("aria-label=\"loose\""))
        #expect(html.components(separatedBy: "aria-label=").count == 6)
        var cmark = MarkdownOptions()
        cmark.labelTaskItems = false
        #expect(!(try MarkdownRenderer(options: cmark).render(markdown).html.contains("aria-label")))
    }

    @Test("headings get GitHub ids, unique within the document, and are listed")
    func headingIDs() throws {
        let rendered = try renderer.render("# Plan\n\n## Risks *and* `issues`\n\n## Risks and issues\n", path: "p.md", lineOffset: 3)
        #expect(rendered.html == """
            <h1 id="plan">Plan</h1>
            <h2 id="risks-and-issues">Risks <em>and</em> <code>issues</code></h2>
            <h2 id="risks-and-issues-1">Risks and issues</h2>

            """)
        #expect(rendered.headings.map(\.id) == ["plan", "risks-and-issues", "risks-and-issues-1"])
        #expect(rendered.headings.map(\.text) == ["Plan", "Risks and issues", "Risks and issues"])
        #expect(rendered.headings.map(\.location.line) == [4, 6, 8])
        #expect(rendered.firstTitle == "Plan")
    }

    @Test("safe mode drops raw HTML and javascript: URLs, and notes where")
    func safeMode() throws {
        let markdown = """
            <script>alert(1)</script>

            [x](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](data:text/html,hi)

            """
        let rendered = try renderer.render(markdown, path: "p.md")
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("javascript:"))
        #expect(!rendered.html.contains("onerror"))
        #expect(!rendered.html.contains("data:text/html"))
        #expect(rendered.html.contains("<a href=\"\">x</a>"))
        #expect(located(rendered.diagnostics) == ["CH403 note p.md:1:1", "CH403 note p.md:3:26"])
    }

    @Test("raw HTML passes only when the site opts in")
    func unsafeOptIn() throws {
        let html = try MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true)).render("<div class=\"x\">hi</div>\n").html
        #expect(html == "<div class=\"x\">hi</div>\n")
    }

    @Test("a footnote prefix keeps documents that share a page apart")
    func footnotePrefix() throws {
        let options = MarkdownOptions(footnotePrefix: "doc2-")
        let html = try MarkdownRenderer(options: options).render("A[^1].\n\n[^1]: B.\n").html
        #expect(html.contains("<a href=\"#fn-doc2-1\" id=\"fnref-doc2-1\" data-footnote-ref>1</a>"))
        #expect(html.contains("<li id=\"fn-doc2-1\">"))
        #expect(html.contains("<a href=\"#fnref-doc2-1\" class=\"footnote-backref\""))
        #expect(!html.contains("\"fn-1\""))
    }

    @Test("links are reported at their file position in Unicode columns, and can be rewritten")
    func linkPositionsAndRewrite() throws {
        let markdown = "Voilà: [a](a.md#x) and ![i](img.png)\n\n[ref]\n\n[ref]: b.md\n"
        var seen: [MarkdownLink] = []
        let rendered = try renderer.render(markdown, path: "c.md", lineOffset: 2) { link in
            seen.append(link)
            return link.url.hasSuffix(".md#x") ? "a.html#x" : nil
        }
        #expect(seen.map(\.url) == ["a.md#x", "img.png", "b.md"])
        #expect(seen.map(\.isImage) == [false, true, false])
        #expect(seen.map { $0.location.description } == ["c.md:3:8", "c.md:3:24", "c.md:5:1"])
        #expect(rendered.html.contains("<a href=\"a.html#x\">a</a>"))
        #expect(rendered.html.contains("<img src=\"img.png\" alt=\"i\" />"))
    }

    @Test("an unknown extension is an error, not a crash")
    func unknownExtension() {
        #expect(throws: MarkdownError.unknownExtension("nope")) {
            try MarkdownRenderer(options: MarkdownOptions(extensions: ["nope"])).render("x")
        }
    }

    @Test("rendering on many threads at once gives the same bytes as one thread")
    func concurrentRendering() throws {
        let documents = (0..<2000).map { index in
            let paragraph = (0..<12).map { word in
                "word\(word) ~~struck \(index)-\(word)~~ www.example.org/\(index)/\(word) https://example.com/\(word)"
            }.joined(separator: " ")
            return """
                # Page \(index)

                \(paragraph)

                | n | square |
                |---|--------|
                | \(index) | \(index * index) |

                - [x] item \(index)
                - [ ] other ~~\(index)~~

                Footnote[^n\(index)].

                [^n\(index)]: Note \(index) at www.example.net/\(index).

                """
        }
        let expected = try documents.map { try renderer.render($0).html }
        // More threads than cores, so that parser finishes overlap as often as possible.
        let shared = renderer
        let results = ParallelMap.map(documents, workers: 8) { document in
            (try? shared.render(document).html) ?? "<failed>"
        }
        var mismatches = 0
        for (got, want) in zip(results, expected) where got != want { mismatches += 1 }
        #expect(mismatches == 0)
        #expect(expected.allSatisfy { $0.contains("<del>") && $0.contains("href=\"http://www.example.org/") })
    }
}
