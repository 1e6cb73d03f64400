import Foundation
import Testing
@testable import CharterServe

/// The watcher, with each backend: it reports every change a build would see, and nothing else.
/// Each check waits for a report (with a generous limit), never for a fixed time.
@Suite struct SiteWatcherTests {
    static let backends: [SiteWatcher.Backend] = [.inotify, .polling(interval: .milliseconds(40))]

    final class Watched {
        let site: TemporarySite
        let reported = Shared(Set<String>())
        let watcher: SiteWatcher

        init(backend: SiteWatcher.Backend, files: [String: String]) throws {
            site = try TemporarySite(files)
            let reported = reported
            watcher = SiteWatcher(root: site.root, backend: backend) { paths in reported.update { $0.formUnion(paths) } }
            watcher.start()
        }

        deinit { watcher.stop() }

        var root: URL { site.root }

        /// Waits until `path` is reported, then forgets what was reported so far.
        func expectReported(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let seen = eventually { reported.current.contains(path) }
            #expect(seen, "\(path) was not reported; reported: \(reported.current.sorted())", sourceLocation: sourceLocation)
            reported.update { $0 = [] }
        }

        /// Changes a file that is watched and waits for it: whatever was reported before then and
        /// is not in `allowed` was reported wrongly. Events arrive in order, so everything written
        /// before the sentinel has been seen by then; `allowed` holds the files changed earlier,
        /// which may be reported twice (at a write's first byte and at its close).
        func expectOnly(_ allowed: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) throws {
            try site.write("content/sentinel.md", "# Sentinel \(UUID())\n")
            #expect(eventually { reported.current.contains("content/sentinel.md") }, sourceLocation: sourceLocation)
            let unexpected = reported.current.subtracting(allowed.union(["content/sentinel.md"]))
            #expect(unexpected.isEmpty, "reported: \(unexpected.sorted())", sourceLocation: sourceLocation)
            reported.update { $0 = [] }
        }

        func move(_ from: String, _ to: String) throws {
            let target = root.appending(path: to)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(rename(root.appending(path: from).path, target.path) == 0)
        }
    }

    static let files = [
        "charter.yaml": "title: Watched\n",
        "content/index.md": "# Home\n",
        "content/guides/a.md": "# A\n",
        "README.md": "# Not content: the site has a content folder\n",
    ]

    @Test("edits, new files and folders, deletions and renames are reported", arguments: backends)
    func changes(backend: SiteWatcher.Backend) throws {
        let watched = try Watched(backend: backend, files: Self.files)
        try watched.site.write("content/guides/a.md", "# A, edited\n")
        watched.expectReported("content/guides/a.md")

        try watched.site.write("content/guides/b.md", "# B\n")
        watched.expectReported("content/guides/b.md")

        try FileManager.default.removeItem(at: watched.root.appending(path: "content/guides/b.md"))
        watched.expectReported("content/guides/b.md")

        try watched.move("content/guides/a.md", "content/guides/renamed.md")
        let both = eventually { watched.reported.current.isSuperset(of: ["content/guides/a.md", "content/guides/renamed.md"]) }
        #expect(both, "reported: \(watched.reported.current.sorted())")
        watched.reported.update { $0 = [] }

        try watched.site.write("charter.yaml", "title: Watched again\n")
        watched.expectReported("charter.yaml")
    }

    @Test("a save through a hidden temporary file and a rename is reported under the real name", arguments: backends)
    func editorSave(backend: SiteWatcher.Backend) throws {
        let watched = try Watched(backend: backend, files: Self.files)
        try watched.site.write("content/.index.md.swp", "swap")
        try watched.site.write("content/.index.md.tmp", "# Home, saved atomically\n")
        try watched.move("content/.index.md.tmp", "content/index.md")
        watched.expectReported("content/index.md")
        try watched.expectOnly(["content/index.md"])
    }

