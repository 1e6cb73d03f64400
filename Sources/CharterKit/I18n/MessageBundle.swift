import Foundation

/// One translation file: Charter's shipped `i18n/<language>.yaml`, or a site's file of the same
/// name, which adds a language or changes some of a shipped one's messages.
///
/// ```yaml
/// language: de
/// name: Deutsch
/// direction: ltr
/// formats:
///   date: "{day}. {month} {year}"
///   months: [Januar, Februar, …]
///   decimal: ","
///   group: "."
///   percent: "{number} %"
/// messages:
///   home:
///     glance: Strategien auf einen Blick
///     errors:
///       one: "{count} Fehler"
///       other: "{count} Fehler"
/// ```
///
/// Groups nest; a message's key is its path ("home.glance"). A mapping whose keys are all plural
/// categories (`zero`, `one`, `two`, `few`, `many`, `other`), `other` among them, is one message
/// with a form per category.
struct MessageBundle: Sendable {
    var path: String
    var language: String?
    var name: String?
    var direction: Located<String>?
    var formats: LocaleFormats?
    var plural: PluralRule?
    var messages: [String: Message] = [:]
    /// Where each message is written, for diagnostics.
    var locations: [String: SourceLocation] = [:]

    static let keys = ["language", "name", "direction", "plural", "formats", "messages"]
    static let formatKeys = ["date", "months", "decimal", "group", "percent", "first_day"]

    /// Reads a bundle's text; what cannot be read is reported and left out.
    static func parse(text: String, path: String) throws -> (bundle: MessageBundle, diagnostics: [Diagnostic]) {
        let (root, parseDiagnostics) = YAMLReader().read(text, path: path)
        var bundle = MessageBundle(path: path)
        var fields = FieldReader(diagnostics: parseDiagnostics)
        guard let root else { return (bundle, fields.diagnostics) }
        if case .scalar(_, .null) = root.kind { return (bundle, fields.diagnostics) }
        guard let entries = root.entries else {
            fields.diagnostics.append(Diagnostic(
                .wrongType, "a translation file must be a mapping with 'messages', found \(root.typeDescription)", at: root.location))
            return (bundle, fields.diagnostics)
        }
        for entry in entries {
            switch entry.key {
            case "language": bundle.language = fields.string(entry)
            case "name": bundle.name = fields.string(entry)
            case "direction":
                guard let text = fields.string(entry) else { continue }
                if text == "ltr" || text == "rtl" {
                    bundle.direction = Located(text, at: entry.value.location)
                } else {
                    fields.unknownValue(Located(text, at: entry.value.location), for: "direction", allowed: ["ltr", "rtl"])
                }
            case "plural":
                guard let text = fields.string(entry) else { continue }
                if let rule = PluralRule(rawValue: text) {
                    bundle.plural = rule
                } else {
                    fields.unknownValue(Located(text, at: entry.value.location), for: "plural", allowed: PluralRule.allCases.map(\.rawValue))
                }
            case "formats": bundle.formats = readFormats(entry, &fields)
            case "messages":
                guard entry.value.entries != nil else {
                    fields.mismatch(entry, expected: "a mapping of message groups and messages")
                    continue
                }
                readMessages(entry.value, prefix: "", into: &bundle, &fields)
            default: fields.unknownKey(entry, known: keys, in: "a translation file", severity: .warning)
            }
        }
        return (bundle, fields.diagnostics)
    }

