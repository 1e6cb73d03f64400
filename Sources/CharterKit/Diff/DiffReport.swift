import Foundation

/// The output of `charter diff`, as Markdown for a pull request, JSON for tools, or text.
public struct DiffReport: Sendable {
    /// The output formats of `charter diff`.
    public enum Format: String, Sendable, CaseIterable {
        case markdown, json, text
    }

    public var changes: [ModelChange]
    public var base: String
    public var head: String
    /// GitHub's limit for a comment or a job summary is 65,536 characters; stay below it.
    public var markdownLimit = 64 * 1024

    /// Creates a report.
    public init(changes: [ModelChange], base: String, head: String) {
        self.changes = changes
        self.base = base
        self.head = head
    }

    /// How many changes have each grade.
    public func count(_ grade: ModelChange.Grade) -> Int { changes.filter { $0.grade == grade }.count }

    /// Whether any change is at `grade` or more severe.
    public func hasChanges(atLeast grade: ModelChange.Grade) -> Bool { changes.contains { $0.grade <= grade } }

    public func render(_ format: Format) -> String {
        switch format {
        case .markdown: markdown()
        case .json: json()
        case .text: text()
        }
    }

    private var totals: String {
        "\(count(.breaking)) breaking, \(count(.warning)) warning\(count(.warning) == 1 ? "" : "s"), \(count(.info)) info"
    }

    /// A pull-request comment: totals, a table per grade (info folded away), cut to fit GitHub.
    public func markdown() -> String {
        var head = ["## Strategy changes", "", "`\(base)` → `\(self.head)`: **\(totals)**", ""]
        if changes.isEmpty { head.append("No change to strategies, teams, playbooks or diagnostics.") }
        var blocks: [[String]] = []
        for grade in ModelChange.Grade.allCases {
            let rows = changes.filter { $0.grade == grade }
            guard !rows.isEmpty else { continue }
            let title = "\(grade.rawValue.capitalized) (\(rows.count))"
            var block = grade == .info ? ["<details><summary>\(title)</summary>", ""] : ["### \(title)", ""]
            block += ["| subject | change |", "|---|---|"]
            block += rows.map { change in
                var detail = Self.cell(change.summary)
                if let words = change.wordDiff { detail += "<br>" + Self.cell(words) }
                return "| \(Self.cell(change.subject)) | \(detail) |"
            }
            if grade == .info { block += ["", "</details>"] }
            blocks.append(block + [""])
        }
        var out = head.joined(separator: "\n") + "\n"
        var shown = 0
        for block in blocks {
            for (index, line) in block.enumerated() {
                let isRow = line.hasPrefix("| ") && !line.hasPrefix("| subject")
                let reserve = 200
                if out.utf8.count + line.utf8.count + 1 > markdownLimit - reserve {
                    let hidden = changes.count - shown
                    if block.first?.hasPrefix("<details>") == true, index > 0 { out += "\n</details>\n" }
                    out += "\n_\(hidden) more change\(hidden == 1 ? "" : "s") not shown: the report was cut to fit GitHub's 64 KB limit. Run `charter diff --format text` for all of them._\n"
                    return out
                }
                out += line + "\n"
                if isRow { shown += 1 }
            }
        }
        return out
    }

    /// `{"base", "head", "summary": {"breaking", "warning", "info"}, "changes": [...]}`.
    public func json() -> String {
        struct Document: Encodable {
            var base: String
            var head: String
            var summary: [String: Int]
            var changes: [ModelChange]
        }
        let document = Document(
            base: base, head: head,
            summary: Dictionary(uniqueKeysWithValues: ModelChange.Grade.allCases.map { ($0.rawValue, count($0)) }),
            changes: changes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// One line a change: `breaking: strategy x: 'governance' lost its Accountable team`.
    public func text() -> String {
        changes.map { "\($0.grade.rawValue): \($0.subject): \($0.summary)" + ($0.wordDiff.map { "\n    \($0)" } ?? "") + "\n" }.joined()
            + "\(totals)\n"
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
