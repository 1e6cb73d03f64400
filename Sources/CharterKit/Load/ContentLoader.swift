public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file copied to the site as it is (an image, a PDF).
public struct Asset: Sendable, Hashable {
    /// Path relative to the content folder; also its path in the site.
    public var contentPath: String
    /// Path relative to the site root, for diagnostics.
    public var sourcePath: String
    /// Where the file is on disk.
    public var fileURL: URL
}

/// Everything read from a site's folder: decoded text files, assets, and the problems met on the way.
public struct LoadedContent: Sendable {
    /// The site's root folder.
    public var root: URL
    /// The content folder: `content/` under the root when it exists, else the root itself.
    public var contentDirectory: URL
    /// The content folder's path relative to the root ("content", or "" for the root).
    public var contentPrefix: String
    /// Markdown files, keyed by nothing: each carries its own path.
    public var markdown: [ContentFile] = []
    /// YAML files under `strategies/` and `teams/`, and the objectives register.
    public var data: [ContentFile] = []
    public var assets: [Asset] = []
    /// `charter.yaml` at the root, if present.
    public var configuration: SourceText?
    /// The site's model files, `<root>/model/*.yaml`, which change the built-in framework.
    public var modelFiles: [SourceText] = []
    /// The site's translation files, `<root>/i18n/*.yaml`.
    public var messageFiles: [SourceText] = []
    /// Site templates from `<root>/Templates/`, keyed by path below that folder.
    public var templates: [String: TemplateSource] = [:]
    public var diagnostics: [Diagnostic] = []
    /// The text files read from the disk rather than taken from a session's memory, by source
    /// path: with a session, the only files whose text may differ from the last load's.
    var read: Set<String> = []
    var filesRead: Int { read.count }
    /// Whether the folders were walked; a session's load told which files changed looks at those only.
    var walked = true
    /// A session's number for this load, and, for a load that only read the files it was told
    /// had changed, the load it changed and the files it read: what is worked out from the
    /// whole content can be worked out again from those alone.
    var generation = 0
    var patch: LoadPatch?
}

/// The files a load read again on top of an earlier load of the same session.
struct LoadPatch: Sendable {
    /// The earlier load's `generation`.
    var base: Int
    var markdown: [ContentFile] = []
    var data: [ContentFile] = []
}

extension LoadedContent {
    /// A value worked out from the whole content, kept in `memo` with this load's number: when
    /// this load patched the one the memo was made from, the memo's value is patched with the
    /// files read (taken out of the memo first, so that it is changed in place); otherwise it is
    /// worked out whole.
    func derive<Value>(
        _ memo: inout (generation: Int, value: Value)?, whole: () -> Value, patching apply: (inout Value, LoadPatch) -> Void
    ) -> Value {
        var value: Value
        if let patch, memo?.generation == patch.base, var known = memo?.value {
            memo = nil
            apply(&known, patch)
            value = known
        } else {
            value = whole()
        }
        memo = (generation, value)
        return value
    }
}

/// What a walk of the site's folders found: every file a load reads or copies, with the
/// stamp each had when the walk met it, and charter.yaml, which is read first for its limits.
struct ContentSurvey: Sendable {
    var root: URL
    /// The site's real root path.
    var rootPath: String
    var contentDirectory: URL
    var contentPrefix: String
    var limits: SiteLimits
    var configuration: SourceText?
    var configurationFile: ContentWalker.Found?
    /// The problems met reading charter.yaml.
    var configurationDiagnostics: [Diagnostic]
    /// Below `Templates/`, `model/`, `i18n/` and the content folder, relative to each.
    var templates: [ContentWalker.Found] = []
    var modelFiles: [ContentWalker.Found] = []
    var messageFiles: [ContentWalker.Found] = []
    var files: [ContentWalker.Found] = []
    /// Links out of the root, loops, special files, too many files.
    var walkDiagnostics: [Diagnostic] = []

    /// A content file's path relative to the site's root, as diagnostics and sources name it.
    func sourcePath(of file: ContentWalker.Found) -> String {
        contentPrefix.isEmpty ? file.relative : "\(contentPrefix)/\(file.relative)"
    }

    /// Every file found, in the walk's order.
    var everyFile: [ContentWalker.Found] {
        (configurationFile.map { [$0] } ?? []) + templates + modelFiles + messageFiles + files
    }

