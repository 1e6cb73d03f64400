internal import CCmarkGFM
import Foundation

// The only file in Charter that talks to cmark-gfm. Everything crossing this boundary
// becomes a Swift value, and every C object is freed by a `defer` next to its creation.

/// A link or image found in a parsed document.
struct CmarkLink: Sendable {
    var url: String
    var isImage: Bool
    /// 1-based line within the text that was fed to the parser.
    var line: Int
    /// 1-based column in UTF-8 bytes within that line.
    var byteColumn: Int
}

/// A heading found in a parsed document.
struct CmarkHeading: Sendable {
    var level: Int
    var text: String
    var line: Int
}

/// What the bridge hands back for one document.
struct CmarkOutput: Sendable {
    var html: String
    var headings: [CmarkHeading]
    /// The id given to each heading, in the same order; nil where none was asked for.
    var headingIDs: [String?]
    var links: [CmarkLink]
    var droppedRawHTML: [(line: Int, byteColumn: Int)]
    /// Whether a leading level-1 heading was taken out of the HTML.
    var removedLeadingHeading: Bool
}

/// Parses and renders Markdown with cmark-gfm, rewriting the tree between the two.
enum CmarkBridge {
    /// cmark_parser_finish sets and clears process-wide inline-parser tables for the
    /// extensions' special characters, so two threads finishing at once corrupt each
    /// other's documents. Feeding, tree edits and rendering are safe in parallel.
    private static let finishLock = NSLock()

