public import Foundation

/// Materialises one side of a diff: a folder as it is, or a git revision of the site's
/// repository, extracted with `git archive` into a temporary folder so that the working
/// tree, the index and HEAD are never touched.
public struct RevisionReader: Sendable {
    /// The site folder whose repository revisions are read.
    public var root: URL

    /// Creates a reader for the site at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// A folder holding the site at `revision`: the folder itself when `revision` names an
    /// existing folder, else the site's subtree extracted from git. `cleanup` removes what was made.
    public func site(at revision: String) throws -> (root: URL, cleanup: @Sendable () -> Void) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: revision, isDirectory: &isDirectory), isDirectory.boolValue {
            return (URL(fileURLWithPath: revision, isDirectory: true), {})
        }
        let site = OutputLocation.canonical(root)
        let top = try git(["rev-parse", "--show-toplevel"], in: site).trimmingCharacters(in: .whitespacesAndNewlines)
        let topURL = OutputLocation.canonical(URL(fileURLWithPath: top, isDirectory: true))
        let prefix = site.path == topURL.path ? "" : String(site.path.dropFirst(topURL.path.count + 1))
        _ = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: site)
        let scratch = FileManager.default.temporaryDirectory.appending(path: "charter-diff-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let archive = scratch.appending(path: "revision.tar")
        var arguments = ["archive", "--format=tar", "--output", archive.path, revision]
        if !prefix.isEmpty { arguments.append(prefix) }
        do {
            _ = try git(arguments, in: topURL)
            _ = try run("/usr/bin/env", ["tar", "-xf", archive.path, "-C", scratch.path], in: scratch)
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
        try? FileManager.default.removeItem(at: archive)
        let extracted = prefix.isEmpty ? scratch : scratch.appending(path: prefix, directoryHint: .isDirectory)
        return (extracted, { try? FileManager.default.removeItem(at: scratch) })
    }

    /// The newest commit of HEAD's history made on or before `day` (its end, in UTC).
    public func commit(onOrBefore day: CalendarDate) throws -> String {
        let site = OutputLocation.canonical(root)
        let commit = try git(["rev-list", "-1", "--before=\(day)T23:59:59Z", "HEAD"], in: site)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !commit.isEmpty else { throw CharterError.badRevision("\(day)", "no commit was made on or before \(day)") }
        return commit
    }

    /// The day a revision was committed, in UTC.
    public func day(of revision: String) throws -> CalendarDate {
        let site = OutputLocation.canonical(root)
        let text = try git(["log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d", revision, "--"], in: site)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let day = CalendarDate(text) else { throw CharterError.badRevision(revision, "git gave no commit date") }
        return day
    }

    /// The site folder's path inside its git repository with a trailing `/` ("" at the top, or
    /// outside any repository), for files such as CODEOWNERS whose paths start at the top.
    public func repositoryPrefix() -> String {
        let site = OutputLocation.canonical(root)
        guard let top = try? git(["rev-parse", "--show-toplevel"], in: site).trimmingCharacters(in: .whitespacesAndNewlines) else {
            return ""
        }
        let topURL = OutputLocation.canonical(URL(fileURLWithPath: top, isDirectory: true))
        return site.path == topURL.path ? "" : String(site.path.dropFirst(topURL.path.count + 1)) + "/"
    }

    private func git(_ arguments: [String], in folder: URL) throws -> String {
        do {
            return try run("/usr/bin/env", ["git"] + arguments, in: folder)
        } catch CharterError.unreadable(_, let reason) {
            throw CharterError.badRevision(arguments.last ?? "", reason)
        }
    }

    private func run(_ executable: String, _ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CharterError.unreadable(arguments.joined(separator: " "), reason.isEmpty ? "exit \(process.terminationStatus)" : reason)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
