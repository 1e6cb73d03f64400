import ArgumentParser
import CharterKit

/// The `charter` command line: a thin layer over CharterKit. Asynchronous at the root, so that
/// `serve` can await its server; the other commands run as plain functions.
@main
struct Charter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charter",
        abstract: "Builds and checks strategy playbook sites.",
        discussion: """
            Exit codes: 0 success, 1 the content has errors, 64 wrong usage (bad options, \
            a refused output folder, a missing site folder), 74 the disk could not be read or written, \
            75 another build is writing the same output folder (try again later, or use --wait).
            """,
        version: CharterRelease.versionLine,
        subcommands: [Build.self, Check.self, Serve.self, LSP.self, Diff.self, Review.self, Explain.self, Render.self, Init.self, Codeowners.self, Schema.self])
}

/// Exit codes shared by every command.
enum Exit {
    static let contentErrors = ExitCode(1)
    static let usage = ExitCode(64)
    static let io = ExitCode(74)
    /// EX_TEMPFAIL: another build holds the output folder's lock; trying again later will work.
    static let locked = ExitCode(75)
}
