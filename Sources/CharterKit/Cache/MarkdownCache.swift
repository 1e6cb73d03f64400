import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rendered Markdown of each page from earlier builds, kept in one file,
/// `.charter-cache/markdown.pack`, under the hash of everything the rendering read: Charter
/// itself, the Markdown options, the page's text, paths and title. A page whose entry exists
/// is not parsed again; its links are resolved again against the current site, and the stored
/// HTML is used only when every link resolves to the same address as when it was stored, so
/// a page whose link target moved or vanished is rendered afresh.
///
/// The pack is a header and then records, each a key and an entry, appended: a build adds
/// the entries it rendered with one `write` at its end, and when the entries no page used
/// any more fill over half of the pack, it writes a new pack with only the used ones and
/// renames it over the old. A record cut short (a crash, a full disk) ends the pack there:
/// the records before it are read, the next save writes a new pack, and nothing worse
/// happens than rendering some pages again. The pack is mapped, not read, so that a build
/// touches only the entries of the pages it renders.
final class MarkdownCache: @unchecked Sendable {
    /// What is stored for one page version.
    struct Entry: Sendable, Equatable {
        var markdown: RenderedMarkdown
        /// What the link rewriter answered for each of `markdown.links`, in order.
        var hrefs: [String?]
    }

    static let fileName = "markdown.pack"
    /// The folder of files per page that Charter kept before the pack.
    private static let formerFolderName = "markdown"
    private static let header = Array("CHARTER-MARKDOWN-PACK 1\n".utf8)

    /// The records, in `.charter-cache/markdown.pack`.
    let pack: RecordPack
    /// Charter and the options: part of every page's key.
    let salt: String

    init(root: URL, options: MarkdownOptions, saving: Bool = true) {
        let folder = root.appending(path: BuildCache.folderName, directoryHint: .isDirectory)
        pack = RecordPack(file: folder.appending(path: Self.fileName), header: Self.header, saving: saving) {
            // The first pack a site gets removes the folder of files per page of older versions.
            try? FileManager.default.removeItem(at: folder.appending(path: Self.formerFolderName, directoryHint: .isDirectory))
        }
        var hasher = StableHasher()
        hasher.combine("markdown-cache 1")
        for part in BuildFingerprint.executableIdentity() { hasher.combine(part) }
        hasher.combine(String(describing: options))
        salt = hasher.finalize()
    }

    /// False for a check, which reads the pack and writes nothing.
    var saving: Bool { pack.saving }

    /// Removes the pack, and the folder of files per page that Charter kept before it.
    static func remove(root: URL) {
        let folder = root.appending(path: BuildCache.folderName, directoryHint: .isDirectory)
        try? FileManager.default.removeItem(at: folder.appending(path: fileName))
        try? FileManager.default.removeItem(at: folder.appending(path: formerFolderName, directoryHint: .isDirectory))
    }

    /// The key of a page rendered with these options and title rules.
    func key(for page: Page, writtenTo outputPath: String, extractTitle: Bool, footnotePrefix: String) -> String {
        var hasher = StableHasher()
        hasher.combine(salt)
        hasher.combine(page.sourcePath)
        hasher.combine(page.contentPath)
        hasher.combine(outputPath)
        hasher.combine(page.bodyLineOffset)
        hasher.combine(page.title)
        hasher.combine(String(describing: page.titleSource))
        hasher.combine(extractTitle)
        hasher.combine(footnotePrefix)
        hasher.combine(page.body)
        return hasher.finalize()
    }

    /// The entry stored under `key` when the cache was opened.
    func load(_ key: String) -> Entry? {
        pack.bytes(for: key).flatMap(Entry.decode)
    }

    /// Keeps an entry for `save`.
    func store(_ entry: Entry, as key: String) {
        guard saving else { return }
        pack.store(entry.encoded(), as: key)
    }

    /// Writes the entries stored since the cache was opened (`RecordPack.save(keeping:)`).
    func save(keeping used: Set<String>? = nil) {
        pack.save(keeping: used)
    }

    /// Where each key's latest entry is in a markdown pack, and how far the whole records go.
    static func scan(_ bytes: UnsafeRawBufferPointer?) -> (index: [String: Range<Int>], validLength: Int) {
        RecordPack.scan(bytes, header: header)
    }
}

