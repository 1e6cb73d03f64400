import Foundation

/// How Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// cmark-gfm syntax extensions to attach, by name.
    public var extensions: [String]
    /// Whether `[^label]` footnotes are recognised.
    public var footnotes: Bool
    /// Whether raw HTML and `javascript:` URLs pass through. Off unless a site opts in.
    public var allowRawHTML: Bool
    /// Curly quotes and dashes.
    public var smartPunctuation: Bool
    /// Whether headings get GitHub-style `id`s.
    public var headingIDs: Bool
    /// Put before every footnote id, so documents sharing a page do not collide.
    public var footnotePrefix: String
    /// Put before every heading id, for the same reason; empty on a page of its own, so that
    /// ids match GitHub's.
    public var headingIDPrefix: String = ""
    /// Takes a level-1 heading that opens the document out of the HTML, so a template can
    /// place the title itself; the heading is still listed and reserves its id.
    public var extractLeadingTitle: Bool
    /// Names each task-list checkbox after its item's text (`aria-label`), which cmark-gfm
    /// leaves nameless; off for output that must match cmark-gfm's byte for byte.
    public var labelTaskItems = true
    /// The titles of GitHub's alerts (`> [!TIP]`) in the site's language.
    public var alertTitles = AlertTitles()

    /// The titles of GitHub's five alerts. A struct, not a dictionary, so that the options'
    /// description, part of the Markdown cache's key, is the same in every process.
    public struct AlertTitles: Sendable, Hashable {
        public var note = "Note", tip = "Tip", important = "Important", warning = "Warning", caution = "Caution"

        public init() {}

        /// The kinds, as `[!KIND]` names them in lower case.
        public static let kinds = ["note", "tip", "important", "warning", "caution"]

        /// The title of a kind ("tip").
        public subscript(kind: String) -> String? {
            get {
                switch kind {
                case "note": note
                case "tip": tip
                case "important": important
                case "warning": warning
                case "caution": caution
                default: nil
                }
            }
            set {
                guard let newValue else { return }
                switch kind {
                case "note": note = newValue
                case "tip": tip = newValue
                case "important": important = newValue
                case "warning": warning = newValue
                case "caution": caution = newValue
                default: break
                }
            }
        }
    }

    /// Creates options; the defaults are the site's: every GFM extension, footnotes, safe mode, heading ids.
    public init(
        extensions: [String] = MarkdownOptions.gfmExtensions,
        footnotes: Bool = true,
        allowRawHTML: Bool = false,
        smartPunctuation: Bool = false,
        headingIDs: Bool = true,
        footnotePrefix: String = "",
        extractLeadingTitle: Bool = false
    ) {
        self.extensions = extensions
        self.footnotes = footnotes
        self.allowRawHTML = allowRawHTML
        self.smartPunctuation = smartPunctuation
        self.headingIDs = headingIDs
        self.footnotePrefix = footnotePrefix
        self.extractLeadingTitle = extractLeadingTitle
    }

    /// The GitHub-flavoured extensions Charter turns on for site pages.
    public static let gfmExtensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
}

/// A heading of a rendered document, for tables of contents and anchor checks.
public struct Heading: Sendable, Hashable, Codable {
    public var level: Int
    public var text: String
    /// The `id` given to the heading, or nil when heading ids are off.
    public var id: String?
    /// Where the heading starts in the source file.
    public var location: SourceLocation
}

/// A link or image destination found in a document, with its position in the source file.
public struct MarkdownLink: Sendable, Hashable, Codable {
    // Mutable so that text embedded in YAML can move positions to its place in the file.
    public var url: String
    public var isImage: Bool
    public var location: SourceLocation
}

/// The result of rendering one Markdown document.
public struct RenderedMarkdown: Sendable, Hashable, Codable {
    public var html: String
    public var headings: [Heading]
    public var links: [MarkdownLink]
    public var diagnostics: [Diagnostic]
    /// The level-1 heading taken out of the HTML because it opened the document.
    public var extractedTitle: Heading?

    /// The text of the first level-1 heading, if any.
    public var firstTitle: String? {
        headings.first { $0.level == 1 }?.text
    }
}

