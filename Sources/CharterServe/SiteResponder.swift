public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP request as the responder sees it: no socket, no framework.
public struct PreviewRequest: Sendable {
    /// `GET`, `HEAD`, …
    public var method: String
    /// The request target as sent: `/playbooks/a.html?x=1`, still percent-encoded.
    public var target: String
    /// Header fields with lower-cased names.
    public var headers: [String: String]

    public init(method: String = "GET", target: String, headers: [String: String] = [:]) {
        self.method = method
        self.target = target
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
    }
}

/// What the responder answers: a status, header fields in order, and the body.
public struct PreviewResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    /// The first header field of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Answers requests from a folder of files: the pure part of `charter serve`, tested without a socket.
///
/// It serves `GET` and `HEAD`; maps folder URLs to their `index.html` (redirecting `/folder` to
/// `/folder/` so relative links keep working); answers a missing file with the site's own
/// `404.html` and status 404; gives every file its MIME type, a strong `ETag` (a hash of the
/// bytes served) and `Cache-Control: no-cache`, and answers a matching `If-None-Match` with 304.
/// It refuses every path that could leave the folder: `..` and `.` segments, plain or
/// percent-encoded or double-encoded, backslashes, encoded slashes, NUL and control characters,
/// hidden files, and symbolic links that resolve outside it.
///
/// HTML pages get the live-reload snippet (`LiveReload.inject`) when `liveReload` is set; the
/// files on disk never contain it.
public struct SiteResponder: Sendable {
    /// The folder served.
    public var site: URL
    /// Injects the live-reload script into HTML pages.
    public var liveReload: Bool
    /// The build the served files come from, written into the injected snippet.
    public var build: @Sendable () -> Int
    /// The status document served at `/_charter/status`.
    public var status: @Sendable () -> Data

    public init(
        site: URL, liveReload: Bool = true, build: @escaping @Sendable () -> Int = { 0 },
        status: @escaping @Sendable () -> Data = { Data("{}".utf8) }
    ) {
        self.site = site
        self.liveReload = liveReload
        self.build = build
        self.status = status
    }

    /// Paths under this prefix belong to the preview itself, never to the site.
    public static let reservedPrefix = "/_charter/"
    public static let eventsPath = "/_charter/events"
    public static let statusPath = "/_charter/status"
    public static let scriptPath = "/_charter/live.js"

    public func respond(to request: PreviewRequest) -> PreviewResponse {
        let method = request.method.uppercased()
        guard method == "GET" || method == "HEAD" else {
            return finish(plain(405, "Only GET and HEAD are served.", extra: [("Allow", "GET, HEAD")]), method: method)
        }
        let (rawPath, query) = Self.split(target: request.target)
        if rawPath.hasPrefix(Self.reservedPrefix) {
            return finish(own(rawPath, request: request), method: method)
        }
        guard let segments = Self.segments(of: rawPath) else {
            return finish(plain(400, "This path is not allowed."), method: method)
        }
        let isFolderURL = rawPath.hasSuffix("/") || segments.isEmpty
        switch locate(segments) {
        case .file(let url, let path):
            return finish(file(url, path: path, request: request, notFound: false), method: method)
        case .folder(let url, let path):
            guard isFolderURL else {
                // `/playbooks` becomes `/playbooks/`, so the index page's relative links resolve.
                let location = rawPath + "/" + (query.map { "?" + $0 } ?? "")
                return finish(plain(301, "Moved to \(location)", extra: [("Location", location)]), method: method)
            }
            let index = url.appending(path: "index.html")
            if let resolved = inside(index) {
                return finish(file(resolved, path: path.isEmpty ? "index.html" : path + "/index.html", request: request, notFound: false), method: method)
            }
            return finish(notFound(request), method: method)
        case .missing:
            return finish(notFound(request), method: method)
        }
    }

    // MARK: Paths

    /// The path and query of a request target, with any fragment dropped; an absolute-form
    /// target (`http://host/path`) is reduced to its path.
    static func split(target: String) -> (path: String, query: String?) {
        var target = Substring(target)
        if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
        if !target.hasPrefix("/"), let scheme = target.range(of: "://") {
            let afterAuthority = target[scheme.upperBound...].firstIndex(of: "/") ?? target.endIndex
            target = target[afterAuthority...]
            if target.isEmpty { target = "/" }
        }
        guard let question = target.firstIndex(of: "?") else { return (String(target), nil) }
        return (String(target[..<question]), String(target[target.index(after: question)...]))
    }

    /// The decoded segments of a path, or nil when any could leave the folder or name a hidden file.
    ///
    /// The raw path is split on `/` before decoding, so an encoded slash (`%2F`) stays inside one
    /// segment and is refused there. A segment that still looks encoded after one decoding
    /// (`%252e` → `%2e`) is refused too: no file Charter writes has such a name.
    static func segments(of rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/") else { return nil }
        var parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        var decoded: [String] = []
        for part in parts {
            // `//` in the middle: an absolute path smuggled in, or a mistake; neither is a file.
            guard !part.isEmpty, let segment = part.removingPercentEncoding else { return nil }
            guard !segment.isEmpty, segment != ".", segment != "..", !segment.hasPrefix("."),
                  !segment.contains("/"), !segment.contains("\\"),
                  !segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
                  !looksEncoded(segment)
            else { return nil }
            decoded.append(segment)
        }
        return decoded
    }

