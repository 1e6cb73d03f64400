/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML between the `---` lines, or nil when the file has no front matter.
    public var yaml: String?
    /// The Markdown after the front matter.
    public var body: String
    /// Lines that precede the body in the file: add it to a body line to get a file line.
    public var bodyLineOffset: Int
    /// Lines that precede the YAML in the file (the opening `---`).
    public var yamlLineOffset: Int { 1 }
}

/// Splits `---` delimited YAML front matter from the start of a Markdown file.
public enum FrontMatterSplitter {
    /// Splits the text; an opening `---` with no closing `---` or `...` line is reported
    /// and the whole file is then treated as body, so nothing is lost.
    public static func split(_ source: SourceText) -> (split: FrontMatterSplit, diagnostics: [Diagnostic]) {
        let text = source.text
        let noFrontMatter = FrontMatterSplit(yaml: nil, body: text, bodyLineOffset: 0)
        guard let firstNewline = text.firstIndex(of: "\n"), isDelimiter(text[..<firstNewline], closing: false) else {
            return (noFrontMatter, [])
        }
        var lineStart = text.index(after: firstNewline)
        var lineNumber = 2
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            if isDelimiter(text[lineStart..<lineEnd], closing: true) {
                let yaml = String(text[text.index(after: firstNewline)..<lineStart])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return (FrontMatterSplit(yaml: yaml, body: String(text[bodyStart...]), bodyLineOffset: lineNumber), [])
            }
            guard lineEnd < text.endIndex else { break }
            lineStart = text.index(after: lineEnd)
            lineNumber += 1
        }
        let diagnostic = Diagnostic(
            .unterminatedFrontMatter,
            "front matter starts with '---' on line 1 but no closing '---' line follows",
            at: SourceLocation(path: source.path, line: 1, column: 1),
            fixHint: "add a line with '---' after the last front-matter key")
        return (noFrontMatter, [diagnostic])
    }

    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
