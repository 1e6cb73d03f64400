import Foundation

/// Where a link leads, decided on the Markdown tree before any HTML is written.
public enum LinkResolution: Sendable, Hashable {
    /// A link with a scheme (https:, mailto:) or to somewhere outside Charter's knowledge: left alone.
    case external
    /// A page or file of the site, with an optional `#fragment`.
    case site(path: String, fragment: String?)
    /// Nothing of that name exists.
    case broken(message: String, suggestion: String?)
}

/// Resolves the two link forms: relative file links (`../teams/hub.yaml`, `escalation.md#when`,
/// a folder, an image), the form that also works on GitHub, and typed references
/// (`strategy:ID`, `team:ID`, `stage:NAME`, `responsibility:NAME`, `program:STRATEGY/ID`,
/// `playbook:PATH`, `objective:ID`), against a table built from the model.
public struct LinkResolver: Sendable {
    /// Site paths by content path: pages, strategy and team files, their narratives.
    private var outputs: [String: String] = [:]
    private var landingPages: [String: String] = [:]
    private var assets: Set<String> = []
    private var strategies: [String: Strategy] = [:]
    private var teams: Set<String> = []
    private var objectives: Set<String> = []
    private var framework: Framework
    private var hasModelPages: Bool
    private var contentPrefix: String
    /// Every content path, sorted once, for suggestions.
    private var candidates: [String] = []
    private var suggestions = SuggestionIndex([])

    static let typedKinds = ["strategy", "team", "stage", "responsibility", "program", "playbook", "objective"]

