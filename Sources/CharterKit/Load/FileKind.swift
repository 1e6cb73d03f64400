import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path below the site root turns out to be once its symbolic links are followed, and
/// so whether Charter may read it. Only `.file` and `.folder` are ever opened.
enum FileKind: Equatable, Sendable {
    /// A regular file whose real path, inside the root, is given.
    case file(String)
    /// A folder whose real path, inside the root, is given.
    case folder(String)
    /// A symbolic link whose real target, given, is outside the root.
    case outside(String)
    /// A symbolic link that leads back to itself (the system gives up after too many hops).
    case loop
    /// A symbolic link to nothing.
    case dangling(String)
    /// A FIFO, socket or device, named ("a FIFO"); opening a FIFO would block.
    case special(String)
    /// Nothing at that path.
    case missing

    /// Inspects `path` without opening it. `folder` is the real path of the folder holding it and
    /// `root` the site's real root: a link is followed with realpath(3), everything else is
    /// judged by lstat(2), so nothing reached through a link escapes the check.
    static func inspect(_ path: String, root: String) -> FileKind {
        var status = stat()
        return inspect(path, root: root, status: &status)
    }

    /// The same, leaving in `status` what `stat` says of the file the kind is about.
    static func inspect(_ path: String, root: String, status: inout stat) -> FileKind {
        guard lstat(path, &status) == 0 else { return .missing }
        guard status.st_mode & S_IFMT == S_IFLNK else { return kind(of: status, at: path) }
        guard let resolved = realpath(path, nil) else {
            if errno == ELOOP { return .loop }
            return .dangling(destination(of: path))
        }
        defer { free(resolved) }
        let real = String(cString: resolved)
        guard isInside(real, root) else { return .outside(real) }
        guard stat(real, &status) == 0 else { return .dangling(real) }
        return kind(of: status, at: real)
    }

    /// Whether `path` is `root` or below it; both must be real paths.
    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func kind(of status: stat, at path: String) -> FileKind {
        switch status.st_mode & S_IFMT {
        case S_IFREG: .file(path)
        case S_IFDIR: .folder(path)
        case S_IFIFO: .special("a FIFO (named pipe)")
        case S_IFSOCK: .special("a socket")
        case S_IFCHR: .special("a character device")
        case S_IFBLK: .special("a block device")
        default: .special("not a regular file")
        }
    }

    /// Where a link points, as written, for a message about a link to nothing.
    private static func destination(of link: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) ?? "?"
    }
}

/// Reads regular files without ever blocking on a FIFO or a device, and without reading more
/// than a limit: the file is opened non-blocking and checked with fstat(2) before a byte is read.
enum RegularFileReader {
    /// Why a file was not read.
    enum Failure: Error, Equatable {
        /// The file is larger than the limit; its size in bytes.
        case tooLarge(Int)
        /// The path is not a regular file (it may have changed since it was inspected).
        case notRegular
        /// The system refused, with its message.
        case system(String)
    }

    /// The bytes of the regular file at `path`, if it is at most `limit` bytes long.
    static func read(_ path: String, limit: Int = .max) -> Result<Data, Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard Int(status.st_size) <= limit else { return .failure(.tooLarge(Int(status.st_size))) }
        do {
            let data = try handle.readToEnd() ?? Data()
            // The file may have grown since fstat; the limit still holds.
            guard data.count <= limit else { return .failure(.tooLarge(data.count)) }
            return .success(data)
        } catch {
            return .failure(.system(error.localizedDescription))
        }
    }
}
