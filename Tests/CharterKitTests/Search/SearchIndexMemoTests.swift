import Foundation
import Testing
@testable import CharterKit

/// The live preview remakes only the search files that changed entries are in: after any
/// sequence of edits the files are exactly those made from scratch.
@Suite struct SearchIndexMemoTests {
    static let words = ["harbour", "signal", "ledger", "compass", "tide", "beacon", "anchor", "current", "keel", "mast",
                        "zephyr", "quay", "jetty", "buoy", "wharf", "ébène", "naïve", "1st", "x"]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func sentence(_ count: Int) -> String {
            (0..<count).map { _ in SearchIndexMemoTests.words[next(SearchIndexMemoTests.words.count)] }.joined(separator: " ")
        }
        mutating func entry(_ number: Int) -> SearchIndex.Entry {
            let body = sentence(5 + next(40))
            return SearchIndex.Entry(
                title: sentence(1 + next(3)), path: "p\(number).html", kind: "playbook", summary: sentence(next(6)),
                keywords: next(3) == 0 ? [sentence(1)] : [], text: sentence(3) + " " + body,
                headings: (0..<next(3)).map { _ in sentence(2) }, body: body, facets: facets())
        }
        mutating func facets() -> [SearchIndex.Facet] {
            (0..<next(3)).map { _ in
                let value = SearchIndexMemoTests.words[next(4)]
                return SearchIndex.Facet(group: ["tag", "stage", "strategy"][next(3)], value: value, label: value.uppercased())
            }
        }
    }

    @Test("after random edits to a few entries at a time, the memo's files equal files made from scratch", arguments: [UInt64(3), 99])
    func randomEdits(seed: UInt64) {
        var random = Generator(state: seed)
        var index = SearchIndex()
        index.entriesPerFile = 3
        index.shardBytes = 300
        index.termsPerEntry = 12
        var entries = (0..<30).map { random.entry($0) }
        let memo = SearchIndexMemo()
        var memoIndex = index
        memoIndex.memo = memo
        #expect(memoIndex.files(for: entries) == index.files(for: entries))
        for round in 1...60 {
            for _ in 0..<(1 + random.next(3)) {
                let number = random.next(entries.count)
                switch random.next(5) {
                case 0: entries[number] = random.entry(number)
                case 1: entries[number].title = random.sentence(2)
                case 2:
                    entries[number].body = random.sentence(10)
                    entries[number].text = entries[number].title + " " + entries[number].body
                case 3: entries[number].facets = random.facets()
                default: entries[number].headings = [random.sentence(2)]
                }
            }
            let expected = index.files(for: entries)
            let found = memoIndex.files(for: entries)
            let differing = Set(expected.keys).union(found.keys).filter { expected[$0] != found[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed), round \(round): \(differing)")
        }
        // A different number of entries starts again from scratch.
        entries.append(random.entry(30))
        #expect(memoIndex.files(for: entries) == index.files(for: entries))
    }

    @Test("the files are the same however many entries are read at a time, and with the text in parts")
    func batchesAndParts() {
        var random = Generator(state: 7)
        var index = SearchIndex()
        index.entriesPerFile = 3
        index.shardBytes = 300
        index.termsPerEntry = 12
        let entries = (0..<50).map { random.entry($0) }
        let whole = index.files(for: entries)
        #expect(whole.keys.filter { $0.hasPrefix("search/entries-") }.count == 17)
        var session = index
        session.memo = SearchIndexMemo()
        for batch in [1, 4, 7, 50] {
            var small = index
            small.batchEntries = batch
            #expect(small.files(for: entries) == whole, "one build, \(batch) at a time")
            session.batchEntries = batch
            session.memo = SearchIndexMemo()
            #expect(session.files(for: entries) == whole, "a session's first build, \(batch) at a time")
        }
        // The same words in parts, cut between words: ASCII parts beside parts with accents.
        let inParts = entries.map { entry -> SearchIndex.Entry in
            var copy = entry
            let words = entry.text.split(separator: " ").map(String.init)
            copy.texts = stride(from: 0, to: words.count, by: 3).map { words[$0..<min(words.count, $0 + 3)].joined(separator: " ") }
            return copy
        }
        #expect(inParts.contains { $0.texts.count > 2 && $0.texts.contains { !$0.utf8.allSatisfy { $0 < 0x80 } } })
        #expect(index.files(for: inParts) == whole)
    }
}
