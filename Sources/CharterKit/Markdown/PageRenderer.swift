import Foundation

/// A link to a page of the site, kept so its `#fragment` can be checked once every page exists.
public struct SiteLink: Sendable, Hashable {
    public var location: SourceLocation
    public var url: String
    /// The site path the link leads to.
    public var path: String
    public var fragment: String?
}

/// A page with its Markdown rendered and its final title chosen.
///
/// Its parts are kept in one shared box: a site's pages go through many stages and are kept
/// between builds, and a copy of a page is then one reference, not one per string it holds.
public struct RenderedPage: Sendable {
    private final class Storage: Sendable {
        let page: Page
        let markdown: RenderedMarkdown
        let links: [SiteLink]
        let shape: String
        let fragmentTargets: [String]

        init(page: Page, markdown: RenderedMarkdown, links: [SiteLink]) {
            self.page = page
            self.markdown = markdown
            self.links = links
            var hasher = StableHasher()
            hasher.combine(page.outputPath)
            hasher.combine(page.title)
            hasher.combine(page.titleSource.rawValue)
            // Which pages it links to, not how often or in what order: that is what others show.
            var previous: String?
            for path in links.map(\.path).sorted() where path != previous {
                hasher.combine(path)
                previous = path
            }
            shape = hasher.finalize()
            var targets: [String] = []
            for link in links where !(link.fragment ?? "").isEmpty && !targets.contains(link.path) { targets.append(link.path) }
            fragmentTargets = targets
        }
    }

    private let storage: Storage

    public init(page: Page, markdown: RenderedMarkdown, links: [SiteLink]) {
        storage = Storage(page: page, markdown: markdown, links: links)
    }

    public var page: Page { _read { yield storage.page } }
    public var markdown: RenderedMarkdown { _read { yield storage.markdown } }
    /// Links into the site, for the anchor check and for backlinks.
    public var links: [SiteLink] { _read { yield storage.links } }
    /// The fingerprint of what other pages show of this one: its path, its title and where the
    /// title came from, and the pages it links to.
    var shape: String { storage.shape }
    /// The pages its links with a `#fragment` point into, each once.
    var fragmentTargets: [String] { _read { yield storage.fragmentTargets } }
}

/// Everything the Markdown stage produces.
public struct RenderedContent: Sendable {
    public var pages: [RenderedPage]
    /// Strategy narratives by strategy ID.
    public var narratives: [String: RenderedMarkdown]
    /// YAML text fields rendered as Markdown, by the position of their value.
    public var texts: [SourceLocation: String]
    /// Links found in narratives and text fields.
    public var otherLinks: [SiteLink]
    public var diagnostics: [Diagnostic]
}

extension RenderedContent {
    /// Every link into the site: the pages', then the narratives' and text fields'.
    var allLinks: [SiteLink] { pages.flatMap(\.links) + otherLinks }

    /// The pages that a link with a `#fragment` points into, with how many documents hold such
    /// a link: a build that changes a few pages updates the counts with theirs.
    var anchorTargetCounts: [String: Int] {
        var targets: [String: Int] = [:]
        for page in pages { for path in page.fragmentTargets { targets[path, default: 0] += 1 } }
        for link in otherLinks where !(link.fragment ?? "").isEmpty { targets[link.path, default: 0] += 1 }
        return targets
    }
}

/// Renders the Markdown of every page, strategy narrative and YAML text field, in parallel,
/// resolving links through the link resolver and reporting the broken ones where they are written.
public struct PageRenderer: Sendable {
    public var options: MarkdownOptions
    /// How many threads render; the result does not depend on it.
    public var workers: Int
    /// Pages rendered by earlier builds, reused when their text and links are unchanged.
    var cache: MarkdownCache?
    /// Opens `cache` when the whole site is rendered: a session's edit that its memo answers
    /// does not map and index the pack.
    var openCache: (@Sendable () -> MarkdownCache)?
    /// What this process rendered before, with the fingerprint of the link targets it was
    /// rendered against: a document whose input is the same is not looked up or rendered again.
    var memo: (memory: MarkdownMemo, links: String)?

