import Testing
@testable import CharterKit

/// cmark-gfm gives columns in bytes; diagnostics give them in Unicode scalars, as editors count.
@Suite struct LineIndexTests {
    @Test("byte columns become scalar columns, line by line, in ASCII and beyond it")
    func columns() {
        let ascii = LineIndex("abc\ndefgh\n")
        #expect(ascii.scalarColumn(line: 2, byteColumn: 4) == 4)
        // Past the line's end, the column after its last character.
        #expect(ascii.scalarColumn(line: 1, byteColumn: 9) == 4)
        #expect(ascii.scalarColumn(line: 9, byteColumn: 3) == 3)
        #expect(ascii.scalarColumn(line: 1, byteColumn: 0) == 1)

        // "é" is two bytes and one scalar, "👍" four bytes and one scalar.
        let text = LineIndex("x\ncafé [a](b)\r\n👍 [c](d)")
        #expect(text.scalarColumn(line: 2, byteColumn: 8) == 7)
        #expect(text.scalarColumn(line: 3, byteColumn: 6) == 3)
        #expect(text.scalarColumn(line: 2, byteColumn: 40) == 13)
        #expect(LineIndex.contains("<p><input type=\"checkbox\" />", "<input type=\"checkbox\""))
        #expect(!LineIndex.contains("<p><input type=\"radio\" />", "<input type=\"checkbox\""))
        #expect(!LineIndex.contains("<in", "<input"))
    }
}
