import Foundation

/// What the last build wrote, kept in a hidden folder under the site's root so that the next
/// build renders and writes only what changed.
///
/// The cache is safe to delete (the next build is then a full one) and is never published.
/// It is trusted only when everything it was made from matches: Charter's version, the
/// templates, the model files, the configuration, the day and the options (`key`), and the
/// published site is still the very folder that build swapped in (`site`).
struct BuildCache: Sendable, Equatable {
    /// The format of this file; a different one is ignored.
    static let format = 4
    /// The folder under the root, hidden so that the loader passes over it.
    static let folderName = ".charter-cache"

    struct Page: Sendable, Equatable {
        /// The fingerprint of the template and the whole context the page was rendered from.
        var fingerprint: String
        var size: Int
        /// The page's ids, when a link pointed into it: the anchor check needs no rescan.
        var ids: [String]?
    }

    /// A file of the site other than a page, written from memory: the hash of its bytes.
    struct File: Sendable, Equatable {
        var hash: String
        var size: Int

        init(hash: String, size: Int) {
            self.hash = hash
            self.size = size
        }

        init(of bytes: UnsafeRawBufferPointer) {
            var hasher = StableHasher()
            hasher.combine(bytes: bytes)
            hash = hasher.finalize()
            size = bytes.count
        }
    }

    /// Charter's version, the templates, the model, the configuration, the day and the options.
    var key: String
    /// Every input file's content, on top of `key`: equal means nothing changed at all.
    var inputs: String
    /// The published site's folder, which must still be the one this build swapped in.
    var site: FileIdentity
    /// The output folder's path, so that a build to another folder does not use this cache.
    var output: String
    /// Each HTML page Charter rendered, by its path in the site.
    var pages: [String: Page]
    /// Every other file Charter wrote from memory (the search index, the sitemap, robots.txt,
    /// the theme's assets), by its path in the site: one whose bytes are the same is linked
    /// from the published site rather than written again.
    var files: [String: File] = [:]
    /// Every diagnostic of that build, printed again when nothing has changed.
    var diagnostics: [Diagnostic]
    /// How many HTML pages the site has.
    var pageCount: Int

    /// One file per output folder, so that building to another folder neither uses nor spoils it.
    static func location(root: URL, output: URL) -> URL {
        var hasher = StableHasher()
        hasher.combine(output.path)
        return root.appending(path: folderName, directoryHint: .isDirectory).appending(path: "build-\(hasher.finalize().prefix(16)).cache")
    }

    /// The cache of the last build to `output` with the same key, if the site it describes is
    /// still the one published there; nil in every other case, including an unreadable file.
    static func load(root: URL, key: String, output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(root: root, output: output)),
              let cache = data.withUnsafeBytes({ decode($0) }),
              cache.key == key, cache.output == output.path,
              FileIdentity(of: output) == cache.site
        else { return nil }
        return cache
    }

    /// Saves the cache atomically: a build killed at any moment leaves the old file or the new one.
    func save(root: URL) {
        let url = Self.location(root: root, output: URL(fileURLWithPath: output, isDirectory: true))
        let folder = url.deletingLastPathComponent()
        // The stamps described the cache this one replaces.
        InputStamps.remove(root: root, output: URL(fileURLWithPath: output, isDirectory: true))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appending(path: ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
            try FileWriter.write(Data(encoded()), to: temporary.path)
            if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
            // The JSON file of formats up to 3, which this one replaces.
            unlink(url.deletingPathExtension().appendingPathExtension("json").path)
            let readme = folder.appending(path: "README")
            if !FileManager.default.fileExists(atPath: readme.path) {
                try? Data("Charter's build cache: what the last build wrote, so that the next one redoes only what changed.\nSafe to delete; never published. Keep it out of version control.\n".utf8).write(to: readme)
            }
        } catch {
            // A cache that cannot be written only makes the next build a full one.
        }
    }

    /// Removes the cache of builds to `output`, so that the next one starts from scratch.
    static func remove(root: URL, output: URL) {
        InputStamps.remove(root: root, output: output)
        try? FileManager.default.removeItem(at: location(root: root, output: output))
    }
}

// The cache is read by every build that is not a no-op and written by every build that writes,
// with an entry per page: a small binary form rather than JSON, whose decoding and encoding cost
// a tenth of a one-file rebuild at 10,000 pages. Lengths and numbers are LEB128, text UTF-8,
// the pages and files sorted by path; the diagnostics go as one JSON value.
extension BuildCache {
    private static let magic = Array("CHARTER-BUILD-CACHE \(format)\n".utf8)

    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes += Self.magic
        writer.string(key)
        writer.string(inputs)
        writer.number(Int(truncatingIfNeeded: site.device))
        writer.number(Int(truncatingIfNeeded: site.inode))
        writer.string(output)
        writer.number(pageCount)
        writer.number(pages.count)
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.string(page.fingerprint)
            writer.number(page.size)
            // 0 for none, else 1 + how many.
            writer.number(page.ids.map { $0.count + 1 } ?? 0)
            for id in page.ids ?? [] { writer.string(id) }
        }
        writer.number(files.count)
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.string(file.hash)
            writer.number(file.size)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let diagnostics = (try? encoder.encode(self.diagnostics)) ?? Data("[]".utf8)
        writer.number(diagnostics.count)
        writer.bytes += diagnostics
        return writer.bytes
    }

    /// The cache the bytes hold; nil when they are not exactly one cache of this format.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> BuildCache? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(bytes: bytes, index: magic.count)
        guard let key = reader.string(), let inputs = reader.string(), let device = reader.number(), let inode = reader.number(),
              let output = reader.string(), let pageCount = reader.number(), let pageTotal = reader.number(),
              pageTotal >= 0, pageTotal <= bytes.count
        else { return nil }
        var pages: [String: Page] = [:]
        pages.reserveCapacity(pageTotal)
        for _ in 0..<pageTotal {
            guard let path = reader.string(), let fingerprint = reader.string(), let size = reader.number(), let marker = reader.number(),
                  marker >= 0, marker <= bytes.count
            else { return nil }
            var ids: [String]?
            if marker > 0 {
                var list: [String] = []
                list.reserveCapacity(marker - 1)
                for _ in 0..<(marker - 1) {
                    guard let id = reader.string() else { return nil }
                    list.append(id)
                }
                ids = list
            }
            pages[path] = Page(fingerprint: fingerprint, size: size, ids: ids)
        }
        guard let fileTotal = reader.number(), fileTotal >= 0, fileTotal <= bytes.count else { return nil }
        var files: [String: File] = [:]
        for _ in 0..<fileTotal {
            guard let path = reader.string(), let hash = reader.string(), let size = reader.number() else { return nil }
            files[path] = File(hash: hash, size: size)
        }
        guard let length = reader.number(), let blob = reader.take(length), reader.isAtEnd,
              let diagnostics = try? JSONDecoder().decode([Diagnostic].self, from: Data(blob))
        else { return nil }
        return BuildCache(
            key: key, inputs: inputs,
            site: FileIdentity(device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode))),
            output: output, pages: pages, files: files, diagnostics: diagnostics, pageCount: pageCount)
    }
}
