import CharterKit
import Foundation

/// The build's progress on one line of a terminal, rewritten in place; nothing at all when
/// standard error is not a terminal (CI logs, pipes), where only the final summary is printed.
final class ProgressLine: @unchecked Sendable {
    // `shown` and `last` are guarded by the lock; reports come from several threads.
    private let lock = NSLock()
    private var shown = false
    private var last = Date.distantPast

    /// A progress line, or nil when standard error is not a terminal.
    static func make() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    func show(_ progress: BuildProgress) {
        lock.withLock {
            let now = Date()
            // At most about twenty updates a second, and always the last one.
            guard now.timeIntervalSince(last) > 0.05 || progress.done == progress.total else { return }
            last = now
            let count = progress.total > 0 ? " \(progress.done)/\(progress.total)" : ""
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(progress.stage)…\(count)".utf8))
            shown = true
        }
    }

    /// Removes the line, so that diagnostics and the summary start on a clean line.
    func clear() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            shown = false
        }
    }
}
