import Foundation

/// What the builds of one site in one process (the live preview) keep in memory, so that an
/// edit redoes only what it touched.
///
/// The common edit, a change to the text of playbook pages, changes nothing that any other
/// page shows, as long as each page's front matter, title, link targets and problems stay the
/// same: only those pages, the print page and the search index are made again, and each file
/// that differs is replaced in the site with one atomic rename. That is decided by comparing,
/// never assumed: every other change, and every case in doubt (a new or removed file, a
/// template, a strategy, a changed title or link, a new problem, anything else touched on
/// disk), goes through the whole pipeline exactly as `charter build` does, and the files are
/// the same either way.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var storedState: SessionState?
    private var storedPendingCache: BuildCache?
    private var incremental = false
    let searchMemo = SearchIndexMemo()
    let printMemo = PrintSectionMemo()

    public init() {}

    /// True when the last build redid only the edited pages, false when it ran the whole pipeline.
    public var lastBuildWasIncremental: Bool { lock.withLock { incremental } }

    var state: SessionState? {
        get { lock.withLock { storedState } }
        set { lock.withLock { storedState = newValue } }
    }

    /// The build cache that describes the site as it now is, when the incremental path changed
    /// the site after the cache file was last written (that file is removed then).
    var pendingCache: BuildCache? {
        get { lock.withLock { storedPendingCache } }
        set { lock.withLock { storedPendingCache = newValue } }
    }

    func record(incremental value: Bool) {
        lock.withLock { incremental = value }
    }

    /// Writes the build cache that matches the site as it now is, so that the next process
    /// starts from it; call it before the process ends.
    public func flush() {
        guard let cache = pendingCache, let state else { return }
        // The inputs' fingerprint is only needed on disk: the next process compares it.
        var saved = cache
        saved.inputs = BuildFingerprint(content: state.content, today: state.today, allowErrors: state.allowErrors, output: state.output).inputs
        saved.save(root: state.root)
        pendingCache = nil
    }
}

