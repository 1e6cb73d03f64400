import Foundation

/// The words Charter writes into a site's pages, in the site's language: each message by its
/// key ("home.glance.title"), the plural rule of the language, and how it writes dates and
/// numbers. Made once per build from the shipped bundles (`i18n/` in the repository, embedded
/// in the binary) and the site's own `i18n/<language>.yaml`, which adds a language or changes
/// any message; a message no bundle of the language has comes from English.
///
/// Messages are plain text with `{name}` placeholders. A message that varies with a count has
/// one text per plural category of the language (`one`, `other`, …), and `{count}` in it.
public final class Messages: Sendable {
    /// The language asked for (`charter.yaml`'s `language`), as written.
    public let language: String
    /// `ltr` or `rtl`.
    public let direction: String
    public let formats: LocaleFormats
    let plural: PluralRule
    let table: [String: Message]
    /// Every key and every key's leading groups ("home", "home.glance"), for templates' lookups.
    let groups: Set<String>
    /// A hash of everything above, which stands for the messages in pages' fingerprints.
    public let digest: String

    /// Whether a site's own translation file changed any message.
    public let hasSiteChanges: Bool

    init(language: String, direction: String, formats: LocaleFormats, plural: PluralRule, table: [String: Message],
         hasSiteChanges: Bool = false) {
        self.hasSiteChanges = hasSiteChanges
        self.language = language
        self.direction = direction
        self.formats = formats
        self.plural = plural
        self.table = table
        var groups: Set<String> = []
        for key in table.keys {
            var prefix = Substring(key)
            while let dot = prefix.lastIndex(of: ".") {
                prefix = prefix[..<dot]
                groups.insert(String(prefix))
            }
        }
        self.groups = groups
        var hasher = StableHasher()
        hasher.combine(language)
        hasher.combine(direction)
        formats.fingerprint(into: &hasher)
        hasher.combine(plural.rawValue)
        hasher.combine(hasSiteChanges)
        for key in table.keys.sorted() {
            hasher.combine(key)
            table[key]!.fingerprint(into: &hasher)
        }
        digest = hasher.finalize()
    }

    /// English as shipped, with nothing of a site's: for tests and for code that runs before a
    /// site is read.
    public static let english: Messages = {
        let bundle = ShippedBundles.parsed("en")
        return Messages(
            language: "en", direction: "ltr", formats: bundle?.formats ?? .english, plural: .oneOther,
            table: bundle?.messages ?? [:])
    }()

    /// The message `key` with its placeholders filled; the key itself when there is no such
    /// message, so that a slip shows on the page instead of vanishing.
    public func text(_ key: String, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        guard let message = table[key] else { return key }
        return Self.fill(message.text(for: .other), arguments)
    }

    /// The message `key` for `count`: the plural form the language uses for it, with `{count}`
    /// written as a number of the language.
    public func count(_ key: String, _ count: Int, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        guard let message = table[key] else { return key }
        return Self.fill(message.text(for: plural.category(of: count)), arguments.map { ($0.key, $0.value) } + [("count", number(Double(count)))])
    }

    /// The message as HTML: its text escaped, and each placeholder named in `html` replaced with
    /// that HTML as it is (a link, an emphasis); the other placeholders are text.
    public func html(_ key: String, text: KeyValuePairs<String, String> = [:], html: KeyValuePairs<String, String>) -> String {
        guard let message = table[key] else { return HTMLText.escape(key) }
        var escaped: [(String, String)] = text.map { ($0.key, HTMLText.escape($0.value)) }
        escaped += html.map { ($0.key, $0.value) }
        return Self.fill(HTMLText.escape(message.text(for: .other)), escaped)
    }

    /// Whether the bundles have a message `key`.
    public func has(_ key: String) -> Bool { table[key] != nil }

    /// A list joined as the language joins one: "a, b and c".
    public func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default:
            return text("list.and", ["first": items.dropLast().joined(separator: text("list.separator")), "last": items.last!])
        }
    }

    /// A day as the language writes it ("3 December 2026", "3. Dezember 2026").
    public func date(_ date: CalendarDate) -> String { formats.date(date) }

    /// A number with the language's separators and at most `decimals` decimals (two unless said).
    public func number(_ value: Double, decimals: Int = 2) -> String { formats.number(value, decimals: decimals) }

    static func fill(_ template: String, _ arguments: KeyValuePairs<String, String>) -> String {
        fill(template, arguments.map { ($0.key, $0.value) })
    }

    /// The template with each `{name}` it holds replaced by that argument's value; placeholders
    /// with no argument stay as written. One pass over the template's bytes.
    static func fill(_ template: String, _ arguments: [(String, String)]) -> String {
        guard !arguments.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        let bytes = Array(template.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
               let value = arguments.first(where: { $0.0.utf8.elementsEqual(bytes[(index + 1)..<close]) })?.1 {
                result.append(contentsOf: value.utf8)
                index = close + 1
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// One message: a text, or a text per plural category.
enum Message: Sendable, Equatable {
    case text(String)
    case plural([PluralCategory: String])

    func text(for category: PluralCategory) -> String {
        switch self {
        case .text(let text): text
        case .plural(let forms): forms[category] ?? forms[.other] ?? ""
        }
    }

    /// The placeholders the message uses, in every form.
    var placeholders: Set<String> {
        var names: Set<String> = []
        let texts: [String] = switch self {
        case .text(let text): [text]
        case .plural(let forms): Array(forms.values)
        }
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "}") else { break }
                let name = after[..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.insert(String(name)) }
                rest = after[after.index(after: close)...]
            }
        }
        return names
    }

    func fingerprint(into hasher: inout StableHasher) {
        switch self {
        case .text(let text): hasher.combine(text)
        case .plural(let forms):
            for category in PluralCategory.allCases {
                hasher.combine(forms[category] ?? "\u{0}")
            }
        }
    }
}

