import Foundation

/// Builds the typed context of every page in one place, so templates see the same names everywhere.
struct ContextBuilder {
    struct Entry {
        var title: String
        var path: String
        var weight: Int?
        var isFolder: Bool
        /// The title lower-cased once, for sorting: a sort compares each entry many times.
        let sortKey: String

        init(title: String, path: String, weight: Int?, isFolder: Bool) {
            self.title = title
            self.path = path
            self.weight = weight
            self.isFolder = isFolder
            sortKey = title.lowercased()
        }
    }

    private(set) var site: Site
    private(set) var content: RenderedContent
    let diagnostics: [Diagnostic]
    let today: CalendarDate
    let evaluator: CriterionEvaluator
    let stylesheet = "assets/charter.css"
    /// The words of the site's language.
    var l: Messages { site.messages }
    /// Whether the site has strategies or teams, and so the model's own pages.
    let hasModelPages: Bool
    /// Whether the site has a print page, which every page links to: known once, not per page.
    let hasPrintPage: Bool
    private(set) var entriesByFolder: [String: [Entry]] = [:]
    /// Each entry's place in its folder's list, so that a page finds itself without a scan.
    private(set) var entryPositions: [String: Int] = [:]
    /// The last link of a folder's navigation when the folder has more entries than it shows
    /// ("All 40 pages"), made once per folder rather than on every page.
    private(set) var allEntriesTitles: [String: String] = [:]
    private(set) var landingTitles: [String: String] = [:]
    /// Each folder's navigation links as seen from the pages of another folder, made once per
    /// pair: the addresses depend on the page's folder alone, and only which link is current
    /// on the page itself. Kept by `withText`, which changes no entry.
    let navigationMemo = NavigationMemo()
    /// For each site path, the pages that link to it.
    private(set) var backlinks: [String: [Entry]] = [:]
    private(set) var titles: [String: String] = [:]
    /// Each tag's slug: GitHub's rule, `-1`, `-2` for different tags that share one, `tag` when empty.
    private(set) var tagSlugs: [String: String] = [:]
    /// The pages with each tag, in page order.
    private(set) var taggedPages: [String: [RenderedPage]] = [:]