    /// Creates the stage with the site's Markdown options.
    public init(options: MarkdownOptions, workers: Int? = nil) {
        self.options = options
        self.workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
    }

    private enum Job: Sendable {
        case page(Page)
        case narrative(strategy: String, page: Page, outputPath: String)
        case text(Located<String>, contentPath: String, outputPath: String, prefix: String)
    }

    fileprivate struct Output: Sendable {
        var markdown: RenderedMarkdown
        var links: [SiteLink]
        var diagnostics: [Diagnostic]
        /// The cache entry the page was read from or written to.
        var cacheKey: String?
        /// A YAML text field's HTML without its paragraph.
        var inline: String?

        /// The problems found, the links' first: in the order a whole rendering lists them.
        var problems: [Diagnostic] { diagnostics + markdown.diagnostics }

        /// `page` rendered as this output, its title taken from its first heading when neither
        /// the front matter nor anything else gave one. The page keeps its links resolved
        /// (`links`), not the Markdown's as written, which only the cache reads (at 100,000
        /// pages, 50 MB held to the end of the build).
        func rendered(_ page: Page) -> RenderedPage {
            var page = page
            if page.titleSource == .fileName, let heading = markdown.firstTitle, !heading.isEmpty {
                page.title = heading
                page.titleSource = .firstHeading
            }
            var markdown = markdown
            markdown.links = []
            return RenderedPage(page: page, markdown: markdown, links: links)
        }
    }

    /// Renders everything Markdown in the site. With a memo whose last rendering was against
    /// the same model (`links`), only the pages read from the disk since then are looked at.
    public func render(_ site: Site, links resolver: LinkResolver) throws -> RenderedContent {
        if let memo, let content = try renderChanged(site, links: resolver, memo: memo) {
            return content
        }
        var renderer = self
        if let openCache {
            renderer.cache = openCache()
            renderer.openCache = nil
        }
        return try renderer.renderAll(site, links: resolver)
    }

    private func renderAll(_ site: Site, links resolver: LinkResolver) throws -> RenderedContent {
        var jobs: [Job] = site.pages.map(Job.page)
        for document in site.strategies {
            if let narrative = document.narrative {
                jobs.append(.narrative(strategy: document.id, page: narrative, outputPath: document.outputPath))
            }
        }
        for strategy in site.strategyModels {
            for (index, text) in strategy.markdownFields.enumerated() {
                let contentPath = String(strategy.sourcePath.dropFirst(site.contentPrefix.isEmpty ? 0 : site.contentPrefix.count + 1))
                jobs.append(.text(text, contentPath: contentPath, outputPath: SitePaths.strategy(strategy.id), prefix: "\(strategy.id)-\(index)-"))
            }
        }
        for team in site.teamModels {
            if let mission = team.mission {
                let contentPath = String(team.sourcePath.dropFirst(site.contentPrefix.isEmpty ? 0 : site.contentPrefix.count + 1))
                jobs.append(.text(mission, contentPath: contentPath, outputPath: team.pagePath, prefix: "team-"))
            }
        }
        // What this process rendered last against the same targets, compared document by document.
        let documents = jobs
        let inputs = memo == nil ? [] : jobs.map(Self.input(of:))
        let last: (inputs: [MarkdownInput], outputs: [Output]) = memo.map { $0.memory.last(links: $0.links) } ?? ([], [])
        let remembered: (inputs: [MarkdownInput], outputs: [Output]) = last.inputs.count == jobs.count ? last : ([], [])
        let results = ParallelMap.map(Array(jobs.indices), workers: workers) { index -> Result<Output, MarkdownError> in
            if !remembered.inputs.isEmpty, remembered.inputs[index] == inputs[index] { return .success(remembered.outputs[index]) }
            do throws(MarkdownError) {
                return .success(try render(documents[index], resolver: resolver))
            } catch {
                return .failure(error)
            }
        }
        var used: Set<String> = []
        if let cache {
            used = Set(results.compactMap { result -> String? in
                if case .success(let output) = result { return output.cacheKey }
                return nil
            })
            cache.save(keeping: used)
        }
        var content = RenderedContent(pages: [], narratives: [:], texts: [:], otherLinks: [], diagnostics: [])
        for (job, result) in zip(jobs, results) {
            let output: Output
            switch result {
            case .success(let value): output = value
            case .failure(let error): throw CharterError.markdown(error)
            }
            content.diagnostics += output.problems
            switch job {
            case .page(let page):
                content.pages.append(output.rendered(page))
            case .narrative(let strategy, _, _):
                content.narratives[strategy] = output.markdown
                content.otherLinks += output.links
            case .text(let text, _, _, _):
                content.texts[text.location] = output.inline ?? Self.inline(output.markdown.html)
                content.otherLinks += output.links
            }
        }
        if let memo {
            let outputs = results.compactMap { try? $0.get() }
            if outputs.count == jobs.count {
                let rendered = remembered.inputs.isEmpty ? jobs.count : jobs.indices.count { remembered.inputs[$0] != inputs[$0] }
                memo.memory.keep(
                    MarkdownMemo.Rendering(links: memo.links, inputs: inputs, outputs: outputs, content: content, used: used), rendered: rendered)
            }
        }
        return content
    }

