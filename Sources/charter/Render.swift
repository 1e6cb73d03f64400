import ArgumentParser
import CharterKit
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the HTML body Charter makes of one Markdown file.",
        discussion: """
            Without options the file is rendered as a site page: every GFM extension, footnotes, \
            heading ids, safe mode. With --cmark it behaves like the cmark-gfm command, so that \
            cmark-gfm's spec runner can test it: spec_tests.py --program "charter render --cmark".
            """)

    @Argument(help: "The Markdown file, or - for standard input (the default).")
    var file = "-"

    @Flag(help: "Let raw HTML and dangerous URLs through.")
    var unsafe = false

    @Option(name: [.customShort("e"), .customLong("extension")], help: "A cmark-gfm extension to use instead of the site's set (repeatable).")
    var extensions: [String] = []

    @Flag(help: "Curly quotes and dashes.")
    var smart = false

    @Flag(help: "Recognise footnotes (always on without --cmark).")
    var footnotes = false

    @Flag(help: "Behave like the cmark-gfm command: only the extensions given, no heading ids.")
    var cmark = false

    func run() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data("charter: error: cannot read '\(file)': \(error.localizedDescription)\n".utf8))
            throw Exit.io
        }
        let path = file == "-" ? "<stdin>" : file
        let source: SourceText
        switch SourceText.decode(data, path: path) {
        case .success(let text): source = text
        case .failure(.invalidUTF8(let line, let column)):
            FileHandle.standardError.write(Data("\(path):\(line):\(column): error: file is not valid UTF-8 [CH002]\n".utf8))
            throw Exit.contentErrors
        }
        var options = MarkdownOptions(allowRawHTML: unsafe, smartPunctuation: smart)
        let wantsFootnotes = footnotes || extensions.contains("footnotes")
        let chosen = extensions.filter { $0 != "footnotes" }
        if cmark {
            options.extensions = chosen
            options.footnotes = wantsFootnotes
            options.headingIDs = false
            options.labelTaskItems = false
        } else if !extensions.isEmpty {
            options.extensions = chosen
        }
        let body: String
        let lineOffset: Int
        if cmark {
            (body, lineOffset) = (source.text, 0)
        } else {
            let (split, diagnostics) = FrontMatterSplitter.split(source)
            (body, lineOffset) = (split.body, split.bodyLineOffset)
            for diagnostic in diagnostics { FileHandle.standardError.write(Data((DiagnosticFormatter().format(diagnostic) + "\n").utf8)) }
        }
        do {
            let rendered = try MarkdownRenderer(options: options).render(body, path: path, lineOffset: lineOffset)
            FileHandle.standardOutput.write(Data(rendered.html.utf8))
        } catch {
            FileHandle.standardError.write(Data("charter: error: \(error)\n".utf8))
            throw Exit.usage
        }
    }
}
