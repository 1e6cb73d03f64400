import Foundation
import Testing
@testable import CharterKit
@testable import CharterServe

/// The preview's rebuild loop: after any sequence of edits, once it has caught up, the site it
/// serves is byte for byte what a fresh `build` of the same files writes.
@Suite struct LivePreviewTests {
    /// A copy of the `basic` fixture with a preview running on it.
    final class Session {
        let site: TemporarySite
        let preview: LivePreview
        let builds = Shared(0)

        init(watcher: SiteWatcher.Backend = .inotify) throws {
            site = try TemporarySite()
            try FileManager.default.copyItem(at: FixtureSite.basic, to: site.root)
            try? FileManager.default.removeItem(at: site.root.appending(path: ".charter-cache"))
            var options = LivePreview.Options(root: site.root)
            options.today = FixtureSite.today
            options.watcher = watcher
            options.workers = 2
            preview = LivePreview(options: options)
            let builds = builds
            preview.onBuild = { _ in builds.update { $0 += 1 } }
            preview.prepare()
            preview.start()
        }

        deinit { preview.stop() }

        var root: URL { site.root }

        /// A fresh build of the files as they are now, from scratch, into a folder of its own.
        func freshBuild() throws -> [String: Data] {
            let folder = site.folder.appending(path: "fresh-\(UUID().uuidString)", directoryHint: .isDirectory)
            defer { try? FileManager.default.removeItem(at: folder) }
            var builder = SiteBuilder.pinned(root: root, output: folder)
            builder.useCache = false
            builder.workers = 2
            let result = try builder.build()
            #expect(result.outputDirectory != nil, "the edits must leave a valid site: \(located(result.diagnostics))")
            return try TemporarySite.snapshot(of: folder)
        }

        /// Waits until the preview has built every change and serves `expected`; then checks
        /// the same through the responder, as a browser would get each file.
        func expectServed(_ expected: [String: Data], _ comment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            var last: [String: Data] = [:]
            let caughtUp = eventually {
                guard preview.isIdle else { return false }
                last = try TemporarySite.snapshot(of: preview.site)
                return last == expected && preview.isIdle
            }
            let missing = expected.keys.filter { last[$0] == nil }.sorted()
            let extra = last.keys.filter { expected[$0] == nil }.sorted()
            let differing = expected.keys.filter { last[$0] != nil && last[$0] != expected[$0] }.sorted()
            #expect(caughtUp, "\(comment): missing \(missing), extra \(extra), differing \(differing)", sourceLocation: sourceLocation)
            guard caughtUp else { return }

            let responder = preview.responder
            for (path, data) in expected where !path.hasPrefix(".") {
                let response = responder.respond(to: PreviewRequest(target: "/" + path.split(separator: "/").map {
                    String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
                }.joined(separator: "/")))
                #expect(response.status == 200, "\(comment): \(path)", sourceLocation: sourceLocation)
                let body = path.hasSuffix(".html") ? LiveReload.strip(response.body) : response.body
                #expect(body == data, "\(comment): \(path) served differs from the fresh build", sourceLocation: sourceLocation)
            }
        }

        func write(_ path: String, _ text: String, atomically: Bool) throws {
            if atomically {
                // As editors save: a hidden temporary file, renamed over the real one.
                let url = root.appending(path: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).\(UUID().uuidString.prefix(6)).tmp")
                try Data(text.utf8).write(to: temporary)
                #expect(rename(temporary.path, url.path) == 0)
            } else {
                try site.write(path, text)
            }
        }

        func read(_ path: String) throws -> String {
            try String(contentsOf: root.appending(path: path), encoding: .utf8)
        }
    }

