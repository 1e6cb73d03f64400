import Foundation

/// Turns loaded files into the site model: splits front matter, reads known page fields,
/// gives every source its output path and finds the pages that would collide.
public struct ModelBuilder: Sendable {
    /// Front-matter keys with a meaning for every page; all keys also reach templates as parameters.
    public static let pageKeys = ["title", "description", "weight", "tags"]

    /// Creates a model builder.
    public init() {}

    /// Builds the model. Problems become diagnostics; nothing here throws.
    /// `reservedPaths` are site paths Charter writes itself (the theme's assets).
    public func build(
        _ content: LoadedContent, configuration: SiteConfiguration, reservedPaths: [String] = []
    ) -> (site: Site, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pages: [Page] = []
        var narratives: [String: Page] = [:]
        let dataStems = Set(content.data.filter { $0.contentPath.hasPrefix("strategies/") }.map {
            "strategies/" + ContentPaths.stem(of: $0.contentPath)
        })

        let landingFolders = Set(content.markdown.filter { ContentPaths.stem(of: $0.contentPath).lowercased() == "index" }
            .map { ContentPaths.folder(of: $0.contentPath) })
        for file in content.markdown {
            var (page, pageDiagnostics) = readPage(file, configuration: configuration)
            diagnostics += pageDiagnostics
            let stem = ContentPaths.stem(of: file.contentPath)
            let folder = ContentPaths.folder(of: file.contentPath)
            if stem.lowercased() == "readme", landingFolders.contains(folder) {
                let index = content.markdown.first {
                    ContentPaths.folder(of: $0.contentPath) == folder && ContentPaths.stem(of: $0.contentPath).lowercased() == "index"
                }!
                diagnostics.append(Diagnostic(
                    .shadowedReadme,
                    "this folder has both index.md and \(ContentPaths.fileName(of: file.contentPath)); index.md is its landing page",
                    at: SourceLocation(path: file.source.path),
                    notes: [.init("the landing page", at: SourceLocation(path: index.source.path))],
                    fixHint: "merge the two files or rename one"))
                page.outputPath = (folder.isEmpty ? "" : folder + "/") + stem + ".html"
            }
            if dataStems.contains(ContentPaths.folder(of: file.contentPath) + "/" + stem), folder == "strategies" {
                narratives["strategies/" + stem] = page
            } else {
                pages.append(page)
            }
        }

        var strategies: [DataDocument] = []
        var teams: [DataDocument] = []
        for file in content.data {
            guard var document = readData(file, diagnostics: &diagnostics) else { continue }
            document.narrative = narratives["strategies/" + document.id]
            if document.kind == .strategy { strategies.append(document) } else { teams.append(document) }
        }

        let generated = generatedLandingPages(for: pages, data: strategies + teams, configuration: configuration)
            .filter { page in !content.assets.contains { $0.contentPath.lowercased() == page.outputPath } }
        diagnostics += collisions(pages: pages, data: strategies + teams, assets: content.assets, reserved: reservedPaths)
        pages += generated
        pages.sort { $0.outputPath < $1.outputPath }
        let site = Site(
            configuration: configuration,
            pages: pages,
            strategies: strategies.sorted { $0.id < $1.id },
            teams: teams.sorted { $0.id < $1.id },
            assets: content.assets,
            contentPrefix: content.contentPrefix)
        return (site, diagnostics)
    }

    /// The output path of a Markdown file: `index.md` and `README.md` become the folder's `index.html`.
    public static func outputPath(forMarkdown contentPath: String) -> String {
        let folder = ContentPaths.folder(of: contentPath)
        let stem = ContentPaths.stem(of: contentPath)
        let prefix = folder.isEmpty ? "" : folder + "/"
        return ["index", "readme"].contains(stem.lowercased()) ? prefix + "index.html" : prefix + stem + ".html"
    }

    private func readPage(_ file: ContentFile, configuration: SiteConfiguration) -> (Page, [Diagnostic]) {
        let (split, splitDiagnostics) = FrontMatterSplitter.split(file.source)
        var diagnostics = splitDiagnostics
        var page = Page(
            contentPath: file.contentPath,
            sourcePath: file.source.path,
            outputPath: Self.outputPath(forMarkdown: file.contentPath),
            title: Self.fallbackTitle(for: file.contentPath, configuration: configuration),
            titleSource: .fileName,
            description: nil,
            weight: nil,
            tags: [],
            frontMatter: nil,
            parameters: [:],
            body: split.body,
            bodyLineOffset: split.bodyLineOffset)
        guard let yaml = split.yaml else { return (page, diagnostics) }
        let (node, yamlDiagnostics) = YAMLReader().read(yaml, path: file.source.path, lineOffset: split.yamlLineOffset)
        diagnostics += yamlDiagnostics
        guard let node else { return (page, diagnostics) }
        if case .scalar(_, .null) = node.kind { return (page, diagnostics) }
        guard let entries = node.entries else {
            diagnostics.append(Diagnostic(
                .frontMatterNotMapping, "front matter must be a mapping of keys to values, found \(node.typeDescription)",
                at: node.location))
            return (page, diagnostics)
        }
        page.frontMatter = node
        var fields = FieldReader(diagnostics: diagnostics)
        for entry in entries {
            if let value = entry.value.plainValue { page.parameters[entry.key] = value }
            switch entry.key {
            case "title":
                if let title = fields.string(entry), !title.isEmpty {
                    page.title = title
                    page.titleSource = .frontMatter
                }
            case "description": page.description = fields.string(entry)
            case "weight": page.weight = fields.int(entry)
            case "tags": page.tags = fields.strings(entry) ?? []
            default: break
            }
        }
        return (page, fields.diagnostics)
    }

