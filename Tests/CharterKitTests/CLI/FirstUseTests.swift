import Foundation
import Testing
@testable import CharterKit

/// What a new user meets first: the version and wrong usage.
@Suite struct FirstUseTests {
    @Test("--version prints the release")
    func version() throws {
        let result = try CharterProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == CharterRelease.version + "\n")
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
}
