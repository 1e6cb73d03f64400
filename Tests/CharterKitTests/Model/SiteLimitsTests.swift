import Foundation
import Testing
@testable import CharterKit

/// The limits a site can set in charter.yaml, and the table in docs/limits.md.
@Suite struct SiteLimitsTests {
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "docs/limits.md")

    @Test("sizes are bytes, binary units or decimal units", arguments: [
        ("1048576", 1_048_576), ("64MiB", 67_108_864), ("64 MiB", 67_108_864), ("1.5 GiB", 1_610_612_736),
        ("50MB", 50_000_000), ("2 kB", 2000), ("512 KiB", 524_288), ("12 B", 12),
    ])
    func sizes(text: String, bytes: Int) {
        #expect(SiteLimits.parseSize(text) == bytes)
    }

    @Test("what is not a size is nil", arguments: ["lots", "64 MiBs", "MiB", "-5MiB", "1e30 GiB", ""])
    func notSizes(text: String) {
        #expect(SiteLimits.parseSize(text) == nil)
    }

    @Test("a text file of exactly the default limit is read; one byte more is CH003 naming both sizes")
    func defaultFileSize() throws {
        let limit = SiteLimits.defaultMaximumFileSize
        #expect(limit == 10 * 1024 * 1024)
        let site = try TemporarySite(["content/index.md": "# Home\n"])
        try site.write("Templates/exact.css", Data(repeating: 0x20, count: limit))
        try site.write("Templates/over.css", Data(repeating: 0x20, count: limit + 1))
        let result = try SiteBuilder.pinned(root: site.root).check()
        #expect(located(result.diagnostics) == ["CH003 error Templates/over.css:1:1"])
        #expect(result.diagnostics.first?.message == "file is 10.0 MiB; Charter reads text files up to 10 MiB")
    }

    @Test("a page over 10 MiB is CH003 by default and is built once charter.yaml raises the limit")
    func raisedFileSize() throws {
        let line = String(repeating: "word ", count: 20) + "\n\n"
        let page = "# Big\n\n" + String(repeating: line, count: 11 * 1024 * 1024 / line.utf8.count + 1)
        let site = try TemporarySite(["content/index.md": "# Home\n", "content/big.md": page])
        let refused = try SiteBuilder.pinned(root: site.root).check()
        #expect(located(refused.diagnostics) == ["CH003 error content/big.md:1:1"])
        #expect(refused.diagnostics.first?.message == "file is 11.0 MiB; Charter reads text files up to 10 MiB")
        try site.write("charter.yaml", "limits: {max_file_size: 12MiB}\n")
        let result = try site.build()
        #expect(located(result.diagnostics) == [])
        #expect(try site.outputText("big.html").contains("<h1 id=\"big\">Big</h1>"))
        try site.write("charter.yaml", "limits: {max_file_size: 1MiB}\n")
        let lowered = try SiteBuilder.pinned(root: site.root).check()
        #expect(lowered.diagnostics.first?.message == "file is 11.0 MiB; Charter reads text files up to 1 MiB")
    }

    @Test("limits that cannot be used are CH011 or CH105 at the value, unknown ones CH108, and the defaults stay")
    func invalidLimits() throws {
        let site = try TemporarySite([
            "content/index.md": "# Home\n",
            "charter.yaml": "limits:\n  max_file_size: 2GiB\n  max_files: lots\n  max_depth: 3\n",
        ])
        let result = try SiteBuilder.pinned(root: site.root).check()
        #expect(located(result.diagnostics) == [
            "CH011 error charter.yaml:2:18", "CH011 error charter.yaml:3:14", "CH108 warning charter.yaml:4:3",
        ])
        #expect(result.diagnostics.map(\.message).prefix(2) == [
            "'max_file_size' must be a size from 1 B to 1 GiB such as 64MiB, not '2GiB'",
            "'max_files' must be a whole number from 1 to 10000000, not 'lots'",
        ])
        let (configuration, _) = SiteConfiguration.read(SourceText(path: "charter.yaml", text: "limits:\n  max_file_size: 2GiB\n"))
        #expect(configuration.limits == SiteLimits())
        let (_, wrong) = SiteConfiguration.read(SourceText(path: "charter.yaml", text: "limits: 5\n"))
        #expect(located(wrong) == ["CH105 error charter.yaml:1:9"])
    }

    @Test("max_files stops the listing with CH010 at the folder where it stopped")
    func fileCount() throws {
        let site = try TemporarySite([
            "charter.yaml": "limits: {max_files: 4}\n",
            "content/a.md": "# A\n", "content/b.md": "# B\n", "content/c.md": "# C\n",
            "content/d.md": "# D\n", "content/e/f.md": "# F\n",
        ])
        let result = try SiteBuilder.pinned(root: site.root).check()
        #expect(located(result.diagnostics) == ["CH010 error content:1:1"])
        #expect(result.diagnostics.first?.message == "the site has more than 4 files and folders; the rest of 'content' is not read")
        #expect(result.model?.pages.map(\.sourcePath).filter { !$0.isEmpty }.sorted() == ["content/a.md", "content/b.md", "content/c.md", "content/d.md"])
    }

    @Test("docs/limits.md holds the table of every limit, with the values the code enforces")
    func documented() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        let table = text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("|") }
        #expect(table.joined(separator: "\n") + "\n" == SiteLimits.markdownTable)
    }
}
