import Foundation

/// What the last build wrote, kept in a hidden folder under the site's root so that the next
/// build renders and writes only what changed.
///
/// The cache is safe to delete (the next build is then a full one) and is never published.
/// It is trusted only when everything it was made from matches: Charter's version, the
/// templates, the model files, the configuration, the day and the options (`key`), and the
/// published site is still the very folder that build swapped in (`site`).
struct BuildCache: Codable, Sendable {
    /// The format of this file; a different one is ignored.
    static let format = 3
    /// The folder under the root, hidden so that the loader passes over it.
    static let folderName = ".charter-cache"

    struct Page: Codable, Sendable {
        /// The fingerprint of the template and the whole context the page was rendered from.
        var fingerprint: String
        var size: Int
        /// The page's ids, when a link pointed into it: the anchor check needs no rescan.
        var ids: [String]?
    }

    /// A file of the site other than a page, written from memory: the hash of its bytes.
    struct File: Codable, Sendable, Equatable {
        var hash: String
        var size: Int

        init(of bytes: UnsafeRawBufferPointer) {
            var hasher = StableHasher()
            hasher.combine(bytes: bytes)
            hash = hasher.finalize()
            size = bytes.count
        }
    }

    var format = BuildCache.format
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
        return root.appending(path: folderName, directoryHint: .isDirectory).appending(path: "build-\(hasher.finalize().prefix(16)).json")
    }

    /// The cache of the last build to `output` with the same key, if the site it describes is
    /// still the one published there; nil in every other case, including an unreadable file.
    static func load(root: URL, key: String, output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(root: root, output: output)),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.format == format, cache.key == key, cache.output == output.path,
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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(self)
            let temporary = folder.appending(path: ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
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
