import Testing
@testable import CharterKit

@Suite struct FrontMatterSplitterTests {
    @Test("splits YAML from the body and counts the lines before the body")
    func splitsWithOffset() {
        let source = SourceText(path: "content/a.md", text: "---\ntitle: A\nowner: hub\n---\n# Body\n")
        let (split, diagnostics) = FrontMatterSplitter.split(source)
        #expect(diagnostics.isEmpty)
        #expect(split.yaml == "title: A\nowner: hub\n")
        #expect(split.body == "# Body\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test("a file without front matter is all body")
    func noFrontMatter() {
        let source = SourceText(path: "a.md", text: "# Title\n---\n")
        let (split, diagnostics) = FrontMatterSplitter.split(source)
        #expect(diagnostics.isEmpty)
        #expect(split.yaml == nil)
        #expect(split.body == "# Title\n---\n")
        #expect(split.bodyLineOffset == 0)
    }

    @Test("'...' also closes front matter, and trailing spaces on delimiters are allowed")
    func dotsClose() {
        let source = SourceText(path: "a.md", text: "---  \ntitle: A\n...\nbody")
        let (split, _) = FrontMatterSplitter.split(source)
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "body")
        #expect(split.bodyLineOffset == 3)
    }

    @Test("empty front matter is allowed")
    func emptyFrontMatter() {
        let (split, diagnostics) = FrontMatterSplitter.split(SourceText(path: "a.md", text: "---\n---\nbody\n"))
        #expect(diagnostics.isEmpty)
        #expect(split.yaml == "")
        #expect(split.bodyLineOffset == 2)
    }

    @Test("unterminated front matter is CH101 at 1:1 and the whole file stays as body")
    func unterminated() {
        let text = "---\ntitle: A\n# Body\n"
        let (split, diagnostics) = FrontMatterSplitter.split(SourceText(path: "content/a.md", text: text))
        #expect(located(diagnostics) == ["CH101 error content/a.md:1:1"])
        #expect(split.yaml == nil)
        #expect(split.body == text)
    }

    @Test("CRLF line endings and a byte-order mark are normalised before splitting")
    func crlfAndBOM() {
        let source = SourceText(path: "a.md", text: "\u{FEFF}---\r\ntitle: A\r\n---\r\nbody\r\n")
        let (split, diagnostics) = FrontMatterSplitter.split(source)
        #expect(diagnostics.isEmpty)
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "body\n")
        #expect(split.bodyLineOffset == 3)
    }
}
