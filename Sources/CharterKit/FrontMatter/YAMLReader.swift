import Yams

/// Parses YAML text into a `YAMLNode` tree, turning every parser failure into a
/// located diagnostic and bounding the work a hostile document can cause.
public struct YAMLReader: Sendable {
    /// How deep collections may nest, counted in columns of indentation plus open flow brackets.
    public var maximumDepth = 500
    /// How many nodes a document may expand to once aliases are followed.
    public var maximumNodes = 250_000

    /// Creates a reader with the default limits.
    public init() {}

    /// The parsed root, or nil with diagnostics; an empty document yields a null scalar.
    ///
    /// `lineOffset` is added to every line, for YAML embedded in a larger file (front matter).
    public func read(_ text: String, path: String, lineOffset: Int = 0) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        if let tooDeep = firstPositionPastDepthLimit(in: text) {
            let at = SourceLocation(path: path, line: tooDeep.line + lineOffset, column: tooDeep.column)
            return (nil, [Diagnostic(.yamlTooComplex, "YAML nests deeper than \(maximumDepth) levels", at: at)])
        }
        let root: Node?
        do {
            root = try Parser(yaml: text).singleRoot()
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, path: path, lineOffset: lineOffset, text: text)])
        } catch {
            return (nil, [Diagnostic(.malformedYAML, "YAML could not be parsed: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset))])
        }
        guard let root else {
            return (YAMLNode(.scalar("", .null), at: SourceLocation(path: path, line: 1 + lineOffset)), [])
        }
        var budget = maximumNodes
        var culprit: YAMLEntry?
        guard let node = convert(root, budget: &budget, culprit: &culprit, location: location) else {
            let at = culprit?.keyLocation ?? root.mark.map(location) ?? SourceLocation(path: path, line: 1 + lineOffset)
            let subject = culprit.map { "the value of '\($0.key)'" } ?? "the document"
            return (nil, [Diagnostic(
                .yamlTooComplex,
                "\(subject) expands to more than \(maximumNodes) values once aliases are followed",
                at: at,
                fixHint: "write the values out instead of repeating aliases of aliases")])
        }
        return (node, [])
    }

    /// Converts a Yams node, spending one unit of `budget` per value; when the budget runs out
    /// it returns nil and `culprit` names the innermost mapping entry whose value was too large.
    private func convert(
        _ node: Node, budget: inout Int, culprit: inout YAMLEntry?, location: (Mark) -> SourceLocation
    ) -> YAMLNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let at = node.mark.map(location) ?? SourceLocation(path: "", line: 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, Self.scalarType(of: node)), at: at)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, budget: &budget, culprit: &culprit, location: location) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), at: at)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? ""
                let keyLocation = key.mark.map(location) ?? at
                guard let converted = convert(value, budget: &budget, culprit: &culprit, location: location) else {
                    if culprit == nil { culprit = YAMLEntry(key: keyText, keyLocation: keyLocation, value: YAMLNode(.scalar("", .null), at: at)) }
                    return nil
                }
                entries.append(YAMLEntry(key: keyText, keyLocation: keyLocation, value: converted))
            }
            return YAMLNode(.mapping(entries), at: at)
        case .alias:
            return YAMLNode(.scalar("", .null), at: at)
        }
    }

    private static func scalarType(of node: Node) -> YAMLNode.ScalarType {
        switch node.tag.description {
        case Tag.Name.int.rawValue: .int
        case Tag.Name.float.rawValue: .float
        case Tag.Name.bool.rawValue: .bool
        case Tag.Name.null.rawValue: .null
        case Tag.Name.timestamp.rawValue: .timestamp
        default: .string
        }
    }

    private func diagnostic(for error: YamlError, path: String, lineOffset: Int, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let notes = context.map { [Diagnostic.Note($0.text, at: at($0.mark))] } ?? []
            return Diagnostic(.malformedYAML, "malformed YAML: \(problem)", at: at(mark), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let mapping = at(context.mark)
            let repeated = duplicates.first.flatMap { Self.secondOccurrence(of: $0, in: text, mapping: context.mark) }
            return Diagnostic(
                .duplicateKey, "the key \(keys) appears more than once in this mapping",
                at: repeated.map { SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column) } ?? mapping,
                notes: repeated == nil ? [] : [.init("the mapping starts here", at: mapping)])
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in text.utf8.prefix(offset).filter { $0 == 10 }.count + 1 } ?? 1
            return Diagnostic(.malformedYAML, "unreadable YAML: \(problem)", at: SourceLocation(path: path, line: line + lineOffset))
        default:
            return Diagnostic(.malformedYAML, "YAML could not be parsed: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset))
        }
    }

    /// Yams reports a duplicate key at its mapping; this finds the key's second line in a
    /// block mapping (a line starting with the key at the mapping's column), if it can.
    static func secondOccurrence(of key: String, in text: String, mapping: Mark) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= mapping.line {
            let indent = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indent)
            if index + 1 == mapping.line, rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
            let column = line.count - rest.count + 1
            guard column == mapping.column || indent + 1 == mapping.column else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate + ":") {
                seen += 1
                if seen == 2 { return (index + 1, column) }
            }
        }
        return nil
    }

    /// Finds where nesting first passes the limit, counting indentation and open flow brackets.
    ///
    /// The check runs before Yams so that a hostile document cannot exhaust the stack of
    /// its recursive composer.
    private func firstPositionPastDepthLimit(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 0
        var flowDepth = 0
        var atLineStart = true
        var indentation = 0
        var quote: Unicode.Scalar? = nil
        var escaped = false
        var inComment = false
        var previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                atLineStart = true
                indentation = 0
                inComment = false
                continue
            }
            if atLineStart {
                if scalar == " " || scalar == "-" || scalar == "?" || scalar == ":" {
                    indentation += 1
                    if indentation + flowDepth > maximumDepth { return (line, column) }
                    continue
                }
                atLineStart = false
            }
            if inComment { continue }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"" && scalar == "\\" {
                    escaped = true
                } else if scalar == open {
                    quote = nil
                }
                continue
            }
            // A quote or comment only starts a token after white space or flow punctuation;
            // elsewhere (as in "don't") it is part of a plain scalar.
            let atTokenStart = previous == " " || previous == "\t" || previous == "\n" || previous == "["
                || previous == "{" || previous == "," || previous == ":" || previous == "-" || previous == "?"
            switch scalar {
            case "\"" where atTokenStart, "'" where atTokenStart:
                quote = scalar
            case "#" where atTokenStart:
                inComment = true
            case "[", "{":
                flowDepth += 1
                if indentation + flowDepth > maximumDepth { return (line, column) }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            default:
                break
            }
        }
        return nil
    }
}
