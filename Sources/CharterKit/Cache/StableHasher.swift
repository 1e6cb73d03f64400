/// A 128-bit hash that is the same in every run and on every machine (Swift's `Hasher` is
/// seeded anew in each process), for the build cache's fingerprints of inputs and page contexts.
///
/// Two independent 64-bit lanes, each a multiply-and-rotate mix over eight bytes at a time;
/// this is not a cryptographic hash: it tells versions of one site's own files apart.
struct StableHasher {
    private var first: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    init() {}

    private static let primeA: UInt64 = 0x9FB2_1C65_1E98_DF25
    private static let primeB: UInt64 = 0xD6E8_FEB8_6659_FD93

    private mutating func mix(_ word: UInt64) {
        first = (first ^ word) &* Self.primeA
        first = (first << 29) | (first >> 35)
        second = (second ^ (word &* Self.primeB)) &* Self.primeA
        second = (second << 31) | (second >> 33)
    }

    /// Adds raw bytes.
    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail ^ (UInt64(count) << 56))
        length &+= UInt64(count)
    }

    /// Adds a string's UTF-8 bytes, with its length, so that ("ab", "c") and ("a", "bc") differ.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    mutating func combine(_ flag: Bool) {
        mix(flag ? 0xB00 : 0xF00)
    }

    /// The hash as 32 hexadecimal digits.
    func finalize() -> String {
        func avalanche(_ value: UInt64) -> UInt64 {
            var value = value ^ length
            value = (value ^ (value >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            value = (value ^ (value >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return value ^ (value >> 33)
        }
        let high = String(avalanche(first ^ second.rotated), radix: 16)
        let low = String(avalanche(second &+ first), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }

    /// The hash of a block of bytes.
    /// The fingerprint of one text on its own, which a fingerprint of many files combines.
    static func digest(_ text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = StableHasher()
        let array = Array(bytes)
        array.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}

private extension UInt64 {
    var rotated: UInt64 { (self << 17) | (self >> 47) }
}

/// A value that can add itself to a `StableHasher`: every field a template can read, in order.
protocol StableHashable {
    func fingerprint(into hasher: inout StableHasher)
}

extension String: StableHashable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Int: StableHashable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Bool: StableHashable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Optional: StableHashable where Wrapped: StableHashable {
    func fingerprint(into hasher: inout StableHasher) {
        switch self {
        case .none: hasher.combine(false)
        case .some(let value):
            hasher.combine(true)
            value.fingerprint(into: &hasher)
        }
    }
}

extension Array: StableHashable where Element: StableHashable {
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(count)
        for element in self { element.fingerprint(into: &hasher) }
    }
}

extension Dictionary: StableHashable where Key == String, Value == any Sendable {
    /// Front-matter parameters: keys in order, each value by its description, which is all a
    /// template can show of it.
    func fingerprint(into hasher: inout StableHasher) {
        Self.fingerprint(any: self, into: &hasher)
    }

    /// YAML values: text, numbers, booleans, lists and mappings, nested; mappings by sorted key.
    private static func fingerprint(any value: Any, into hasher: inout StableHasher) {
        switch value {
        case let text as String:
            hasher.combine(1)
            hasher.combine(text)
        case let list as [Any]:
            hasher.combine(2)
            hasher.combine(list.count)
            for element in list { fingerprint(any: element, into: &hasher) }
        case let mapping as [String: Any]:
            hasher.combine(3)
            hasher.combine(mapping.count)
            for key in mapping.keys.sorted() {
                hasher.combine(key)
                fingerprint(any: mapping[key]!, into: &hasher)
            }
        default:
            hasher.combine(4)
            hasher.combine(String(describing: value))
        }
    }
}
