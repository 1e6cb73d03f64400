import Foundation
import Testing
@testable import CharterKit

/// `charter diff` on real git repositories made in temporary folders.
@Suite struct DiffTests {
    /// A repository holding the clean fixture, committed as `base`; edits are then committed as `head`.
    static func repository(_ edits: [FixtureSite.Edit], commitHead: Bool = true) throws -> TemporarySite {
        let site = try FixtureSite.make([])
        try git(["init", "-q", "-b", "main"], in: site.root)
        try git(["add", "-A"], in: site.root)
        try git(["commit", "-q", "-m", "base"], in: site.root)
        try git(["tag", "base"], in: site.root)
        let edited = try FixtureSite.make(edits)
        for (path, data) in try TemporarySite.snapshot(of: edited.root) { try site.write(path, data) }
        for path in try TemporarySite.snapshot(of: site.root).keys where !path.hasPrefix(".git/") {
            if !FileManager.default.fileExists(atPath: edited.root.appending(path: path).path) {
                try FileManager.default.removeItem(at: site.root.appending(path: path))
            }
        }
        if commitHead {
            try git(["add", "-A"], in: site.root)
            try git(["commit", "-q", "-m", "head"], in: site.root)
        }
        return site
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Charter Tests", "-c", "user.email=tests@example.org",
                             "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// The changes as "grade kind summary", from the JSON output.
    static func diff(_ site: TemporarySite, _ arguments: [String]) throws -> (status: Int32, changes: [String]) {
        let output = try CharterProcess.run(["diff"] + arguments + ["--root", site.root.path, "--format", "json", "--today", "2026-11-01"])
        let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let changes = (document?["changes"] as? [[String: Any]] ?? []).map {
            "\($0["grade"] as? String ?? "") \($0["kind"] as? String ?? "") \($0["summary"] as? String ?? "")"
        }
        return (output.status, changes)
    }

    @Test("each kind of change is found and graded", arguments: [
        (FixtureSite.Edit.replace("responsibilities:\n  governance: {accountable: executive, responsible: [hub]}",
                                  with: "responsibilities:\n  governance: {responsible: [hub]}"),
         ["breaking matrix-accountable 'governance' lost its Accountable team",
          "breaking diagnostic-introduced new error CH230: no team is Accountable for 'governance'",
          "warning matrix-cell executive for governance: A → –"]),
        (.replace("current: formalised\n  target: formalised", with: "current: engagement\n  target: formalised"),
         ["breaking maturity-moved the current stage went down from Formalised to Engagement",
          "info diagnostic-introduced new note CH260: strategy 'community' claims only Engagement; the evidence supports Formalised"]),
        (.replace("target: formalised", with: "target: strategic"),
         ["info maturity-moved the target stage went up from Formalised to Strategic",
          "info diagnostic-introduced new note CH222: to reach Strategic: a team from every area of the business Accountable or Responsible (counted as 3 areas, as charter.yaml declares none; 1 so far)",
          "info diagnostic-introduced new note CH263: strategy 'community' is judged at Strategic by a count of 3 areas of the business, because charter.yaml declares no business areas"]),
        (.replace("target: formalised\n", with: "target: formalised\n  convergence: {attested_on: 2026-10-15, by: executive, process: Business plan 2027}\n"),
         ["info convergence-attested the convergence attestation was added"]),
        (.replace("asked_on: 2026-09-01}", with: "asked_on: 2026-09-01, did: Names on answers., done_on: 2026-10-01}"),
         ["info request-answered the request 'Show who answered before.' was answered"]),
        (.replace("asked_on: 2026-09-01}\n", with: "asked_on: 2026-09-01}\n  - {said: More events., asked_on: 2026-10-02}\n"),
         ["info request-added the market asked: 'More events.' (open)"]),
        (.replace("signed_off: 2026-05-06}", with: "signed_off: false}"),
         ["warning co-creator-signed-off co-creator 'Broker advisory panel' no longer signs off"]),
        (.write("content/parties/guild.yaml", "name: Guild\nkind: community\n"),
         ["info team-added external party 'Guild' was added"]),
        (.replace("mission: Answers from people who have been there.", with: "mission: Answers from members who have been there."),
         ["warning element-changed the mission changed"]),
        (.replace("technology: {accountable: insight, responsible: [insight], consulted: [hub]}",
                  with: "technology: {accountable: insight, responsible: [insight], informed: [hub]}"),
         ["info matrix-cell hub for technology: C → I"]),
        (.replace("target: {value: 80, date: 2027-12-31}", with: "target: {value: 70, date: 2027-12-31}"),
         ["warning target-moved the target of 'Share of questions answered within 24 hours' moved"]),
        (.replace("  - id: ask-a-member\n", with: "  - id: ask-members\n"),
         ["warning program-removed program 'ask-a-member' was removed", "info program-added program 'ask-members' was added"]),
        (.write("content/teams/legal.yaml", "name: Legal\nkind: function team\n"),
         ["info team-added team 'Legal' was added"]),
        (.replace("status: approved\nlast_reviewed", with: "status: retired\nlast_reviewed", in: "content/guides/listening-plan.md"),
         ["warning playbook-changed the status of 'Listening plan' changed"]),
        (.write("content/guides/new.md", "# New page\n"),
         ["info playbook-added playbook 'New page' was added"]),
    ])
    func changeKinds(edit: FixtureSite.Edit, expected: [String]) throws {
        let site = try Self.repository([edit])
        let result = try Self.diff(site, ["base", "HEAD"])
        #expect(result.changes == expected)
        #expect(result.status == 0)
    }

    @Test("a method that loses its reporting and its funding is breaking, and --fail-on sets the exit code")
    func methodLosses() throws {
        let site = try Self.repository([
            .replace("reporting:\n  - method: peer-answers\n", with: "reporting:\n  - method: other\n"),
            .replace("moderators., methods: [peer-answers]}", with: "moderators., methods: [other]}"),
            .replace("period: year\n    methods: [peer-answers]", with: "period: year\n    methods: [other]"),
        ])
        let result = try Self.diff(site, ["base", "HEAD"])
        #expect(result.changes.filter { $0.hasPrefix("breaking method") } == [
            "breaking method-reporting method 'peer-answers' lost its reporting",
            "breaking method-resources method 'peer-answers' lost all its resources",
        ])
        #expect(try CharterProcess.run(["diff", "base", "--root", site.root.path, "--fail-on", "breaking"]).status == 1)
        #expect(try CharterProcess.run(["diff", "base", "--root", site.root.path, "--fail-on", "warning"]).status == 1)
    }

    @Test("a strategy that loses its last budget is a breaking change, and --fail-on breaking fails on it")
    func fundingRemoved() throws {
        let site = try Self.repository([
            .replace("  - id: platform-budget\n    kind: budget\n    amount: 40000\n    currency: GBP\n    period: year\n    methods: [peer-answers]\n", with: ""),
        ])
        let result = try Self.diff(site, ["base", "HEAD"])
        #expect(result.changes.filter { $0.contains("funding") || $0.contains("budget") } == [
            "breaking funding-removed the strategy no longer has any budget",
            "warning resource-removed budget 'platform-budget' was removed",
            "warning diagnostic-introduced new warning CH242: strategy 'community' risks failing for lack of funding: no resource is a budget",
        ])
        #expect(try CharterProcess.run(["diff", "base", "--root", site.root.path, "--fail-on", "breaking"]).status == 1)
    }

    @Test("--fail-on warning ignores info changes; --fail-on breaking ignores warnings")
    func failOnThresholds() throws {
        let info = try Self.repository([.write("content/guides/new.md", "# New page\n")])
        #expect(try CharterProcess.run(["diff", "base", "--root", info.root.path, "--fail-on", "warning"]).status == 0)
        let warning = try Self.repository([.replace("target: {value: 80, date: 2027-12-31}", with: "target: {value: 70, date: 2027-12-31}")])
        #expect(try CharterProcess.run(["diff", "base", "--root", warning.root.path, "--fail-on", "breaking"]).status == 0)
        #expect(try CharterProcess.run(["diff", "base", "--root", warning.root.path, "--fail-on", "warning"]).status == 1)
    }

    @Test("strategies added, removed and renamed")
    func strategyLifecycle() throws {
        let renamed = try Self.repository([
            .delete("content/strategies/community.yaml"), .delete("content/strategies/community.md"),
            .write("content/strategies/customer-community.yaml",
                   try String(contentsOf: FixtureSite.basic.appending(path: "content/strategies/community.yaml"), encoding: .utf8)),
            .replace("strategy: community", with: "strategy: customer-community", in: "content/guides/listening-plan.md"),
        ])
        let result = try Self.diff(renamed, ["base", "HEAD"])
        #expect(result.changes.first == "warning strategy-renamed strategy 'community' was renamed to 'customer-community'")
        let removed = try Self.repository([.delete("content/strategies/community.yaml"), .delete("content/strategies/community.md")])
        #expect(try Self.diff(removed, ["base", "HEAD"]).changes.first == "breaking strategy-removed strategy 'Customer community' was removed")
    }

    @Test("HEAD defaults to the working tree, which git leaves untouched; folders work too")
    func workingTreeAndFolders() throws {
        let site = try Self.repository([.replace("target: {value: 80, date: 2027-12-31}", with: "target: {value: 75, date: 2027-12-31}")], commitHead: false)
        let result = try Self.diff(site, ["base"])
        #expect(result.changes == ["warning target-moved the target of 'Share of questions answered within 24 hours' moved"])
        let status = try CharterProcess.run(["diff", FixtureSite.basic.path, site.root.path, "--format", "text", "--today", "2026-11-01"])
        #expect(status.stdout == "warning: strategy community: the target of 'Share of questions answered within 24 hours' moved\n0 breaking, 1 warning, 0 info\n")
        // The edit is still uncommitted: diff did not touch the working tree or the index.
        let changed = try String(contentsOf: site.root.appending(path: "content/strategies/community.yaml"), encoding: .utf8)
        #expect(changed.contains("target: {value: 75, date: 2027-12-31}"))
    }

    @Test("a revision that does not exist is a usage error")
    func badRevision() throws {
        let site = try Self.repository([], commitHead: false)
        let output = try CharterProcess.run(["diff", "no-such-rev", "--root", site.root.path])
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("charter: error: cannot read revision"))
    }

    @Test("Markdown fits a pull-request comment: word-level diffs, info folded away, cut under 64 KB with a note")
    func markdown() throws {
        let changes = [
            ModelChange(.warning, "strategy x", "element-changed", "the mission changed", before: "a b c", after: "a d c",
                        wordDiff: WordDiff.markdown(from: "a b c", to: "a d c")),
            ModelChange(.info, "team y", "team-added", "team 'Y' was added"),
        ]
        #expect(DiffReport(changes: changes, base: "main", head: "HEAD").markdown() == """
            ## Strategy changes

            `main` → `HEAD`: **0 breaking, 1 warning, 1 info**

            ### Warning (1)

            | subject | change |
            |---|---|
            | strategy x | the mission changed<br>a ~~b~~ **d** c |

            <details><summary>Info (1)</summary>

            | subject | change |
            |---|---|
            | team y | team 'Y' was added |

            </details>


            """)
        let many = (0..<2000).map { ModelChange(.info, "playbook p\($0).md", "playbook-added", "playbook 'Page number \($0) with a long title' was added") }
        let cut = DiffReport(changes: many, base: "a", head: "b").markdown()
        #expect(cut.utf8.count < 64 * 1024)
        #expect(cut.contains("more changes not shown: the report was cut to fit GitHub's 64 KB limit."))
        #expect(cut.contains("</details>"))
    }
}
