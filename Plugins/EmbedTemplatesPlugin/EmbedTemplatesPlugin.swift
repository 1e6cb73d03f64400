import Foundation
import PackagePlugin

/// Embeds the repository's `Templates/` folder (the default theme) `Scaffold/` folder (what
/// `charter init` writes) and `i18n/` folder (the shipped translations) into CharterKit at build time, and CharterServe's `Resources/` (the
/// live preview's browser script) into CharterServe.
///
/// The folders stay the single source of truth; every file in them is an input of its build
/// command, so editing one rebuilds the library.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let tool = try context.tool(named: "EmbedTemplates").url
        func embed(_ folder: URL, as enumName: String, importing module: String? = nil) -> Command {
            let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
            return .buildCommand(
                displayName: "Embedding \(folder.lastPathComponent)/",
                executable: tool,
                arguments: [folder.path(percentEncoded: false), output.path(percentEncoded: false), enumName] + (module.map { [$0] } ?? []),
                inputFiles: Self.files(below: folder),
                outputFiles: [output]
            )
        }
        let package = context.package.directoryURL
        // The live preview's browser script, from the target's own Resources/ folder.
        if target.name == "CharterServe" {
            return [embed(package.appending(path: "Sources/CharterServe/Resources"), as: "ServeFiles", importing: "CharterKit")]
        }
        var commands = [
            embed(package.appending(path: "Templates"), as: "DefaultTemplates"),
            embed(package.appending(path: "Scaffold"), as: "ScaffoldFiles"),
            embed(package.appending(path: "i18n"), as: "DefaultBundles"),
        ]
        let commitOutput = context.pluginWorkDirectoryURL.appending(path: "CharterGitCommit.swift")
        let git = Self.gitDirectories(of: package)
        commands += [
            // The commit a build from a git checkout is made from, for `charter --version`. The
            // tool reads it when it runs; HEAD and the branch files are its inputs, so a new
            // commit or another branch writes it again.
            .buildCommand(
                displayName: "Naming the git commit",
                executable: tool,
                arguments: ["--commit", git.own.path(percentEncoded: false), git.common.path(percentEncoded: false),
                            commitOutput.path(percentEncoded: false)],
                inputFiles: Self.gitStateFiles(git),
                outputFiles: [commitOutput]
            ),
        ]
        return commands
    }

    /// Every regular file below `folder`, sorted.
    static func files(below folder: URL) -> [URL] {
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The checkout's git folder (HEAD's) and the folder its refs are shared in: the same folder
    /// but in a worktree, whose .git is a file naming its own folder, which names the shared one.
    /// For a package that is not a checkout, a .git that does not exist.
    static func gitDirectories(of package: URL) -> (own: URL, common: URL) {
        let dotGit = package.appending(path: ".git")
        var gitDirectory = dotGit
        if let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") {
            // A worktree: .git is a file naming its folder, which names the shared one.
            let named = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDirectory = URL(fileURLWithPath: named, relativeTo: package).standardizedFileURL
        }
        var common = gitDirectory
        if let text = try? String(contentsOf: gitDirectory.appending(path: "commondir"), encoding: .utf8) {
            common = URL(fileURLWithPath: text.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: gitDirectory).standardizedFileURL
        }
        return (gitDirectory, common)
    }

    /// The files whose change can move HEAD to another commit: HEAD itself, the packed refs and
    /// every branch file; none for a package that is not a git checkout.
    static func gitStateFiles(_ git: (own: URL, common: URL)) -> [URL] {
        let common = git.common
        var files = [git.own.appending(path: "HEAD"), common.appending(path: "packed-refs")]
        if let walker = FileManager.default.enumerator(at: common.appending(path: "refs/heads"), includingPropertiesForKeys: nil) {
            for case let url as URL in walker { files.append(url) }
        }
        return files.filter { url in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted { $0.path < $1.path }
    }
}
