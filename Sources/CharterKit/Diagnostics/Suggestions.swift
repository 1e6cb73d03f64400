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

/// The candidates of many suggestions, prepared once: lower-cased, as Unicode scalars, sorted
/// (so that candidates which share a beginning share the edit-distance table's rows for it) and
/// by file name (a file whose folder moved keeps its name). A site with thousands of broken links
/// asks thousands of times, and has thousands of pages to compare each with: comparing every
/// broken link with every page grew with their product (two thirds of a 100,000-page build with
/// 6,455 broken links).
struct SuggestionIndex: Sendable {
    private let texts: [String]
    private let scalars: [[Unicode.Scalar]]
    /// Each candidate's length in characters: `Suggestions.closest` compares lengths so.
    private let lengths: [Int]
    /// The candidates' numbers in the order of their lowered scalars.
    private let order: [Int]
    /// How many scalars each candidate in `order` shares with the one before it.
    private let shared: [Int]
    private let byName: [String: [Int]]
    /// The most scalars a candidate has: the table's rows.
    private let deepest: Int

    init(_ candidates: [String]) {
        texts = candidates
        let scalars = candidates.map { Array($0.lowercased().unicodeScalars) }
        self.scalars = scalars
        lengths = candidates.map(\.count)
        deepest = scalars.lazy.map(\.count).max() ?? 0
        let order = scalars.indices.sorted { scalars[$0].lexicographicallyPrecedes(scalars[$1], by: { $0.value < $1.value }) }
        self.order = order
        shared = order.indices.map { position in
            guard position > 0 else { return 0 }
            let (a, b) = (scalars[order[position - 1]], scalars[order[position]])
            var common = 0
            while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
            return common
        }
        var byName: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            byName[ContentPaths.fileName(of: candidate).lowercased(), default: []].append(index)
        }
        self.byName = byName
    }

    /// The candidate nearest to `word` within `Suggestions.closest`'s limit: the same answer.
    ///
    /// The candidates are walked in sorted order as the leaves of a trie. The table of
    /// `Suggestions.editDistance` is filled a row per scalar of the candidate, so the rows for
    /// the beginning a candidate shares with the one before are kept, not filled again. A row
    /// whose every entry passes the distance still worth knowing (the limit, then the best found)
    /// rules out every candidate that shares that beginning; they are skipped together.
    func closest(to word: String) -> String? {
        let count = word.count
        let limit = max(1, min(3, count / 3))
        let lowered = Array(word.lowercased().unicodeScalars)
        let width = lowered.count + 1
        var rows = [Int](repeating: 0, count: width * (deepest + 1))
        for column in 0..<width { rows[column] = column }
        var best: (index: Int, distance: Int)?
        var position = 0
        while position < order.count {
            let index = order[position]
            let candidate = scalars[index]
            let bound = best?.distance ?? limit
            // The rows up to the beginning shared with the last candidate walked are already
            // filled: a skip ends before a candidate that shares less than the row that ruled out.
            var depth = shared[position]
            var passed = false
            while depth < candidate.count {
                depth += 1
                let row = depth * width, above = row - width
                rows[row] = depth
                var smallest = depth
                for column in 1..<width {
                    let cost = candidate[depth - 1] == lowered[column - 1] ? 0 : 1
                    var value = min(rows[above + column] + 1, rows[row + column - 1] + 1, rows[above + column - 1] + cost)
                    if depth > 1, column > 1, candidate[depth - 1] == lowered[column - 2], candidate[depth - 2] == lowered[column - 1] {
                        value = min(value, rows[above - width + column - 2] + 1)
                    }
                    rows[row + column] = value
                    smallest = min(smallest, value)
                }
                if smallest > bound { passed = true; break }
            }
            if passed {
                // Every candidate that begins with these `depth` scalars is as far or farther.
                position += 1
                while position < order.count, shared[position] >= depth { position += 1 }
                continue
            }
            let distance = rows[depth * width + width - 1]
            if distance <= bound, abs(lengths[index] - count) <= limit,
               distance < bound || best == nil || texts[index] < texts[best!.index] {
                best = (index, distance)
            }
            position += 1
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
