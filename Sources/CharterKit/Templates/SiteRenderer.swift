public import Foundation

/// A file of the finished site.
public struct OutputFile: Sendable, Hashable {
    /// What the file holds: bytes made by the build, text made by the build (turned into bytes
    /// only as it is written, so that a large one is not held twice), or a file copied as it is.
    public enum Contents: Sendable, Hashable {
        case data(Data)
        case text(String)
        case copy(URL)
    }

    /// Path in the site, with `/` separators.
    public var path: String
    public var contents: Contents

    /// Creates an output file.
    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}

/// The finished site, ready for the writer.
public struct RenderedSite: Sendable {
    /// Every file, sorted by path.
    public var files: [OutputFile]
}

/// Where finished pages go: streamed into the staging folder of the next site, reusing the
/// previous site's file where a page's template and context are exactly those the cache
/// remembers; or nowhere, for a check, which makes only what its diagnostics need.
enum PageDestination {
    case staged(StagedSite, cache: BuildCache?)
    /// Nothing is written, and only what can change a diagnostic is made: every context (it
    /// gives its page's path), the HTML of the pages that links point into (their ids), the
    /// print page only when a link points into it, and the search index only when a content
    /// file claims a path in its folder (CH004). The diagnostics are those of a build.
    case nowhere

    var isNowhere: Bool {
        if case .nowhere = self { return true }
        return false
    }
}

/// What applying the templates produced.
struct SiteRendering {
    /// Every file's path in the site, sorted.
    var paths: [String] = []
    var diagnostics: [Diagnostic] = []
    /// The fingerprint and size of each HTML page, for the next build's cache.
    var pages: [String: BuildCache.Page] = [:]
    /// How many HTML pages the site has, and how many of them were reused from the previous site.
    var pageCount = 0
    var reused = 0
    /// The ids of each page that a link with a fragment points into.
    var ids: [String: Set<String>] = [:]
    /// The pages links with a `#fragment` point into, with how many documents hold such links
    /// (`RenderedContent.anchorTargetCounts`).
    var anchorTargets: [String: Int] = [:]
    /// The anchor check's findings (`AnchorChecker`, a stage of its own after this one).
    var anchorDiagnostics: [Diagnostic] = []
    /// The problems above that are not the anchor check's: missing templates, collisions.
    var pageProblems: [Diagnostic] = []
    /// Whether a page that links point into has other ids than the last time it was made.
    var idsChanged = true
    /// The search index's files, by path, and the entries they were made from.
    var searchFiles: [String: String] = [:]
    var searchEntries: [SearchIndex.Entry] = []
    /// The site's other files written from memory, as the build cache keeps them.
    var files: [String: BuildCache.File] = [:]
    /// The site-wide facts the pages' contexts were built from.
    var builder: ContextBuilder?
}

/// Applies the templates to every page, in parallel, and gathers the site's files, with the ids
/// of each page that a link's `#fragment` points into, for the anchor check that follows.
struct SiteRenderer {
    var templates: TemplateSet
    /// How many threads render pages; the output does not depend on it.
    var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Told how many pages are done, from any thread.
    var progress: (@Sendable (BuildProgress) -> Void)? = nil
    /// Search terms of entries seen before, kept by a build session.
    var searchMemo: SearchIndexMemo? = nil
    /// Opens the cache of search entries' terms on disk, given the index's settings; for a
    /// single build, which has no `searchMemo`.
    var openSearchCache: (@Sendable (String) -> SearchEntryCache)? = nil
    /// The print page's sections from the session's last build.
    var printMemo: PrintSectionMemo? = nil

    struct Job: Sendable {
        var template: String
        var sourcePath: String
        /// The content file the page is made from; nil for pages Charter makes itself.
        var source: String? = nil
        /// The page's path, known without making the context: a check can leave the page
        /// unmade, and a build makes each context on the thread that renders it, and lets it go
        /// after, so that the site's contexts are never all held at once. It is the path the
        /// context gives its page (`TemplateLookupsTests.jobPathsAreTheirContexts`).
        var path: String
        var make: @Sendable () -> PageContext
    }

    /// A page with its context built, ready for its template.
    struct PlannedPage: Sendable {
        var job: Job
        var context: PageContext
        var path: String { job.path }
    }

    private struct Finished: Sendable {
        var path: String
        var page: BuildCache.Page?
        var ids: Set<String>?
        var reused = false
        var problem: Diagnostic?
    }