    private static func readFormats(_ entry: YAMLEntry, _ fields: inout FieldReader) -> LocaleFormats? {
        guard let entries = entry.value.entries else {
            fields.mismatch(entry, expected: "a mapping of date and number formats")
            return nil
        }
        var formats = LocaleFormats.english
        for item in entries {
            switch item.key {
            case "date": formats.date = fields.string(item) ?? formats.date
            case "decimal": formats.decimalSeparator = fields.string(item) ?? formats.decimalSeparator
            case "group": formats.groupSeparator = fields.string(item) ?? formats.groupSeparator
            case "percent": formats.percent = fields.string(item) ?? formats.percent
            case "first_day": formats.firstDay = fields.string(item)
            case "months":
                let names = item.value.items?.compactMap(\.scalarText) ?? []
                if names.count == 12 {
                    formats.monthNames = names
                } else {
                    fields.mismatch(item, expected: "a list of the twelve months' names, January first")
                }
            default: fields.unknownKey(item, known: formatKeys, in: "formats", severity: .warning)
            }
        }
        return formats
    }

    private static func readMessages(_ node: YAMLNode, prefix: String, into bundle: inout MessageBundle, _ fields: inout FieldReader) {
        for entry in node.entries ?? [] {
            let key = prefix + entry.key
            if let text = entry.value.scalarText, entry.value.entries == nil {
                bundle.messages[key] = .text(text)
                bundle.locations[key] = entry.value.location
            } else if let entries = entry.value.entries {
                let categories = entries.compactMap { PluralCategory(rawValue: $0.key) }
                if !entries.isEmpty, categories.count == entries.count, categories.contains(.other) {
                    var forms: [PluralCategory: String] = [:]
                    for item in entries {
                        if let text = fields.string(item) { forms[PluralCategory(rawValue: item.key)!] = text }
                    }
                    bundle.messages[key] = .plural(forms)
                    bundle.locations[key] = entry.value.location
                } else {
                    readMessages(entry.value, prefix: key + ".", into: &bundle, &fields)
                }
            } else {
                fields.mismatch(entry, expected: "a message, a group of messages, or a message's plural forms")
            }
        }
    }
}

