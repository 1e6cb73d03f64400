import Foundation
import Testing
@testable import CharterServe

/// The responder on its own, without a socket: what `charter serve` answers for each request.
@Suite struct SiteResponderTests {
    /// A served folder `site/` with a secret beside it that no request may reach.
    final class Folder {
        let base: URL
        var site: URL { base.appending(path: "site", directoryHint: .isDirectory) }
        static let secret = "TOP SECRET: outside the site"

        init() throws {
            base = FileManager.default.temporaryDirectory.appending(path: "charter-serve-\(UUID().uuidString)", directoryHint: .isDirectory)
            let files: [String: String] = [
                "index.html": "<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Home page</p></body></html>\n",
                "404.html": "<!DOCTYPE html>\n<html><head><link rel=\"stylesheet\" href=\"assets/site.css\"></head><body><h1>Page not found</h1></body></html>\n",
                "assets/site.css": "body { color: black; }\n",
                "assets/search.js": "console.log(1);\n",
                "search/index.json": "{}\n",
                "sitemap.xml": "<urlset/>\n",
                "robots.txt": "User-agent: *\n",
                "images/chart.png": "png", "images/photo.JPG": "jpg", "images/logo.svg": "<svg/>",
                "files/plan.pdf": "pdf", "fonts/a.woff2": "woff2", "files/data.unknown": "?", "files/README": "plain",
                "playbooks/index.html": "<html><body>Playbooks</body></html>",
                "playbooks/escalation.html": "<html><BODY>Escalation</BODY></html>",
                "playbooks/no-body.html": "<p>fragment",
                "with space/page.html": "<html><body>Spaced</body></html>",
                "empty/.keep": "",
                ".charter-site": "marker",
            ]
            for (path, text) in files {
                let url = site.appending(path: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try Data(Self.secret.utf8).write(to: base.appending(path: "secret.txt"))
            try FileManager.default.createDirectory(at: base.appending(path: "outside"), withIntermediateDirectories: true)
            try Data(Self.secret.utf8).write(to: base.appending(path: "outside/secret.txt"))
            try FileManager.default.createSymbolicLink(atPath: site.appending(path: "link-out.txt").path, withDestinationPath: "../secret.txt")
            try FileManager.default.createSymbolicLink(atPath: site.appending(path: "folder-out").path, withDestinationPath: "../outside")
            try FileManager.default.createSymbolicLink(atPath: site.appending(path: "absolute-out.txt").path, withDestinationPath: base.appending(path: "secret.txt").path)
            try FileManager.default.createSymbolicLink(atPath: site.appending(path: "link-in.css").path, withDestinationPath: "assets/site.css")
            // A folder beside the site whose name starts with the site's: outside all the same.
            try FileManager.default.createDirectory(at: base.appending(path: "site-private"), withIntermediateDirectories: true)
            try Data(Self.secret.utf8).write(to: base.appending(path: "site-private/secret.txt"))
            try FileManager.default.createSymbolicLink(atPath: site.appending(path: "sibling-out.txt").path, withDestinationPath: "../site-private/secret.txt")
        }

        deinit { try? FileManager.default.removeItem(at: base) }

        var responder: SiteResponder {
            SiteResponder(site: site, liveReload: true, build: { 7 }, status: { Data("{\"state\":\"ok\"}".utf8) })
        }

        func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) -> PreviewResponse {
            responder.respond(to: PreviewRequest(method: method, target: target, headers: headers))
        }
    }

    @Test("each file is served with its MIME type", arguments: [
        ("/index.html", "text/html; charset=utf-8"),
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/assets/search.js", "text/javascript; charset=utf-8"),
        ("/search/index.json", "application/json; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/images/chart.png", "image/png"),
        ("/images/photo.JPG", "image/jpeg"),
        ("/images/logo.svg", "image/svg+xml"),
        ("/files/plan.pdf", "application/pdf"),
        ("/fonts/a.woff2", "font/woff2"),
        ("/files/data.unknown", "application/octet-stream"),
        ("/files/README", "application/octet-stream"),
        ("/with%20space/page.html", "text/html; charset=utf-8"),
        ("/link-in.css", "text/css; charset=utf-8"),
    ])
    func mimeTypes(target: String, type: String) throws {
        let folder = try Folder()
        let response = folder.get(target)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == type)
        #expect(response.header("Cache-Control") == "no-cache")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Content-Length") == String(response.body.count))
    }