    /// Whether a decoded segment still holds a percent-encoded byte, as a double-encoded path does.
    private static func looksEncoded(_ segment: String) -> Bool {
        let bytes = Array(segment.utf8)
        guard bytes.count >= 3 else { return false }
        func isHex(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
        for index in 0..<(bytes.count - 2) where bytes[index] == 0x25 && isHex(bytes[index + 1]) && isHex(bytes[index + 2]) {
            return true
        }
        return false
    }

    private enum Located {
        case file(URL, path: String)
        case folder(URL, path: String)
        case missing
    }

    private func locate(_ segments: [String]) -> Located {
        let path = segments.joined(separator: "/")
        let candidate = segments.reduce(site) { $0.appending(path: $1) }
        guard let resolved = inside(candidate, allowFolder: true) else { return .missing }
        var status = stat()
        guard stat(resolved.path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file(resolved, path: path)
        case S_IFDIR: return .folder(resolved, path: path)
        default: return .missing
        }
    }

    /// The real path of `url` when it exists and is inside the site (symbolic links resolved);
    /// nil otherwise. Only regular files pass unless `allowFolder`.
    private func inside(_ url: URL, allowFolder: Bool = false) -> URL? {
        guard let base = Self.realPath(site.path), let real = Self.realPath(url.path) else { return nil }
        guard real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return nil }
        var status = stat()
        guard stat(real, &status) == 0 else { return nil }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG || (allowFolder && kind == S_IFDIR) else { return nil }
        return URL(fileURLWithPath: real, isDirectory: kind == S_IFDIR)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: Responses

    private func file(_ url: URL, path: String, request: PreviewRequest, notFound: Bool) -> PreviewResponse {
        guard var data = try? Data(contentsOf: url) else {
            return notFound ? plain(404, "There is no page at this address.") : self.notFound(request)
        }
        let type = MIMEType.of(path)
        if liveReload, type.hasPrefix("text/html") {
            data = LiveReload.inject(into: data, build: build(), baseHref: notFound ? "/" : nil)
        }
        return content(data, type: type, status: notFound ? 404 : 200, request: request)
    }

    /// The site's own `404.html` with status 404, or a plain page when the site has none yet
    /// (the first build failed): it carries the live-reload snippet too, so the error overlay shows.
    private func notFound(_ request: PreviewRequest) -> PreviewResponse {
        if let page = inside(site.appending(path: "404.html")) {
            return file(page, path: "404.html", request: request, notFound: true)
        }
        var page = Data("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
            <body><h1>Not found</h1><p>There is no page at this address.</p></body></html>

            """.utf8)
        if liveReload { page = LiveReload.inject(into: page, build: build(), baseHref: nil) }
        return content(page, type: "text/html; charset=utf-8", status: 404, request: request)
    }

    private func own(_ path: String, request: PreviewRequest) -> PreviewResponse {
        switch path {
        case Self.scriptPath:
            return content(Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8", status: 200, request: request)
        case Self.statusPath:
            var response = content(status(), type: "application/json; charset=utf-8", status: 200, request: request)
            response.headers = response.headers.map { $0.name == "Cache-Control" ? ($0.name, "no-store") : $0 }
            return response
        default:
            return plain(404, "There is no page at this address.")
        }
    }

    private func content(_ data: Data, type: String, status: Int, request: PreviewRequest) -> PreviewResponse {
        let tag = Self.entityTag(of: data)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", type),
            ("Content-Length", String(data.count)),
            ("ETag", tag),
            ("Cache-Control", "no-cache"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        if status == 200, let condition = request.headers["if-none-match"], Self.matches(condition, tag) {
            headers.removeAll { $0.name == "Content-Type" || $0.name == "Content-Length" }
            return PreviewResponse(status: 304, headers: headers, body: Data())
        }
        if status == 404 { headers.removeAll { $0.name == "ETag" } }
        return PreviewResponse(status: status, headers: headers, body: data)
    }

    private func plain(_ status: Int, _ text: String, extra: [(String, String)] = []) -> PreviewResponse {
        let body = Data((text + "\n").utf8)
        return PreviewResponse(
            status: status,
            headers: [
                ("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", String(body.count)),
                ("Cache-Control", "no-cache"), ("X-Content-Type-Options", "nosniff"),
            ] + extra.map { (name: $0.0, value: $0.1) },
            body: body)
    }

    /// HEAD gets the same header fields as GET, without the body.
    private func finish(_ response: PreviewResponse, method: String) -> PreviewResponse {
        guard method == "HEAD" else { return response }
        var response = response
        response.body = Data()
        return response
    }

    // MARK: Entity tags

    /// A strong tag from a 64-bit FNV-1a hash of the bytes served.
    static func entityTag(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(data.count, radix: 16) + "\""
    }

    /// `If-None-Match`: `*`, or a list of tags compared weakly (RFC 9110, 13.1.2).
    static func matches(_ condition: String, _ tag: String) -> Bool {
        let condition = condition.trimmingCharacters(in: .whitespaces)
        if condition == "*" { return true }
        func opaque(_ tag: Substring) -> Substring {
            let tag = tag.drop { $0 == " " || $0 == "\t" }
            return tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
        }
        return condition.split(separator: ",").contains { opaque($0).trimmingCharacters(in: .whitespaces) == tag }
    }
}

/// Content types by file extension, for what a Charter site holds.
public enum MIMEType {
    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "map": "application/json; charset=utf-8",
        "webmanifest": "application/manifest+json; charset=utf-8",
        "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "yaml": "application/yaml; charset=utf-8", "yml": "application/yaml; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "bmp": "image/bmp",
        "pdf": "application/pdf", "zip": "application/zip", "wasm": "application/wasm",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav",
    ]

    /// The type of a path by its extension; `application/octet-stream` when unknown.
    public static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
