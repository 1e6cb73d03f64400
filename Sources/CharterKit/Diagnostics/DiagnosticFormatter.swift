/// Prints diagnostics the way compilers do, so editors and CI annotators can read them.
public struct DiagnosticFormatter: Sendable {
    /// Looks up a line of a source file (1-based) to quote under a diagnostic.
    public typealias LineLookup = @Sendable (_ path: String, _ line: Int) -> String?

    private let lineLookup: LineLookup?

    /// Creates a formatter; with a line lookup it quotes the source line and marks the column.
    public init(quotingSourceWith lineLookup: LineLookup? = nil) {
        self.lineLookup = lineLookup
    }

    /// `path:line:col: severity: message [CODE]`, followed by notes and any hint.
    public func format(_ diagnostic: Diagnostic) -> String {
        var lines = ["\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"]
        if let lineLookup, let source = lineLookup(diagnostic.location.path, diagnostic.location.line) {
            lines.append("    " + source)
            let lead = source.unicodeScalars.prefix(max(0, diagnostic.location.column - 1))
                .map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("    " + lead + "^")
        }
        for note in diagnostic.notes {
            if let location = note.location {
                lines.append("\(location): note: \(note.message)")
            } else {
                lines.append("    note: \(note.message)")
            }
        }
        if let hint = diagnostic.fixHint {
            lines.append("    help: \(hint)")
        }
        return lines.joined(separator: "\n")
    }

    /// Every diagnostic, sorted, then a one-line count.
    public func report(_ diagnostics: [Diagnostic]) -> String {
        var out = diagnostics.sorted().map(format)
        out.append(Self.summary(of: diagnostics))
        return out.joined(separator: "\n") + "\n"
    }

    /// "2 errors, 1 warning" style totals, with ", 3 notes" when there are notes.
    public static func summary(of diagnostics: [Diagnostic]) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let notes = diagnostics.count(of: .note)
        return ([
            plural(diagnostics.count(of: .error), "error"),
            plural(diagnostics.count(of: .warning), "warning"),
        ] + (notes > 0 ? [plural(notes, "note")] : [])).joined(separator: ", ")
    }
}
