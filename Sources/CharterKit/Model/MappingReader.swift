import Foundation

/// Reads one YAML mapping of a known format: reports keys the format does not have (with a
/// did-you-mean), ignores `x-` keys, and hands out typed, located values.
struct MappingReader {
    let node: YAMLNode
    private var byKey: [String: YAMLEntry] = [:]

    /// Nil, with a CH105 diagnostic, when the node is not a mapping.
    init?(_ node: YAMLNode, what: String, known: [String], fields: inout FieldReader) {
        guard let entries = node.entries else {
            fields.diagnostics.append(Diagnostic(.wrongType, "\(what) must be a mapping, found \(node.typeDescription)", at: node.location))
            return nil
        }
        self.node = node
        for entry in entries where !entry.key.hasPrefix("x-") {
            if known.contains(entry.key) {
                byKey[entry.key] = entry
            } else {
                fields.unknownKey(entry, known: known, in: what, severity: .error)
            }
        }
    }

    var location: SourceLocation { node.location }

    func entry(_ key: String) -> YAMLEntry? { byKey[key] }

    /// A text value; numbers count as text, an empty or null value as absent.
    func text(_ key: String, _ fields: inout FieldReader) -> Located<String>? {
        guard let entry = byKey[key] else { return nil }
        if case .scalar(_, .null) = entry.value.kind { return nil }
        guard let text = fields.string(entry) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : Located(trimmed, at: entry.value.location)
    }

    /// A list of text values; a single text value counts as a list of one.
    func texts(_ key: String, _ fields: inout FieldReader) -> [Located<String>] {
        guard let entry = byKey[key] else { return [] }
        if case .scalar(_, .null) = entry.value.kind { return [] }
        if let single = entry.value.scalarText, entry.value.items == nil {
            return single.isEmpty ? [] : [Located(single, at: entry.value.location)]
        }
        guard let items = entry.value.items else {
            fields.mismatch(entry, expected: "a list of text")
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalarText, item.entries == nil, item.typeDescription != "nothing" else {
                fields.diagnostics.append(Diagnostic(.wrongType, "'\(key)' items must be text, found \(item.typeDescription)", at: item.location))
                return nil
            }
            return Located(text, at: item.location)
        }
    }

    /// The items of a list value; absent or null is an empty list.
    func list(_ key: String, _ fields: inout FieldReader) -> [YAMLNode] {
        guard let entry = byKey[key] else { return [] }
        if case .scalar(_, .null) = entry.value.kind { return [] }
        guard let items = entry.value.items else {
            fields.mismatch(entry, expected: "a list")
            return []
        }
        return items
    }

    /// A nested mapping's node; a wrong type is reported by the nested reader.
    func value(_ key: String) -> YAMLNode? {
        guard let entry = byKey[key] else { return nil }
        if case .scalar(_, .null) = entry.value.kind { return nil }
        return entry.value
    }

    /// One value of a fixed list, accepting spaces for hyphens and any case.
    func choice<Value: RawRepresentable & CaseIterable & Sendable & Hashable>(
        _ key: String, _ type: Value.Type, _ fields: inout FieldReader
    ) -> Located<Value>? where Value.RawValue == String {
        guard let text = text(key, &fields) else { return nil }
        let normalised = Framework.normalise(text.value)
        if let value = Value(rawValue: normalised) { return Located(value, at: text.location) }
        let allowed = Value.allCases.map(\.rawValue)
        fields.unknownValue(text, for: key, allowed: allowed)
        return nil
    }

    /// A date written as YYYY-MM-DD; anything else is CH113 and reads as absent.
    func date(_ key: String, _ fields: inout FieldReader) -> Located<CalendarDate>? {
        guard let text = text(key, &fields) else { return nil }
        guard let date = CalendarDate(text.value) else {
            fields.diagnostics.append(Diagnostic(.invalidDate, "'\(text.value)' is not a date written as YYYY-MM-DD", at: text.location))
            return nil
        }
        return Located(date, at: text.location)
    }

    /// A boolean value.
    func flag(_ key: String, _ fields: inout FieldReader) -> Bool? {
        byKey[key].flatMap { fields.bool($0) }
    }
}

extension FieldReader {
    /// Reports a value outside its allowed list, suggesting the nearest one.
    mutating func unknownValue(_ value: Located<String>, for key: String, allowed: [String]) {
        let suggestion = Suggestions.closest(to: Framework.normalise(value.value), in: allowed)
        diagnostics.append(Diagnostic(
            .unknownValue, "'\(value.value)' is not a valid \(key.replacingOccurrences(of: "_", with: " ")) (allowed: \(allowed.joined(separator: ", ")))",
            at: value.location,
            fixHint: suggestion.map { "did you mean '\($0)'?" }))
    }

    /// Reports a required field that is absent.
    mutating func missing(_ key: String, in what: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.missingField, "\(what) has no '\(key)'", at: location))
    }
}
