/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    /// Errors sort before warnings, warnings before notes.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A place in a source file: a path relative to the site root, a 1-based line and a
/// 1-based column counted in Unicode scalars (what editors call a character).
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    /// Creates a location; line and column start at 1.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form compilers and editors print.
    public var description: String { "\(path):\(line):\(column)" }

    /// Orders by path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// A problem found in the content, reported with its position and kept going past.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A secondary message with its own location ("first defined here").
    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var location: SourceLocation?

        /// Creates a note, optionally pointing somewhere else.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]
    /// A suggested fix in words, such as "did you mean 'title'?".
    public var fixHint: String?

    /// Creates a diagnostic with the code's default severity unless one is given.
    public init(
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation,
        severity: Severity? = nil,
        notes: [Note] = [],
        fixHint: String? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.location = location
        self.notes = notes
        self.fixHint = fixHint
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by path, line, column, then code. Ties keep the order the pipeline
    /// found them in (Swift's sort is stable), which is deterministic and keeps, for example,
    /// a strategy's gap notes in stage order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return lhs.code.rawValue < rhs.code.rawValue
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// How many diagnostics have the given severity.
    public func count(of severity: Severity) -> Int { filter { $0.severity == severity }.count }
}

extension Diagnostic: StableHashable {
    /// Every field, for the fingerprints of the stages that a problem reaches (pages show them).
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(code.rawValue)
        hasher.combine(String(describing: severity))
        hasher.combine(message)
        hasher.combine(location.description)
        hasher.combine(notes.count)
        for note in notes {
            hasher.combine(note.message)
            hasher.combine(note.location?.description ?? "")
        }
        hasher.combine(fixHint ?? "\u{0}")
    }
}