    /// The memo's last rendering with the pages read since looked at again; nil when the memo
    /// holds no rendering against the same model, or a file read since is not a page's.
    private func renderChanged(_ site: Site, links resolver: LinkResolver, memo: (memory: MarkdownMemo, links: String)) throws -> RenderedContent? {
        guard case (var last, let fresh)? = memo.memory.lastRendering(links: memo.links) else { return nil }
        var indices: [Int] = []
        var unchanged = last.content.pages.count == site.pages.count
        if unchanged {
            for index in site.pages.indices where fresh.contains(site.pages[index].sourcePath) {
                indices.append(index)
                unchanged = unchanged && last.content.pages[index].page.sourcePath == site.pages[index].sourcePath
            }
            // A strategy's narrative is part of the model's fingerprint, so it cannot have
            // changed; checked all the same, as it is cheap.
            unchanged = unchanged && !site.strategies.contains { $0.narrative.map { fresh.contains($0.sourcePath) } ?? false }
        }
        guard unchanged else {
            memo.memory.restore(last)
            return nil
        }
        var rendered = 0
        var diagnosticsMoved = false
        defer { memo.memory.restore(last) }
        // The few pages read again are rendered without the pack on disk: it is the memory
        // between processes, and a new process renders them again at little cost.
        var renderer = self
        renderer.cache = nil
        for index in indices {
            let page = site.pages[index]
            let input = Self.input(of: .page(page))
            if last.inputs[index] == input { continue }
            let output: Output
            do throws(MarkdownError) {
                output = try renderer.render(.page(page), resolver: resolver)
            } catch {
                throw CharterError.markdown(error)
            }
            rendered += 1
            let old = last.outputs[index]
            diagnosticsMoved = diagnosticsMoved || !old.problems.isEmpty || !output.problems.isEmpty
            if let key = old.cacheKey { last.used.remove(key) }
            if let key = output.cacheKey { last.used.insert(key) }
            last.content.pages[index] = output.rendered(page)
            last.inputs[index] = input
            last.outputs[index] = output
        }
        if diagnosticsMoved {
            // In document order, as a whole rendering lists them.
            last.content.diagnostics = []
            for index in last.outputs.indices { last.content.diagnostics += last.outputs[index].problems }
        }
        memo.memory.keep(last, rendered: rendered)
        return last.content
    }

