import Foundation
import Testing
@testable import CharterKit

/// A site written to a fresh temporary folder from a table of paths and texts; removed on deinit.
final class TemporarySite {
    let folder: URL

    init(_ files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory
            .appending(path: "charter-test-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var root: URL { folder.appending(path: "site", directoryHint: .isDirectory) }
    var output: URL { folder.appending(path: "out", directoryHint: .isDirectory) }

    /// Writes a file below the site root, creating folders.
    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Builds into `out` beside the site; with `allowErrors` the site is written despite content errors.
    @discardableResult
    func build(allowErrors: Bool = false) throws -> BuildResult {
        var builder = SiteBuilder.pinned(root: root, output: output)
        builder.allowErrors = allowErrors
        return try builder.build()
    }

    /// Every file of a folder, by relative path, with its bytes.
    static func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The text of a file of the built site.
    func outputText(_ path: String) throws -> String {
        try String(contentsOf: output.appending(path: path), encoding: .utf8)
    }
}

/// The diagnostics as compact tuples for exact comparison: code, severity, path, line, column.
func located(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.code) \($0.severity.rawValue) \($0.location)" }
}
