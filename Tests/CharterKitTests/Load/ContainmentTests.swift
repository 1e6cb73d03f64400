import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import CharterKit

/// Nothing from outside the site's root is read or published, whatever a contributor links to,
/// and nothing in the site's folder can make a build hang.
@Suite struct ContainmentTests {
    static let secret = "TOPSECRET-4d1c"

    /// A site beside an `outside/` folder holding secrets of every kind a link could reach.
    static func siteWithOutside() throws -> TemporarySite {
        let site = try TemporarySite([
            "content/index.md": "# Home\n\n[real](real.md)\n",
            "content/real.md": "# Real page\n\nInside the site.\n",
            "library/shared.md": "# Shared\n\nKept beside the content.\n",
        ])
        let outside = site.folder.appending(path: "outside", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        for name in ["secret.md", "secret.yaml", "secret.mustache", "secret.png", "secret.css"] {
            try Data("# \(secret)\ntitle: \(secret)\n".utf8).write(to: outside.appending(path: name))
        }
        return site
    }

    static func link(_ path: String, to target: String, in site: TemporarySite) throws {
        let url = site.root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Runs `body` on another thread and fails, instead of hanging the suite, if it takes longer than `seconds`.
    static func finishes<T: Sendable>(within seconds: Int, _ body: @escaping @Sendable () throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultHolder<T>()
        Thread.detachNewThread {
            box.set(Result { try body() })
            done.signal()
        }
        guard done.wait(timeout: .now() + .seconds(seconds)) == .success else {
            Issue.record("did not finish within \(seconds) s")
            throw CancellationError()
        }
        return try box.get()
    }

    @Test("links out of the root (a file, a folder, inside a linked folder, in Templates/ and model/, an asset, charter.yaml) are CH006 at the link and publish nothing")
    func outsideLinks() throws {
        let site = try Self.siteWithOutside()
        let outside = site.folder.appending(path: "outside").path
        try Self.link("content/playbooks/notes.md", to: "\(outside)/secret.md", in: site)
        try Self.link("content/assets", to: outside, in: site)
        try Self.link("content/logo.png", to: "../../outside/secret.png", in: site)
        try Self.link("library/leak.md", to: "\(outside)/secret.md", in: site)
        try Self.link("content/shared", to: "../library", in: site)
        try Self.link("Templates/page.mustache", to: "\(outside)/secret.mustache", in: site)
        try Self.link("Templates/theme", to: outside, in: site)
        try Self.link("model/stages.yaml", to: "\(outside)/secret.yaml", in: site)
        try Self.link("charter.yaml", to: "\(outside)/secret.yaml", in: site)

        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        let result = try builder.build()
        #expect(located(result.diagnostics.filter { $0.code == .outsideRoot }) == [
            "CH006 error Templates/page.mustache:1:1",
            "CH006 error Templates/theme:1:1",
            "CH006 error charter.yaml:1:1",
            "CH006 error content/assets:1:1",
            "CH006 error content/logo.png:1:1",
            "CH006 error content/playbooks/notes.md:1:1",
            "CH006 error content/shared/leak.md:1:1",
            "CH006 error model/stages.yaml:1:1",
        ])
        #expect(result.diagnostics.filter { $0.code == .outsideRoot }.allSatisfy { $0.message.contains("/outside") })
        let published = try TemporarySite.snapshot(of: site.output)
        // The link inside the root is followed: its folder's page is published.
        #expect(published["shared/shared.html"] != nil)
        #expect(published["real.html"] != nil)
        // Charter's own theme is published under assets/; nothing of the linked folder is.
        for name in ["playbooks/notes.html", "logo.png", "assets/secret", "shared/leak.html"] {
            #expect(published.keys.allSatisfy { !$0.hasPrefix(name) }, "\(name) was published")
        }
        for (path, data) in published {
            #expect(data.range(of: Data(Self.secret.utf8)) == nil, "\(path) holds bytes from outside the root")
        }
        #expect(result.sources.values.allSatisfy { !$0.text.contains(Self.secret) })
    }

