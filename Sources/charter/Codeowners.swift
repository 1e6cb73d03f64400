import ArgumentParser
import CharterKit
import Foundation

struct Codeowners: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes CODEOWNERS from the responsibility matrices.",
        discussion: """
            Each strategy's files and the playbooks attached to it are owned by the team \
            Accountable for the strategy (Accountable for Governance, else its owner), by its \
            review_handle. With --check, nothing is written and the exit code says whether the \
            committed file is up to date.
            """)

    @Option(help: "The site's folder.")
    var root = "."

    @Option(help: "The file to write (default: .github/CODEOWNERS under the root).")
    var output: String?

    @Flag(help: "Exit 1 when the file is missing or out of date, instead of writing it.")
    var check = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        let target = output.map { URL(fileURLWithPath: $0) } ?? rootURL.appending(path: Scaffold.codeownersPath)
        let text: String
        do {
            guard let model = try SiteBuilder(root: rootURL).check().model else { throw Exit.io }
            text = CodeownersGenerator(site: model, repositoryPrefix: RevisionReader(root: rootURL).repositoryPrefix()).text()
        } catch {
            throw DiagnosticOutput.fail(error)
        }
        if check {
            let current = try? String(contentsOf: target, encoding: .utf8)
            guard current == text else {
                FileHandle.standardError.write(Data("charter: \(target.path) is \(current == nil ? "missing" : "out of date"); run 'charter codeowners' to regenerate it\n".utf8))
                throw Exit.contentErrors
            }
            print("\(target.path) is up to date.")
            return
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        } catch {
            throw DiagnosticOutput.fail(CharterError.unwritable(target.path, error.localizedDescription))
        }
        print("Wrote \(target.path).")
    }
}
