public import Foundation

/// A file embedded in the binary at build time by the EmbedTemplates plugin: the default
/// theme's, the scaffold's, the live preview's script.
public enum EmbeddedFile: Sendable {
    case text(String)
    case base64(String)

    public var data: Data {
        switch self {
        case .text(let text): Data(text.utf8)
        case .base64(let encoded): Data(base64Encoded: encoded) ?? Data()
        }
    }
}

/// The templates and theme assets of a build: the defaults embedded in Charter, each
/// replaced by the site's own file of the same name in `<root>/Templates/`.
public struct TemplateSet: Sendable {
    /// Templates by name: their path below Templates/ without `.mustache` ("page", "partials/nav").
    let library: TemplateLibrary
    /// Theme files copied into the site, by their path in it ("assets/charter.css").
    public let assets: [String: Data]
    /// The names of all templates.
    public let templateNames: [String]
    /// True when the site replaces none of the default templates (its own assets aside).
    var isDefault = true

    /// The paths the theme's assets take in the site.
    public var assetPaths: [String] { assets.keys.sorted() }

    /// Loads the defaults and the site's overrides. A site template that does not parse is
    /// reported at its position and the default is used instead.
    public static func load(overrides: [String: TemplateSource]) throws -> (TemplateSet, [Diagnostic]) {
        var templates: [String: Template] = [:]
        var assets: [String: Data] = [:]
        for (path, file) in DefaultTemplates.files {
            if path.hasSuffix(".mustache") {
                guard case .text(let text) = file else { throw CharterError.defaultTemplates("\(path) is not text") }
                do {
                    templates[String(path.dropLast(".mustache".count))] = try Template(parsing: text)
                } catch {
                    throw CharterError.defaultTemplates("\(path): \(error)")
                }
            } else {
                assets[path] = file.data
            }
        }
        var texts: [String: String] = [:]
        for (path, file) in DefaultTemplates.files where path.hasSuffix(".mustache") {
            if case .text(let text) = file { texts[String(path.dropLast(".mustache".count))] = text }
        }
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        for (path, file) in overrides.sorted(by: { $0.key < $1.key }) {
            guard path.hasSuffix(".mustache") else {
                assets[path] = file.data
                continue
            }
            guard let source = file.source else { continue }
            do {
                let name = String(path.dropLast(".mustache".count))
                templates[name] = try Template(parsing: source.text)
                texts[name] = source.text
                sources[name] = source
            } catch {
                diagnostics.append(Diagnostic(
                    .templateSyntax, "template does not parse: \(error.message)",
                    at: SourceLocation(path: source.path, line: error.line, column: error.column)))
            }
        }
        // A template that includes itself would recurse until the stack runs out, unless each
        // round goes one level deeper into the data. Such a site template is reported and the
        // default used instead.
        for (name, include) in IncludeGraph(texts: texts).cycles() {
            guard let source = sources[name] else { throw CharterError.defaultTemplates("\(name) includes itself") }
            diagnostics.append(Diagnostic(
                .templateSyntax, "template '\(name)' includes '\(include.name)', which leads back to '\(name)' and would never finish",
                at: SourceLocation(path: source.path, line: include.line, column: include.column),
                fixHint: "recurse only inside a section of the current object, such as {{#.fields}}…{{/.fields}}, so that each round goes deeper and stops"))
            if case .text(let text)? = DefaultTemplates.files[name + ".mustache"] {
                templates[name] = try? Template(parsing: text)
            } else {
                templates[name] = nil
            }
        }
        var set = TemplateSet(
            library: TemplateLibrary(templates: templates), assets: assets, templateNames: templates.keys.sorted())
        set.isDefault = !overrides.keys.contains { $0.hasSuffix(".mustache") }
        return (set, diagnostics)
    }

    /// Renders a page context with the named template; nil when there is no such template.
    public func render(_ context: PageContext, with template: String) -> String? {
        library.render(context, withTemplate: template)
    }

    /// True when a template of this name exists, so that `render` with it gives a page.
    func has(_ template: String) -> Bool {
        library[template] != nil
    }
}

/// Which templates include which, not counting includes inside a `{{#.name}}` section.
///
/// A section whose name starts with a dot looks only at the current object, so an include
/// inside it works on strictly nested data and must end. Any other section may find its name
/// again further up the context stack (`{{#page.toc}}` finds the page every time), so an
/// include cycle through it could recurse forever.
struct IncludeGraph {
    struct Include {
        var name: String
        var line: Int
        var column: Int
    }

    let edges: [String: [Include]]

    init(texts: [String: String]) {
        edges = texts.mapValues(Self.unconditionalIncludes)
    }

    /// For each template on a cycle, the include that starts it.
    func cycles() -> [(String, Include)] {
        var found: [(String, Include)] = []
        for start in edges.keys.sorted() {
            for include in edges[start] ?? [] where reaches(include.name, start) {
                found.append((start, include))
                break
            }
        }
        return found
    }

    private func reaches(_ from: String, _ target: String) -> Bool {
        var seen: Set<String> = []
        var pending = [from]
        while let name = pending.popLast() {
            if name == target { return true }
            guard seen.insert(name).inserted else { continue }
            pending += (edges[name] ?? []).map(\.name)
        }
        return false
    }

    /// `{{>name}}` and `{{<name}}` tags that are not inside a `{{#.name}}` section.
    static func unconditionalIncludes(_ text: String) -> [Include] {
        var includes: [Include] = []
        var depth = 0
        var kinds: [(sigil: Character, guards: Bool)] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let end = text[index...].range(of: "}}") {
                let inner = text[text.index(index, offsetBy: 2)..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = inner.first {
                    let name = inner.dropFirst().trimmingCharacters(in: .whitespaces)
                    switch sigil {
                    case "#", "^":
                        let guards = sigil == "#" && name.hasPrefix(".") && name != "."
                        if guards { depth += 1 }
                        kinds.append((sigil, guards))
                    case "$", "<":
                        if sigil == "<", depth == 0 { includes.append(Include(name: name, line: line, column: column)) }
                        kinds.append((sigil, false))
                    case "/":
                        if let last = kinds.popLast(), last.guards { depth -= 1 }
                    case ">":
                        if depth == 0 { includes.append(Include(name: name, line: line, column: column)) }
                    default: break
                    }
                }
                for character in text[index..<end.upperBound] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = end.upperBound
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return includes
    }
}
