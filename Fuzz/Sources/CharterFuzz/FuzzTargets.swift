import Foundation
@testable import CharterKit
@testable import CharterLanguageServer

/// The fuzz targets, by the name `scripts/fuzz.sh` passes in CHARTER_FUZZ_TARGET.
///
/// Every target must return normally on any input: a crash, a trap, a hang (libFuzzer's
/// `-timeout`) or a broken invariant (`fail`, which aborts) is a finding.
enum FuzzTarget: String, CaseIterable {
    case frontmatter, yaml, markdown, site, diff, lsp

    /// The target of this process, set once by main before fuzzing starts.
    nonisolated(unsafe) static var selected = FuzzTarget.frontmatter

    func run(_ data: Data) {
        switch self {
        case .frontmatter: Self.frontMatter(data)
        case .yaml: Self.yaml(data)
        case .markdown: Self.markdown(data)
        case .site: Self.site(data)
        case .diff: Self.diff(data)
        case .lsp: Self.languageServer(data)
        }
    }

    // MARK: Front-matter splitting

    /// Splits the input as a Markdown file; the pieces must add up to the file again.
    static func frontMatter(_ data: Data) {
        guard case .success(let source) = SourceText.decode(data, path: "content/fuzz.md") else { return }
        let (split, diagnostics) = FrontMatterSplitter.split(source)
        let text = source.text
        guard let yaml = split.yaml else {
            expect(split.body == text && split.bodyLineOffset == 0, "a file without front matter keeps its whole text as body")
            return
        }
        expect(diagnostics.isEmpty, "a split file has no diagnostics")
        expect(text.hasSuffix(split.body), "the body is the end of the file")
        let head = text.dropLast(split.body.count)
        expect(head.hasPrefix("---"), "front matter opens with ---")
        expect(yaml.isEmpty || head.contains(yaml), "the YAML is inside the head")
        let headLines = head.filter { $0 == "\n" }.count + (head.hasSuffix("\n") ? 0 : 1)
        expect(headLines == split.bodyLineOffset, "bodyLineOffset counts the lines before the body (\(headLines) ≠ \(split.bodyLineOffset))")
        _ = YAMLReader().read(yaml, path: source.path, lineOffset: split.yamlLineOffset)
    }

    // MARK: YAML → model

    /// Reads the input as every kind of YAML file Charter has: a strategy, a team, a model file
    /// and charter.yaml, then builds and validates the model they make.
    static func yaml(_ data: Data) {
        guard case .success(let source) = SourceText.decode(data, path: "charter.yaml") else { return }
        let text = source.text
        _ = YAMLReader().read(text, path: "x.yaml")
        _ = SiteConfiguration.read(source)
        let files: [(String, String)] = [
            ("charter.yaml", text), ("model/fuzz.yaml", text),
            ("content/strategies/fuzz.yaml", text), ("content/teams/fuzz.yaml", text),
            ("content/guides/page.md", "---\nstrategy: fuzz\nowner: fuzz\n---\n# Page\n"),
        ]
        let (site, diagnostics) = InMemorySite(files).model()
        let paths = Set(files.map(\.0))
        // Site-wide findings point at a folder (content/strategies); all others at a file read.
        let strays = diagnostics.filter { diagnostic in
            !paths.contains(diagnostic.location.path) && !paths.contains { $0.hasPrefix(diagnostic.location.path + "/") }
        }
        expect(strays.isEmpty, "a diagnostic points at a file that was not read: \(strays.map { "\($0.code) \($0.location) \($0.message)" })")
        _ = site
    }

    // MARK: Markdown with link resolution

