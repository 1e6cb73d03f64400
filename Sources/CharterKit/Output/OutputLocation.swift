public import Foundation

/// Decides whether a folder may receive the site, before anything is written.
public enum OutputLocation {
    /// The file Charter leaves in every site it writes, so it only ever replaces its own folders.
    public static let markerName = ".charter-site"
    /// The marker's contents.
    public static let markerContents = Data("This folder was written by Charter and is replaced on every build.\n".utf8)

    /// Folders a site must never replace, whatever the command line says.
    static let systemFolders: Set<String> = [
        "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/media", "/mnt", "/opt",
        "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/Users", "/System",
        "/Applications", "/Library", "/private",
    ]

    /// Throws `CharterError.refusedOutput` unless `output` is safe to replace with a site built from `root`.
    public static func validate(output: URL, root: URL, contentDirectory: URL) throws {
        let output = canonical(output)
        let root = canonical(root)
        let content = canonical(contentDirectory)
        func refuse(_ reason: String) -> CharterError { .refusedOutput(output.path, reason: reason) }

        if systemFolders.contains(output.path) || output.path == canonical(FileManager.default.homeDirectoryForCurrentUser).path {
            throw refuse("it is a system or home folder")
        }
        if output.path == root.path { throw refuse("it is the site's root folder") }
        if isInside(content, output) || content.path == output.path { throw refuse("it contains the content") }
        if isInside(root, output) { throw refuse("it contains the site's root folder") }
        if content.path != root.path, isInside(output, content) { throw refuse("it is inside the content folder") }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw refuse("a file of that name exists") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty, !entries.contains(markerName) {
            throw refuse("the folder is not empty and was not written by Charter (it has no \(markerName) file)")
        }
    }

    /// The absolute path with `.`, `..` and symbolic links resolved, as far as it exists.
    public static func canonical(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Whether `inner` is strictly below `outer`.
    static func isInside(_ inner: URL, _ outer: URL) -> Bool {
        let outerPath = outer.path.hasSuffix("/") ? outer.path : outer.path + "/"
        return inner.path.hasPrefix(outerPath)
    }
}
