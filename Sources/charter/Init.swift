import ArgumentParser
import CharterKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Starts a new playbook repository.",
        discussion: """
            Writes a configuration, one complete strategy, three teams, three playbooks, a guide \
            for authors, a GitHub Actions workflow, JSON Schemas for editors and a CODEOWNERS file. \
            The result passes 'charter check --strict'. Nothing is written if any file exists.
            """)

    @Argument(help: "The folder to start the repository in (default: the current folder).")
    var directory = "."

    @Flag(help: "Also copy the default templates into Templates/ for customising.")
    var templates = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let scaffold = Scaffold(today: SiteBuilder.defaultToday(), includeTemplates: templates)
        let written: [String]
        do {
            written = try scaffold.write(to: folder)
        } catch {
            throw DiagnosticOutput.fail(error)
        }
        print("Wrote \(written.count) files to \(OutputLocation.canonical(folder).path).")
        print("""
            Its \(Scaffold.reviewedPlaybooks.count) playbooks fall due for review on \(scaffold.reviewDue): from that day \
            'charter check --strict' fails (CH252) until each one's last_reviewed is updated (README.md says how).
            """)
        let enter = directory == "." ? "" : "cd \(Self.shellQuoted(directory)) && "
        print("Editors: .vscode/, .helix/ and .nvim.lua start 'charter lsp', which checks as you type (AUTHORING.md).")
        print("Next: \(enter)charter check, then charter build.")
    }

    /// `word` as a shell reads it back: as it is when it is plainly safe, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./+,:@%".unicodeScalars.contains($0)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
