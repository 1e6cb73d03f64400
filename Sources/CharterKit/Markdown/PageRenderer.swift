import Foundation

/// A page with its Markdown rendered and its final title chosen.
public struct RenderedPage: Sendable {
    public var page: Page
    public var markdown: RenderedMarkdown
}

/// Renders the Markdown of every page and strategy narrative, in parallel, pointing
/// relative links at the generated pages through the link table.
public struct PageRenderer: Sendable {
    public var options: MarkdownOptions

    /// Creates the stage with the site's Markdown options.
    public init(options: MarkdownOptions) {
        self.options = options
    }

    /// Renders one page. A level-1 heading that opens the body becomes the page's title
    /// (taken out of the body so the template places it), unless the front matter names
    /// a different title, in which case the heading stays where it is.
    func render(_ page: Page, writtenTo outputPath: String, links: LinkTable) throws(MarkdownError) -> RenderedMarkdown {
        var options = self.options
        options.extractLeadingTitle = true
        let rewrite: (MarkdownLink) -> String? = { link in
            links.rewrite(link.url, from: page.contentPath, writtenTo: outputPath)
        }
        let rendered = try MarkdownRenderer(options: options)
            .render(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset, rewriteLink: rewrite)
        if page.titleSource == .frontMatter, let extracted = rendered.extractedTitle, extracted.text != page.title {
            options.extractLeadingTitle = false
            return try MarkdownRenderer(options: options)
                .render(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset, rewriteLink: rewrite)
        }
        return rendered
    }

    /// Renders every page; narratives are keyed by their strategy's ID.
    public func render(_ site: Site, links: LinkTable) throws -> (pages: [RenderedPage], narratives: [String: RenderedMarkdown]) {
        let narrativeOwners = site.strategies.compactMap { strategy in strategy.narrative.map { (strategy, $0) } }
        let jobs: [(page: Page, outputPath: String)] = site.pages.map { ($0, $0.outputPath) }
            + narrativeOwners.map { ($0.1, $0.0.outputPath) }
        let results = ParallelMap.map(jobs) { job -> Result<RenderedMarkdown, MarkdownError> in
            guard !job.page.isGenerated else {
                return .success(RenderedMarkdown(html: "", headings: [], links: [], diagnostics: []))
            }
            do throws(MarkdownError) {
                return .success(try render(job.page, writtenTo: job.outputPath, links: links))
            } catch {
                return .failure(error)
            }
        }
        var pages: [RenderedPage] = []
        var narratives: [String: RenderedMarkdown] = [:]
        for (index, result) in results.enumerated() {
            let markdown: RenderedMarkdown
            switch result {
            case .success(let rendered): markdown = rendered
            case .failure(let error): throw CharterError.markdown(error)
            }
            if index < site.pages.count {
                var page = site.pages[index]
                if page.titleSource == .fileName, let heading = markdown.firstTitle, !heading.isEmpty {
                    page.title = heading
                    page.titleSource = .firstHeading
                }
                pages.append(RenderedPage(page: page, markdown: markdown))
            } else {
                narratives[narrativeOwners[index - site.pages.count].0.id] = markdown
            }
        }
        return (pages, narratives)
    }
}

/// Maps over an array on several threads, keeping the order of the input.
///
/// Uses its own threads rather than Dispatch's shared pool, which was seen to run such
/// work one item at a time when called from inside Swift concurrency (as in tests).
enum ParallelMap {
    /// One worker per active core unless `workers` says otherwise.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        let count = min(max(1, workers), inputs.count)
        guard count > 1 else { return inputs.map(transform) }
        let box = ResultBox<Output>(count: inputs.count)
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            let thread = Thread {
                while let index = box.claimNext() {
                    box.set(transform(inputs[index]), at: index)
                }
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        done.wait()
        return box.values()
    }

    private final class ResultBox<Output>: @unchecked Sendable {
        // All state is guarded by the lock; each slot is written once.
        private var slots: [Output?]
        private var next = 0
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func claimNext() -> Int? {
            lock.withLock {
                guard next < slots.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func set(_ value: Output, at index: Int) {
            lock.withLock { slots[index] = value }
        }

        func values() -> [Output] {
            lock.withLock { slots.map { $0! } }
        }
    }
}
