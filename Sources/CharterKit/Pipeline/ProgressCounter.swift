import Foundation

/// Counts finished pages from several threads and reports at most every 1% of the total.
final class ProgressCounter: @unchecked Sendable {
    // `done` and `reported` are guarded by the lock.
    private let lock = NSLock()
    private var done = 0
    private var reported = 0
    private let total: Int
    private let report: @Sendable (BuildProgress) -> Void

    init(total: Int, report: @escaping @Sendable (BuildProgress) -> Void) {
        self.total = total
        self.report = report
    }

    func advance(by count: Int) {
        let snapshot: Int? = lock.withLock {
            done += count
            let step = max(1, total / 100)
            guard done - reported >= step || done >= total else { return nil }
            reported = done
            return done
        }
        if let snapshot { report(BuildProgress(stage: "rendering pages", done: snapshot, total: total)) }
    }
}
