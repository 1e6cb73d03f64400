import Foundation
import Testing
@testable import CharterKit

/// A build without a session walks the folders first, and when the walk finds every file as the
/// last build recorded it (`InputStamps`), it reads none. Every test that builds through
/// `SiteBuilder.pinned` records its walks (`stampsMargin` 0), so `CacheKeyTests` and
/// `BuildCacheTests` check each kind of change against the stamps as well; these tests check
/// what only the stamps do.
@Suite struct InputStampsTests {
    typealias Workspace = BuildCacheTests.Workspace
    static let playbook = BuildCacheTests.playbook

    static func stamps(_ workspace: Workspace) -> URL {
        InputStamps.location(root: OutputLocation.canonical(workspace.root), output: OutputLocation.canonical(workspace.site.output))
    }

    static func cache(_ workspace: Workspace) -> URL {
        BuildCache.location(root: OutputLocation.canonical(workspace.root), output: OutputLocation.canonical(workspace.site.output))
    }

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    @Test("a build that finds every file as the last one recorded reads none, not even the cache, and reports the same problems")
    func noOpTrustsTheWalk() throws {
        let workspace = try Workspace()
        workspace.allowErrors = true
        try workspace.edit(Self.playbook) { $0 + "\nSee [the missing guide](missing-guide.md).\n" }
        let first = try workspace.builder().build()
        #expect(Self.exists(Self.stamps(workspace)))
        let before = try TemporarySite.snapshot(of: workspace.site.output)

        // Without the cache, only the stamps can say that the site is up to date.
        try FileManager.default.removeItem(at: Self.cache(workspace))
        let second = try workspace.builder().build()
        #expect(second.upToDate)
        #expect(second.pageCount == first.pageCount)
        #expect(second.diagnostics == first.diagnostics)
        #expect(first.diagnostics.contains { $0.code == .brokenLink && $0.location.path == Self.playbook })
        // The lines the problems quote are read from the files they name, and only those.
        let diagnosed = Set(first.diagnostics.flatMap { [$0.location.path] + $0.notes.compactMap(\.location?.path) })
        #expect(Set(second.sources.keys) == diagnosed.filter { first.sources[$0] != nil })
        #expect(second.sources[Self.playbook] == first.sources[Self.playbook])
        #expect(try TemporarySite.snapshot(of: workspace.site.output) == before)

        // Without either, the build makes every page.
        try FileManager.default.removeItem(at: Self.stamps(workspace))
        let third = try workspace.builder().build()
        #expect(!third.upToDate)
        #expect(third.pagesWritten == third.pageCount)
    }

    @Test("a file rewritten in place with its size and modification time put back is still seen: its inode's change time moved")
    func timesPutBack() throws {
        let workspace = try Workspace()
        _ = try workspace.builder().build()
        let path = workspace.root.appending(path: Self.playbook).path
        var old = stat()
        #expect(stat(path, &old) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "escalat", with: "ESCALAT")
        #expect(changed != text && changed.utf8.count == text.utf8.count)
        try FileWriter.write(Data(changed.utf8), to: path)
        var times = [old.st_atim, old.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var new = stat()
        #expect(stat(path, &new) == 0)
        // Everything a stamp holds but the change time is as it was.
        #expect(new.st_ino == old.st_ino && new.st_size == old.st_size)
        #expect(new.st_mtim.tv_sec == old.st_mtim.tv_sec && new.st_mtim.tv_nsec == old.st_mtim.tv_nsec)

        let result = try workspace.buildAndCompare("times put back")
        #expect(!result.upToDate)
    }

    @Test("a walk is recorded only when every file had been still for the margin before it began; a new cache drops the old stamps")
    func settledWalks() throws {
        let workspace = try Workspace()
        var builder = workspace.builder()
        // An hour rather than the real two seconds: the copy's files were written moments ago,
        // however slowly this machine (or a sanitizer) gets to the build.
        let unsettling = 3_600 * 1_000_000_000
        builder.stampsMargin = unsettling
        _ = try builder.build()
        // The copy's files were written just now.
        #expect(!Self.exists(Self.stamps(workspace)))
        let unsettled = try builder.build()
        #expect(unsettled.upToDate)
        #expect(!Self.exists(Self.stamps(workspace)))

        // A build that finds the site up to date by reading every file records the walk.
        builder.stampsMargin = 0
        let settled = try builder.build()
        #expect(settled.upToDate)
        #expect(Self.exists(Self.stamps(workspace)))

        // Saving the next cache removes the stamps first; an unsettled walk leaves none.
        try workspace.edit(Self.playbook) { $0 + "\nOne more line.\n" }
        builder.stampsMargin = unsettling
        #expect(try !builder.build().upToDate)
        #expect(!Self.exists(Self.stamps(workspace)))

        // Building without the cache removes both.
        builder.stampsMargin = 0
        #expect(try builder.build().upToDate)
        #expect(Self.exists(Self.stamps(workspace)))
        builder.useCache = false
        #expect(try !builder.build().upToDate)
        #expect(!Self.exists(Self.stamps(workspace)) && !Self.exists(Self.cache(workspace)))
    }

    @Test("stamps made by another Charter, day or options, or for another site folder, are not trusted")
    func otherStamps() throws {
        let workspace = try Workspace()
        _ = try workspace.builder().build()
        let location = Self.stamps(workspace)
        let original = try JSONDecoder().decode(InputStamps.self, from: Data(contentsOf: location))
        #expect(original.options == InputStamps.options(
            today: ExampleSiteTests.today, allowErrors: false, output: OutputLocation.canonical(workspace.site.output)))

        var other = original
        other.options = "another Charter, day or option"
        var moved = original
        moved.site = try #require(FileIdentity(of: workspace.site.folder))
        for (name, stamps) in [("options", other), ("site", moved)] {
            try JSONEncoder().encode(stamps).write(to: location)
            // Without the cache, a build that does not trust the stamps makes every page.
            try FileManager.default.removeItem(at: Self.cache(workspace))
            let result = try workspace.builder().build()
            #expect(!result.upToDate, "\(name)")
            #expect(result.pagesWritten == result.pageCount, "\(name)")
        }
        // Each option is in the stamps' options; CacheKeyTests changes each on a built site.
        let output = OutputLocation.canonical(workspace.site.output)
        let day = ExampleSiteTests.today
        #expect(Set([
            InputStamps.options(today: day, allowErrors: false, output: output),
            InputStamps.options(today: CalendarDate(year: 2030, month: 1, day: 1), allowErrors: false, output: output),
            InputStamps.options(today: day, allowErrors: true, output: output),
            InputStamps.options(today: day, allowErrors: false, output: workspace.site.folder),
        ]).count == 4)
    }
}