/// A file as `lstat` (or `stat`, following links) sees it: the same identity, size and time
/// mean the same file. The build session and the live preview's scans both compare these.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var seconds: Int
    public var nanoseconds: Int
    public var isRegularFile: Bool
    public var isFolder: Bool

    public init?(path: String, followingLinks: Bool = false) {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
        seconds = Int(status.st_mtimespec.tv_sec)
        nanoseconds = Int(status.st_mtimespec.tv_nsec)
        #else
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
        #endif
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
        isFolder = (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The stamp of every file the content was read from, by absolute path.
    static func stamps(of content: LoadedContent) -> [String: FileStamp] {
        var paths = (content.markdown + content.data).map { content.root.appending(path: $0.source.path).path }
        paths += content.modelFiles.map { content.root.appending(path: $0.path).path }
        if let configuration = content.configuration { paths.append(content.root.appending(path: configuration.path).path) }
        let templates = content.root.appending(path: "Templates", directoryHint: .isDirectory)
        paths += content.templates.keys.map { templates.appending(path: $0).path }
        paths += content.assets.map(\.fileURL.path)
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(paths.count)
        for path in paths { stamps[path] = FileStamp(path: path) }
        return stamps
    }
}

/// Everything a build that wrote the site knew, for the next build in the same session.
struct SessionState: @unchecked Sendable {
    var root: URL
    var output: URL
    var today: CalendarDate
    var allowErrors: Bool
    var content: LoadedContent
    var stamps: [String: FileStamp]
    /// The largest text file the site reads (charter.yaml's `limits`).
    var maximumFileSize: Int
    var templates: TemplateSet
    var site: Site
    var links: LinkResolver
    var markdownOptions: MarkdownOptions
    var markdown: RenderedContent
    /// Every problem of the build, as reported.
    var diagnostics: [Diagnostic]
    var anchorDiagnostics: [Diagnostic]
    /// The Markdown stage's problems of each playbook page, by its source path.
    var pageDiagnostics: [String: [Diagnostic]]
    var ids: [String: Set<String>]
    var cache: BuildCache
    var searchFiles: [String: String]
    var searchEntries: [SearchIndex.Entry]
    /// The site-wide facts the last build's contexts were made from.
    var builder: ContextBuilder
    var pageCount: Int
    var paths: [String]

    /// The Markdown problems of each page, grouped by the page's source file.
    static func pageDiagnostics(_ markdown: RenderedContent) -> [String: [Diagnostic]] {
        let pages = Set(markdown.pages.filter { !$0.page.isGenerated }.map(\.page.sourcePath))
        var grouped: [String: [Diagnostic]] = [:]
        for diagnostic in markdown.diagnostics where pages.contains(diagnostic.location.path) {
            grouped[diagnostic.location.path, default: []].append(diagnostic)
        }
        return grouped.mapValues { $0.sorted() }
    }
}

extension SiteBuilder {
    /// Rebuilds after an edit to the text of playbook pages, changing only the files that
    /// differ; nil when the edit may change anything else, so that the whole pipeline must run.
    /// Nothing is written until every check has passed.
    func incrementalBuild(_ state: SessionState, changed: Set<String>, session: BuildSession) throws -> BuildResult? {
        let outputFolder = OutputLocation.canonical(outputDirectory)
        guard !changed.isEmpty, state.today == today, state.allowErrors == allowErrors, state.output == outputFolder,
              state.root == OutputLocation.canonical(root), FileIdentity(of: outputFolder) == state.cache.site
        else { return nil }

        // Every changed file is a playbook page of the last build, and nothing else changed.
        let pageIndex = Dictionary(
            state.markdown.pages.indices.filter { !state.markdown.pages[$0].page.isGenerated }.map { (state.markdown.pages[$0].page.sourcePath, $0) },
            uniquingKeysWith: { first, _ in first })
        let fileIndex = Dictionary(state.content.markdown.indices.map { (state.content.markdown[$0].source.path, $0) }, uniquingKeysWith: { first, _ in first })
        var edits: [(page: Int, file: Int)] = []
        for path in changed.sorted() {
            guard let page = pageIndex[path], let file = fileIndex[path],
                  state.site.pages.indices.contains(page), state.site.pages[page].sourcePath == path
            else { return nil }
            edits.append((page, file))
        }
        let changedURLs = Set(changed.map { state.content.root.appending(path: $0).path })
        for (path, stamp) in state.stamps where !changedURLs.contains(path) {
            guard FileStamp(path: path) == stamp else { return nil }
        }

        var content = state.content
        var site = state.site
        var markdown = state.markdown
        var pageDiagnostics = state.pageDiagnostics
        var stamps = state.stamps
        var renderer = PageRenderer(options: state.markdownOptions, workers: 1)
        renderer.cache = MarkdownCache(root: state.root, options: state.markdownOptions)
        for edit in edits {
            let old = state.content.markdown[edit.file]
            let url = state.content.root.appending(path: old.source.path)
            guard let stamp = FileStamp(path: url.path), stamp.isRegularFile, stamp.size <= Int64(state.maximumFileSize),
                  let data = try? Data(contentsOf: url), case .success(let text) = SourceText.decode(data, path: old.source.path)
            else { return nil }
            // The front matter is exactly as it was, so the page's fields and their problems are too.
            let (split, splitProblems) = FrontMatterSplitter.split(text)
            let (oldSplit, oldSplitProblems) = FrontMatterSplitter.split(old.source)
            guard split.yaml == oldSplit.yaml, split.yamlLineOffset == oldSplit.yamlLineOffset,
                  split.bodyLineOffset == oldSplit.bodyLineOffset, splitProblems == oldSplitProblems
            else { return nil }
            var page = site.pages[edit.page]
            page.body = split.body
            let (rendered, problems) = try renderer.render(page: page, links: state.links)
            let previous = state.markdown.pages[edit.page]
            // Other pages show its title, list it as linking to them, and count its problems.
            guard rendered.page.title == previous.page.title, rendered.page.titleSource == previous.page.titleSource,
                  Set(rendered.links.map(\.path)) == Set(previous.links.map(\.path)),
                  problems.sorted() == (state.pageDiagnostics[page.sourcePath] ?? [])
            else { return nil }
            content.markdown[edit.file] = ContentFile(contentPath: old.contentPath, source: text)
            site.pages[edit.page] = page
            markdown.pages[edit.page] = rendered
            pageDiagnostics[page.sourcePath] = problems.sorted()
            stamps[url.path] = stamp
        }

        // Make the pages the edit touches, in memory.
        let sources = Set(changed)
        var siteRenderer = SiteRenderer(templates: state.templates, workers: workers)
        siteRenderer.searchMemo = session.searchMemo
        siteRenderer.printMemo = session.printMemo
        session.printMemo.allowReuse(except: sources)
        let builder = state.builder.withText(of: site, content: markdown)
        let jobs = siteRenderer.jobs(builder, links: state.links, markdown: state.markdownOptions, only: sources)
        // The pages whose ids links point at: those of the last build, and the targets of the edited pages' links.
        let editedLinks = edits.flatMap { markdown.pages[$0.page].links }
        let newTargets = Set(editedLinks.filter { !($0.fragment ?? "").isEmpty }.map(\.path))
        let templates = state.templates
        let made = ParallelMap.map(jobs, workers: workers) { job -> (path: String, fingerprint: String, html: String?) in
            let planned = SiteRenderer.PlannedPage(job: job, context: job.make())
            let fingerprint = SiteRenderer.fingerprint(of: planned)
            if state.cache.pages[planned.path]?.fingerprint == fingerprint { return (planned.path, fingerprint, nil) }
            return (planned.path, fingerprint, templates.render(planned.context, with: job.template))
        }
        var ids = state.ids
        var idsChanged = false
        var cache = state.cache
        var files: [(path: String, data: Data)] = []
        for page in made {
            guard let old = state.cache.pages[page.path] else { return nil }
            guard page.fingerprint != old.fingerprint else { continue }
            guard let html = page.html else { return nil }
            let pageIDs = state.ids[page.path] != nil || newTargets.contains(page.path) ? AnchorChecker.ids(in: html) : nil
            if let pageIDs {
                if state.ids[page.path] != pageIDs { idsChanged = true }
                ids[page.path] = pageIDs
            }
            let data = Data(html.utf8)
            cache.pages[page.path] = BuildCache.Page(fingerprint: page.fingerprint, size: data.count, ids: pageIDs?.sorted())
            files.append((page.path, data))
        }
        // Links with a fragment point at the same ids as before. When no page's ids changed, only
        // the edited pages' links can have a new answer; otherwise every link is checked again.
        guard newTargets.allSatisfy({ ids[$0] != nil }) else { return nil }
        if idsChanged {
            guard AnchorChecker(ids: ids).check(markdown.pages.flatMap(\.links) + markdown.otherLinks) == state.anchorDiagnostics else { return nil }
        } else {
            let before = state.anchorDiagnostics.filter { sources.contains($0.location.path) }
            guard AnchorChecker(ids: ids).check(editedLinks).sorted() == before.sorted() else { return nil }
        }

        let searchEntries = builder.searchEntries(workers: workers, reusing: state.searchEntries, changed: sources)
        let searchFiles = siteRenderer.searchIndex().files(for: searchEntries)
        guard Set(searchFiles.keys) == Set(state.searchFiles.keys) else { return nil }
        for (path, text) in searchFiles.sorted(by: { $0.key < $1.key }) where state.searchFiles[path] != text {
            files.append((path, Data(text.utf8)))
        }

        // One build of an output at a time, as for every build.
        let lock = try BuildLock.acquire(for: outputFolder, wait: waitForLock)
        defer { lock.release() }
        // Every check passed: replace the files that differ, each with one atomic rename. The
        // cache file on disk no longer describes the site, so it goes until the session saves it.
        if !files.isEmpty { BuildCache.remove(root: state.root, output: outputFolder) }
        for file in files { try Self.replace(file.path, in: outputFolder, with: file.data) }
        session.pendingCache = files.isEmpty ? session.pendingCache : cache

        var next = state
        next.content = content
        next.stamps = stamps
        next.site = site
        next.markdown = markdown
        next.pageDiagnostics = pageDiagnostics
        next.ids = ids
        next.cache = cache
        next.searchFiles = searchFiles
        next.searchEntries = searchEntries
        next.builder = builder
        session.state = next

        var model = site
        model.pages = markdown.pages.map(\.page)
        let pagesWritten = files.count(where: { $0.path.hasSuffix(".html") })
        return BuildResult(
            diagnostics: state.diagnostics, outputDirectory: outputFolder, sources: Self.sources(of: content), model: model,
            pageCount: state.pageCount, paths: state.paths, pagesWritten: pagesWritten, pagesReused: state.pageCount - pagesWritten,
            replacedPaths: files.map(\.path))
    }

    /// Writes a file of the site beside its old copy and renames it over it, so that a reader
    /// sees the old file or the new one, never a part.
    static func replace(_ path: String, in folder: URL, with data: Data) throws {
        let target = folder.appending(path: path)
        let temporary = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).charter-\(getpid())")
        // Written as the staged site writes its pages, so the file is the same but for its name.
        do {
            try data.write(to: temporary)
        } catch {
            throw CharterError.unwritable(path, error.localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CharterError.unwritable(path, reason)
        }
    }
}
