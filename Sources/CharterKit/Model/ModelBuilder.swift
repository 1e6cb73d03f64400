import Foundation

/// Turns loaded files into the site model: splits front matter, reads known page fields,
/// gives every source its output path and finds the pages that would collide.
public struct ModelBuilder: Sendable {
    /// Front-matter keys with a meaning for every page; all keys also reach templates as parameters.
    public static let pageKeys = [
        "title", "description", "weight", "tags", "strategy", "stage", "owner", "responsibilities", "status",
        "last_reviewed", "review_interval",
    ]

    /// Creates a model builder.
    public init() {}

    /// Builds the model. Problems become diagnostics; nothing here throws.
    /// Collisions between content and the files Charter writes itself are found later, on
    /// the finished site (`SiteRenderer`); here only content is compared with content.
    public func build(
        _ content: LoadedContent, configuration: SiteConfiguration, framework: Framework = FrameworkLoader().load().0,
        messages: Messages = .english
    ) -> (site: Site, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pages: [Page] = []
        var narratives: [String: Page] = [:]
        let dataStems = Set(content.data.filter { $0.contentPath.hasPrefix("strategies/") }.map {
            "strategies/" + ContentPaths.stem(of: $0.contentPath)
        })

        let landingFolders = Set(content.markdown.filter { ContentPaths.stem(of: $0.contentPath).lowercased() == "index" }
            .map { ContentPaths.folder(of: $0.contentPath) })
        // Front matter is parsed on every core; pages are then taken in order.
        let builder = self
        let read = ParallelMap.map(content.markdown) { builder.readPage($0, configuration: configuration) }
        for (file, (readPage, pageDiagnostics)) in zip(content.markdown, read) {
            var page = readPage
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
        var unreadable: Set<String> = []
        var objectives: [BusinessObjective] = []
        let registerFiles = content.data.filter { ObjectiveReader.isRegisterFile($0.contentPath) }
        for file in registerFiles {
            let (found, problems) = ObjectiveReader().read(file)
            objectives += found
            diagnostics += problems
        }
        for file in content.data where !ObjectiveReader.isRegisterFile(file.contentPath) {
            guard var document = readData(file, diagnostics: &diagnostics) else {
                // A party is kept as a team: references to either are references to a "team/" ID.
                let kind = DataDocument.Kind.of(contentPath: file.contentPath)
                unreadable.insert("\(kind == .strategy ? "strategy" : "team")/\(ContentPaths.stem(of: file.contentPath))")
                continue
            }
            document.narrative = narratives["strategies/" + document.id]
            if document.kind == .strategy { strategies.append(document) } else { teams.append(document) }
        }

        // By ID; a team's file before a party's of the same ID, so that the team wins and the
        // party is reported.
        teams.sort { ($0.id, $0.kind == .party ? 1 : 0) < ($1.id, $1.kind == .party ? 1 : 0) }
        let generated = generatedLandingPages(for: pages, data: strategies + teams, configuration: configuration, messages: messages)
            .filter { page in !content.assets.contains { $0.contentPath.lowercased() == page.outputPath } }
        diagnostics += collisions(pages: pages, data: strategies + teams, assets: content.assets)
        pages += generated
        pages.sort { $0.outputPath < $1.outputPath }
        var site = Site(
            configuration: configuration,
            pages: pages,
            strategies: strategies.sorted { $0.id < $1.id }.map(DataFile.init),
            teams: teams.map(DataFile.init),
            assets: content.assets,
            contentPrefix: content.contentPrefix,
            framework: framework)
        site.messages = messages
        site.unreadableIDs = unreadable
        site.objectives = objectives
        site.hasObjectiveRegister = !registerFiles.isEmpty
        // Each file's YAML is read into its model here, and kept nowhere else.
        for document in strategies.sorted(by: { $0.id < $1.id }) {
            let (strategy, found) = StrategyReader().read(document)
            diagnostics += found
            if let strategy { site.strategyModels.append(strategy) } else { site.unreadableIDs.insert("strategy/\(document.id)") }
        }
        // Teams and external parties share one set of IDs, since the matrix and programs name either.
        var teamFiles: [String: DataDocument] = [:]
        for document in teams {
            // Two files of one kind and ID (`a.yaml` beside `a.yml`) are reported by invalidIDs.
            if let earlier = teamFiles[document.id], earlier.kind != document.kind {
                diagnostics.append(Diagnostic(
                    .duplicateID, "'\(document.id)' names both a team and an external party", at: SourceLocation(path: document.sourcePath),
                    notes: [.init("the other file", at: SourceLocation(path: earlier.sourcePath))],
                    fixHint: "rename one of the two files"))
                continue
            }
            teamFiles[document.id] = document
            let (team, found) = TeamReader().read(document)
            diagnostics += found
            if let team { site.teamModels.append(team) } else { site.unreadableIDs.insert("team/\(document.id)") }
        }
        diagnostics += invalidIDs(site.dataDocuments)
        diagnostics += duplicateObjectives(objectives)
        return (site, diagnostics)
    }

    /// IDs come from file names and end up in URLs and references, so they are kept plain;
    /// `a.yaml` beside `a.yml` would be two files with one ID.
    private func invalidIDs(_ documents: [DataFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: DataFile] = [:]
        for document in documents.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if !Self.isValidID(document.id) {
                diagnostics.append(Diagnostic(
                    .invalidID, "'\(document.id)' is not a valid \(document.kind.rawValue) ID",
                    at: SourceLocation(path: document.sourcePath),
                    fixHint: "rename the file to '\(Self.suggestedID(document.id)).yaml'"))
            }
            let key = "\(document.kind.rawValue)/\(document.id)"
            if let first = seen[key] {
                diagnostics.append(Diagnostic(
                    .duplicateID, "\(document.kind.rawValue) ID '\(document.id)' is used by two files",
                    at: SourceLocation(path: document.sourcePath),
                    notes: [.init("first defined here", at: SourceLocation(path: first.sourcePath))]))
            } else {
                seen[key] = document
            }
        }
        return diagnostics
    }

