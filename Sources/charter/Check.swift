import ArgumentParser
import CharterKit
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validates the site without writing anything.")

    @Option(help: "The site's folder.")
    var root = "."

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let result: BuildResult
        do {
            result = try SiteBuilder(root: URL(fileURLWithPath: root, isDirectory: true)).check()
        } catch {
            throw DiagnosticOutput.fail(error)
        }
        DiagnosticOutput.print(result)
        let failed = result.diagnostics.containsErrors || (strict && result.diagnostics.count(of: .warning) > 0)
        if failed { throw Exit.contentErrors }
        if result.diagnostics.isEmpty { Swift.print("No problems found.") }
    }
}