    /// The fingerprint of the walk: where each file is, where it leads, and its stamp, and the
    /// walk's problems. Two walks with the same fingerprint found the same files, unchanged
    /// unless a file was written again within the clock's resolution of being stamped (see
    /// `latestChange`).
    func fingerprint() -> String {
        var hasher = StableHasher()
        hasher.combine(rootPath)
        hasher.combine(contentPrefix)
        for (folder, found) in [("charter.yaml", configurationFile.map { [$0] } ?? []), ("Templates", templates), ("model", modelFiles),
                                ("i18n", messageFiles), ("content", files)] {
            hasher.combine(folder)
            hasher.combine(found.count)
            for file in found {
                hasher.combine(file.relative)
                hasher.combine(file.realPath)
                guard let stamp = file.stamp else {
                    hasher.combine(-1)
                    continue
                }
                stamp.fingerprint(into: &hasher)
                hasher.combine(stamp.changedNanoseconds)
            }
        }
        for diagnostic in configurationDiagnostics + walkDiagnostics { diagnostic.fingerprint(into: &hasher) }
        return hasher.finalize()
    }

    /// The latest time any file found was modified or had its inode changed, in nanoseconds
    /// since 1970; nil when a file has no stamp.
    var latestChange: Int? {
        var latest = 0
        for file in everyFile {
            guard let stamp = file.stamp else { return nil }
            latest = max(latest, stamp.modifiedNanoseconds, stamp.changedNanoseconds)
        }
        return latest
    }
}

/// What a session's last load found, and where each file of the content folder went in it.
struct LoadMemo: Sendable {
    struct Entry: Sendable {
        enum Slot: Sendable { case markdown(Int), data(Int), asset }
        /// The real path the walk found the file at.
        var realPath: String
        var slot: Slot
    }

    var content: LoadedContent
    var excludedPaths: Set<String>
    /// The site's real root path.
    var rootPath: String
    var maximumFileSize: Int
    /// By source path.
    var entries: [String: Entry]
}

/// A decoded text file of the content folder.
public struct ContentFile: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators.
    public var contentPath: String
    public var source: SourceText
}

/// A template file of the site, overriding a default by name.
public struct TemplateSource: Sendable, Hashable {
    /// The decoded text of a `.mustache` file; nil for assets and unreadable files.
    public var source: SourceText?
    /// The file's bytes, for theme assets such as the stylesheet.
    public var data: Data
}

/// Reads a site's folder from disk. The only stage besides the writer that touches the file system.
///
/// Nothing outside the site's root is read: every path goes through `ContentWalker`, which
/// refuses symbolic links whose real target is outside (CH006), loops (CH007), and FIFOs,
/// sockets and devices (CH009), each reported at the path inside the site.
public struct ContentLoader: Sendable {
    /// The limits to load with; nil takes them from the site's charter.yaml (`limits:`).
    public var limits: SiteLimits?
    /// Folders never read as content, relative to the content folder.
    public var excludedPaths: Set<String> = []
    /// A session's memory of the text files it read: a file whose stamp has not moved since
    /// is not read again.
    var files: FileMemo?
    /// Files read again whatever their stamp says (a watcher saw them change), by source path.
    var reread: Set<String> = []
    /// Texts that stand for files on disk, by source path: an editor's unsaved buffers. Only a
    /// file the walk finds is replaced; a buffer with no file behind it is not a page.
    var overlay: [String: String] = [:]
    /// Every file changed since the session's last load, by source path, when the caller knows
    /// them all (a watcher's report): the load then looks at only those, unless one of them was
    /// added, removed, or is not a page, a strategy, a team or an asset.
    var changed: Set<String>?

    /// Creates a loader.
    public init() {}

    /// Loads the site rooted at `root`. Throws only when the root itself cannot be read.
    public func load(root: URL) throws -> LoadedContent {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        if let files, let changed, let last = files.lastLoad, last.content.root == root, last.excludedPaths == excludedPaths,
           let content = reload(last, changed: changed, files: files) {
            return content
        }
        files?.lastLoad = nil
        return try load(survey(root: root))
    }

