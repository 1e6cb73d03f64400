/// Settings from `charter.yaml` at the site root. Every key is optional.
public struct SiteConfiguration: Sendable, Hashable {
    /// The site's name, shown in every page's header.
    public var title = "Strategy playbook"
    /// Whether charter.yaml names the title; if not, the title is the site language's words for
    /// "strategy playbook".
    public var hasTitle = false
    /// A sentence about the site, for the home page and `<meta name="description">`.
    public var description: String?
    /// The language of the content, for `<html lang>`.
    public var language = "en"
    /// Lets raw HTML and `javascript:` URLs in Markdown through. Only for sites whose authors are all trusted.
    public var unsafeHTML = false
    /// The address the site is published at, for absolute links such as a sitemap.
    public var baseURL: String?
    /// Whether search engines may index the site; internal playbooks are not indexed by default.
    public var isPublic = false
    /// Severities changed by code; nil turns a code off.
    public var severities: [DiagnosticCode: Severity?] = [:]
    /// How old an assessment may grow before objectives are changed on it (CH261).
    public var assessmentMaxAge = ReviewInterval.standard
    /// Limits the site raises or lowers, such as the largest text file read.
    public var limits = SiteLimits()
    /// How far either side of a measure's line a result is at risk (CH283), as a share of the
    /// change the measure plans, from its start to its target; a measure's own `band` wins.
    public var measureBand = 0.05
    /// The organisation's areas of the business; empty when the site declares none.
    public var businessAreas: [BusinessArea] = []

    /// The keys `charter.yaml` understands.
    public static let knownKeys = [
        "title", "description", "language", "unsafe_html", "base_url", "public", "severity", "assessment_max_age", "limits",
        "measure_band", "business_areas",
    ]

    /// Creates the default configuration.
    public init() {}

    /// Reads the configuration, reporting wrong types and unknown keys; what cannot be read keeps its default.
    public static func read(_ source: SourceText?) -> (configuration: SiteConfiguration, diagnostics: [Diagnostic]) {
        var configuration = SiteConfiguration()
        guard let source else { return (configuration, []) }
        let (root, parseDiagnostics) = YAMLReader().read(source.text, path: source.path)
        var diagnostics = parseDiagnostics
        guard let root else { return (configuration, diagnostics) }
        if case .scalar(_, .null) = root.kind { return (configuration, diagnostics) }
        guard let entries = root.entries else {
            diagnostics.append(Diagnostic(.wrongType, "charter.yaml must be a mapping of settings, found \(root.typeDescription)", at: root.location))
            return (configuration, diagnostics)
        }
        var fields = FieldReader(diagnostics: diagnostics)
        for entry in entries {
            switch entry.key {
            case "title":
                configuration.title = fields.string(entry) ?? configuration.title
                configuration.hasTitle = configuration.title != SiteConfiguration().title
            case "description": configuration.description = fields.string(entry)
            case "language": configuration.language = fields.string(entry) ?? configuration.language
            case "unsafe_html": configuration.unsafeHTML = fields.bool(entry) ?? false
            case "base_url": configuration.baseURL = fields.string(entry)
            case "public": configuration.isPublic = fields.bool(entry) ?? false
            case "severity": configuration.severities = readSeverities(entry, &fields)
            case "assessment_max_age":
                guard let text = fields.string(entry) else { continue }
                if let interval = ReviewInterval(text) {
                    configuration.assessmentMaxAge = interval
                } else {
                    fields.diagnostics.append(Diagnostic(
                        .invalidDate, "'\(text)' is not an interval", at: entry.value.location,
                        fixHint: "write a number and a unit, such as '12 months' or '2 years'"))
                }
            case "limits": configuration.limits = SiteLimits.read(entry, &fields)
            case "measure_band":
                guard let text = fields.string(entry) else { continue }
                let digits = text.hasSuffix("%") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : ""
                if let percent = Double(digits), percent.isFinite, percent >= 0, percent <= 100 {
                    configuration.measureBand = percent / 100
                } else {
                    fields.diagnostics.append(Diagnostic(
                        .wrongType, "'measure_band' must be a percentage from 0% to 100%, found '\(text)'", at: entry.value.location,
                        fixHint: "write it as a share of the change each measure plans, such as 'measure_band: 5%'"))
                }
            case "business_areas": configuration.businessAreas = readBusinessAreas(entry, &fields)
            default: fields.unknownKey(entry, known: knownKeys, in: "charter.yaml", severity: .warning)
            }
        }
        return (configuration, fields.diagnostics)
    }
}

