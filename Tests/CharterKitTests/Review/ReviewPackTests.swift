import Foundation
import Testing
@testable import CharterKit

/// `charter review`: the pack for a strategy review, read from a small git history made here.
@Suite struct ReviewPackTests {
    typealias Edit = FixtureSite.Edit

    /// The fixture's measure tracked from 50% on 2026-01-01 to 100% on 2027-01-01, with results.
    static func tracked(_ results: String) -> Edit { ScoreboardRuleTests.tracked(results) }

    /// A repository with two commits: the fixture on 2026-07-01, with one result that is off
    /// track; and on 2026-10-15 a second result on track, a higher target stage, a bigger budget
    /// and an assessment that fell due on 2026-09-01.
    static func history() throws -> TemporarySite {
        let site = try FixtureSite.make([tracked("      - {date: 2026-06-30, value: 60}\n")])
        try git(["init", "-q", "-b", "main"], in: site.root, on: "2026-07-01")
        try git(["add", "-A"], in: site.root, on: "2026-07-01")
        try git(["commit", "-q", "-m", "the second quarter"], in: site.root, on: "2026-07-01")
        let edited = try FixtureSite.make([
            tracked("      - {date: 2026-06-30, value: 60}\n      - {date: 2026-09-30, value: 90}\n"),
            .replace("target: formalised", with: "target: strategic"),
            .replace("amount: 40000", with: "amount: 50000"),
            .replace("assessment:\n", with: "assessment:\n  assessed_on: 2025-09-01\n"),
        ])
        try site.write(FixtureSite.strategy, try String(contentsOf: edited.root.appending(path: FixtureSite.strategy), encoding: .utf8))
        try git(["commit", "-q", "-a", "-m", "the third quarter"], in: site.root, on: "2026-10-15")
        return site
    }

    static func git(_ arguments: [String], in folder: URL, on day: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Charter Tests", "-c", "user.email=tests@example.org",
                             "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["GIT_AUTHOR_DATE": "\(day)T12:00:00Z", "GIT_COMMITTER_DATE": "\(day)T12:00:00Z"]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    static let expected = """
        # Review: 2026-07-31 to 2026-10-20

        From 2026-07-31 to 2026-10-20: measures are judged as of each day.

        ## Stage changes

        - Customer community: Formalised → Strategic (target)

        ## Measures that changed status

        - Customer community: Share of questions answered within 24 hours: off track → on track

        ## New results

        - Customer community: Share of questions answered within 24 hours: 90% on 2026-09-30

        ## Budgets

        - Customer community: GBP 50,000 a year (was GBP 40,000 a year)

        ## Assessments due

        - Customer community: assessed on 2025-09-01, due for re-assessment since 2026-09-01 (fell due in the period)

        ## Objectives without new evidence

        Every objective that strategies serve has a new result for one of its measures.

        """

    @Test("between two days, the pack names each change of the period, read from git")
    func betweenDays() throws {
        let site = try Self.history()
        let result = try CharterProcess.run(["review", "2026-07-31", "2026-10-20", "--root", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.expected)
        // The same period named by revisions: each side is judged on its commit's day.
        let revisions = try CharterProcess.run(["review", "HEAD~1", "HEAD", "--root", site.root.path])
        #expect(revisions.stdout.hasPrefix("# Review: HEAD~1 to HEAD\n\nFrom 2026-07-01 to 2026-10-15: measures are judged as of each day.\n"))
        #expect(revisions.stdout.contains("## New results\n\n- Customer community: Share of questions answered within 24 hours: 90% on 2026-09-30\n"))
    }

    @Test("nothing changed: each section says so; a quiet objective is listed")
    func quietPeriod() throws {
        let site = try Self.history()
        let result = try CharterProcess.run(["review", "2026-10-16", "2026-10-20", "--root", site.root.path])
        #expect(result.stdout.contains("## Stage changes\n\nNo strategy changed its current or target stage.\n"))
        #expect(result.stdout.contains("## Measures that changed status\n\nNo measure changed its status.\n"))
        #expect(result.stdout.contains("## New results\n\nNo result was recorded for the period.\n"))
        #expect(result.stdout.contains("## Budgets\n\n- Customer community: GBP 50,000 a year\n"))
        #expect(result.stdout.contains("## Assessments due\n\n- Customer community: assessed on 2025-09-01, due for re-assessment since 2026-09-01\n"))
        #expect(result.stdout.hasSuffix("## Objectives without new evidence\n\n- Fewer avoidable calls\n"))
    }

    @Test("--out writes the pack as a page, which the next build publishes")
    func asPage() throws {
        let site = try Self.history()
        let result = try CharterProcess.run(["review", "2026-07-31", "2026-10-20", "--root", site.root.path,
                                             "--out", site.root.appending(path: "content/reviews/q3.md").path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: site.root.appending(path: "content/reviews/q3.md"), encoding: .utf8)
        #expect(page.hasPrefix("---\ntitle: \"Review: 2026-07-31 to 2026-10-20\"\ndescription: What moved in the strategies from 2026-07-31 to 2026-10-20.\n---\nFrom 2026-07-31"))
        #expect(page.hasSuffix(Self.expected.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")))
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.allowErrors = true
        _ = try builder.build()
        let html = try site.outputText("reviews/q3.html")
        #expect(html.contains("<h1>Review: 2026-07-31 to 2026-10-20</h1>"))
        #expect(html.contains("<li>Customer community: Formalised → Strategic (target)</li>"))
    }

    @Test("a day before the first commit, or an unknown revision, is a clear error")
    func badPeriod() throws {
        let site = try Self.history()
        let early = try CharterProcess.run(["review", "2026-01-01", "--root", site.root.path])
        #expect(early.status != 0)
        #expect(early.stderr.contains("no commit was made on or before 2026-01-01"))
        let unknown = try CharterProcess.run(["review", "no-such-tag", "--root", site.root.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no-such-tag"))
    }

    @Test("text from the site's files is escaped, so a name cannot add Markdown or HTML to the pack")
    func escaped() {
        #expect(ReviewPack.escape("A *bold* [link](x) <script>") == "A \\*bold\\* \\[link\\](x) \\<script\\>")
    }
}
