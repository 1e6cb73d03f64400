public import Foundation

/// Server-Sent Events to every open page: each subscriber gets a stream of ready-to-send
/// chunks (`event: reload\ndata: {…}\n\n`). Publishing never waits for a slow page: each
/// stream keeps only its newest chunks.
public final class EventHub: @unchecked Sendable {
    // `subscribers` and `closed` are guarded by the lock; publishers and pages are on any thread.
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var next = 0
    private var closed = false

    public init() {}

    /// A new page's stream, starting with `first` (the current status). Finished at once when
    /// the hub is closed.
    public func subscribe(first: String) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(32))
        // Ask the browser to reconnect after one second when the server goes away.
        continuation.yield("retry: 1000\n\n" + first)
        let id: Int? = lock.withLock {
            guard !closed else { return nil }
            next += 1
            subscribers[next] = continuation
            return next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends an event to every page.
    public func publish(_ event: String, data: Data) {
        send(Self.chunk(event, data: data))
    }

    /// A comment line, which keeps connections alive and finds the ones that died.
    public func ping() {
        send(": ping\n\n")
    }

    /// Ends every stream, and refuses new ones: for a clean shutdown.
    public func close() {
        let all = lock.withLock {
            closed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    /// How many pages are listening.
    public var count: Int { lock.withLock { subscribers.count } }

    /// One event in the wire format; the data is one line of JSON.
    public static func chunk(_ event: String, data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        return "event: \(event)\n" + lines.joined(separator: "\n") + "\n\n"
    }

    private func send(_ chunk: String) {
        let all = lock.withLock { Array(subscribers.values) }
        for continuation in all { continuation.yield(chunk) }
    }
}