    /// Every page of the site as a job; with `sources`, only the pages made from those source
    /// files, and the print page, which holds every written page (a live preview's edit).
    func jobs(
        _ builder: ContextBuilder, links: LinkResolver, markdown: MarkdownOptions, only sources: Set<String>? = nil
    ) -> [Job] {
        let site = builder.site
        let workers = self.workers
        let printMemo = self.printMemo
        let pages = builder.content.pages
        let keep = { (source: String) in sources?.contains(source) ?? true }
        // Positions first, so that a page left out is never copied.
        var jobs: [Job] = pages.indices.filter { sources == nil || (!pages[$0].page.isGenerated && keep(pages[$0].page.sourcePath)) }.map { index in
            let rendered = pages[index]
            return Job(template: ContextBuilder.templateName(for: rendered.page), sourcePath: rendered.page.sourcePath,
                       source: rendered.page.isGenerated ? nil : rendered.page.sourcePath, path: rendered.page.outputPath) {
                builder.context(for: rendered)
            }
        }
        jobs += site.strategyModels.filter { keep($0.sourcePath) }.map { strategy in
            Job(template: "strategy", sourcePath: strategy.sourcePath, source: strategy.sourcePath, path: SitePaths.strategy(strategy.id)) {
                builder.context(for: strategy)
            }
        }
        jobs += site.teamModels.filter { keep($0.sourcePath) }.map { team in
            Job(template: "team", sourcePath: team.sourcePath, source: team.sourcePath, path: team.pagePath) { builder.context(for: team) }
        }
        jobs += modelJobs(builder, keep: keep, everything: sources == nil)
        if builder.hasPrintPage {
            jobs.append(Job(template: "print", sourcePath: "", path: SitePaths.print) {
                PrintPage(builder: builder, links: links, options: markdown, workers: workers, memo: printMemo).context()
                    ?? builder.notFoundContext()
            })
        }
        return jobs
    }

    /// The pages of the framework and the model, the objectives' pages among them (those that
    /// `keep` keeps), then tags and the 404 page. Without `everything`, only the objectives' pages:
    /// the others are made from the whole model rather than one source file.
    private func modelJobs(_ builder: ContextBuilder, keep: (String) -> Bool, everything: Bool) -> [Job] {
        let site = builder.site
        let objectivePages = site.objectives.filter { keep($0.sourcePath) }.map { objective in
            Job(template: "objective", sourcePath: objective.sourcePath, source: objective.sourcePath, path: SitePaths.objective(objective.id.value)) {
                builder.context(forObjective: objective)
            }
        }
        guard everything else { return builder.hasModelPages ? objectivePages : [] }
        var jobs: [Job] = []
        if builder.hasModelPages {
            jobs.append(Job(template: "stages", sourcePath: "", path: SitePaths.stages) { builder.stagesContext() })
            jobs += site.framework.stages.indices.map { index in
                Job(template: "stage", sourcePath: "", path: SitePaths.stage(site.framework.stages[index].id)) { builder.context(forStage: index) }
            }
            jobs.append(Job(template: "matrix", sourcePath: "", path: SitePaths.matrix) { builder.matrixContext() })
            jobs += site.framework.responsibilities.map { entry in
                Job(template: "responsibility", sourcePath: "", path: SitePaths.responsibility(entry.id)) { builder.context(forResponsibility: entry) }
            }
            jobs.append(Job(template: "listing", sourcePath: "", path: SitePaths.focusAreas) { builder.focusAreasContext() })
            jobs.append(Job(template: "listing", sourcePath: "", path: SitePaths.programKinds) { builder.programKindsContext() })
            jobs.append(Job(template: "health", sourcePath: "", path: SitePaths.health) { builder.healthContext() })
            jobs.append(Job(template: "organisation", sourcePath: "", path: SitePaths.organisation) { builder.organisationContext() })
            jobs.append(Job(template: "exchanges", sourcePath: "", path: SitePaths.exchanges) { builder.exchangesContext() })
            if !site.objectives.isEmpty {
                jobs.append(Job(template: "listing", sourcePath: "", path: SitePaths.objectives) { builder.objectivesContext() })
                jobs += objectivePages
            }
        }
        if !builder.taggedPages.isEmpty {
            jobs.append(Job(template: "listing", sourcePath: "", path: SitePaths.tags) { builder.tagsContext() })
            jobs += builder.taggedPages.keys.sorted().map { name in
                Job(template: "section", sourcePath: "", path: builder.tagPath(name)) { builder.context(forTag: name) }
            }
        }
        jobs.append(Job(template: "404", sourcePath: "", path: SitePaths.notFound) { builder.notFoundContext() })
        return jobs
    }

