import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock one build of an output folder holds while it writes: `.<name>.charter-lock` beside
/// the folder, locked with flock(2).
///
/// The kernel drops the lock when its process ends, however it ends, so a lock file left by a
/// killed build is not held by anyone and the next build simply takes it over. The file names
/// the process holding it, for the message a second build prints. Local file systems only:
/// flock over NFS is not dependable.
final class BuildLock: @unchecked Sendable {
    /// The lock file.
    let path: String
    /// Who held the lock file last, when the file was left behind by a build that died.
    let previousHolder: String?
    // Never changes; closed by `release()`.
    private let descriptor: Int32

    private init(path: String, descriptor: Int32, previousHolder: String?) {
        self.path = path
        self.descriptor = descriptor
        self.previousHolder = previousHolder
    }

    /// The lock file's path for `output`.
    static func path(for output: URL) -> String {
        let output = OutputLocation.canonical(output)
        return output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).charter-lock").path
    }

    /// Takes the lock for `output`. When another build holds it, waits for it if `wait`, else
    /// throws `CharterError.locked` at once, naming the holder.
    static func acquire(for output: URL, wait: Bool) throws -> BuildLock {
        let output = OutputLocation.canonical(output)
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CharterError.unwritable(parent.path, error.localizedDescription)
        }
        let path = path(for: output)
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw CharterError.unwritable(path, String(cString: strerror(errno))) }
            var locked = flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0
            while !locked, wait, errno == EINTR { locked = flock(descriptor, LOCK_EX) == 0 }
            guard locked else {
                let failure = errno
                let holder = contents(of: descriptor)
                close(descriptor)
                if failure == EWOULDBLOCK {
                    throw CharterError.locked(output.path, holder: holder.isEmpty ? "a process that has not said who it is" : holder)
                }
                throw CharterError.unwritable(path, String(cString: strerror(failure)))
            }
            afterLockingHook?(path)
            // A build that released the lock between our open and flock has removed the file:
            // the lock that counts is the one on the file now at that path.
            var held = stat(), current = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &current) == 0,
                  held.st_dev == current.st_dev, held.st_ino == current.st_ino
            else {
                close(descriptor)
                continue
            }
            // Every build that writes this output holds this lock, so what interrupted builds left
            // beside it is stale now, even when this build turns out to have nothing to write.
            StagedSite.removeLeftovers(next: output)
            let previous = contents(of: descriptor)
            let note = "pid \(getpid()), started \(ISO8601DateFormatter().string(from: Date()))"
            _ = ftruncate(descriptor, 0)
            _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
            return BuildLock(path: path, descriptor: descriptor, previousHolder: previous.isEmpty ? nil : previous)
        }
    }

    /// Removes the lock file and lets the next build in. Removing it while still holding the
    /// lock is what makes the inode check in `acquire` sufficient.
    func release() {
        unlink(path)
        close(descriptor)
    }

    /// Called with the lock file's path each time flock succeeds, before the check that the
    /// locked file is still the one at the path. Tests set it to hold a build at that moment and
    /// let another take the lock; nil otherwise.
    static var afterLockingHook: (@Sendable (String) -> Void)? {
        get { hookLock.withLock { hook } }
        set { hookLock.withLock { hook = newValue } }
    }
    private static let hookLock = NSLock()
    nonisolated(unsafe) private static var hook: (@Sendable (String) -> Void)?

    private static func contents(of descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
