import Foundation
import Testing
@testable import CharterKit

/// The search index's summaries and string literals are made from UTF-8 bytes; these tests hold
/// them, on random text of every kind, to the character-by-character fold (which `cut` keeps
/// for text beyond ASCII) and to the scalar-by-scalar escaping that `quote` replaced.
@Suite struct SearchTextTests {
    /// A JavaScript string literal, escaped scalar by scalar.
    static func referenceQuote(_ text: String) -> String {
        var out = "\""
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where previous == "<": out += "\\/"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Pieces that matter to the two functions: every ASCII white space, CRLF, escapes, `</`,
    /// controls, the line and paragraph separators, combining marks after a space, emoji
    /// sequences, letters of other scripts and the no-break space.
    static let pieces = [
        "a", "word", "Strategy", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\r", "\"", "\\", "</", "<", "/", "\u{01}",
        "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "e\u{301}", " \u{301}", "👩‍💻", "🇫🇷", "Ünïcödé", "日本語", "\u{A0}", "\u{85}", "…",
    ]

    /// Random texts from the pieces, the same on every run.
    static func texts(count: Int, seed: UInt64, asciiOnly: Bool) -> [String] {
        var generator = LivePreviewTests.SplitMix(state: seed)
        let source = asciiOnly ? pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : pieces
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...60, using: &generator)).map { _ in source.randomElement(using: &generator)! }.joined()
        }
    }

    @Test("cut gives what the character-by-character fold gives, for ASCII and mixed text and every length", arguments: [true, false])
    func cutMatches(asciiOnly: Bool) {
        for text in Self.texts(count: 400, seed: asciiOnly ? 11 : 12, asciiOnly: asciiOnly) {
            for length in [0, 1, 5, 17, 40, 1000] {
                #expect(SearchIndex.cut(text, to: length) == SearchIndex.cutByCharacters(text, to: length), "\(text.debugDescription) to \(length)")
            }
        }
    }

    @Test("quote gives what the scalar-by-scalar escaping gives", arguments: [true, false])
    func quoteMatches(asciiOnly: Bool) {
        for text in Self.texts(count: 400, seed: asciiOnly ? 21 : 22, asciiOnly: asciiOnly) {
            #expect(SearchIndex.quote(text) == Self.referenceQuote(text), "\(text.debugDescription)")
        }
        #expect(SearchIndex.quote("<\u{2028}/\u{2029}\u{1F}") == "\"<\\u2028/\\u2029\\u001f\"")
    }
}