    /// Renders the input as a page among a few others, so its links resolve against a real site.
    static func markdown(_ data: Data) {
        guard case .success(let source) = SourceText.decode(data, path: "content/guides/fuzz.md") else { return }
        let files: [(String, String)] = [
            ("content/guides/fuzz.md", source.text),
            ("content/index.md", "# Home\n\n[fuzz](guides/fuzz.md)\n"),
            ("content/guides/other.md", "---\ntitle: Other\ntags: [a]\n---\n## Part one\n"),
            ("content/strategies/community.yaml", "title: Community\nmission: \"[page](../guides/fuzz.md#x)\"\n"),
            ("content/teams/hub.yaml", "name: Hub\n"),
        ]
        let memory = InMemorySite(files)
        let (site, _) = memory.model()
        let rendered: RenderedContent
        do {
            rendered = try PageRenderer(options: MarkdownOptions(), workers: 1).render(site, links: LinkResolver(site: site))
        } catch {
            return
        }
        for page in rendered.pages {
            let findings = HTMLSafety.findings(in: page.markdown.html)
            expect(findings.isEmpty, "safe-mode Markdown produced runnable HTML: \(findings)")
        }
        // Raw HTML allowed: must still not crash or hang.
        _ = try? MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true)).render(source.text, path: source.path)
    }

    // MARK: The whole pipeline

    /// Writes a small site made from the input (see `SiteSplitter`) and builds it, errors and
    /// all; no page written may contain anything runnable, and the reports must be valid JSON.
    static func site(_ data: Data) {
        let files = SiteSplitter.files(from: data)
        let folder = scratch.appending(path: "site", directoryHint: .isDirectory)
        let output = scratch.appending(path: "out", directoryHint: .isDirectory)
        try? FileManager.default.removeItem(at: folder)
        for (path, bytes) in files {
            let url = folder.appending(path: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? bytes.write(to: url)
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var builder = SiteBuilder(root: folder, output: output)
        builder.workers = 1
        builder.useCache = false
        builder.allowErrors = true
        builder.durable = false
        builder.today = CalendarDate(year: 2026, month: 11, day: 23)
        let result: BuildResult
        do {
            result = try builder.build()
        } catch {
            return
        }
        let unsafe = SiteConfiguration.read(result.sources["charter.yaml"]).configuration.unsafeHTML
        if let written = result.outputDirectory, !unsafe {
            for path in result.paths where path.hasSuffix(".html") {
                guard let bytes = try? Data(contentsOf: written.appending(path: path)) else { continue }
                let findings = HTMLSafety.findings(in: String(decoding: bytes, as: UTF8.self))
                expect(findings.isEmpty, "\(path) has runnable HTML: \(findings)")
            }
        }
        let report = DiagnosticReport(result.diagnostics, toolVersion: "fuzz")
        for json in [report.json(), report.sarif()] {
            expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "a report is not valid JSON")
        }
        _ = report.github()
    }

    // MARK: diff

    /// Builds two models from the two halves of the input and compares them in every format.
    static func diff(_ data: Data) {
        let separator = Data("\n%%%%\n".utf8)
        let (first, second): (Data, Data)
        if let range = data.range(of: separator) {
            (first, second) = (data[..<range.lowerBound], data[range.upperBound...])
        } else {
            (first, second) = (data, data.reversed().reduce(into: Data()) { $0.append($1) })
        }
        func snapshot(_ half: Data) -> ModelSnapshot {
            let memory = InMemorySite(SiteSplitter.files(from: half).compactMap { path, bytes in
                String(validating: bytes, as: UTF8.self).map { (path, $0) }
            })
            let (site, diagnostics) = memory.model()
            return ModelSnapshot(site: site, diagnostics: diagnostics)
        }
        let base = snapshot(first)
        let head = snapshot(second)
        let changes = ModelDiffer().changes(from: base, to: head)
        let report = DiffReport(changes: changes, base: "base", head: "head")
        for format in DiffReport.Format.allCases { _ = report.render(format) }
        expect((try? JSONSerialization.jsonObject(with: Data(report.json().utf8))) != nil, "the diff's JSON is not valid")
        expect(ModelDiffer().changes(from: base, to: base).isEmpty, "a model compared with itself has changes")
    }

    // MARK: The language server's protocol layer

    /// What `charter lsp` reads from an editor, as hostile bytes: the frames read from a pipe, each
    /// message's JSON written and read again unchanged, and an edit at positions taken from the
    /// input applied to a buffer in every position encoding.
    static func languageServer(_ data: Data) {
        if let json = JSON(parsing: data) {
            expect(JSON(parsing: json.data) == json, "JSON written and read again is the same value")
        }
        var pipe: [Int32] = [0, 0]
        guard data.count < 60_000, pipe.withUnsafeMutableBufferPointer({ Glibc.pipe($0.baseAddress!) }) == 0 else { return }
        _ = data.withUnsafeBytes { write(pipe[1], $0.baseAddress, $0.count) }
        close(pipe[1])
        let reader = MessageReader(descriptor: pipe[0])
        var frames = 0
        while let frame = reader.next() {
            frames += 1
            expect(frames <= data.count + 1, "the reader ends: no more frames than bytes")
            if case .message(let message) = frame {
                expect(JSON(parsing: message.data) == message, "a frame's JSON written and read again is the same value")
            }
        }
        close(pipe[0])
        guard data.count >= 4 else { return }
        let bytes = [UInt8](data)
        let text = String(decoding: bytes.dropFirst(4), as: UTF8.self)
        for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
            var document = TextDocument(text: text, version: 1)
            let start = Position(line: Int(bytes[0] % 8), character: Int(bytes[1] % 64))
            let end = Position(line: Int(bytes[2] % 8), character: Int(bytes[3] % 64))
            document.replace(from: start, to: end, with: "x\ny", encoding: encoding)
            expect(document.text.unicodeScalars.count <= text.unicodeScalars.count + 3, "an edit removes what it replaces")
            _ = TextDocument.wordEnd(line: Int(bytes[0] % 8) + 1, column: Int(bytes[1] % 64) + 1, in: TextDocument.lines(text), encoding: encoding)
        }
        let line = Array(text.unicodeScalars)
        _ = LanguageServer.linkDestination(in: line, at: Int(bytes[1]) % (line.count + 1))
        _ = LanguageServer.mentions(of: "hub", in: text, markdown: bytes[0] & 1 == 0)
        _ = LanguageServer.headings(in: text)
        _ = LanguageServer.replacedRange(in: line, suggestion: bytes[2] & 1 == 0 ? "#part" : "page.md")
        _ = LanguageServer.key(at: line.isEmpty ? 0 : 0, prefix: String(text.prefix(40)), lines: [String(text.prefix(40))])
    }

    // MARK: Helpers

    /// One scratch folder per fuzzing process.
    static let scratch: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let url = base.appending(path: "charter-fuzz-\(ProcessInfo.processInfo.processIdentifier)", directoryHint: .isDirectory)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FuzzTarget.scratch) }
        return url
    }()

    static func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() {
            FileHandle.standardError.write(Data("invariant broken: \(message())\n".utf8))
            abort()
        }
    }
}

