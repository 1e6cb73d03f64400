import ArgumentParser
import CharterLanguageServer
import Foundation

/// `charter lsp`: the checks of a playbook repository in an editor, as you type.
struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Runs a language server on stdin and stdout, for editors.",
        discussion: """
            Speaks the Language Server Protocol (3.17). The workspace folder the editor opens is \
            the site's root. Every problem `charter check` finds is shown in the file and at the \
            place it concerns while you type, including in files you have not opened; hovering \
            over one explains its code. See docs/editors.md for each editor's set-up.
            """)

    func run() throws {
        let code = LanguageServer().run()
        throw ExitCode(code)
    }
}