    /// A small deterministic generator, so that a failing sequence can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Edit: CaseIterable {
        case changePlaybook, restorePlaybook, addPlaybook, deletePlaybook, renamePlaybook, changeStrategy, changeTemplate, changeStylesheet
    }

    static let words = ["harbour", "signal", "ledger", "compass", "tide", "beacon", "anchor", "current", "keel", "mast"]

    @Test("after random edits the served site equals a fresh build, byte for byte", arguments: [UInt64(11), 2026])
    func randomEdits(seed: UInt64) throws {
        let session = try Session()
        var random = SplitMix(state: seed)
        try session.expectServed(try session.freshBuild(), "the first build")

        var added: [String] = []
        var counter = 0
        let footer = try String(contentsOf: DefaultTemplatesTests.templatesFolder.appending(path: "partials/footer.mustache"), encoding: .utf8)
        let stylesheet = try String(contentsOf: DefaultTemplatesTests.templatesFolder.appending(path: "assets/charter.css"), encoding: .utf8)
        var log: [String] = []
        // Putting a page back as it was must give back its first rendering, not one remembered since.
        let escalation = try session.read("content/guides/escalation.md")

        for round in 1...6 {
            let count = Int.random(in: 1...4, using: &random)
            for _ in 0..<count {
                counter += 1
                let word = Self.words.randomElement(using: &random)! + "-\(counter)"
                let atomically = Bool.random(using: &random)
                var edit = Edit.allCases.randomElement(using: &random)!
                if added.isEmpty && (edit == .deletePlaybook || edit == .renamePlaybook) { edit = .addPlaybook }
                log.append("\(edit) \(word)")
                switch edit {
                case .changePlaybook:
                    let path = (["content/guides/escalation.md", "content/guides/listening-plan.md"] + added).randomElement(using: &random)!
                    try session.write(path, try session.read(path) + "\nA paragraph about the \(word).\n", atomically: atomically)
                case .restorePlaybook:
                    try session.write("content/guides/escalation.md", escalation, atomically: atomically)
                case .addPlaybook:
                    let folder = Bool.random(using: &random) ? "content/guides" : "content/more-\(counter % 3)"
                    let path = "\(folder)/\(word).md"
                    try session.write(path, "# The \(word)\n\nSee the [home page](../index.md) and the \(word).\n", atomically: atomically)
                    added.append(path)
                case .deletePlaybook:
                    let index = Int.random(in: 0..<added.count, using: &random)
                    try FileManager.default.removeItem(at: session.root.appending(path: added.remove(at: index)))
                case .renamePlaybook:
                    let index = Int.random(in: 0..<added.count, using: &random)
                    let old = added[index]
                    let new = "content/\(Bool.random(using: &random) ? "guides" : "renamed")/\(word).md"
                    try FileManager.default.createDirectory(
                        at: session.root.appending(path: new).deletingLastPathComponent(), withIntermediateDirectories: true)
                    #expect(rename(session.root.appending(path: old).path, session.root.appending(path: new).path) == 0)
                    added[index] = new
                case .changeStrategy:
                    let path = "content/strategies/community.yaml"
                    let text = try session.read(path)
                    let changed = text.replacingOccurrences(
                        of: #"(?m)^mission: .*$"#, with: "mission: Answers from people who have been there, like the \(word).",
                        options: .regularExpression)
                    try session.write(path, changed, atomically: atomically)
                case .changeTemplate:
                    try session.write("Templates/partials/footer.mustache", footer + "<!-- \(word) -->\n", atomically: atomically)
                case .changeStylesheet:
                    try session.write("Templates/assets/charter.css", stylesheet + "/* \(word) */\n", atomically: atomically)
                }
                if Bool.random(using: &random) { Thread.sleep(forTimeInterval: 0.03) }
            }
            try session.expectServed(try session.freshBuild(), "seed \(seed), round \(round): \(log.joined(separator: "; "))")
        }
        #expect(session.builds.current >= 2, "the edits were built as they came, not all at the end")
    }

    @Test("the polling watcher gives the same result")
    func polling() throws {
        let session = try Session(watcher: .polling(interval: .milliseconds(50)))
        #expect(session.preview.watcherBackend == .polling(interval: .milliseconds(50)))
        try session.write("content/guides/escalation.md", "# Escalating a risk\n\nPolled words.\n\nBack to [the plan](listening-plan.md).\n", atomically: true)
        try session.write("content/guides/new.md", "# New\n", atomically: false)
        try session.expectServed(try session.freshBuild(), "polling")
    }

    @Test("a stylesheet-only change is told as such; a page change as a reload; no change as nothing")
    func changeKinds() throws {
        let session = try Session()
        let stylesheet = try String(contentsOf: DefaultTemplatesTests.templatesFolder.appending(path: "assets/charter.css"), encoding: .utf8)
        session.preview.stop()

        try session.site.write("Templates/assets/charter.css", stylesheet + "/* changed */\n")
        let css = session.preview.rebuild(trigger: ["Templates/assets/charter.css"])
        #expect(css.change == .stylesheets(["assets/charter.css"]))

        try session.site.write("content/guides/escalation.md", "# Escalating a risk\n\nNew words.\n\nBack to [the plan](listening-plan.md).\n")
        let page = session.preview.rebuild(trigger: ["content/guides/escalation.md"])
        guard case .files(let paths) = page.change else {
            Issue.record("expected a reload, got \(page.change)")
            return
        }
        #expect(paths.contains("guides/escalation.html"))

        let none = session.preview.rebuild(trigger: [])
        #expect(none.change == .none)
        #expect(none.status.build == page.status.build, "the site version moves only when the site changes")
        #expect(page.status.build == css.status.build + 1)
    }

    @Test("errors keep the last good site and say why; fixing them clears the status")
    func errors() throws {
        let session = try Session()
        session.preview.stop()
        let good = try TemporarySite.snapshot(of: session.preview.site)
        let original = try session.read("content/guides/escalation.md")
        try session.site.write("content/guides/escalation.md", original + "\n[Nowhere](nowhere.md)\n")
        let broken = session.preview.rebuild(trigger: ["content/guides/escalation.md"])
        #expect(broken.status.state == .errors)
        #expect(broken.status.diagnostics.contains { $0.code == "CH301" && $0.location.path == "content/guides/escalation.md" && $0.severity == "error" })
        #expect(broken.status.title == "1 error: the site was not rebuilt")
        #expect(try TemporarySite.snapshot(of: session.preview.site) == good, "the last good site is still there")
        let json = try #require(try JSONSerialization.jsonObject(with: session.preview.status.json) as? [String: Any])
        #expect(json["state"] as? String == "errors")
        #expect((json["summary"] as? [String: Int])?["errors"] == 1)

        try session.site.write("content/guides/escalation.md", original)
        let fixed = session.preview.rebuild(trigger: ["content/guides/escalation.md"])
        #expect(fixed.status.state == .ok)
        #expect(!fixed.status.diagnostics.contains { $0.severity == "error" })
        #expect(fixed.change == .none, "back to the same files: the same site")
    }

    @Test("the preview never writes into the build output folder")
    func ownFolder() throws {
        let session = try Session()
        #expect(session.preview.site.path.hasSuffix(".charter-cache/serve-site"))
        #expect(!FileManager.default.fileExists(atPath: session.root.appending(path: "_site").path))
        #expect(FileManager.default.fileExists(atPath: session.preview.site.appending(path: "index.html").path))
        let index = try Data(contentsOf: session.preview.site.appending(path: "index.html"))
        #expect(!String(decoding: index, as: UTF8.self).contains("_charter"), "the files on disk have no reload snippet")
    }
}
