import Foundation
import Testing
@testable import CharterKit

/// The threads every build runs its parallel stages on.
@Suite struct WorkerPoolTests {
    /// Lets threads wait, under a lock, until a number of them have arrived, and names the threads.
    final class Meeting: @unchecked Sendable {
        private let condition = NSCondition()
        private var arrived = 0
        private(set) var threads: Set<String> = []

        /// Arrives and waits (at most 20 s) until `expected` have arrived; true if they did.
        func meet(_ expected: Int) -> Bool {
            condition.withLock {
                arrived += 1
                threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())")
                condition.broadcast()
                let deadline = Date().addingTimeInterval(20)
                while arrived < expected {
                    if !condition.wait(until: deadline) { return false }
                }
                return true
            }
        }
    }

    /// Values gathered from several threads.
    final class Gathered<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Value] = []
        func add(_ value: Value) { lock.withLock { stored.append(value) } }
        var values: [Value] { lock.withLock { stored } }
    }

    @Test("a map keeps the order of its input and calls the transform once per item", arguments: [1, 2, 3, 7])
    func order(workers: Int) {
        let inputs = Array(0..<500)
        let calls = Gathered<Int>()
        let output = ParallelMap.map(inputs, workers: workers) { number -> String in
            calls.add(number)
            return "item \(number)"
        }
        #expect(output == inputs.map { "item \($0)" })
        #expect(calls.values.sorted() == inputs)
    }

    @Test("the threads asked for really run at once: three items meet only if three threads hold them together")
    func concurrent() {
        let pool = WorkerPool()
        let meeting = Meeting()
        let results = Gathered<Bool>()
        pool.run(count: 3, workers: 3) { _ in results.add(meeting.meet(3)) }
        #expect(results.values == [true, true, true])
        #expect(meeting.threads.count == 3)
        #expect(pool.threadCount == 2)
    }

    @Test("the pool's threads are made once and used by every later call")
    func reused() {
        let pool = WorkerPool()
        for _ in 0..<50 {
            pool.run(count: 20, workers: 3) { _ in }
        }
        #expect(pool.threadCount == 2)
        pool.run(count: 20, workers: 5) { _ in }
        #expect(pool.threadCount == 4)
        pool.run(count: 20, workers: 2) { _ in }
        #expect(pool.threadCount == 4)
    }

    @Test("a map inside a map finishes while every thread of the pool is busy with the outer one")
    func nested() {
        let pool = WorkerPool()
        let sums = Gathered<[Int]>()
        pool.run(count: 4, workers: 2) { outer in
            let items = Gathered<Int>()
            pool.run(count: 100, workers: 2) { item in items.add(item) }
            sums.add([outer, items.values.reduce(0, +), items.values.count])
        }
        #expect(sums.values.sorted { $0[0] < $1[0] } == [[0, 4950, 100], [1, 4950, 100], [2, 4950, 100], [3, 4950, 100]])
    }
}