    /// Builds the table from the model.
    public init(site: Site) {
        framework = site.framework
        hasModelPages = !site.strategyModels.isEmpty || !site.teamModels.isEmpty
        contentPrefix = site.contentPrefix
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
        strategies = Dictionary(site.strategyModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        teams = Set(site.teamModels.map(\.id))
        objectives = Set(site.objectives.map(\.id.value))
        // The register's files lead to the objectives' pages, as strategy files lead to theirs.
        for objective in site.objectives {
            outputs[objective.contentPath] = objective.contentPath.contains("/")
                ? SitePaths.objective(objective.id.value) : SitePaths.objectives
        }
        candidates = outputs.keys.sorted() + assets.sorted()
        suggestions = SuggestionIndex(candidates)
    }

    /// Resolves `url`, written in the file at `contentPath`, whose page is written at `outputPath`.
    /// Without `suggesting`, a broken link gets no did-you-mean (for a second pass over links
    /// already reported).
    public func resolve(_ url: String, from contentPath: String, writtenTo outputPath: String, suggesting: Bool = true) -> LinkResolution {
        let (beforeFragment, fragment) = Self.splitFragment(url)
        if beforeFragment.isEmpty {
            return fragment == nil ? .external : .site(path: outputPath, fragment: fragment)
        }
        if let scheme = Self.scheme(of: beforeFragment) {
            if Self.typedKinds.contains(scheme) {
                let name = String(beforeFragment.dropFirst(scheme.count + 1))
                return resolveTyped(scheme, Self.percentDecoded(name), fragment: fragment, from: contentPath)
            }
            if let near = Suggestions.closest(to: scheme, in: Self.typedKinds), scheme.count > 3 {
                return .broken(message: "'\(scheme):' is not a link type", suggestion: "\(near):")
            }
            return .external
        }
        if beforeFragment.hasPrefix("//") { return .external }
        // Bytes, not Characters: this runs for every link of every page.
        let path = String(beforeFragment.utf8.firstIndex(of: UInt8(ascii: "?")).map { beforeFragment[..<$0] } ?? beforeFragment)
        let decoded = Self.percentDecoded(path)
        var folder = ContentPaths.folder(of: contentPath)
        var relative = decoded
        if decoded.hasPrefix("/") {
            folder = ""
            relative = String(decoded.drop { $0 == "/" })
            if !contentPrefix.isEmpty, relative.hasPrefix(contentPrefix + "/") { relative = String(relative.dropFirst(contentPrefix.count + 1)) }
        }
        guard let resolved = ContentPaths.resolve(relative, from: folder) else {
            return .broken(message: "'\(decoded)' points outside the content folder", suggestion: nil)
        }
        if let output = outputs[resolved] { return .site(path: output, fragment: fragment) }
        if let landing = landingPages[resolved] { return .site(path: landing, fragment: fragment) }
        if resolved.isEmpty, let home = landingPages[""] { return .site(path: home, fragment: fragment) }
        if assets.contains(resolved) { return .site(path: resolved, fragment: fragment) }
        let suggestion = suggesting ? closestPath(to: resolved).map { ContentPaths.relativePath(from: contentPath, to: $0) } : nil
        return .broken(message: "no page or file '\(decoded)' (resolved to '\(resolved)')", suggestion: suggestion)
    }

    /// A relative URL for a resolved site path, as seen from the page at `outputPath`.
    public static func href(to path: String, fragment: String?, from outputPath: String) -> String {
        let relative = path == outputPath && fragment != nil ? "" : ContentPaths.relativeURL(from: outputPath, to: path)
        return relative + (fragment.map { "#\($0)" } ?? "")
    }

    private func resolveTyped(_ kind: String, _ name: String, fragment: String?, from contentPath: String) -> LinkResolution {
        func broken(_ what: String, _ known: [String]) -> LinkResolution {
            .broken(message: "no \(what) '\(name)'", suggestion: Suggestions.closest(to: name, in: known).map { "\(kind):\($0)" })
        }
        switch kind {
        case "strategy":
            guard strategies[name] != nil else { return broken("strategy", strategies.keys.sorted()) }
            return .site(path: SitePaths.strategy(name), fragment: fragment)
        case "team":
            guard teams.contains(name) else { return broken("team", teams.sorted()) }
            return .site(path: SitePaths.team(name), fragment: fragment)
        case "objective":
            guard objectives.contains(name) else { return broken("objective", objectives.sorted()) }
            return .site(path: SitePaths.objective(name), fragment: fragment)
        case "stage":
            guard hasModelPages, let stage = framework.stage(name) else { return broken("stage", framework.stages.map(\.id)) }
            return .site(path: SitePaths.stage(stage.id), fragment: fragment)
        case "responsibility":
            guard hasModelPages, let responsibility = framework.responsibility(name) else {
                return broken("responsibility", framework.responsibilities.map(\.id))
            }
            return .site(path: SitePaths.responsibility(responsibility.id), fragment: fragment)
        case "program":
            let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let strategy = strategies[parts[0]] else {
                return .broken(message: "no program '\(name)' (write program:STRATEGY/PROGRAM)",
                               suggestion: parts.first.flatMap { Suggestions.closest(to: $0, in: strategies.keys.sorted()) }.map { "program:\($0)/…" })
            }
            let programs = strategy.programs.map(\.id.value)
            guard programs.contains(parts[1]) else {
                return .broken(message: "strategy '\(parts[0])' has no program '\(parts[1])'",
                               suggestion: Suggestions.closest(to: parts[1], in: programs).map { "program:\(parts[0])/\($0)" })
            }
            return .site(path: SitePaths.strategy(parts[0]), fragment: SitePaths.programAnchor(parts[1]))
        default:
            let path = name.hasSuffix(".md") ? name : name + ".md"
            if let output = outputs[path] ?? outputs[name] ?? landingPages[name] { return .site(path: output, fragment: fragment) }
            return .broken(message: "no playbook '\(name)'", suggestion: closestPath(to: path).map { "playbook:\($0)" })
        }
    }

    /// The known content path most like `path`: by edit distance, else the file of the same
    /// name in another folder (a moved folder), else a file in the same folder whose name
    /// contains the other's.
    private func closestPath(to path: String) -> String? {
        if let near = suggestions.closest(to: path) { return near }
        if let moved = suggestions.sameName(as: path) { return moved }
        let folder = ContentPaths.folder(of: path)
        let stem = ContentPaths.stem(of: path).lowercased()
        guard stem.count >= 3 else { return nil }
        return candidates.first { candidate in
            guard ContentPaths.folder(of: candidate) == folder else { return false }
            let other = ContentPaths.stem(of: candidate).lowercased()
            return other.contains(stem) || stem.contains(other)
        }
    }

    /// Schemes a URL written in YAML may have; anything else (`javascript:`, `data:`) could run
    /// code in a reader's browser, so it is reported and never made a link.
    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Whether a URL from YAML may become a link: relative, or with a safe scheme.
    public static func isSafeURL(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let scheme = scheme(of: trimmed[...]) else { return !trimmed.lowercased().contains("script:") }
        return safeSchemes.contains(scheme) || typedKinds.contains(scheme)
    }

    static func splitFragment(_ url: String) -> (Substring, String?) {
        guard let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (url[...], nil) }
        let fragment = String(url[url.utf8.index(after: hash)...])
        return (url[..<hash], percentDecoded(fragment))
    }

    /// The text with its percent-encoded bytes decoded, or as it is when that is not valid
    /// UTF-8. Foundation is asked only when there is a `%` to decode.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// The scheme of a URL (`https`, `strategy`), or nil for a path.
    static func scheme(of url: Substring) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return scheme.lowercased()
    }

    /// The path with every byte outside RFC 3986's path characters (less `;`, `?`, `#` and `:`)
    /// percent-encoded. A colon is encoded because in the first segment of a relative URL it
    /// would end a scheme: a page named `javascript:alert(1).md` must not become a script link.
    /// Hrefs are made for every link of every page, so ASCII paths that need nothing are
    /// returned as they are, without a trip through Foundation.
    static func percentEncoded(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes -> String in
            guard bytes.contains(where: { !isPathByte($0) }) else { return String(decoding: bytes, as: UTF8.self) }
            let hex = Array("0123456789ABCDEF".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 3)
            for byte in bytes {
                if isPathByte(byte) {
                    out.append(byte)
                } else {
                    out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

}
