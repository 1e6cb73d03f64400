/// The limits a site may set in `charter.yaml` under `limits:`, each with its default.
/// docs/limits.md lists them with the limits no site can change; a test keeps the two in step.
public struct SiteLimits: Sendable, Hashable {
    /// Text files (Markdown, YAML, templates) larger than this are reported (CH003) instead of read.
    public var maximumFileSize = SiteLimits.defaultMaximumFileSize
    /// The site's folders are listed up to this many files and folders (CH010).
    public var maximumFiles = SiteLimits.defaultMaximumFiles

    /// 10 MiB.
    public static let defaultMaximumFileSize = 10 * 1024 * 1024
    /// The largest `max_file_size` a site may set: 1 GiB, which a build still holds in memory.
    public static let largestFileSize = 1024 * 1024 * 1024
    /// 100,000 files and folders.
    public static let defaultMaximumFiles = 100_000
    /// The largest `max_files` a site may set.
    public static let largestFileCount = 10_000_000

    /// The keys `limits:` understands.
    public static let knownKeys = ["max_file_size", "max_files"]

    /// Creates the default limits.
    public init() {}

    /// Reads `limits: {max_file_size: 64MiB, max_files: 250000}`; a value that cannot be used is
    /// CH011 (or CH105 for the wrong type) and keeps its default.
    static func read(_ entry: YAMLEntry, _ fields: inout FieldReader) -> SiteLimits {
        var limits = SiteLimits()
        guard let entries = entry.value.entries else {
            fields.mismatch(entry, expected: "a mapping of limits such as {max_file_size: 64MiB}")
            return limits
        }
        for item in entries {
            switch item.key {
            case "max_file_size":
                guard let text = item.value.scalarText, item.value.entries == nil, item.value.items == nil else {
                    fields.mismatch(item, expected: "a size such as 64MiB")
                    continue
                }
                if let size = parseSize(text), size >= 1, size <= largestFileSize {
                    limits.maximumFileSize = size
                } else {
                    fields.diagnostics.append(Diagnostic(
                        .invalidLimit, "'max_file_size' must be a size from 1 B to 1 GiB such as 64MiB, not '\(text)'",
                        at: item.value.location))
                }
            case "max_files":
                guard let text = item.value.scalarText, item.value.entries == nil, item.value.items == nil else {
                    fields.mismatch(item, expected: "a whole number")
                    continue
                }
                if let count = Int(text.replacingOccurrences(of: "_", with: "")), count >= 1, count <= largestFileCount {
                    limits.maximumFiles = count
                } else {
                    fields.diagnostics.append(Diagnostic(
                        .invalidLimit, "'max_files' must be a whole number from 1 to \(largestFileCount), not '\(text)'",
                        at: item.value.location))
                }
            default:
                fields.unknownKey(item, known: knownKeys, in: "limits", severity: .warning)
            }
        }
        return limits
    }

    /// Bytes from "1048576", "64MiB", "64 MiB", "1.5 GiB", "50MB" (powers of 1000); nil when not a size.
    static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        let units: [String: Double] = [
            "": 1, "B": 1, "KiB": 1024, "MiB": 1024 * 1024, "GiB": 1024 * 1024 * 1024,
            "KB": 1000, "kB": 1000, "MB": 1_000_000, "GB": 1_000_000_000,
        ]
        guard let multiplier = units[unit], let value = Double(number), value.isFinite else { return nil }
        let bytes = (value * multiplier).rounded(.down)
        guard bytes <= Double(Int.max / 2) else { return nil }
        return Int(bytes)
    }

    /// A byte count as the docs and messages write it: "10 MiB", "512 KiB", "47.7 MiB", "1500 B".
    public static func describe(bytes: Int) -> String {
        let units = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (unit, size) in units where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit)"
        }
        for (unit, size) in units where bytes >= size {
            let tenths = (bytes * 10 + size / 2) / size
            return "\(tenths / 10).\(tenths % 10) \(unit)"
        }
        return "\(bytes) B"
    }

    /// One row of the limits table in docs/limits.md.
    struct Row: Equatable {
        var limit: String
        var value: String
        var setting: String
        var code: DiagnosticCode
    }

    /// Every limit Charter enforces, read from the code that enforces it.
    static var reference: [Row] {
        let yaml = YAMLReader()
        return [
            Row(
                limit: "size of a text file: Markdown, strategy, team and model YAML, templates",
                value: describe(bytes: defaultMaximumFileSize),
                setting: "`max_file_size`, up to \(describe(bytes: largestFileSize))", code: .fileTooLarge),
            Row(
                limit: "size of charter.yaml itself (read before its limits apply)",
                value: describe(bytes: defaultMaximumFileSize), setting: "none", code: .fileTooLarge),
            Row(
                limit: "files and folders in the site, links included",
                value: grouped(defaultMaximumFiles),
                setting: "`max_files`, up to \(grouped(largestFileCount))", code: .tooManyFiles),
            Row(
                limit: "YAML nesting: columns of indentation plus open brackets",
                value: "\(grouped(yaml.maximumDepth)) levels", setting: "none", code: .yamlTooComplex),
            Row(
                limit: "YAML values in one document once aliases are expanded",
                value: grouped(yaml.maximumNodes), setting: "none", code: .yamlTooComplex),
            Row(
                limit: "Markdown nesting: block quotes, lists, emphasis, brackets",
                value: "none: cmark-gfm parses and renders it without recursion",
                setting: "none; the file size bounds it", code: .fileTooLarge),
            Row(
                limit: "symbolic links followed to reach one file (the system's limit)",
                value: "40 on Linux", setting: "none", code: .symlinkLoop),
        ]
    }

    /// The table as docs/limits.md holds it.
    static var markdownTable: String {
        var lines = ["| limit | default | `limits:` key in charter.yaml | code |", "|---|---|---|---|"]
        for row in reference {
            let code = row.code.rawValue
            lines.append("| \(row.limit) | \(row.value) | \(row.setting) | [\(code)](rules.md#\(code.lowercased())) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 100000 as "100,000".
    private static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: ",")
    }
}
