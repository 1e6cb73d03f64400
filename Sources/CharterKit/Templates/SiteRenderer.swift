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

/// Applies the templates to every page, in parallel, gathers the site's files, and checks
/// every link's `#fragment` against the ids the target page really has.
struct SiteRenderer {
    var templates: TemplateSet

    private struct Job: Sendable {
        var template: String
        var sourcePath: String
        /// The content file the page is made from; nil for pages Charter makes itself.
        var source: String? = nil
        var make: @Sendable () -> PageContext
    }

    func render(
        _ site: Site, content: RenderedContent, diagnostics: [Diagnostic], today: CalendarDate,
        links: LinkResolver, markdown: MarkdownOptions
    ) -> (RenderedSite, [Diagnostic]) {
        let builder = ContextBuilder(site: site, content: content, diagnostics: diagnostics, today: today)
        var jobs: [Job] = content.pages.map { rendered in
            Job(template: ContextBuilder.templateName(for: rendered.page), sourcePath: rendered.page.sourcePath,
                source: rendered.page.isGenerated ? nil : rendered.page.sourcePath) {
                builder.context(for: rendered)
            }
        }
        jobs += site.strategyModels.map { strategy in
            Job(template: "strategy", sourcePath: strategy.sourcePath, source: strategy.sourcePath) { builder.context(for: strategy) }
        }
        jobs += site.teamModels.map { team in
            Job(template: "team", sourcePath: team.sourcePath, source: team.sourcePath) { builder.context(for: team) }
        }
        if builder.hasModelPages {
            jobs.append(Job(template: "stages", sourcePath: "") { builder.stagesContext() })
            jobs += site.framework.stages.indices.map { index in Job(template: "stage", sourcePath: "") { builder.context(forStage: index) } }
            jobs.append(Job(template: "matrix", sourcePath: "") { builder.matrixContext() })
            jobs += site.framework.responsibilities.map { entry in
                Job(template: "responsibility", sourcePath: "") { builder.context(forResponsibility: entry) }
            }
            jobs.append(Job(template: "listing", sourcePath: "") { builder.focusAreasContext() })
            jobs.append(Job(template: "listing", sourcePath: "") { builder.programKindsContext() })
            jobs.append(Job(template: "health", sourcePath: "") { builder.healthContext() })
        }
        if let tags = builder.tagsContext() {
            jobs.append(Job(template: "listing", sourcePath: "") { tags })
            jobs += builder.tagContexts().map { context in Job(template: "section", sourcePath: "") { context } }
        }
        jobs.append(Job(template: "404", sourcePath: "") { builder.notFoundContext() })
        if let print = PrintPage(builder: builder, links: links, options: markdown).context() {
            jobs.append(Job(template: "print", sourcePath: "") { print })
        }

        let templates = self.templates
        let outputs = ParallelMap.map(jobs) { job -> (path: String, html: String?, source: String?, problem: Diagnostic?) in
            let context = job.make()
            guard let html = templates.render(context, with: job.template) else {
                let missing = Diagnostic(
                    .missingTemplate, "no template named '\(job.template)' to render '\(context.page.path)' with",
                    at: SourceLocation(path: job.sourcePath.isEmpty ? "Templates" : job.sourcePath))
                return (context.page.path, nil, job.source, missing)
            }
            return (context.page.path, html, job.source, nil)
        }
        var problems = outputs.compactMap(\.problem)
        // Where a content page and a page of Charter's share a path, anchors are checked
        // against Charter's page, the one that is written.
        var pages: [String: String] = [:]
        for output in outputs.sorted(by: { ($0.source == nil ? 0 : 1) < ($1.source == nil ? 0 : 1) }) {
            if let html = output.html, pages[output.path] == nil { pages[output.path] = html }
        }
        problems += AnchorChecker(pages: pages).check(content.pages.flatMap(\.links) + content.otherLinks)

        // Every file with the content file it comes from (nil for what Charter makes itself).
        var claims: [(file: OutputFile, source: String?)] = outputs.compactMap { output in
            output.html.map { (OutputFile(path: output.path, contents: .data(Data($0.utf8))), output.source) }
        }
        claims += site.assets.map { (OutputFile(path: $0.contentPath, contents: .copy($0.fileURL)), $0.sourcePath) }
        claims += templates.assets.map { (OutputFile(path: $0.key, contents: .data($0.value)), nil) }
        claims.append((OutputFile(path: SitePaths.robots, contents: .data(Data(robots(site).utf8))), nil))
        claims += SearchIndex().files(for: builder.searchEntries()).map { (OutputFile(path: $0.key, contents: .data(Data($0.value.utf8))), nil) }
        if let sitemap = sitemap(site, pages: pages.keys) {
            claims.append((OutputFile(path: SitePaths.sitemap, contents: .data(Data(sitemap.utf8))), nil))
        }
        let (files, collisions) = Self.resolveCollisions(claims)
        return (RenderedSite(files: files), problems + collisions)
    }