    func render(
        _ site: Site, content: RenderedContent, diagnostics: [Diagnostic], today: CalendarDate,
        links: LinkResolver, markdown: MarkdownOptions, to destination: PageDestination
    ) throws -> SiteRendering {
        var laps = Timings.Laps()
        let builder = ContextBuilder(site: site, content: content, diagnostics: diagnostics, today: today)
        laps.lap("site-wide facts")
        let anchorTargetCounts = content.anchorTargetCounts
        let anchorTargets = Set(anchorTargetCounts.keys)
        let checking = destination.isNowhere
        let jobs = jobs(builder, links: links, markdown: markdown)
        let templates = self.templates
        // The ids a check knows from a page's Markdown, when the default templates add none a link could want.
        let knownIDs = checking ? Self.knownIDs(content, links: content.allLinks, templates: templates) : [:]
        @Sendable func known(_ job: Job, _ path: String) -> Set<String>? {
            knownIDs[path].flatMap { $0.source == job.source ? $0.ids : nil }
        }
        let pagePaths = jobs.map(\.path)

        // Everything but the pages, known before any page is rendered.
        var others: [(file: OutputFile, source: String?)] = site.assets.map {
            (OutputFile(path: $0.contentPath, contents: .copy($0.fileURL)), $0.sourcePath)
        }
        others += templates.assets.map { (OutputFile(path: $0.key, contents: .data($0.value)), nil) }
        others.append((OutputFile(path: SitePaths.robots, contents: .data(Data(CrawlerFiles.robots(site).utf8))), nil))
        var claims = jobs.indices.map { (path: pagePaths[$0], source: jobs[$0].source) }
            + others.map { (path: $0.file.path, source: $0.source) }
        // The search index's files can only change a check's diagnostics by taking a path that a
        // content file claims.
        let searchIndexed = !checking || claims.contains { $0.source != nil && $0.path.lowercased().hasPrefix(SearchIndex.folder) }
        laps.lap("other files")
        var searchEntries = searchIndexed ? builder.searchEntries(workers: workers) : []
        if searchIndexed { laps.lap("search entries", "\(searchEntries.count) entries") }
        // A single build that writes the site writes the entry files as the index makes them,
        // rather than holding all their text. Charter's own files keep their paths, so only a
        // file of Charter's claimed before them could keep one from being written.
        var searchWritten: [String: BuildCache.File] = [:]
        var searchFiles: [String: String] = [:]
        if searchIndexed, searchMemo == nil, case .staged(let staged, let cache) = destination {
            let claimed = Set(claims.filter { $0.source == nil }.map(\.path))
            try staged.makeFolders(for: [SearchIndex.folder + "meta.js"])
            searchFiles = try searchIndex().files(for: searchEntries) { path, text in
                guard !claimed.contains(path) else { return }
                searchWritten[path] = try staged.write(OutputFile(path: path, contents: .text(text)), previous: cache?.files[path])
            }
        } else if searchIndexed {
            searchFiles = searchIndex().files(for: searchEntries)
        }
        if searchIndexed { laps.lap("search index", "\(searchFiles.count + searchWritten.count) files") }
        // Only a session's next build reads the entries again (to reuse unchanged ones); a
        // single build lets their text go before the pages are made.
        if searchMemo == nil { searchEntries = [] }
        for (path, text) in searchFiles {
            others.append((OutputFile(path: path, contents: .text(text)), nil))
            claims.append((path: path, source: nil))
        }
        var result = SiteRendering()
        result.files = searchWritten
        // Only a session's next build compares the search files with these; a single build
        // lets their text go once they are written, before the pages are made.
        if searchMemo != nil { result.searchFiles = searchFiles }
        searchFiles = [:]

        // A content file on a path Charter writes itself loses it (CH004).
        if let sitemap = CrawlerFiles.sitemap(site, pages: Set(pagePaths)) {
            others.append((OutputFile(path: SitePaths.sitemap, contents: .data(Data(sitemap.utf8))), nil))
            claims.append((path: SitePaths.sitemap, source: nil))
        }
        // Written already, and claimed last (after the claims `others` lines up with), so that
        // a content file on one of their paths is told so.
        let writtenPaths = searchWritten.keys.sorted()
        claims += writtenPaths.map { (path: $0, source: nil) }
        let (kept, collisions) = Self.resolveCollisions(claims)
        // A check leaves a page whose path is known unmade, unless a link points into it for an
        // id its Markdown does not show.
        let leftUnmade = { (index: Int) -> Bool in
            guard checking else { return false }
            let path = jobs[index].path
            return !anchorTargets.contains(path) || known(jobs[index], path) != nil
        }
        let keptPages = jobs.indices.filter { kept.contains($0) && !leftUnmade($0) }
        let unmade = jobs.indices.filter { kept.contains($0) && leftUnmade($0) }.map { (job: jobs[$0], path: pagePaths[$0]) }
        var keptOthers = others.indices.filter { kept.contains(jobs.count + $0) }.map { others[$0].file }
        others = []
        let otherPaths = keptOthers.map(\.path)

        if case .staged(let staged, let cache) = destination {
            try staged.makeFolders(for: keptPages.map { pagePaths[$0] } + otherPaths)
            // One thread: most are in one folder, whose lock parallel writers would only fight over.
            for file in keptOthers { result.files[file.path] = try staged.write(file, previous: cache?.files[file.path]) }
            laps.lap("other writes")
        }
        keptOthers = []
        let counter = progress.map { ProgressCounter(total: keptPages.count, report: $0) }
        let finished = ParallelMap.map(keptPages, workers: workers) { index -> Result<Finished, CharterError> in
            defer { counter?.advance(by: 1) }
            let page = PlannedPage(job: jobs[index], context: jobs[index].make())
            do {
                return .success(try Self.finish(
                    page, templates: templates, destination: destination, needsIDs: anchorTargets.contains(page.path),
                    knownIDs: known(page.job, page.path)))
            } catch let error as CharterError {
                return .failure(error)
            } catch {
                return .failure(CharterError.unwritable(page.path, "\(error)"))
            }
        }

        // The pages a check left unmade are counted as the others are, or reported without their template.
        let unmadeFinished = unmade.map {
            Result<Finished, CharterError>.success(Self.unrendered(
                $0.job, path: $0.path, templates: templates, ids: anchorTargets.contains($0.path) ? known($0.job, $0.path) : nil))
        }
        result.anchorTargets = anchorTargetCounts
        var ids: [String: Set<String>] = [:]
        for outcome in finished + unmadeFinished {
            let page: Finished
            switch outcome {
            case .success(let value): page = value
            case .failure(let error): throw error
            }
            if let problem = page.problem {
                result.diagnostics.append(problem)
                continue
            }
            if let pageIDs = page.ids, ids[page.path] == nil { ids[page.path] = pageIDs }
            result.pages[page.path] = page.page
            result.pageCount += 1
            if page.reused { result.reused += 1 }
        }
        laps.lap("templates and page writes")
        result.pageProblems = result.diagnostics + collisions
        result.diagnostics = result.pageProblems
        result.ids = ids
        result.searchEntries = searchEntries
        result.builder = builder
        result.paths = (keptPages.map { pagePaths[$0] } + unmade.map(\.path) + otherPaths + writtenPaths).sorted()
        return result
    }

