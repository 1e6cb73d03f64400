public import Foundation

/// A file of the finished site.
public struct OutputFile: Sendable, Hashable {
    /// What the file holds: bytes made by the build, or a file copied as it is.
    public enum Contents: Sendable, Hashable {
        case data(Data)
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

/// Applies the templates to every page, in parallel, and gathers the site's files.
struct SiteRenderer {
    var templates: TemplateSet

    func render(_ site: Site, pages: [RenderedPage], narratives: [String: RenderedMarkdown]) -> (RenderedSite, [Diagnostic]) {
        let builder = ContextBuilder(site: site, pages: pages, stylesheet: "assets/charter.css")
        enum Job: Sendable {
            case page(RenderedPage)
            case document(DataDocument)
        }
        let jobs = pages.map(Job.page) + site.dataDocuments.map(Job.document)
        let outputs = ParallelMap.map(jobs) { job -> (OutputFile?, Diagnostic?) in
            let context: PageContext
            let template: String
            let sourcePath: String
            switch job {
            case .page(let rendered):
                context = builder.context(for: rendered)
                template = ContextBuilder.templateName(for: rendered.page)
                sourcePath = rendered.page.sourcePath
            case .document(let document):
                context = builder.context(for: document, narrative: narratives[document.id])
                template = document.kind.rawValue
                sourcePath = document.sourcePath
            }
            guard let html = templates.render(context, with: template) else {
                let missing = Diagnostic(
                    .missingTemplate, "no template named '\(template)' to render this page with",
                    at: SourceLocation(path: sourcePath))
                return (nil, missing)
            }
            return (OutputFile(path: context.page.path, contents: .data(Data(html.utf8))), nil)
        }
        var files = outputs.compactMap(\.0)
        let diagnostics = outputs.compactMap(\.1)
        files += templates.assets.map { OutputFile(path: $0.key, contents: .data($0.value)) }
        files += site.assets.map { OutputFile(path: $0.contentPath, contents: .copy($0.fileURL)) }
        files.sort { $0.path < $1.path }
        return (RenderedSite(files: files), diagnostics)
    }
}
