import Testing
@testable import CharterKit

@Suite struct SluggerTests {
    @Test("slugs follow GitHub's rules", arguments: [
        ("When to escalate", "when-to-escalate"),
        ("Step 1: Listen!", "step-1-listen"),
        ("  Leading and trailing  ", "--leading-and-trailing--"),
        ("C++ & Swift", "c--swift"),
        ("snake_case stays", "snake_case-stays"),
        ("Déjà vu", "déjà-vu"),
        ("Ünïcödé — dash", "ünïcödé--dash"),
        ("already-hyphenated", "already-hyphenated"),
        ("emoji 🚀 here", "emoji--here"),
    ])
    func githubSlugs(text: String, slug: String) {
        #expect(Slugger.slug(text) == slug)
    }

    @Test("repeated headings get -1, -2 in order, as on GitHub")
    func duplicates() {
        var slugger = Slugger()
        let slugs = ["Risks", "Risks", "Risks-1", "Risks"].map { slugger.slug(for: $0) }
        #expect(slugs == ["risks", "risks-1", "risks-1-1", "risks-2"])
    }

    @Test("a heading with no slug characters still gets an id")
    func emptySlug() {
        var slugger = Slugger()
        #expect(slugger.slug(for: "!!!") == "section")
        #expect(slugger.slug(for: "???") == "section-1")
    }
}