    @Test("HEAD answers with GET's status and header fields, without the body")
    func head() throws {
        let folder = try Folder()
        for target in ["/", "/assets/site.css", "/playbooks/", "/missing.html", "/playbooks", "/_charter/status"] {
            let get = folder.get(target)
            let head = folder.get(target, method: "HEAD")
            #expect(head.status == get.status, "\(target)")
            #expect(head.body.isEmpty, "\(target)")
            #expect(head.headers.map(\.name) == get.headers.map(\.name), "\(target)")
            #expect(head.header("Content-Length") == String(get.body.count), "\(target)")
            #expect(head.header("ETag") == get.header("ETag"), "\(target)")
        }
    }

    @Test("other methods get 405 and the methods allowed")
    func otherMethods() throws {
        let folder = try Folder()
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let response = folder.get("/index.html", method: method)
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
        }
    }

    @Test("an ETag that matches If-None-Match gives 304 without a body; any other gives the file")
    func entityTags() throws {
        let folder = try Folder()
        let first = folder.get("/assets/site.css")
        let tag = try #require(first.header("ETag"))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
        #expect(folder.get("/assets/site.css").header("ETag") == tag, "the same bytes have the same tag")

        for condition in [tag, "W/\(tag)", "\"other\", \(tag)", "*", " \(tag) "] {
            let response = folder.get("/assets/site.css", headers: ["If-None-Match": condition])
            #expect(response.status == 304, "\(condition)")
            #expect(response.body.isEmpty)
            #expect(response.header("ETag") == tag)
            #expect(response.header("Cache-Control") == "no-cache")
        }
        #expect(folder.get("/assets/site.css", headers: ["if-none-match": tag]).status == 304, "header names are case-insensitive")
        #expect(folder.get("/assets/site.css", method: "HEAD", headers: ["If-None-Match": tag]).status == 304)
        #expect(folder.get("/assets/site.css", headers: ["If-None-Match": "\"stale\""]).status == 200)

        try Data("body { color: red; }\n".utf8).write(to: folder.site.appending(path: "assets/site.css"))
        let changed = folder.get("/assets/site.css", headers: ["If-None-Match": tag])
        #expect(changed.status == 200, "a changed file has a new tag")
        #expect(changed.header("ETag") != tag)
        #expect(String(decoding: changed.body, as: UTF8.self) == "body { color: red; }\n")
    }

    @Test("a missing page gets the site's own 404.html with status 404, resolving its links from the root")
    func notFound() throws {
        let folder = try Folder()
        for target in ["/missing.html", "/playbooks/missing.html", "/deep/er/still/missing/", "/playbooks/escalation.html/x"] {
            let response = folder.get(target)
            #expect(response.status == 404, "\(target)")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(text.contains("<h1>Page not found</h1>"))
            #expect(text.contains("<base href=\"/\">"), "the page's relative links work from any folder")
            #expect(text.contains(LiveReload.snippet(build: 7)), "the overlay and reload work on the 404 page too")
        }
        #expect(folder.get("/missing.html", headers: ["If-None-Match": "*"]).status == 404, "never 304 for a missing page")

        try FileManager.default.removeItem(at: folder.site.appending(path: "404.html"))
        let fallback = folder.get("/missing.html")
        #expect(fallback.status == 404)
        #expect(String(decoding: fallback.body, as: UTF8.self).contains("Not found"))
        #expect(String(decoding: fallback.body, as: UTF8.self).contains(LiveReload.snippet(build: 7)))
    }

    @Test("folder URLs serve their index.html; without the slash they redirect to it")
    func folders() throws {
        let folder = try Folder()
        #expect(String(decoding: folder.get("/").body, as: UTF8.self).contains("Home page"))
        #expect(String(decoding: folder.get("/playbooks/").body, as: UTF8.self).contains("Playbooks"))
        #expect(String(decoding: folder.get("/playbooks/?q=1").body, as: UTF8.self).contains("Playbooks"))
        let redirect = folder.get("/playbooks")
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == "/playbooks/")
        #expect(folder.get("/playbooks?q=a%20b").header("Location") == "/playbooks/?q=a%20b")
        #expect(folder.get("/empty/").status == 404, "a folder without index.html")
        #expect(folder.get("/index.html?x=1#top").status == 200, "queries and fragments are ignored")
    }

    @Test("HTML gets the live-reload snippet before </body>; the file on disk and other types stay as they are")
    func injection() throws {
        let folder = try Folder()
        let disk = try Data(contentsOf: folder.site.appending(path: "index.html"))
        let served = folder.get("/index.html").body
        let text = String(decoding: served, as: UTF8.self)
        #expect(text.contains(LiveReload.snippet(build: 7) + "</body>"))
        #expect(LiveReload.strip(served) == disk)
        #expect(try Data(contentsOf: folder.site.appending(path: "index.html")) == disk)
        #expect(String(decoding: folder.get("/playbooks/escalation.html").body, as: UTF8.self).contains("\(LiveReload.snippet(build: 7))</BODY>"))
        #expect(String(decoding: folder.get("/playbooks/no-body.html").body, as: UTF8.self).hasSuffix(LiveReload.snippet(build: 7)))
        #expect(folder.get("/assets/site.css").body == Data("body { color: black; }\n".utf8))

        let plain = SiteResponder(site: folder.site, liveReload: false)
        #expect(plain.respond(to: PreviewRequest(target: "/index.html")).body == disk)
    }

    @Test("the preview's own paths: the script and the status document")
    func ownPaths() throws {
        let folder = try Folder()
        let script = folder.get("/_charter/live.js")
        #expect(script.status == 200)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(String(decoding: script.body, as: UTF8.self).contains("new EventSource(\"/_charter/events\")"))
        // The script served is Sources/CharterServe/Resources/live-reload.js, byte for byte.
        let resource = ExampleSiteTests.repository.appending(path: "Sources/CharterServe/Resources/live-reload.js")
        #expect(script.body == (try Data(contentsOf: resource)))
        let status = folder.get("/_charter/status")
        #expect(status.status == 200)
        #expect(status.header("Content-Type") == "application/json; charset=utf-8")
        #expect(status.header("Cache-Control") == "no-store")
        #expect(status.body == Data("{\"state\":\"ok\"}".utf8))
        #expect(folder.get("/_charter/other").status == 404)
    }

    @Test("every way out of the folder is refused", arguments: [
        "/../secret.txt",
        "/playbooks/../../secret.txt",
        "/./index.html/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/playbooks/%2e%2e/%2e%2e/secret.txt",
        "/.%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/playbooks%2f..%2f..%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/playbooks/%25252e%25252e/secret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/playbooks\\..\\..\\secret.txt",
        "/%5c..%5c..%5csecret.txt",
        "//secret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/%2F..%2Fsecret.txt",
        "http://example.com/../secret.txt",
        "secret.txt",
        "/link-out.txt",
        "/absolute-out.txt",
        "/folder-out/secret.txt",
        "/folder-out/",
        "/sibling-out.txt",
        "/.charter-site",
        "/%2echarter-site",
        "/index.html%00.png",
        "/%00",
        "/%ff%fe",
        "/playbooks/%0a",
    ])
    func traversal(target: String) throws {
        let folder = try Folder()
        for method in ["GET", "HEAD"] {
            let response = folder.get(target, method: method)
            #expect([400, 404].contains(response.status), "\(method) \(target) → \(response.status)")
            #expect(!String(decoding: response.body, as: UTF8.self).contains(Folder.secret), "\(target) leaked the secret")
        }
    }

    @Test("path segments decode once, and only into names a site can hold")
    func segments() {
        #expect(SiteResponder.segments(of: "/") == [])
        #expect(SiteResponder.segments(of: "/a/b.html") == ["a", "b.html"])
        #expect(SiteResponder.segments(of: "/a/") == ["a"])
        #expect(SiteResponder.segments(of: "/caf%C3%A9/") == ["café"])
        #expect(SiteResponder.segments(of: "/a%20b") == ["a b"])
        #expect(SiteResponder.segments(of: "/100%25") == ["100%"], "a literal percent sign that does not look encoded")
        #expect(SiteResponder.segments(of: "/a//b") == nil)
        #expect(SiteResponder.segments(of: "/a/%2e") == nil)
        #expect(SiteResponder.segments(of: "/a%2Fb") == nil)
        #expect(SiteResponder.segments(of: "/%2541") == nil, "double-encoded")
    }

    @Test("If-None-Match lists and weak tags")
    func conditionMatching() {
        #expect(SiteResponder.matches("\"a\"", "\"a\""))
        #expect(SiteResponder.matches("W/\"a\"", "\"a\""))
        #expect(SiteResponder.matches("\"b\", W/\"a\"", "\"a\""))
        #expect(SiteResponder.matches("*", "\"a\""))
        #expect(!SiteResponder.matches("\"b\"", "\"a\""))
        #expect(!SiteResponder.matches("", "\"a\""))
    }
}
