import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Named points in a build where a test can make the process die, as a power cut or `kill -9`
/// would, to prove that a build killed there leaves the previous site whole and nothing behind.
///
/// `CHARTER_FAILPOINT=NAME` in the environment arms one point: when the build reaches it,
/// Charter prints `charter: failpoint NAME` to standard error and sends itself SIGKILL. Nothing
/// else reads the variable, and an unarmed point costs one comparison.
public enum Failpoint: String, CaseIterable, Sendable {
    /// The staging folder beside the output exists, and its marker file is not written yet.
    case stagingCreated = "staging-created"
    /// Some of the new site's files are in the staging folder, not all.
    case midWrite = "mid-write"
    /// The build cache describing the new site is saved; the swap has not happened.
    case cacheSaved = "cache-saved"
    /// The new site is complete and flushed to the disk; the swap has not happened.
    case beforeSwap = "before-swap"
    /// The new site is swapped in; the old one, now in the staging folder, is not removed yet.
    case afterSwap = "after-swap"

    /// The point armed for this process, if any.
    static let armed: Failpoint? = ProcessInfo.processInfo.environment["CHARTER_FAILPOINT"].flatMap(Failpoint.init(rawValue:))

    /// Dies here when this point is armed.
    func reached() {
        guard Self.armed == self else { return }
        FileHandle.standardError.write(Data("charter: failpoint \(rawValue)\n".utf8))
        kill(getpid(), SIGKILL)
    }

    /// Dies the `count`th time the armed point is reached, from any thread.
    func reached(time count: Int) {
        guard Self.armed == self else { return }
        if Self.callsLock.withLock({ Self.calls += 1; return Self.calls }) == count { reached() }
    }

    // How often the armed point has been reached; only the armed point counts.
    private static let callsLock = NSLock()
    nonisolated(unsafe) private static var calls = 0
}
