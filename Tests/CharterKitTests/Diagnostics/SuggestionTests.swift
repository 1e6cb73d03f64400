import Testing
@testable import CharterKit

/// The "did you mean" of broken links: `SuggestionIndex` walks its sorted candidates as a trie
/// and skips the ones a shared beginning rules out, and must give the answer of comparing the
/// link with every candidate.
@Suite struct SuggestionTests {
    static let paths = ["s000/p00001.md", "s000/p00010.md", "s001/p00100.md", "guides/listening-plan.md",
                        "guides/listening.md", "teams/hub.yaml", "README.md"]

    @Test("the nearest path, ties to the first in order, case ignored, a swap counted as one edit", arguments: [
        ("s000/p00011.md", "s000/p00001.md"),      // one edit from two pages: the first by name
        ("s000/p00100.md", "s000/p00010.md"),      // a swap from one, a changed folder from another
        ("guides/listneing-plan.md", "guides/listening-plan.md"),
        ("Guides/Listening-Plan.MD", "guides/listening-plan.md"),
        ("guides/listening.m", "guides/listening.md"),
        ("teams/hubs.yaml", "teams/hub.yaml"),
        ("readme.md", "README.md"),
    ])
    func nearest(word: String, expected: String) {
        #expect(SuggestionIndex(Self.paths).closest(to: word) == expected)
    }

    @Test("nothing within the limit is no suggestion", arguments: ["zzzz", "s9/q.md", "", "strategies/community.yaml"])
    func none(word: String) {
        #expect(SuggestionIndex(Self.paths).closest(to: word) == nil)
    }

    /// The answer before the trie: every candidate of about the word's length compared in full,
    /// the nearest within the limit kept, ties to the smaller text.
    static func reference(_ word: String, _ candidates: [String]) -> String? {
        let limit = max(1, min(3, word.count / 3))
        let lowered = Array(word.lowercased().unicodeScalars)
        var best: (text: String, distance: Int)?
        for candidate in candidates where abs(candidate.count - word.count) <= limit {
            let distance = Suggestions.editDistance(lowered, Array(candidate.lowercased().unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.text) {
                best = (candidate, distance)
            }
        }
        return best?.text
    }

    @Test("the same answer as comparing with every candidate, over 2,000 random sets")
    func sameAsEveryCandidate() {
        // Pieces that share beginnings (so the trie has branches to skip), upper case, a
        // precomposed and a combining accent, and "İ", which lower-cases to two scalars.
        let pieces = ["s0", "s1", "/", "p", "0", "1", "2", "a", "b", "ab", "ba", "A", "é", "e\u{301}", "İ", "ß", ".md"]
        var random = SeededRandom(seed: 2026_12_07)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        func text() -> String { (0..<(1 + pick(9))).map { _ in pieces[pick(pieces.count)] }.joined() }
        var answered = 0
        for round in 0..<2_000 {
            let candidates = (0..<pick(40)).map { _ in text() }
            var word = candidates.isEmpty || pick(4) == 0 ? text() : candidates[pick(candidates.count)]
            for _ in 0..<pick(4) {
                var characters = Array(word)
                let at = characters.isEmpty ? 0 : pick(characters.count)
                switch pick(4) {
                case 0: characters.insert(contentsOf: pieces[pick(pieces.count)], at: at)
                case 1 where !characters.isEmpty: characters.remove(at: at)
                case 2 where !characters.isEmpty: characters[at] = Character(pieces[pick(pieces.count)].prefix(1).description)
                case 3 where at + 1 < characters.count: characters.swapAt(at, at + 1)
                default: break
                }
                word = String(characters)
            }
            let expected = Self.reference(word, candidates)
            #expect(SuggestionIndex(candidates).closest(to: word) == expected, "round \(round): '\(word)' in \(candidates)")
            if expected != nil { answered += 1 }
        }
        // Most rounds must have an answer, or the comparison would say little.
        #expect(answered > 1_000)
    }
}
