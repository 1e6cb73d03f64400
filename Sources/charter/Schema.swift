import ArgumentParser
import CharterKit
import Foundation

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes JSON Schemas for strategy files, team files and playbook front matter.",
        discussion: """
            The schemas follow the site's own model (its stages, responsibilities, focus areas \
            and program kinds). Point an editor at them with a first line such as \
            '# yaml-language-server: $schema=../../schemas/strategy.schema.json'.
            """)

    @Option(help: "The site's folder.")
    var root = "."

    @Option(help: "The folder to write the schemas to (default: schemas under the root).")
    var out: String?

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? rootURL.appending(path: "schemas", directoryHint: .isDirectory)
        do {
            let content = try ContentLoader().load(root: rootURL)
            let (framework, diagnostics) = FrameworkLoader().load(siteFiles: content.modelFiles)
            if diagnostics.containsErrors {
                FileHandle.standardError.write(Data(DiagnosticFormatter().report(diagnostics).utf8))
                throw Exit.contentErrors
            }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in SchemaGenerator(framework: framework).files().sorted(by: { $0.key < $1.key }) {
                try Data(text.utf8).write(to: folder.appending(path: name))
                print("Wrote \(folder.appending(path: name).path)")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw DiagnosticOutput.fail(error)
        }
    }
}
