import Foundation
@testable import CharterKit

/// The days the tests build on. No test reads the real clock: review dates, assessment ages and
/// measures' target dates fall due as the calendar moves, and a test built on the real day turns
/// red on the day one of them does (the `basic` fixture's listening plan did on 2026-12-01).
///
/// - In-process builds come from `SiteBuilder.pinned(root:output:today:)`.
/// - `charter` subprocesses get `SOURCE_DATE_EPOCH` from `TestDay.environment(_:)`, which
///   `CharterProcess`, `ServeProcess` and every other launcher of the binary use.
///
/// `PinnedDayTests` fails when a test builds a site any other way, and CI runs the whole suite a
/// second time with `SOURCE_DATE_EPOCH` 500 days ahead (docs/testing.md), so a path that reads
/// the real day is caught even when it is not a `SiteBuilder`.
enum TestDay {
    /// The day the `basic` fixture is checked on.
    static let fixture = CalendarDate(year: 2026, month: 11, day: 1)
    /// The day the example playbook in `content/` is checked on (scripts/test.sh pins the same).
    static let example = CalendarDate(year: 2026, month: 11, day: 23)

    /// `SOURCE_DATE_EPOCH` for noon UTC of `day`: noon, so that no rounding moves it to a
    /// neighbouring day.
    static func epoch(_ day: CalendarDate) -> String {
        let midnight = day.date!.timeIntervalSince1970
        return String(Int(midnight) + 12 * 3600)
    }

    /// This process's environment with `SOURCE_DATE_EPOCH` set to `day`, and `extra` on top.
    static func environment(_ day: CalendarDate = fixture, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = epoch(day)
        return environment.merging(extra) { $1 }
    }
}

extension SiteBuilder {
    /// A builder whose day is pinned: the one way tests make a `SiteBuilder`.
    static func pinned(root: URL, output: URL? = nil, today: CalendarDate = TestDay.fixture) -> SiteBuilder {
        var builder = SiteBuilder(root: root, output: output)
        builder.today = today
        // Test files are written moments before each build: without this, no build would
        // record its walk, and no test would check a build against the stamps.
        builder.stampsMargin = 0
        return builder
    }
}
