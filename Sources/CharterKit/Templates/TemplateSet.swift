public import Foundation
import Mustache

/// A file of the default theme embedded in the binary.
enum EmbeddedFile: Sendable {
    case text(String)
    case base64(String)

    var data: Data {
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
    let library: MustacheLibrary
    /// Theme files copied into the site, by their path in it ("assets/charter.css").
    public let assets: [String: Data]
    /// The names of all templates.
    public let templateNames: [String]

    /// The paths the theme's assets take in the site.
    public var assetPaths: [String] { assets.keys.sorted() }

    /// Loads the defaults and the site's overrides. A site template that does not parse is
    /// reported at its position and the default is used instead.
    public static func load(overrides: [String: TemplateSource]) throws -> (TemplateSet, [Diagnostic]) {
        var templates: [String: MustacheTemplate] = [:]
        var assets: [String: Data] = [:]
        for (path, file) in DefaultTemplates.files {
            if path.hasSuffix(".mustache") {
                guard case .text(let text) = file else { throw CharterError.defaultTemplates("\(path) is not text") }
                do {
                    templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
                } catch {
                    throw CharterError.defaultTemplates("\(path): \(error)")
                }
            } else {
                assets[path] = file.data
            }
        }
        var diagnostics: [Diagnostic] = []
        for (path, file) in overrides.sorted(by: { $0.key < $1.key }) {
            guard path.hasSuffix(".mustache") else {
                assets[path] = file.data
                continue
            }
            guard let source = file.source else { continue }
            do {
                templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: source.text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    .templateSyntax, "template does not parse: \(error.error)",
                    at: SourceLocation(path: source.path, line: error.context.lineNumber, column: max(1, error.context.columnNumber))))
            } catch {
                diagnostics.append(Diagnostic(.templateSyntax, "template does not parse: \(error)", at: SourceLocation(path: source.path)))
            }
        }
        let set = TemplateSet(
            library: MustacheLibrary(templates: templates), assets: assets, templateNames: templates.keys.sorted())
        return (set, diagnostics)
    }

    /// Renders a page context with the named template; nil when there is no such template.
    public func render(_ context: PageContext, with template: String) -> String? {
        library.render(context, withTemplate: template)
    }
}
