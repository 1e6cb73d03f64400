import Foundation
import Testing
@testable import CharterKit

/// The build cache and streaming writer: a cached build writes only what changed, and its
/// site is always byte for byte the site a clean build writes.
@Suite struct BuildCacheTests {
    /// A copy of the example playbook (38 playbooks, 5 strategies, 10 teams) to edit.
    final class Workspace {
        let site: TemporarySite
        /// Write the site despite errors, for edits that break links.
        var allowErrors = false
        init() throws {
            site = try TemporarySite()
            try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
            for name in ["content", "charter.yaml"] {
                try FileManager.default.copyItem(
                    at: ExampleSiteTests.repository.appending(path: name), to: site.root.appending(path: name))
            }
        }

        var root: URL { site.root }

        func builder(output: URL? = nil, cache: Bool = true, workers: Int? = nil) -> SiteBuilder {
            var builder = SiteBuilder.pinned(root: root, output: output ?? site.output)
            builder.today = ExampleSiteTests.today
            builder.useCache = cache
            builder.allowErrors = allowErrors
            if let workers { builder.workers = workers }
            return builder
        }

        /// Builds with the cache, then from scratch into another folder, and returns the cached
        /// result after checking that both sites are the same, file for file and byte for byte.
        @discardableResult
        func buildAndCompare(_ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildResult {
            let cached = try builder().build()
            let clean = site.folder.appending(path: "clean", directoryHint: .isDirectory)
            try? FileManager.default.removeItem(at: clean)
            let fresh = try builder(output: clean, cache: false).build()
            // The same problems, at the same places, whether pages came from the cache or not.
            #expect(located(cached.diagnostics) == located(fresh.diagnostics), comment, sourceLocation: sourceLocation)
            #expect(cached.diagnostics.map(\.message) == fresh.diagnostics.map(\.message), comment, sourceLocation: sourceLocation)
            let built = try TemporarySite.snapshot(of: site.output)
            let expected = try TemporarySite.snapshot(of: clean)
            #expect(built.keys.sorted() == expected.keys.sorted(), comment, sourceLocation: sourceLocation)
            let differing = expected.keys.sorted().filter { built[$0] != expected[$0] }
            #expect(differing == [], comment, sourceLocation: sourceLocation)
            return cached
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appending(path: path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            precondition(changed != text, "edit of \(path) changed nothing")
            try site.write(path, changed)
        }

        func move(_ path: String, to destination: String) throws {
            try FileManager.default.moveItem(at: root.appending(path: path), to: root.appending(path: destination))
        }
    }

    typealias SourceLocation = Testing.SourceLocation

    static let playbook = "content/playbooks/engagement/risk-escalation.md"

    @Test("the site does not depend on how many threads build it")
    func threadCountIndependence() throws {
        let workspace = try Workspace()
        let one = workspace.site.folder.appending(path: "one", directoryHint: .isDirectory)
        let many = workspace.site.folder.appending(path: "many", directoryHint: .isDirectory)
        _ = try workspace.builder(output: one, cache: false, workers: 1).build()
        _ = try workspace.builder(output: many, cache: false, workers: 7).build()
        let single = try TemporarySite.snapshot(of: one)
        let parallel = try TemporarySite.snapshot(of: many)
        #expect(single.count > 150)
        #expect(single.keys.sorted() == parallel.keys.sorted())
        #expect(single.keys.sorted().filter { single[$0] != parallel[$0] } == [])
    }

    @Test("a second build with nothing changed says the site is up to date and leaves it as it was")
    func noChange() throws {
        let workspace = try Workspace()
        let first = try workspace.builder().build()
        #expect(!first.upToDate)
        #expect(first.pagesReused == 0)
        #expect(first.pagesWritten == first.pageCount)
        let identity = FileIdentity(of: workspace.site.output)
        let before = try TemporarySite.snapshot(of: workspace.site.output)

        let second = try workspace.builder().build()
        #expect(second.upToDate)
        #expect(second.pagesWritten == 0)
        #expect(second.pageCount == first.pageCount)
        #expect(second.diagnostics == first.diagnostics)
        #expect(FileIdentity(of: workspace.site.output) == identity)
        #expect(try TemporarySite.snapshot(of: workspace.site.output) == before)
    }

    @Test("a playbook's body changed: only its page and the print page are rendered again")
    func playbookBody() throws {
        let workspace = try Workspace()
        let first = try workspace.builder().build()
        try workspace.edit(Self.playbook) { $0 + "\nOne more sentence about escalation.\n" }
        let result = try workspace.buildAndCompare()
        #expect(result.pagesWritten == 2)
        #expect(result.pagesReused == first.pageCount - 2)
        #expect(try workspace.site.outputText("playbooks/engagement/risk-escalation.html").contains("One more sentence about escalation."))
    }

    /// The file number of every file Charter writes from memory that is not a page (the
    /// `.charter-site` marker is the staging folder's own, made with it).
    static func otherFiles(of folder: URL) throws -> [String: Int] {
        try TemporarySite.snapshot(of: folder).keys.filter { !$0.hasSuffix(".html") && $0 != ".charter-site" }.reduce(into: [:]) { numbers, path in
            numbers[path] = try FileManager.default.attributesOfItem(atPath: folder.appending(path: path).path)[.systemFileNumber] as? Int
        }
    }

    @Test("the search index, sitemap and assets: a file whose bytes did not change is linked from the published site, the others written")
    func otherFilesReused() throws {
        let workspace = try Workspace()
        _ = try workspace.builder().build()
        let before = try TemporarySite.snapshot(of: workspace.site.output)
        let numbers = try Self.otherFiles(of: workspace.site.output)
        try workspace.edit(Self.playbook) { $0 + "\nA quillwort sentence for the search index.\n" }
        try workspace.buildAndCompare()
        let after = try TemporarySite.snapshot(of: workspace.site.output)
        let linked = try Self.otherFiles(of: workspace.site.output).filter { numbers[$0.key] == $0.value }.keys.sorted()
        let unchanged = numbers.keys.filter { before[$0] == after[$0] }.sorted()
        #expect(linked == unchanged)
        // The new word is in a term shard and the page's entry file, which were written anew; the
        // theme's assets and most of the index were not.
        #expect(numbers.count - unchanged.count >= 2)
        #expect(unchanged.contains("assets/search.js"))
        #expect(unchanged.count(where: { $0.hasPrefix("search/") }) > numbers.keys.count(where: { $0.hasPrefix("search/") }) / 2)
    }

    @Test("a playbook's title changed: the pages that show it are rendered again, not the rest")
    func playbookTitle() throws {
        let workspace = try Workspace()
        let first = try workspace.builder().build()
        try workspace.edit(Self.playbook) { $0.replacingOccurrences(of: "title: Escalating a community risk", with: "title: Raising a community risk") }
        let result = try workspace.buildAndCompare()
        #expect(result.pagesWritten > 2)
        #expect(result.pagesWritten < first.pageCount / 2)
    }

    @Test("front matter changed: the playbook, its strategy's and owner's pages follow")
    func frontMatter() throws {
        let workspace = try Workspace()
        let first = try workspace.builder().build()
        try workspace.edit(Self.playbook) { $0.replacingOccurrences(of: "owner: community-hub", with: "owner: customer-care") }
        let result = try workspace.buildAndCompare()
        #expect(result.pagesWritten > 2)
        #expect(result.pagesWritten < first.pageCount / 2)
    }

    @Test("a strategy or a team changed: its pages and the pages that show it are rendered again")
    func strategyAndTeam() throws {
        let workspace = try Workspace()
        let first = try workspace.builder().build()
        try workspace.edit("content/strategies/storm-ready.yaml") { $0 + "\n# a comment changes the file, not the model\n" }
        let comment = try workspace.buildAndCompare()
        #expect(!comment.upToDate)
        #expect(comment.pagesWritten == 0)
        try workspace.edit("content/teams/compliance.yaml") { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.map { $0.hasPrefix("name:") ? "name: Compliance and Risk" : String($0) }.joined(separator: "\n")
        }
        let team = try workspace.buildAndCompare()
        #expect(team.pagesWritten > 1)
        #expect(team.pagesWritten < first.pageCount)
    }

    @Test("templates, model files, configuration: every page is rendered again", arguments: ["template", "model", "configuration"])
    func everything(change: String) throws {
        let workspace = try Workspace()
        let first = try workspace.builder().build()
        switch change {
        case "template":
            let embedded = try #require(DefaultTemplates.files["partials/footer.mustache"])
            let footer = String(decoding: embedded.data, as: UTF8.self)
            try workspace.site.write("Templates/partials/footer.mustache", footer + "<!-- site footer -->\n")
        case "model":
            try workspace.site.write("model/focus-areas.yaml", "focus_areas:\n  - id: pricing\n    name: Pricing\n    summary: How we price cover.\n")
        default:
            try workspace.edit("charter.yaml") { $0.replacingOccurrences(of: "language: en-GB", with: "language: en") }
        }
        let result = try workspace.buildAndCompare()
        #expect(result.pagesReused == 0)
        #expect(result.pagesWritten >= first.pageCount - 1)
    }

    @Test("a different Charter (version or binary) never reuses the cache")
    func charterVersion() throws {
        let workspace = try Workspace()
        let builder = workspace.builder()
        _ = try builder.build()
        let location = BuildCache.location(root: OutputLocation.canonical(workspace.root), output: OutputLocation.canonical(workspace.site.output))
        var cache = try #require(Data(contentsOf: location).withUnsafeBytes { BuildCache.decode($0) })
        // As if the cache had been written by another version: its key no longer matches.
        cache.key = "another-version"
        cache.save(root: OutputLocation.canonical(workspace.root))
        let result = try builder.build()
        #expect(!result.upToDate)
        #expect(result.pagesReused == 0)
    }

    @Test("deleted, added and renamed playbooks")
    func deleteAddRename() throws {
        let workspace = try Workspace()
        // Deleting a playbook breaks the links to it; the site is written all the same.
        workspace.allowErrors = true
        _ = try workspace.builder().build()
        try FileManager.default.removeItem(at: workspace.root.appending(path: "content/playbooks/engagement/wording-lab.md"))
        var result = try workspace.buildAndCompare("deleted")
        #expect(!result.paths.contains("playbooks/engagement/wording-lab.html"))
        try workspace.site.write("content/playbooks/engagement/new-page.md", "# A new page\n\nLinks to [the escalation playbook](risk-escalation.md).\n")
        result = try workspace.buildAndCompare("added")
        #expect(result.paths.contains("playbooks/engagement/new-page.html"))
        try workspace.move("content/playbooks/engagement/new-page.md", to: "content/playbooks/presence/moved-page.md")
        try workspace.edit("content/playbooks/presence/moved-page.md") { $0.replacingOccurrences(of: "(risk-escalation.md)", with: "(../engagement/risk-escalation.md)") }
        result = try workspace.buildAndCompare("renamed")
        #expect(result.paths.contains("playbooks/presence/moved-page.html"))
        #expect(!result.paths.contains("playbooks/engagement/new-page.html"))
    }

    @Test("random sequences of edits, adds, deletes and renames, each compared with a clean build", arguments: [1, 2, 3, 4] as [UInt64])
    func randomEdits(seed: UInt64) throws {
        let workspace = try Workspace()
        // Renames and deletions break links: the site is written all the same, and compared.
        workspace.allowErrors = true
        var random = SeededRandom(seed: seed)
        let folder = workspace.root.appending(path: "content/playbooks")
        func playbooks() throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted()
        }
        _ = try workspace.builder().build()
        for step in 0..<6 {
            let pages = try playbooks()
            let page = "content/playbooks/" + pages[Int(random.next() % UInt64(pages.count))]
            switch random.next() % 6 {
            case 0: try workspace.edit(page) { $0 + "\nEdited in step \(step).\n" }
            case 1: try workspace.edit(page) { $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Step \(step) ", options: [], range: nil) + "\n" }
            case 2: try FileManager.default.removeItem(at: workspace.root.appending(path: page))
            case 3: try workspace.site.write("content/playbooks/added-\(step).md", "# Added in step \(step)\n\nSee [the playbooks](README.md).\n")
            case 4:
                let moved = "content/playbooks/" + ContentPaths.fileName(of: page).replacingOccurrences(of: ".md", with: "-\(step).md")
                try workspace.move(page, to: moved)
            default:
                try workspace.edit("content/strategies/customer-community.yaml") { $0 + "\n# step \(step)\n" }
            }
            let result = try workspace.buildAndCompare("seed \(seed), step \(step)")
            #expect(result.outputDirectory != nil)
        }
    }

    @Test("a page whose link target moved is rendered again from its Markdown, with the broken link reported")
    func linkTargetMoved() throws {
        let workspace = try Workspace()
        workspace.allowErrors = true
        _ = try workspace.builder().build()
        // risk-escalation.md links to community-engagement.md; that page moves away.
        try workspace.move("content/playbooks/engagement/community-engagement.md", to: "content/playbooks/presence/community-engagement.md")
        let moved = try workspace.buildAndCompare("moved")
        #expect(moved.diagnostics.contains { $0.code == .brokenLink && $0.location.path == Self.playbook })
        // And back: the stored rendering of the original text is good again.
        try workspace.move("content/playbooks/presence/community-engagement.md", to: "content/playbooks/engagement/community-engagement.md")
        let back = try workspace.buildAndCompare("moved back")
        #expect(!back.diagnostics.contains { $0.code == .brokenLink })
    }

    @Test("a link into an unchanged page is checked against that page's ids, remembered or reread")
    func anchorsIntoReusedPages() throws {
        let workspace = try Workspace()
        workspace.allowErrors = true
        _ = try workspace.builder().build()
        try workspace.edit(Self.playbook) {
            $0.replacingOccurrences(of: "community-engagement.md#the-monthly-review)", with: "community-engagement.md#the-monthly-reviews)")
        }
        let broken = try workspace.buildAndCompare("anchor broken")
        #expect(broken.diagnostics.filter { $0.code == .brokenAnchor }.map(\.location.path) == [Self.playbook])
        // community-engagement.html was not rendered again: its ids came from the cache.
        #expect(broken.pagesReused > 0)
        try workspace.edit(Self.playbook) {
            $0.replacingOccurrences(of: "#the-monthly-reviews)", with: "#the-monthly-review)")
        }
        let fixed = try workspace.buildAndCompare("anchor fixed")
        #expect(!fixed.diagnostics.contains { $0.code == .brokenAnchor })
    }

    @Test("a cache that is damaged, or describes another site, is ignored and the build is complete")
    func damagedCache() throws {
        let workspace = try Workspace()
        _ = try workspace.builder().build()
        let location = BuildCache.location(root: OutputLocation.canonical(workspace.root), output: OutputLocation.canonical(workspace.site.output))
        try Data("CHARTER-BUILD-CACHE 4\n{ not a cache".utf8).write(to: location)
        try workspace.edit(Self.playbook) { $0 + "\nAfter the damage.\n" }
        var result = try workspace.buildAndCompare("damaged")
        #expect(result.pagesReused == 0)

        // A build killed after saving its cache but before swapping its site in: the cache
        // names a folder that is not the published site, so it is not trusted.
        var cache = try #require(Data(contentsOf: location).withUnsafeBytes { BuildCache.decode($0) })
        cache.site = FileIdentity(of: workspace.site.folder)!
        cache.save(root: OutputLocation.canonical(workspace.root))
        try workspace.edit(Self.playbook) { $0 + "\nAfter the kill.\n" }
        result = try workspace.buildAndCompare("killed before the swap")
        #expect(result.pagesReused == 0)
        // And the cache is usable again afterwards.
        try workspace.edit(Self.playbook) { $0 + "\nOnce more.\n" }
        result = try workspace.buildAndCompare("after recovery")
        #expect(result.pagesWritten == 2)
    }

    @Test("a build killed at any moment leaves the old site or the new one, complete, and a cache the next build can use")
    func killedBuilds() throws {
        let workspace = try Workspace()
        let binary = try #require(CharterProcess.executable, "build the charter product before the tests")
        let arguments = ["build", "--root", workspace.root.path, "--out", workspace.site.output.path, "--today", "2026-11-23"]
        #expect(try CharterProcess.run(arguments).status == 0)
        var published = try TemporarySite.snapshot(of: workspace.site.output)
        let clean = workspace.site.folder.appending(path: "clean", directoryHint: .isDirectory)
        // Kills spread over the whole build: loading, rendering, writing, the swap.
        for (round, delay) in [0.0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.9].enumerated() {
            try workspace.edit(Self.playbook) { $0 + "\nKill round \(round).\n" }
            try? FileManager.default.removeItem(at: clean)
            _ = try workspace.builder(output: clean, cache: false).build()
            let expected = try TemporarySite.snapshot(of: clean)

            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.environment = TestDay.environment(TestDay.example)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let after = try TemporarySite.snapshot(of: workspace.site.output)
            #expect(after == published || after == expected, "round \(round): the site is neither the old one nor the new one")
            // The next build recovers, whatever the kill left in the cache.
            #expect(try CharterProcess.run(arguments).status == 0)
            published = try TemporarySite.snapshot(of: workspace.site.output)
            #expect(published == expected, "round \(round): the build after the kill differs from a clean build")
            #expect(StagedSite.leftovers(next: workspace.site.output) == [], "round \(round): the kill left a staging folder behind")
        }
    }

    @Test("the cache file holds exactly what was saved; a file cut short, or of another format, is none; the JSON file of older versions goes")
    func cacheFile() throws {
        let workspace = try Workspace()
        let root = OutputLocation.canonical(workspace.root)
        let output = OutputLocation.canonical(workspace.site.output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let cache = BuildCache(
            key: "key", inputs: "inputs", site: try #require(FileIdentity(of: output)), output: output.path,
            pages: ["a.html": .init(fingerprint: "f1", size: 10, ids: ["one", "two"]), "b/c.html": .init(fingerprint: "f2", size: 0, ids: nil),
                    "d.html": .init(fingerprint: "f3", size: 7, ids: [])],
            files: ["search/meta.js": .init(hash: "h", size: 3)],
            diagnostics: [Diagnostic(.brokenLink, "a link to nowhere", at: CharterKit.SourceLocation(path: "content/a.md", line: 3, column: 5))],
            pageCount: 3)
        let location = BuildCache.location(root: root, output: output)
        let older = location.deletingPathExtension().appendingPathExtension("json")
        try FileManager.default.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: older)
        cache.save(root: root)
        #expect(!FileManager.default.fileExists(atPath: older.path))
        #expect(BuildCache.load(root: root, key: "key", output: output) == cache)
        #expect(BuildCache.load(root: root, key: "another key", output: output) == nil)
        let bytes = try Data(contentsOf: location)
        for cut in [bytes.count - 1, bytes.count / 2, 10] {
            #expect(bytes.prefix(cut).withUnsafeBytes { BuildCache.decode($0) } == nil, "cut at \(cut)")
        }
        var otherFormat = bytes
        otherFormat[otherFormat.startIndex + "CHARTER-BUILD-CACHE ".utf8.count] = UInt8(ascii: "3")
        #expect(otherFormat.withUnsafeBytes { BuildCache.decode($0) } == nil)
    }

    @Test("--no-cache removes the cache and builds everything")
    func noCache() throws {
        let workspace = try Workspace()
        _ = try workspace.builder().build()
        let location = BuildCache.location(root: OutputLocation.canonical(workspace.root), output: OutputLocation.canonical(workspace.site.output))
        #expect(FileManager.default.fileExists(atPath: location.path))
        let result = try workspace.builder(cache: false).build()
        #expect(result.pagesReused == 0)
        #expect(!FileManager.default.fileExists(atPath: location.path))
        // The cache folder is never published, and never read as content.
        #expect(try TemporarySite.snapshot(of: workspace.site.output).keys.filter { $0.contains("charter-cache") } == [])
    }
}

/// A small deterministic generator (SplitMix64), so a failing sequence can be replayed.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
