import Foundation
import Testing
@testable import CharterKit

/// Builds that keep what they learnt in memory (the live preview). They run the stages every
/// build runs; a stage whose inputs are those it remembers is not run again, and an edit that
/// changes nothing other pages show is cut off early: only the pages whose text changed are
/// made again and replaced. The site is byte for byte what a fresh build writes either way.
@Suite struct BuildSessionTests {
    static let escalation = "content/guides/escalation.md"
    static let plan = "content/guides/listening-plan.md"

    /// A copy of the `basic` fixture, built through one session into `out`.
    final class Bench {
        let site: TemporarySite
        let session = BuildSession()

        init() throws {
            site = try TemporarySite()
            try FileManager.default.copyItem(at: FixtureSite.basic, to: site.root)
            try? FileManager.default.removeItem(at: site.root.appending(path: ".charter-cache"))
        }

        func builder(session: BuildSession?) -> SiteBuilder {
            var builder = SiteBuilder.pinned(root: site.root, output: site.output)
            builder.workers = 2
            builder.session = session
            return builder
        }

        @discardableResult
        func build(changed: Set<String>?) throws -> BuildResult {
            var builder = builder(session: session)
            builder.changed = changed
            return try builder.build()
        }

        /// The files as they are now, built from scratch into a folder of their own.
        func fresh() throws -> [String: Data] {
            let folder = site.folder.appending(path: "fresh-\(UUID().uuidString)", directoryHint: .isDirectory)
            defer { try? FileManager.default.removeItem(at: folder) }
            var builder = SiteBuilder.pinned(root: site.root, output: folder)
            builder.useCache = false
            let result = try builder.build()
            #expect(result.outputDirectory != nil, "\(result.diagnostics)")
            return try TemporarySite.snapshot(of: folder)
        }

        func served() throws -> [String: Data] { try TemporarySite.snapshot(of: site.output) }

        /// Each file of the site with the identity of the file on disk.
        func stamps() throws -> [String: FileStamp] {
            try served().keys.reduce(into: [:]) { $0[$1] = FileStamp(path: site.output.appending(path: $1).path) }
        }

        func read(_ path: String) throws -> String { try String(contentsOf: site.root.appending(path: path), encoding: .utf8) }
        func write(_ path: String, _ text: String) throws { try site.write(path, text) }
    }

    static func differing(_ left: [String: Data], _ right: [String: Data]) -> [String] {
        Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
    }

    @Test("an edit to a playbook's text rewrites that page, the print page and the search files that differ, and nothing else")
    func textEdit() throws {
        let bench = try Bench()
        let first = try bench.build(changed: nil)
        #expect(first.outputDirectory != nil)
        #expect(!bench.session.lastBuildWasIncremental)
        let before = try bench.served()
        let stampsBefore = try bench.stamps()

        try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nCall the duty lead about the harbourmaster.\n")
        let result = try bench.build(changed: [Self.escalation])
        #expect(bench.session.lastBuildWasIncremental)
        #expect(result.outputDirectory != nil)
        #expect(result.diagnostics == first.diagnostics)
        #expect(result.pagesWritten == 2)
        #expect(result.pagesReused == first.pageCount - 2)

        let after = try bench.served()
        #expect(after == (try bench.fresh()))
        let stampsAfter = try bench.stamps()
        let rewritten = stampsAfter.keys.filter { stampsAfter[$0] != stampsBefore[$0] }.sorted()
        let changed = Self.differing(before, after)
        // Exactly the files whose bytes differ were replaced: the page, the print page and
        // the search files holding the new words.
        #expect(rewritten == changed)
        #expect(changed.contains("guides/escalation.html"))
        #expect(changed.contains("print.html"))
        let shard = after.first { $0.key.hasPrefix("search/terms-") && String(decoding: $0.value, as: UTF8.self).contains("\"harbourmaster\":") }
        #expect(shard.map { changed.contains($0.key) } == true, "'harbourmaster' is a new term")
        #expect(changed.filter { $0.hasSuffix(".html") } == ["guides/escalation.html", "print.html"])
    }

    enum Edit: String, CaseIterable {
        case newHeading, newSentenceInFrontMatterPage, titleFromHeading, newLinkTarget, frontMatter, brokenLink
        case anchorLinkToKnownPage, brokenAnchorInEditedPage, renamedHeadingOthersLinkTo
    }

