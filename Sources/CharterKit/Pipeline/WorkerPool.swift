import Foundation

/// Threads that live as long as the process and run the parallel stages of every build.
///
/// Each call to `run` hands its items to these threads and works on them itself too, so a
/// call made from inside an item (the print page renders its sections in parallel from inside
/// the parallel making of pages) finishes even when every thread is busy. The pool grows to
/// the largest number of threads a call asked for and never shrinks. Threads made afresh for
/// every call, as before, each left glibc a malloc arena that a long-lived process (`serve`)
/// kept growing; these threads use the same arenas from one build to the next.
final class WorkerPool: @unchecked Sendable {
    /// The pool every build of the process uses.
    static let shared = WorkerPool()

    // `batches` and `threads` are guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var threads = 0

    /// How many threads the pool has started so far.
    var threadCount: Int { condition.withLock { threads } }

    /// Calls `body` with every index of `0..<count` on up to `workers` threads, the calling
    /// thread among them, and returns when every call has returned.
    func run(count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let helpers = min(workers, count) - 1
        guard helpers > 0 else {
            for index in 0..<count { body(index) }
            return
        }
        let batch = Batch(count: count, helpers: helpers, body: body)
        condition.withLock {
            while threads < helpers {
                threads += 1
                let thread = Thread { [self] in serve() }
                thread.stackSize = 8 << 20
                thread.start()
            }
            batches.append(batch)
            condition.broadcast()
        }
        batch.work()
        batch.waitUntilDone()
    }

    /// A pool thread's life: take a share of the oldest batch that still has items and room
    /// for a helper, work until its items are all taken, and wait for the next.
    private func serve() {
        while true {
            condition.lock()
            var joined: Batch?
            while joined == nil {
                batches.removeAll { $0.isTaken }
                joined = batches.first { $0.join() }
                if joined == nil { condition.wait() }
            }
            condition.unlock()
            joined?.work()
        }
    }

    /// The items of one call to `run`.
    private final class Batch: @unchecked Sendable {
        let count: Int
        let body: @Sendable (Int) -> Void
        private let maximumHelpers: Int
        // Guarded by `state`.
        private let state = NSCondition()
        private var next = 0
        private var finished = 0
        private var helpers = 0

        init(count: Int, helpers: Int, body: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.maximumHelpers = helpers
            self.body = body
        }

        /// True when every item has been taken by some thread.
        var isTaken: Bool { state.withLock { next >= count } }

        /// Counts a pool thread in; false when the batch has all the helpers it asked for or
        /// nothing left to take.
        func join() -> Bool {
            state.withLock {
                guard next < count, helpers < maximumHelpers else { return false }
                helpers += 1
                return true
            }
        }

        /// Takes items one at a time until none is left.
        func work() {
            while let index = take() {
                body(index)
                state.withLock {
                    finished += 1
                    if finished == count { state.broadcast() }
                }
            }
        }

        func waitUntilDone() {
            state.withLock {
                while finished < count { state.wait() }
            }
        }

        private func take() -> Int? {
            state.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }
}
