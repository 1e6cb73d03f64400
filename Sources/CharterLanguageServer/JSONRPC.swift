public import Foundation

/// A JSON value, as the Language Server Protocol's messages carry them.
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// Parses one JSON document (RFC 8259); nil when it is not JSON.
    public init?(parsing data: Data) {
        var parser = JSONParser(bytes: Array(data))
        guard let value = parser.document() else { return nil }
        self = value
    }

    /// The value's JSON text, an object's keys sorted.
    public var data: Data {
        var out = ""
        write(into: &out)
        return Data(out.utf8)
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let bool): out += bool ? "true" : "false"
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { out += String(Int(number)) } else { out += "\(number)" }
        case .string(let string): Self.quote(string, into: &out)
        case .array(let array):
            out += "["
            for (index, element) in array.enumerated() {
                if index > 0 { out += "," }
                element.write(into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                object[key]!.write(into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ string: String, into out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public subscript(key: String) -> JSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var string: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    public var int: Int? {
        if case .number(let number) = self, number.rounded() == number, abs(number) < 1e15 { return Int(number) }
        return nil
    }

    public var array: [JSON]? {
        if case .array(let array) = self { return array }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(Dictionary(elements) { $1 }) }
    public init(nilLiteral: ()) { self = .null }
}

/// A strict JSON reader over bytes: no trailing commas, no comments, nesting limited so that a
/// hostile message cannot exhaust the stack.
struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() -> JSON? {
        guard let value = value() else { return nil }
        skipSpace()
        // Not a ternary: `nil` there would be JSON's own null literal.
        guard index == bytes.count else { return nil }
        return value
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: String, _ value: JSON) -> JSON? {
        let word = Array(word.utf8)
        guard index + word.count <= bytes.count, Array(bytes[index..<index + word.count]) == word else { return nil }
        index += word.count
        return value
    }

    private mutating func value() -> JSON? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "\""): return string().map(JSON.string)
        case UInt8(ascii: "["):
            guard depth < 512 else { return nil }
            depth += 1
            defer { depth -= 1 }
            index += 1
            var array: [JSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(array)
            }
            while true {
                guard let element = value() else { return nil }
                array.append(element)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(array) }
                return nil
            }
        case UInt8(ascii: "{"):
            guard depth < 512 else { return nil }
            depth += 1
            defer { depth -= 1 }
            index += 1
            var object: [String: JSON] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let element = value() else { return nil }
                object[key] = element
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
                return nil
            }
        default:
            return number()
        }
    }

    private mutating func number() -> JSON? {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        guard index > start, let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)), number.isFinite else { return nil }
        return .number(number)
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else { return nil }
        index += 4
        return value
    }

    private mutating func string() -> String? {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush() {
            scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush()
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            flush()
            index += 1
            guard index < bytes.count else { return nil }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard var code = hex4() else { return nil }
                if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default:
                return nil
            }
            run = index
        }
        return nil
    }
}

/// The JSON-RPC error codes the protocol uses.
public enum RPCError: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestCancelled = -32800
}

/// Reads framed messages (`Content-Length: N\r\n\r\n` and N bytes of JSON) from a file descriptor.
public final class MessageReader {
    /// What one frame held.
    public enum Frame: Equatable {
        case message(JSON)
        /// A frame whose body is not JSON, or whose header has no length.
        case malformed(String)
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false

    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// The largest header and body read; an editor's buffers are far smaller.
    static let maximumHeader = 64 * 1024
    static let maximumBody = 256 * 1024 * 1024

    /// The next frame, or nil at the end of the input.
    public func next() -> Frame? {
        while true {
            if let frame = takeFrame() { return frame }
            if atEnd { return nil }
            fill()
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 {
            if count < 0, errno == EINTR { return }
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk[0..<count])
    }

    private func takeFrame() -> Frame? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = firstIndex(of: separator) else {
            if atEnd, !buffer.isEmpty {
                buffer.removeAll()
                return .malformed("the input ended inside a message's header")
            }
            if buffer.count > Self.maximumHeader {
                buffer.removeAll()
                return .malformed("a message's header is longer than \(Self.maximumHeader) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0 else {
            buffer.removeSubrange(0..<headerEnd + 4)
            return .malformed("a message's header has no Content-Length")
        }
        guard length <= Self.maximumBody else {
            // Its body cannot be skipped safely: the rest of the input is dropped.
            buffer.removeAll()
            atEnd = true
            return .malformed("a message of \(length) bytes is larger than \(Self.maximumBody)")
        }
        let bodyStart = headerEnd + 4
        guard buffer.count >= bodyStart + length else {
            if atEnd {
                buffer.removeAll()
                return .malformed("the input ended inside a message")
            }
            return nil
        }
        let body = Data(buffer[bodyStart..<bodyStart + length])
        buffer.removeSubrange(0..<bodyStart + length)
        guard let json = JSON(parsing: body) else { return .malformed("a message is not JSON") }
        return .message(json)
    }

    private func firstIndex(of pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for start in 0...(buffer.count - pattern.count) where buffer[start] == pattern[0] {
            if buffer[start..<start + pattern.count].elementsEqual(pattern) { return start }
            // A header is short: no need to look further than its limit.
            if start > Self.maximumHeader { return nil }
        }
        return nil
    }
}

/// Writes framed messages to a file descriptor, one at a time.
public final class MessageWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()

    public init(descriptor: Int32) { self.descriptor = descriptor }

    public func send(_ message: JSON) {
        let body = message.data
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        lock.withLock {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