    @Test("edits other pages can see make every page again; the others are cut off early; the site is the fresh build's", arguments: Edit.allCases)
    func edits(edit: Edit) throws {
        let bench = try Bench()
        try bench.build(changed: nil)
        var expectIncremental = false
        var expectWritten = true
        switch edit {
        case .newHeading:
            try bench.write(Self.escalation, try bench.read(Self.escalation) + "\n## Out of hours\n\nPhone the duty lead.\n")
            expectIncremental = true
        case .newSentenceInFrontMatterPage:
            try bench.write(Self.plan, try bench.read(Self.plan).replacingOccurrences(
                of: "Listening comes before any objective", with: "Listening, always, comes before any objective"))
            expectIncremental = true
        case .titleFromHeading:
            // The page's title is its first heading: navigation on every page shows it.
            try bench.write(Self.escalation, try bench.read(Self.escalation).replacingOccurrences(of: "# Escalating a risk", with: "# Escalating a concern"))
        case .newLinkTarget:
            // The escalation page now lists the plan among the pages that link to it.
            try bench.write(Self.plan, try bench.read(Self.plan) + "\nWhen it goes wrong, [escalate](escalation.md).\n")
        case .frontMatter:
            try bench.write(Self.plan, try bench.read(Self.plan).replacingOccurrences(of: "weight: 1", with: "weight: 5"))
        case .brokenLink:
            try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nSee [the runbook](runbook.md).\n")
            expectWritten = false
        case .anchorLinkToKnownPage:
            // The escalation page already links to the plan; a link to one of its headings changes no other page.
            try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nCheck the [sources](listening-plan.md#sources).\n")
            expectIncremental = true
        case .brokenAnchorInEditedPage:
            // Cut off early (no other page shows it), and not written: the anchor check finds the error.
            try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nCheck the [sources](listening-plan.md#sorces).\n")
            expectIncremental = true
            expectWritten = false
        case .renamedHeadingOthersLinkTo:
            // The home page links to the plan's #sources: every link is checked again, and that one breaks.
            try bench.write(Self.plan, try bench.read(Self.plan).replacingOccurrences(of: "## Sources", with: "## Where we listen"))
            expectIncremental = true
            expectWritten = false
        }
        let before = try bench.served()
        let changed = [.newSentenceInFrontMatterPage, .frontMatter, .newLinkTarget, .renamedHeadingOthersLinkTo].contains(edit) ? Self.plan : Self.escalation
        let result = try bench.build(changed: [changed])
        #expect(bench.session.lastBuildWasIncremental == expectIncremental)
        if expectWritten {
            #expect(result.outputDirectory != nil)
            #expect(try bench.served() == (try bench.fresh()))
        } else {
            #expect(result.outputDirectory == nil)
            let expected = switch edit {
            case .brokenAnchorInEditedPage: ["CH302 content/guides/escalation.md:8:11"]
            case .renamedHeadingOthersLinkTo: ["CH302 content/index.md:3:16"]
            default: ["CH301 content/guides/escalation.md:8:5"]
            }
            #expect(result.diagnostics.filter { $0.severity == .error }.map { "\($0.code.rawValue) \($0.location)" } == expected)
            #expect(try bench.served() == before, "the last good site stays")
        }
    }

    @Test("a build not told what changed walks the folders, and reads again every file whose stamp moved")
    func untoldChange() throws {
        let bench = try Bench()
        try bench.build(changed: nil)
        try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nA paragraph.\n")
        try bench.write(Self.plan, try bench.read(Self.plan) + "\nAnother paragraph, not announced.\n")
        let result = try bench.build(changed: nil)
        #expect(bench.session.lastRun.walked)
        #expect(bench.session.lastRun.filesRead == 2)
        #expect(bench.session.lastBuildWasIncremental)
        #expect(result.replacedPaths?.filter { $0.hasSuffix(".html") }.sorted() == ["guides/escalation.html", "guides/listening-plan.html", "print.html"])
        #expect(try bench.served() == (try bench.fresh()))
    }

    @Test("a build told every file that changed reads only those, and walks the folders when one was added, removed or is not content")
    func toldChange() throws {
        let bench = try Bench()
        try bench.build(changed: nil)
        #expect(bench.session.lastRun.walked)

        // A playbook saved as editors save: through a temporary file that is gone by the build.
        try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nA paragraph.\n")
        let edited = try bench.build(changed: [Self.escalation, "content/guides/escalation.md.tmp-1234"])
        #expect(bench.session.lastRun == StageRun(filesRead: 1, walked: false, documentsRendered: 1, cutOff: true))
        // The sources diagnostics are quoted from are the files as they are now.
        let checked = try SiteBuilder.pinned(root: bench.site.root, output: bench.site.output).check()
        #expect(edited.sources.mapValues(\.text) == checked.sources.mapValues(\.text))
        #expect(edited.sources[Self.escalation]?.text == (try bench.read(Self.escalation)))
        #expect(try bench.served() == (try bench.fresh()))

        // A strategy's YAML: read alone too, and the model is made again.
        let strategy = "content/strategies/community.yaml"
        try bench.write(strategy, try bench.read(strategy).replacingOccurrences(
            of: #"(?m)^mission: .*$"#, with: "mission: Answers from those who have been there.", options: .regularExpression))
        try bench.build(changed: [strategy])
        #expect(!bench.session.lastRun.walked)
        #expect(bench.session.lastRun.filesRead == 1)
        #expect(bench.session.lastRun.modelMade)
        #expect(try bench.served() == (try bench.fresh()))

        // A new page, a removed page, the configuration, a folder and the watcher's "look at
        // everything": the folders are walked, and the site is the fresh build's.
        let added = "content/guides/tides.md"
        try bench.write(added, "# Tides\n\nTwice a day.\n")
        try bench.build(changed: [added])
        #expect(bench.session.lastRun.walked)
        #expect(try bench.served()["guides/tides.html"] != nil)
        try FileManager.default.removeItem(at: bench.site.root.appending(path: added))
        try bench.build(changed: [added])
        #expect(bench.session.lastRun.walked)
        #expect(try bench.served()["guides/tides.html"] == nil)
        #expect(try bench.served() == (try bench.fresh()))
        for path in ["charter.yaml", "content/guides", ""] {
            try bench.build(changed: [path])
            #expect(bench.session.lastRun.walked, "\(path)")
        }
        // A file whose load reports a problem is looked at by a walk, before and after.
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: bench.site.root.appending(path: Self.plan))
        let broken = try bench.build(changed: [Self.plan])
        #expect(bench.session.lastRun.walked)
        #expect(broken.diagnostics.contains { $0.code == .invalidUTF8 && $0.location.path == Self.plan })
        try bench.write(Self.plan, "# Listening plan\n\nBack again.\n")
        let mended = try bench.build(changed: [Self.plan])
        #expect(bench.session.lastRun.walked)
        #expect(!mended.diagnostics.contains { $0.code == .invalidUTF8 })
    }

    @Test("each stage runs only when what it reads changed: files, model, validation, Markdown, pages")
    func stagesRemembered() throws {
        let bench = try Bench()
        try bench.build(changed: nil)
        let everything = bench.session.lastRun
        let loaded = try ContentLoader().load(root: bench.site.root)
        #expect(everything.filesRead == loaded.markdown.count + loaded.data.count + loaded.modelFiles.count + (loaded.configuration == nil ? 0 : 1))
        #expect(everything.modelMade && everything.validated && !everything.cutOff)
        #expect(everything.documentsRendered > 10)

        // The text of one playbook: one file read, one document rendered, the model kept.
        try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nCall the harbour first.\n")
        try bench.build(changed: nil)
        #expect(bench.session.lastRun == StageRun(filesRead: 1, walked: true, modelMade: false, validated: false, documentsRendered: 1, cutOff: true))

        // Its front matter: the model is made and validated again; link targets may have moved, so
        // every document goes through the Markdown stage again (the pack on disk answers for most).
        try bench.write(Self.plan, try bench.read(Self.plan).replacingOccurrences(of: "weight: 1", with: "weight: 5"))
        try bench.build(changed: nil)
        #expect(bench.session.lastRun == StageRun(
            filesRead: 1, modelMade: true, validated: true, documentsRendered: everything.documentsRendered, cutOff: false))
        #expect(try bench.served() == (try bench.fresh()))

        // Another day: the model is the same, its problems are checked again.
        var later = bench.builder(session: bench.session)
        later.today = CalendarDate(year: 2031, month: 1, day: 1)
        _ = try later.build()
        #expect(bench.session.lastRun.validated)
        #expect(!bench.session.lastRun.modelMade)
        #expect(bench.session.lastRun.filesRead == 0)
    }

    @Test("after an incremental edit, a full rebuild reuses the pages it wrote, and undoing the edit restores the page")
    func pendingCache() throws {
        let bench = try Bench()
        let first = try bench.build(changed: nil)
        let original = try bench.read(Self.escalation)
        let originalSite = try bench.served()

        try bench.write(Self.escalation, original + "\nA paragraph about tides.\n")
        try bench.build(changed: [Self.escalation])
        #expect(bench.session.lastBuildWasIncremental)

        // A strategy's mission shows on many pages, but not on the playbooks.
        let strategy = "content/strategies/community.yaml"
        let yaml = try bench.read(strategy)
        try bench.write(strategy, yaml.replacingOccurrences(of: #"(?m)^mission: .*$"#, with: "mission: Answers from those who have been there.",
                                                          options: .regularExpression))
        let full = try bench.build(changed: [strategy])
        #expect(!bench.session.lastBuildWasIncremental)
        #expect(full.pagesReused > 0, "the cache the incremental build left in memory was used")
        #expect(full.pagesReused < first.pageCount)
        #expect(try bench.served() == (try bench.fresh()))

        try bench.write(strategy, yaml)
        try bench.write(Self.escalation, original)
        try bench.build(changed: [strategy, Self.escalation])
        #expect(try bench.served() == (try bench.fresh()))
        #expect(try bench.served() == originalSite)
    }

    @Test("a search file an edit rewrote in place is written again, not linked, when the next full build wants it back as it was")
    func rewrittenFileNotLinked() throws {
        let bench = try Bench()
        try bench.build(changed: nil)
        let original = try bench.read(Self.escalation)
        // A word for one of the same length: the entry's file keeps its size, so only its hash
        // tells the published copy from the one wanted.
        try bench.write(Self.escalation, original.replacingOccurrences(of: "halved", with: "quilts"))
        try bench.build(changed: [Self.escalation])
        #expect(bench.session.lastBuildWasIncremental)
        func searchHas(_ word: String) throws -> Bool {
            try bench.served().contains { $0.key.hasPrefix("search/entries-") && String(decoding: $0.value, as: UTF8.self).contains(word) }
        }
        #expect(try searchHas("quilts"))

        // The edit undone, with a mission changed so that every page's context is made again:
        // the search files wanted are the first build's, and the published ones hold the edit.
        try bench.write(Self.escalation, original)
        let strategy = "content/strategies/community.yaml"
        let yaml = try bench.read(strategy)
        try bench.write(strategy, yaml.replacingOccurrences(of: #"(?m)^mission: .*$"#, with: "mission: Answers from those who have been there.",
                                                          options: .regularExpression))
        let full = try bench.build(changed: [Self.escalation, strategy])
        #expect(!bench.session.lastBuildWasIncremental)
        #expect(full.pagesReused > 0, "the cache the incremental build left in memory was used")
        #expect(try bench.served() == (try bench.fresh()))
        #expect(try !searchHas("quilts"))
    }

    @Test("flushing the session leaves a cache file that a new process trusts; without it the next build starts over")
    func flush() throws {
        let bench = try Bench()
        try bench.build(changed: nil)
        try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nA paragraph.\n")
        try bench.build(changed: [Self.escalation])
        #expect(bench.session.lastBuildWasIncremental)

        // The cache file on disk described the site before the edit: it is gone.
        let unflushed = try bench.builder(session: nil).build()
        #expect(!unflushed.upToDate)
        #expect(unflushed.pagesReused == 0)

        try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nA second paragraph.\n")
        let session = BuildSession()
        var builder = bench.builder(session: session)
        _ = try builder.build()
        builder.changed = [Self.escalation]
        try bench.write(Self.escalation, try bench.read(Self.escalation) + "\nA third paragraph.\n")
        _ = try builder.build()
        #expect(session.lastBuildWasIncremental)
        session.flush()
        let next = try bench.builder(session: nil).build()
        #expect(next.upToDate)
        #expect(try bench.served() == (try bench.fresh()))
    }
}
