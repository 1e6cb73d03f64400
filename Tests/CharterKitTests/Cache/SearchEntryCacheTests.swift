import Foundation
import Testing
@testable import CharterKit

/// The search entries' terms and rows kept on disk (`SearchEntryCache`): an entry is split into
/// words and cut into a row again only when something they come from changed. `BuildCacheTests` compares every
/// cached build's search files with a clean build's; these tests check the pack itself.
@Suite struct SearchEntryCacheTests {
    static func entry() -> SearchIndex.Entry {
        SearchIndex.Entry(
            title: "Escalating a risk", path: "playbooks/risk.html", kind: "Playbook", summary: "When and how to escalate.",
            keywords: ["risk-escalation"], text: "Escalate a risk the day it is found, and name its owner.",
            headings: ["Who decides"], body: "Escalate a risk the day it is found.",
            facets: [SearchIndex.Facet(group: "tag", value: "risk", label: "risk")])
    }

    @Test("hits and rows kept in the pack come back the same from the next build's cache; a damaged record is not used")
    func roundTrip() throws {
        let site = try TemporarySite()
        let index = SearchIndex()
        let entry = Self.entry()
        let hits = index.hits(of: entry)
        let row = index.row(entry)
        #expect(hits.count > 5)
        let first = SearchEntryCache(root: site.root, settings: index.settingsKey)
        let key = first.key(for: entry)
        #expect(first.load(key) == nil)
        first.store((hits, row), as: key)
        first.save(keeping: [key])
        let loaded = try #require(SearchEntryCache(root: site.root, settings: index.settingsKey).load(key))
        #expect(loaded.hits == hits)
        #expect(loaded.row == row)
        // Other settings are another salt, so another key.
        var other = index
        other.termsPerEntry = 3
        #expect(SearchEntryCache(root: site.root, settings: other.settingsKey).key(for: entry) != key)

        // A record whose bytes are not a list of hits and a row is as good as none: here, one
        // hit and its term, but no marker and no row; then the same with a byte after the row.
        let damaged = SearchEntryCache(root: site.root, settings: index.settingsKey)
        damaged.pack.store([1, 2, UInt8(ascii: "a"), UInt8(ascii: "b")], as: key)
        damaged.save(keeping: [key])
        #expect(SearchEntryCache(root: site.root, settings: index.settingsKey).load(key) == nil)
        let trailing = SearchEntryCache(root: site.root, settings: index.settingsKey)
        trailing.pack.store([0, 1, UInt8(ascii: "r"), 0], as: key)
        trailing.save(keeping: [key])
        #expect(SearchEntryCache(root: site.root, settings: index.settingsKey).load(key) == nil)
        let whole = SearchEntryCache(root: site.root, settings: index.settingsKey)
        whole.pack.store([0, 1, UInt8(ascii: "r")], as: key)
        whole.save(keeping: [key])
        #expect(SearchEntryCache(root: site.root, settings: index.settingsKey).load(key)?.row == "r")
    }

    @Test("an entry's key covers everything its hits and row are made from",
          arguments: ["title", "path", "kind", "summary", "keywords", "headings", "text", "body", "facets"])
    func keyCoversTheHitsInputs(field: String) throws {
        let site = try TemporarySite()
        let index = SearchIndex()
        let cache = SearchEntryCache(root: site.root, settings: index.settingsKey)
        func page(_ html: String) -> SearchIndex.Entry {
            let entry = Self.entry()
            return SearchIndex.Entry(
                title: entry.title, path: entry.path, kind: entry.kind, kindKey: entry.kindKey, summary: nil, keywords: entry.keywords,
                texts: [entry.title], headings: entry.headings, html: html, facets: entry.facets)
        }
        // A page's entry keeps its body as HTML: the body case changes only that.
        let base = field == "body" ? page("<p>The old body.</p>") : Self.entry()
        var changed = base
        switch field {
        case "title": changed.title = "Escalating a quillwort"
        case "path": changed.path = "playbooks/quillwort.html"
        case "kind": changed.kind = "Quillwort"
        case "summary": changed.summary = "A quillwort summary."
        case "keywords": changed.keywords = ["quillwort"]
        case "headings": changed.headings = ["Quillwort owners"]
        case "text": changed.text = "Quillwort text."
        case "body": changed = page("<p>Quillwort in the body.</p>")
        case "facets": changed.facets = [SearchIndex.Facet(group: "tag", value: "quillwort", label: "quillwort")]
        default: Issue.record("unknown field \(field)")
        }
        // The field changes the hits or the row, so a key without it would hand back the old ones.
        #expect(index.hits(of: changed) != index.hits(of: base) || index.row(changed) != index.row(base))
        #expect(cache.key(for: changed) != cache.key(for: base))
    }

    @Test("after one playbook changes, the next build makes the parts of its entry only, and the search files are a clean build's")
    func oneEntryAgain() throws {
        let workspace = try BuildCacheTests.Workspace()
        // Built with the cache only: a clean build (`buildAndCompare`) removes the packs.
        _ = try workspace.builder().build()
        let file = workspace.root.appending(path: ".charter-cache/search.pack")
        func keys() throws -> Set<String> {
            let bytes = try Data(contentsOf: file)
            return Set(bytes.withUnsafeBytes { SearchEntryCache.scan($0).index.keys })
        }
        let before = try keys()
        #expect(before.count > 50)
        try workspace.edit(BuildCacheTests.playbook) { $0 + "\nA quillwort sentence for the search index.\n" }
        #expect(try !workspace.builder().build().upToDate)
        let after = try keys()
        // The pack kept every record and gained the edited entry's.
        #expect(after.subtracting(before).count == 1)
        #expect(before.isSubset(of: after))
        try workspace.buildAndCompare("one playbook edited")
    }
}
