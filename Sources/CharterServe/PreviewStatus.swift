public import CharterKit
public import Foundation

/// The state of the live preview after its last build: served at `/_charter/status` and sent to
/// every open page as a `status` event.
public struct PreviewStatus: Sendable, Encodable {
    public enum State: String, Sendable, Encodable {
        /// The last build succeeded (maybe with warnings); the site served is the content on disk.
        case ok
        /// The content has errors: nothing was written, the last good site is still served.
        case errors
        /// The build could not run (a file could not be read or written).
        case failed
    }

    public struct Summary: Sendable, Encodable {
        public var errors: Int
        public var warnings: Int
        public var notes: Int
    }

    public struct Place: Sendable, Encodable {
        public var path: String
        public var line: Int
        public var column: Int
    }

    public struct Note: Sendable, Encodable {
        public var message: String
        public var location: Place?
    }

    /// One diagnostic, in the fields `charter check --format json` uses.
    public struct Item: Sendable, Encodable {
        public var code: String
        public var severity: String
        public var message: String
        public var location: Place
        public var notes: [Note]
        public var fix: String?
        /// What the code means, in the site's language, when that is not English: the message
        /// itself stays in English, as in the terminal.
        public var summary: String?
    }

    /// The version of the site being served: it changes whenever a build changes the site.
    public var build: Int
    /// The number of the last build attempt, successful or not.
    public var attempt: Int
    public var state: State
    /// A heading for the error overlay.
    public var title: String
    /// One sentence on what happened.
    public var message: String
    public var summary: Summary
    /// Every diagnostic of the last build, errors first.
    public var diagnostics: [Item]
    /// The site's language, and the overlay's own words in it ("Dismiss", "note", "help", the severities).
    public var language: String
    public var words: [String: String]

    public init(
        build: Int, attempt: Int, state: State, title: String, message: String, diagnostics: [Diagnostic], messages: Messages = .english
    ) {
        language = messages.language
        words = [
            "dismiss": messages.text("preview.dismiss"), "dismissLabel": messages.text("preview.dismissLabel"),
            "note": messages.text("preview.note"), "help": messages.text("preview.help"),
            "error": messages.text("severity.error"), "warning": messages.text("severity.warning"), "notice": messages.text("severity.note"),
        ]
        let isEnglish = messages.language.split(separator: "-").first == "en"
        self.build = build
        self.attempt = attempt
        self.state = state
        self.title = title
        self.message = message
        summary = Summary(
            errors: diagnostics.count(of: .error), warnings: diagnostics.count(of: .warning), notes: diagnostics.count(of: .note))
        func place(_ location: SourceLocation) -> Place { Place(path: location.path, line: location.line, column: location.column) }
        let sorted = diagnostics.sorted()
        let ordered = sorted.filter { $0.severity == .error } + sorted.filter { $0.severity == .warning }
            + sorted.filter { $0.severity == .note }
        self.diagnostics = ordered.map { diagnostic in
            Item(
                code: diagnostic.code.rawValue, severity: diagnostic.severity.rawValue, message: diagnostic.message,
                location: place(diagnostic.location),
                notes: diagnostic.notes.map { Note(message: $0.message, location: $0.location.map(place)) },
                fix: diagnostic.fixHint,
                summary: isEnglish ? nil : messages.text("codes.\(diagnostic.code.rawValue)"))
        }
    }

    /// The status of a preview that has not built yet.
    static func starting(build: Int, messages: Messages = .english) -> PreviewStatus {
        PreviewStatus(build: build, attempt: build, state: .ok, title: messages.text("preview.building"),
                      message: messages.text("preview.firstBuild"), diagnostics: [], messages: messages)
    }

    /// The document, on one line (it is also an event's data).
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