    /// A content file whose path Charter also writes (`content/health.md`, `content/404.md`,
    /// `content/stages/planning.md`, an asset `robots.txt`) would silently replace or be replaced
    /// by it: each is CH004 at the content file, and Charter's own file is kept.
    static func resolveCollisions(_ claims: [(file: OutputFile, source: String?)]) -> ([OutputFile], [Diagnostic]) {
        let generated = Set(claims.filter { $0.source == nil }.map { $0.file.path.lowercased() })
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for claim in claims {
            if let source = claim.source, generated.contains(claim.file.path.lowercased()) {
                diagnostics.append(Diagnostic(
                    .duplicateOutputPath, "'\(source)' would be written to '\(claim.file.path)', which Charter writes itself",
                    at: SourceLocation(path: source), fixHint: "rename the file"))
            } else {
                files.append(claim.file)
            }
        }
        return (files.sorted { $0.path < $1.path }, diagnostics.sorted())
    }

    /// Internal sites ask every crawler to stay away; public ones point at their sitemap.
    private func robots(_ site: Site) -> String {
        guard site.configuration.isPublic else { return "User-agent: *\nDisallow: /\n" }
        let sitemap = site.configuration.baseURL.map { "Sitemap: \(Self.absolute($0, SitePaths.sitemap))\n" } ?? ""
        return "User-agent: *\nAllow: /\n" + sitemap
    }

    /// A sitemap of every page but the 404 and print pages, when the site knows its address.
    private func sitemap(_ site: Site, pages: Dictionary<String, String>.Keys) -> String? {
        guard let base = site.configuration.baseURL else { return nil }
        // The 404 page is not a page to visit, and the print page repeats the others.
        let urls = pages.filter { $0 != SitePaths.notFound && $0 != SitePaths.print }.sorted().map { path in
            "  <url><loc>\(HTMLText.escape(Self.absolute(base, path)))</loc></url>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.joined() + "</urlset>\n"
    }

    static func absolute(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }
}

/// Checks each link's `#fragment` against the ids that the rendered target page contains.
struct AnchorChecker {
    let pages: [String: String]

    func check(_ links: [SiteLink]) -> [Diagnostic] {
        var ids: [String: Set<String>] = [:]
        return links.compactMap { link in
            guard let fragment = link.fragment, !fragment.isEmpty, let html = pages[link.path] else { return nil }
            if ids[link.path] == nil { ids[link.path] = Self.ids(in: html) }
            guard let known = ids[link.path], !known.contains(fragment) else { return nil }
            let suggestion = Suggestions.closest(to: fragment, in: known.sorted())
            return Diagnostic(
                .brokenAnchor, "broken anchor '#\(fragment)' in link '\(link.url)': the page has no such heading or id",
                at: link.location, fixHint: suggestion.map { "did you mean '#\($0)'?" })
        }
    }

    /// Every `id="…"` in the HTML.
    static func ids(in html: String) -> Set<String> {
        var found: Set<String> = []
        var rest = html[...]
        while let range = rest.range(of: " id=\"") {
            let start = range.upperBound
            guard let end = rest[start...].firstIndex(of: "\"") else { break }
            found.insert(String(rest[start..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return found
    }
}
