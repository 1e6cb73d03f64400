import Foundation

/// The rendered Markdown of each page from earlier builds, kept in `.charter-cache/markdown/`,
/// one file per page version, named by the hash of everything the rendering read: Charter
/// itself, the Markdown options, the page's text, paths and title. A page whose file exists is
/// not parsed again; its links are resolved again against the current site, and the stored
/// HTML is used only when every link resolves to the same address as when it was stored, so
/// a page whose link target moved or vanished is rendered afresh.
struct MarkdownCache: Sendable {
    /// What is stored for one page version.
    struct Entry: Codable, Sendable {
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
        folder.appending(path: "\(key).json")
    }

    func load(_ key: String) -> Entry? {
        guard let data = try? Data(contentsOf: file(key)) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    /// Stores an entry; a cache that cannot be written only costs the next build time.
    func store(_ entry: Entry, as key: String) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        let temporary = folder.appending(path: ".\(key).\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if rename(temporary.path, file(key).path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Removes the entries no page of this build used, so the folder holds one version per page.
    func prune(keeping keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".json") && !keys.contains(String(name.dropLast(5))) {
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
    }
}