    /// The version of the cmark-gfm library linked into this binary, as the library reports it
    /// at run time (not the header Charter was compiled against).
    static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// Registering the core extensions mutates a global registry: do it exactly once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `text`, lets `rewriteLink` replace link and image URLs, gives headings the
    /// ids from `headingID` (nil leaves a heading as cmark renders it), and renders HTML.
    static func render(
        _ text: String,
        extensions: [String],
        footnotes: Bool,
        unsafe: Bool,
        smart: Bool,
        removeLeadingHeading: Bool,
        alertTitles: MarkdownOptions.AlertTitles = .init(),
        headingID: ((_ index: Int, _ heading: CmarkHeading) -> String?)?,
        rewriteLink: (CmarkLink) -> String?
    ) throws(MarkdownError) -> CmarkOutput {
        _ = registered
        var options = CMARK_OPT_DEFAULT
        if footnotes { options |= CMARK_OPT_FOOTNOTES }
        if unsafe { options |= CMARK_OPT_UNSAFE }
        if smart { options |= CMARK_OPT_SMART }

        guard let parser = cmark_parser_new(options) else { throw .outOfMemory }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            guard let ext = cmark_find_syntax_extension(name) else { throw .unknownExtension(name) }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        let document: OpaquePointer? = finishLock.withLock { cmark_parser_finish(parser) }
        guard let document else { throw .outOfMemory }
        defer { cmark_node_free(document) }

        var headingNodes: [(node: OpaquePointer, heading: CmarkHeading)] = []
        var links: [CmarkLink] = []
        var linkNodes: [OpaquePointer] = []
        var dropped: [(Int, Int)] = []
        var quotes: [OpaquePointer] = []
        do {
            guard let iterator = cmark_iter_new(document) else { throw MarkdownError.outOfMemory }
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    let heading = CmarkHeading(
                        level: Int(cmark_node_get_heading_level(node)),
                        text: plainText(of: node),
                        line: Int(cmark_node_get_start_line(node)))
                    headingNodes.append((node, heading))
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    links.append(CmarkLink(
                        url: url,
                        isImage: type == CMARK_NODE_IMAGE,
                        line: Int(cmark_node_get_start_line(node)),
                        byteColumn: Int(cmark_node_get_start_column(node))))
                    linkNodes.append(node)
                } else if type == CMARK_NODE_BLOCK_QUOTE {
                    quotes.append(node)
                } else if !unsafe && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
                    dropped.append((Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))))
                }
            }
        }

        // The iterator is done: now the tree may change.
        for (node, link) in zip(linkNodes, links) {
            if let replacement = rewriteLink(link), replacement != link.url {
                cmark_node_set_url(node, replacement)
            }
        }

        for quote in quotes { try makeAlert(quote, titles: alertTitles) }

        // Ids are decided for every heading in order, the leading one included, so that
        // the rest are numbered as GitHub numbers them.
        let ids = headingNodes.enumerated().map { index, entry in headingID?(index, entry.heading) }
        let removed = removeLeadingHeading && headingNodes.first?.heading.level == 1
            && cmark_node_first_child(document) == headingNodes.first?.node
        for (offset, entry) in headingNodes.enumerated() {
            if offset == 0 && removed {
                cmark_node_unlink(entry.node)
                cmark_node_free(entry.node)
            } else if let id = ids[offset] {
                try giveID(id, to: entry.node, level: entry.heading.level)
            }
        }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            throw .outOfMemory
        }
        defer { free(rendered) }
        return CmarkOutput(
            html: String(cString: rendered),
            headings: headingNodes.map(\.heading),
            headingIDs: ids,
            links: links,
            droppedRawHTML: dropped,
            removedLeadingHeading: removed)
    }

    /// Replaces a heading node by a custom block holding a custom inline that carries
    /// the `<hN id="…">` tags, since cmark-gfm renders headings without attributes.
    private static func giveID(_ id: String, to heading: OpaquePointer, level: Int) throws(MarkdownError) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { throw .outOfMemory }
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
            cmark_node_free(block)
            throw .outOfMemory
        }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(HTMLText.escape(id))\">")
        cmark_node_set_on_exit(inline, "</h\(level)>")
        guard cmark_node_append_child(block, inline) == 1 else {
            cmark_node_free(block)
            cmark_node_free(inline)
            throw .treeEditFailed
        }
        try replace(heading, by: block, movingChildrenInto: inline)
        cmark_node_free(heading)
    }

    /// Moves every child of `node` into `container` (which is `replacement` or inside it), then
    /// puts `replacement` where `node` was. On failure `replacement` is freed and `node` stays.
    private static func replace(
        _ node: OpaquePointer, by replacement: OpaquePointer, movingChildrenInto container: OpaquePointer
    ) throws(MarkdownError) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            guard cmark_node_append_child(container, child) == 1 else {
                cmark_node_free(child)
                cmark_node_free(replacement)
                throw .treeEditFailed
            }
        }
        guard cmark_node_replace(node, replacement) == 1 else {
            cmark_node_free(replacement)
            throw .treeEditFailed
        }
    }

    /// GitHub's alert kinds, written `> [!NOTE]` on the first line of a block quote.
    static let alertKinds: Set<String> = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"]

    /// Turns a block quote that starts with `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION) alone
    /// on its first line into a callout, with the classes GitHub uses.
    private static func makeAlert(_ quote: OpaquePointer, titles: MarkdownOptions.AlertTitles) throws(MarkdownError) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let marker = cmark_node_first_child(paragraph), cmark_node_get_type(marker) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(marker)
        else { return }
        let text = String(cString: literal).trimmingCharacters(in: .whitespaces)
        let marked = String(text.dropFirst(2).dropLast())
        guard text.hasPrefix("[!"), text.hasSuffix("]"), alertKinds.contains(marked) else { return }
        let kind = marked.lowercased()
        let title = HTMLText.escape(titles[kind] ?? marked)
        let next = cmark_node_next(marker)
        guard next == nil || [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(next)) else { return }
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { throw .outOfMemory }
        cmark_node_set_on_enter(block, "<div class=\"markdown-alert markdown-alert-\(kind)\" role=\"note\">\n<p class=\"markdown-alert-title\">\(title)</p>")
        cmark_node_set_on_exit(block, "</div>")
        if let next { cmark_node_free(next) }
        cmark_node_free(marker)
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        try replace(quote, by: block, movingChildrenInto: block)
        cmark_node_free(quote)
    }

    /// The text of a node's descendants, as GitHub uses it to make a heading's slug.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

/// Why cmark-gfm could not render a document. These are environment failures, not content problems.
public enum MarkdownError: Error, Equatable, CustomStringConvertible {
    case outOfMemory
    case unknownExtension(String)
    case treeEditFailed

    public var description: String {
        switch self {
        case .outOfMemory: "cmark-gfm could not allocate memory"
        case .unknownExtension(let name):
            "cmark-gfm has no extension named '\(name)' (it has: autolink, strikethrough, table, tagfilter, tasklist)"
        case .treeEditFailed: "cmark-gfm refused an edit of the document tree"
        }
    }
}