    /// One document of the site rendered.
    private func render(_ job: Job, resolver: LinkResolver) throws(MarkdownError) -> Output {
        switch job {
        case .page(let page):
            guard !page.isGenerated else {
                return Output(markdown: RenderedMarkdown(html: "", headings: [], links: [], diagnostics: []), links: [], diagnostics: [], cacheKey: nil)
            }
            return try renderPage(page, writtenTo: page.outputPath, resolver: resolver)
        case .narrative(_, let page, let outputPath):
            return try renderPage(page, writtenTo: outputPath, resolver: resolver, extractTitle: false, footnotePrefix: "narrative-")
        case .text(let text, let contentPath, let outputPath, let prefix):
            return try renderText(text, contentPath: contentPath, writtenTo: outputPath, prefix: prefix, resolver: resolver)
        }
    }

    /// Everything the rendering of a document reads but the link targets.
    private static func input(of job: Job) -> MarkdownInput {
        switch job {
        case .page(let page):
            return MarkdownInput(page, outputPath: page.outputPath, extractTitle: true, prefix: "")
        case .narrative(_, let page, let outputPath):
            return MarkdownInput(page, outputPath: outputPath, extractTitle: false, prefix: "narrative-")
        case .text(let text, let contentPath, let outputPath, let prefix):
            return MarkdownInput(
                text: text.value, sourcePath: text.location.path, contentPath: contentPath, outputPath: outputPath,
                line: text.location.line, column: text.location.column, title: "", titleSource: "", extractTitle: false, prefix: prefix)
        }
    }

    /// Renders one playbook page on its own, as `render` renders each page of a site: its
    /// Markdown, its links, and the problems found, with its title taken from its first heading
    /// when neither the front matter nor anything else gave one.
    func render(page: Page, links resolver: LinkResolver) throws -> (RenderedPage, [Diagnostic]) {
        let output: Output
        do {
            output = try renderPage(page, writtenTo: page.outputPath, resolver: resolver)
        } catch {
            throw CharterError.markdown(error)
        }
        cache?.save()
        return (output.rendered(page), output.problems)
    }

    /// Renders one page. A level-1 heading that opens the body becomes the page's title
    /// (taken out of the body so the template places it), unless the front matter names
    /// a different title, in which case the heading stays where it is.
    private func renderPage(
        _ page: Page, writtenTo outputPath: String, resolver: LinkResolver, extractTitle: Bool = true, footnotePrefix: String = ""
    ) throws(MarkdownError) -> Output {
        let key = cache?.key(for: page, writtenTo: outputPath, extractTitle: extractTitle, footnotePrefix: footnotePrefix)
        if let cache, let key, let entry = cache.load(key), entry.hrefs.count == entry.markdown.links.count {
            // The stored HTML holds the addresses its links had then: it is good only if every
            // link still resolves to the same one. Broken links are reported afresh either way.
            var collector = LinkCollector(resolver: resolver, contentPath: page.contentPath, outputPath: outputPath)
            let hrefs = entry.markdown.links.map { collector.rewrite($0) }
            if hrefs == entry.hrefs {
                return Output(markdown: entry.markdown, links: collector.links, diagnostics: collector.diagnostics, cacheKey: key)
            }
        }
        var options = self.options
        options.footnotePrefix = footnotePrefix
        // One rendering, with the answer to each link kept for the cache.
        func render(extractingTitle: Bool) throws(MarkdownError) -> (RenderedMarkdown, LinkCollector, [String?]) {
            options.extractLeadingTitle = extractingTitle
            var collector = LinkCollector(resolver: resolver, contentPath: page.contentPath, outputPath: outputPath)
            var hrefs: [String?] = []
            let rendered = try MarkdownRenderer(options: options).render(
                page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset,
                rewriteLink: { link in
                    let href = collector.rewrite(link)
                    hrefs.append(href)
                    return href
                })
            return (rendered, collector, hrefs)
        }
        var (rendered, collector, hrefs) = try render(extractingTitle: extractTitle)
        if extractTitle, page.titleSource == .frontMatter, let extracted = rendered.extractedTitle, extracted.text != page.title {
            (rendered, collector, hrefs) = try render(extractingTitle: false)
        }
        if let cache, let key { cache.store(MarkdownCache.Entry(markdown: rendered, hrefs: hrefs), as: key) }
        return Output(markdown: rendered, links: collector.links, diagnostics: collector.diagnostics, cacheKey: key)
    }