    /// Makes again, in memory, the pages of the site `made` describes that are made from the
    /// playbooks `sources`, when nothing other pages show has changed (`SiteBuilder.shapeKey`):
    /// those pages, the print page and the search index, each kept only when its bytes differ
    /// from the published file, with the ids of the pages that links point into. Nil when the pages
    /// or the search files are not those of the published site, so that the whole site is made.
    func remake(
        _ made: MadeSite, site: Site, content: RenderedContent, sources: Set<String>, links: LinkResolver, markdown: MarkdownOptions
    ) -> (rendering: SiteRendering, files: [(path: String, data: Data)])? {
        guard let previous = made.rendering.builder else { return nil }
        let builder = previous.withText(of: site, content: content)
        let jobs = jobs(builder, links: links, markdown: markdown, only: sources)
        let templates = self.templates
        let cache = made.cache
        let remade = ParallelMap.map(jobs, workers: workers) { job -> (path: String, fingerprint: String, html: String?) in
            let planned = PlannedPage(job: job, context: job.make())
            let fingerprint = Self.fingerprint(of: planned)
            if cache.pages[planned.path]?.fingerprint == fingerprint { return (planned.path, fingerprint, nil) }
            return (planned.path, fingerprint, templates.render(planned.context, with: job.template))
        }
        // The anchor targets of the site made, with the edited pages' own replaced: only their
        // links can have changed, so a page first linked into with a fragment is one of theirs.
        var anchorTargets = made.rendering.anchorTargets
        var newTargets: Set<String> = []
        for index in content.pages.indices where sources.contains(content.pages[index].page.sourcePath) {
            guard made.content.pages.indices.contains(index) else { return nil }
            for path in made.content.pages[index].fragmentTargets { anchorTargets[path, default: 0] -= 1 }
            for path in content.pages[index].fragmentTargets {
                anchorTargets[path, default: 0] += 1
                newTargets.insert(path)
            }
        }
        anchorTargets = anchorTargets.filter { $0.value > 0 }
        var rendering = made.rendering
        rendering.builder = builder
        rendering.anchorTargets = anchorTargets
        var files: [(path: String, data: Data)] = []
        var idsChanged = false
        for page in remade where cache.pages[page.path]?.fingerprint != page.fingerprint {
            guard cache.pages[page.path] != nil, let html = page.html else { return nil }
            let data = Data(html.utf8)
            let ids = anchorTargets[page.path] != nil ? AnchorChecker.ids(in: html) : nil
            if let old = made.rendering.ids[page.path], old != ids { idsChanged = true }
            rendering.ids[page.path] = ids
            rendering.pages[page.path] = BuildCache.Page(fingerprint: page.fingerprint, size: data.count, ids: ids?.sorted())
            files.append((page.path, data))
        }
        // Pages that links point into for the first time: their ids are those of the published file.
        for target in newTargets.sorted() where rendering.ids[target] == nil {
            guard var page = rendering.pages[target] else { continue }
            if page.ids == nil {
                guard let data = FileManager.default.contents(atPath: made.output.appending(path: target).path) else { return nil }
                page.ids = AnchorChecker.ids(in: String(decoding: data, as: UTF8.self)).sorted()
                rendering.pages[target] = page
            }
            rendering.ids[target] = Set(page.ids ?? [])
        }
        rendering.idsChanged = idsChanged
        rendering.diagnostics = rendering.pageProblems

        rendering.searchEntries = builder.searchEntries(workers: workers, reusing: made.rendering.searchEntries, changed: sources)
        let searchFiles = searchIndex().files(for: rendering.searchEntries)
        guard Set(searchFiles.keys) == Set(made.rendering.searchFiles.keys) else { return nil }
        for (path, text) in searchFiles.sorted(by: { $0.key < $1.key }) where made.rendering.searchFiles[path] != text {
            files.append((path, Data(text.utf8)))
        }
        rendering.searchFiles = searchFiles
        rendering.reused = rendering.pageCount - files.count(where: { $0.path.hasSuffix(".html") })
        return (rendering, files)
    }

