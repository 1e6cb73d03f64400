import Foundation
@testable import CharterKit

/// The clean `basic` fixture copied into a temporary folder, with edits applied, for rule tests.
enum FixtureSite {
    static let basic = GoldenSiteTests.fixtures.appending(path: "basic/site", directoryHint: .isDirectory)
    static let strategy = "content/strategies/community.yaml"
    static let today = TestDay.fixture

    /// An edit of one file: replace `old` by `new` (which must occur), or set the whole file when `old` is nil.
    struct Edit {
        var path: String
        var old: String?
        var new: String?

        static func replace(_ old: String, with new: String, in path: String = FixtureSite.strategy) -> Edit {
            Edit(path: path, old: old, new: new)
        }

        static func write(_ path: String, _ text: String) -> Edit { Edit(path: path, old: nil, new: text) }
        static func delete(_ path: String) -> Edit { Edit(path: path, old: nil, new: nil) }
    }

    /// The site with the edits applied.
    static func make(_ edits: [Edit]) throws -> TemporarySite {
        let site = try TemporarySite()
        try FileManager.default.copyItem(at: basic, to: site.root)
        for edit in edits {
            let url = site.root.appending(path: edit.path)
            switch (edit.old, edit.new) {
            case (nil, nil):
                try FileManager.default.removeItem(at: url)
            case (nil, let text?):
                try site.write(edit.path, text)
            case (let old?, let new):
                let text = try String(contentsOf: url, encoding: .utf8)
                precondition(text.contains(old), "fixture edit: '\(old)' not found in \(edit.path)")
                try site.write(edit.path, text.replacingOccurrences(of: old, with: new ?? ""))
            }
        }
        return site
    }

    /// The diagnostics of `check` on the edited site, as "CODE severity path:line:col".
    static func check(_ edits: [Edit], today: CalendarDate = FixtureSite.today) throws -> [String] {
        try located(result(edits, today: today).diagnostics)
    }

    static func result(_ edits: [Edit], today: CalendarDate = FixtureSite.today) throws -> BuildResult {
        let site = try make(edits)
        var builder = SiteBuilder.pinned(root: site.root)
        builder.today = today
        return try builder.check()
    }
}