    /// Walks the site's folders, reading only charter.yaml (its limits bound the walk): every
    /// file the load would read or copy, with its stamp. Throws only when the root itself
    /// cannot be read.
    func survey(root: URL) throws -> ContentSurvey {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        guard case .folder(let rootPath) = FileKind.inspect(Self.realPath(root.path) ?? root.path, root: "/") else {
            throw CharterError.missingRoot(root.path)
        }
        var walker = ContentWalker(root: rootPath, maximumFiles: SiteLimits.defaultMaximumFiles)
        var diagnostics: [Diagnostic] = []

        // charter.yaml comes first: its limits apply to everything else.
        var configuration: SourceText?
        var configurationFile: ContentWalker.Found?
        if case .file(let real) = walker.inspect("charter.yaml") {
            // Stamped before it is read, as the walk stamps the other files.
            configurationFile = ContentWalker.Found(relative: "charter.yaml", realPath: real, stamp: FileStamp(path: real, followingLinks: true))
            configuration = readText(real, sourcePath: "charter.yaml", limit: SiteLimits.defaultMaximumFileSize, diagnostics: &diagnostics)
        }
        let limits = self.limits ?? SiteConfiguration.read(configuration).configuration.limits
        walker.limitFiles(to: limits.maximumFiles)

        let contentKind = walker.inspect("content")
        let hasContentFolder: Bool
        switch contentKind {
        case .missing, .file: hasContentFolder = false
        default: hasContentFolder = true
        }
        var survey = ContentSurvey(
            root: root, rootPath: rootPath,
            contentDirectory: hasContentFolder ? root.appending(path: "content", directoryHint: .isDirectory) : root,
            contentPrefix: hasContentFolder ? "content" : "", limits: limits, configuration: configuration,
            configurationFile: configurationFile, configurationDiagnostics: diagnostics)
        survey.templates = try walker.walk("Templates")
        survey.modelFiles = try walker.walk("model").filter { Self.isYAML($0.relative) }
        survey.messageFiles = try walker.walk("i18n").filter { Self.isYAML($0.relative) }
        var skip = excludedPaths
        if !hasContentFolder {
            skip.formUnion(["Templates", "model", "i18n", "charter.yaml", "_site"])
            survey.files = try walker.walk("", skipping: skip)
        } else if case .folder = contentKind {
            survey.files = try walker.walk("content", skipping: skip)
        }
        survey.walkDiagnostics = walker.diagnostics
        return survey
    }

    /// The texts a load of `survey` would hold at the given source paths (for quoting the lines
    /// diagnostics name), read from the files the survey found there.
    func texts(at paths: Set<String>, in survey: ContentSurvey) -> [String: SourceText] {
        var found: [(sourcePath: String, realPath: String)] = []
        if let file = survey.configurationFile { found.append(("charter.yaml", file.realPath)) }
        for file in survey.templates where file.relative.hasSuffix(".mustache") { found.append(("Templates/\(file.relative)", file.realPath)) }
        for file in survey.modelFiles { found.append(("model/\(file.relative)", file.realPath)) }
        for file in survey.messageFiles { found.append(("i18n/\(file.relative)", file.realPath)) }
        for file in survey.files where Self.isMarkdownFile(file.relative) || Self.isDataFile(file.relative) {
            found.append((survey.sourcePath(of: file), file.realPath))
        }
        var texts: [String: SourceText] = [:]
        for (sourcePath, realPath) in found where paths.contains(sourcePath) {
            var ignored: [Diagnostic] = []
            texts[sourcePath] = readText(realPath, sourcePath: sourcePath, limit: survey.limits.maximumFileSize, diagnostics: &ignored)
        }
        return texts
    }

