/// A stable diagnostic code such as `CH101`: never reused, grouped by pipeline stage.
///
/// CH0xx loading, CH1xx front matter and YAML, CH4xx Markdown and templates.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    /// The severity used unless a site's configuration says otherwise.
    public let defaultSeverity: Severity
    /// One line saying what the code means.
    public let summary: String

    public init?(rawValue: String) {
        guard let known = DiagnosticCode.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    private init(_ rawValue: String, _ severity: Severity, _ summary: String) {
        self.rawValue = rawValue
        self.defaultSeverity = severity
        self.summary = summary
    }

    public var description: String { rawValue }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = DiagnosticCode(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown code \(raw)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    // MARK: Loading (CH0xx)
    public static let unreadableFile = DiagnosticCode("CH001", .error, "a content file could not be read")
    public static let invalidUTF8 = DiagnosticCode("CH002", .error, "a text file is not valid UTF-8")
    public static let fileTooLarge = DiagnosticCode("CH003", .error, "a text file is larger than Charter reads")
    public static let duplicateOutputPath = DiagnosticCode("CH004", .error, "two source files would be written to the same page")
    public static let shadowedReadme = DiagnosticCode("CH005", .warning, "a folder has both index.md and README.md")

    // MARK: Front matter and YAML (CH1xx)
    public static let unterminatedFrontMatter = DiagnosticCode("CH101", .error, "front matter opened with '---' is never closed")
    public static let malformedYAML = DiagnosticCode("CH102", .error, "YAML could not be parsed")
    public static let frontMatterNotMapping = DiagnosticCode("CH103", .error, "front matter is not a mapping of keys to values")
    public static let yamlTooComplex = DiagnosticCode("CH104", .error, "YAML nests or expands aliases past Charter's limits")
    public static let wrongType = DiagnosticCode("CH105", .error, "a field has the wrong type")
    public static let duplicateKey = DiagnosticCode("CH106", .error, "a mapping has the same key twice")
    public static let emptyFile = DiagnosticCode("CH107", .error, "a data file is empty")
    public static let unknownKey = DiagnosticCode("CH108", .warning, "a key is not one Charter knows")

    // MARK: Markdown and templates (CH4xx)
    public static let templateSyntax = DiagnosticCode("CH401", .error, "a template could not be parsed")
    public static let missingTemplate = DiagnosticCode("CH402", .error, "a template needed to render a page does not exist")
    public static let rawHTMLDropped = DiagnosticCode("CH403", .note, "raw HTML was left out because the site is in safe mode")

    /// Every code Charter can report, in code order.
    public static let all: [DiagnosticCode] = [
        .unreadableFile, .invalidUTF8, .fileTooLarge, .duplicateOutputPath, .shadowedReadme,
        .unterminatedFrontMatter, .malformedYAML, .frontMatterNotMapping, .yamlTooComplex, .wrongType,
        .duplicateKey, .emptyFile, .unknownKey,
        .templateSyntax, .missingTemplate, .rawHTMLDropped,
    ]
}
