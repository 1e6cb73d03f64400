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
        // The same entry is the same bytes, every time.
        #expect(entry.encoded() == entry.encoded())
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

/// The pack that holds every cached page: one file, appended to, written anew when mostly
/// unused, and read up to the first damaged record.
@Suite struct MarkdownPackTests {
    let site: TemporarySite
    let options = MarkdownOptions()
    let entry: MarkdownCache.Entry
    var other: MarkdownCache.Entry {
        var other = entry
        other.markdown.html = "<p>other</p>\n"
        return other
    }

    init() throws {
        site = try TemporarySite()
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        entry = try MarkdownCacheTests.sample()
    }

    func open(saving: Bool = true) -> MarkdownCache {
        MarkdownCache(root: site.root, options: options, saving: saving)
    }

    var pack: URL { site.root.appending(path: ".charter-cache/markdown.pack") }

    func packBytes() throws -> Data { try Data(contentsOf: pack) }

    @Test("entries saved by one build are read by the next, and a later record of the same key wins")
    func saveAndLoad() throws {
        let first = open()
        #expect(first.load("a") == nil)
        first.store(entry, as: "a")
        first.store(other, as: "b")
        first.save(keeping: ["a", "b"])
        let second = open()
        #expect(second.load("a") == entry)
        #expect(second.load("b") == other)
        #expect(second.load("c") == nil)
        second.store(entry, as: "b")
        second.save(keeping: ["a", "b"])
        #expect(open().load("b") == entry)
    }

    @Test("a build that adds entries appends them: the records before are not rewritten")
    func appends() throws {
        let first = open()
        for key in ["a", "b", "c"] { first.store(entry, as: key) }
        first.save(keeping: ["a", "b", "c"])
        let before = try packBytes()
        let second = open()
        second.store(other, as: "d")
        second.save(keeping: ["a", "b", "c", "d"])
        let after = try packBytes()
        #expect(after.count > before.count)
        #expect(after.prefix(before.count) == before)
        // A live preview's save, without the keys of a whole build, appends too.
        let third = open()
        third.store(other, as: "e")
        third.save()
        #expect(try packBytes().prefix(after.count) == after)
        #expect(open().load("e") == other)
    }

