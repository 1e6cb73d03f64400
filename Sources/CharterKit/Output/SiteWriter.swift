public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a rendered site so that readers see either the old site or the new one, never half.
///
/// The site is written into a hidden sibling folder, then swapped with the old one in a
/// single `renameat2(RENAME_EXCHANGE)` where the system has it (two renames elsewhere).
/// A build that fails or is killed before the swap leaves the old site untouched; its
/// leftover temporary folder is removed by the next build.
public struct SiteWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `site` to `output`, which `OutputLocation.validate` must already have accepted.
    public func write(_ site: RenderedSite, to output: URL) throws {
        let output = OutputLocation.canonical(output)
        let parent = output.deletingLastPathComponent()
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CharterError.unwritable(parent.path, error.localizedDescription)
        }
        removeLeftovers(next: output)

        let staging = parent.appending(path: ".\(output.lastPathComponent).charter-tmp-\(getpid())", directoryHint: .isDirectory)
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try OutputLocation.markerContents.write(to: staging.appending(path: OutputLocation.markerName))
            var madeFolders: Set<String> = [""]
            for file in site.files {
                // Every path comes from the model, but a path that could leave the output
                // folder is refused here too, whatever produced it.
                let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
                guard !file.path.hasPrefix("/"), !parts.contains(".."), !parts.contains(""), !file.path.contains("\\") else {
                    throw CharterError.unwritable(file.path, "the path would leave the output folder")
                }
                let folder = ContentPaths.folder(of: file.path)
                if !madeFolders.contains(folder) {
                    try fileManager.createDirectory(at: staging.appending(path: folder), withIntermediateDirectories: true)
                    madeFolders.insert(folder)
                }
                let destination = staging.appending(path: file.path)
                switch file.contents {
                case .data(let data): try data.write(to: destination)
                case .copy(let source): try fileManager.copyItem(at: source, to: destination)
                }
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw CharterError.unwritable(output.path, error.localizedDescription)
        }
        try swap(staging, into: output)
    }

    private func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: output.path) {
            if exchange(staging.path, output.path) {
                try? fileManager.removeItem(at: staging)
                return
            }
            // No atomic exchange here: move the old site aside, then the new one in.
            let aside = output.deletingLastPathComponent()
                .appending(path: ".\(output.lastPathComponent).charter-old-\(getpid())", directoryHint: .isDirectory)
            do {
                try fileManager.moveItem(at: output, to: aside)
            } catch {
                try? fileManager.removeItem(at: staging)
                throw CharterError.unwritable(output.path, error.localizedDescription)
            }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                try? fileManager.moveItem(at: aside, to: output)
                try? fileManager.removeItem(at: staging)
                throw CharterError.unwritable(output.path, error.localizedDescription)
            }
            try? fileManager.removeItem(at: aside)
        } else {
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                try? fileManager.removeItem(at: staging)
                throw CharterError.unwritable(output.path, error.localizedDescription)
            }
        }
    }

    /// Removes temporary folders that earlier, interrupted builds left beside the output,
    /// but only those that carry Charter's marker.
    private func removeLeftovers(next output: URL) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).charter-tmp-", ".\(output.lastPathComponent).charter-old-"]
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            let folder = parent.appending(path: name, directoryHint: .isDirectory)
            if fileManager.fileExists(atPath: folder.appending(path: OutputLocation.markerName).path) {
                try? fileManager.removeItem(at: folder)
            }
        }
    }

    /// Swaps two paths atomically with Linux's renameat2; false where that is not available.
    private func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }
}