/// The bundles Charter ships, embedded from the repository's `i18n/` folder.
public enum ShippedBundles {
    /// The languages shipped, by code.
    public static var languages: [String] {
        DefaultBundles.files.keys.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    static func text(for language: String) -> String? {
        if case .text(let text)? = DefaultBundles.files[language + ".yaml"] { return text }
        return nil
    }

    /// A shipped bundle, read once per process and language: a build reads English and its own
    /// language's, and the live preview would otherwise read them again on every model change.
    static func parsed(_ language: String) -> MessageBundle? {
        cache.read(language) {
            text(for: language).flatMap { try? MessageBundle.parse(text: $0, path: "i18n/\(language).yaml").bundle }
        }
    }

    private static let cache = BundleCache()

    /// The bundles read so far, behind a lock: builds on several threads may ask at once.
    private final class BundleCache: @unchecked Sendable {
        private let lock = NSLock()
        private var bundles: [String: MessageBundle?] = [:]

        func read(_ language: String, parse: () -> MessageBundle?) -> MessageBundle? {
            lock.lock()
            defer { lock.unlock() }
            if let known = bundles[language] { return known }
            let bundle = parse()
            bundles[language] = .some(bundle)
            return bundle
        }
    }
}

extension Messages {
    /// The messages of `language`: English, under the shipped bundle of the language's base
    /// ("de" for "de-AT"), under the shipped bundle of the language itself, under the site's own
    /// files for those (`i18n/de.yaml`, `i18n/de-AT.yaml`) and for English (`i18n/en.yaml`,
    /// which changes English everywhere it shows). Reports the site files' problems, and each
    /// message the language has nowhere (CH404), so that a half-translated site is told which.
    static func load(language: String, siteFiles: [SourceText]) -> (Messages, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var siteBundles: [String: MessageBundle] = [:]
        for file in siteFiles {
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            let code = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
            guard let (bundle, found) = try? MessageBundle.parse(text: file.text, path: file.path) else { continue }
            diagnostics += found
            siteBundles[code] = bundle
        }
        func shipped(_ code: String) -> MessageBundle? { ShippedBundles.parsed(code) }
        let base = language.split(separator: "-").first.map(String.init) ?? language
        var chain: [MessageBundle] = []
        for code in [base, language] where code != "en" && (chain.isEmpty || code != base) {
            if let bundle = shipped(code) { chain.append(bundle) }
            if let bundle = siteBundles[code] { chain.append(bundle) }
        }
        let english = shipped("en") ?? MessageBundle(path: "i18n/en.yaml")
        var table = english.messages
        // The site's English changes English wherever it is the fallback.
        if let siteEnglish = siteBundles["en"] {
            diagnostics += unknownKeys(of: siteEnglish, english: english)
            table.merge(siteEnglish.messages) { _, site in site }
        }
        var own: [String: Message] = [:]
        for bundle in chain {
            own.merge(bundle.messages) { _, later in later }
            if siteBundles.values.contains(where: { $0.path == bundle.path }) {
                diagnostics += unknownKeys(of: bundle, english: english)
            }
        }
        let isEnglish = base == "en"
        if !isEnglish && chain.isEmpty {
            diagnostics.append(Diagnostic(
                .missingTranslation,
                "Charter ships no '\(language)' translation (it ships \(ShippedBundles.languages.joined(separator: ", "))), so the pages' own words are in English",
                at: SourceLocation(path: "charter.yaml"),
                fixHint: "add the translation as i18n/\(language).yaml (copy a shipped bundle from `charter init` or the documentation), or choose a shipped language"))
        } else if !isEnglish {
            let siteFile = chain.last { bundle in siteBundles.values.contains { $0.path == bundle.path } }
            for key in english.messages.keys.sorted() where own[key] == nil {
                let location = siteFile.map { SourceLocation(path: $0.path, line: 1, column: 1) } ?? SourceLocation(path: "charter.yaml")
                diagnostics.append(Diagnostic(
                    .missingTranslation,
                    "no '\(language)' translation of the message '\(key)'; its English is used: \"\(english.messages[key]!.text(for: .other))\"",
                    at: location,
                    fixHint: "add '\(key)' under 'messages' in \(siteFile?.path ?? "i18n/\(language).yaml")"))
            }
            table.merge(own) { _, translated in translated }
        }
        let formats = chain.reversed().lazy.compactMap(\.formats).first ?? (isEnglish ? siteBundles["en"]?.formats : nil) ?? english.formats ?? .english
        let direction = chain.reversed().lazy.compactMap(\.direction).first?.value
            ?? (["ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ku"].contains(base) ? "rtl" : "ltr")
        let plural = chain.reversed().lazy.compactMap(\.plural).first ?? PluralRule.of(language: language)
        return (Messages(language: language, direction: direction, formats: formats, plural: plural, table: table,
                         hasSiteChanges: !siteBundles.isEmpty), diagnostics)
    }

    /// Keys a site's bundle gives that English does not have: a misspelt key changes nothing.
    private static func unknownKeys(of bundle: MessageBundle, english: MessageBundle) -> [Diagnostic] {
        let known = Array(english.messages.keys)
        return bundle.messages.keys.sorted().compactMap { key in
            if let message = english.messages[key] {
                let extra = bundle.messages[key]!.placeholders.subtracting(message.placeholders).subtracting(["count"])
                guard let name = extra.sorted().first else { return nil }
                return Diagnostic(
                    .missingTranslation,
                    "the message '\(key)' uses the placeholder '{\(name)}', which Charter does not fill for it",
                    at: bundle.locations[key] ?? SourceLocation(path: bundle.path),
                    fixHint: "use only \(message.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", ").nonEmpty ?? "no placeholders")")
            }
            let suggestion = Suggestions.closest(to: key, in: known)
            return Diagnostic(
                .unknownKey, "'\(key)' is not a message Charter writes, so this translation is never shown",
                at: bundle.locations[key] ?? SourceLocation(path: bundle.path), severity: .warning,
                fixHint: suggestion.map { "did you mean '\($0)'?" })
        }
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