    init(site unlocalized: Site, content: RenderedContent, diagnostics: [Diagnostic], today: CalendarDate) {
        // Pages show the framework in the site's language; the checks keep Charter's English.
        var site = unlocalized
        site.framework = site.framework.localized(by: site.messages)
        self.site = site
        self.content = content
        self.diagnostics = diagnostics
        self.today = today
        self.evaluator = CriterionEvaluator(context: ValidationContext(site: site, today: today))
        self.hasModelPages = !site.strategyModels.isEmpty || !site.teamModels.isEmpty
        self.hasPrintPage = PrintPage.isWritten(for: content)
        for rendered in content.pages {
            let page = rendered.page
            titles[page.outputPath] = page.title
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
        for strategy in site.strategyModels {
            titles[SitePaths.strategy(strategy.id)] = strategy.displayName
            entriesByFolder["strategies", default: []].append(
                Entry(title: strategy.displayName, path: SitePaths.strategy(strategy.id), weight: nil, isFolder: false))
        }
        for team in site.teamModels {
            titles[team.pagePath] = team.displayName
            entriesByFolder[team.isExternal ? "parties" : "teams", default: []].append(
                Entry(title: team.displayName, path: team.pagePath, weight: nil, isFolder: false))
        }
        for objective in site.objectives {
            titles[SitePaths.objective(objective.id.value)] = objective.displayName
        }
        for folder in entriesByFolder.keys {
            entriesByFolder[folder]?.sort(by: Self.order)
            for (position, entry) in (entriesByFolder[folder] ?? []).enumerated() { entryPositions[entry.path] = position }
            let count = entriesByFolder[folder]?.count ?? 0
            if count > Self.navigationLimit { allEntriesTitles[folder] = l.count("nav.allEntries", count) }
        }
        for rendered in content.pages where !rendered.page.isGenerated {
            let source = Entry(title: rendered.page.title, path: rendered.page.outputPath, weight: nil, isFolder: false)
            for target in Set(rendered.links.map(\.path)) where target != rendered.page.outputPath {
                backlinks[target, default: []].append(source)
            }
        }
        for key in backlinks.keys { backlinks[key]?.sort(by: Self.order) }
        // A tag's slug is a file name: a tag as long as a paragraph must still give one the system accepts.
        var slugger = Slugger(fallback: "tag", maximumLength: 100)
        // tags/index.html is the page of all tags.
        slugger.reserve("index")
        for rendered in content.pages {
            for tag in Set(rendered.page.tags) { taggedPages[tag, default: []].append(rendered) }
        }
        for tag in taggedPages.keys.sorted() { tagSlugs[tag] = slugger.slug(for: tag) }
    }

    /// The same site-wide facts for the same site after an edit that changed only the text of
    /// pages (their titles, places, tags and links as before): the live preview's incremental path.
    func withText(of site: Site, content: RenderedContent) -> ContextBuilder {
        var copy = self
        copy.site = site
        copy.content = content
        copy.taggedPages = [:]
        for rendered in content.pages {
            for tag in Set(rendered.page.tags) { copy.taggedPages[tag, default: []].append(rendered) }
        }
        return copy
    }

    func tagPath(_ name: String) -> String { SitePaths.tag(slug: tagSlugs[name] ?? "tag") }

    static func order(_ lhs: Entry, _ rhs: Entry) -> Bool {
        let left = lhs.weight ?? Int.max, right = rhs.weight ?? Int.max
        if left != right { return left < right }
        if lhs.isFolder != rhs.isFolder { return !lhs.isFolder }
        if lhs.sortKey != rhs.sortKey { return lhs.sortKey < rhs.sortKey }
        return lhs.path < rhs.path
    }

    /// The template a Markdown page is rendered with.
    static func templateName(for page: Page) -> String {
        if page.outputPath == SitePaths.home { return "home" }
        return page.isLandingPage ? "section" : "page"
    }

    // MARK: Links

    func link(_ title: String, to path: String, from origin: String, fragment: String? = nil, detail: String? = nil) -> LinkView {
        LinkView(title: title, url: LinkResolver.href(to: path, fragment: fragment, from: origin), detail: detail)
    }

    /// A link to a team's page, or an external party's; an external party's link says so in
    /// its detail ("external"), so that no page shows a party as one of the organisation's teams.
    func teamLink(_ id: String, from origin: String, detail: String? = nil) -> LinkView {
        guard let team = evaluator.context.teams[id] else { return LinkView(title: id, url: "", detail: detail) }
        let external = l.text("common.external")
        let note = team.isExternal ? (detail.map { l.list([$0, external]) } ?? external) : detail
        return link(titles[team.pagePath] ?? id, to: team.pagePath, from: origin, detail: note)
    }

    func strategyLink(_ id: String, from origin: String, detail: String? = nil) -> LinkView {
        link(titles[SitePaths.strategy(id)] ?? id, to: SitePaths.strategy(id), from: origin, detail: detail)
    }

    func stageLink(_ name: String, from origin: String) -> LinkView? {
        guard let stage = site.framework.stage(name) else { return nil }
        return link(stage.name, to: SitePaths.stage(stage.id), from: origin)
    }

    func responsibilityLink(_ name: String, from origin: String, detail: String? = nil) -> LinkView? {
        guard let entry = site.framework.responsibility(name) else { return nil }
        return link(entry.name, to: SitePaths.responsibility(entry.id), from: origin, detail: detail)
    }

    func pageLink(_ page: Page, from origin: String, detail: String? = nil) -> LinkView {
        link(page.title, to: page.outputPath, from: origin, detail: detail)
    }

    func tagLinks(_ tags: [String], from origin: String) -> [LinkView] {
        tags.map { link($0, to: tagPath($0), from: origin) }
    }

    // MARK: Frame

    func documentTitle(_ title: String) -> String {
        title == site.configuration.title ? title : "\(title) · \(site.configuration.title)"
    }

    func pageView(title: String, kind: String, path: String, content: String = "", description: String? = nil,
                  sourcePath: String? = nil) -> PageView {
        PageView(
            title: title, documentTitle: documentTitle(title), titleID: nil, showTitle: true, description: description,
            kind: kind, content: content, toc: [], hasTOC: false, tags: [], params: TemplateParameters([:]), sourcePath: sourcePath, path: path)
    }

    func frame(_ page: PageView, children: [LinkView] = []) -> PageContext {
        let path = page.path
        var sections: [LinkView] = []
        if hasModelPages {
            // The content's own top-level folders first (the playbooks), then the model's overviews.
            let folders = (entriesByFolder[""] ?? []).filter { entry in
                entry.isFolder && entry.path != "strategies/index.html" && entry.path != "teams/index.html"
                    && entry.path != "parties/index.html"
            }.prefix(Self.headerFolderLimit)
            let targets: [(title: String, path: String)] = folders.map { ($0.title, $0.path) } + [
                (l.text("nav.strategies"), "strategies/index.html"),
                (l.text("nav.teams"), "teams/index.html"),
                (l.text("nav.organisation"), SitePaths.organisation),
                (l.text("nav.maturity"), SitePaths.stages),
                (l.text("nav.responsibilities"), SitePaths.matrix),
                (l.text("nav.health"), SitePaths.health),
            ] + (site.objectives.isEmpty ? [] : [(l.text("nav.objectives"), SitePaths.objectives)])
            sections = targets.map { target in
                var item = link(target.title, to: target.path, from: path)
                // Current on the page itself and on every page below its folder.
                let folder = ContentPaths.folder(of: target.path)
                item.isCurrent = target.path == path || (!folder.isEmpty && path.hasPrefix(folder + "/"))
                return item
            }
        }
        let siteView = SiteView(
            title: site.configuration.title,
            description: site.configuration.description,
            language: site.configuration.language,
            direction: site.messages.direction,
            homeURL: ContentPaths.relativeURL(from: path, to: SitePaths.home),
            stylesheetURL: ContentPaths.relativeURL(from: path, to: stylesheet),
            searchScriptURL: ContentPaths.relativeURL(from: path, to: "assets/search.js"),
            isPublic: site.configuration.isPublic,
            sections: sections,
            printURL: hasPrintPage ? ContentPaths.relativeURL(from: path, to: SitePaths.print) : nil)
        let folder = ContentPaths.folder(of: path.hasSuffix("/index.html") ? ContentPaths.folder(of: path) + "/x" : path)
        return PageContext(
            site: siteView, page: page, navigation: navigationLinks(in: "", from: path),
            section: folder.isEmpty ? [] : navigationLinks(in: folder, from: path),
            sectionTitle: folder.isEmpty ? nil : folderTitle(folder),
            breadcrumbs: breadcrumbs(for: path), children: children, root: ContentPaths.rootPrefix(of: path),
            t: MessagesView(site.messages))
    }

    /// A folder's name on pages: its landing page's title; for the folders of Charter's own
    /// pages, their name in the site's language; else its name, tidied.
    func folderTitle(_ folder: String) -> String {
        if let title = landingTitles[folder] { return title }
        let own: [String: String] = [
            "stages": "pages.stages.title", "responsibilities": "pages.matrix.title", "objectives": "strategy.objectives",
            "focus-areas": "pages.focusAreas.title", "program-kinds": "pages.programKinds.title", "tags": "pages.tags.title",
        ]
        if let key = own[folder] { return l.text(key) }
        return ModelBuilder.title(fromFileName: ContentPaths.fileName(of: folder))
    }

    /// How many of the content's top-level folders the header links to, beside the overviews.
    static let headerFolderLimit = 3

    /// How many links of one folder the sidebar shows; the rest are one click away on the folder's page.
    static let navigationLimit = 25

    /// A folder's links for the sidebar, cut to `navigationLimit` (keeping the current page) with a
    /// last link to the full listing, so pages stay small however large the site grows.
    func navigationLinks(in folder: String, from path: String) -> [LinkView] {
        let entries = entriesByFolder[folder] ?? []
        let all = navigationMemo.links(of: folder, from: ContentPaths.folder(of: path)) {
            entries.map { LinkView(title: $0.title, url: ContentPaths.relativeURL(from: path, to: $0.path), isFolder: $0.isFolder) }
        }
        func shown(_ index: Int) -> LinkView {
            var link = all[index]
            link.isCurrent = isCurrent(entries[index], at: path)
            return link
        }
        guard entries.count > Self.navigationLimit else { return entries.indices.map(shown) }
        var indices = Array(0..<Self.navigationLimit)
        if let position = currentPosition(in: folder, at: path), position >= Self.navigationLimit {
            indices[indices.count - 1] = position
        }
        let landing = folder.isEmpty ? SitePaths.home : folder + "/index.html"
        return indices.map(shown)
            + [LinkView(title: allEntriesTitles[folder] ?? l.count("nav.allEntries", entries.count),
                        url: ContentPaths.relativeURL(from: path, to: landing), isFolder: true)]
    }

    /// The position in `folder`'s list of the entry that is current at `path`: the page itself,
    /// or the folder on the way down to it.
    private func currentPosition(in folder: String, at path: String) -> Int? {
        let entries = entriesByFolder[folder] ?? []
        if let position = entryPositions[path], entries.indices.contains(position), entries[position].path == path {
            return position
        }
        let prefix = folder.isEmpty ? "" : folder + "/"
        guard path.hasPrefix(prefix), let next = path.dropFirst(prefix.count).split(separator: "/").first,
              path.dropFirst(prefix.count).contains("/") else { return nil }
        let landing = prefix + next + "/index.html"
        guard let position = entryPositions[landing], entries.indices.contains(position), entries[position].path == landing,
              isCurrent(entries[position], at: path) else { return nil }
        return position
    }

    func links(in folder: String, from path: String) -> [LinkView] {
        links(entriesByFolder[folder] ?? [], from: path)
    }

    private func links(_ entries: [Entry], from path: String) -> [LinkView] {
        entries.map { entry in
            LinkView(title: entry.title, url: ContentPaths.relativeURL(from: path, to: entry.path),
                     isCurrent: isCurrent(entry, at: path), isFolder: entry.isFolder)
        }
    }

    /// The page itself, or a folder above it: the page's path starts with the folder's path and
    /// a slash (compared as bytes, with no string made, since every page asks it of every link).
    private func isCurrent(_ entry: Entry, at path: String) -> Bool {
        if entry.path == path { return true }
        guard entry.isFolder else { return false }
        let folder = entry.path.utf8
        guard let slash = folder.lastIndex(of: UInt8(ascii: "/")) else { return path.utf8.first == UInt8(ascii: "/") }
        return path.utf8.starts(with: folder[...slash])
    }

    func breadcrumbs(for path: String) -> [LinkView] {
        guard path != SitePaths.home else { return [] }
        var folders: [String] = []
        var folder = ContentPaths.folder(of: path)
        if path.hasSuffix("/index.html") { folder = ContentPaths.folder(of: folder) }
        while true {
            folders.insert(folder, at: 0)
            if folder.isEmpty { break }
            folder = ContentPaths.folder(of: folder)
        }
        return folders.map { folder in
            let landing = folder.isEmpty ? SitePaths.home : folder + "/index.html"
            return LinkView(
                title: folder.isEmpty ? l.text("nav.home") : folderTitle(folder),
                url: ContentPaths.relativeURL(from: path, to: landing),
                isFolder: true)
        }
    }

    // MARK: Markdown pages

    func context(for rendered: RenderedPage) -> PageContext {
        let page = rendered.page
        let markdown = rendered.markdown
        let toc = markdown.headings.filter { $0.level >= 2 && $0.level <= 3 }.compactMap { heading in
            heading.id.map { TOCEntry(level: heading.level, text: heading.text, url: "#\($0)") }
        }
        let bodyHeadings = markdown.extractedTitle == nil ? markdown.headings : Array(markdown.headings.dropFirst())
        let view = PageView(
            title: page.title,
            documentTitle: page.outputPath == SitePaths.home ? site.configuration.title : documentTitle(page.title),
            titleID: markdown.extractedTitle?.id,
            showTitle: !bodyHeadings.contains { $0.level == 1 && $0.text == page.title },
            description: page.description,
            kind: Self.templateName(for: page),
            content: markdown.html,
            toc: toc,
            hasTOC: toc.count >= 2,
            tags: tagLinks(page.tags, from: page.outputPath),
            params: TemplateParameters(page.parameters),
            sourcePath: page.isGenerated ? nil : page.sourcePath,
            path: page.outputPath)
        let children = page.isLandingPage ? links(in: ContentPaths.folder(of: page.outputPath), from: page.outputPath) : []
        var context = frame(view, children: children)
        if !page.isGenerated { context.playbook = playbookView(rendered) }
        if page.outputPath == SitePaths.home, hasModelPages { context.home = homeView(from: page.outputPath) }
        return context
    }

    private func playbookView(_ rendered: RenderedPage) -> PlaybookView {
        let page = rendered.page
        let path = page.outputPath
        let metadata = page.metadata
        let due = metadata.lastReviewed.map { $0.value.adding(metadata.reviewInterval?.value ?? .standard) }
        let entries = page.isLandingPage ? [] : entriesByFolder[ContentPaths.folder(of: path)] ?? []
        let index = entryPositions[path].flatMap { entries.indices.contains($0) && entries[$0].path == path ? $0 : nil }
        /// The nearest page (not folder) before or after this one in its folder.
        func neighbour(_ step: Int) -> LinkView? {
            guard let index else { return nil }
            var position = index + step
            while entries.indices.contains(position) {
                if !entries[position].isFolder { return link(entries[position].title, to: entries[position].path, from: path) }
                position += step
            }
            return nil
        }
        let owner = metadata.owner.map { teamLink($0.value, from: path) }
        let strategy = metadata.strategy.flatMap { reference in
            site.strategyModels.contains { $0.id == reference.value } ? strategyLink(reference.value, from: path) : nil
        }
        let stage = metadata.stage.flatMap { stageLink($0.value, from: path) }
        let responsibilities = metadata.responsibilities.compactMap { responsibilityLink($0.value, from: path) }
        return PlaybookView(
            owner: owner, strategy: strategy, stage: stage, responsibilities: responsibilities,
            status: metadata.status?.value.rawValue,
            statusText: metadata.status.map { l.text("status.\($0.value.rawValue)") },
            lastReviewed: metadata.lastReviewed.map { l.date($0.value) },
            reviewDue: due.map { l.date($0) },
            isStale: due.map { $0 < today } ?? false,
            hasMetadata: owner != nil || strategy != nil || stage != nil || !responsibilities.isEmpty || metadata.status != nil
                || metadata.lastReviewed != nil,
            referencedBy: (backlinks[path] ?? []).map { link($0.title, to: $0.path, from: path) },
            previous: neighbour(-1), next: neighbour(1))
    }

    /// Markdown pages whose front matter names a value, for model pages' "playbooks" lists.
    func playbooks(from origin: String, where predicate: (PlaybookMetadata) -> Bool) -> [LinkView] {
        content.pages.filter { !$0.page.isGenerated && predicate($0.page.metadata) }
            .map { (key: $0.page.title.lowercased(), page: $0.page) }
            .sorted { $0.key < $1.key }
            .map { pageLink($0.page, from: origin) }
    }

    /// Rendered HTML of a YAML text field, or its escaped text if it was not rendered.
    func html(_ text: Located<String>?) -> String? {
        guard let text else { return nil }
        return content.texts[text.location] ?? HTMLText.escape(text.value)
    }
}

/// Escaping for text placed into HTML outside Mustache.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// A folder's navigation links as seen from the pages of one folder (`ContextBuilder.navigationMemo`).
final class NavigationMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: [LinkView]] = [:]

    /// The links kept for the pair of folders, or `make`'s, kept.
    func links(of folder: String, from pageFolder: String, make: () -> [LinkView]) -> [LinkView] {
        let key = folder + "\u{0}" + pageFolder
        if let known = lock.withLock({ made[key] }) { return known }
        let links = make()
        lock.withLock { made[key] = links }
        return links
    }
}