// A page's entry is read for every cached page of every build, so it is stored in a small
// binary form rather than JSON, whose decoding cost about as much as rendering the page again:
// lengths and numbers as LEB128, text as UTF-8. The rare diagnostics go as one JSON value.
extension MarkdownCache.Entry {
    private static let magic = Array("CHMD1".utf8)

    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes += Self.magic
        writer.string(markdown.html)
        writer.number(markdown.headings.count)
        for heading in markdown.headings { writer.heading(heading) }
        writer.number(markdown.links.count)
        for link in markdown.links {
            writer.string(link.url)
            writer.number(link.isImage ? 1 : 0)
            writer.location(link.location)
        }
        if let title = markdown.extractedTitle {
            writer.number(1)
            writer.heading(title)
        } else {
            writer.number(0)
        }
        writer.number(hrefs.count)
        for href in hrefs { writer.optionalString(href) }
        // Sorted keys: the same entry is always the same bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let diagnostics = markdown.diagnostics.isEmpty ? Data() : (try? encoder.encode(markdown.diagnostics)) ?? Data()
        writer.number(diagnostics.count)
        writer.bytes += diagnostics
        return writer.bytes
    }

    init?(decoding bytes: [UInt8]) {
        guard let entry = bytes.withUnsafeBytes({ Self.decode($0) }) else { return nil }
        self = entry
    }

    /// The entry the bytes hold; nil when they are not exactly one entry.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Self? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(bytes: bytes, index: magic.count)
        guard let html = reader.string(), let headingCount = reader.number() else { return nil }
        var headings: [Heading] = []
        for _ in 0..<headingCount {
            guard let heading = reader.heading() else { return nil }
            headings.append(heading)
        }
        guard let linkCount = reader.number() else { return nil }
        var links: [MarkdownLink] = []
        for _ in 0..<linkCount {
            guard let url = reader.string(), let image = reader.number(), let location = reader.location() else { return nil }
            links.append(MarkdownLink(url: url, isImage: image == 1, location: location))
        }
        guard let hasTitle = reader.number() else { return nil }
        var title: Heading?
        if hasTitle == 1 {
            guard let heading = reader.heading() else { return nil }
            title = heading
        }
        guard let hrefCount = reader.number() else { return nil }
        var hrefs: [String?] = []
        for _ in 0..<hrefCount {
            guard let href = reader.optionalString() else { return nil }
            hrefs.append(href)
        }
        guard let diagnosticsLength = reader.number(), let blob = reader.take(diagnosticsLength), reader.isAtEnd else { return nil }
        var diagnostics: [Diagnostic] = []
        if !blob.isEmpty {
            guard let decoded = try? JSONDecoder().decode([Diagnostic].self, from: Data(blob)) else { return nil }
            diagnostics = decoded
        }
        return Self(
            markdown: RenderedMarkdown(html: html, headings: headings, links: links, diagnostics: diagnostics, extractedTitle: title),
            hrefs: hrefs)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func number(_ value: Int) {
        Self.appendNumber(value, to: &bytes)
    }

    /// A number as LEB128.
    static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt64(bitPattern: Int64(value))
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            bytes.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    mutating func string(_ text: String) {
        number(text.utf8.count)
        bytes += text.utf8
    }

    /// 0 for nil, else 1 + the length.
    mutating func optionalString(_ text: String?) {
        guard let text else { return number(0) }
        number(text.utf8.count + 1)
        bytes += text.utf8
    }

    mutating func location(_ location: SourceLocation) {
        string(location.path)
        number(location.line)
        number(location.column)
    }

    mutating func heading(_ heading: Heading) {
        number(heading.level)
        string(heading.text)
        optionalString(heading.id)
        location(heading.location)
    }
}

struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var index: Int

    var isAtEnd: Bool { index == bytes.count }

    mutating func number() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
        return nil
    }

    mutating func take(_ count: Int) -> Slice<UnsafeRawBufferPointer>? {
        guard count >= 0, count <= bytes.count - index else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
    }

    mutating func string() -> String? {
        guard let count = number(), let slice = take(count) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: slice), as: UTF8.self)
    }

    /// nil when the bytes are broken; `.some(nil)` for a stored nil.
    mutating func optionalString() -> String?? {
        guard let marker = number() else { return nil }
        if marker == 0 { return .some(nil) }
        guard let slice = take(marker - 1) else { return nil }
        return .some(String(decoding: UnsafeRawBufferPointer(rebasing: slice), as: UTF8.self))
    }

    mutating func location() -> SourceLocation? {
        guard let path = string(), let line = number(), let column = number() else { return nil }
        return SourceLocation(path: path, line: line, column: column)
    }

    mutating func heading() -> Heading? {
        guard let level = number(), let text = string(), let id = optionalString(), let location = location() else { return nil }
        return Heading(level: level, text: text, id: id, location: location)
    }
}
