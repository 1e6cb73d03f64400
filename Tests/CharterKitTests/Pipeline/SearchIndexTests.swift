import Foundation
import Testing
@testable import CharterKit

@Suite struct SearchIndexTests {
    @Test("entries become a page table and term shards of base-36 gaps")
    func files() {
        let entries = [
            SearchIndex.Entry(title: "Risk escalation", path: "a.html", kind: "playbook", summary: "When to call", text: "pile on risk risk"),
            SearchIndex.Entry(title: "Storm week", path: "s.html", kind: "strategy", summary: "Ready", keywords: ["storm-ready"], text: "risk"),
        ]
        let files = SearchIndex().files(for: entries)
        #expect(files["search/pages.js"] == """
            window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.textChunk=8;window.charterSearch.pages=[
            ["Risk escalation","a.html","playbook","When to call"],
            ["Storm week","s.html","strategy","Ready"]
            ];

            """)
        let r = files["search/terms-r.js"] ?? ""
        // "risk" is in the first entry's title: its gap is marked to rank it first.
        #expect(r.contains("\"risk\":\"0*,1\""))
        let s = files["search/terms-s.js"] ?? ""
        #expect(s.contains("\"storm\":\"1*\"") && s.contains("\"storm-ready\":\"1*\"") && s.contains("\"ready\"") == false)
        #expect(files["search/terms-p.js"]?.contains("\"pile\":\"0\"") == true)
        #expect(files["search/terms-o.js"] == nil, "'on' is a stop word")
    }

    @Test("heading words rank like the title's; bodies are written in chunks for excerpts")
    func headingsAndTexts() {
        var index = SearchIndex()
        index.textChunk = 2
        let entries = (0..<3).map { number in
            SearchIndex.Entry(title: "Page \(number)", path: "\(number).html", kind: "playbook", summary: "",
                              text: "When to escalate, then call", headings: number == 1 ? ["When to escalate"] : [],
                              body: "Body  \(number)\nwith </script> in it")
        }
        let files = index.files(for: entries)
        #expect(files["search/terms-e.js"]?.contains("\"escalate\":\"0,1*,1\"") == true)
        #expect(files["search/pages.js"]?.contains("window.charterSearch.textChunk=2;") == true)
        #expect(files["search/text-0.js"] == """
            window.charterSearch=window.charterSearch||{terms:{}};(window.charterSearch.text=window.charterSearch.text||{})[0]=[
            "Body 0 with <\\/script> in it",
            "Body 1 with <\\/script> in it"
            ];

            """)
        #expect(files["search/text-1.js"]?.contains("[1]=[\n\"Body 2 with") == true)
        #expect(files["search/text-2.js"] == nil)
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
        #expect(page.contains("<form class=\"search\" role=\"search\" data-root=\"../\" data-results-one=\"1 result\" data-results=\"{count} results\" data-results-some=\"{shown} of {count} results\" data-no-results=\"No results\" data-playbook=\"playbook\" hidden>"))
        let files = try TemporarySite.snapshot(of: site.output).keys
        #expect(files.contains("search/pages.js"))
        #expect(try site.outputText("search/pages.js").contains("[\"Customer community\",\"strategies/community.html\",\"strategy\","))
    }

    @Test("words are runs of letters and numbers, lower-cased, two characters or more, in ASCII and beyond", arguments: [
        ("Plain ASCII text, with 42 numbers and a B2B x", ["plain", "ascii", "text", "with", "42", "numbers", "and", "b2b"]),
        ("Café naïve, ÉTÉ 2026 — résumé!", ["café", "naïve", "été", "2026", "résumé"]),
        ("Cafe\u{301} and e\u{301}e", ["café", "and", "ée"]),
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
