import Foundation
import Testing
@testable import CharterKit

@Suite struct SiteWriterTests {
    @Test("a write that fails part-way leaves the old site byte-identical and no temporary folder")
    func failedWriteKeepsOldSite() throws {
        let site = try TemporarySite(["content/a.md": "# A\n", "content/b.md": "# B\n"])
        try site.build()
        let before = try TemporarySite.snapshot(of: site.output)

        // "x" is written as a file, so "x/y.html" cannot be created after it.
        let broken = RenderedSite(files: [
            OutputFile(path: "a.html", contents: .data(Data("new".utf8))),
            OutputFile(path: "x", contents: .data(Data("file".utf8))),
            OutputFile(path: "x/y.html", contents: .data(Data("never".utf8))),
        ])
        #expect(throws: CharterError.self) { try SiteWriter().write(broken, to: site.output) }
        #expect(try TemporarySite.snapshot(of: site.output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        #expect(siblings == ["out", "site"])
    }

    @Test("a build with content errors writes nothing and keeps the old site")
    func contentErrorsKeepOldSite() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        try site.build()
        let before = try TemporarySite.snapshot(of: site.output)
        try site.write("content/a.md", "---\ntitle: [broken\n---\n# A changed\n")
        let result = try site.build()
        #expect(result.diagnostics.containsErrors)
        #expect(result.outputDirectory == nil)
        #expect(try TemporarySite.snapshot(of: site.output) == before)
    }

    @Test("leftovers of an interrupted build are cleaned up by the next one, with their marker or without (killed before it was written)")
    func leftoversRemoved() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let leftover = site.folder.appending(path: ".out.charter-tmp-99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try OutputLocation.markerContents.write(to: leftover.appending(path: OutputLocation.markerName))
        let unmarked = site.folder.appending(path: ".out.charter-tmp-12345")
        try FileManager.default.createDirectory(at: unmarked, withIntermediateDirectories: true)
        try site.build()
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        #expect(siblings == ["out", "site"])
    }

    @Test("a non-empty folder that Charter did not create is refused and left untouched")
    func refusesForeignFolder() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: site.output.appending(path: "notes.txt"))
        #expect(throws: CharterError.self) { try site.build() }
        #expect(try TemporarySite.snapshot(of: site.output) == ["notes.txt": Data("keep me".utf8)])
    }

    @Test("an empty existing folder is accepted")
    func acceptsEmptyFolder() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "a.html").path))
    }

    @Test("the root, a folder holding the content, and system folders are refused", arguments: [
        ("site", "it is the site's root folder"),
        ("site/content", "it contains the content"),
        (".", "it contains the content"),
        ("site/content/out", "it is inside the content folder"),
        ("/usr", "it is a system or home folder"),
        ("/", "it is a system or home folder"),
    ])
    func refusedLocations(output: String, reason: String) throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let url = output.hasPrefix("/") ? URL(fileURLWithPath: output) : site.folder.appending(path: output)
        let canonical = OutputLocation.canonical(url).path
        #expect(throws: CharterError.refusedOutput(canonical, reason: reason)) {
            try SiteBuilder.pinned(root: site.root, output: url).build()
        }
        #expect(try TemporarySite.snapshot(of: site.root).keys.sorted() == ["content/a.md"])
    }
}
