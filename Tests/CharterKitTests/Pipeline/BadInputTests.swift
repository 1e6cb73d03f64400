import Foundation
import Testing
@testable import CharterKit

@Suite struct BadInputTests {
    @Test("invalid UTF-8 is CH002 at the first bad byte, and nothing is written")
    func invalidUTF8() throws {
        let site = try TemporarySite(["content/ok.md": "# OK\n"])
        try site.write("content/bad.md", Data("# Title\nab\u{e9}".utf8) + Data([0xFF, 0x41]))
        let result = try site.build()
        #expect(located(result.diagnostics) == ["CH002 error content/bad.md:2:4"])
        #expect(result.outputDirectory == nil)
    }

    @Test("a byte-order mark and CRLF endings are handled, with positions on the right lines")
    func bomAndCRLF() throws {
        let site = try TemporarySite([:])
        try site.write("content/a.md", Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: A\r\n---\r\n# Heading\r\n\r\n<b>raw</b>\r\n".utf8))
        let result = try site.build()
        #expect(located(result.diagnostics) == ["CH403 note content/a.md:6:1", "CH403 note content/a.md:6:7"])
        #expect(try site.outputText("a.html").contains("<h1 id=\"heading\">Heading</h1>"))
    }

    @Test("malformed front matter is CH102 at its line in the file")
    func malformedFrontMatter() throws {
        let site = try TemporarySite(["content/a.md": "---\ntitle: A\nowner: [x\n---\nbody\n"])
        let result = try site.build()
        #expect(located(result.diagnostics) == ["CH102 error content/a.md:4:1"])
    }

    @Test("front matter that is not a mapping is CH103; a wrong type is CH105 at the value")
    func frontMatterShapes() throws {
        let site = try TemporarySite([
            "content/a.md": "---\n- just\n- a list\n---\nbody\n",
            "content/b.md": "---\ntitle:\n  nested: value\nweight: heavy\n---\nbody\n",
        ])
        let result = try site.build()
        #expect(located(result.diagnostics) == [
            "CH103 error content/a.md:2:1",
            "CH105 error content/b.md:3:3",
            "CH105 error content/b.md:4:9",
        ])
    }

    @Test("unterminated front matter is reported and the build writes nothing")
    func unterminated() throws {
        let site = try TemporarySite(["content/a.md": "---\ntitle: A\n\n# Body\n"])
        let result = try site.build()
        #expect(located(result.diagnostics) == ["CH101 error content/a.md:1:1"])
        #expect(result.outputDirectory == nil)
    }

    @Test("two files that would become the same page are CH004, with a note at the other")
    func duplicateOutput() throws {
        let site = try TemporarySite(["content/a.md": "# A\n", "content/a.markdown": "# A again\n"])
        let result = try site.build()
        #expect(located(result.diagnostics) == ["CH004 error content/a.md:1:1"])
        #expect(result.diagnostics.first?.notes.first?.location == SourceLocation(path: "content/a.markdown"))
    }

    @Test("index.md wins over README.md with a CH005 warning, and README stays reachable")
    func indexAndReadme() throws {
        let site = try TemporarySite(["content/index.md": "# Index\n", "content/README.md": "# Readme\n"])
        let result = try site.build()
        #expect(located(result.diagnostics) == ["CH005 warning content/README.md:1:1"])
        #expect(try site.outputText("index.html").contains("<h1 id=\"index\">Index</h1>"))
        #expect(try site.outputText("README.html").contains("<h1 id=\"readme\">Readme</h1>"))
    }

    @Test("an oversized file is CH003, and empty or malformed data files are reported")
    func dataFilesAndSize() throws {
        let site = try TemporarySite([
            "content/strategies/empty.yaml": "",
            "content/strategies/list.yaml": "- a\n- b\n",
            "content/teams/broken.yaml": "name: \"unclosed\n",
        ])
        try site.write("content/huge.md", String(repeating: "word ", count: 2_200_000))
        let result = try site.build()
        #expect(located(result.diagnostics) == [
            "CH003 error content/huge.md:1:1",
            "CH107 error content/strategies/empty.yaml:1:1",
            "CH105 error content/strategies/list.yaml:1:1",
            "CH102 error content/teams/broken.yaml:2:1",
        ])
    }

    @Test("a missing site folder is an error of usage, not a crash")
    func missingRoot() throws {
        let site = try TemporarySite([:])
        #expect(throws: CharterError.missingRoot(site.folder.appending(path: "nope").path)) {
            try SiteBuilder.pinned(root: site.folder.appending(path: "nope")).build()
        }
    }
}

@Suite struct GeneratedPathTests {
    @Test("content on a path Charter writes itself is CH004 at the content file, and Charter's file is kept")
    func contentOnGeneratedPaths() throws {
        let site = try FixtureSite.make([
            .write("content/health.md", "# My notes\n"),
            .write("content/404.md", "# Lost\n"),
            .write("content/stages/planning.md", "# Planning notes\n"),
            .write("content/assets/charter.css", "body {}\n"),
            .write("content/robots.txt", "User-agent: *\n"),
        ])
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        let result = try builder.build()
        #expect(located(result.diagnostics) == [
            "CH004 error content/404.md:1:1", "CH004 error content/assets/charter.css:1:1", "CH004 error content/health.md:1:1",
            "CH004 error content/robots.txt:1:1", "CH004 error content/stages/planning.md:1:1",
        ])
        #expect(try site.outputText("health.html").contains("<h1>Health</h1>"))
        #expect(try site.outputText("stages/planning.html").contains("<p class=\"eyebrow\">Stage 1</p>"))
        #expect(try site.outputText("robots.txt") == "User-agent: *\nDisallow: /\n")
        #expect(try site.outputText("assets/charter.css").hasPrefix("/* Charter's default theme"))
    }
}