    private func readData(_ file: ContentFile, diagnostics: inout [Diagnostic]) -> DataDocument? {
        let kind: DataDocument.Kind = file.contentPath.hasPrefix("strategies/") ? .strategy : .team
        let id = ContentPaths.stem(of: file.contentPath)
        let (node, yamlDiagnostics) = YAMLReader().read(file.source.text, path: file.source.path)
        diagnostics += yamlDiagnostics
        guard let node else { return nil }
        if case .scalar(_, .null) = node.kind {
            diagnostics.append(Diagnostic(.emptyFile, "\(kind.rawValue) file '\(id)' is empty", at: SourceLocation(path: file.source.path)))
            return nil
        }
        guard node.entries != nil else {
            diagnostics.append(Diagnostic(
                .wrongType, "a \(kind.rawValue) file must be a mapping of keys to values, found \(node.typeDescription)",
                at: node.location))
            return nil
        }
        let title = node[kind == .strategy ? "title" : "name"]?.string ?? id
        return DataDocument(
            kind: kind, id: id, contentPath: file.contentPath, sourcePath: file.source.path,
            outputPath: "\(kind.folder)/\(id).html", title: title, root: node, narrative: nil)
    }

    /// A listing page for every folder that has pages or data but no landing page, up to the top.
    private func generatedLandingPages(for pages: [Page], data: [DataDocument], configuration: SiteConfiguration) -> [Page] {
        var folders = Set<String>([""])
        for path in pages.map(\.contentPath) + data.map(\.contentPath) {
            var folder = ContentPaths.folder(of: path)
            while !folder.isEmpty {
                folders.insert(folder)
                folder = ContentPaths.folder(of: folder)
            }
        }
        let landed = Set(pages.filter(\.isLandingPage).map { ContentPaths.folder(of: $0.outputPath) })
        return folders.subtracting(landed).sorted().map { folder in
            let name = folder.isEmpty ? "" : ContentPaths.fileName(of: folder)
            return Page(
                contentPath: folder.isEmpty ? "index.md" : folder + "/index.md",
                sourcePath: folder,
                outputPath: folder.isEmpty ? "index.html" : folder + "/index.html",
                title: folder.isEmpty ? configuration.title : Self.title(fromFileName: name),
                titleSource: .fileName,
                description: nil, weight: nil, tags: [], frontMatter: nil, parameters: [:],
                body: "", bodyLineOffset: 0, isGenerated: true)
        }
    }

    private func collisions(pages: [Page], data: [DataDocument], assets: [Asset], reserved: [String]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let claims = pages.map { ($0.outputPath.lowercased(), $0.sourcePath) }
            + data.map { ($0.outputPath.lowercased(), $0.sourcePath) }
            + assets.map { ($0.contentPath.lowercased(), $0.sourcePath) }
            + reserved.map { ($0.lowercased(), "Templates/\($0)") }
        for (output, source) in claims.sorted(by: { $0.1 < $1.1 }) {
            if let first = owners[output] {
                diagnostics.append(Diagnostic(
                    .duplicateOutputPath, "'\(source)' and '\(first)' would both be written to '\(output)'",
                    at: SourceLocation(path: source),
                    notes: [.init("the other file", at: SourceLocation(path: first))],
                    fixHint: "rename one of the files"))
            } else {
                owners[output] = source
            }
        }
        return diagnostics
    }

    /// The title of a page with neither a front-matter title nor a level-1 heading: the file
    /// name, or for a landing page its folder's name, or for the home page the site's title.
    static func fallbackTitle(for contentPath: String, configuration: SiteConfiguration) -> String {
        let stem = ContentPaths.stem(of: contentPath).lowercased()
        guard stem == "index" || stem == "readme" else { return title(fromFileName: contentPath) }
        let folder = ContentPaths.folder(of: contentPath)
        return folder.isEmpty ? configuration.title : title(fromFileName: ContentPaths.fileName(of: folder))
    }

    /// A title made from a file name: `escalation-path.md` becomes "Escalation path".
    public static func title(fromFileName path: String) -> String {
        let words = ContentPaths.stem(of: path).replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
