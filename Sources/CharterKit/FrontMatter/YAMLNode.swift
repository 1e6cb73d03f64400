/// A YAML value with the position of every node, converted from Yams once so later
/// stages never touch the parser and can always say where a value came from.
public struct YAMLNode: Sendable, Hashable {
    /// The shape of a node.
    public enum Kind: Sendable, Hashable {
        /// A scalar with its text and the type YAML's core schema resolves it to.
        case scalar(String, ScalarType)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    /// The type of a scalar under YAML's core schema.
    public enum ScalarType: String, Sendable, Hashable {
        case string, int, float, bool, null, timestamp
    }

    public var kind: Kind
    /// Where the node starts in its file.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The scalar's text, whatever its type; nil for collections.
    public var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The scalar's text when it is a string (a quoted or plain scalar that is not a number, bool or null).
    public var string: String? {
        if case .scalar(let text, let type) = kind, type == .string || type == .timestamp { return text }
        return nil
    }

    /// The value of a YAML 1.1 boolean (`true`, `yes`, `on` in their spellings); nil for other nodes.
    public var bool: Bool? {
        guard case .scalar(let text, .bool) = kind else { return nil }
        return ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"].contains(text)
    }

    /// The entries of a mapping; nil for other nodes.
    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The items of a sequence; nil for other nodes.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value of a mapping's key, if present.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// A word for the node's type, used in messages ("expected a string, found a list").
    public var typeDescription: String {
        switch kind {
        case .scalar(_, .null): "nothing"
        case .scalar(_, .int), .scalar(_, .float): "a number"
        case .scalar(_, .bool): "true or false"
        case .scalar: "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The node as plain Swift values (String, Int, Double, Bool, arrays, dictionaries), for templates.
    public var plainValue: (any Sendable)? {
        switch kind {
        case .scalar(let text, .int): Int(text) ?? text
        case .scalar(let text, .float): Double(text) ?? text
        case .scalar(_, .bool): bool
        case .scalar(_, .null): nil
        case .scalar(let text, _): text
        case .sequence(let items): items.map { $0.plainValue ?? "" }
        case .mapping(let entries):
            Dictionary(entries.map { ($0.key, $0.value.plainValue ?? "") }, uniquingKeysWith: { first, _ in first })
        }
    }
}

/// One key and value of a YAML mapping, with the key's own position.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
