import Foundation

/// Lists the files of one of the site's folders (the content, `Templates/`, `model/`), never
/// leaving the site's root: a symbolic link is followed only when its real target is inside
/// the root, and a folder link that leads back to a folder above it is a loop, not a walk
/// without end. Whatever is refused gets a diagnostic at the link's own path.
struct ContentWalker {
    /// A regular file found by the walk.
    struct Found: Sendable, Hashable {
        /// Path relative to the folder walked, through links as they are named.
        var relative: String
        /// The file's real path, inside the root: what is read or copied.
        var realPath: String
        /// The file's stamp when the walk found it.
        var stamp: FileStamp? = nil
    }

    /// The site's real root path.
    let root: String
    /// How many more entries (files and folders) the site may have; counts down across walks.
    var remaining: Int
    /// The limit `remaining` started from, for the message.
    private(set) var maximumFiles: Int
    /// Problems met: links out of the root, loops, links to nothing, FIFOs and devices.
    var diagnostics: [Diagnostic] = []

    init(root: String, maximumFiles: Int) {
        self.root = root
        self.maximumFiles = maximumFiles
        self.remaining = maximumFiles
    }

    /// Sets the limit on files and folders, counting those already listed.
    mutating func limitFiles(to maximum: Int) {
        remaining = max(0, remaining - maximumFiles + maximum)
        maximumFiles = maximum
    }

    /// What `relative` (a path below the root, "" for the root itself) is; refusals are reported.
    mutating func inspect(_ relative: String) -> FileKind {
        let kind = FileKind.inspect(relative.isEmpty ? root : root + "/" + relative, root: root)
        report(kind, at: relative)
        return kind
    }

    /// Regular files below `folder` (a path relative to the root, "" for the root), sorted by
    /// relative path; hidden entries and `skip` paths (relative to `folder`) are left out.
    /// Throws only when a folder cannot be listed.
    mutating func walk(_ folder: String, skipping skip: Set<String> = []) throws -> [Found] {
        guard case .folder(let real) = inspect(folder) else { return [] }
        var found: [Found] = []
        // Each folder waits with its real path and the real paths of the folders above it.
        var pending: [(relative: String, real: String, above: [String])] = [("", real, [])]
        while let (relative, directory, above) = pending.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw CharterError.unreadable(directory, error.localizedDescription)
            }
            let chain = above + [directory]
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                if skip.contains(path) { continue }
                guard remaining > 0 else {
                    diagnostics.append(Diagnostic(
                        .tooManyFiles,
                        "the site has more than \(maximumFiles) files and folders; the rest of '\(sourcePath(folder, relative))' is not read",
                        at: SourceLocation(path: sourcePath(folder, relative)),
                        fixHint: "remove what is not content, or raise 'limits: {max_files: …}' in charter.yaml"))
                    return found.sorted { $0.relative < $1.relative }
                }
                remaining -= 1
                let sourcePath = sourcePath(folder, path)
                var status = stat()
                let kind = FileKind.inspect(directory + "/" + name, root: root, status: &status)
                switch kind {
                case .file(let real):
                    found.append(Found(relative: path, realPath: real, stamp: FileStamp(status)))
                case .folder(let real):
                    // A folder that is this one or one above it would be walked again and again.
                    if chain.contains(where: { FileKind.isInside($0, real) }) {
                        diagnostics.append(Diagnostic(
                            .symlinkLoop, "the symbolic link leads back to a folder that contains it; it is not followed",
                            at: SourceLocation(path: sourcePath),
                            fixHint: "remove the link, or point it at a folder outside this branch"))
                    } else {
                        pending.append((path, real, chain))
                    }
                case .missing where name.contains("\u{FFFD}"):
                    // Foundation lists a name that is not UTF-8 with U+FFFD for each bad byte, a
                    // name no file has: reported, so that the file is not silently left out.
                    diagnostics.append(Diagnostic(
                        .invalidFileName, "the file's name is not valid UTF-8; it is shown with U+FFFD for each bad byte",
                        at: SourceLocation(path: sourcePath), fixHint: "rename the file using UTF-8"))
                default:
                    report(kind, at: sourcePath)
                }
            }
        }
        return found.sorted { $0.relative < $1.relative }
    }

    private func sourcePath(_ folder: String, _ relative: String) -> String {
        if folder.isEmpty { return relative }
        return relative.isEmpty ? folder : "\(folder)/\(relative)"
    }

    /// Adds the diagnostic for a path Charter will not read; nothing for files, folders and absent paths.
    private mutating func report(_ kind: FileKind, at sourcePath: String) {
        let at = SourceLocation(path: sourcePath)
        switch kind {
        case .file, .folder, .missing:
            return
        case .outside(let target):
            diagnostics.append(Diagnostic(
                .outsideRoot, "symbolic link to '\(target)', which is outside the site's folder; it is not read or published",
                at: at, fixHint: "copy the file into the site, or remove the link"))
        case .loop:
            diagnostics.append(Diagnostic(
                .symlinkLoop, "the symbolic link loops back on itself; it is not followed",
                at: at, fixHint: "remove the link or point it at a file"))
        case .dangling(let target):
            diagnostics.append(Diagnostic(
                .brokenSymlink, "symbolic link to '\(target)', which does not exist; it is skipped",
                at: at, fixHint: "remove the link or restore its target"))
        case .special(let what):
            diagnostics.append(Diagnostic(
                .specialFile, "\(what), not a regular file; it is skipped without being opened",
                at: at, fixHint: "remove it from the site's folder"))
        }
    }
}
