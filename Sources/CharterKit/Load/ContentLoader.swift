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
    /// YAML files under `strategies/` and `teams/`.
    public var data: [ContentFile] = []
    public var assets: [Asset] = []
    /// `charter.yaml` at the root, if present.
    public var configuration: SourceText?
    /// The site's model files, `<root>/model/*.yaml`, which change the built-in framework.
    public var modelFiles: [SourceText] = []
    /// Site templates from `<root>/Templates/`, keyed by path below that folder.
    public var templates: [String: TemplateSource] = [:]
    public var diagnostics: [Diagnostic] = []
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
public struct ContentLoader: Sendable {
    /// Text files larger than this are reported instead of read.
    public var maximumTextFileSize = 10 * 1024 * 1024
    /// Folders never read as content, relative to the content folder.
    public var excludedPaths: Set<String> = []

    /// Creates a loader.
    public init() {}

    /// Loads the site rooted at `root`. Throws only when the root itself cannot be read.
    public func load(root: URL) throws -> LoadedContent {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CharterError.missingRoot(root.path)
        }
        let contentFolder = root.appending(path: "content", directoryHint: .isDirectory)
        let hasContentFolder = FileManager.default.fileExists(atPath: contentFolder.path, isDirectory: &isDirectory) && isDirectory.boolValue
        let contentDirectory = hasContentFolder ? contentFolder : root
        var content = LoadedContent(
            root: root,
            contentDirectory: contentDirectory,
            contentPrefix: hasContentFolder ? "content" : "")

        let configURL = root.appending(path: "charter.yaml")
        if FileManager.default.fileExists(atPath: configURL.path) {
            content.configuration = readText(configURL, sourcePath: "charter.yaml", diagnostics: &content.diagnostics)
        }
        loadTemplates(root: root, into: &content)
        let modelFolder = root.appending(path: "model", directoryHint: .isDirectory)
        for relative in (try? walk(modelFolder, skipping: [])) ?? [] where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
            if let text = readText(modelFolder.appending(path: relative), sourcePath: "model/\(relative)", diagnostics: &content.diagnostics) {
                content.modelFiles.append(text)
            }
        }

        var skip = excludedPaths
        if !hasContentFolder { skip.formUnion(["Templates", "model", "charter.yaml", "_site"]) }
        // Text files are read and decoded on every core; the results keep the walk's order.
        enum Found: Sendable {
            case markdown(ContentFile?, [Diagnostic])
            case data(ContentFile?, [Diagnostic])
            case asset(Asset)
            case refused(Diagnostic)
        }
        let loader = self
        let found = ParallelMap.map(try walk(contentDirectory, skipping: skip)) { relative -> Found in
            let url = contentDirectory.appending(path: relative)
            let sourcePath = hasContentFolder ? "content/\(relative)" : relative
            let lowercased = relative.lowercased()
            var diagnostics: [Diagnostic] = []
            if relative.contains("\u{FFFD}"), !FileManager.default.fileExists(atPath: url.path) {
                return .refused(Diagnostic(
                    .invalidFileName, "the file's name is not valid UTF-8; it is shown with U+FFFD for each bad byte",
                    at: SourceLocation(path: sourcePath), fixHint: "rename the file using UTF-8"))
            }
            if relative.contains("\\") {
                return .refused(Diagnostic(
                    .invalidFileName, "the file's name holds a backslash, which browsers read as '/'",
                    at: SourceLocation(path: sourcePath), fixHint: "rename the file without the backslash"))
            }
            if lowercased.hasSuffix(".md") || lowercased.hasSuffix(".markdown") {
                let text = loader.readText(url, sourcePath: sourcePath, diagnostics: &diagnostics)
                return .markdown(text.map { ContentFile(contentPath: relative, source: $0) }, diagnostics)
            } else if Self.isDataFile(relative) {
                let text = loader.readText(url, sourcePath: sourcePath, diagnostics: &diagnostics)
                return .data(text.map { ContentFile(contentPath: relative, source: $0) }, diagnostics)
            }
            return .asset(Asset(contentPath: relative, sourcePath: sourcePath, fileURL: url))
        }
        for item in found {
            switch item {
            case .markdown(let file, let diagnostics):
                content.diagnostics += diagnostics
                if let file { content.markdown.append(file) }
            case .data(let file, let diagnostics):
                content.diagnostics += diagnostics
                if let file { content.data.append(file) }
            case .asset(let asset):
                content.assets.append(asset)
            case .refused(let diagnostic):
                content.diagnostics.append(diagnostic)
            }
        }
        return content
    }

    /// Strategy and team files: YAML directly inside `strategies/` or `teams/`.
    static func isDataFile(_ contentPath: String) -> Bool {
        let parts = contentPath.split(separator: "/")
        guard parts.count == 2, parts[0] == "strategies" || parts[0] == "teams" else { return false }
        return parts[1].hasSuffix(".yaml") || parts[1].hasSuffix(".yml")
    }

    private func loadTemplates(root: URL, into content: inout LoadedContent) {
        let folder = root.appending(path: "Templates", directoryHint: .isDirectory)
        guard let files = try? walk(folder, skipping: []) else { return }
        for relative in files {
            let url = folder.appending(path: relative)
            let sourcePath = "Templates/\(relative)"
            guard let data = try? Data(contentsOf: url) else {
                content.diagnostics.append(Diagnostic(.unreadableFile, "cannot read template file", at: SourceLocation(path: sourcePath)))
                continue
            }
            let text = relative.hasSuffix(".mustache")
                ? readText(url, sourcePath: sourcePath, diagnostics: &content.diagnostics)
                : nil
            content.templates[relative] = TemplateSource(source: text, data: data)
        }
    }

    /// Regular files below `folder`, relative and sorted; hidden entries and `skip` paths left out.
    /// Symbolic links to files are followed; links to folders are not, so a loop cannot hang the walk.
    private func walk(_ folder: URL, skipping skip: Set<String>) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? folder : folder.appending(path: relative, directoryHint: .isDirectory)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            } catch {
                throw CharterError.unreadable(directory.path, error.localizedDescription)
            }
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                if skip.contains(path) { continue }
                let url = folder.appending(path: path)
                let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey, .isRegularFileKey])
                if values?.isSymbolicLink == true {
                    let target = url.resolvingSymlinksInPath()
                    if (try? target.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(path) }
                } else if values?.isDirectory == true {
                    pending.append(path)
                } else if values?.isRegularFile == true {
                    found.append(path)
                } else if values == nil, name.contains("\u{FFFD}") {
                    // Foundation decodes a name that is not UTF-8 with U+FFFD, a name no file has:
                    // kept, so that the file is reported instead of silently missing.
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    private func readText(_ url: URL, sourcePath: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        let data: Data
        do {
            // stat(2) directly: URL resource values cost more than reading a small file.
            var status = stat()
            let size = stat(url.path, &status) == 0 ? Int(status.st_size) : 0
            guard size <= maximumTextFileSize else {
                diagnostics.append(Diagnostic(
                    .fileTooLarge,
                    "file is \(size / (1024 * 1024)) MiB; Charter reads text files up to \(maximumTextFileSize / (1024 * 1024)) MiB",
                    at: SourceLocation(path: sourcePath),
                    fixHint: "split it into several pages"))
                return nil
            }
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.append(Diagnostic(.unreadableFile, "cannot read file: \(error.localizedDescription)", at: SourceLocation(path: sourcePath)))
            return nil
        }
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
