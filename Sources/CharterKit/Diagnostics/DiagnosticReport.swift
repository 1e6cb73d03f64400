import Foundation

/// The output formats of `charter check`: text for people, the rest for tools.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif
}

/// Renders a list of diagnostics in a machine-readable format.
public struct DiagnosticReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The tool version written into JSON and SARIF.
    public var toolVersion: String

    /// Creates a report; diagnostics are sorted.
    public init(_ diagnostics: [Diagnostic], toolVersion: String = CharterRelease.version) {
        self.diagnostics = diagnostics.sorted()
        self.toolVersion = toolVersion
    }

    // MARK: JSON

    private struct JSONDocument: Encodable {
        struct Item: Encodable {
            struct Place: Encodable {
                var path: String
                var line: Int
                var column: Int
            }
            struct Note: Encodable {
                var message: String
                var location: Place?
            }
            var code: String
            var severity: String
            var message: String
            var location: Place
            var notes: [Note]
            var fix: String?
        }
        struct Summary: Encodable {
            var errors: Int
            var warnings: Int
            var notes: Int
        }
        var tool = "charter"
        var version: String
        var summary: Summary
        var diagnostics: [Item]
    }

    /// `{"tool", "version", "summary": {errors, warnings, notes}, "diagnostics": [...]}`; columns count Unicode scalars.
    public func json() -> String {
        func place(_ location: SourceLocation) -> JSONDocument.Item.Place {
            .init(path: location.path, line: location.line, column: location.column)
        }
        let document = JSONDocument(
            version: toolVersion,
            summary: .init(errors: diagnostics.count(of: .error), warnings: diagnostics.count(of: .warning), notes: diagnostics.count(of: .note)),
            diagnostics: diagnostics.map { diagnostic in
                .init(
                    code: diagnostic.code.rawValue, severity: diagnostic.severity.rawValue, message: diagnostic.message,
                    location: place(diagnostic.location),
                    notes: diagnostic.notes.map { .init(message: $0.message, location: $0.location.map(place)) },
                    fix: diagnostic.fixHint)
            })
        return Self.encode(document)
    }

    // MARK: GitHub

    /// Errors, then warnings, then notes, each in position order: GitHub shows only so many
    /// annotations, so the ones that matter most come first.
    var mostSevereFirst: [Diagnostic] {
        diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
            + diagnostics.filter { $0.severity == .note }
    }

    /// GitHub Actions workflow commands, one line each, most severe first.
    public func github() -> String {
        return mostSevereFirst.map { diagnostic in
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            let location = diagnostic.location
            let properties = [
                "file=\(Self.escapeProperty(location.path))", "line=\(location.line)", "col=\(location.column)",
                "title=\(Self.escapeProperty(diagnostic.code.rawValue))",
            ].joined(separator: ",")
            var message = diagnostic.message
            for note in diagnostic.notes { message += "\n" + (note.location.map { "\($0): " } ?? "") + note.message }
            if let hint = diagnostic.fixHint { message += "\nhelp: \(hint)" }
            return "::\(command) \(properties)::\(Self.escapeData(message))\n"
        }.joined()
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// The complete list as a Markdown table, for a GitHub job summary (`GITHUB_STEP_SUMMARY`),
    /// where annotations beyond GitHub's per-step limit would otherwise be lost.
    public func githubSummary() -> String {
        var lines = ["## Charter check", "",
                     "**\(diagnostics.count(of: .error)) errors, \(diagnostics.count(of: .warning)) warnings, \(diagnostics.count(of: .note)) notes**", ""]
        guard !diagnostics.isEmpty else { return (lines + ["No problems found.", ""]).joined(separator: "\n") }
        lines += ["| severity | code | location | message |", "|---|---|---|---|"]
        for diagnostic in mostSevereFirst {
            let message = (diagnostic.message + (diagnostic.fixHint.map { " (\($0))" } ?? ""))
                .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            lines.append("| \(diagnostic.severity.rawValue) | \(diagnostic.code) | `\(diagnostic.location)` | \(message) |")
        }
        return (lines + [""]).joined(separator: "\n")
    }

    // MARK: SARIF

    /// A SARIF 2.1.0 log with one run; rules carry ids, names, summaries and help text.
    public func sarif() -> String {
        let codes = DiagnosticCode.all
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1.rawValue, $0) })
        func location(_ place: SourceLocation, message: String? = nil) -> SARIF.Location {
            SARIF.Location(
                physicalLocation: .init(
                    artifactLocation: .init(
                        uri: place.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? place.path,
                        uriBaseId: "SITEROOT"),
                    region: .init(startLine: place.line, startColumn: place.column)),
                message: message.map { .init(text: $0) })
        }
        let run = SARIF.Run(
            tool: .init(driver: .init(
                name: "Charter", version: toolVersion,
                rules: codes.map { code in
                    .init(
                        id: code.rawValue, name: code.name,
                        shortDescription: .init(text: code.summary), fullDescription: .init(text: code.explanation),
                        help: .init(text: "\(code.explanation)\n\nRun `charter explain \(code.rawValue)` for details."),
                        defaultConfiguration: .init(level: code.defaultSeverity.rawValue),
                        properties: .init(tags: [code.group]))
                })),
            results: diagnostics.map { diagnostic in
                let text = diagnostic.fixHint.map { "\(diagnostic.message) (\($0))" } ?? diagnostic.message
                let related = diagnostic.notes.compactMap { note in note.location.map { location($0, message: note.message) } }
                return .init(
                    ruleId: diagnostic.code.rawValue, ruleIndex: index[diagnostic.code.rawValue] ?? 0,
                    level: diagnostic.severity.rawValue, message: .init(text: text),
                    locations: [location(diagnostic.location)],
                    relatedLocations: related.isEmpty ? nil : related)
            })
        return Self.encode(SARIF.Log(runs: [run]))
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The parts of SARIF 2.1.0 Charter writes.
enum SARIF {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
        var originalUriBaseIds = ["SITEROOT": ArtifactLocation(uri: "./", uriBaseId: nil)]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Properties: Encodable {
        var tags: [String]
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }
}
