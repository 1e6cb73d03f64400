import Foundation

/// The rendered Markdown of each page from earlier builds, kept in `.charter-cache/markdown/`,
/// one file per page version, named by the hash of everything the rendering read: Charter
/// itself, the Markdown options, the page's text, paths and title. A page whose file exists is
/// not parsed again; its links are resolved again against the current site, and the stored
/// HTML is used only when every link resolves to the same address as when it was stored, so
/// a page whose link target moved or vanished is rendered afresh.
struct MarkdownCache: Sendable {
    /// What is stored for one page version.
    struct Entry: Sendable, Equatable {
        var markdown: RenderedMarkdown
        /// What the link rewriter answered for each of `markdown.links`, in order.
        var hrefs: [String?]
    }

    let folder: URL
    /// Charter and the options: part of every page's key.
    let salt: String

    init(root: URL, options: MarkdownOptions) {
        folder = root.appending(path: BuildCache.folderName, directoryHint: .isDirectory)
            .appending(path: "markdown", directoryHint: .isDirectory)
        var hasher = StableHasher()
        hasher.combine("markdown-cache 1")
        for part in BuildFingerprint.executableIdentity() { hasher.combine(part) }
        hasher.combine(String(describing: options))
        salt = hasher.finalize()
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

    private func file(_ key: String) -> URL {
        folder.appending(path: "\(key).page")
    }

    func load(_ key: String) -> Entry? {
        guard let data = try? Data(contentsOf: file(key)) else { return nil }
        return Entry(decoding: [UInt8](data))
    }

    /// Stores an entry; a cache that cannot be written only costs the next build time.
    func store(_ entry: Entry, as key: String) {
        let data = Data(entry.encoded())
        let temporary = folder.appending(path: ".\(key).\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileWriter.write(data, to: temporary.path)
            if rename(temporary.path, file(key).path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Removes the entries no page of this build used, so the folder holds one version per page.
    func prune(keeping keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".page") && !keys.contains(String(name.dropLast(5))) {
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
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
        let diagnostics = markdown.diagnostics.isEmpty ? Data() : (try? JSONEncoder().encode(markdown.diagnostics)) ?? Data()
        writer.number(diagnostics.count)
        writer.bytes += diagnostics
        return writer.bytes
    }

    init?(decoding bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var reader = ByteReader(bytes: bytes, index: Self.magic.count)
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
        self.init(
            markdown: RenderedMarkdown(html: html, headings: headings, links: links, diagnostics: diagnostics, extractedTitle: title),
            hrefs: hrefs)
    }
}

private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func number(_ value: Int) {
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

private struct ByteReader {
    let bytes: [UInt8]
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

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - index else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
    }

    mutating func string() -> String? {
        guard let count = number(), let slice = take(count) else { return nil }
        return String(decoding: slice, as: UTF8.self)
    }

    /// nil when the bytes are broken; `.some(nil)` for a stored nil.
    mutating func optionalString() -> String?? {
        guard let marker = number() else { return nil }
        if marker == 0 { return .some(nil) }
        guard let slice = take(marker - 1) else { return nil }
        return .some(String(decoding: slice, as: UTF8.self))
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
