/// A value that templates read. Its fields are its stored properties, and the compiler holds
/// both things a view is asked to them:
///
/// - `lookup(_:_:)`, how the template renderer reads `{{name}}` and `{{a.b}}`: each view switches
///   over its synthesized `CodingKeys` (`CodingKeys(stringValue: name)`), and the switch must be
///   exhaustive, so a field added to a view that templates cannot read does not compile. Each
///   field goes through `TemplateValue.at`, typed, so no value is cast at run time, and a
///   dotted name descends into nested views without copying them;
/// - `fingerprint(into:)`, what the build cache compares: the view's synthesized `Encodable`
///   conformance feeds every field, nested, into a `StableHasher` (`FingerprintEncoder`),
///   without building a copy of the view.
///
/// A field whose type is not a view, a string, a number, a Boolean, or a list or optional of
/// them does not compile either.
protocol TemplateView: Encodable, TemplateObject, TemplateField, StableHashable, Sendable {}

extension TemplateView {
    func fingerprint(into hasher: inout StableHasher) {
        let encoder = FingerprintEncoder(hasher)
        try? encode(to: encoder)
        hasher = encoder.hasher
    }
}

// MARK: - Fingerprinting every field

/// An encoder that feeds every field of the value encoded, nested, into a `StableHasher`. The
/// stream is framed so that two different views never hash alike: an optional says whether it
/// is there, each element of a list is announced, and each nested value is closed.
final class FingerprintEncoder: Encoder {
    var hasher: StableHasher
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ hasher: StableHasher) { self.hasher = hasher }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(encoder: self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    /// A nested value: its fields (or, for a string or a number, its single value), then its end.
    fileprivate func add<T: Encodable>(_ value: T) throws {
        try value.encode(to: self)
        hasher.combine(Int.min)
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: FingerprintEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { encoder.hasher.combine(false) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.hasher.combine(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { encoder.hasher.combine(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { encoder.hasher.combine(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { encoder.hasher.combine(value.description) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.add(value) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            present(value != nil)
            if let value { encoder.hasher.combine(value) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            present(value != nil)
            if let value { encoder.hasher.combine(value) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            present(value != nil)
            if let value { encoder.hasher.combine(value) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            present(value != nil)
            if let value { encoder.hasher.combine(value.description) }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            present(value != nil)
            if let value { try encoder.add(value) }
        }

        private func present(_ isPresent: Bool) { encoder.hasher.combine(isPresent) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed(encoder: encoder) }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
    }

    /// A list: each element announced, so that lists of different lengths never hash alike.
    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: FingerprintEncoder
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() throws { encoder.hasher.combine(false) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            encoder.hasher.combine(true)
            try encoder.add(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(encoder: encoder) }
        mutating func superEncoder() -> any Encoder { encoder }
    }

    /// A string, a number or a Boolean in a list, or a value that encodes as one.
    private struct Single: SingleValueEncodingContainer {
        let encoder: FingerprintEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.hasher.combine(false) }
        mutating func encode(_ value: Bool) throws { encoder.hasher.combine(value) }
        mutating func encode(_ value: String) throws { encoder.hasher.combine(value) }
        mutating func encode(_ value: Double) throws { encoder.hasher.combine(value.description) }
        mutating func encode(_ value: Float) throws { encoder.hasher.combine(value.description) }
        mutating func encode(_ value: Int) throws { encoder.hasher.combine(value) }
        mutating func encode(_ value: Int8) throws { encoder.hasher.combine(Int(value)) }
        mutating func encode(_ value: Int16) throws { encoder.hasher.combine(Int(value)) }
        mutating func encode(_ value: Int32) throws { encoder.hasher.combine(Int(value)) }
        mutating func encode(_ value: Int64) throws { encoder.hasher.combine(Int(value)) }
        mutating func encode(_ value: UInt) throws { encoder.hasher.combine(Int(bitPattern: value)) }
        mutating func encode(_ value: UInt8) throws { encoder.hasher.combine(Int(value)) }
        mutating func encode(_ value: UInt16) throws { encoder.hasher.combine(Int(value)) }
        mutating func encode(_ value: UInt32) throws { encoder.hasher.combine(Int(value)) }
        mutating func encode(_ value: UInt64) throws { encoder.hasher.combine(Int(truncatingIfNeeded: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: encoder) }
    }
}

// MARK: - Front-matter parameters

/// A page's front-matter keys as templates read them (`{{page.params.audience}}`): any YAML
/// value by key. It fingerprints as the values' descriptions by sorted key, which is all a
/// template can show of them.
public struct TemplateParameters: Encodable, TemplateObject, TemplateField, Sendable {
    public var values: [String: any Sendable]

    public init(_ values: [String: any Sendable]) { self.values = values }

    func lookup(_ name: String, _ rest: ArraySlice<String>) -> TemplateValue? {
        values[name].map { TemplateValue.dynamic($0, below: rest) }
    }

    public func encode(to encoder: any Encoder) throws {
        var hasher = StableHasher()
        values.fingerprint(into: &hasher)
        var container = encoder.singleValueContainer()
        try container.encode(hasher.finalize())
    }
}
