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
    /// Every file changed since the session's last build, relative to the root, or nil when
    /// that is not known. When given, it must name them all (as a watcher reports them): the
    /// load then reads only those, unless one was added or removed, and walks the folders then.
    public var changed: Set<String>?
    /// Texts to use instead of the files on disk, by path relative to the root: the buffers an
    /// editor has open (`charter lsp`). A file with no buffer is read from the disk.
    public var overlay: [String: String] = [:]
    /// When another build is writing the same output: wait for it (true) or fail at once with
    /// `CharterError.locked` (false).
    public var waitForLock = false
    /// Flush the new site to the disk before it replaces the old one. Off only where losing the
    /// output to a power cut costs nothing but a rebuild, such as a live preview.
    public var durable = true
    /// How long, in nanoseconds, every file must have been still before a build's walk for the
    /// walk to be recorded (`InputStamps`). Tests build moments after writing their files, and
    /// set 0 so that every later build of theirs is checked against the stamps too.
    var stampsMargin = InputStamps.margin

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
        // Taken out of the session while the build runs, so that what it changes in place is
        // not copied first; put back however the build ends.
        var memory = session?.takeMemory() ?? StageMemory()
        var run = StageRun()
        var laps = Timings.Laps()
        defer {
            session?.memory = memory
            session?.lastRun = run
        }

        // Load: every text file of the site, read unless a session read it with the same stamp.
        progress?(BuildProgress(stage: "loading", done: 0, total: 0))
        var loader = ContentLoader()
        loader.files = session?.files
        loader.reread = changed ?? []
        loader.changed = changed
        loader.overlay = overlay
        let outputFolder = OutputLocation.canonical(outputDirectory)
        let canonicalRoot = OutputLocation.canonical(root)
        if OutputLocation.isInside(outputFolder, canonicalRoot) {
            loader.excludedPaths.insert(String(outputFolder.path.dropFirst(canonicalRoot.path.count + 1)))
        }
        // One build of an output at a time, from here until the site and its cache are written.
        var lock: BuildLock?
        defer { lock?.release() }
        func claim(_ root: URL, contentDirectory: URL) throws {
            guard writing, lock == nil else { return }
            try OutputLocation.validate(output: outputFolder, root: root, contentDirectory: contentDirectory)
            lock = try BuildLock.acquire(for: outputFolder, wait: waitForLock)
        }
        // Without a session, the folders are walked first: when the walk finds every file as
        // the last build recorded it, nothing is read (`InputStamps`).
        let walkStarted = InputStamps.now()
        let survey = session == nil ? try loader.survey(root: root) : nil
        if let survey {
            laps.lap("walk", "\(survey.files.count) files")
            try claim(survey.root, contentDirectory: survey.contentDirectory)
            if writing, useCache, let result = upToDate(survey, output: outputFolder, root: canonicalRoot, loader: loader) {
                laps.lap("stamps", "up to date")
                return result
            }
        }
        let content = try survey.map(loader.load) ?? loader.load(root: root)
        laps.lap("load", "\(content.filesRead) files read")
        run.filesRead = content.filesRead
        session?.markdown.noteRead(content.read)
        run.walked = content.walked
        try claim(content.root, contentDirectory: content.contentDirectory)
        let sources = Self.sources(of: content, memo: &memory.sources)
        /// Records the walk, so that the next build finds the site up to date without reading.
        func stamp(site: FileIdentity, pageCount: Int, diagnostics: [Diagnostic]) {
            guard let survey, useCache, InputStamps.isSettled(survey, walkStarted: walkStarted, margin: stampsMargin) else { return }
            InputStamps(
                options: InputStamps.options(today: today, allowErrors: allowErrors, output: outputFolder), walk: survey.fingerprint(),
                site: site, output: outputFolder.path, pageCount: pageCount, diagnostics: diagnostics
            ).save(root: canonicalRoot)
        }

        // Nothing changed since the last build: say so, and leave the site as it is.
        let fingerprint = BuildFingerprint(
            content: content, today: today, allowErrors: allowErrors, output: outputFolder, files: session?.files)
        if writing && !useCache { BuildCache.remove(root: canonicalRoot, output: outputFolder) }
        var cache = writing && useCache ? BuildCache.load(root: canonicalRoot, key: fingerprint.key, output: outputFolder) : nil
        // A session that changed the site after the cache file was written holds the cache that
        // describes it (it has no inputs' fingerprint: it never says "nothing changed").
        if writing && useCache, let pending = memory.pendingCache {
            memory.pendingCache = nil
            cache = pending.key == fingerprint.key && pending.output == outputFolder.path && FileIdentity(of: outputFolder) == pending.site
                ? pending : nil
        }
        laps.lap("fingerprint and cache")
        // A session that does not know the site goes on, to learn it (the cache makes that cheap).
        if let cache, cache.inputs == fingerprint.inputs, session == nil || memory.made?.inputs == fingerprint.inputs {
            if writing { stamp(site: cache.site, pageCount: cache.pageCount, diagnostics: cache.diagnostics) }
            return BuildResult(
                diagnostics: cache.diagnostics, outputDirectory: outputFolder, sources: sources, model: nil,
                pageCount: cache.pageCount, paths: [], pagesWritten: 0, pagesReused: cache.pageCount, upToDate: true)
        }

        // Model: configuration, templates, framework, the model and its link targets, made
        // again only when an input other than a playbook's text changed.
        let bodies = session.map { Self.bodies(of: content, files: $0.files, memo: &memory.bodies) }
        let modelKey = bodies.map { Self.modelKey(content, bodies: $0, fingerprint: fingerprint) }
        let (model, modelReused) = try remember(&memory.model, under: modelKey) { try Self.model(of: content) }
        run.modelMade = !modelReused
        var site = model.site
        if modelReused, let bodies {
            for index in site.pages.indices where !site.pages[index].isGenerated {
                site.pages[index].body = bodies[site.pages[index].sourcePath]?.body ?? site.pages[index].body
            }
        }
        let configuration = model.configuration
        var diagnostics = content.diagnostics + model.diagnostics
        laps.lap("model")
        // Validate: the model's problems on the day.
        let (problems, validationReused) = remember(&memory.validation, under: modelKey.map { $0 + today.description }) {
            SiteValidator().validate(ValidationContext(site: site, today: today))
        }
        diagnostics += problems
        run.validated = !validationReused
        laps.lap("validate")

        // Markdown: every document rendered, or taken from memory or from the cache on disk.
        let markdownOptions = {
            var options = MarkdownOptions(allowRawHTML: configuration.unsafeHTML)
            for kind in MarkdownOptions.AlertTitles.kinds { options.alertTitles[kind] = site.messages.text("alerts.\(kind)") }
            return options
        }()
        progress?(BuildProgress(stage: "rendering Markdown", done: 0, total: site.pages.count))
        var pageRenderer = PageRenderer(options: markdownOptions, workers: workers)
        // A check reads what builds rendered, and never writes it.
        if useCache {
            pageRenderer.openCache = { MarkdownCache(root: canonicalRoot, options: markdownOptions, saving: writing) }
        } else if writing {
            MarkdownCache.remove(root: canonicalRoot)
            SearchEntryCache.remove(root: canonicalRoot)
        }
        if let session, let modelKey { pageRenderer.memo = (session.markdown, modelKey) }
        let markdown = try pageRenderer.render(site, links: model.links)
        run.documentsRendered = session?.markdown.takeRendered() ?? 0
        diagnostics += markdown.diagnostics
        laps.lap("Markdown", "\(run.documentsRendered) rendered")

        // The health page and the home page show the model's problems, so they are counted
        // with the site's severities applied before templates run.
        let known = configuration.applySeverities(to: diagnostics).sorted()
        var renderer = SiteRenderer(templates: model.templates, workers: workers)
        renderer.progress = progress
        renderer.searchMemo = session?.searchMemo
        if useCache { renderer.openSearchCache = { SearchEntryCache(root: canonicalRoot, settings: $0, saving: writing) } }
        renderer.printMemo = session?.printMemo

        // Early cutoff: when nothing other pages show has changed since the published site was
        // made, only the pages whose text changed are made again, and replaced in the site.
        let shape = modelKey.map { Self.shapeKey($0 + fingerprint.key, content: content, markdown: markdown, diagnostics: known) }
        if writing, useCache, let session, let shape, let made = memory.made, made.shape == shape, made.output == outputFolder,
           FileIdentity(of: outputFolder) == made.cache.site, let edited = Self.edited(markdown, since: made.content) {
            session.printMemo.allowReuse(except: edited)
            if let remade = renderer.remake(
                made, site: site, content: markdown, sources: edited, links: model.links, markdown: markdownOptions) {
                run.cutOff = true
                var rendering = remade.rendering
                let files = remade.files
                rendering.anchorDiagnostics = AnchorChecker.check(rendering, content: markdown, edited: edited, made: made.rendering)
                rendering.diagnostics += rendering.anchorDiagnostics
                return try replace(
                    files, in: made, rendering: rendering, content: markdown, site: site, configuration: configuration,
                    diagnostics: diagnostics, sources: sources, inputs: fingerprint.inputs, memory: &memory)
            }
        }
        session?.printMemo.forbidReuse()

        // Contexts, templates, search and the site's other files, streamed into the next site's
        // staging folder as they are finished, unless errors already mean it will not be written.
        let staged = writing && (allowErrors || !known.containsErrors) ? try StagedSite(output: outputFolder, flush: durable ? StagedSite.syncFileSystem : nil) : nil
        var rendering: SiteRendering
        do {
            rendering = try renderer.render(
                site, content: markdown, diagnostics: known, today: today, links: model.links, markdown: markdownOptions,
                to: staged.map { .staged($0, cache: cache) } ?? .nowhere)
        } catch {
            staged?.abandon()
            throw error
        }
        laps.lap("pages", "\(rendering.pageCount - rendering.reused) written, \(rendering.reused) reused")
        // Anchors: each link's fragment against the ids of the page it points into.
        rendering.anchorDiagnostics = AnchorChecker.check(rendering, content: markdown)
        laps.lap("anchors")
        diagnostics += rendering.diagnostics + rendering.anchorDiagnostics
        diagnostics = configuration.applySeverities(to: diagnostics)
        diagnostics.sort()

        // Write: the staged site replaces the published one in one swap.
        var written: URL?
        if let staged {
            if allowErrors || !diagnostics.containsErrors {
                memory.made = nil
                // The cache names the staging folder, which the swap makes the published site;
                // it is saved first, so a build killed between the two leaves a cache that no
                // longer matches the site, and the next build is a full one.
                if useCache, let identity = staged.identity {
                    let saved = BuildCache(
                        key: fingerprint.key, inputs: fingerprint.inputs, site: identity, output: outputFolder.path,
                        pages: rendering.pages, files: rendering.files, diagnostics: diagnostics, pageCount: rendering.pageCount)
                    saved.save(root: canonicalRoot)
                    stamp(site: identity, pageCount: rendering.pageCount, diagnostics: diagnostics)
                    Failpoint.cacheSaved.reached()
                    if let shape {
                        memory.made = MadeSite(
                            root: canonicalRoot, output: outputFolder, shape: shape, inputs: fingerprint.inputs, content: markdown,
                            rendering: rendering, cache: saved, diagnostics: diagnostics)
                    }
                } else {
                    BuildCache.remove(root: canonicalRoot, output: outputFolder)
                }
                try staged.commit()
                written = outputFolder
                laps.lap("cache and swap")
            } else {
                staged.abandon()
            }
        }
        // Titles taken from a page's first heading are only known once its Markdown is rendered.
        site.pages = markdown.pages.map(\.page)
        return BuildResult(
            diagnostics: diagnostics, outputDirectory: written,
            sources: sources, model: site, pageCount: rendering.pageCount, paths: rendering.paths,
            pagesWritten: rendering.pageCount - rendering.reused, pagesReused: rendering.reused)
    }

    /// The result of a build whose walk found every file as the last build to the output
    /// recorded it, with the same Charter, day and options, while the site it wrote is still
    /// the one published: that build's diagnostics, with the lines they quote read from the
    /// files they name. Nil in every other case.
    private func upToDate(_ survey: ContentSurvey, output: URL, root: URL, loader: ContentLoader) -> BuildResult? {
        guard let stamps = InputStamps.load(root: root, output: output),
              stamps.options == InputStamps.options(today: today, allowErrors: allowErrors, output: output),
              stamps.walk == survey.fingerprint()
        else { return nil }
        let paths = stamps.diagnostics.flatMap { [$0.location.path] + $0.notes.compactMap(\.location?.path) }
        let sources = loader.texts(at: Set(paths), in: survey)
        return BuildResult(
            diagnostics: stamps.diagnostics, outputDirectory: output, sources: sources, model: nil,
            pageCount: stamps.pageCount, paths: [], pagesWritten: 0, pagesReused: stamps.pageCount, upToDate: true)
    }

    /// The model stage: everything known before any Markdown is rendered.
    static func model(of content: LoadedContent) throws -> ModelStage {
        var (configuration, configurationDiagnostics) = SiteConfiguration.read(content.configuration)
        let (templates, templateDiagnostics) = try TemplateSet.load(overrides: content.templates)
        let (framework, frameworkDiagnostics) = FrameworkLoader().load(siteFiles: content.modelFiles)
        let (messages, messageDiagnostics) = Messages.load(language: configuration.language, siteFiles: content.messageFiles)
        if !configuration.hasTitle { configuration.title = messages.text("site.defaultTitle") }
        let (site, modelDiagnostics) = ModelBuilder().build(content, configuration: configuration, framework: framework, messages: messages)
        return ModelStage(
            configuration: configuration, templates: templates, site: site, links: LinkResolver(site: site),
            diagnostics: configurationDiagnostics + templateDiagnostics + frameworkDiagnostics + messageDiagnostics + modelDiagnostics)
    }

    /// The body of every Markdown file that can be a page (not a strategy's narrative), by
    /// source path, with what its front matter adds up to.
    static func bodies(
        of content: LoadedContent, files: FileMemo, memo: inout (generation: Int, value: [String: (body: String, front: String)])?
    ) -> [String: (body: String, front: String)] {
        @Sendable func split(_ file: ContentFile) -> (body: String, front: String) {
            files.body(of: file.source) {
                let (split, problems) = FrontMatterSplitter.split(file.source)
                var hasher = StableHasher()
                hasher.combine(split.yaml ?? "\u{0}")
                hasher.combine(split.bodyLineOffset)
                for problem in problems { problem.fingerprint(into: &hasher) }
                return (split.body, hasher.finalize())
            }
        }
        return content.derive(&memo) {
            let pages = content.markdown.filter { !$0.contentPath.hasPrefix("strategies/") }
            return Dictionary(ParallelMap.map(pages) { ($0.source.path, split($0)) }, uniquingKeysWith: { first, _ in first })
        } patching: { bodies, patch in
            for file in patch.markdown where !file.contentPath.hasPrefix("strategies/") { bodies[file.source.path] = split(file) }
        }
    }

    /// The fingerprint of what the model stage reads: every input but the body of the pages
    /// (their front matter counts), which is put in the remembered model.
    static func modelKey(_ content: LoadedContent, bodies: [String: (body: String, front: String)], fingerprint: BuildFingerprint) -> String {
        var hasher = StableHasher()
        hasher.combine(fingerprint.model)
        for file in content.markdown {
            hasher.combine(file.source.path)
            hasher.combine(file.contentPath)
            hasher.combine(bodies[file.source.path]?.front ?? file.source.text)
        }
        for file in content.data {
            hasher.combine(file.source.path)
            hasher.combine(file.source.text)
        }
        for asset in content.assets {
            hasher.combine(asset.sourcePath)
            hasher.combine(asset.fileURL.path)
        }
        return hasher.finalize()
    }

    /// The fingerprint of everything a page shows of other pages: the model, the day and the
    /// options (`key` holds them; it covers the narratives and YAML text fields too, whose
    /// whole files the model reads), every problem, each page's title and link targets, and the
    /// assets' stamps. Equal means a playbook's text reaches no page but its own, the print
    /// page and the search index.
    static func shapeKey(_ key: String, content: LoadedContent, markdown: RenderedContent, diagnostics: [Diagnostic]) -> String {
        var hasher = StableHasher()
        hasher.combine(key)
        for diagnostic in diagnostics { diagnostic.fingerprint(into: &hasher) }
        for rendered in markdown.pages { hasher.combine(rendered.shape) }
        for asset in content.assets {
            hasher.combine(asset.sourcePath)
            if let stamp = FileStamp(path: asset.fileURL.path, followingLinks: true) { stamp.fingerprint(into: &hasher) }
        }
        return hasher.finalize()
    }

    /// The source paths of the playbook pages whose text differs from the published site's;
    /// nil when the pages are not the same ones.
    static func edited(_ markdown: RenderedContent, since made: RenderedContent) -> Set<String>? {
        guard markdown.pages.count == made.pages.count else { return nil }
        var edited: Set<String> = []
        for (page, old) in zip(markdown.pages, made.pages) {
            guard page.page.sourcePath == old.page.sourcePath else { return nil }
            if !page.page.isGenerated && page.page.body != old.page.body { edited.insert(page.page.sourcePath) }
        }
        return edited
    }

    /// The write stage of a build cut off early: each file that differs replaces the published
    /// one with one atomic rename, unless there are errors, when nothing is written.
    private func replace(
        _ files: [(path: String, data: Data)], in made: MadeSite, rendering: SiteRendering, content markdown: RenderedContent,
        site: Site, configuration: SiteConfiguration, diagnostics found: [Diagnostic], sources: [String: SourceText],
        inputs: String, memory: inout StageMemory
    ) throws -> BuildResult {
        var diagnostics = configuration.applySeverities(to: found + rendering.diagnostics)
        diagnostics.sort()
        var model = site
        model.pages = markdown.pages.map(\.page)
        var result = BuildResult(
            diagnostics: diagnostics, outputDirectory: nil, sources: sources, model: model,
            pageCount: rendering.pageCount, paths: rendering.paths)
        guard allowErrors || !diagnostics.containsErrors else { return result }
        // The cache file on disk no longer describes the site: it goes until the session saves it.
        var cache = made.cache
        cache.pages = rendering.pages
        // The search files rewritten in place are known by their new bytes.
        for file in files where cache.files[file.path] != nil {
            cache.files[file.path] = file.data.withUnsafeBytes { BuildCache.File(of: $0) }
        }
        cache.diagnostics = diagnostics
        // It never says "nothing changed": the session's flush gives it the inputs' fingerprint.
        cache.inputs = ""
        if !files.isEmpty { BuildCache.remove(root: made.root, output: made.output) }
        for file in files { try Self.replace(file.path, in: made.output, with: file.data) }
        memory.pendingCache = files.isEmpty && memory.pendingCache == nil ? nil : cache
        var next = made
        next.content = markdown
        next.rendering = rendering
        next.cache = cache
        next.diagnostics = diagnostics
        next.inputs = inputs
        memory.made = next
        result.outputDirectory = made.output
        result.pagesWritten = files.count(where: { $0.path.hasSuffix(".html") })
        result.pagesReused = rendering.pageCount - result.pagesWritten
        result.replacedPaths = files.map(\.path)
        return result
    }

    /// Writes a file of the site beside its old copy and renames it over it, so that a reader
    /// sees the old file or the new one, never a part.
    static func replace(_ path: String, in folder: URL, with data: Data) throws {
        let target = folder.appending(path: path)
        let temporary = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).charter-\(getpid())")
        // Written as the staged site writes its pages, so the file is the same but for its name.
        try FileWriter.write(data, to: temporary.path)
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CharterError.unwritable(path, reason)
        }
    }

    static func sources(of content: LoadedContent, memo: inout (generation: Int, value: [String: SourceText])?) -> [String: SourceText] {
        content.derive(&memo) {
            var sources: [String: SourceText] = [:]
            for file in content.markdown + content.data { sources[file.source.path] = file.source }
            for file in content.modelFiles + content.messageFiles { sources[file.path] = file }
            if let configuration = content.configuration { sources[configuration.path] = configuration }
            for template in content.templates.values { if let source = template.source { sources[source.path] = source } }
            return sources
        } patching: { sources, patch in
            for file in patch.markdown + patch.data { sources[file.source.path] = file.source }
        }
    }
}