    /// An objective ID used twice in the register.
    private func duplicateObjectives(_ objectives: [BusinessObjective]) -> [Diagnostic] {
        var seen: [String: BusinessObjective] = [:]
        return objectives.compactMap { objective in
            guard let first = seen[objective.id.value] else {
                seen[objective.id.value] = objective
                return nil
            }
            return Diagnostic(.duplicateID, "objective ID '\(objective.id.value)' is used twice in the register",
                              at: objective.id.location, notes: [.init("first defined here", at: first.id.location)])
        }
    }

    /// Lower-case letters, digits and hyphens, starting with a letter or digit.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func suggestedID(_ id: String) -> String {
        let mapped = id.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return mapped.split(separator: "-").joined(separator: "-")
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
        }
        let map = MappingReader(node, what: "front matter", known: entries.map(\.key), fields: &fields)!
        if let title = map.text("title", &fields) {
            page.title = title.value
            page.titleSource = .frontMatter
        }
        page.description = map.text("description", &fields)?.value
        page.weight = map.entry("weight").flatMap { fields.int($0) }
        page.tags = map.texts("tags", &fields).map(\.value)
        page.metadata.strategy = map.text("strategy", &fields)
        page.metadata.stage = map.text("stage", &fields)
        page.metadata.owner = map.text("owner", &fields)
        page.metadata.responsibilities = map.texts("responsibilities", &fields)
        page.metadata.status = map.choice("status", PlaybookMetadata.Status.self, &fields)
        page.metadata.lastReviewed = map.date("last_reviewed", &fields)
        if let text = map.text("review_interval", &fields) {
            if let interval = ReviewInterval(text.value) {
                page.metadata.reviewInterval = Located(interval, at: text.location)
            } else {
                fields.diagnostics.append(Diagnostic(
                    .invalidDate, "'\(text.value)' is not a review interval", at: text.location,
                    fixHint: "write a number and a unit, such as '6 months' or '90 days'"))
            }
        }
        for entry in entries where !Self.pageKeys.contains(entry.key) {
            if let known = Suggestions.closest(to: entry.key, in: Self.pageKeys), known.count > 3 || entry.key.count > 3 {
                fields.diagnostics.append(Diagnostic(
                    .nearMissKey, "front-matter key '\(entry.key)' looks like a misspelling of '\(known)'",
                    at: entry.keyLocation,
                    fixHint: "rename it to '\(known)', or keep it as your own parameter by prefixing it with 'x-'"))
            }
        }
        return (page, fields.diagnostics)
    }

    private func readData(_ file: ContentFile, diagnostics: inout [Diagnostic]) -> DataDocument? {
        let kind = DataDocument.Kind.of(contentPath: file.contentPath)
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
    private func generatedLandingPages(
        for pages: [Page], data: [DataDocument], configuration: SiteConfiguration, messages: Messages
    ) -> [Page] {
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
                title: folder.isEmpty ? configuration.title
                    : DataDocument.Kind.allCases.first(where: { $0.folder == folder }).map { messages.text("nav.\($0.folder)") }
                    ?? Self.title(fromFileName: name),
                titleSource: .fileName,
                description: nil, weight: nil, tags: [], frontMatter: nil, parameters: [:],
                body: "", bodyLineOffset: 0, isGenerated: true)
        }
    }

    private func collisions(pages: [Page], data: [DataDocument], assets: [Asset]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let claims = pages.map { ($0.outputPath.lowercased(), $0.sourcePath) }
            + data.map { ($0.outputPath.lowercased(), $0.sourcePath) }
            + assets.map { ($0.contentPath.lowercased(), $0.sourcePath) }
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
