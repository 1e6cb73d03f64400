import Foundation
import Testing
@testable import CharterKit
@testable import CharterServe

/// `charter serve` over real sockets on free loopback ports: in this process through
/// `PreviewServer`, and as the command itself. Every wait polls with a generous limit; the
/// times are reported, never asserted.
@Suite(.serialized) struct ServeEndToEndTests {
    /// The `basic` fixture served by a `PreviewServer` on a free port.
    final class Served: @unchecked Sendable {
        let site: TemporarySite
        let preview: LivePreview
        let server: PreviewServer
        let task: Task<Void, any Error>
        let port: Int

        init() throws {
            site = try TemporarySite()
            try FileManager.default.copyItem(at: FixtureSite.basic, to: site.root)
            try? FileManager.default.removeItem(at: site.root.appending(path: ".charter-cache"))
            var options = LivePreview.Options(root: site.root)
            options.today = FixtureSite.today
            preview = LivePreview(options: options)
            preview.prepare()
            server = PreviewServer(preview: preview, host: "127.0.0.1", port: 0)
            let listening = Shared<Int?>(nil)
            task = Task { [server] in
                try await server.run(handlingSignals: false) { port in listening.update { $0 = port } }
            }
            #expect(eventually { listening.current != nil }, "the server did not start")
            port = try #require(listening.current)
        }

        /// Starts one on a thread of its own: the set-up blocks, and the server needs the
        /// cooperative threads free.
        static func start() async throws -> Served {
            try await offPool { try Served() }
        }

        func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> HTTPTestClient.Reply {
            try HTTPTestClient.request(port: port, target, method: method, headers: headers)
        }

        /// The same, from an async test, without holding a cooperative thread while the server answers.
        func fetch(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPTestClient.Reply {
            try await offPool { try self.get(target, method: method, headers: headers) }
        }

        func status() throws -> [String: Any] {
            let reply = try get("/_charter/status")
            return try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        }

        /// Stops the server and waits for it to finish.
        func stop() async throws {
            await server.shutdown()
            try await task.value
        }
    }

    @Test("edit, see it served and hear the reload; break it, see the errors and the old page; fix it; add and delete pages")
    func liveSession() async throws {
        let served = try await Served.start()
        let events = try EventStreamClient(port: served.port)
        defer { events.close() }
        let root = served.site.root

        let page = try await served.fetch("/guides/escalation.html")
        #expect(page.status == 200)
        #expect(page.text.contains("Escalating a risk"))
        #expect(page.text.contains("<script src=\"/_charter/live.js\" data-charter-build=\"\(served.preview.build)\"></script>"))
        #expect(await until { events.events.first?.name == "status" }, "a new page gets the status at once")
        #expect(events.headers["content-type"] == "text/event-stream; charset=utf-8")
        #expect(events.headers["cache-control"] == "no-cache")

        // An edit is served, and every open page is told to reload.
        let original = try String(contentsOf: root.appending(path: "content/guides/escalation.md"), encoding: .utf8)
        let start = ContinuousClock.now
        try served.site.write("content/guides/escalation.md", original + "\nFreshly edited words.\n")
        #expect(await until { try served.get("/guides/escalation.html").text.contains("Freshly edited words.") })
        print("serve: edit → new text over HTTP in \(ContinuousClock.now - start)")
        #expect(await until { events.events.contains { $0.name == "reload" } }, "events: \(events.events.map(\.name))")
        print("serve: edit → reload event in \(ContinuousClock.now - start)")
        let reload = try #require(events.events.first { $0.name == "reload" })
        #expect(reload.data.contains("guides/escalation.html"))

        // A broken edit: the last good page stays, the errors are in the status and sent to pages.
        try served.site.write("content/guides/escalation.md", original + "\nFreshly edited words.\n\n[Nowhere](nowhere.md)\n")
        #expect(await until { try served.status()["state"] as? String == "errors" })
        let status = try #require(try JSONSerialization.jsonObject(with: try await served.fetch("/_charter/status").body) as? [String: Any])
        let diagnostics = try #require(status["diagnostics"] as? [[String: Any]])
        let error = try #require(diagnostics.first { $0["code"] as? String == "CH301" })
        let location = try #require(error["location"] as? [String: Any])
        #expect(location["path"] as? String == "content/guides/escalation.md")
        #expect(location["line"] as? Int == 10)
        #expect(error["severity"] as? String == "error")
        #expect(error["message"] as? String != nil)
        #expect((status["title"] as? String)?.contains("1 error") == true)
        // The overlay's own words come in the site's language (English here), with the codes' meanings only for other languages.
        #expect(status["language"] as? String == "en")
        #expect((status["words"] as? [String: String])?["dismiss"] == "Dismiss")
        #expect(error["summary"] == nil)
        let stillServed = try await served.fetch("/guides/escalation.html")
        #expect(stillServed.status == 200)
        #expect(stillServed.text.contains("Freshly edited words."))
        #expect(!stillServed.text.contains("Nowhere"))
        #expect(await until { events.events.contains { $0.name == "status" && $0.data.contains("\"state\":\"errors\"") } })

        // Fixing it clears the errors.
        try served.site.write("content/guides/escalation.md", original + "\nFixed words.\n")
        #expect(await until { try served.status()["state"] as? String == "ok" })
        #expect(await until { try served.get("/guides/escalation.html").text.contains("Fixed words.") })
        #expect(await until { events.events.last { $0.name == "status" }?.data.contains("\"state\":\"ok\"") == true })

        // A new page appears; a deleted one is gone, with the site's 404 page.
        try served.site.write("content/guides/added.md", "# Added page\n\nBrand new.\n")
        #expect(await until { try served.get("/guides/added.html").status == 200 })
        #expect(try await served.fetch("/guides/added.html").text.contains("Brand new."))
        try FileManager.default.removeItem(at: root.appending(path: "content/guides/added.md"))
        #expect(await until { try served.get("/guides/added.html").status == 404 })
        #expect(try await served.fetch("/guides/added.html").text.contains("Page not found"))

        // A stylesheet-only change is sent as such, for a swap without a reload.
        let stylesheet = try String(contentsOf: DefaultTemplatesTests.templatesFolder.appending(path: "assets/charter.css"), encoding: .utf8)
        try served.site.write("Templates/assets/charter.css", stylesheet + "/* live */\n")
        #expect(await until { events.events.contains { $0.name == "css" && $0.data.contains("assets/charter.css") } })
        #expect(await until { try served.get("/assets/charter.css").text.hasSuffix("/* live */\n") })

        // Shutting down ends the event stream and the server.
        try await served.stop()
        #expect(await until { events.isClosed }, "the event stream was closed")
        let port = served.port
        await #expect(throws: (any Error).self) { try await offPool { try HTTPTestClient.request(port: port, "/") } }
    }

