import Foundation

/// Templates by name, and how to render a value with one of them.
struct TemplateLibrary: Sendable {
    let templates: [String: Template]
    /// Templates that lambdas made (the messages with placeholders), parsed once per text.
    let lambdaTemplates = LambdaTemplates()

    init(templates: [String: Template]) { self.templates = templates }

    subscript(name: String) -> Template? { templates[name] }

    /// Renders `value` with the template `name`; nil when there is no such template.
    func render(_ value: any TemplateObject, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: .object(value))
        renderer.render(template.nodes, TemplateRenderer.Scope())
        return String(decoding: renderer.output, as: UTF8.self)
    }
}

/// Lambda results parsed as templates, shared by the threads that render pages.
final class LambdaTemplates: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: Template?] = [:]

    func template(for text: String) -> Template? {
        if let known = lock.withLock({ parsed[text] }) { return known }
        let template = try? Template(parsing: text)
        lock.withLock { parsed[text] = template }
        return template
    }
}

/// Renders one page: walks a template's nodes against a stack of values, into UTF-8 bytes.
struct TemplateRenderer {
    let library: TemplateLibrary
    private var stack: [TemplateValue]
    private(set) var output: [UInt8] = []

    /// What a part of a template renders within, besides the stack.
    struct Scope {
        /// Where in the list being iterated: for `{{index()}}`, `{{#first()}}` and the like.
        var position: (index: Int, count: Int)?
        /// Put before each line a partial or block renders, when it stood alone on an indented line.
        var indentation: [UInt8] = []
        /// The blocks a `{{<parent}}` tag overrides, the outermost first.
        var overrides: [String: Template]?
        var escapesHTML = true
    }

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        self.stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [Template.Node], _ initial: Scope) {
        var scope = initial
        for node in nodes {
            switch node {
            case .text(let text):
                emit(text, scope)

            case .variable(let reference, let escaped):
                guard let value = resolve(reference, scope) else { continue }
                let escapes = escaped && scope.escapesHTML
                switch value {
                case .string(let string):
                    escapes ? emitEscaped(string, scope) : emit(string, scope)
                case .lambda(let lambda):
                    let text = lambda("")
                    renderTemplate(text: escapes ? Self.escaped(text) : text, scope)
                default:
                    let text = Self.describe(value)
                    escapes ? emitEscaped(text, scope) : emit(text, scope)
                }

            case .section(let reference, let body, let inverted):
                let value = resolve(reference, scope)
                inverted ? renderInverted(value, body, scope) : renderSection(value, body, scope)

            case .partial(let partial, let indentation, let overrides):
                let templateName: String
                switch partial {
                case .named(let name):
                    templateName = name
                case .dynamic(let reference):
                    guard case .string(let named)? = resolve(reference, scope) else { continue }
                    templateName = named
                }
                guard let template = library[templateName] else { continue }
                var inner = Scope()
                inner.indentation = scope.indentation + Array((indentation ?? "").utf8)
                if let overrides {
                    // An override from further out wins over one from further in.
                    inner.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
                } else {
                    inner.overrides = scope.overrides
                }
                render(template.nodes, inner)

            case .block(let name, let fallback, let indentation):
                var inner = scope
                inner.position = nil
                inner.indentation = scope.indentation + Array(indentation.utf8)
                render((scope.overrides?[name] ?? fallback).nodes, inner)

            case .override:
                continue

            case .contentType(let escapesHTML):
                scope.escapesHTML = escapesHTML
            }
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ body: Template, _ scope: Scope) {
        switch value {
        case nil, .null?:
            return
        case .list(let list)?:
            let count = list.count
            var inner = scope
            for index in 0..<count {
                inner.position = (index, count)
                stack.append(list.element(index))
                render(body.nodes, inner)
                stack.removeLast()
            }
        case .bool(let isTrue)?:
            if isTrue { render(body.nodes, scope) }
        case .lambda(let lambda)?:
            renderTemplate(text: lambda(body.source), scope)
        case let value?:
            render(body, pushing: value, scope)
        }
    }

    /// A section's body with `value` as the current object.
    private mutating func render(_ body: Template, pushing value: TemplateValue, _ scope: Scope) {
        var inner = scope
        inner.position = nil
        stack.append(value)
        render(body.nodes, inner)
        stack.removeLast()
    }

    /// The template text a lambda returned, rendered in its place.
    private mutating func renderTemplate(text: String, _ scope: Scope) {
        guard let template = library.lambdaTemplates.template(for: text) else { return }
        var inner = scope
        inner.position = nil
        render(template.nodes, inner)
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ body: Template, _ scope: Scope) {
        switch value {
        case nil, .null?:
            render(body.nodes, scope)
        case .list(let list)? where list.count == 0:
            render(body, pushing: .list(list), scope)
        case .bool(let isTrue)?:
            if !isTrue { render(body.nodes, scope) }
        default:
            return
        }
    }

    // MARK: - Names

    private func resolve(_ reference: Template.Reference, _ scope: Scope) -> TemplateValue? {
        var value: TemplateValue?
        switch reference.scope {
        case .current:
            value = stack.last
        case .position:
            guard let position = scope.position else { return nil }
            return Self.transform(position: position, reference.transforms)
        case .anchored:
            guard case .object(let object)? = stack.last, let name = reference.parts.first else { return nil }
            value = object.lookup(name, reference.parts.dropFirst())
        case .stack:
            let name = reference.parts[0]
            let rest = reference.parts.dropFirst()
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let object) = stack[index], let found = object.lookup(name, rest) {
                    value = found
                    break
                }
                index -= 1
            }
        }
        guard var found = value else { return nil }
        if case .null = found { return nil }
        for transform in reference.transforms.reversed() {
            guard let transformed = Self.transform(found, transform) else { return nil }
            found = transformed
        }
        return found
    }

    /// The transforms of swift-mustache, which templates written for Charter have used.
    static func transform(_ value: TemplateValue, _ name: String) -> TemplateValue? {
        switch value {
        case .string(let string):
            switch name {
            case "empty": return .bool(string.isEmpty)
            case "capitalized": return .string(string.capitalized)
            case "lowercased": return .string(string.lowercased())
            case "uppercased": return .string(string.uppercased())
            case "reversed": return .string(String(string.reversed()))
            default: return nil
            }
        case .int(let int):
            switch name {
            case "equalzero": return .bool(int == 0)
            case "plusone": return .int(int + 1)
            case "minusone": return .int(int - 1)
            case "even": return .bool(int & 1 == 0)
            case "odd": return .bool(int & 1 == 1)
            default: return nil
            }
        case .list(let list):
            switch name {
            case "first": return list.count > 0 ? list.element(0) : nil
            case "last": return list.count > 0 ? list.element(list.count - 1) : nil
            case "count": return .int(list.count)
            case "empty": return .bool(list.count == 0)
            case "reversed": return .list(ValueList((0..<list.count).reversed().map(list.element)))
            case "sorted":
                let elements = (0..<list.count).map(list.element)
                let strings = elements.compactMap { if case .string(let string) = $0 { string } else { nil } }
                if strings.count == elements.count { return .list(ValueList(strings.sorted().map { .string($0) })) }
                let ints = elements.compactMap { if case .int(let int) = $0 { int } else { nil } }
                if ints.count == elements.count { return .list(ValueList(ints.sorted().map { .int($0) })) }
                return nil
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func transform(position: (index: Int, count: Int), _ transforms: [String]) -> TemplateValue? {
        guard transforms.count == 1 else { return nil }
        switch transforms[0] {
        case "first": return .bool(position.index == 0)
        case "last": return .bool(position.index == position.count - 1)
        case "index": return .int(position.index)
        case "even": return .bool(position.index & 1 == 0)
        case "odd": return .bool(position.index & 1 == 1)
        default: return nil
        }
    }

    /// A value printed as a variable that is not text.
    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .null, .object, .lambda: ""
        case .bool(let bool): bool ? "true" : "false"
        case .int(let int): String(int)
        case .double(let double): String(double)
        case .string(let string): string
        case .list(let list): "[" + (0..<list.count).map { describe(list.element($0)) }.joined(separator: ", ") + "]"
        }
    }

    // MARK: - Output

    private mutating func indentIfAtLineStart(_ scope: Scope) {
        if !scope.indentation.isEmpty, output.last == 0x0A { output.append(contentsOf: scope.indentation) }
    }

    private mutating func emit(_ text: String, _ scope: Scope) {
        guard !text.isEmpty else { return }
        indentIfAtLineStart(scope)
        output.append(contentsOf: text.utf8)
    }

    private mutating func emitEscaped(_ text: String, _ scope: Scope) {
        guard !text.isEmpty else { return }
        indentIfAtLineStart(scope)
        Self.appendEscaped(text, to: &output)
    }

    static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `& < > " '` as entities, everything else as it is.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
    }
}
