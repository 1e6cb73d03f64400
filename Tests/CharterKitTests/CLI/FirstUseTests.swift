import Foundation
import Testing
@testable import CharterKit

/// What a new user meets first: the version, wrong usage, the count under the diagnostics,
/// and the commands `init` says to run next.
@Suite struct FirstUseTests {
    @Test("--version prints the release, the commit a git checkout was built from, and the linked cmark-gfm")
    func version() throws {
        let result = try CharterProcess.run(["--version"])
        #expect(result.status == 0)
        // The tests are built from this checkout, so the binary names its HEAD.
        let git = try CharterProcess.runWithCharterOnPath(
            "/usr/bin/env", ["git", "-C", DistributionTests.repository.path, "rev-parse", "--short=12", "HEAD"])
        let commit = git.status == 0 ? git.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : "unknown"
        #expect(commit.count == 12 || commit == "unknown")
        #expect(result.stdout == "charter \(CharterRelease.version) (commit \(commit), cmark-gfm 0.29.0.gfm.6)\n")
    }

    @Test("wrong usage prints the error and the subcommand's usage, not the top level's, and exits 64", arguments: [
        (["check", "--format", "nope"], """
            Error: The value 'nope' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'github' or 'sarif'.
            Help:  --format <format>  text, json, github or sarif.
            Usage: charter check [--root <root>] [--format <format>] [--today <today>] [--strict]
              See 'charter check --help' for more information.

            """),
        (["check", "--today", "nope"], """
            Error: --today takes a date written as YYYY-MM-DD, not 'nope'
            Usage: charter check [--root <root>] [--format <format>] [--today <today>] [--strict]
              See 'charter check --help' for more information.

            """),
        (["diff", "main", "--today", "2026-13-01"], """
            Error: --today takes a date written as YYYY-MM-DD, not '2026-13-01'
            Usage: charter diff <base> [<head>] [--root <root>] [--format <format>] [--fail-on <fail-on>] [--today <today>]
              See 'charter diff --help' for more information.

            """),
        (["explain", "CH999"], """
            Error: 'CH999' is not a diagnostic code; run 'charter explain' for the list
            Usage: charter explain [<code>] [--markdown]
              See 'charter explain --help' for more information.

            """),
    ])
    func usage(arguments: [String], expected: String) throws {
        let result = try CharterProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr == expected)
    }

    @Test("build's wrong usage shows build's usage line", arguments: [["build", "--bogus"], ["build", "--today", "tomorrow"]])
    func buildUsage(arguments: [String]) throws {
        let result = try CharterProcess.run(arguments)
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().first?.hasPrefix("Usage: charter build [--root <root>] [--out <out>] [--today <today>] [--allow-errors]") == true)
        #expect(lines.last == "  See 'charter build --help' for more information.")
    }

    @Test("the count under the diagnostics includes notes, in the singular for one")
    func summaryCountsNotes() throws {
        let site = try TemporarySite([
            "charter.yaml": "severity:\n  CH005: note\n",
            "content/index.md": "# A\n", "content/README.md": "# B\n",
        ])
        let one = try CharterProcess.run(["check", "--root", site.root.path])
        #expect(one.status == 0)
        #expect(one.stdout == "")
        #expect(one.stderr == """
            content/README.md:1:1: note: this folder has both index.md and README.md; index.md is its landing page [CH005]
            content/index.md:1:1: note: the landing page
                help: merge the two files or rename one
            0 errors, 0 warnings, 1 note

            """)
        try site.write("content/a/index.md", "# C\n")
        try site.write("content/a/README.md", "# D\n")
        let two = try CharterProcess.run(["check", "--root", site.root.path])
        #expect(two.stderr.hasSuffix("[CH005]\ncontent/a/index.md:1:1: note: the landing page\n    help: merge the two files or rename one\n0 errors, 0 warnings, 2 notes\n"))
        try site.write("charter.yaml", "severity:\n  CH005: warning\n")
        #expect(try CharterProcess.run(["check", "--root", site.root.path]).stderr.hasSuffix("\n0 errors, 2 warnings\n"))
    }

    @Test("init says what to run next, and it works exactly as printed, in a shell with charter on the PATH", arguments: [
        ("playbook", "cd playbook && "), ("our playbook", "cd 'our playbook' && "), ("it's", #"cd 'it'\''s' && "#),
    ])
    func initNext(name: String, enter: String) throws {
        let scratch = try TemporarySite()
        let result = try CharterProcess.run(["init", name], in: scratch.folder)
        #expect(result.status == 0)
        let next = try #require(result.stdout.split(separator: "\n").last)
        #expect(next == "Next: \(enter)charter check, then charter build.")
        let printed = next.dropFirst("Next: ".count).replacing(", then ", with: " && ").dropLast()
        let shell = try Self.shell("\(printed) && pwd", in: scratch.folder)
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(shell.stdout.hasSuffix("/\(name)\n"))
        #expect(FileManager.default.fileExists(atPath: scratch.folder.appending(path: "\(name)/_site/index.html").path))
    }

    @Test("init in the current folder says to run check there")
    func initHere() throws {
        let scratch = try TemporarySite()
        let result = try CharterProcess.run(["init"], in: scratch.folder)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix(".\nNext: charter check, then charter build.\n"))
        #expect(try CharterProcess.run(["check", "--strict"], in: scratch.folder).status == 0)
    }

    /// Runs a command line in `sh`, with the built `charter` first on the PATH.
    static func shell(_ command: String, in directory: URL) throws -> CharterProcess.Output {
        try CharterProcess.runWithCharterOnPath("/bin/sh", ["-c", command], in: directory)
    }
}
