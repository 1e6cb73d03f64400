import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the server could not start listening.
public struct ListenError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// True when another program already listens on the port.
    public var portInUse: Bool
    public var reason: String

    public var description: String {
        portInUse
            ? "port \(port) on \(host) is already in use; stop the other server or choose another port with --port (--port 0 picks a free one)"
            : "cannot listen on \(host):\(port): \(reason)"
    }
}

/// `charter serve`'s HTTP side, on Hummingbird: the site through `SiteResponder`, the events at
/// `/_charter/events`, and a clean shutdown (the event streams end, then the server drains).
public final class PreviewServer: Sendable {
    public let preview: LivePreview
    public let host: String
    public let port: Int
    private let group: Locked<ServiceGroup?> = Locked(nil)

    public init(preview: LivePreview, host: String = "127.0.0.1", port: Int = 8000) {
        self.preview = preview
        self.host = host
        self.port = port
    }

    /// Whether a host name or address only reaches this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.") || host == "0:0:0:0:0:0:0:1"
    }

    /// The address to print: `http://127.0.0.1:8000/`.
    public static func url(host: String, port: Int) -> String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    /// Serves until `shutdown()` or, with `handlingSignals`, SIGINT or SIGTERM; `onReady` gets
    /// the port listened on once requests are accepted. Starts the preview's rebuild loop and
    /// stops it on the way out. Throws `ListenError` when the address cannot be listened on.
    public func run(handlingSignals: Bool, onReady: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "charter-serve")
        logger.logLevel = .critical
        let application = Application(
            responder: PreviewHTTPResponder(site: preview.responder, events: preview.events, status: { [preview] in preview.status.json }),
            server: .http1(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? self.port) },
            logger: logger)
        // Services shut down last to first: the preview ends its event streams before the
        // server drains its connections, which those streams would keep open.
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(service: application),
                .init(service: PreviewService(preview: preview), successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
            cancellationSignals: [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        configuration.maximumCancellationDuration = .seconds(2)
        let group = ServiceGroup(configuration: configuration)
        self.group.withLock { $0 = group }
        do {
            try await group.run()
        } catch {
            throw Self.listenError(error, host: host, port: port) ?? error
        }
    }

    /// Stops serving, as SIGTERM does.
    public func shutdown() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }

    private static func listenError(_ error: any Error, host: String, port: Int) -> ListenError? {
        if let error = error as? IOError {
            let reason = String(cString: strerror(error.errnoCode))
            return ListenError(host: host, port: port, portInUse: error.errnoCode == EADDRINUSE, reason: reason)
        }
        if error is SocketAddressError {
            return ListenError(host: host, port: port, portInUse: false, reason: "the address cannot be resolved")
        }
        return nil
    }
}

/// A lock around a value, for the few fields shared between tasks.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.withLock { body(&value) }
    }
}

/// Runs the preview's rebuild loop while the server runs, and pings the open pages now and
/// then so that connections to closed pages are noticed.
struct PreviewService: Service, CustomStringConvertible {
    let preview: LivePreview
    var description: String { "LivePreview" }

    func run() async throws {
        preview.start()
        let events = preview.events
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(15))
                events.ping()
            }
        }
        // Waiting for a build under way must not hold one of the few cooperative threads.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                preview.stop()
                done.resume()
            }
        }
    }
}

/// Hummingbird's side of a request: the event stream here, everything else to `SiteResponder`.
struct PreviewHTTPResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let site: SiteResponder
    let events: EventHub
    let status: @Sendable () -> Data

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        if SiteResponder.split(target: target).path == SiteResponder.eventsPath, request.method == .get {
            return eventStream()
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let answer = site.respond(to: PreviewRequest(method: request.method.rawValue, target: target, headers: headers))
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let body = answer.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: body)
    }

    private func eventStream() -> Response {
        let stream = events.subscribe(first: EventHub.chunk("status", data: status()))
        var fields = HTTPFields()
        fields[.contentType] = "text/event-stream; charset=utf-8"
        fields[.cacheControl] = "no-cache"
        if let buffering = HTTPField.Name("X-Accel-Buffering") { fields[buffering] = "no" }
        return Response(status: .ok, headers: fields, body: ResponseBody { writer in
            for await chunk in stream {
                try await writer.write(ByteBuffer(string: chunk))
            }
            try await writer.finish(nil)
        })
    }
}
