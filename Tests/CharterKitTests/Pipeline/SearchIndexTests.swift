import Foundation
import Testing
@testable import CharterKit

@Suite struct SearchIndexTests {
    @Test("entries become a small meta file, term shards of base-36 gaps with where each term is, and entry files")
    func files() {
        let entries = [
            SearchIndex.Entry(title: "Risk escalation", path: "a b.html", kind: "playbook", summary: "When to call",
                              text: "Risk escalation pile on risk risk", body: "pile on risk risk",
                              facets: [SearchIndex.Facet(group: "tag", value: "risk", label: "risk")]),
            SearchIndex.Entry(title: "Storm week", path: "s.html", kind: "Strategie", kindKey: "strategy", summary: "Ready",
                              keywords: ["storm-ready"], text: "Storm week flood flood risk", headings: ["Flood"],
                              facets: [SearchIndex.Facet(group: "strategy", value: "storm-ready", label: "Storm week"),
                                       SearchIndex.Facet(group: "stage", value: "formalised", label: "Formalised", order: 3)]),
        ]
        let files = SearchIndex().files(for: entries)
        // Everything fits one shard, named after a hash of its first term.
        let name = SearchIndex.shardName(":stage:formalised")
        #expect(files.keys.sorted() == [
            "search/entries-0.js", "search/meta.js", "search/terms-\(name).js", "search/words-e.js", "search/words-f.js",
            "search/words-p.js", "search/words-r.js", "search/words-s.js", "search/words-w.js",
        ])
        #expect(files["search/meta.js"] == """
            var s=window.charterSearch=window.charterSearch||{};s.meta={
            "entries":2,"perFile":2,"shards":[
            [":stage:formalised","\(name)"]
            ],"kinds":[["playbook","playbook",0,1],["strategy","Strategie",1,2]],"facets":{"strategy":[["storm-ready","Storm week"]],"stage":[["formalised","Formalised"]],"tag":[["risk","risk"]]}};

            """)
        // "risk" is in the first entry's title (!) and at the second's fifth word, in its first
        // eight (A); "flood" is in the second's heading (*); "pile" is the first's third word;
        // filters are terms of their own; "on" is a stop word.
        #expect(files["search/terms-\(name).js"] == """
            var s=window.charterSearch=window.charterSearch||{};(s.terms=s.terms||{})["\(name)"]={
            ":stage:formalised":"1!",
            ":strategy:storm-ready":"1!",
            ":tag:risk":"0!",
            "escalation":"0!",
            "flood":"1*",
            "pile":"0A",
            "ready":"1*",
            "risk":"0!1A",
            "storm":"1!",
            "week":"1!"
            };

            """)
        #expect(files["search/entries-0.js"] == """
            var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[0]=[
            ["Risk escalation","a%20b.html","playbook","When to call","pile on risk risk"],
            ["Storm week","s.html","Strategie","Ready",""]
            ];

            """)
        #expect(files["search/words-r.js"] == """
            var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["r"]=[
            "risk","ready"
            ];

            """)
    }

    @Test("positions are capital base-26 letters; entries share files in twos; a big index is cut into shards, each term in one")
    func positionsAndShards() {
        #expect(SearchIndex.letters(0) == "A")
        #expect(SearchIndex.letters(25) == "Z")
        #expect(SearchIndex.letters(26) == "BA")
        #expect(SearchIndex.letters(27 * 26) == "BBA")
        var index = SearchIndex()
        index.shardBytes = 200
        let entries = (0..<5).map { number in
            SearchIndex.Entry(title: "Page \(number)", path: "\(number).html", kind: "playbook", summary: "",
                              text: (0..<60).map { "word\($0 * 7 % 60)x\(number % 2)" }.joined(separator: " "), body: "Body \(number)")
        }
        let files = index.files(for: entries)
        #expect(files.keys.filter { $0.hasPrefix("search/entries-") }.sorted() == ["search/entries-0.js", "search/entries-1.js", "search/entries-2.js"])
        #expect(files["search/entries-2.js"]?.contains("[2]=[\n[\"Page 4\",\"4.html\",\"playbook\",\"\",\"Body 4\"]\n];") == true)
        let shards = files.keys.filter { $0.hasPrefix("search/terms-") }
        #expect(shards.count > 3)
        // Every term is in exactly one shard, and the meta file lists the shards in the order of their first terms.
        var seen: [String] = []
        for path in shards.sorted() {
            let text = files[path]!
            seen += text.split(separator: "\n").dropFirst().dropLast().map { String($0.split(separator: ":")[0]) }
        }
        #expect(seen.count == Set(seen).count)
        #expect(seen.count == 2 * 60 + 1, "the 120 words of the texts and 'page'")
        let meta = files["search/meta.js"]!
        let firsts = meta.split(separator: "\n").filter { $0.hasPrefix("[\"") }.map { String($0.split(separator: ",")[0].dropFirst(2).dropLast()) }
        #expect(firsts.count == shards.count)
        #expect(firsts == firsts.sorted(by: SearchIndex.precedes))
    }

    @Test("new words change the shards they fall in and perhaps the next: the others keep their names and bytes", arguments: [
        "mnewword", "beta", "wzz", String(repeating: "w", count: 120), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ])
    func shardLocality(word: String) {
        var index = SearchIndex()
        index.shardBytes = 400
        let vocabulary = (0..<300).map { "w\(String($0 * 7919 % 1000, radix: 36))q" }
        var entries = (0..<40).map { number in
            SearchIndex.Entry(title: "Entry", path: "\(number).html", kind: "playbook", summary: "",
                              text: (0..<30).map { vocabulary[($0 * 31 + number * 17) % vocabulary.count] }.joined(separator: " "))
        }
        let before = index.files(for: entries).filter { $0.key.hasPrefix("search/terms-") }
        #expect(before.count > 10)
        for number in [3, 7, 11, 19, 23, 31] { entries[number].text += " \(word)" }
        let after = index.files(for: entries).filter { $0.key.hasPrefix("search/terms-") }
        // A shard whose first term changed has a new name: the old file goes, a new one comes.
        let kept = before.keys.filter { after[$0] == before[$0] }
        #expect(before.count - kept.count <= 2, "\(before.count - kept.count) of \(before.count) shards changed")
        #expect(after.keys.contains { before[$0] != after[$0] && after[$0]!.contains("\"\(word)\":") })
    }

    @Test("terms sort as the browser compares strings: by UTF-16 code units, past U+E000 and beyond the BMP too")
    func order() {
        let terms = ["", "a", "ab", "b", "é", "ée", "z", "ß", ":tag:x", "0", "9", "\u{E000}", "\u{FF21}b", "\u{FF21}", "\u{1F600}x",
                     "\u{20000}", "\u{20000}\u{E000}", "\u{D7FF}", "ｚ", "中文", "中"]
        for left in terms {
            for right in terms {
                #expect(SearchIndex.precedes(left, right) == left.utf16.lexicographicallyPrecedes(right.utf16), "\(left.debugDescription) < \(right.debugDescription)")
            }
        }
    }

    @Test("an entry's hits sort by UTF-8 bytes, for short and long strings alike")
    func byteOrder() {
        // Up to 15 bytes a string is kept inline, past it in a buffer: both are compared.
        let terms = ["", "a", "ab", "b", "é", "ée", "z", "ß", "\u{E000}", "\u{1F600}x", "中文", "中",
                     "community-engagement", "community-engagementz", "community-engagemenz", String(repeating: "a", count: 15),
                     String(repeating: "a", count: 16), String(repeating: "a", count: 15) + "b", String(repeating: "é", count: 9),
                     "abcdefgh", "abcdefg", "abcdefghi", "abcdefgi", ":tag:a\u{0}b", ":tag:a", "\u{0}", "ÿ", "\u{7F}"]
        for left in terms {
            for right in terms {
                let precedes = Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
                #expect(SearchIndex.bytesPrecede(left, right) == precedes, "\(left.debugDescription) < \(right.debugDescription)")
                // The first eight bytes as a number never order two terms against their bytes,
                // and tell apart any two that differ there.
                let (a, b) = (SearchIndex.leadingBytes(left), SearchIndex.leadingBytes(right))
                if a != b { #expect((a < b) == precedes, "\(left.debugDescription) < \(right.debugDescription) by their first bytes") }
                if Array(left.utf8.prefix(8)) != Array(right.utf8.prefix(8)) && !left.utf8.contains(0) && !right.utf8.contains(0) {
                    #expect(a != b, "\(left.debugDescription), \(right.debugDescription)")
                }
            }
        }
    }

    @Test("strings are safe inside a script element")
    func quoting() {
        #expect(SearchIndex.quote("a\"b\\c</script>\n") == "\"a\\\"b\\\\c<\\/script>\\n\"")
    }

    @Test("pages load only the small search script; the index loads when the box is used")
    func lazyLoading() throws {
        let site = try FixtureSite.make([])
        let builder = SiteBuilder.pinned(root: site.root, output: site.output)
        _ = try builder.build()
        let page = try site.outputText("guides/listening-plan.html")
        #expect(page.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(!page.contains("pages.js"))
        #expect(page.contains("<form class=\"search\" role=\"search\" data-root=\"../\" data-results-one=\"1 result\" data-results=\"{count} results\" data-results-some=\"{shown} of {count} results\" data-no-results=\"No results\" data-corrected=\"Showing results for {word}\" hidden>"))
        #expect(page.contains("<label>Strategy <select data-filter=\"strategy\"><option value=\"\">Any</option></select></label>"))
        #expect(!page.contains("meta.js"))
        let files = try TemporarySite.snapshot(of: site.output).keys
        #expect(files.contains("search/meta.js"))
        let meta = try site.outputText("search/meta.js")
        #expect(meta.contains("\"facets\":{\"strategy\":[[\"community\",\"Customer community\"]]"))
        let entries = try files.filter { $0.hasPrefix("search/entries-") }.map { try site.outputText($0) }.joined()
        #expect(entries.contains("[\"Customer community\",\"strategies/community.html\",\"strategy\","))
    }

    @Test("words are runs of letters and numbers, lower-cased without accents, two characters or more, in ASCII and beyond", arguments: [
        ("Plain ASCII text, with 42 numbers and a B2B x", ["plain", "ascii", "text", "with", "42", "numbers", "and", "b2b"]),
        ("Café naïve, ÉTÉ 2026 — résumé!", ["cafe", "naive", "ete", "2026", "resume"]),
        ("Cafe\u{301} and e\u{301}e", ["cafe", "and", "ee"]),
        ("Ærø Straße İstanbul", ["ærø", "straße", "istanbul"]),
        ("שָׁלוֹם עולם", ["שָׁלוֹם", "עולם"]),
        ("", []),
    ])
    func words(text: String, expected: [String]) {
        #expect(SearchIndex.words(text) == expected)
    }

    @Test("summaries fold white space and are cut after whole words", arguments: [
        ("  one   two\nthree  ", 100, "one two three"),
        ("alpha beta gamma", 12, "alpha beta…"),
        ("alpha beta", 10, "alpha beta"),
        ("alpha  beta", 10, "alpha beta"),
        ("alpha beta!", 10, "alpha…"),
    ])
    func cut(text: String, length: Int, expected: String) {
        #expect(SearchIndex.cut(text, to: length) == expected)
    }
}