    @Test("a folder beside the root whose name starts with the root's (site-private beside site) is outside it too")
    func siblingWithTheRootsName() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n"])
        let sibling = site.folder.appending(path: "site-private", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: sibling, withIntermediateDirectories: true)
        try Data("# \(Self.secret)\n".utf8).write(to: sibling.appending(path: "secret.md"))
        try Self.link("content/private.md", to: "../../site-private/secret.md", in: site)
        try Self.link("content/private", to: sibling.path, in: site)
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        let result = try builder.build()
        #expect(located(result.diagnostics) == ["CH006 error content/private:1:1", "CH006 error content/private.md:1:1"])
        for (path, data) in try TemporarySite.snapshot(of: site.output) {
            #expect(data.range(of: Data(Self.secret.utf8)) == nil, "\(path) holds bytes from outside the root")
        }
    }

    @Test("Markdown links and images to a refused link or out of the root are CH301 and reach nothing on disk")
    func markdownLinksOut() throws {
        let site = try Self.siteWithOutside()
        try site.write("content/index.md", "# Home\n\n![logo](logo.png)\n\n[up](../../outside/secret.md)\n\n![abs](/etc/passwd)\n")
        try Self.link("content/logo.png", to: site.folder.appending(path: "outside/secret.png").path, in: site)
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        let result = try builder.build()
        #expect(located(result.diagnostics) == [
            "CH301 error content/index.md:3:1",
            "CH301 error content/index.md:5:1",
            "CH301 error content/index.md:7:1",
            "CH006 error content/logo.png:1:1",
        ])
        for (path, data) in try TemporarySite.snapshot(of: site.output) {
            #expect(data.range(of: Data(Self.secret.utf8)) == nil, "\(path) holds bytes from outside the root")
            #expect(data.range(of: Data("root:x:0".utf8)) == nil, "\(path) holds /etc/passwd")
        }
    }

    @Test("a link inside the root is read through: a file link and a folder link publish their targets' content")
    func insideLinks() throws {
        let site = try TemporarySite([
            "content/index.md": "# Home\n",
            "content/guides/original.md": "# Original\n\nThe words.\n",
        ])
        try Self.link("content/alias.md", to: "guides/original.md", in: site)
        try Self.link("content/mirror", to: "guides", in: site)
        let result = try site.build()
        #expect(located(result.diagnostics) == [])
        #expect(try site.outputText("alias.html").contains("The words."))
        #expect(try site.outputText("mirror/original.html").contains("The words."))
    }

    @Test("symbolic link loops are CH007 at the link, and the build finishes")
    func loops() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n", "content/guides/a.md": "# A\n"])
        try Self.link("content/self.md", to: "self.md", in: site)
        try Self.link("content/ping.md", to: "pong.md", in: site)
        try Self.link("content/pong.md", to: "ping.md", in: site)
        try Self.link("content/guides/up", to: "..", in: site)
        try Self.link("content/guides/here", to: ".", in: site)
        try Self.link("content/everything", to: "..", in: site)
        let root = site.root
        let result = try Self.finishes(within: 60) { try SiteBuilder.pinned(root: root).check() }
        #expect(located(result.diagnostics) == [
            "CH007 error content/everything:1:1",
            "CH007 error content/guides/here:1:1",
            "CH007 error content/guides/up:1:1",
            "CH007 error content/ping.md:1:1",
            "CH007 error content/pong.md:1:1",
            "CH007 error content/self.md:1:1",
        ])
    }

    @Test("a link to nothing is a CH008 warning at the link")
    func danglingLink() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n"])
        try Self.link("content/gone.md", to: "removed.md", in: site)
        let result = try SiteBuilder.pinned(root: site.root).check()
        #expect(located(result.diagnostics) == ["CH008 warning content/gone.md:1:1"])
    }

    @Test("FIFOs in content, Templates/, model/ and as charter.yaml are CH009 warnings and never block the build")
    func fifos() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n"])
        try FileManager.default.createDirectory(at: site.root.appending(path: "Templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.root.appending(path: "model"), withIntermediateDirectories: true)
        for path in ["content/pipe.md", "content/strategies/pipe.yaml", "content/stream.bin", "Templates/page.mustache", "model/stages.yaml", "charter.yaml"] {
            let url = site.root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(mkfifo(url.path, 0o644) == 0)
        }
        // A link to a FIFO inside the root is no way around it.
        try Self.link("content/linked.md", to: "pipe.md", in: site)
        let (root, output) = (site.root, site.output)
        let result = try Self.finishes(within: 60) { () -> BuildResult in
            var builder = SiteBuilder.pinned(root: root, output: output)
            builder.allowErrors = true
            return try builder.build()
        }
        #expect(located(result.diagnostics) == [
            "CH009 warning Templates/page.mustache:1:1",
            "CH009 warning charter.yaml:1:1",
            "CH009 warning content/linked.md:1:1",
            "CH009 warning content/pipe.md:1:1",
            "CH009 warning content/strategies/pipe.yaml:1:1",
            "CH009 warning content/stream.bin:1:1",
            "CH009 warning model/stages.yaml:1:1",
        ])
        #expect(result.diagnostics.first { $0.location.path == "content/pipe.md" }?.message
            == "a FIFO (named pipe), not a regular file; it is skipped without being opened")
        #expect(try site.outputText("index.html").contains("Home"))
    }

    @Test("the file reader refuses a FIFO without blocking, even when handed one directly")
    func readerNeverBlocksOnFIFO() throws {
        let site = try TemporarySite()
        let path = site.folder.appending(path: "pipe").path
        #expect(mkfifo(path, 0o644) == 0)
        let result = try Self.finishes(within: 10) { RegularFileReader.read(path) }
        #expect(result == .failure(.notRegular))
    }
}

/// A result handed from one thread to another.
final class ResultHolder<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) { lock.withLock { self.result = result } }

    func get() throws -> T {
        guard let result = lock.withLock({ result }) else { throw CancellationError() }
        return try result.get()
    }
}
