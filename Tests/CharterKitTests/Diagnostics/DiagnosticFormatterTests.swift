import Testing
@testable import CharterKit

@Suite struct DiagnosticFormatterTests {
    let diagnostic = Diagnostic(
        .duplicateOutputPath, "'b' and 'a' would both be written to 'x.html'",
        at: SourceLocation(path: "content/b.md", line: 2, column: 5),
        notes: [.init("the other file", at: SourceLocation(path: "content/a.md")), .init("no place")],
        fixHint: "rename one of the files")

    @Test("prints path:line:col: severity: message [CODE], then notes and the hint")
    func plain() {
        #expect(DiagnosticFormatter().format(diagnostic) == """
            content/b.md:2:5: error: 'b' and 'a' would both be written to 'x.html' [CH004]
            content/a.md:1:1: note: the other file
                note: no place
                help: rename one of the files
            """)
    }

    @Test("quotes the source line with a caret under the column, keeping tabs")
    func quoted() {
        let formatter = DiagnosticFormatter(quotingSourceWith: { _, _ in "\tvé: [x" })
        let lines = formatter.format(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "    \tvé: [x")
        #expect(lines[2] == "    \t   ^")
    }

    @Test("sorts by path, line, column and code, and totals errors and warnings")
    func report() {
        let a = Diagnostic(.shadowedReadme, "w", at: SourceLocation(path: "b.md", line: 1, column: 1))
        let b = Diagnostic(.wrongType, "e", at: SourceLocation(path: "a.md", line: 9, column: 1))
        let c = Diagnostic(.malformedYAML, "e", at: SourceLocation(path: "a.md", line: 9, column: 1))
        #expect(DiagnosticFormatter().report([a, b, c]) == """
            a.md:9:1: error: e [CH102]
            a.md:9:1: error: e [CH105]
            b.md:1:1: warning: w [CH005]
            2 errors, 1 warning

            """)
    }
}
