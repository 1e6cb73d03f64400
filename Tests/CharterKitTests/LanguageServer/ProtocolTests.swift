import Foundation
import Testing
@testable import CharterLanguageServer

/// The language server's own protocol layer: JSON, framing, and edits at positions counted in
/// the encoding the client chose. Tests/lsp drives the whole server through a real client.
@Suite struct ProtocolTests {
    @Test("JSON is read strictly and written with its keys sorted")
    func json() throws {
        let parsed = try #require(JSON(parsing: Data(#"{"b": [1, 2.5, true, null], "a": "x\"\u00e9\ud83d\udc4d\n"}"#.utf8)))
        #expect(parsed == ["b": [1, .number(2.5), true, nil], "a": "x\"é👍\n"])
        #expect(String(decoding: parsed.data, as: UTF8.self) == #"{"a":"x\"é👍\n","b":[1,2.5,true,null]}"#)
        for bad in ["{not json", "[1,]", "{\"a\" 1}", "\"open", "01x", "[1] 2", "", String(repeating: "[", count: 600) + String(repeating: "]", count: 600)] {
            #expect(JSON(parsing: Data(bad.utf8)) == Optional<JSON>.none, "\(bad.prefix(20))")
        }
    }

    @Test("frames are read by their Content-Length, whole or split, and a bad one is reported")
    func framing() throws {
        var pipe: [Int32] = [0, 0]
        #expect(Darwin_or_Glibc_pipe(&pipe) == 0)
        let writer = MessageWriter(descriptor: pipe[1])
        writer.send(["id": 1])
        let raw = Array("Content-Length: 3\r\n\r\n{x}Content-Type: x\r\n\r\n".utf8)
        _ = raw.withUnsafeBytes { write(pipe[1], $0.baseAddress, $0.count) }
        writer.send(["method": "é"])
        close(pipe[1])
        let reader = MessageReader(descriptor: pipe[0])
        #expect(reader.next() == .message(["id": 1]))
        #expect(reader.next() == .malformed("a message is not JSON"))
        #expect(reader.next() == .malformed("a message's header has no Content-Length"))
        #expect(reader.next() == .message(["method": "é"]))
        #expect(reader.next() == nil)
        close(pipe[0])

        // A length that would overflow, or that no editor sends, ends the input instead of the process.
        var second: [Int32] = [0, 0]
        #expect(Darwin_or_Glibc_pipe(&second) == 0)
        let huge = Array("Content-Length: 9223372036854775807\r\n\r\n{}".utf8)
        _ = huge.withUnsafeBytes { write(second[1], $0.baseAddress, $0.count) }
        close(second[1])
        let hostile = MessageReader(descriptor: second[0])
        #expect(hostile.next() == .malformed("a message of 9223372036854775807 bytes is larger than 268435456"))
        #expect(hostile.next() == nil)
        close(second[0])
    }

    @Test("lines split at LF and CRLF alike; a link is found after brackets that are not one")
    func linesAndLinks() {
        #expect(TextDocument.lines("a\r\nb\nc\r\n") == ["a", "b", "c", ""])
        #expect(TextDocument.position(line: 2, column: 3, in: TextDocument.lines("owner: x\r\nowner: hubb\r\n"), encoding: .utf16) == Position(line: 1, character: 2))
        let line = Array("- [ ] see [1] and [the guide](guide.md#part)".unicodeScalars)
        #expect(LanguageServer.linkDestination(in: line, at: 20) == "guide.md#part")
        #expect(LanguageServer.linkDestination(in: line, at: 3) == nil)
    }

    @Test("an edit's positions count UTF-16 units by default, or bytes or scalars when agreed")
    func edits() {
        var document = TextDocument(text: "a👍b\ncafé\n", version: 1)
        // 👍 is two UTF-16 units: character 3 is "b".
        document.replace(from: Position(line: 0, character: 3), to: Position(line: 0, character: 4), with: "B", encoding: .utf16)
        #expect(document.text == "a👍B\ncafé\n")
        // In UTF-8, "é" is bytes 3 and 4 of its line.
        document.replace(from: Position(line: 1, character: 3), to: Position(line: 1, character: 5), with: "e", encoding: .utf8)
        #expect(document.text == "a👍B\ncafe\n")
        document.replace(from: Position(line: 0, character: 1), to: Position(line: 0, character: 2), with: "", encoding: .utf32)
        #expect(document.text == "aB\ncafe\n")
        // Past a line's end is its end; past the last line is the text's end.
        document.replace(from: Position(line: 0, character: 40), to: Position(line: 9, character: 0), with: "!", encoding: .utf16)
        #expect(document.text == "aB!")
        #expect(TextDocument.position(line: 2, column: 5, in: TextDocument.lines("x\ncafé [a](b)"), encoding: .utf16) == Position(line: 1, character: 4))
        #expect(TextDocument.wordEnd(line: 2, column: 6, in: TextDocument.lines("x\ncafé [a](b) more"), encoding: .utf16) == Position(line: 1, character: 11))
        #expect(TextDocument.wordEnd(line: 1, column: 8, in: TextDocument.lines("owner: hubb # x"), encoding: .utf16) == Position(line: 0, character: 11))
    }
}

private func Darwin_or_Glibc_pipe(_ descriptors: inout [Int32]) -> Int32 {
    descriptors.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
}
