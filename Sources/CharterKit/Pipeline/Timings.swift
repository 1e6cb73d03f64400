import Foundation

/// Stage times on standard error when `CHARTER_TIMINGS` is set, for the benchmark
/// (`scripts/bench.sh` reports the search index's build time from it).
enum Timings {
    static let enabled = ProcessInfo.processInfo.environment["CHARTER_TIMINGS"] != nil

    /// Times stages one after another: each `lap` reports the time since the last one.
    struct Laps {
        private var last = ContinuousClock.now

        mutating func lap(_ stage: String, _ detail: @autoclosure () -> String = "") {
            guard Timings.enabled else { return }
            let elapsed = ContinuousClock.now - last
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let detail = detail()
            let line = "charter timing: \(stage): \(String(format: "%.1f", milliseconds)) ms\(detail.isEmpty ? "" : " (\(detail))")\n"
            FileHandle.standardError.write(Data(line.utf8))
            last = ContinuousClock.now
        }
    }
}
