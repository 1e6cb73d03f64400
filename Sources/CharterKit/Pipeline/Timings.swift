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
            let line = "charter timing: \(stage): \(String(format: "%.1f", milliseconds)) ms\(detail.isEmpty ? "" : " (\(detail))")"
                + Timings.memory() + "\n"
            FileHandle.standardError.write(Data(line.utf8))
            last = ContinuousClock.now
        }
    }

    /// The resident size now and at its peak so far, as ` [resident 412 MiB, peak 530 MiB]`,
    /// from `/proc/self/statm` and `getrusage`; empty where neither is known.
    static func memory() -> String {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return "" }
        // Linux gives the peak in KiB.
        let peak = Int(usage.ru_maxrss) / 1024
        var resident = ""
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
           let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
            resident = "resident \(pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576) MiB, "
        }
        return " [\(resident)peak \(peak) MiB]"
    }
}
