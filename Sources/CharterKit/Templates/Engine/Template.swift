/// A parsed Mustache template (https://mustache.github.io/mustache.5.html), with the
/// extensions Charter's templates have always had: inheritance (`{{<parent}}{{$block}}…`),
/// dynamic partials (`{{>*name}}`), transforms (`{{#empty(list)}}`, `{{index()}}`) and the
/// `{{%CONTENT_TYPE:TEXT}}` pragma.
///
/// Names are split into their parts when the template is parsed, so rendering never splits a
/// string, and the renderer reads values through `TemplateValue`, so it never casts one.
struct Template: Sendable {
    let nodes: [Node]
    /// The template's own text: what a lambda receives as a section's body.
    let source: String

    enum Node: Sendable {
        case text(String)
        case variable(Reference, escaped: Bool)
        case section(Reference, Template, inverted: Bool)
        /// `{{>name}}`, `{{>*name}}` (the name a value), and `{{<name}}…{{/name}}` (with `overrides`).
        /// A partial that stands alone on its line indents every line it renders as the tag was indented.
        case partial(Partial, indentation: String?, overrides: [String: Template]?)
        /// `{{$name}}default{{/name}}` in a template that others inherit.
        case block(name: String, default: Template, indentation: String)
        /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override (only while parsing).
        case override(name: String, Template)
        case contentType(escapesHTML: Bool)
    }

    /// Which template a partial tag includes.
    enum Partial: Sendable {
        case named(String)
        /// `{{>*name}}`: the template named by the value at `name`.
        case dynamic(Reference)

        init(_ written: String, dynamic: Bool) {
            self = dynamic
                ? .dynamic(Reference(text: written, scope: .stack, parts: written.split(separator: ".").map(String.init), transforms: []))
                : .named(written)
        }
    }

    /// A name as written in a tag: `.`, `a.b.c`, `.a` (the current object only), with transforms.
    struct Reference: Sendable, Equatable {
        enum Scope: Sendable, Equatable {
            /// `.`: the current object.
            case current
            /// `.a.b`: only the current object.
            case anchored
            /// `a.b`: the first object up the stack that has `a`.
            case stack
            /// `index()` and the like: the position in the list being iterated.
            case position
        }

        let text: String
        let scope: Scope
        let parts: [String]
        /// Outermost first: `a(b(x))` is `[a, b]`, applied as b, then a.
        let transforms: [String]
    }

    struct SyntaxError: Error, CustomStringConvertible, Equatable {
        let message: String
        let line: Int
        let column: Int
        var description: String { message }
    }

    init(nodes: [Node], source: String) {
        self.nodes = nodes
        self.source = source
    }

    init(parsing text: String) throws(SyntaxError) {
        var parser = TemplateParser(text)
        self = try parser.parseAll()
    }
}