/// Turns one input into the files of a small site: the input is cut at ASCII record separators
/// (0x1E) and the pieces fill, in order, the files below; a piece may be empty.
enum SiteSplitter {
    static let paths = [
        "content/index.md", "content/guides/a.md", "content/strategies/s.yaml", "content/teams/t.yaml",
        "charter.yaml", "model/stages.yaml", "content/guides/b.md", "content/strategies/s.md",
    ]

    static func files(from data: Data) -> [(String, Data)] {
        let pieces = data.split(separator: 0x1E, omittingEmptySubsequences: false)
        return zip(paths, pieces).map { ($0, Data($1)) }
    }
}

/// A site held in memory, run through the same stages as a build up to the model.
struct InMemorySite {
    var content: LoadedContent

    init(_ files: [(String, String)]) {
        content = LoadedContent(root: URL(fileURLWithPath: "/fuzz"), contentDirectory: URL(fileURLWithPath: "/fuzz/content"), contentPrefix: "content")
        for (path, text) in files {
            let source = SourceText(path: path, text: text)
            if path == "charter.yaml" {
                content.configuration = source
            } else if path.hasPrefix("model/") {
                content.modelFiles.append(source)
            } else {
                let contentPath = String(path.dropFirst("content/".count))
                if contentPath.hasSuffix(".md") {
                    content.markdown.append(ContentFile(contentPath: contentPath, source: source))
                } else if ContentLoader.isDataFile(contentPath) {
                    content.data.append(ContentFile(contentPath: contentPath, source: source))
                }
            }
        }
    }

    func model() -> (Site, [Diagnostic]) {
        let (configuration, configurationDiagnostics) = SiteConfiguration.read(content.configuration)
        let (framework, frameworkDiagnostics) = FrameworkLoader().load(siteFiles: content.modelFiles)
        let (site, modelDiagnostics) = ModelBuilder().build(content, configuration: configuration, framework: framework)
        let validation = SiteValidator().validate(ValidationContext(site: site, today: CalendarDate(year: 2026, month: 11, day: 23)))
        return (site, configurationDiagnostics + frameworkDiagnostics + modelDiagnostics + validation)
    }
}