/// CLDR's plural categories.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// Which plural category a whole number takes, by language family (CLDR's rules for integers).
public enum PluralRule: String, Sendable, CaseIterable {
    /// English, German, Spanish, Italian, Dutch, the Nordic languages, Greek, Hungarian, Turkish…: 1 is `one`.
    case oneOther = "one-other"
    /// French, Portuguese: 0 and 1 are `one`.
    case zeroOneOther = "zero-one-other"
    /// Chinese, Japanese, Korean, Vietnamese, Thai, Indonesian: one form.
    case single
    /// Arabic: `zero`, `one`, `two`, `few` (3–10), `many` (11–99), by the last two digits.
    case arabic
    /// Hebrew: `one`, `two`, `other`.
    case hebrew
    /// Russian, Ukrainian, Belarusian: `one` (…1 but …11), `few` (…2–4 but …12–14), `many`.
    case eastSlavic = "east-slavic"
    /// Polish: `one` (1), `few` (…2–4 but …12–14), `many`.
    case polish
    /// Czech, Slovak: `one` (1), `few` (2–4), `other`.
    case westSlavic = "west-slavic"

    /// The rule of a language code ("fr", "pt-BR"); `oneOther` for the rest.
    public static func of(language: String) -> PluralRule {
        switch language.split(separator: "-").first.map({ $0.lowercased() }) ?? "" {
        case "fr", "pt", "hy", "kab", "ff": .zeroOneOther
        case "zh", "ja", "ko", "vi", "th", "id", "ms", "lo", "my", "km": .single
        case "ar": .arabic
        case "he", "iw": .hebrew
        case "ru", "uk", "be": .eastSlavic
        case "pl": .polish
        case "cs", "sk": .westSlavic
        default: .oneOther
        }
    }

    public func category(of number: Int) -> PluralCategory {
        let n = abs(number)
        let last = n % 10, lastTwo = n % 100
        switch self {
        case .oneOther: return n == 1 ? .one : .other
        case .zeroOneOther: return n <= 1 ? .one : .other
        case .single: return .other
        case .arabic:
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(lastTwo) { return .few }
            if (11...99).contains(lastTwo) { return .many }
            return .other
        case .hebrew: return n == 1 ? .one : n == 2 ? .two : .other
        case .eastSlavic:
            if last == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
            return .many
        case .polish:
            if n == 1 { return .one }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
            return .many
        case .westSlavic: return n == 1 ? .one : (2...4).contains(n) ? .few : .other
        }
    }

    /// The categories a bundle of this rule must give.
    public var categories: [PluralCategory] {
        switch self {
        case .oneOther, .zeroOneOther: [.one, .other]
        case .single: [.other]
        case .arabic: [.zero, .one, .two, .few, .many, .other]
        case .hebrew: [.one, .two, .other]
        case .eastSlavic, .polish: [.one, .few, .many, .other]
        case .westSlavic: [.one, .few, .other]
        }
    }
}

/// How a language writes days and numbers.
public struct LocaleFormats: Sendable, Equatable {
    /// The day, with `{day}`, `{month}` (the month's name), `{year}`.
    public var date = "{day} {month} {year}"
    public var monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    public var decimalSeparator = "."
    public var groupSeparator = ","
    /// A share in per cent, with `{number}`.
    public var percent = "{number}%"
    /// How the first day of a month is written, where the language writes it apart ("1er").
    public var firstDay: String?

    public static let english = LocaleFormats()

    public func date(_ date: CalendarDate) -> String {
        let month = (1...12).contains(date.month) ? monthNames[date.month - 1] : String(date.month)
        let day = date.day == 1 ? firstDay ?? "1" : String(date.day)
        return Messages.fill(self.date, [("day", day), ("month", month), ("year", String(date.year))])
    }

    /// A number with at most `decimals` decimals (trailing zeros dropped) and grouped thousands.
    public func number(_ value: Double, decimals: Int = 2, keepingZeros: Bool = false) -> String {
        guard value.isFinite else { return String(value) }
        let places = min(max(decimals, 0), 6)
        var text = String(format: "%.\(places)f", abs(value))
        if text.contains("."), !keepingZeros {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = String(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = groupSeparator + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if parts.count > 1 { grouped += decimalSeparator + parts[1] }
        let isZero = parts.allSatisfy { $0.allSatisfy { $0 == "0" } }
        return (value < 0 && !isZero ? "-" : "") + grouped
    }

    /// A share in per cent ("61%", "61 %").
    public func percent(_ value: Double, decimals: Int = 2) -> String {
        Messages.fill(percent, [("number", number(value, decimals: decimals))])
    }

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(date)
        for name in monthNames { hasher.combine(name) }
        hasher.combine(decimalSeparator)
        hasher.combine(groupSeparator)
        hasher.combine(percent)
        hasher.combine(firstDay ?? "\u{0}")
    }
}

// MARK: - In templates

/// The messages as templates read them: `{{t.home.glance}}` is the message `home.glance`, and
/// each group between the dots is a view of its own. In pages' fingerprints it stands as the
/// messages' digest, so that a page is not hashed with every message.
public struct MessagesView: Encodable, Sendable {
    let messages: Messages
    let prefix: String

    init(_ messages: Messages, prefix: String = "") {
        self.messages = messages
        self.prefix = prefix
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(messages.digest + prefix)
    }
}
