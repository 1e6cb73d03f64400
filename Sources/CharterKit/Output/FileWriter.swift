import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file with plain POSIX calls: open, write, close.
///
/// Foundation's `Data.write(to:)` flushes every file it writes to the disk (fsync), about 200
/// calls for the example site and 2,000 for 1,000 pages, most of a build's kernel time. The
/// files written here need no flush of their own: the staging folder is flushed once, with
/// syncfs, before the swap (`StagedSite.commit`), and a Markdown cache entry that a crash cuts
/// short fails to decode and is rendered again.
enum FileWriter {
    /// Creates or replaces the file at `path` with `data`, with the permissions `Data.write`
    /// gives a new file (0666 less the umask).
    static func write(_ data: Data, to path: String) throws {
        try write(data, to: path, flags: O_TRUNC)
    }

    /// Adds `data` at the end of the file at `path`, creating it. With O_APPEND every write
    /// lands at the end, so two processes appending never write over each other's bytes.
    static func append(_ data: Data, to path: String) throws {
        try write(data, to: path, flags: O_APPEND, removingOnFailure: false)
    }

    private static func write(_ data: Data, to path: String, flags: Int32, removingOnFailure: Bool = true) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o666)
        guard descriptor >= 0 else { throw CharterError.unwritable(path, String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            if removingOnFailure { unlink(path) }
            throw CharterError.unwritable(path, String(cString: strerror(failure)))
        }
    }
}
