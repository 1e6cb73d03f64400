/// A Markdown page of the site: a playbook, a folder's landing page, or the home page.
public struct Page: Sendable, Hashable {
    /// Path of the Markdown file relative to the content folder ("guides/escalation.md").
    public var contentPath: String
    /// Path of the file relative to the site root, for diagnostics.
    public var sourcePath: String
    /// Path of the HTML file in the site ("guides/escalation.html").
    public var outputPath: String
    public var title: String
    /// Where the title came from, so templates can avoid showing it twice.
    public var titleSource: TitleSource
    public var description: String?
    /// Orders pages within a folder before their titles do; lower first.
    public var weight: Int?
    public var tags: [String]
    /// What the front matter says about the page's strategy, stage, owner and review.
    public var metadata = PlaybookMetadata()
    /// The parsed front matter, or nil when the file has none.
    public var frontMatter: YAMLNode?
    /// Every front-matter key as plain values, for templates (`page.params.KEY`).
    public var parameters: [String: any Sendable]
    /// The Markdown after the front matter.
    public var body: String
    /// Lines before the body in the file.
    public var bodyLineOffset: Int
    /// Whether Charter made the page (a folder listing) rather than a Markdown file.
    public var isGenerated = false

    /// Where a page's title came from.
    public enum TitleSource: String, Sendable, Hashable {
        case frontMatter, firstHeading, fileName
    }

    /// Whether this is a folder's landing page (`index.md` or `README.md`).
    public var isLandingPage: Bool { outputPath == "index.html" || outputPath.hasSuffix("/index.html") }

    /// The folder the page lives in, relative to the content folder ("" at the top).
    public var folder: String { ContentPaths.folder(of: contentPath) }

    public static func == (lhs: Page, rhs: Page) -> Bool {
        lhs.contentPath == rhs.contentPath && lhs.body == rhs.body && lhs.title == rhs.title
            && lhs.frontMatter == rhs.frontMatter
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(contentPath)
        hasher.combine(body)
    }
}

/// A strategy or team file, carried through with its YAML until the model reads it.
public struct DataDocument: Sendable, Hashable {
    /// What a data file describes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A party outside the organisation (`parties/ID.yaml`), kept like a team.
        case strategy, team, party

        /// The content folder the kind lives in.
        public var folder: String {
            switch self {
            case .strategy: "strategies"
            case .team: "teams"
            case .party: "parties"
            }
        }

        /// The kind of a data file, from the folder its content path starts with.
        public static func of(contentPath: String) -> Kind {
            allCases.first { contentPath.hasPrefix($0.folder + "/") } ?? .team
        }
    }

    public var kind: Kind
    /// The ID, taken from the file name.
    public var id: String
    public var contentPath: String
    public var sourcePath: String
    public var outputPath: String
    public var title: String
    public var root: YAMLNode
    /// The Markdown narrative beside a strategy (`strategies/ID.md`), if any.
    public var narrative: Page?
}

/// A strategy or team file as the site keeps it once its YAML is read into the model: where it
/// is, where its page goes, and a strategy's narrative.
public struct DataFile: Sendable, Hashable {
    public var kind: DataDocument.Kind
    public var id: String
    public var contentPath: String
    public var sourcePath: String
    public var outputPath: String
    /// The Markdown narrative beside a strategy (`strategies/ID.md`), if any.
    public var narrative: Page?

    init(_ document: DataDocument) {
        kind = document.kind
        id = document.id
        contentPath = document.contentPath
        sourcePath = document.sourcePath
        outputPath = document.outputPath
        narrative = document.narrative
    }
}

/// Path arithmetic on `/`-separated relative paths.
public enum ContentPaths {
    /// The folder part of a path ("" for a top-level file).
    public static func folder(of path: String) -> String {
        // The last slash's byte, not Characters: every page's navigation asks this many times.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func fileName(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The file name without its extension.
    public static func stem(of path: String) -> String {
        let name = fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Joins a folder and a relative reference, resolving `.` and `..`; nil when it climbs above the top.
    public static func resolve(_ reference: String, from folder: String) -> String? {
        var parts = reference.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in reference.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// A relative URL from the page at `from` to the file at `to`, both site paths, percent-encoded
    /// so that a file named `a b#c?.md` or `javascript:x.md` is reached by its name and nothing else.
    public static func relativeURL(from: String, to: String) -> String {
        LinkResolver.percentEncoded(relativePath(from: from, to: to))
    }

    /// The relative path from the page at `from` to the file at `to`, both site paths, as written
    /// in Markdown: not encoded, for messages.
    public static func relativePath(from: String, to: String) -> String {
        // Every page's navigation asks this dozens of times, so it works on the UTF-8 bytes:
        // skip the folders both paths share, climb out of the rest of `from`'s folder, then
        // descend into `to`.
        let slash = UInt8(ascii: "/")
        let source = Array(from.utf8)
        let target = Array(to.utf8)
        let folderEnd = source.lastIndex(of: slash) ?? 0
        var sourceIndex = 0
        var targetIndex = 0
        while sourceIndex < folderEnd {
            let sourceNext = source[sourceIndex..<folderEnd].firstIndex(of: slash) ?? folderEnd
            guard let targetNext = target[targetIndex...].firstIndex(of: slash),
                  source[sourceIndex..<sourceNext].elementsEqual(target[targetIndex..<targetNext]) else { break }
            sourceIndex = sourceNext + 1
            targetIndex = targetNext + 1
        }
        var ups = 0
        if sourceIndex < folderEnd {
            ups = 1 + source[sourceIndex..<folderEnd].lazy.filter { $0 == slash }.count
        }
        var result: [UInt8] = []
        result.reserveCapacity(ups * 3 + target.count - targetIndex)
        for _ in 0..<ups { result += [UInt8(ascii: "."), UInt8(ascii: "."), slash] }
        result += target[targetIndex...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The prefix that leads from the page at `path` back to the site's top ("" or "../../").
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
