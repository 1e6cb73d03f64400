import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CharterKit

/// Content written to attack the site's readers or the build itself (issue 12, item 6): in safe
/// mode nothing an author writes may run in a reader's browser, in any page, the search index,
/// the sitemap or the JSON and SARIF reports; odd file names give working pages; nesting, alias
/// bombs, NUL bytes, CRLF and byte-order marks give diagnostics, never a crash or a hang.
@Suite struct HostileContentTests {
    /// Markup that runs script if it reaches a page unescaped, in element, attribute and script contexts.
    static let markup = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)></script><!--"

    /// Markdown links whose destinations run script, in the spellings browsers and cmark-gfm accept.
    static let scriptLinks = [
        "[a](javascript:alert(1))", "[b](JaVaScRiPt:alert(1))", "[c](&#106;avascript:alert(1))",
        "[d](&#x6A;&#x61;vascript:alert(1))", "[e](java&#x09;script:alert(1))", "[f](<javascript:alert(1)>)",
        "[g](&#0000106avascript:alert(1))", "[h](javascript&colon;alert(1))", "[i](vbscript:msgbox(1))",
        "[j](VBScript:msgbox(1))", "[k](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[l](DATA:text/html,<script>alert(1)</script>)", "[m](data:image/svg+xml,<svg onload=alert(1)>)",
        "[n](\u{01}javascript:alert(1))", "[o](&#1;javascript:alert(1))", "[p]( javascript:alert(1))",
        "<javascript:alert(1)>", "![q](javascript:alert(1))", "[r][ref]",
        "[t](%6Aavascript:alert(1))", "[u](&#x20;javascript:alert(1))",
    ]

    /// `markup` and every script link, for a YAML or front-matter value.
    static var payload: String { markup + " " + scriptLinks.joined(separator: " ") }

    // MARK: Script in content

    @Test("HTML and script URLs in every YAML field, title, tag, description, parameter and heading never run")
    func scriptEverywhere() throws {
        let quoted = Self.jsonString(Self.payload)
        let site = try FixtureSite.make([
            .write("charter.yaml", "title: \(quoted)\ndescription: \(quoted)\npublic: true\nbase_url: https://example.org/play/\n"),
            .write("content/guides/hostile.md", """
                ---
                title: \(quoted)
                description: \(quoted)
                tags: [\(quoted), "javascript:alert(1)"]
                owner: \(quoted)
                custom: \(quoted)
                ---
                # Heading \(Self.markup)

                ## \(Self.scriptLinks.joined(separator: " "))

                \(Self.scriptLinks.joined(separator: "\n\n"))

                [ref]: javascript:alert(1)

                <a href="javascript:alert(1)" onclick="alert(1)">raw</a>
                <div onmouseover="alert(1)">x</div>

                """),
            .write("content/guides/plain.md", "# \(Self.markup)\n\nSee [the hostile page](hostile.md).\n"),
        ] + Self.everyValue(of: ["content/strategies/community.yaml", "content/teams/hub.yaml"]))
        let result = try Self.build(site)
        #expect(result.outputDirectory != nil)
        try Self.expectNothingRuns(in: site, result: result, base: "https://example.org/play/")
        // The payload did reach the pages, escaped: the test is not passing on empty pages.
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        for page in ["guides/hostile.html", "guides/plain.html", "strategies/community.html", "teams/hub.html", "index.html"] {
            #expect(try site.outputText(page).contains(escaped), "\(page) does not show the payload as text")
        }
        let index = try TemporarySite.snapshot(of: site.output).filter { $0.key.hasPrefix("search/entries-") }
        #expect(index.values.contains { String(decoding: $0, as: UTF8.self).contains("alert(1)<\\/script>") })
    }

    @Test("each spelling of a script URL in Markdown gives a link that goes nowhere")
    func scriptLinkSpellings() throws {
        var files: [String: String] = [:]
        for (number, link) in Self.scriptLinks.enumerated() {
            files["content/link-\(number).md"] = "# Link \(number)\n\n\(link)\n\n[ref]: javascript:alert(1)\n"
        }
        let site = try TemporarySite(files)
        let result = try site.build(allowErrors: true)
        try Self.expectNothingRuns(in: site, result: result, base: nil)
        for number in Self.scriptLinks.indices {
            let html = try site.outputText("link-\(number).html")
            #expect(html.contains("<h1 id=\"link-\(number)\">Link \(number)</h1>"))
            // Whatever the spelling, a link goes nowhere, stays text, or is a relative URL without a scheme.
            let hrefs = Self.hrefs(in: html).filter { $0.contains("alert") || $0.contains("msgbox") }
            #expect(hrefs.allSatisfy { LinkResolver.scheme(of: $0[...]) == nil }, "link-\(number): \(hrefs)")
        }
    }

    // MARK: File names

    @Test("odd file names give a working page at a correctly escaped URL", arguments: [
        "a b", "quo\"te", "apo'st", "<b onmouseover=alert(1)>x", "hash#part", "per%41cent", "ask?x=1", "ünïcødé 日本",
        "javascript:alert(1)", " leading space", "amp&amp;", "tab\tname",
    ])
    func oddFileNames(name: String) throws {
        let site = try TemporarySite([
            "content/index.md": "# Home\n",
            "content/\(name).md": "---\ntitle: Odd\n---\n# Odd\n\n[home](index.md)\n",
            "content/guides/\(name).md": "# Odd guide\n\n[up](../index.md)\n",
            "content/guides/index.md": "# Guides\n",
        ])
        let result = try site.build()
        #expect(located(result.diagnostics) == [])
        try Self.expectNothingRuns(in: site, result: result, base: nil)
        // Every link of every page leads to a file that exists: the name's URL is escaped right.
        let files = try TemporarySite.snapshot(of: site.output)
        #expect(files["\(name).html"] != nil && files["guides/\(name).html"] != nil)
        var followed = 0
        for (path, data) in files where path.hasSuffix(".html") {
            for href in Self.hrefs(in: String(decoding: data, as: UTF8.self)) where !href.hasPrefix("#") && !href.contains("//") {
                let target = try #require(Self.follow(href, from: path), "\(path): \(href) is not a relative URL")
                #expect(files[target] != nil || files[target + "index.html"] != nil, "\(path): \(href) leads to nothing (\(target))")
                if target.hasSuffix("\(name).html") { followed += 1 }
            }
        }
        #expect(followed >= 2, "no page links to the odd names")
    }

    @Test("a file name that is not UTF-8 is CH020 at its path, and the rest of the site builds")
    func fileNameNotUTF8() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n"])
        // The bytes 0xFF 0xFE in a name, written through the C API: Foundation would re-encode them.
        for name in ["bad-", "guides/"] {
            if name == "guides/" { try FileManager.default.createDirectory(at: site.root.appending(path: "content/guides"), withIntermediateDirectories: true) }
            let path = Array((site.root.path + "/content/\(name)").utf8) + [0xFF, 0xFE] + Array(".md".utf8) + [0]
            let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
            try #require(descriptor >= 0)
            close(descriptor)
        }
        let result = try site.build(allowErrors: true)
        #expect(located(result.diagnostics) == [
            "CH020 error content/bad-\u{FFFD}\u{FFFD}.md:1:1", "CH020 error content/guides/\u{FFFD}\u{FFFD}.md:1:1",
        ])
        #expect(try site.outputText("index.html").contains("<h1 id=\"home\">Home</h1>"))
    }

    @Test("a backslash in a file name is CH020, since browsers read it as a slash")
    func backslashFileName() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n", "content/back\\slash.md": "# Back\n"])
        let result = try site.build(allowErrors: true)
        #expect(located(result.diagnostics) == ["CH020 error content/back\\slash.md:1:1"])
        #expect(try TemporarySite.snapshot(of: site.output).keys.allSatisfy { !$0.contains("slash") })
    }

    @Test("a tag as long as a paragraph gets a page whose file name the system accepts")
    func longTag() throws {
        let tag = String(repeating: "very long tag ", count: 40)
        let site = try TemporarySite(["content/index.md": "---\ntags: [\"\(tag)\", \"\(tag)!\"]\n---\n# Home\n"])
        let result = try site.build()
        #expect(located(result.diagnostics) == [])
        let slug = String(String(repeating: "very-long-tag-", count: 8).prefix(100))
        let tags = try TemporarySite.snapshot(of: site.output).keys.filter { $0.hasPrefix("tags/") }.sorted()
        #expect(tags == ["tags/index.html", "tags/\(slug)-1.html", "tags/\(slug).html"])
    }

    // MARK: Shapes that attack the parsers

    @Test("ten thousand levels of Markdown nesting render in bounded time", arguments: [
        "blockquotes", "lists", "emphasis", "links", "brackets", "images", "ordered",
    ])
    func deepMarkdown(kind: String) throws {
        let depth = 10_000
        let text: String
        switch kind {
        case "blockquotes": text = String(repeating: ">", count: depth) + " deep\n"
        // A list item may open another on the same line: ten thousand levels in 20 kB.
        case "lists": text = String(repeating: "- ", count: depth) + "item\n"
        case "ordered": text = String(repeating: "1. ", count: depth) + "item\n"
        case "emphasis": text = String(repeating: "*a _b ", count: depth) + String(repeating: "_ c*", count: depth) + "\n"
        case "links": text = String(repeating: "[", count: depth) + "x" + String(repeating: "](y)", count: depth) + "\n"
        case "images": text = String(repeating: "![", count: depth) + "x" + String(repeating: "](y.png)", count: depth) + "\n"
        default: text = String(repeating: "[(", count: depth) + String(repeating: ")]", count: depth) + "\n"
        }
        let site = try TemporarySite(["content/deep.md": "# Deep\n\n" + text])
        let clock = ContinuousClock()
        var result: BuildResult?
        let elapsed = try clock.measure { result = try site.build(allowErrors: true) }
        #expect(elapsed < .seconds(60), "took \(elapsed)")
        #expect(result?.outputDirectory != nil)
        #expect(try site.outputText("deep.html").contains("<h1 id=\"deep\">Deep</h1>"))
    }

    @Test("ten thousand levels of YAML nesting are CH104 in every kind of YAML file", arguments: [
        "charter.yaml", "model/stages.yaml", "content/strategies/deep.yaml", "content/teams/deep.yaml", "content/deep.md",
    ])
    func deepYAML(path: String) throws {
        func document(_ yaml: String) -> String { path.hasSuffix(".md") ? "---\n\(yaml)---\n# Deep\n" : yaml }
        let line = path.hasSuffix(".md") ? 2 : 1
        // Flow collections: the 501st bracket, after "key: ", is where the depth limit is passed.
        let flow = "key: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let site = try TemporarySite(["content/index.md": "# Home\n", path: document(flow)])
        #expect(located(try SiteBuilder.pinned(root: site.root).check().diagnostics).filter { $0.hasPrefix("CH104") } == ["CH104 error \(path):\(line):506"])
        // Block mappings need a column per level, so a thousand levels already take 500 kB.
        let block = (0..<1_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        let deepBlock = try TemporarySite(["content/index.md": "# Home\n", path: document(block)])
        #expect(located(try SiteBuilder.pinned(root: deepBlock.root).check().diagnostics).filter { $0.hasPrefix("CH104") } == ["CH104 error \(path):\(line + 501):501"])
    }

    @Test("an alias bomb is CH104 in front matter and in charter.yaml, quickly", arguments: ["charter.yaml", "content/bomb.md"])
    func aliasBomb(path: String) throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let bomb = lines.joined(separator: "\n") + "\n"
        let site = try TemporarySite(["content/index.md": "# Home\n", path: path.hasSuffix(".md") ? "---\n\(bomb)---\n# Bomb\n" : bomb])
        let clock = ContinuousClock()
        var result: BuildResult?
        let elapsed = try clock.measure { result = try SiteBuilder.pinned(root: site.root).check() }
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        let line = path.hasSuffix(".md") ? 7 : 6
        #expect(located(result?.diagnostics ?? []).filter { $0.hasPrefix("CH104") } == ["CH104 error \(path):\(line):1"])
    }

    @Test("NUL bytes in Markdown become U+FFFD; in YAML they are CH102 on their line")
    func nulBytes() throws {
        let site = try TemporarySite([
            "content/index.md": "# Home\u{0}page\n\nText\u{0}with a NUL.\n",
            "content/teams/hub.yaml": "name: Hub\nmission: a\u{0}b\n",
            "content/nul.md": "---\ntitle: \"x\u{0}y\"\n---\n# NUL\n",
        ])
        let result = try site.build(allowErrors: true)
        #expect(located(result.diagnostics) == ["CH102 error content/nul.md:2:1", "CH102 error content/teams/hub.yaml:2:1"])
        let home = try site.outputText("index.html")
        #expect(home.contains("Text\u{FFFD}with a NUL.") && !home.contains("\u{0}"))
    }

    @Test("a byte-order mark and CRLF in YAML files keep positions on the right lines")
    func bomAndCRLFInYAML() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n"])
        let bom = Data([0xEF, 0xBB, 0xBF])
        try site.write("charter.yaml", bom + Data("title: Site\r\nunknown_key: 1\r\n".utf8))
        try site.write("content/teams/hub.yaml", bom + Data("name: Hub\r\nmission: Help\r\nmembers: 7\r\n".utf8))
        let result = try site.build(allowErrors: true)
        #expect(located(result.diagnostics) == ["CH108 warning charter.yaml:2:1", "CH105 error content/teams/hub.yaml:3:10"])
        #expect(try site.outputText("teams/hub.html").contains("Help"))
    }

    // MARK: Helpers

    static func build(_ site: TemporarySite) throws -> BuildResult {
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        return try builder.build()
    }

    /// Every page, search index file, the sitemap and the JSON and SARIF reports are free of
    /// anything that runs, and the machine-read files still parse.
    static func expectNothingRuns(in site: TemporarySite, result: BuildResult, base: String?) throws {
        let files = try TemporarySite.snapshot(of: site.output)
        #expect(!files.isEmpty)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") {
                #expect(HTMLSafety.findings(in: text) == [], "\(path)")
            } else if path.hasPrefix("search/") {
                // An index file is one assignment of a JSON literal: anything that broke out of a
                // string would make it invalid JSON, and `</script` would end an inline script.
                #expect(!text.lowercased().contains("</script"), "\(path)")
                let start = try #require(text.firstIndex(of: "\n"))
                let literal = text[text.index(before: start)...].dropLast(2)
                #expect((try? JSONSerialization.jsonObject(with: Data(literal.utf8))) != nil, "\(path) is not one JSON literal")
            } else if path == "sitemap.xml" {
                let parser = XMLParser(data: data)
                #expect(parser.parse(), "sitemap.xml is not well-formed")
                for location in text.components(separatedBy: "<loc>").dropFirst().map({ $0.components(separatedBy: "</loc>")[0] }) {
                    let url = try #require(URL(string: HTMLSafety.decodeEntities(location)), "\(location) is not a URL")
                    #expect(url.absoluteString.hasPrefix(base ?? "") && url.scheme == "https", "\(location)")
                    let page = String(HTMLSafety.decodeEntities(location).dropFirst(base?.count ?? 0)).removingPercentEncoding ?? ""
                    #expect(files[page] != nil, "the sitemap lists \(location), which is not in the site")
                }
            }
        }
        if base != nil { #expect(files["sitemap.xml"] != nil) }
        let report = DiagnosticReport(result.diagnostics)
        for json in [report.json(), report.sarif()] {
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
        }
    }

    /// Edits that append the payload to every text value of the YAML files, written back as JSON
    /// (which is YAML), so that every field a template shows carries script.
    static func everyValue(of paths: [String]) -> [FixtureSite.Edit] {
        paths.map { path in
            let text = (try? String(contentsOf: FixtureSite.basic.appending(path: path), encoding: .utf8)) ?? ""
            let node = YAMLReader().read(text, path: path).node
            return .write(path, node.map { json($0, appending: payload) } ?? "")
        }
    }

    static func json(_ node: YAMLNode, appending suffix: String) -> String {
        switch node.kind {
        case .scalar(let text, .string): jsonString(text + " " + suffix)
        case .scalar(let text, .timestamp): jsonString(text)
        case .scalar(let text, _): text.isEmpty ? "null" : text
        case .sequence(let items): "[" + items.map { json($0, appending: suffix) }.joined(separator: ", ") + "]"
        case .mapping(let entries): "{" + entries.map { jsonString($0.key) + ": " + json($0.value, appending: suffix) }.joined(separator: ", ") + "}"
        }
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// The values of every `href="..."` in a page, entities decoded.
    static func hrefs(in html: String) -> [String] {
        html.components(separatedBy: " href=\"").dropFirst().map { HTMLSafety.decodeEntities(String($0.prefix { $0 != "\"" })) }
    }

    /// The site path a relative URL leads to from the page at `path`, as a browser resolves it.
    static func follow(_ href: String, from path: String) -> String? {
        guard let base = URL(string: "https://site.test/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)),
              let url = URL(string: href, relativeTo: base), url.host == "site.test" else { return nil }
        return String(url.absoluteURL.path.dropFirst())
    }
}
