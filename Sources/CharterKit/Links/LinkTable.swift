import Foundation

/// Where every source file of the site ends up, so relative links written between source
/// files (the form that also works on GitHub) can be pointed at the generated pages.
public struct LinkTable: Sendable {
    private var outputs: [String: String] = [:]
    private var landingPages: [String: String] = [:]
    private var assets: Set<String> = []

    /// Builds the table from the model.
    public init(site: Site) {
        for page in site.pages where !page.isGenerated {
            outputs[page.contentPath] = page.outputPath
        }
        for page in site.pages where page.isLandingPage {
            landingPages[ContentPaths.folder(of: page.outputPath)] = page.outputPath
        }
        for document in site.dataDocuments {
            outputs[document.contentPath] = document.outputPath
            if let narrative = document.narrative { outputs[narrative.contentPath] = document.outputPath }
        }
        assets = Set(site.assets.map(\.contentPath))
    }

    /// The site path a relative reference from `contentPath` leads to, or nil when it
    /// is not a relative link or names nothing in the site.
    public func target(of url: String, from contentPath: String) -> (path: String, suffix: String)? {
        guard let reference = RelativeReference(url) else { return nil }
        let folder = ContentPaths.folder(of: contentPath)
        if reference.path.isEmpty { return nil }
        guard let resolved = ContentPaths.resolve(reference.path, from: folder) else { return nil }
        if let output = outputs[resolved] { return (output, reference.suffix) }
        if let landing = landingPages[resolved] { return (landing, reference.suffix) }
        if assets.contains(resolved) { return (resolved, reference.suffix) }
        return nil
    }

    /// The URL that replaces `url` in the page written at `outputPath`, or nil to keep it.
    public func rewrite(_ url: String, from contentPath: String, writtenTo outputPath: String) -> String? {
        guard let (target, suffix) = target(of: url, from: contentPath) else { return nil }
        let relative = ContentPaths.relativeURL(from: outputPath, to: target)
        let encoded = relative.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? relative
        return (encoded.isEmpty ? ContentPaths.fileName(of: target) : encoded) + suffix
    }

    private static let pathCharacters: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: ";?#")
        return set
    }()
}

/// A link destination without a scheme, split into its path and its `?query#fragment`.
struct RelativeReference {
    var path: String
    var suffix: String

    init?(_ url: String) {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("?") else { return nil }
        let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let rawPath = url[..<end]
        // A colon before the first slash means a scheme (https:, mailto:, strategy:).
        if let colon = rawPath.firstIndex(of: ":"), !rawPath[..<colon].contains("/") { return nil }
        path = String(rawPath).removingPercentEncoding ?? String(rawPath)
        suffix = String(url[end...])
    }
}
