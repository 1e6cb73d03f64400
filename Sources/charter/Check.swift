public import ArgumentParser
import CharterKit
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validates the site without writing anything.",
        discussion: """
            Formats: text (like a compiler; quotes the source line on a terminal), json, \
            github (workflow commands, most severe first), sarif (SARIF 2.1.0).
            """)

    @Option(help: "The site's folder.")
    var root = "."

    @Option(help: "text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Option(help: "Check review dates as of this day (YYYY-MM-DD) instead of today; SOURCE_DATE_EPOCH is honoured too.")
    var today: String?

    @Flag(help: "Fail on warnings too (all but CH280, a measure off track).")
    var strict = false

    func validate() throws {
        _ = try today.map(CalendarDate.parse(option:))
    }

    func run() throws {
        var builder = SiteBuilder(root: URL(fileURLWithPath: root, isDirectory: true))
        if let today { builder.today = try CalendarDate.parse(option: today) }
        let result: BuildResult
        do {
            result = try builder.check()
        } catch {
            throw DiagnosticOutput.fail(error)
        }
        let report = DiagnosticReport(result.diagnostics)
        switch format {
        case .text:
            DiagnosticOutput.print(result)
            if result.diagnostics.isEmpty { Swift.print("No problems found.") }
        case .json: FileHandle.standardOutput.write(Data(report.json().utf8))
        case .github:
            FileHandle.standardOutput.write(Data(report.github().utf8))
            if let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                appendSummary(report.githubSummary(), to: summary)
            }
        case .sarif: FileHandle.standardOutput.write(Data(report.sarif().utf8))
        }
        let failed = result.diagnostics.containsErrors || (strict && result.diagnostics.contains { $0.severity == .warning && $0.code.failsStrict })
        if failed { throw Exit.contentErrors }
    }

    /// GitHub gives each step a file to append Markdown to; the complete list goes there.
    private func appendSummary(_ text: String, to path: String) {
        let url = URL(fileURLWithPath: path)
        // A file that cannot be created is reported below, when it cannot be opened either.
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = try? FileHandle(forWritingTo: url) else {
            FileHandle.standardError.write(Data("charter: warning: cannot write the job summary to \(path)\n".utf8))
            return
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        handle.write(Data(text.utf8))
    }
}