    @Test("when unused records fill over half the pack, it is written anew with only the used ones")
    func compacts() throws {
        let first = open()
        for key in ["a", "b", "c", "d"] { first.store(entry, as: key) }
        first.save(keeping: ["a", "b", "c", "d"])
        let full = try packBytes().count
        // Two of four unused: exactly half, so the pack is kept and the new record appended.
        let second = open()
        second.store(other, as: "e")
        second.save(keeping: ["a", "b", "e"])
        #expect(try packBytes().count > full)
        #expect(open().load("c") == entry)
        // Now three of five are unused: a new pack with the two used ones.
        let third = open()
        third.save(keeping: ["a", "e"])
        let compacted = open()
        #expect(compacted.load("a") == entry)
        #expect(compacted.load("e") == other)
        for key in ["b", "c", "d"] { #expect(compacted.load(key) == nil) }
        #expect(try packBytes().count < full)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: pack.deletingLastPathComponent().path)
        #expect(siblings == ["markdown.pack"])
    }

    @Test("a pack cut short is read up to its last whole record, and the next save writes it whole again", arguments: [1, 5])
    func tornTail(cut: Int) throws {
        let first = open()
        first.store(entry, as: "a")
        first.store(other, as: "b")
        first.save(keeping: ["a", "b"])
        let whole = try packBytes()
        try whole.dropLast(cut).write(to: pack)
        let damaged = open()
        #expect(damaged.load("a") == entry)
        #expect(damaged.load("b") == nil)
        damaged.store(other, as: "b")
        damaged.save(keeping: ["a", "b"])
        #expect(try packBytes() == whole)
    }

    @Test("a file that is not a pack gives no entries and is replaced by one")
    func foreignFile() throws {
        try FileManager.default.createDirectory(at: pack.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a pack at all".utf8).write(to: pack)
        let cache = open()
        #expect(cache.load("a") == nil)
        cache.store(entry, as: "a")
        cache.save()
        #expect(open().load("a") == entry)
        #expect(try packBytes().starts(with: Data("CHARTER-MARKDOWN-PACK 1\n".utf8)))
    }

    @Test("a check's cache reads the pack and writes nothing")
    func readOnly() throws {
        let reader = open(saving: false)
        reader.store(entry, as: "a")
        reader.save(keeping: ["a"])
        #expect(!FileManager.default.fileExists(atPath: pack.path))
        let writer = open()
        writer.store(entry, as: "a")
        writer.save(keeping: ["a"])
        let bytes = try packBytes()
        let checking = open(saving: false)
        #expect(checking.load("a") == entry)
        checking.save(keeping: [])
        #expect(try packBytes() == bytes)
    }

    @Test("a pack made from nothing writes its records out as they come and has them all once saved; one never saved leaves no file")
    func spilledRecords() throws {
        let site = try TemporarySite()
        let folder = site.root.appending(path: ".charter-cache", directoryHint: .isDirectory)
        let file = folder.appending(path: "test.pack")
        let header = Array("TEST-PACK 1\n".utf8)
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".new") }
        }
        let pack = RecordPack(file: file, header: header, saving: true)
        pack.spillAfter = 100
        for number in 0..<50 { pack.store(Array(repeating: UInt8(number), count: 30), as: "k\(number)") }
        // On disk before the save, in a file that is not yet the pack.
        #expect(try leftovers().count == 1)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        pack.save(keeping: Set((0..<50).map { "k\($0)" }))
        #expect(try leftovers() == [])
        let saved = RecordPack(file: file, header: header, saving: true)
        for number in 0..<50 {
            #expect(saved.bytes(for: "k\(number)").map { Array($0) } == Array(repeating: UInt8(number), count: 30))
        }
        // A pack that exists appends at its save, and writes nothing before.
        saved.spillAfter = 10
        saved.store([7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7], as: "more")
        #expect(try leftovers() == [])
        saved.save()
        // The bytes live in the pack's mapping: the pack is kept until they are copied.
        let appended = RecordPack(file: file, header: header, saving: false)
        withExtendedLifetime(appended) {
            #expect(appended.bytes(for: "more").map { Array($0) } == Array(repeating: 7, count: 12))
            #expect(appended.bytes(for: "k49").map { Array($0) } == Array(repeating: 49, count: 30))
        }

        // A pack never saved (a build that stopped) takes its file with it.
        let other = folder.appending(path: "other.pack")
        do {
            let abandoned = RecordPack(file: other, header: header, saving: true)
            abandoned.spillAfter = 10
            for number in 0..<5 { abandoned.store(Array(repeating: UInt8(number), count: 20), as: "a\(number)") }
            #expect(try leftovers().count == 1)
        }
        #expect(try leftovers() == [])
        #expect(!FileManager.default.fileExists(atPath: other.path))
    }

    @Test("a cold build keeps its Markdown in one file, and removes the folder of files per page that older versions kept")
    func oneFilePerBuild() throws {
        var files: [String: String] = [:]
        for number in 1...12 { files["content/page-\(number).md"] = "# Page \(number)\n\nText of page \(number).\n" }
        let built = try TemporarySite(files)
        try built.write(".charter-cache/markdown/0123456789abcdef0123456789abcdef.page", "left by an older Charter")
        try built.build()
        let cache = built.root.appending(path: ".charter-cache")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        #expect(names.filter { !$0.hasPrefix("build-") } == ["README", "markdown.pack", "search.pack"])
        // The build cache and the walk's stamps (`InputStamps`), one of each for the one output.
        #expect(names.filter { $0.hasPrefix("build-") }.map { URL(fileURLWithPath: $0).pathExtension } == ["cache", "stamps"])
        // Every page is read back: a second cache finds all twelve records.
        let pack = try Data(contentsOf: cache.appending(path: "markdown.pack"))
        let index = pack.withUnsafeBytes { MarkdownCache.scan($0).index }
        #expect(index.count == 12)
    }
}
