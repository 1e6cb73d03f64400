import Foundation
import Testing
@testable import CharterKit

@Suite struct DocumentationCoverageTests {
    static let commandsDoc = RuleReferenceTests.committed.deletingLastPathComponent().appending(path: "commands.md")

    @Test("docs/commands.md covers every command and every flag that --help lists")
    func everyFlagDocumented() throws {
        let doc = try String(contentsOf: Self.commandsDoc, encoding: .utf8)
        let overview = try CharterProcess.run(["--help"]).stdout
        let subcommands = overview.components(separatedBy: "SUBCOMMANDS:").last?
            .split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "See" } ?? []
        #expect(subcommands.sorted() == ["build", "check", "codeowners", "diff", "explain", "init", "lsp", "render", "review", "schema", "serve"])
        let flag = try Regex(#"--[a-z][a-z-]+"#)
        for command in subcommands {
            #expect(doc.contains("## `charter \(command)`"), "no section for \(command)")
            let help = try CharterProcess.run([command, "--help"]).stdout.components(separatedBy: "OPTIONS:").last ?? ""
            for match in help.matches(of: flag) {
                let name = String(help[match.range])
                guard name != "--help", name != "--version" else { continue }
                #expect(doc.contains("`\(name)"), "\(command) \(name) is not documented")
            }
        }
    }
}
