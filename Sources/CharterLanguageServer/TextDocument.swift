/// How positions count characters within a line: the client and the server agree on one when
/// they start (UTF-16 unless the client offers another).
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// How many units a scalar takes.
    func width(_ scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: UTF8.width(scalar)
        case .utf16: UTF16.width(scalar)
        case .utf32: 1
        }
    }
}

/// A position in a text: a line and a character offset in the agreed encoding, both from 0.
public struct Position: Equatable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    var json: JSON { ["line": .number(Double(line)), "character": .number(Double(character))] }

    init?(_ json: JSON?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

/// An editor's buffer: its text, changed by the edits the client sends.
public struct TextDocument: Sendable {
    public private(set) var text: String
    public var version: Int

    public init(text: String, version: Int) {
        self.text = text
        self.version = version
    }

    /// Replaces the text between two positions (a `textDocument/didChange` change with a range).
    /// Positions past a line's end mean its end; lines past the last mean the text's end.
    public mutating func replace(from start: Position, to end: Position, with replacement: String, encoding: PositionEncoding) {
        var scalars = Array(text.unicodeScalars)
        let lower = Self.offset(of: start, in: scalars, encoding: encoding)
        let upper = max(lower, Self.offset(of: end, in: scalars, encoding: encoding))
        scalars.replaceSubrange(lower..<upper, with: replacement.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        text = String(view)
    }

    /// The offset in scalars of a position.
    static func offset(of position: Position, in scalars: [Unicode.Scalar], encoding: PositionEncoding) -> Int {
        var index = 0
        var line = 0
        while line < position.line {
            guard let newline = scalars[index...].firstIndex(of: "\n") else { return scalars.count }
            index = newline + 1
            line += 1
        }
        var units = 0
        while index < scalars.count, scalars[index] != "\n", units < position.character {
            units += encoding.width(scalars[index])
            index += 1
        }
        return index
    }

    /// A text's lines, split at each newline, a carriage return before it left out: `String`'s
    /// own split would take "\r\n" for one character and never split there.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current.last == "\r" { current.removeLast() }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if current.last == "\r" { current.removeLast() }
        lines.append(String(current))
        return lines
    }

    /// The position of a line (from 1) and a column in scalars (from 1), as Charter's
    /// diagnostics give them, in the agreed encoding, in a text split by `lines(_:)`.
    static func position(line: Int, column: Int, in lines: [String], encoding: PositionEncoding) -> Position {
        let lineIndex = max(0, line - 1)
        guard lineIndex < lines.count else { return Position(line: lineIndex, character: 0) }
        var units = 0
        for scalar in lines[lineIndex].unicodeScalars.prefix(max(0, column - 1)) { units += encoding.width(scalar) }
        return Position(line: lineIndex, character: units)
    }

    /// The end of the word that starts at a diagnostic's position (an id, a path, a link), so
    /// that the editor underlines it; the position itself when no word starts there.
    static func wordEnd(line: Int, column: Int, in lines: [String], encoding: PositionEncoding) -> Position {
        let start = position(line: line, column: column, in: lines, encoding: encoding)
        guard line >= 1, line - 1 < lines.count else { return start }
        var units = start.character
        let rest = Array(lines[line - 1].unicodeScalars.dropFirst(max(0, column - 1)))
        // A Markdown link or image: the whole of it, `[text](destination)`.
        if let open = rest.firstIndex(of: "["), open <= 1, rest.prefix(open).allSatisfy({ $0 == "!" }) {
            var depth = 0
            var index = open
            while index < rest.count {
                if rest[index] == "[" { depth += 1 }
                if rest[index] == "]" { depth -= 1 }
                if depth == 0 { break }
                index += 1
            }
            if index + 1 < rest.count, rest[index + 1] == "(", let close = rest[(index + 1)...].firstIndex(of: ")") {
                for scalar in rest[...close] { units += encoding.width(scalar) }
                return Position(line: start.line, character: units)
            }
        }
        for scalar in rest {
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "," || scalar == "]" || scalar == "}" || scalar == ")" {
                break
            }
            units += encoding.width(scalar)
        }
        if units == start.character {
            // Nothing there: underline to the end of the line instead.
            for scalar in lines[line - 1].unicodeScalars.dropFirst(max(0, column - 1)) where scalar != "\r" { units += encoding.width(scalar) }
        }
        return Position(line: start.line, character: units)
    }
}
