import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits, polling, until `condition` holds or `timeout` passes; returns whether it held. Tests
/// assert the outcome, never how long it took: the machine may be loaded.
func eventually(timeout: Duration = .seconds(90), every interval: Duration = .milliseconds(25), _ condition: () throws -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? condition()) == true { return true }
        Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
    }
    return (try? condition()) == true
}

/// A value shared between threads.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    var current: Value { lock.withLock { value } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}

/// A minimal HTTP/1.1 client over a plain socket, so that tests see exactly the bytes the server
/// sends, with no caching, redirect following or decoding in between.
enum HTTPTestClient {
    struct Reply {
        var status: Int
        /// Header fields by lower-cased name.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A connected socket to 127.0.0.1:port, with send and receive timeouts.
    static func connect(port: Int, timeout: Int = 120) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
        return socket
    }

    static func send(_ socket: Int32, method: String, target: String, headers: [String: String]) throws {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += count
        }
    }

    /// Sends one request and reads the whole reply (the connection is closed after it).
    static func request(port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> Reply {
        let socket = try connect(port: port)
        defer { close(socket) }
        try send(socket, method: method, target: target, headers: headers)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if let reply = parse(data, method: method), reply.complete { return reply.reply }
        }
        guard let reply = parse(data, method: method) else { throw Failure(description: "no reply to \(method) \(target)") }
        return reply.reply
    }

    /// The reply in `data`, and whether all of its body has arrived.
    static func parse(_ data: Data, method: String) -> (reply: Reply, complete: Bool)? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            let (decoded, finished) = dechunk(body)
            return (Reply(status: status, headers: headers, body: decoded), finished)
        }
        if method == "HEAD" || status == 304 { return (Reply(status: status, headers: headers, body: Data()), true) }
        let length = headers["content-length"].flatMap(Int.init)
        if let length, body.count > length { body = body.prefix(length) }
        return (Reply(status: status, headers: headers, body: body), length.map { body.count >= $0 } ?? false)
    }

    /// Decodes a chunked body as far as it has arrived; true once the last chunk is in.
    static func dechunk(_ data: Data) -> (Data, Bool) {
        var decoded = Data()
        var index = data.startIndex
        while let lineEnd = data[index...].range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
            if size == 0 { return (decoded, true) }
            let start = lineEnd.upperBound
            guard data.distance(from: start, to: data.endIndex) >= size + 2 else { break }
            let stop = data.index(start, offsetBy: size)
            decoded.append(data[start..<stop])
            index = data.index(stop, offsetBy: 2)
        }
        return (decoded, false)
    }
}

/// A client of `/_charter/events` that reads on its own thread and keeps every event.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let socket: Int32
    private let received = Shared(Data())
    private let ended = Shared(false)

    init(port: Int) throws {
        socket = try HTTPTestClient.connect(port: port, timeout: 300)
        try HTTPTestClient.send(socket, method: "GET", target: "/_charter/events", headers: ["Accept": "text/event-stream"])
        let thread = Thread { [socket, received, ended] in
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { break }
                received.update { $0.append(contentsOf: buffer[0..<count]) }
            }
            ended.update { $0 = true }
        }
        thread.start()
    }

    /// True once the server closed the stream.
    var isClosed: Bool { ended.current }

    /// The events received so far.
    var events: [Event] {
        guard let reply = HTTPTestClient.parse(received.current, method: "GET") else { return [] }
        var events: [Event] = []
        for block in reply.reply.text.components(separatedBy: "\n\n") {
            var name = "message"
            var data: [String] = []
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            if !data.isEmpty { events.append(Event(name: name, data: data.joined(separator: "\n"))) }
        }
        return events
    }

    /// The response's header fields, once they have arrived.
    var headers: [String: String] { HTTPTestClient.parse(received.current, method: "GET")?.reply.headers ?? [:] }

    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }
}

/// A socket listening on a free loopback port, to make a port busy.
final class BusyPort {
    let socket: Int32
    let port: Int

    init() throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(descriptor, pointer, length) == 0, listen(descriptor, 8) == 0 else { return -1 }
                return getsockname(descriptor, pointer, &length)
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw HTTPTestClient.Failure(description: "cannot listen: errno \(errno)")
        }
        socket = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socket) }
}

/// `charter serve` as a child process, with its output collected as it comes.
final class ServeProcess {
    let process = Process()
    let stdout = Shared(Data())
    let stderr = Shared(Data())

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let binary = try #require(CharterProcess.executable, "build the charter product before the tests")
        process.executableURL = binary
        process.arguments = ["serve"] + arguments
        process.environment = TestDay.environment(TestDay.fixture, environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let (stdout, stderr) = (stdout, stderr)
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            stdout.update { $0.append(data) }
        }
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            stderr.update { $0.append(data) }
        }
        try process.run()
    }

    var output: String { String(decoding: stdout.current, as: UTF8.self) }
    var errors: String { String(decoding: stderr.current, as: UTF8.self) }

    /// The port in the "Serving … at http://127.0.0.1:PORT/" line, once it is printed.
    var port: Int? {
        guard let match = output.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//) else { return nil }
        return Int(match.1)
    }

    /// Waits for the process to end; kills it when it does not within `timeout`.
    func wait(timeout: Duration = .seconds(60)) -> Int32? {
        let ended = eventually(timeout: timeout) { !process.isRunning }
        guard ended else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Runs blocking work (sockets, polling) on a thread of its own, so that an async test never
/// holds one of the few cooperative threads that an in-process server needs to answer it.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

/// `eventually` from an async test, on a thread of its own.
func until(timeout: Duration = .seconds(90), _ condition: @escaping @Sendable () throws -> Bool) async -> Bool {
    (try? await offPool { eventually(timeout: timeout, condition) }) ?? false
}