    /// Reads and decodes what a survey found.
    func load(_ survey: ContentSurvey) throws -> LoadedContent {
        files?.lastLoad = nil
        let limits = survey.limits
        var diagnostics = survey.configurationDiagnostics
        var content = LoadedContent(root: survey.root, contentDirectory: survey.contentDirectory, contentPrefix: survey.contentPrefix)
        content.configuration = survey.configuration

        for file in survey.templates {
            let sourcePath = "Templates/\(file.relative)"
            switch RegularFileReader.read(file.realPath, limit: limits.maximumFileSize) {
            case .success(let data):
                let text = file.relative.hasSuffix(".mustache")
                    ? decode(data, sourcePath: sourcePath, diagnostics: &diagnostics)
                    : nil
                content.templates[file.relative] = TemplateSource(source: text, data: data)
            case .failure(let failure):
                report(failure, sourcePath: sourcePath, limit: limits.maximumFileSize, diagnostics: &diagnostics)
            }
        }
        for file in survey.modelFiles {
            if let text = readText(file.realPath, sourcePath: "model/\(file.relative)", limit: limits.maximumFileSize, diagnostics: &diagnostics) {
                content.modelFiles.append(text)
            }
        }
        for file in survey.messageFiles {
            if let text = readText(file.realPath, sourcePath: "i18n/\(file.relative)", limit: limits.maximumFileSize, diagnostics: &diagnostics) {
                content.messageFiles.append(text)
            }
        }
        let files = survey.files
        // Text files are read and decoded on every core; the results keep the walk's order.
        enum Found: Sendable {
            case markdown(ContentFile?, [Diagnostic])
            case data(ContentFile?, [Diagnostic])
            case asset(Asset)
            case refused(Diagnostic)
        }
        let loader = self
        let found = ParallelMap.map(files) { file -> Found in
            let relative = file.relative
            let sourcePath = survey.sourcePath(of: file)
            var diagnostics: [Diagnostic] = []
            // Scalars and bytes, not Foundation's string search: this runs for every file.
            if relative.unicodeScalars.contains("\u{FFFD}"), !FileManager.default.fileExists(atPath: file.realPath) {
                return .refused(Diagnostic(
                    .invalidFileName, "the file's name is not valid UTF-8; it is shown with U+FFFD for each bad byte",
                    at: SourceLocation(path: sourcePath), fixHint: "rename the file using UTF-8"))
            }
            if relative.utf8.contains(UInt8(ascii: "\\")) {
                return .refused(Diagnostic(
                    .invalidFileName, "the file's name holds a backslash, which browsers read as '/'",
                    at: SourceLocation(path: sourcePath), fixHint: "rename the file without the backslash"))
            }
            if Self.isMarkdownFile(relative) {
                let text = loader.readText(
                    file.realPath, sourcePath: sourcePath, limit: limits.maximumFileSize, stamp: file.stamp, diagnostics: &diagnostics)
                return .markdown(text.map { ContentFile(contentPath: relative, source: $0) }, diagnostics)
            } else if Self.isDataFile(relative) {
                let text = loader.readText(
                    file.realPath, sourcePath: sourcePath, limit: limits.maximumFileSize, stamp: file.stamp, diagnostics: &diagnostics)
                return .data(text.map { ContentFile(contentPath: relative, source: $0) }, diagnostics)
            }
            return .asset(Asset(contentPath: relative, sourcePath: sourcePath, fileURL: URL(fileURLWithPath: file.realPath)))
        }
        // Where each file went, for a session's next load (`reload`).
        var entries: [String: LoadMemo.Entry] = [:]
        if self.files != nil { entries.reserveCapacity(found.count) }
        for (file, item) in zip(files, found) {
            let sourcePath = survey.sourcePath(of: file)
            switch item {
            case .markdown(let text, let found):
                diagnostics += found
                guard let text else { continue }
                if self.files != nil { entries[sourcePath] = .init(realPath: file.realPath, slot: .markdown(content.markdown.count)) }
                content.markdown.append(text)
            case .data(let text, let found):
                diagnostics += found
                guard let text else { continue }
                if self.files != nil { entries[sourcePath] = .init(realPath: file.realPath, slot: .data(content.data.count)) }
                content.data.append(text)
            case .asset(let asset):
                if self.files != nil { entries[sourcePath] = .init(realPath: file.realPath, slot: .asset) }
                content.assets.append(asset)
            case .refused(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        content.diagnostics = survey.walkDiagnostics + diagnostics
        if let memo = self.files {
            content.read = memo.forgetUnseen()
            content.generation = memo.nextGeneration()
            memo.lastLoad = LoadMemo(
                content: content, excludedPaths: excludedPaths, rootPath: survey.rootPath, maximumFileSize: limits.maximumFileSize, entries: entries)
        }
        return content
    }

    /// The last load with the `changed` files read again, when each of them is a page, a
    /// strategy, a team or an asset that was there before and is still a regular file where the
    /// walk found it, or a path that neither was nor is there (an editor's temporary file).
    /// Nil when the folders must be walked: a file was added, removed or replaced by something
    /// else, a problem was or is reported at one of the paths, or the path is a template, a
    /// model file or `charter.yaml`.
    private func reload(_ last: LoadMemo, changed: Set<String>, files: FileMemo) -> LoadedContent? {
        var content = last.content
        var patch = LoadPatch(base: content.generation)
        if content.diagnostics.contains(where: { changed.contains($0.location.path) }) { return nil }
        for path in changed {
            guard let entry = last.entries[path] else {
                // A path the last walk did not take: fine only when nothing is there now either.
                if path.isEmpty || FileStamp(path: last.rootPath + "/" + path) != nil { return nil }
                continue
            }
            // The file itself, not a link to it: a link's target may have changed without the link.
            guard entry.realPath == last.rootPath + "/" + path, let stamp = FileStamp(path: entry.realPath), stamp.isRegularFile else {
                return nil
            }
            if case .asset = entry.slot { continue }
            var diagnostics: [Diagnostic] = []
            guard let text = readText(entry.realPath, sourcePath: path, limit: last.maximumFileSize, stamp: stamp, diagnostics: &diagnostics),
                  diagnostics.isEmpty else { return nil }
            switch entry.slot {
            case .asset:
                break
            case .markdown(let index):
                content.markdown[index].source = text
                patch.markdown.append(content.markdown[index])
            case .data(let index):
                content.data[index].source = text
                patch.data.append(content.data[index])
            }
        }
        content.read = files.takeReads()
        content.walked = false
        content.generation = files.nextGeneration()
        content.patch = patch
        var next = last
        next.content = content
        files.lastLoad = next
        return content
    }

    /// Strategy, team and external party files: YAML directly inside `strategies/`, `teams/` or
    /// `parties/`; and the objectives register, `objectives.yaml` or YAML directly inside `objectives/`.
    static func isDataFile(_ contentPath: String) -> Bool {
        if ObjectiveReader.isRegisterFile(contentPath) { return true }
        let parts = contentPath.split(separator: "/")
        guard parts.count == 2, DataDocument.Kind.allCases.contains(where: { $0.folder == parts[0] }) else { return false }
        return isYAML(String(parts[1]))
    }

    /// A Markdown file: `.md` or `.markdown`, in any case.
    static func isMarkdownFile(_ contentPath: String) -> Bool {
        let lowercased = contentPath.lowercased()
        return lowercased.hasSuffix(".md") || lowercased.hasSuffix(".markdown")
    }

    /// A YAML file, as Charter names them: `.yaml` or `.yml`.
    static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads and decodes the regular file at `realPath`, which the walker has checked.
    private func readText(
        _ realPath: String, sourcePath: String, limit: Int, stamp found: FileStamp? = nil, diagnostics: inout [Diagnostic]
    ) -> SourceText? {
        // Stamped before it is read: a file changed while it is read has a new stamp next time.
        let key = sourcePath + "\u{0}" + realPath
        if let buffer = overlay[sourcePath] {
            // Counted as read, and forgotten, so that the file is read again once the buffer goes.
            files?.forget(key, path: sourcePath)
            return decode(Data(buffer.utf8), sourcePath: sourcePath, diagnostics: &diagnostics)
        }
        let stamp = files == nil ? nil : found ?? FileStamp(path: realPath, followingLinks: true)
        if let files, let stamp, stamp.size <= Int64(limit), !reread.contains(sourcePath), let known = files.text(key, stamp: stamp) {
            return known
        }
        switch RegularFileReader.read(realPath, limit: limit) {
        case .success(let data):
            let text = decode(data, sourcePath: sourcePath, diagnostics: &diagnostics)
            if let files, let stamp, let text { files.store(text, key, stamp: stamp) }
            return text
        case .failure(let failure):
            report(failure, sourcePath: sourcePath, limit: limit, diagnostics: &diagnostics)
            return nil
        }
    }

    private func report(_ failure: RegularFileReader.Failure, sourcePath: String, limit: Int, diagnostics: inout [Diagnostic]) {
        let at = SourceLocation(path: sourcePath)
        switch failure {
        case .tooLarge(let size):
            diagnostics.append(Diagnostic(
                .fileTooLarge,
                "file is \(SiteLimits.describe(bytes: size)); Charter reads text files up to \(SiteLimits.describe(bytes: limit))",
                at: at,
                fixHint: "split it into several pages, or raise 'limits: {max_file_size: …}' in charter.yaml"))
        case .notRegular:
            diagnostics.append(Diagnostic(.specialFile, "not a regular file; it is skipped", at: at))
        case .system(let reason):
            diagnostics.append(Diagnostic(.unreadableFile, "cannot read file: \(reason)", at: at))
        }
    }

    private func decode(_ data: Data, sourcePath: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        switch SourceText.decode(data, path: sourcePath) {
        case .success(let text):
            return text
        case .failure(.invalidUTF8(let line, let column)):
            diagnostics.append(Diagnostic(
                .invalidUTF8, "file is not valid UTF-8",
                at: SourceLocation(path: sourcePath, line: line, column: column),
                fixHint: "save the file as UTF-8"))
            return nil
        }
    }
}