    /// Renders a YAML text value. Positions are exact for a value on one line; for a value
    /// spread over several lines, problems are reported where the value starts.
    private func renderText(
        _ text: Located<String>, contentPath: String, writtenTo outputPath: String, prefix: String, resolver: LinkResolver
    ) throws(MarkdownError) -> Output {
        var options = self.options
        options.headingIDs = false
        options.footnotePrefix = prefix
        var collector = LinkCollector(resolver: resolver, contentPath: contentPath, outputPath: outputPath)
        let singleLine = !text.value.contains("\n")
        var rendered = try MarkdownRenderer(options: options).render(
            text.value, path: text.location.path, lineOffset: text.location.line - 1,
            rewriteLink: { link in
                var moved = link
                moved.location = singleLine
                    ? SourceLocation(path: link.location.path, line: link.location.line, column: link.location.column + text.location.column - 1)
                    : text.location
                return collector.rewrite(moved)
            })
        rendered.diagnostics = rendered.diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.location = singleLine
                ? SourceLocation(path: diagnostic.location.path, line: diagnostic.location.line,
                                 column: diagnostic.location.column + text.location.column - 1)
                : text.location
            return moved
        }
        return Output(markdown: rendered, links: collector.links, diagnostics: collector.diagnostics, inline: Self.inline(rendered.html))
    }

    /// A single paragraph without its `<p>` wrapper, so a short text fits in a table cell or a list.
    static func inline(_ html: String) -> String {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), trimmed.components(separatedBy: "<p>").count == 2 else { return trimmed }
        return String(trimmed.dropFirst(3).dropLast(4))
    }
}

/// Everything the rendering of one document reads, but the link targets.
struct MarkdownInput: Equatable, Sendable {
    var text: String
    var sourcePath: String
    var contentPath: String
    var outputPath: String
    var line: Int
    var column: Int
    var title: String
    var titleSource: String
    var extractTitle: Bool
    var prefix: String
    var isGenerated = false

    init(
        text: String, sourcePath: String, contentPath: String, outputPath: String, line: Int, column: Int,
        title: String, titleSource: String, extractTitle: Bool, prefix: String
    ) {
        self.text = text
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.outputPath = outputPath
        self.line = line
        self.column = column
        self.title = title
        self.titleSource = titleSource
        self.extractTitle = extractTitle
        self.prefix = prefix
    }

    init(_ page: Page, outputPath: String, extractTitle: Bool, prefix: String) {
        self.init(
            text: page.body, sourcePath: page.sourcePath, contentPath: page.contentPath, outputPath: outputPath,
            line: page.bodyLineOffset, column: 0, title: page.title, titleSource: page.titleSource.rawValue,
            extractTitle: extractTitle, prefix: prefix)
        isGenerated = page.isGenerated
    }
}

/// The Markdown a long-lived process rendered last, document by document, with the input each
/// was rendered from and the fingerprint of the link targets it was rendered against. Only a
/// rendering against the same targets can use it; the model is then the same, so its documents
/// come in the same order, and each is compared with the one in its place.
final class MarkdownMemo: @unchecked Sendable {
    /// A whole rendering of the site: each document's input and output, in document order, the
    /// content assembled from them, and the cache entries they used.
    fileprivate struct Rendering {
        var links: String
        var inputs: [MarkdownInput]
        var outputs: [PageRenderer.Output]
        var content: RenderedContent
        var used: Set<String>
    }

    private let lock = NSLock()
    private var last: Rendering?
    /// The text files read from the disk since the last rendering was kept, by source path.
    private var read: Set<String> = []
    private var rendered = 0

    /// Notes the files a load read from the disk: their text may differ from the last rendering's.
    func noteRead(_ paths: Set<String>) {
        lock.withLock { read.formUnion(paths) }
    }