    /// For a check: the ids of the content pages whose every linked fragment is the id of one of
    /// their Markdown headings, by page path. With the default templates, which place each
    /// page's title and content with their ids, such a page needs no rendering for the anchor
    /// check: no link into it can be broken. Empty when the site has its own templates.
    static func knownIDs(
        _ content: RenderedContent, links: [SiteLink], templates: TemplateSet
    ) -> [String: (source: String, ids: Set<String>)] {
        guard templates.isDefault else { return [:] }
        var fragments: [String: Set<String>] = [:]
        for link in links { if let fragment = link.fragment, !fragment.isEmpty { fragments[link.path, default: []].insert(fragment) } }
        var known: [String: (source: String, ids: Set<String>)] = [:]
        for rendered in content.pages where !rendered.page.isGenerated {
            guard let wanted = fragments[rendered.page.outputPath] else { continue }
            let ids = Set(rendered.markdown.headings.compactMap(\.id))
            if wanted.isSubset(of: ids) { known[rendered.page.outputPath] = (rendered.page.sourcePath, ids) }
        }
        return known
    }

    /// A page a check does not render: counted, with the ids it is known to have, when its
    /// template exists; its problem when not.
    private static func unrendered(_ job: Job, path: String, templates: TemplateSet, ids: Set<String>? = nil) -> Finished {
        templates.has(job.template) ? Finished(path: path, ids: ids) : Finished(path: path, problem: missingTemplate(job, path: path))
    }

