public import Foundation

/// What a run of the pipeline produced.
public struct BuildResult: Sendable {
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]
    /// The folder written, or nil when nothing was written.
    public var outputDirectory: URL?
    /// The text files read, by path relative to the root, for quoting source lines.
    public var sources: [String: SourceText]
    /// The model the pipeline built, for commands that compare or export it.
    public var model: Site?
    /// How many HTML pages the site has.
    public var pageCount = 0
    /// Every file of the site, by its path in it, sorted.
    public var paths: [String] = []
    /// How many pages were rendered again and written; the others were reused from the previous build.
    public var pagesWritten = 0
    /// How many pages were reused unchanged from the previous build (hard links to the same file).
    public var pagesReused = 0
    /// True when nothing had changed since the last build, so the site was left as it was.
    public var upToDate = false
    /// When a build replaced only some files of the site in place (a live preview's edit to a
    /// playbook's text), those files, by their path in the site; every other file is as it was.
    /// Nil when the build may have changed any file.
    public var replacedPaths: [String]? = nil
}

/// What a build is doing, for a progress line.
public struct BuildProgress: Sendable {
    /// "loading", "rendering", "writing".
    public var stage: String
    public var done: Int
    public var total: Int
}

/// Runs Charter's pipeline:
///
///     load → split front matter → build model → validate → resolve links
///          → render Markdown (cmark-gfm) → apply templates → write atomically
///
/// `check` is the same pipeline without the write, and makes only what its diagnostics need
/// (see `PageDestination.nowhere`).
public struct SiteBuilder: Sendable {
    /// The site's folder, holding `content/` (or the Markdown itself), and optionally
    /// `charter.yaml` and `Templates/`.
    public var root: URL
    /// Where to write the site; `_site` under the root when nil.
    public var output: URL?
    /// Write the site even when there are errors.
    public var allowErrors = false
    /// Keep a build cache under the root and redo only what changed; off builds from scratch.
    public var useCache = true
    /// How many threads render; the site written does not depend on it.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Told what the build is doing, from any thread; for a progress line on a terminal.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// The day review dates are checked against: SOURCE_DATE_EPOCH when set (the
    /// reproducible-builds convention), else the current day in UTC.
    public var today = SiteBuilder.defaultToday()
    /// What earlier builds of this site in this process kept in memory (the live preview): with
    /// `changed`, an edit to the text of playbook pages redoes only those pages.
    public var session: BuildSession?
    /// The files changed since the session's last build, relative to the root; nil when unknown.
    public var changed: Set<String>?
    /// When another build is writing the same output: wait for it (true) or fail at once with
    /// `CharterError.locked` (false).
    public var waitForLock = false
    /// Flush the new site to the disk before it replaces the old one. Off only where losing the
    /// output to a power cut costs nothing but a rebuild, such as a live preview.
    public var durable = true

    /// SOURCE_DATE_EPOCH's day when the variable holds a number of seconds, else today.
    public static func defaultToday(environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDate {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return CalendarDate(Date(timeIntervalSince1970: epoch))
        }
        return CalendarDate(Date())
    }

    /// Creates a builder for the site at `root`.
    public init(root: URL, output: URL? = nil) {
        self.root = root
        self.output = output
    }

    /// The folder the site is written to.
    public var outputDirectory: URL {
        output ?? root.appending(path: "_site", directoryHint: .isDirectory)
    }

    /// Runs every stage but the write.
    public func check() throws -> BuildResult {
        try run(writing: false)
    }

    /// Runs every stage and writes the site, unless there are errors and `allowErrors` is off.
    public func build() throws -> BuildResult {
        try run(writing: true)
    }

