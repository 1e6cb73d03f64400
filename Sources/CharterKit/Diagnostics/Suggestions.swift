/// Finds the closest known word to a misspelt one, for "did you mean" hints.
public enum Suggestions {
    /// The candidate nearest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3))
        let lowered = word.lowercased()
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            // Lengths that differ by more than the limit cannot be within it: skip the work.
            guard abs(candidate.count - word.count) <= limit else { continue }
            let distance = editDistance(lowered, candidate.lowercased(), limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < best!.word) {
                best = (candidate, distance)
            }
        }
        return best?.word
    }

    /// Levenshtein distance, counting adjacent transpositions as one edit. With a `limit`, the
    /// answer is only exact up to it: once every entry of a row passes it, `limit + 1` is returned.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        editDistance(Array(a), Array(b), limit: limit)
    }

    /// The same distance over any arrays of comparable elements (characters, Unicode scalars).
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            if limit != .max, current.min()! > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}

/// The candidates of many suggestions, prepared once: lower-cased, as Unicode scalars, grouped
/// by length (only lengths within the limit are compared) and by file name (a file whose
/// folder moved keeps its name). A site with thousands of broken links asks thousands of times.
struct SuggestionIndex: Sendable {
    private let texts: [String]
    private let scalars: [[Unicode.Scalar]]
    private let byLength: [Int: [Int]]
    private let byName: [String: [Int]]

    init(_ candidates: [String]) {
        texts = candidates
        scalars = candidates.map { Array($0.lowercased().unicodeScalars) }
        var byLength: [Int: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            byLength[candidate.count, default: []].append(index)
            byName[ContentPaths.fileName(of: candidate).lowercased(), default: []].append(index)
        }
        self.byLength = byLength
        self.byName = byName
    }

    /// The candidate nearest to `word` within `Suggestions.closest`'s limit: the same answer.
    func closest(to word: String) -> String? {
        let count = word.count
        let limit = max(1, min(3, count / 3))
        let lowered = Array(word.lowercased().unicodeScalars)
        var best: (index: Int, distance: Int)?
        for length in max(0, count - limit)...(count + limit) {
            for index in byLength[length] ?? [] {
                let distance = Suggestions.editDistance(lowered, scalars[index], limit: limit)
                guard distance <= limit else { continue }
                if distance < (best?.distance ?? .max) || (distance == best?.distance && texts[index] < texts[best!.index]) {
                    best = (index, distance)
                }
            }
        }
        return best.map { texts[$0.index] }
    }

    /// The candidate with the same file name as `path` in another folder, nearest by path.
    func sameName(as path: String) -> String? {
        guard let indices = byName[ContentPaths.fileName(of: path).lowercased()] else { return nil }
        let lowered = Array(path.lowercased().unicodeScalars)
        return indices.map { (index: $0, distance: Suggestions.editDistance(lowered, scalars[$0])) }
            .min { $0.distance != $1.distance ? $0.distance < $1.distance : texts[$0.index] < texts[$1.index] }
            .map { texts[$0.index] }
    }
}