/// Reads a template's bytes into nodes. Each tag is `{{` (or the delimiter set with `{{=<% %>=}}`),
/// an optional sigil, a name, and the closing delimiter. A section, partial, block, comment,
/// delimiter or pragma tag alone on its line ("standalone") takes the whole line with it.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// What a nested parse knows of where it is.
    struct State {
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        /// The section being parsed, as its tag wrote it (`empty(list)`): only its own closing tag ends it.
        var section: String?
        var atLineStart = true
        /// Inside `{{<parent}}…{{/parent}}`: lines of an override lose the indentation of its first line.
        var inParent = false
        /// Directly inside `{{<parent}}`, where `{{$name}}` defines an override.
        var parentTopLevel = false
        var overrideIndent: Int?

        /// The state inside a section, block or override named `name` whose opening tag stood
        /// alone on its line (its text starts on a new line) or not.
        func entering(_ name: String, standsAlone: Bool) -> State {
            var inner = self
            inner.section = name
            inner.parentTopLevel = false
            if !standsAlone { inner.atLineStart = false }
            return inner
        }
    }

    mutating func parseAll() throws(Template.SyntaxError) -> Template {
        try parse(State())
    }

    private func error(_ message: String, at offset: Int) -> Template.SyntaxError {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Template.SyntaxError(message: message, line: line, column: column)
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private var atEnd: Bool { position >= bytes.count }

    private func isNewline(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        return bytes[offset] == 0x0A || (bytes[offset] == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A)
    }

    private func newlineLength(at offset: Int) -> Int { bytes[offset] == 0x0D ? 2 : 1 }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for (index, byte) in delimiter.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }

    private mutating func skip(while predicate: (UInt8) -> Bool) -> Range<Int> {
        let start = position
        while position < bytes.count, predicate(bytes[position]) { position += 1 }
        return start..<position
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")"):
            true
        default:
            false
        }
    }

    /// After a tag: true when it began its line and only blanks follow it to the line's end,
    /// which is then consumed.
    private mutating func standsAlone(_ state: State) -> Bool {
        guard state.atLineStart else { return false }
        if atEnd { return true }
        var offset = position
        while offset < bytes.count, Self.isBlank(bytes[offset]) { offset += 1 }
        if offset == bytes.count { return false }
        guard isNewline(at: offset) else { return false }
        position = offset + newlineLength(at: offset)
        return true
    }

    private mutating func closeTag(_ state: State, name: String) throws(Template.SyntaxError) {
        _ = skip(while: Self.isSpace)
        guard matches(state.close, at: position) else {
            throw error("the tag '\(name)' is not closed with '\(String(decoding: state.close, as: UTF8.self))'; a name has only letters, digits and . - _ ? *", at: position)
        }
        position += state.close.count
    }

    /// A name and its transforms, then the closing delimiter.
    private mutating func reference(_ state: State) throws(Template.SyntaxError) -> Template.Reference {
        _ = skip(while: Self.isSpace)
        let start = position
        let written = string(skip(while: Self.isNameByte))
        try closeTag(state, name: written)
        var transforms: [String] = []
        var name = Substring(written)
        if name.contains("(") {
            var rest = name
            // a(b(c)) is the transforms a and b applied to c.
            while let open = rest.firstIndex(of: "(") {
                transforms.append(String(rest[..<open]))
                rest = rest[rest.index(after: open)...]
            }
            let closing = rest.drop { $0 != ")" }
            name = rest.prefix { $0 != ")" }
            guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }), !name.contains("(") else {
                throw error("'\(written)' is not a name or a transform such as empty(list)", at: start)
            }
        }
        if written.isEmpty { throw error("a tag needs a name", at: start) }
        let scope: Template.Reference.Scope
        let parts: [String]
        if name == "." {
            scope = .current
            parts = []
        } else if name.isEmpty {
            guard !transforms.isEmpty else { throw error("a tag needs a name", at: start) }
            scope = .position
            parts = []
        } else if name.first == "." {
            scope = .anchored
            parts = name.split(separator: ".").map(String.init)
        } else {
            scope = .stack
            parts = name.split(separator: ".").map(String.init)
        }
        return Template.Reference(text: String(written), scope: scope, parts: parts, transforms: transforms)
    }

    private mutating func partialName(_ state: State) throws(Template.SyntaxError) -> String {
        _ = skip(while: Self.isSpace)
        let name = string(skip { Self.isNameByte($0) || $0 == UInt8(ascii: "/") })
        try closeTag(state, name: name)
        return name
    }

    /// Parses until the end of the text or, for a section, its closing tag.
    private mutating func parse(_ initial: State) throws(Template.SyntaxError) -> Template {
        var state = initial
        var nodes: [Template.Node] = []
        let bodyStart = position
        // Blanks that began the line, held until it is known whether the line's tag stands alone.
        var leading = ""
        func flushLeading() {
            if !leading.isEmpty { nodes.append(.text(leading)) }
            leading = ""
        }
        while !atEnd {
            if state.atLineStart {
                let blanks = skip(while: Self.isBlank)
                if state.inParent, !state.parentTopLevel {
                    // An override's lines lose the indentation its first line had.
                    if let indent = state.overrideIndent {
                        leading = string(min(blanks.lowerBound + indent, blanks.upperBound)..<blanks.upperBound)
                    } else {
                        state.overrideIndent = blanks.count
                    }
                } else {
                    leading = string(blanks)
                }
            }
            // Text up to a tag or the end of the line.
            let textStart = position
            while position < bytes.count, !isNewline(at: position), !matches(state.open, at: position) { position += 1 }
            let text = string(textStart..<position)
            if isNewline(at: position) {
                let length = newlineLength(at: position)
                nodes.append(.text(leading + text + string(position..<position + length)))
                position += length
                state.atLineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(leading + text))
                leading = ""
                state.atLineStart = false
            }
            if atEnd { break }
            let tagStart = position
            position += state.open.count
            let sigil: UInt8? = atEnd ? nil : bytes[position]
            var nextAtLineStart = false
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let reference = try reference(state)
                if standsAlone(state) { nextAtLineStart = true } else { flushLeading() }
                let body = try parse(state.entering(reference.text, standsAlone: nextAtLineStart))
                nodes.append(.section(reference, body, inverted: sigil == UInt8(ascii: "^")))

            case UInt8(ascii: "/"):
                position += 1
                _ = skip(while: Self.isSpace)
                let nameStart = position
                let reference = try reference(state)
                guard let section = state.section else {
                    throw error("'{{/\(reference.text)}}' closes a section that was never opened", at: nameStart)
                }
                guard reference.text == section else {
                    throw error("the section '\(section)' is closed by '\(reference.text)'", at: nameStart)
                }
                if !standsAlone(state) { flushLeading() }
                return Template(nodes: nodes, source: string(bodyStart..<tagStart))

            case UInt8(ascii: "!"):
                position += 1
                while position < bytes.count, !matches(state.close, at: position) { position += 1 }
                guard !atEnd else { throw error("a comment is not closed", at: tagStart) }
                position += state.close.count
                nextAtLineStart = standsAlone(state)

            case UInt8(ascii: "{"):
                flushLeading()
                position += 1
                let reference = try reference(state)
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                    throw error("'{{{\(reference.text)}}' needs a third closing brace", at: position)
                }
                position += 1
                nodes.append(.variable(reference, escaped: false))

            case UInt8(ascii: "&"):
                flushLeading()
                position += 1
                nodes.append(.variable(try reference(state), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                _ = skip(while: Self.isSpace)
                let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try partialName(state)
                let indentation = leading
                flushLeading()
                let alone = standsAlone(state)
                nextAtLineStart = alone
                nodes.append(.partial(Template.Partial(name, dynamic: dynamic), indentation: alone ? indentation : nil, overrides: nil))

            case UInt8(ascii: "<"):
                position += 1
                let written = try partialName(state)
                let indentation = leading
                flushLeading()
                nextAtLineStart = standsAlone(state)
                var inner = state
                inner.section = written
                inner.atLineStart = true
                inner.inParent = true
                inner.parentTopLevel = true
                let body = try parse(inner)
                var overrides: [String: Template] = [:]
                for node in body.nodes {
                    switch node {
                    case .override(let name, let template): overrides[name] = template
                    case .text: break
                    default: throw error("inside '{{<\(written)}}' only '{{$name}}' blocks (and text, which is ignored) may stand", at: tagStart)
                    }
                }
                let dynamic = written.hasPrefix("*")
                nodes.append(.partial(
                    Template.Partial(dynamic ? String(written.dropFirst()) : written, dynamic: dynamic), indentation: indentation,
                    overrides: overrides))

            case UInt8(ascii: "$"):
                position += 1
                let reference = try reference(state)
                guard reference.transforms.isEmpty else { throw error("a block '{{$\(reference.text)}}' cannot have a transform", at: tagStart) }
                if state.parentTopLevel {
                    nextAtLineStart = standsAlone(state)
                    nodes.append(.override(name: reference.text, try parse(state.entering(reference.text, standsAlone: nextAtLineStart))))
                } else {
                    let indentation = leading
                    flushLeading()
                    nextAtLineStart = standsAlone(state)
                    let fallback = try parse(state.entering(reference.text, standsAlone: nextAtLineStart))
                    nodes.append(.block(name: reference.text, default: fallback, indentation: indentation))
                }

            case UInt8(ascii: "="):
                position += 1
                _ = skip(while: Self.isSpace)
                let open = Array(bytes[skip { !Self.isSpace($0) }])
                _ = skip(while: Self.isSpace)
                let close = Array(bytes[skip { !Self.isSpace($0) && $0 != UInt8(ascii: "=") }])
                _ = skip(while: Self.isSpace)
                guard !open.isEmpty, !close.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "="),
                      matches(state.close, at: position + 1)
                else { throw error("a delimiter tag is written {{=<% %>=}}", at: tagStart) }
                position += 1 + state.close.count
                state.open = open
                state.close = close
                state.parentTopLevel = false
                nextAtLineStart = standsAlone(state)

            case UInt8(ascii: "%"):
                position += 1
                _ = skip(while: Self.isSpace)
                let name = string(skip { Self.isNameByte($0) && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") })
                _ = skip(while: Self.isSpace)
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw error("a pragma is written {{%CONTENT_TYPE:TEXT}}", at: tagStart)
                }
                position += 1
                _ = skip(while: Self.isSpace)
                let value = string(skip { Self.isNameByte($0) && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") })
                _ = skip(while: Self.isSpace)
                guard matches(state.close, at: position) else { throw error("a pragma is written {{%CONTENT_TYPE:TEXT}}", at: tagStart) }
                position += state.close.count
                guard name == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
                    throw error("the only pragma is CONTENT_TYPE, HTML or TEXT", at: tagStart)
                }
                nodes.append(.contentType(escapesHTML: value == "HTML"))
                nextAtLineStart = standsAlone(state)

            default:
                flushLeading()
                nodes.append(.variable(try reference(state), escaped: true))
            }
            state.atLineStart = nextAtLineStart
        }
        if let section = state.section {
            throw error("the section '\(section)' is never closed", at: position)
        }
        return Template(nodes: nodes, source: string(bodyStart..<position))
    }
}
