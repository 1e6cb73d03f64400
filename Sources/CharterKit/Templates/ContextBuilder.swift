/// Builds the typed context of every page in one place, so templates see the same names everywhere.
struct ContextBuilder {
    private struct Entry {
        var title: String
        var path: String
        var weight: Int?
        var isFolder: Bool
    }

    private let site: Site
    private let stylesheet: String
    private var entriesByFolder: [String: [Entry]] = [:]
    private var landingTitles: [String: String] = [:]

    init(site: Site, pages: [RenderedPage], stylesheet: String) {
        self.site = site
        self.stylesheet = stylesheet
        for rendered in pages {
            let page = rendered.page
            let folder = ContentPaths.folder(of: page.outputPath)
            if page.isLandingPage {
                landingTitles[folder] = page.title
                if !folder.isEmpty {
                    entriesByFolder[ContentPaths.folder(of: folder), default: []].append(
                        Entry(title: page.title, path: page.outputPath, weight: page.weight, isFolder: true))
                }
            } else {
                entriesByFolder[folder, default: []].append(
                    Entry(title: page.title, path: page.outputPath, weight: page.weight, isFolder: false))
            }
        }
        for document in site.dataDocuments {
            entriesByFolder[document.kind.folder, default: []].append(
                Entry(title: document.title, path: document.outputPath, weight: nil, isFolder: false))
        }
        for folder in entriesByFolder.keys {
            entriesByFolder[folder]?.sort { lhs, rhs in
                let left = lhs.weight ?? Int.max, right = rhs.weight ?? Int.max
                if left != right { return left < right }
                if lhs.isFolder != rhs.isFolder { return !lhs.isFolder }
                if lhs.title.lowercased() != rhs.title.lowercased() { return lhs.title.lowercased() < rhs.title.lowercased() }
                return lhs.path < rhs.path
            }
        }
    }

    /// The template a page is rendered with.
    static func templateName(for page: Page) -> String {
        if page.outputPath == "index.html" { return "home" }
        return page.isLandingPage ? "section" : "page"
    }

    func context(for rendered: RenderedPage) -> PageContext {
        let page = rendered.page
        let markdown = rendered.markdown
        let toc = markdown.headings.filter { $0.level >= 2 && $0.level <= 3 }.compactMap { heading in
            heading.id.map { TOCEntry(level: heading.level, text: heading.text, url: "#\($0)") }
        }
        let children = page.isLandingPage ? links(in: ContentPaths.folder(of: page.outputPath), from: page.outputPath) : []
        let bodyHeadings = markdown.extractedTitle == nil ? markdown.headings : Array(markdown.headings.dropFirst())
        let view = PageView(
            title: page.title,
            documentTitle: documentTitle(page.title),
            titleID: markdown.extractedTitle?.id,
            showTitle: !bodyHeadings.contains { $0.level == 1 && $0.text == page.title },
            description: page.description,
            kind: Self.templateName(for: page),
            content: markdown.html,
            toc: toc,
            hasTOC: toc.count >= 2,
            tags: page.tags,
            params: page.parameters,
            sourcePath: page.sourcePath,
            path: page.outputPath)
        return makeContext(page: view, at: page.outputPath, children: children, fields: [])
    }

    func context(for document: DataDocument, narrative: RenderedMarkdown?) -> PageContext {
        let view = PageView(
            title: document.title,
            documentTitle: documentTitle(document.title),
            titleID: nil,
            showTitle: true,
            description: nil,
            kind: document.kind.rawValue,
            content: narrative?.html ?? "",
            toc: [],
            hasTOC: false,
            tags: [],
            params: [:],
            sourcePath: document.sourcePath,
            path: document.outputPath)
        return makeContext(page: view, at: document.outputPath, children: [], fields: Self.fields(of: document.root))
    }

    private func documentTitle(_ title: String) -> String {
        title == site.configuration.title ? title : "\(title) · \(site.configuration.title)"
    }

    private func makeContext(page: PageView, at path: String, children: [LinkView], fields: [FieldView]) -> PageContext {
        let root = ContentPaths.rootPrefix(of: path)
        let siteView = SiteView(
            title: site.configuration.title,
            description: site.configuration.description,
            language: site.configuration.language,
            homeURL: ContentPaths.relativeURL(from: path, to: "index.html"),
            stylesheetURL: ContentPaths.relativeURL(from: path, to: stylesheet))
        return PageContext(
            site: siteView,
            page: page,
            navigation: links(in: "", from: path),
            breadcrumbs: breadcrumbs(for: path),
            children: children,
            fields: fields,
            root: root)
    }

    private func links(in folder: String, from path: String) -> [LinkView] {
        (entriesByFolder[folder] ?? []).map { entry in
            LinkView(
                title: entry.title,
                url: ContentPaths.relativeURL(from: path, to: entry.path),
                isCurrent: entry.path == path || (entry.isFolder && path.hasPrefix(ContentPaths.folder(of: entry.path) + "/")),
                isFolder: entry.isFolder)
        }
    }

    private func breadcrumbs(for path: String) -> [LinkView] {
        guard path != "index.html" else { return [] }
        var folders: [String] = []
        var folder = ContentPaths.folder(of: path)
        if path.hasSuffix("/index.html") || path == "index.html" { folder = ContentPaths.folder(of: folder) }
        while true {
            folders.insert(folder, at: 0)
            if folder.isEmpty { break }
            folder = ContentPaths.folder(of: folder)
        }
        return folders.map { folder in
            let landing = folder.isEmpty ? "index.html" : folder + "/index.html"
            return LinkView(
                title: folder.isEmpty ? "Home" : landingTitles[folder] ?? ModelBuilder.title(fromFileName: folder),
                url: ContentPaths.relativeURL(from: path, to: landing),
                isCurrent: false,
                isFolder: true)
        }
    }

    static func fields(of node: YAMLNode) -> [FieldView] {
        switch node.kind {
        case .mapping(let entries):
            return entries.filter { !$0.key.hasPrefix("x-") }.map { entry in
                FieldView(key: entry.key, text: entry.value.scalarText, fields: fields(of: entry.value))
            }
        case .sequence(let items):
            return items.map { FieldView(key: nil, text: $0.scalarText, fields: fields(of: $0)) }
        case .scalar:
            return []
        }
    }
}