extension SiteConfiguration {
    /// `severity: {CH252: error, CH211: off}`: a code and one of error, warning, note or off.
    private static func readSeverities(_ entry: YAMLEntry, _ fields: inout FieldReader) -> [DiagnosticCode: Severity?] {
        guard let entries = entry.value.entries else {
            fields.mismatch(entry, expected: "a mapping of diagnostic codes to severities")
            return [:]
        }
        var severities: [DiagnosticCode: Severity?] = [:]
        for item in entries {
            guard let code = DiagnosticCode(rawValue: item.key) else {
                let suggestion = Suggestions.closest(to: item.key.uppercased(), in: DiagnosticCode.all.map(\.rawValue))
                fields.diagnostics.append(Diagnostic(
                    .unknownValue, "'\(item.key)' is not a diagnostic code", at: item.keyLocation,
                    fixHint: suggestion.map { "did you mean '\($0)'?" }))
                continue
            }
            // YAML 1.1 reads a bare `off` as false, so the scalar's text is used as written.
            guard let text = item.value.scalarText, item.value.entries == nil, item.value.items == nil else {
                fields.mismatch(item, expected: "error, warning, note or off")
                continue
            }
            if text == "off" {
                severities[code] = .some(nil)
            } else if let severity = Severity(rawValue: text) {
                severities[code] = .some(severity)
            } else {
                fields.unknownValue(Located(text, at: item.value.location), for: "severity", allowed: ["error", "warning", "note", "off"])
            }
        }
        return severities
    }

    /// The diagnostics with the site's severity changes applied; codes turned off are dropped.
    public func applySeverities(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !severities.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let override = severities[diagnostic.code] else { return diagnostic }
            guard let severity = override else { return nil }
            var changed = diagnostic
            changed.severity = severity
            return changed
        }
    }
}

/// Reads typed values out of YAML entries, reporting each wrong type at the value's position.
struct FieldReader {
    var diagnostics: [Diagnostic]

    mutating func string(_ entry: YAMLEntry) -> String? {
        if let text = entry.value.string { return text }
        if case .scalar(let text, .int) = entry.value.kind { return text }
        if case .scalar(let text, .float) = entry.value.kind { return text }
        mismatch(entry, expected: "text")
        return nil
    }

    mutating func bool(_ entry: YAMLEntry) -> Bool? {
        if let value = entry.value.bool { return value }
        mismatch(entry, expected: "true or false")
        return nil
    }

    mutating func int(_ entry: YAMLEntry) -> Int? {
        if case .scalar(let text, .int) = entry.value.kind, let value = Int(text) { return value }
        mismatch(entry, expected: "a whole number")
        return nil
    }

    mutating func strings(_ entry: YAMLEntry) -> [String]? {
        if let text = entry.value.string { return [text] }
        guard let items = entry.value.items else {
            mismatch(entry, expected: "a list of text")
            return nil
        }
        var values: [String] = []
        for item in items {
            if let text = item.scalarText, item.string != nil || item.typeDescription == "a number" {
                values.append(text)
            } else {
                diagnostics.append(Diagnostic(.wrongType, "'\(entry.key)' items must be text, found \(item.typeDescription)", at: item.location))
            }
        }
        return values
    }

    mutating func mismatch(_ entry: YAMLEntry, expected: String) {
        diagnostics.append(Diagnostic(
            .wrongType, "'\(entry.key)' must be \(expected), found \(entry.value.typeDescription)", at: entry.value.location))
    }

    mutating func unknownKey(_ entry: YAMLEntry, known: [String], in place: String, severity: Severity) {
        let suggestion = Suggestions.closest(to: entry.key, in: known)
        diagnostics.append(Diagnostic(
            .unknownKey, "unknown key '\(entry.key)' in \(place)",
            at: entry.keyLocation,
            severity: severity,
            fixHint: suggestion.map { "did you mean '\($0)'?" }))
    }
}
