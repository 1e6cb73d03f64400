import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new version of the site being written beside the old one, file by file as pages are
/// finished, and swapped in whole by `commit()`. Until then readers see only the old site;
/// `abandon()` (or a build that dies) leaves it untouched.
///
/// Files are written from several threads at once: each path is written once, and the
/// folders are made beforehand with `makeFolders(for:)`.
final class StagedSite: @unchecked Sendable {
    // Only `folder`, `output` and `previous` are read from several threads; they never change.
    let output: URL
    let folder: URL
    /// The site being replaced, when it exists: unchanged files are linked from it.
    let previous: URL?
    /// Flushes the staging folder's file system to the disk before the swap; nil skips it
    /// (a live preview, which no power cut can make worse than a rebuild).
    let flush: (@Sendable (String) throws -> Void)?

    /// Starts a staging folder beside `output`. The caller holds `output`'s `BuildLock`, which
    /// removed what interrupted builds left there, so no other build writes beside it.
    init(output: URL, flush: (@Sendable (String) throws -> Void)? = StagedSite.syncFileSystem) throws {
        let output = OutputLocation.canonical(output)
        let parent = output.deletingLastPathComponent()
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CharterError.unwritable(parent.path, error.localizedDescription)
        }
        self.output = output
        self.flush = flush
        self.folder = parent.appending(path: ".\(output.lastPathComponent).charter-tmp-\(getpid())", directoryHint: .isDirectory)
        self.previous = fileManager.fileExists(atPath: output.appending(path: OutputLocation.markerName).path) ? output : nil
        try? fileManager.removeItem(at: folder)
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: false)
            Failpoint.stagingCreated.reached()
            try OutputLocation.markerContents.write(to: folder.appending(path: OutputLocation.markerName))
        } catch {
            throw CharterError.unwritable(output.path, error.localizedDescription)
        }
    }

    /// The staging folder's device and inode: after the swap, the published site's identity.
    var identity: FileIdentity? { FileIdentity(of: folder) }

    /// Refuses any path that could leave the site's folder, whatever produced it.
    static func checked(_ path: String) throws -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(".."), !parts.contains(""), !parts.contains("."), !path.contains("\\") else {
            throw CharterError.unwritable(path, "the path would leave the output folder")
        }
        return path
    }

    /// Makes every folder the given files need, before they are written in parallel.
    func makeFolders(for paths: some Sequence<String>) throws {
        var made: Set<String> = [""]
        for path in paths {
            let parent = ContentPaths.folder(of: try Self.checked(path))
            guard made.insert(parent).inserted else { continue }
            do {
                try FileManager.default.createDirectory(at: folder.appending(path: parent), withIntermediateDirectories: true)
            } catch {
                throw CharterError.unwritable(parent, error.localizedDescription)
            }
        }
    }

    /// Writes a file made by the build.
    func write(_ data: Data, to path: String) throws {
        Failpoint.midWrite.reached(time: 10)
        // No flush per file: commit() flushes the whole staging folder once, before the swap.
        try FileWriter.write(data, to: folder.appending(path: try Self.checked(path)).path)
    }

    /// Writes a file of the finished site, whatever it holds, or links the published site's copy
    /// when `previous` says that it holds the same bytes. Returns what the cache keeps of a file
    /// written from memory; nil for a copy.
    @discardableResult
    func write(_ file: OutputFile, previous: BuildCache.File? = nil) throws -> BuildCache.File? {
        func place(_ bytes: UnsafeRawBufferPointer) throws -> BuildCache.File {
            let stamp = BuildCache.File(of: bytes)
            if stamp != previous || !reuse(file.path, size: stamp.size) { try write(Data(bytes), to: file.path) }
            return stamp
        }
        switch file.contents {
        case .data(let data): return try data.withUnsafeBytes { try place($0) }
        case .text(var text): return try text.withUTF8 { try place(UnsafeRawBufferPointer($0)) }
        case .copy(let source):
            try copy(source, to: file.path)
            return nil
        }
    }

    /// Copies a file as it is (an image, a PDF).
    func copy(_ source: URL, to path: String) throws {
        let destination = folder.appending(path: try Self.checked(path))
        do {
            try FileManager.default.copyItem(at: source, to: destination)
        } catch {
            throw CharterError.unwritable(destination.path, error.localizedDescription)
        }
    }

    /// Hard-links the previous site's file at `path` into the new site, when it exists with
    /// `size` bytes; false otherwise, and the caller writes the file instead. The old site's
    /// file is never changed: both names point at the same unchanged bytes.
    func reuse(_ path: String, size: Int) -> Bool {
        guard let previous, let path = try? Self.checked(path) else { return false }
        // The tenth file placed in the staging folder, written or linked.
        Failpoint.midWrite.reached(time: 10)
        let source = previous.appending(path: path)
        var status = stat()
        guard stat(source.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == size else { return false }
        return link(source.path, folder.appending(path: path).path) == 0
    }

    /// How `commit()` put the new site in place.
    enum Swap: Equatable, Sendable {
        /// There was no site yet: the new one was renamed into place.
        case created
        /// The old and new sites were exchanged in one atomic rename.
        case exchanged
        /// No atomic exchange: the old site was moved aside, then the new one in, leaving a
        /// moment with no site at all.
        case movedAside
    }

    /// Swaps the new site in: readers see the old site or the new one, never a mix. The new
    /// site's files reach the disk first, so a power cut cannot publish truncated pages; the
    /// swap itself is made durable after.
    @discardableResult
    func commit() throws -> Swap {
        let fileManager = FileManager.default
        if let flush {
            do {
                try flush(folder.path)
            } catch {
                abandon()
                throw error
            }
        }
        Failpoint.beforeSwap.reached()
        defer { if flush != nil { Self.syncFolder(output.deletingLastPathComponent().path) } }
        guard fileManager.fileExists(atPath: output.path) else {
            do {
                try fileManager.moveItem(at: folder, to: output)
            } catch {
                abandon()
                throw CharterError.unwritable(output.path, error.localizedDescription)
            }
            return .created
        }
        if Self.exchange(folder.path, output.path) {
            Failpoint.afterSwap.reached()
            try? fileManager.removeItem(at: folder)
            return .exchanged
        }
        // No atomic exchange here: move the old site aside, then the new one in.
        let aside = output.deletingLastPathComponent()
            .appending(path: ".\(output.lastPathComponent).charter-old-\(getpid())", directoryHint: .isDirectory)
        do {
            try fileManager.moveItem(at: output, to: aside)
        } catch {
            abandon()
            throw CharterError.unwritable(output.path, error.localizedDescription)
        }
        do {
            try fileManager.moveItem(at: folder, to: output)
        } catch {
            try? fileManager.moveItem(at: aside, to: output)
            abandon()
            throw CharterError.unwritable(output.path, error.localizedDescription)
        }
        try? fileManager.removeItem(at: aside)
        return .movedAside
    }

    /// Throws the new site away; the old one stays as it was.
    func abandon() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes every changed file of the file system holding `path` to the disk: syncfs(2) on
    /// Linux, one call for the whole staging folder instead of an fsync per file.
    @Sendable static func syncFileSystem(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CharterError.unwritable(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        #if os(Linux)
        // Glibc declares syncfs only for _GNU_SOURCE, which Swift's module does not set.
        typealias SyncFS = @convention(c) (Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
            guard unsafeBitCast(symbol, to: SyncFS.self)(descriptor) == 0 else {
                throw CharterError.unwritable(path, String(cString: strerror(errno)))
            }
        } else {
            sync()
        }
        #else
        sync()
        guard fsync(descriptor) == 0 else { throw CharterError.unwritable(path, String(cString: strerror(errno))) }
        #endif
    }

    /// Makes a folder's entries durable (after a rename in it); best effort, the site is already in place.
    private static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Removes the staging folders that interrupted builds of this output left beside it.
    ///
    /// `BuildLock.acquire` calls it once it holds the output's lock. Every build that writes
    /// there holds that lock too, so no live build owns such a folder: each one is stale, whatever process id its name
    /// ends in (ids are reused) and whether or not its marker was written before the build died.
    /// Only folders with the names staging gives them are touched.
    static func removeLeftovers(next output: URL) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        for folder in leftovers(next: output) {
            try? fileManager.removeItem(at: parent.appending(path: folder, directoryHint: .isDirectory))
        }
    }

    /// The names of the staging and moved-aside folders beside `output`, live or not.
    static func leftovers(next output: URL) -> [String] {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).charter-tmp-", ".\(output.lastPathComponent).charter-old-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        return names.filter { name in
            var isFolder: ObjCBool = false
            return prefixes.contains(where: name.hasPrefix)
                && FileManager.default.fileExists(atPath: parent.appending(path: name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// Swaps two paths atomically with Linux's renameat2; false where that is not available.
    static func exchange(_ first: String, _ second: String) -> Bool {
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

/// Which folder a path is: its device and inode, which a rename keeps.
struct FileIdentity: Codable, Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init?(of url: URL) {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