    /// What the last rendering against the link targets `links` left, in document order.
    fileprivate func last(links: String) -> (inputs: [MarkdownInput], outputs: [PageRenderer.Output]) {
        lock.withLock { last?.links == links ? (last!.inputs, last!.outputs) : ([], []) }
    }

    /// The last rendering, when it was against the link targets `links`, taken out of the memo
    /// (so that the caller's changes to it copy nothing), and the files read since it was kept.
    fileprivate func lastRendering(links: String) -> (Rendering, Set<String>)? {
        lock.withLock {
            guard let rendering = last, rendering.links == links else { return nil }
            last = nil
            return (rendering, read)
        }
    }

    /// Puts back a rendering taken out and not replaced: the files read since still count.
    fileprivate func restore(_ rendering: Rendering) {
        lock.withLock { if last == nil { last = rendering } }
    }

    /// Keeps a rendering of the site and counts the documents it had to render.
    fileprivate func keep(_ rendering: Rendering, rendered count: Int) {
        lock.withLock {
            last = rendering
            read = []
            rendered += count
        }
    }

    /// How many documents were rendered (not remembered) since the last call.
    func takeRendered() -> Int {
        lock.withLock {
            defer { rendered = 0 }
            return rendered
        }
    }
}

/// Resolves each link of one document, remembering site links and broken ones.
struct LinkCollector {
    let resolver: LinkResolver
    let contentPath: String
    let outputPath: String
    var links: [SiteLink] = []
    var diagnostics: [Diagnostic] = []

    mutating func rewrite(_ link: MarkdownLink) -> String? {
        switch resolver.resolve(link.url, from: contentPath, writtenTo: outputPath) {
        case .external:
            return nil
        case .site(let path, let fragment):
            links.append(SiteLink(location: link.location, url: link.url, path: path, fragment: fragment))
            return LinkResolver.href(to: path, fragment: fragment, from: outputPath)
        case .broken(let message, let suggestion):
            let what = link.isImage ? "image" : "link"
            diagnostics.append(Diagnostic(
                .brokenLink, "broken \(what) '\(link.url)': \(message)", at: link.location,
                fixHint: suggestion.map { "did you mean '\($0)'?" }))
            return nil
        }
    }
}

/// Maps over an array on several threads, keeping the order of the input.
///
/// Runs on the process's `WorkerPool` rather than Dispatch's shared pool, which was seen to
/// run such work one item at a time when called from inside Swift concurrency (as in tests).
enum ParallelMap {
    /// One worker per active core unless `workers` says otherwise.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        guard min(max(1, workers), inputs.count) > 1 else { return inputs.map(transform) }
        let box = ResultBox<Output>(count: inputs.count)
        WorkerPool.shared.run(count: inputs.count, workers: workers) { index in
            box.set(transform(inputs[index]), at: index)
        }
        return box.values()
    }

    private final class ResultBox<Output>: @unchecked Sendable {
        // All state is guarded by the lock; each slot is written once.
        private var slots: [Output?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ value: Output, at index: Int) {
            lock.withLock { slots[index] = value }
        }

        func values() -> [Output] {
            lock.withLock { slots.map { $0! } }
        }
    }
}

extension Strategy {
    /// The text fields written in Markdown: rendered on the strategy's page, their links checked.
    var markdownFields: [Located<String>] {
        var fields: [Located<String>?] = [goal, mission, assessment?.brand, assessment?.customerSentiment, assessment?.partners,
                                          assessment?.competition?.summary, assessment?.competition?.brand,
                                          assessment?.competition?.customers, assessment?.competition?.partners]
        fields += objectives.map(\.text)
        fields += (benefits?.customer ?? []).map(Optional.some) + (benefits?.company ?? []).map(Optional.some)
        fields += methods.map(\.description) + resources.map(\.description) + reporting.map(\.success)
        fields += programs.map(\.description) + risks.map(\.mitigation) + risks.map(\.escalation)
        return fields.compactMap { $0 }
    }
}