    @Test("the server's answers over HTTP: types, HEAD, ETag and 304, redirects, 404, traversal")
    func http() async throws {
        let served = try await Served.start()
        let home = try await served.fetch("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-cache")
        #expect(home.headers["content-length"] == String(home.body.count))
        let tag = try #require(home.headers["etag"])
        let again = try await served.fetch("/", headers: ["If-None-Match": tag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        let head = try await served.fetch("/assets/charter.css", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.headers["content-type"] == "text/css; charset=utf-8")
        let css = try await served.fetch("/assets/charter.css")
        #expect(Int(head.headers["content-length"] ?? "") == css.body.count)
        let redirect = try await served.fetch("/guides")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/guides/")
        let missing = try await served.fetch("/nowhere.html")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Page not found"))
        // A secret one, two and three folders above the served one (.charter-cache/serve-site
        // under the root), so that each way up below would reach a real file if it got out.
        var above = served.preview.site.standardizedFileURL
        for _ in 1...3 {
            above = above.deletingLastPathComponent()
            try Data("SECRET".utf8).write(to: above.appending(path: "secret.txt"))
        }
        for (levels, target) in [
            (1, "/../secret.txt"), (2, "/../../secret.txt"), (3, "/../../../secret.txt"),
            (2, "/%2e%2e/%2e%2e/secret.txt"), (3, "/%252e%252e/%252e%252e/%252e%252e/secret.txt"),
            (2, "/..%5c..%5csecret.txt"), (1, "/%2f%2e%2e%2fsecret.txt"),
        ] {
            let naive = served.preview.site.appending(path: String(repeating: "../", count: levels) + "secret.txt").standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: naive.path), "\(target) aims at a file that exists")
            let reply = try await served.fetch(target)
            #expect([400, 404].contains(reply.status), "\(target)")
            #expect(!reply.text.contains("SECRET"), "\(target)")
        }
        let post = try await served.fetch("/", method: "POST")
        #expect(post.status == 405)
        try await served.stop()
    }

    @Test("charter serve prints its URL, serves, and exits 0 on SIGTERM and on Ctrl-C", arguments: [SIGTERM, SIGINT])
    func command(signal: Int32) throws {
        let site = try TemporarySite()
        try FileManager.default.copyItem(at: FixtureSite.basic, to: site.root)
        let serve = try ServeProcess(["--root", site.root.path, "--port", "0", "--today", "2026-11-01"])
        #expect(eventually { serve.port != nil }, "no URL printed: \(serve.output) \(serve.errors)")
        let port = try #require(serve.port)
        #expect(try HTTPTestClient.request(port: port, "/").status == 200)
        #expect(!FileManager.default.fileExists(atPath: site.root.appending(path: "_site").path), "serve never writes the build output folder")
        kill(serve.process.processIdentifier, signal)
        #expect(serve.wait() == 0, "\(serve.errors)")
        #expect(serve.output.contains("Stopped."))
    }

    @Test("a port in use is its own error, with exit code 69")
    func portInUse() throws {
        let busy = try BusyPort()
        let site = try TemporarySite()
        try FileManager.default.copyItem(at: FixtureSite.basic, to: site.root)
        let serve = try ServeProcess(["--root", site.root.path, "--port", String(busy.port), "--today", "2026-11-01"])
        #expect(serve.wait() == 69)
        #expect(serve.errors.contains("port \(busy.port) on 127.0.0.1 is already in use"), "\(serve.errors)")
    }

    @Test("a missing site folder is wrong usage: exit 64")
    func missingRoot() throws {
        let site = try TemporarySite()
        let serve = try ServeProcess(["--root", site.root.appending(path: "nowhere").path, "--port", "0"])
        #expect(serve.wait() == 64)
        #expect(serve.port == nil)
    }

    @Test("bad options are wrong usage: exit 64", arguments: [["--port", "70000"], ["--port", "-1"], ["--today", "tomorrow"], ["--host", ""]])
    func badOptions(arguments: [String]) throws {
        let serve = try ServeProcess(arguments)
        #expect(serve.wait() == 64)
    }

    @Test("loopback addresses, and the URL printed for each kind of host")
    func hosts() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"] {
            #expect(PreviewServer.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com"] {
            #expect(!PreviewServer.isLoopback(host), "\(host)")
        }
        #expect(PreviewServer.url(host: "127.0.0.1", port: 8000) == "http://127.0.0.1:8000/")
        #expect(PreviewServer.url(host: "::1", port: 80) == "http://[::1]:80/")
    }
}