    /// The problem of a page whose template does not exist.
    private static func missingTemplate(_ job: Job, path: String) -> Diagnostic {
        Diagnostic(
            .missingTemplate, "no template named '\(job.template)' to render '\(path)' with",
            at: SourceLocation(path: job.sourcePath.isEmpty ? "Templates" : job.sourcePath))
    }

    /// Renders one page, or links the previous site's copy when its template and context are
    /// exactly those the cache remembers; collects its ids when a link points into it. A check
    /// renders it only for ids it does not know otherwise (`knownIDs`, see `knownIDs(_:links:templates:)`).
    private static func finish(
        _ planned: PlannedPage, templates: TemplateSet, destination: PageDestination, needsIDs: Bool, knownIDs: Set<String>? = nil
    ) throws -> Finished {
        let path = planned.path
        var fingerprint: String?
        if case .staged(let staged, let cache) = destination {
            let print = Self.fingerprint(of: planned)
            fingerprint = print
            if let old = cache?.pages[path], old.fingerprint == print, staged.reuse(path, size: old.size) {
                var ids: Set<String>?
                var page = old
                if needsIDs {
                    // The ids are those of the same template and context: remembered when the
                    // page was a link target before, read from the linked file otherwise.
                    if let known = old.ids {
                        ids = Set(known)
                    } else if let data = try? Data(contentsOf: staged.folder.appending(path: path)) {
                        ids = AnchorChecker.ids(in: String(decoding: data, as: UTF8.self))
                        page.ids = ids?.sorted()
                    }
                }
                return Finished(path: path, page: page, ids: ids, reused: true)
            }
        }
        if destination.isNowhere && (!needsIDs || knownIDs != nil) {
            return unrendered(planned.job, path: path, templates: templates, ids: knownIDs)
        }
        guard let html = templates.render(planned.context, with: planned.job.template) else {
            return Finished(path: path, problem: missingTemplate(planned.job, path: path))
        }
        let ids = needsIDs ? AnchorChecker.ids(in: html) : nil
        switch destination {
        case .nowhere:
            return Finished(path: path, ids: ids)
        case .staged(let staged, _):
            let data = Data(html.utf8)
            try staged.write(data, to: path)
            return Finished(
                path: path, page: fingerprint.map { BuildCache.Page(fingerprint: $0, size: data.count, ids: ids?.sorted()) }, ids: ids)
        }
    }

    /// The fingerprint of a page's template and whole context: equal means the same HTML.
    static func fingerprint(of planned: PlannedPage) -> String {
        var hasher = StableHasher()
        hasher.combine(planned.job.template)
        planned.context.fingerprint(into: &hasher)
        return hasher.finalize()
    }

    /// The search index builder, with the session's memory of terms when there is one.
    func searchIndex() -> SearchIndex {
        var search = SearchIndex()
        search.workers = workers
        search.memo = searchMemo
        if searchMemo == nil { search.entryCache = openSearchCache?(search.settingsKey) }
        return search
    }

    /// A content file whose path Charter also writes (`content/health.md`, `content/404.md`,
    /// `content/stages/planning.md`, an asset `robots.txt`) would silently replace or be replaced
    /// by it: each is CH004 at the content file, and Charter's own file is kept. Returns the
    /// indices of the claims that are written.
    static func resolveCollisions(_ claims: [(path: String, source: String?)]) -> (Set<Int>, [Diagnostic]) {
        let generated = Set(claims.filter { $0.source == nil }.map { $0.path.lowercased() })
        var kept: Set<Int> = []
        var keptPaths: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for (index, claim) in claims.enumerated() {
            // Two files on one path would be written in whatever order the threads finish:
            // the first claim wins, so the site never depends on timing.
            guard !keptPaths.contains(claim.path) else { continue }
            if let source = claim.source, generated.contains(claim.path.lowercased()) {
                diagnostics.append(Diagnostic(
                    .duplicateOutputPath, "'\(source)' would be written to '\(claim.path)', which Charter writes itself",
                    at: SourceLocation(path: source), fixHint: "rename the file"))
            } else {
                kept.insert(index)
                keptPaths.insert(claim.path)
            }
        }
        return (kept, diagnostics.sorted())
    }
}
