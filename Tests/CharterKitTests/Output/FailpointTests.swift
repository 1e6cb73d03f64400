import Foundation
import Testing
@testable import CharterKit

/// Builds killed on purpose at each named point of the write (`Failpoint`), instead of at a
/// random moment that may land before anything is written: each kill must leave the old site
/// (or, after the swap, the new one) whole, and the next build must leave nothing behind.
@Suite struct FailpointTests {
    @Test("a build killed at a failpoint leaves a whole site, and the next build a clean one with no leftovers", arguments: Failpoint.allCases)
    func killedAt(point: Failpoint) throws {
        let site = try FixtureSite.make([])
        let arguments = ["build", "--root", site.root.path, "--out", site.output.path]
        #expect(try CharterProcess.run(arguments).status == 0)
        let old = try TemporarySite.snapshot(of: site.output)
        let edit = "content/guides/listening-plan.md"
        try site.write(edit, try String(contentsOf: site.root.appending(path: edit), encoding: .utf8) + "\nA sentence added before the kill.\n")
        let clean = site.folder.appending(path: "clean", directoryHint: .isDirectory)
        var builder = SiteBuilder.pinned(root: site.root, output: clean)
        builder.useCache = false
        _ = try builder.build()
        let new = try TemporarySite.snapshot(of: clean)
        #expect(new != old)

        let killed = try CharterProcess.run(arguments, environment: ["CHARTER_FAILPOINT": point.rawValue])
        #expect(killed.status == SIGKILL, "the build died at the failpoint")
        #expect(killed.stderr.hasSuffix("charter: failpoint \(point.rawValue)\n"))
        let after = try TemporarySite.snapshot(of: site.output)
        #expect(after == (point == .afterSwap ? new : old))

        let next = try CharterProcess.run(arguments)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try TemporarySite.snapshot(of: site.output) == new)
        #expect(StagedSite.leftovers(next: site.output) == [])
    }

    @Test("a failpoint's name that Charter does not know arms nothing")
    func unknownPoint() throws {
        let site = try FixtureSite.make([])
        let build = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path],
                                           environment: ["CHARTER_FAILPOINT": "nowhere"])
        #expect(build.status == 0)
        #expect(!build.stderr.contains("failpoint"))
    }
}