/// Renders Markdown through cmark-gfm. Safe to call from several threads at once.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    /// Creates a renderer with the given options.
    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders `markdown`, the body of the file at `path` that starts after `lineOffset`
    /// lines of the file; `rewriteLink` may return a new destination for a link or image.
    public func render(
        _ markdown: String,
        path: String = "<input>",
        lineOffset: Int = 0,
        rewriteLink: (MarkdownLink) -> String? = { _ in nil }
    ) throws(MarkdownError) -> RenderedMarkdown {
        let lines = LineIndex(markdown)
        func location(line: Int, byteColumn: Int) -> SourceLocation {
            SourceLocation(path: path, line: line + lineOffset, column: lines.scalarColumn(line: line, byteColumn: byteColumn))
        }
        var slugger = Slugger()
        let output = try CmarkBridge.render(
            markdown,
            extensions: options.extensions,
            footnotes: options.footnotes,
            unsafe: options.allowRawHTML,
            smart: options.smartPunctuation,
            removeLeadingHeading: options.extractLeadingTitle,
            alertTitles: options.alertTitles,
            headingID: options.headingIDs ? { [prefix = options.headingIDPrefix] _, heading in prefix + slugger.slug(for: heading.text) } : nil,
            rewriteLink: { link in
                rewriteLink(MarkdownLink(url: link.url, isImage: link.isImage, location: location(line: link.line, byteColumn: link.byteColumn)))
            })
        let headings = output.headings.enumerated().map { index, heading in
            Heading(
                level: heading.level,
                text: heading.text,
                id: output.headingIDs[index],
                location: SourceLocation(path: path, line: heading.line + lineOffset, column: 1))
        }
        let links = output.links.map {
            MarkdownLink(url: $0.url, isImage: $0.isImage, location: location(line: $0.line, byteColumn: $0.byteColumn))
        }
        let diagnostics = output.droppedRawHTML.map {
            Diagnostic(
                .rawHTMLDropped, "raw HTML is left out of the page",
                at: location(line: $0.line, byteColumn: $0.byteColumn),
                fixHint: "use Markdown instead, or set 'unsafe_html: true' in charter.yaml if every author is trusted")
        }
        let html = Self.prefixFootnoteIDs(output.html, with: options.footnotePrefix)
        return RenderedMarkdown(
            html: options.labelTaskItems ? Self.labelTaskCheckboxes(html) : html,
            headings: headings,
            links: links,
            diagnostics: diagnostics,
            extractedTitle: output.removedLeadingHeading ? headings.first : nil)
    }

    /// cmark-gfm derives footnote ids from labels alone and offers no hook to change them,
    /// so the prefix is applied to its own `fn-`/`fnref-` attributes. In safe mode those
    /// exact attribute texts can only come from the renderer: quotes in text are escaped.
    static func prefixFootnoteIDs(_ html: String, with prefix: String) -> String {
        guard !prefix.isEmpty, html.contains("fn-") else { return html }
        return html
            .replacingOccurrences(of: "id=\"fn-", with: "id=\"fn-\(prefix)")
            .replacingOccurrences(of: "href=\"#fn-", with: "href=\"#fn-\(prefix)")
            .replacingOccurrences(of: "id=\"fnref-", with: "id=\"fnref-\(prefix)")
            .replacingOccurrences(of: "href=\"#fnref-", with: "href=\"#fnref-\(prefix)")
    }
}

extension MarkdownRenderer {
    /// Gives every task-list checkbox cmark-gfm writes (`<input type="checkbox" disabled="" />`)
    /// an accessible name: its item's text up to a nested list or the item's end, tags left
    /// out. The text is already escaped by cmark-gfm; quotes are escaped again to be sure.
    static func labelTaskCheckboxes(_ html: String) -> String {
        let marker = "<input type=\"checkbox\""
        guard LineIndex.contains(html, marker) else { return html }
        let markerBytes = Array(marker.utf8), closeBytes = Array(" />".utf8)
        var out = ""
        var rest = html[...]
        while let start = LineIndex.range(of: markerBytes, in: rest) {
            guard let close = LineIndex.range(of: closeBytes, in: rest[start.upperBound...]) else { break }
            out += rest[..<close.lowerBound]
            // The item's text: until the item ends, a nested list starts or the first paragraph ends.
            var label = ""
            var inTag = false
            var tag = ""
            scan: for character in rest[close.upperBound...] {
                if inTag {
                    if character == ">" {
                        inTag = false
                        let name = tag.lowercased()
                        for stop in ["/li", "ul", "ol", "/p", "li", "input", "/ul", "/ol"]
                        where name == stop || name.hasPrefix(stop + " ") { break scan }
                        label.append(" ")
                    } else {
                        tag.append(character)
                    }
                } else if character == "<" {
                    inTag = true
                    tag = ""
                } else {
                    label.append(character)
                }
            }
            let words = label.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacing("\"", with: "&quot;")
            out += " aria-label=\"\(words.isEmpty ? "task" : words)\" />"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// Converts cmark-gfm's byte columns into the Unicode-scalar columns Charter reports.
struct LineIndex {
    private let text: String
    /// The byte offset at which each line starts.
    private let starts: [Int]

    /// True when every byte is ASCII, so that a byte column is the scalar column.
    private let isASCII: Bool

    init(_ text: String) {
        self.text = text
        var starts = [0]
        var high: UInt8 = 0
        Self.withBytes(text) { bytes in
            for offset in bytes.indices {
                let byte = bytes[offset]
                high |= byte
                if byte == 0x0A { starts.append(offset + 1) }
            }
        }
        self.starts = starts
        self.isASCII = high < 0x80
    }

    /// The column in Unicode scalars of a byte column (both counted from 1) on a line.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = starts[line - 1]
        // The line's end, before its newline.
        let end = line < starts.count ? starts[line] - 1 : text.utf8.count
        if isASCII { return min(byteColumn - 1, end - start) + 1 }
        var scalars = 0
        Self.withBytes(text) { bytes in
            scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, start + byteColumn - 1)]), as: UTF8.self)
                .unicodeScalars.count
        }
        return scalars + 1
    }

    /// True when `needle` occurs in `text`, compared byte by byte.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var found = false
        let needle = Array(needle.utf8)
        withBytes(text) { found = firstOffset(of: needle, in: $0) != nil }
        return found
    }

    /// Where the bytes of `needle` first occur in `text`, found byte by byte rather than by
    /// Foundation's search.
    static func range(of needle: [UInt8], in text: Substring) -> Range<String.Index>? {
        var found: Int?
        withBytes(text) { found = firstOffset(of: needle, in: $0) }
        guard let offset = found else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: needle.count)
    }

    private static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard bytes.count >= needle.count else { return nil }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    private static func withBytes(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable(body) == nil {
            Array(text.utf8).withUnsafeBufferPointer(body)
        }
    }
}
