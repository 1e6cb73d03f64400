import Foundation
import PackagePlugin

/// Embeds the repository's `Templates/` folder into CharterKit at build time.
///
/// `Templates/` stays the single source of truth for the default theme; every file
/// in it is an input of the build command, so editing a template rebuilds the library.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTemplates.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(
            at: templates, includingPropertiesForKeys: [.isRegularFileKey])
        {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        let commitOutput = context.pluginWorkDirectoryURL.appending(path: "CharterGitCommit.swift")
        let git = Self.gitDirectories(of: context.package.directoryURL)
        let tool = try context.tool(named: "EmbedTemplates").url
        return [
            .buildCommand(
                displayName: "Embedding default templates",
                executable: tool,
                arguments: [templates.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            ),
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
