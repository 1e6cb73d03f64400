/// One difference between two versions of a site's model, graded for review.
public struct ModelChange: Sendable, Hashable, Codable {
    /// How much a change matters to a reviewer.
    public enum Grade: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// Takes away something the strategy relied on: an Accountable team, a stage, a method's reporting or funding.
        case breaking
        /// Worth a reviewer's attention: a goal reworded, a method removed, a target changed.
        case warning
        /// Everything else: additions, clarifications, fixes.
        case info

        private var rank: Int { self == .breaking ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rank < rhs.rank }
    }

    public var grade: Grade
    /// What changed, such as "strategy storm-ready" or "playbook playbooks/x.md".
    public var subject: String
    /// A stable kind for tools: "strategy-added", "element-changed", "maturity-moved", "matrix-cell", …
    public var kind: String
    /// One sentence for people.
    public var summary: String
    public var before: String?
    public var after: String?
    /// For changed text: the words removed and added, as `~~removed~~ **added**` in Markdown.
    public var wordDiff: String?

    /// Creates a change.
    public init(_ grade: Grade, _ subject: String, _ kind: String, _ summary: String,
                before: String? = nil, after: String? = nil, wordDiff: String? = nil) {
        self.grade = grade
        self.subject = subject
        self.kind = kind
        self.summary = summary
        self.before = before
        self.after = after
        self.wordDiff = wordDiff
    }
}

/// Word-level differences between two texts.
public enum WordDiff {
    /// The words of `after` with removed words as `~~…~~` and added ones as `**…**`.
    public static func markdown(from before: String, to after: String) -> String {
        let old = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let new = after.split(whereSeparator: \.isWhitespace).map(String.init)
        guard old.count * new.count <= 250_000 else { return "~~\(before)~~ **\(after)**" }
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var removed: [String] = [], added: [String] = []
        func flush() {
            if !removed.isEmpty { out.append("~~\(removed.joined(separator: " "))~~") }
            if !added.isEmpty { out.append("**\(added.joined(separator: " "))**") }
            removed = []
            added = []
        }
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                flush()
                out.append(old[i])
                i += 1
                j += 1
            } else if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
                added.append(new[j])
                j += 1
            } else {
                removed.append(old[i])
                i += 1
            }
        }
        flush()
        return out.joined(separator: " ")
    }
}
