public import Foundation

/// The text of a content file, decoded and normalised: UTF-8 checked, a leading
/// byte-order mark dropped, and CRLF or lone CR line endings turned into LF.
///
/// Because only line endings change, line numbers stay those of the file on disk;
/// columns are counted in Unicode scalars.
public struct SourceText: Sendable, Hashable {
    /// Path relative to the site root, with `/` separators.
    public let path: String
    /// The normalised text.
    public let text: String

    /// Creates source text that is already decoded.
    public init(path: String, text: String) {
        self.path = path
        self.text = Self.normaliseLineEndings(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    }

    /// Why bytes could not be decoded.
    public enum DecodingFailure: Error, Equatable {
        /// The first invalid byte sequence starts at this 1-based line and column.
        case invalidUTF8(line: Int, column: Int)
    }

    /// Decodes bytes as UTF-8, reporting the position of the first invalid sequence.
    public static func decode(_ data: Data, path: String) -> Result<SourceText, DecodingFailure> {
        if let text = String(validating: data, as: UTF8.self) {
            return .success(SourceText(path: path, text: text))
        }
        return .failure(firstInvalidSequence(in: data))
    }

    /// The 1-based line, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        return String(text[start..<end])
    }

    private static func normaliseLineEndings(_ text: String) -> String {
        // memchr over the contiguous bytes: the generic `contains` walks them one index at a time.
        let hasReturn = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(13)
        guard hasReturn else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func firstInvalidSequence(in data: Data) -> DecodingFailure {
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return .invalidUTF8(line: line, column: column)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return .invalidUTF8(line: line, column: column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return .invalidUTF8(line: line, column: column)
    }
}
