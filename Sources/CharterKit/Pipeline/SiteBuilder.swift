public import Foundation

/// What a run of the pipeline produced.
public struct BuildResult: Sendable {
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]
    /// The site, when rendering got that far.
    public var site: RenderedSite?
    /// The folder written, or nil when nothing was written.
    public var outputDirectory: URL?
    /// The text files read, by path relative to the root, for quoting source lines.
    public var sources: [String: SourceText]
    /// The model the pipeline built, for commands that compare or export it.
    public var model: Site?
    /// How many HTML pages the site has.
    public var pageCount: Int {
        site?.files.filter { $0.path.hasSuffix(".html") }.count ?? 0
    }
}

/// Runs Charter's pipeline:
///
///     load → split front matter → build model → validate → resolve links
///          → render Markdown (cmark-gfm) → apply templates → write atomically
///
/// `check` is the same pipeline without the write.
public struct SiteBuilder: Sendable {
    /// The site's folder, holding `content/` (or the Markdown itself), and optionally
    /// `charter.yaml` and `Templates/`.
    public var root: URL
    /// Where to write the site; `_site` under the root when nil.
    public var output: URL?
    /// Write the site even when there are errors.
    public var allowErrors = false
    /// The day review dates are checked against: SOURCE_DATE_EPOCH when set (the
    /// reproducible-builds convention), else the current day in UTC.
    public var today = SiteBuilder.defaultToday()

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
        var diagnostics = content.diagnostics
        let sources = Self.sources(of: content)

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
        let markdown = try PageRenderer(options: markdownOptions).render(site, links: links)
        diagnostics += markdown.diagnostics

        // The health page and the home page show the model's problems, so they are counted
        // with the site's severities applied before templates run.
        let known = configuration.applySeverities(to: diagnostics).sorted()
        let (rendered, renderDiagnostics) = SiteRenderer(templates: templates)
            .render(site, content: markdown, diagnostics: known, today: today, links: links, markdown: markdownOptions)
        diagnostics += renderDiagnostics
        diagnostics = configuration.applySeverities(to: diagnostics)
        diagnostics.sort()

        var written: URL?
        if writing, allowErrors || !diagnostics.containsErrors {
            try SiteWriter().write(rendered, to: outputFolder)
            written = outputFolder
        }
        // Titles taken from a page's first heading are only known once its Markdown is rendered.
        var model = site
        model.pages = markdown.pages.map(\.page)
        return BuildResult(diagnostics: diagnostics, site: rendered, outputDirectory: written, sources: sources, model: model)
    }

    private static func sources(of content: LoadedContent) -> [String: SourceText] {
        var sources: [String: SourceText] = [:]
        for file in content.markdown + content.data { sources[file.source.path] = file.source }
        for file in content.modelFiles { sources[file.path] = file }
        if let configuration = content.configuration { sources[configuration.path] = configuration }
        for template in content.templates.values { if let source = template.source { sources[source.path] = source } }
        return sources
    }
}
