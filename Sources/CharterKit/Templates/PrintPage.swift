import Foundation

/// The page that prints the whole playbook: every written page in reading order (the order
/// of the navigation, folder by folder), each rendered again with its heading and footnote
/// ids prefixed so that they stay unique, and with links to other included pages turned into
/// links within the print page.
struct PrintPage {
    /// Sites larger than this get no print page: it would be too large to open, let alone print.
    static let pageLimit = 1000

    let builder: ContextBuilder
    let links: LinkResolver
    let options: MarkdownOptions
    /// How many threads render the pages again.
    var workers = ProcessInfo.processInfo.activeProcessorCount
    /// The sections of the last print page a build session made, to reuse for unchanged pages.
    var memo: PrintSectionMemo? = nil

    static func isWritten(for content: RenderedContent) -> Bool {
        let count = content.pages.lazy.filter { !$0.page.isGenerated }.count
        return count > 0 && count <= pageLimit
    }

    /// The pages in reading order: the home page, then each folder's landing page and pages,
    /// depth first, as the navigation orders them.
    func order() -> [RenderedPage] {
        let byPath = Dictionary(builder.content.pages.map { ($0.page.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [RenderedPage] = []
        func visit(_ folder: String) {
            for entry in builder.entriesByFolder[folder] ?? [] {
                if entry.isFolder {
                    if let landing = byPath[entry.path] { result.append(landing) }
                    visit(ContentPaths.folder(of: entry.path))
                } else if let page = byPath[entry.path] {
                    result.append(page)
                }
            }
        }
        if let home = byPath[SitePaths.home] { result.append(home) }
        visit("")
        return result.filter { !$0.page.isGenerated }
    }

    func context() -> PageContext? {
        guard builder.hasPrintPage else { return nil }
        let pages = order()
        let anchors = Dictionary(pages.enumerated().map { ($1.page.outputPath, "page-\($0 + 1)") }, uniquingKeysWith: { first, _ in first })
        let previous = memo?.reusable()
        let sections = ParallelMap.map(Array(pages.enumerated()), workers: workers) { index, rendered -> PrintSection in
            let page = rendered.page
            let anchor = "page-\(index + 1)"
            if let previous, previous.sections.indices.contains(index), previous.sections[index].path == page.outputPath,
               previous.sections[index].anchor == anchor, !previous.changed.contains(page.sourcePath) {
                return previous.sections[index]
            }
            var options = self.options
            options.extractLeadingTitle = true
            options.headingIDPrefix = anchor + "-"
            options.footnotePrefix = anchor + "-"
            let html = (try? MarkdownRenderer(options: options).render(
                page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset,
                rewriteLink: { link in
                    // Broken links were reported on the page itself: no second search for suggestions.
                    switch links.resolve(link.url, from: page.contentPath, writtenTo: page.outputPath, suggesting: false) {
                    case .site(let path, let fragment):
                        if path == page.outputPath || anchors[path] != nil {
                            let target = anchors[path] ?? anchor
                            return "#" + (fragment.map { "\(target)-\($0)" } ?? target)
                        }
                        return LinkResolver.href(to: path, fragment: fragment, from: SitePaths.print)
                    case .external, .broken:
                        return nil
                    }
                }).html) ?? ""
            return PrintSection(anchor: anchor, title: page.title, path: page.outputPath, content: html)
        }
        memo?.store(sections)
        var view = builder.pageView(title: builder.l.text("print.title"), kind: "print", path: SitePaths.print,
                                    description: builder.l.text("print.description"))
        view.toc = sections.map { TOCEntry(level: 2, text: $0.title, url: "#\($0.anchor)") }
        view.hasTOC = true
        var context = builder.frame(view)
        context.print = sections
        return context
    }
}

/// The print page's sections from the last build of a session. A build that changed only the
/// text of some playbooks, with every page's place, title and links as before, reuses the
/// sections of the others; any other build makes them all and keeps them for the next.
final class PrintSectionMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var sections: [PrintSection] = []
    private var changed: Set<String>?

    /// Lets the next print page reuse the sections of every page but these (by source path).
    func allowReuse(except changed: Set<String>) {
        lock.withLock { self.changed = changed }
    }

    /// The sections to reuse and the pages that changed, once; nil unless a build allowed it.
    func reusable() -> (sections: [PrintSection], changed: Set<String>)? {
        lock.withLock {
            defer { changed = nil }
            return changed.map { (sections, $0) }
        }
    }

    /// The next print page makes every section afresh.
    func forbidReuse() {
        lock.withLock { changed = nil }
    }

    func store(_ sections: [PrintSection]) {
        lock.withLock { self.sections = sections }
    }
}