    private func run(writing: Bool) throws -> BuildResult {
        if writing, useCache, let session, let state = session.state, let changed {
            if let result = try incrementalBuild(state, changed: changed, session: session) {
                session.record(incremental: true)
                return result
            }
        }
        session?.record(incremental: false)
        progress?(BuildProgress(stage: "loading", done: 0, total: 0))
        var loader = ContentLoader()
        let outputFolder = OutputLocation.canonical(outputDirectory)
        let canonicalRoot = OutputLocation.canonical(root)
        if OutputLocation.isInside(outputFolder, canonicalRoot) {
            loader.excludedPaths.insert(String(outputFolder.path.dropFirst(canonicalRoot.path.count + 1)))
        }
        let content = try loader.load(root: root)
        if writing {
            try OutputLocation.validate(output: outputFolder, root: content.root, contentDirectory: content.contentDirectory)
        }
        // One build of an output at a time, from here until the site and its cache are written.
        let lock = writing ? try BuildLock.acquire(for: outputFolder, wait: waitForLock) : nil
        defer { lock?.release() }
        let sources = Self.sources(of: content)

        // Nothing changed since the last build: say so, and leave the site as it is.
        let fingerprint = BuildFingerprint(content: content, today: today, allowErrors: allowErrors, output: outputFolder)
        if writing && !useCache { BuildCache.remove(root: canonicalRoot, output: outputFolder) }
        var cache = writing && useCache ? BuildCache.load(root: canonicalRoot, key: fingerprint.key, output: outputFolder) : nil
        // A session that changed the site after the cache file was written holds the cache that
        // describes it (it has no inputs' fingerprint: it never says "nothing changed").
        if writing && useCache, let pending = session?.pendingCache {
            session?.pendingCache = nil
            cache = pending.key == fingerprint.key && pending.output == outputFolder.path && FileIdentity(of: outputFolder) == pending.site
                ? pending : nil
        }
        // A session with nothing in memory goes on, to learn the site (the cache makes that cheap).
        if let cache, cache.inputs == fingerprint.inputs, session == nil || session?.state != nil {
            // The site is as the session knew it; only the files' times may have moved.
            if var state = session?.state { state.stamps = FileStamp.stamps(of: content); session?.state = state }
            return BuildResult(
                diagnostics: cache.diagnostics, outputDirectory: outputFolder, sources: sources, model: nil,
                pageCount: cache.pageCount, paths: [], pagesWritten: 0, pagesReused: cache.pageCount, upToDate: true)
        }

        var diagnostics = content.diagnostics
        let (configuration, configurationDiagnostics) = SiteConfiguration.read(content.configuration)
        diagnostics += configurationDiagnostics
        let (templates, templateDiagnostics) = try TemplateSet.load(overrides: content.templates)
        diagnostics += templateDiagnostics

        let (framework, frameworkDiagnostics) = FrameworkLoader().load(siteFiles: content.modelFiles)
        diagnostics += frameworkDiagnostics
        let (site, modelDiagnostics) = ModelBuilder().build(
            content, configuration: configuration, framework: framework)
        diagnostics += modelDiagnostics
        diagnostics += SiteValidator().validate(ValidationContext(site: site, today: today))
        let links = LinkResolver(site: site)

        let markdownOptions = MarkdownOptions(allowRawHTML: configuration.unsafeHTML)
        progress?(BuildProgress(stage: "rendering Markdown", done: 0, total: site.pages.count))
        var pageRenderer = PageRenderer(options: markdownOptions, workers: workers)
        // A check reads what builds rendered, and never writes it.
        if useCache {
            pageRenderer.cache = MarkdownCache(root: canonicalRoot, options: markdownOptions, saving: writing)
        } else if writing {
            MarkdownCache.remove(root: canonicalRoot)
        }
        let markdown = try pageRenderer.render(site, links: links)
        diagnostics += markdown.diagnostics

        // The health page and the home page show the model's problems, so they are counted
        // with the site's severities applied before templates run.
        let known = configuration.applySeverities(to: diagnostics).sorted()
        // Pages stream into the next site's staging folder as they are finished, unless errors
        // already mean it will not be written.
        let staged = writing && (allowErrors || !known.containsErrors) ? try StagedSite(output: outputFolder, flush: durable ? StagedSite.syncFileSystem : nil) : nil
        var renderer = SiteRenderer(templates: templates, workers: workers)
        renderer.progress = progress
        renderer.searchMemo = session?.searchMemo
        renderer.printMemo = session?.printMemo
        session?.printMemo.forbidReuse()
        let rendering: SiteRendering
        do {
            rendering = try renderer.render(
                site, content: markdown, diagnostics: known, today: today, links: links, markdown: markdownOptions,
                to: staged.map { .staged($0, cache: cache) } ?? .nowhere)
        } catch {
            staged?.abandon()
            throw error
        }
        diagnostics += rendering.diagnostics
        diagnostics = configuration.applySeverities(to: diagnostics)
        diagnostics.sort()

        var written: URL?
        session?.state = nil
        var nextState: SessionState?
        if let staged {
            if allowErrors || !diagnostics.containsErrors {
                // The cache names the staging folder, which the swap makes the published site;
                // it is saved first, so a build killed between the two leaves a cache that no
                // longer matches the site, and the next build is a full one.
                if useCache, let identity = staged.identity {
                    let saved = BuildCache(
                        key: fingerprint.key, inputs: fingerprint.inputs, site: identity, output: outputFolder.path,
                        pages: rendering.pages, diagnostics: diagnostics, pageCount: rendering.pageCount)
                    saved.save(root: canonicalRoot)
                    Failpoint.cacheSaved.reached()
                    if session != nil, let contexts = rendering.builder {
                        nextState = SessionState(
                            root: canonicalRoot, output: outputFolder, today: today, allowErrors: allowErrors, content: content,
                            stamps: FileStamp.stamps(of: content), maximumFileSize: configuration.limits.maximumFileSize,
                            templates: templates, site: site, links: links,
                            markdownOptions: markdownOptions, markdown: markdown, diagnostics: diagnostics,
                            anchorDiagnostics: rendering.anchorDiagnostics, pageDiagnostics: SessionState.pageDiagnostics(markdown),
                            ids: rendering.ids, cache: saved, searchFiles: rendering.searchFiles,
                            searchEntries: rendering.searchEntries, builder: contexts,
                            pageCount: rendering.pageCount, paths: rendering.paths)
                    }
                } else {
                    BuildCache.remove(root: canonicalRoot, output: outputFolder)
                }
                try staged.commit()
                written = outputFolder
                session?.state = nextState
            } else {
                staged.abandon()
            }
        }
        // Titles taken from a page's first heading are only known once its Markdown is rendered.
        var model = site
        model.pages = markdown.pages.map(\.page)
        return BuildResult(
            diagnostics: diagnostics, outputDirectory: written,
            sources: sources, model: model, pageCount: rendering.pageCount, paths: rendering.paths,
            pagesWritten: rendering.pageCount - rendering.reused, pagesReused: rendering.reused)
    }

    static func sources(of content: LoadedContent) -> [String: SourceText] {
        var sources: [String: SourceText] = [:]
        for file in content.markdown + content.data { sources[file.source.path] = file.source }
        for file in content.modelFiles { sources[file.path] = file }
        if let configuration = content.configuration { sources[configuration.path] = configuration }
        for template in content.templates.values { if let source = template.source { sources[source.path] = source } }
        return sources
    }
}
