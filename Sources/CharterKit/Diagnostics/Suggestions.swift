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
        let a = Array(a), b = Array(b)
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