    @Test("folders made, filled, renamed and removed after the start are followed", arguments: backends)
    func newFolders(backend: SiteWatcher.Backend) throws {
        let watched = try Watched(backend: backend, files: Self.files)
        try FileManager.default.createDirectory(at: watched.root.appending(path: "content/new/deeper"), withIntermediateDirectories: true)
        #expect(eventually { watched.reported.current.contains("content/new") })
        // Written once the folder is known, so the change inside it must be seen by itself.
        try watched.site.write("content/new/deeper/page.md", "# Page\n")
        watched.expectReported("content/new/deeper/page.md")

        try watched.move("content/new", "content/moved")
        #expect(eventually { watched.reported.current.isSuperset(of: ["content/new", "content/moved"]) })
        watched.reported.update { $0 = [] }
        try watched.site.write("content/moved/deeper/page.md", "# Page, edited in its new place\n")
        watched.expectReported("content/moved/deeper/page.md")

        try FileManager.default.removeItem(at: watched.root.appending(path: "content/moved"))
        #expect(eventually { watched.reported.current.contains("content/moved") || watched.reported.current.contains("content/moved/deeper/page.md") })
        watched.reported.update { $0 = [] }

        // Templates/, model/ and i18n/ did not exist when the watcher started.
        try watched.site.write("Templates/partials/footer.mustache", "<footer>new</footer>\n")
        #expect(eventually { watched.reported.current.contains { $0.hasPrefix("Templates") } })
        watched.reported.update { $0 = [] }
        try watched.site.write("Templates/partials/footer.mustache", "<footer>newer</footer>\n")
        watched.expectReported("Templates/partials/footer.mustache")
        try watched.site.write("model/stages.yaml", "stages: []\n")
        #expect(eventually { watched.reported.current.contains { $0.hasPrefix("model") } })
        watched.reported.update { $0 = [] }
        // A site's translation changes the words of every page.
        try watched.site.write("i18n/de.yaml", "messages: {}\n")
        #expect(eventually { watched.reported.current.contains { $0.hasPrefix("i18n") } })
        watched.reported.update { $0 = [] }
    }

    @Test("files no build reads are not reported", arguments: backends)
    func ignored(backend: SiteWatcher.Backend) throws {
        let watched = try Watched(backend: backend, files: Self.files)
        try watched.site.write("README.md", "# Still not content\n")
        try watched.site.write("_site/index.html", "<p>built</p>")
        try watched.site.write(".charter-cache/serve-site/index.html", "<p>served</p>")
        try watched.site.write(".git/HEAD", "ref: refs/heads/main\n")
        try watched.site.write("content/.hidden.md", "# Hidden\n")
        try watched.site.write("notes/todo.md", "# Not content\n")
        try watched.expectOnly([])
    }

    @Test("without a content folder the root is the content, but _site and hidden folders are not", arguments: backends)
    func rootAsContent(backend: SiteWatcher.Backend) throws {
        let watched = try Watched(backend: backend, files: ["index.md": "# Home\n", "guides/a.md": "# A\n"])
        try watched.site.write("guides/a.md", "# A, edited\n")
        watched.expectReported("guides/a.md")
        try watched.site.write("_site/index.html", "<p>built</p>")
        try watched.site.write(".charter-cache/serve-site/index.html", "<p>served</p>")
        try watched.site.write("index.md", "# Home, edited\n")
        #expect(eventually { watched.reported.current.contains("index.md") })
        // Events arrive in order: once index.md is reported, the writes before it have been seen.
        // (guides/a.md may come again: a write can be reported at its first byte and at its close.)
        #expect(watched.reported.current.subtracting(["index.md", "guides/a.md"]).isEmpty, "reported: \(watched.reported.current.sorted())")
    }

    @Test("inotify is used on Linux")
    func backend() throws {
        let watched = try Watched(backend: .inotify, files: Self.files)
        #if os(Linux)
        #expect(watched.watcher.backend == .inotify)
        #else
        #expect(watched.watcher.backend != nil)
        #endif
    }
}
